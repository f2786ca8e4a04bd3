/**
 * cos(x) and sin(x) together for the per-bin phase factors of the IMRPhenomD / IMRPhenomPv2 / IMRPhenomXAS
 * kernels, with short dependency chains: x = k pi/32 + r, |r| <= pi/64 (Cody-Waite
 * reduction on fdlibm's split of pi/2, divided by 16 exactly, so k * PIO32_HI is exact for |k| < 2^20),
 * then cos/sin(k pi/32) from a 64-entry table and Taylor polynomials in r truncated after r^9 and r^8
 * (truncation < 5e-18), combined by the angle-addition formulas. Accuracy: a few ulp of 1 for
 * |x| < 2^20 pi/32 ~ 1e5 rad (table entries from first-octant Math.cos / Math.sin and exact symmetries);
 * beyond that it falls back to core/sincos.ts (three-part reduction to ~1.6e6 rad, then Math.cos / Math.sin).
 */
import { sinCosInto } from '../core/sincos.js';

/** Leading 33 bits of pi/2 (fdlibm pio2_1) over 16: k * PIO32_HI is exact for |k| < 2^20. */
const PIO32_HI = 1.57079632673412561417e+0 / 16;
/** (pi/2 - fdlibm pio2_1) / 16 (fdlibm pio2_1t). */
const PIO32_LO = 6.07710050650619224932e-11 / 16;
const INV_PIO32 = 32 / Math.PI;
const K_MAX = 1 << 20;

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
 * Write cos(x) to out[0] and sin(x) to out[1].
 * @param x angle [rad], finite
 * @param out array of length >= 2 reused across calls (no allocation)
 */
export function sinCosTable(x: number, out: Float64Array): void {
  const k = Math.round(x * INV_PIO32);
  if (!(Math.abs(k) < K_MAX)) {
    sinCosInto(x, out);
    const sin = out[0];
    out[0] = out[1];
    out[1] = sin;
    return;
  }
  const r = (x - k * PIO32_HI) - k * PIO32_LO;
  const r2 = r * r;
  const s = r + r * r2 * (S3 + r2 * (S5 + r2 * (S7 + r2 * S9)));
  const c = 1 + r2 * (C2 + r2 * (C4 + r2 * (C6 + r2 * C8)));
  const j = 2 * (k & 63);
  const cj = TABLE[j];
  const sj = TABLE[j + 1];
  out[0] = cj * c - sj * s;
  out[1] = sj * c + cj * s;
}
