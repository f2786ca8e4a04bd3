/**
 * sin and cos of one argument with a single argument reduction, for hot loops that need both
 * (e.g. exp(-i phase) of a frequency-domain waveform at every bin). Agrees with Math.sin/Math.cos
 * to a few 1e-16 absolute for |x| < 2^19 pi/2; larger arguments fall back to Math.sin/Math.cos.
 *
 * Method: n = round(2x/pi), r = x - n pi/2 with pi/2 split into three doubles (33 + 32 + 53 bits,
 * so n * P1 and n * P2 are exact for |n| < 2^20: Cody-Waite reduction), then Taylor polynomials of
 * sin and cos on |r| <= pi/4 (truncation below 1e-16) and the quadrant n mod 4.
 */

/** pi/2 = P1 + P2 + P3: leading 33 bits, next 32 bits, remainder (derived from the decimal digits of pi). */
const P1 = 1.5707963267341256;
const P2 = 6.077100506303966e-11;
const P3 = 2.0222662487959506e-21;
const TWO_OVER_PI = 2 / Math.PI;
const REDUCTION_LIMIT = 2 ** 19 * (Math.PI / 2);

/* Taylor coefficients (-1)^k / (2k+1)! and (-1)^k / (2k)!. */
const S3 = -1 / 6;
const S5 = 1 / 120;
const S7 = -1 / 5040;
const S9 = 1 / 362880;
const S11 = -1 / 39916800;
const S13 = 1 / 6227020800;
const S15 = -1 / 1307674368000;
const C4 = 1 / 24;
const C6 = -1 / 720;
const C8 = 1 / 40320;
const C10 = -1 / 3628800;
const C12 = 1 / 479001600;
const C14 = -1 / 87178291200;
const C16 = 1 / 20922789888000;

/**
 * Write sin(x) to out[offset] and cos(x) to out[offset + 1].
 * @param x angle [rad]
 * @param out scratch array owned by the caller (no allocation here)
 * @param offset index of the sine in `out` (default 0)
 */
export function sinCosInto(x: number, out: Float64Array, offset = 0): void {
  if (!(Math.abs(x) < REDUCTION_LIMIT)) {
    out[offset] = Math.sin(x);
    out[offset + 1] = Math.cos(x);
    return;
  }
  const n = Math.round(x * TWO_OVER_PI);
  const r = x - n * P1 - n * P2 - n * P3;
  const r2 = r * r;
  const s = r + r * r2 * (S3 + r2 * (S5 + r2 * (S7 + r2 * (S9 + r2 * (S11 + r2 * (S13 + r2 * S15))))));
  const c = 1 - 0.5 * r2 + r2 * r2 * (C4 + r2 * (C6 + r2 * (C8 + r2 * (C10 + r2 * (C12 + r2 * (C14 + r2 * C16))))));
  switch (n & 3) {
    case 0:
      out[offset] = s;
      out[offset + 1] = c;
      break;
    case 1:
      out[offset] = c;
      out[offset + 1] = -s;
      break;
    case 2:
      out[offset] = -s;
      out[offset + 1] = -c;
      break;
    default:
      out[offset] = -c;
      out[offset + 1] = s;
  }
}
