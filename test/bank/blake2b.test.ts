import blakejs from 'blakejs';
import { describe, expect, it } from 'vitest';
import { Blake2bOneBlock } from '../../src/bank/blake2b.js';
import { Rng } from '../../src/core/rng.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('single-block BLAKE2b', () => {
  it('gives the BLAKE2b-512 digest of "abc" printed in RFC 7693 Appendix A', () => {
    const out = new Uint8Array(64);
    new Blake2bOneBlock().digest(new TextEncoder().encode('abc'), 64, out);
    expect(hex(out)).toBe('ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923');
  });

  it('agrees with the blakejs package for every message length 0..128 and digest lengths 1, 8, 32, 64', () => {
    const rng = new Rng(3);
    const b = new Blake2bOneBlock();
    for (let len = 0; len <= 128; len++) {
      const msg = new Uint8Array(len);
      for (let i = 0; i < len; i++) msg[i] = rng.int(256);
      for (const nn of [1, 8, 32, 64]) {
        const out = new Uint8Array(nn);
        expect(hex(b.digest(msg, nn, out))).toBe(hex(blakejs.blake2b(msg, undefined, nn)));
      }
    }
  });

  it('refuses a message longer than one block and a digest length outside 1..64', () => {
    const b = new Blake2bOneBlock();
    expect(() => b.digest(new Uint8Array(129), 8, new Uint8Array(8))).toThrow(/129/);
    expect(() => b.digest(new Uint8Array(8), 65, new Uint8Array(65))).toThrow(/65/);
  });
});
