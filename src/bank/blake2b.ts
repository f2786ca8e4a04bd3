/**
 * BLAKE2b (RFC 7693) of a message of at most one block (128 bytes), unkeyed, with a digest of
 * 1..64 bytes: the case of PyCBC's template hash (9 float64 = 72 bytes, 8-byte digest), written for
 * millions of calls: no allocation per call, 64-bit words as (lo, hi) int32 pairs in one scratch.
 *
 * One block: h = IV with h0 ^= 0x01010000 | nn (digest length nn, key length 0); the block is the
 * message zero-padded to 128 bytes, compressed once with counter t = message length and the final
 * flag set (v14 = ~v14); digest = the first nn bytes of h, little-endian.
 */

/** SHA-512 initial values as (lo, hi) int32 pairs (RFC 7693 section 2.6). */
const IV = new Int32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

/** Message schedule SIGMA (RFC 7693 section 2.7), rounds 10 and 11 reuse rows 0 and 1. */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
/** SIGMA as word offsets (2 x index) for the 12 rounds, flattened. */
const SCHEDULE = new Uint8Array(12 * 16);
for (let r = 0; r < 12; r++) for (let i = 0; i < 16; i++) SCHEDULE[16 * r + i] = 2 * SIGMA[r % 10][i];

/** Reusable state of single-block BLAKE2b; not safe for concurrent use (one per thread). */
export class Blake2bOneBlock {
  private readonly v = new Int32Array(32);
  private readonly m = new Int32Array(32);
  private readonly h = new Int32Array(16);
  private readonly block = new Uint8Array(128);
  private readonly blockWords = new DataView(this.block.buffer);

  /**
   * Digest (nn bytes, 1..64) of `message` (at most 128 bytes) into `out` (length >= nn).
   * Throws RangeError for a longer message or a digest length outside 1..64.
   */
  digest(message: Uint8Array, nn: number, out: Uint8Array): Uint8Array {
    if (message.length > 128) throw new RangeError(`message length ${message.length}: at most 128 bytes (one block)`);
    if (!(nn >= 1 && nn <= 64)) throw new RangeError(`digest length ${nn}: must be 1..64 bytes`);
    this.block.fill(0);
    this.block.set(message);
    const m = this.m, v = this.v, h = this.h, w = this.blockWords;
    for (let i = 0; i < 32; i++) m[i] = w.getInt32(4 * i, true);
    h.set(IV);
    h[0] ^= 0x01010000 ^ nn;
    v.set(h);
    v.set(IV, 16);
    v[24] ^= message.length; // t0 (low word of the 128-bit counter)
    v[28] = ~v[28]; // final block: v14 = ~v14 (both halves)
    v[29] = ~v[29];
    for (let r = 0; r < 12; r++) {
      const s = 16 * r;
      mix(v, m, 0, 8, 16, 24, SCHEDULE[s], SCHEDULE[s + 1]);
      mix(v, m, 2, 10, 18, 26, SCHEDULE[s + 2], SCHEDULE[s + 3]);
      mix(v, m, 4, 12, 20, 28, SCHEDULE[s + 4], SCHEDULE[s + 5]);
      mix(v, m, 6, 14, 22, 30, SCHEDULE[s + 6], SCHEDULE[s + 7]);
      mix(v, m, 0, 10, 20, 30, SCHEDULE[s + 8], SCHEDULE[s + 9]);
      mix(v, m, 2, 12, 22, 24, SCHEDULE[s + 10], SCHEDULE[s + 11]);
      mix(v, m, 4, 14, 16, 26, SCHEDULE[s + 12], SCHEDULE[s + 13]);
      mix(v, m, 6, 8, 18, 28, SCHEDULE[s + 14], SCHEDULE[s + 15]);
    }
    for (let i = 0; i < 16; i++) h[i] ^= v[i] ^ v[i + 16];
    for (let i = 0; i < nn; i++) out[i] = h[i >> 2] >>> (8 * (i & 3));
    return out;
  }
}

/**
 * The G function of RFC 7693 section 3.1 on words a, b, c, d (int32 pair offsets) with message words
 * x, y: a += b + x; d = (d ^ a) >>> 32; c += d; b = (b ^ c) >>> 24; a += b + y; d = (d ^ a) >>> 16;
 * c += d; b = (b ^ c) >>> 63. 64-bit words as (lo, hi) int32 pairs, carries from unsigned compares.
 */
function mix(v: Int32Array, m: Int32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  let al = v[a], ah = v[a + 1], bl = v[b], bh = v[b + 1], cl = v[c], ch = v[c + 1], dl = v[d], dh = v[d + 1];
  let t = (al + bl) | 0;
  ah = (ah + bh + ((t >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
  al = (t + m[x]) | 0;
  ah = (ah + m[x + 1] + ((al >>> 0) < (t >>> 0) ? 1 : 0)) | 0;
  t = dl ^ al; dl = dh ^ ah; dh = t; // rotr 32
  t = (cl + dl) | 0;
  ch = (ch + dh + ((t >>> 0) < (cl >>> 0) ? 1 : 0)) | 0;
  cl = t;
  t = bl ^ cl; bh ^= ch; // rotr 24
  bl = (t >>> 24) | (bh << 8);
  bh = (bh >>> 24) | (t << 8);
  t = (al + bl) | 0;
  ah = (ah + bh + ((t >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
  al = (t + m[y]) | 0;
  ah = (ah + m[y + 1] + ((al >>> 0) < (t >>> 0) ? 1 : 0)) | 0;
  t = dl ^ al; dh ^= ah; // rotr 16
  dl = (t >>> 16) | (dh << 16);
  dh = (dh >>> 16) | (t << 16);
  t = (cl + dl) | 0;
  ch = (ch + dh + ((t >>> 0) < (cl >>> 0) ? 1 : 0)) | 0;
  cl = t;
  t = bl ^ cl; bh ^= ch; // rotr 63 = rotl 1
  bl = (t << 1) | (bh >>> 31);
  bh = (bh << 1) | (t >>> 31);
  v[a] = al; v[a + 1] = ah; v[b] = bl; v[b + 1] = bh; v[c] = cl; v[c + 1] = ch; v[d] = dl; v[d + 1] = dh;
}
