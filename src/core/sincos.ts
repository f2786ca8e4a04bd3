/**
 * cos(x) and sin(x) together, for the per-bin phase factors exp(-i phase) of the frequency-domain
 * waveform kernels, with short dependency chains: x = k pi/32 + r, |r| <= pi/64, then cos/sin(k pi/32)
 * from a 64-entry table and Taylor polynomials in r truncated after r^9 and r^8 (truncation < 5e-18),
 * combined by the angle-addition formulas. Argument reduction (Cody-Waite): for |k| < 2^20 (|x| < ~1e5 rad)
 * on fdlibm's two-part split of pi/2 divided by 16 (k * PIO32_HI exact); for |k| < 2^25 (~4.9e6 rad, the
 * phases of long inspirals) on a three-part split of pi/32 (28 + 26 + 53 bits, k * parts exact); beyond,
 * Math.cos / Math.sin. Accuracy: a few ulp of 1 below ~1e5 rad, ~1e-16 |x| relative beyond (tested).
 */

/** Leading 33 bits of pi/2 (fdlibm pio2_1) over 16: k * PIO32_HI is exact for |k| < 2^20. */
const PIO32_HI = 1.57079632673412561417e+0 / 16;
/** (pi/2 - fdlibm pio2_1) / 16 (fdlibm pio2_1t). */
const PIO32_LO = 6.07710050650619224932e-11 / 16;
/** pi/32 = Q1 + Q2 + Q3 (28-bit, 26-bit and 53-bit parts): k Q1 and k Q2 are exact for |k| < 2^25. */
const Q1 = 2 * 0.049087385181337595;
const Q2 = 2 * 3.100292418622974e-11;
const Q3 = 2 * 1.7878714769093224e-19;
const INV_PIO32 = 32 / Math.PI;
const K_TWO_PART = 1 << 20;
const K_THREE_PART = 1 << 25;

const S3 = -1 / 6;
const S5 = 1 / 120;
const S7 = -1 / 5040;
const S9 = 1 / 362880;
const C2 = -1 / 2;
const C4 = 1 / 24;
const C6 = -1 / 720;
const C8 = 1 / 40320;

/** cos(j pi/32) and sin(j pi/32), j = 0..63, interleaved (cos at 2 j, sin at 2 j + 1). */
const TABLE = buildTable();

function buildTable(): Float64Array {
  const t = new Float64Array(128);
  const c = new Float64Array(17);
  const s = new Float64Array(17);
  // first octant directly (angle error < 6e-17), then the exact symmetries cos(pi/2 - a) = sin(a) ...
  for (let m = 0; m <= 8; m++) {
    const a = m * PIO32_HI + m * PIO32_LO;
    c[m] = Math.cos(a);
    s[m] = Math.sin(a);
  }
  for (let m = 9; m <= 16; m++) {
    c[m] = s[16 - m];
    s[m] = c[16 - m];
  }
  for (let j = 0; j < 64; j++) {
    const q = j >> 4;
    const m = j & 15;
    const cm = c[m];
    const sm = s[m];
    // cos/sin(q pi/2 + a) for q = 0..3
    t[2 * j] = q === 0 ? cm : q === 1 ? -sm : q === 2 ? -cm : sm;
    t[2 * j + 1] = q === 0 ? sm : q === 1 ? cm : q === 2 ? -sm : -cm;
  }
  return t;
}

/**
 * Write cos(x) to out[0] and sin(x) to out[1] (NaN for non-finite x).
 * @param x angle [rad]
 * @param out array of length >= 2 reused across calls (no allocation)
 */
export function sinCosTable(x: number, out: Float64Array): void {
  const k = Math.round(x * INV_PIO32);
  let r: number;
  if (Math.abs(k) < K_TWO_PART) {
    r = (x - k * PIO32_HI) - k * PIO32_LO;
  } else if (Math.abs(k) < K_THREE_PART) {
    r = ((x - k * Q1) - k * Q2) - k * Q3;
  } else {
    out[0] = Math.cos(x);
    out[1] = Math.sin(x);
    return;
  }
  const r2 = r * r;
  const s = r + r * r2 * (S3 + r2 * (S5 + r2 * (S7 + r2 * S9)));
  const c = 1 + r2 * (C2 + r2 * (C4 + r2 * (C6 + r2 * C8)));
  const j = 2 * (k & 63);
  const cj = TABLE[j];
  const sj = TABLE[j + 1];
  out[0] = cj * c - sj * s;
  out[1] = sj * c + cj * s;
}
