/**
 * sin and cos of one argument with a single argument reduction, for hot loops that need both
 * (e.g. exp(-i phase) of a frequency-domain waveform at every bin). Agrees with Math.sin/Math.cos
 * to ~3e-16 absolute for |x| < 2^25 pi/64 (~1.6e6); larger arguments fall back to Math.sin/Math.cos.
 *
 * Method (table-based): n = round(64 x / pi), t = x - n pi/64 with pi/64 split into three doubles
 * (28 + 26 + 53 bits, so n P1 and n P2 are exact for |n| < 2^25: Cody-Waite reduction), |t| <= pi/128;
 * then sin x = s_j + (s_j (cos t - 1) + c_j sin t), cos x = c_j + (c_j (cos t - 1) - s_j sin t) with
 * (s_j, c_j) = (sin, cos)(j pi/64), j = n mod 128, from a constant table, and short Taylor
 * polynomials for sin t and cos t - 1 (truncation < 1e-17).
 */

/** pi/64 = P1 + P2 + P3 (28-bit, 26-bit and 53-bit parts, derived from the decimal digits of pi). */
const P1 = 0.049087385181337595;
const P2 = 3.100292418622974e-11;
const P3 = 1.7878714769093224e-19;
const SIXTY_FOUR_OVER_PI = 64 / Math.PI;
const REDUCTION_LIMIT = 2 ** 25 * (Math.PI / 64);

/** (sin, cos)(j pi/64), j = 0..127, interleaved; built from the first quadrant by exact symmetries. */
const TABLE: Float64Array = (() => {
  const quadrant = new Float64Array(64);
  for (let m = 0; m < 32; m++) {
    quadrant[2 * m] = Math.sin((m * Math.PI) / 64);
    quadrant[2 * m + 1] = Math.cos((m * Math.PI) / 64);
  }
  const table = new Float64Array(256);
  for (let j = 0; j < 128; j++) {
    const m = j & 31;
    const s = quadrant[2 * m];
    const c = quadrant[2 * m + 1];
    const q = j >> 5;
    table[2 * j] = q === 0 ? s : q === 1 ? c : q === 2 ? -s : -c;
    table[2 * j + 1] = q === 0 ? c : q === 1 ? -s : q === 2 ? -c : s;
  }
  return table;
})();

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
  const n = Math.round(x * SIXTY_FOUR_OVER_PI);
  const t = x - n * P1 - n * P2 - n * P3;
  const t2 = t * t;
  const sinT = t + t * t2 * (-1 / 6 + t2 * (1 / 120 - t2 / 5040));
  const cosTm1 = t2 * (-0.5 + t2 * (1 / 24 - t2 / 720));
  const j = 2 * (n & 127);
  const s = TABLE[j];
  const c = TABLE[j + 1];
  out[offset] = s + (s * cosTm1 + c * sinT);
  out[offset + 1] = c + (c * cosTm1 - s * sinT);
}
