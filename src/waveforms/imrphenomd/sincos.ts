/**
 * cos(x) and sin(x) together with one shared argument reduction, for the per-bin phase factor
 * exp(-i phi) (phases up to ~1e7 rad). Accuracy: a few ulp of 1 for |x| < 2^20 pi/2
 * (Cody-Waite reduction with a 33-bit leading part of pi/2, so k * PIO2_HI is exact, then
 * Taylor polynomials on |r| <= pi/4 truncated after r^15 and r^16: truncation error < 5e-17).
 * Beyond that range it falls back to Math.cos / Math.sin.
 */

/** Leading 33 bits of pi/2 (fdlibm pio2_1): k * PIO2_HI is exact for |k| < 2^20. */
const PIO2_HI = 1.57079632673412561417e+0;
/** pi/2 - PIO2_HI (fdlibm pio2_1t). */
const PIO2_LO = 6.07710050650619224932e-11;
const TWO_OVER_PI = 2 / Math.PI;
const K_MAX = 1 << 20;

// Taylor coefficients (-1)^n / (2n+1)! and (-1)^n / (2n)!.
const S3 = -1 / 6;
const S5 = 1 / 120;
const S7 = -1 / 5040;
const S9 = 1 / 362880;
const S11 = -1 / 39916800;
const S13 = 1 / 6227020800;
const S15 = -1 / 1307674368000;
const C2 = -1 / 2;
const C4 = 1 / 24;
const C6 = -1 / 720;
const C8 = 1 / 40320;
const C10 = -1 / 3628800;
const C12 = 1 / 479001600;
const C14 = -1 / 87178291200;
const C16 = 1 / 20922789888000;

/**
 * Write cos(x) to out[0] and sin(x) to out[1].
 * @param x angle [rad], finite
 * @param out array of length >= 2 reused across calls (no allocation)
 */
export function sinCos(x: number, out: Float64Array): void {
  const k = Math.round(x * TWO_OVER_PI);
  if (!(Math.abs(k) < K_MAX)) {
    out[0] = Math.cos(x);
    out[1] = Math.sin(x);
    return;
  }
  const r = (x - k * PIO2_HI) - k * PIO2_LO;
  const r2 = r * r;
  const s = r + r * r2 * (S3 + r2 * (S5 + r2 * (S7 + r2 * (S9 + r2 * (S11 + r2 * (S13 + r2 * S15))))));
  const c = 1 + r2 * (C2 + r2 * (C4 + r2 * (C6 + r2 * (C8 + r2 * (C10 + r2 * (C12 + r2 * (C14 + r2 * C16)))))));
  // Quadrant q = k mod 4, selected without branches (q is effectively random from bin to bin):
  // cos x = sg (c, -s, c, -s)[q & 1 ...], sin x likewise, with sg = +1 for q = 0, 1 and -1 for q = 2, 3.
  const q = k & 3;
  const odd = q & 1;
  const even = 1 - odd;
  const sg = 1 - (q & 2);
  out[0] = sg * (even * c - odd * s);
  out[1] = sg * (even * s + odd * c);
}
