/**
 * Small pieces shared by the chunked per-bin kernels (imrphenomd/chunk.ts, imrphenomp/kernel.ts,
 * imrphenomx/fill.ts): zeroing of bins and the series steps that carry exp and atan from one bin to the
 * next. The steps are tiny pure functions, so V8 inlines them into the hot loops (same operations, same
 * bits as writing them out in place).
 */

/** Set bins [k0, k1) of hp (and hc when given) to zero (interleaved complex arrays). */
export function zeroBins(hp: Float64Array, hc: Float64Array | null, k0: number, k1: number): void {
  if (!(k1 > k0)) return;
  hp.fill(0, 2 * k0, 2 * k1);
  if (hc !== null) hc.fill(0, 2 * k0, 2 * k1);
}

/**
 * exp(-(x + w)) from prev = exp(-x): prev exp(-w) with exp(-w) by its Taylor series to w^7
 * (truncation < 3e-21 for |w| < 0.01).
 */
export function expStep(prev: number, w: number): number {
  return prev * (1 - w * (1 - w * (1 / 2 - w * (1 / 6 - w * (1 / 24 - w * (1 / 120 - w * (1 / 720 - w * (1 / 5040))))))));
}

/**
 * atan(x) from prev = atan(xPrev) and d = (x - xPrev)/(1 + x xPrev): prev + atan(d), atan(d) by its
 * series to d^9 (truncation < 1e-22 for |d| < 0.01).
 */
export function atanStep(prev: number, d: number): number {
  const d2 = d * d;
  return prev + d * (1 - d2 * (1 / 3 - d2 * (1 / 5 - d2 * (1 / 7 - d2 * (1 / 9)))));
}

/**
 * Largest |second difference| dd of a phase between neighbouring bins over which exp(i phase) is carried by
 * rotations (rotationCos / rotationSin: truncation < 3e-21).
 */
export const MAX_PHASE_CURVATURE = 0.01;

/** cos(dd) by its Taylor series to dd^6, with q = dd^2 (|dd| < MAX_PHASE_CURVATURE). */
export function rotationCos(q: number): number {
  return 1 - q * (1 / 2 - q * (1 / 24 - q * (1 / 720)));
}

/** sin(dd) by its Taylor series to dd^7, with q = dd^2 (|dd| < MAX_PHASE_CURVATURE). */
export function rotationSin(dd: number, q: number): number {
  return dd * (1 - q * (1 / 6 - q * (1 / 120 - q * (1 / 5040))));
}

/**
 * k^{-1/6} and ln k for every bin of a grid whose frequencies are exactly k df (index 0 unused): a waveform on
 * it gets f^{-1/6} and ln f of every bin from one product and one sum (imrphenomx/fill.ts, imrphenomxhm/mode-kernel.ts),
 * its mass only scaling them.
 */
export interface GridPowers {
  df: number;
  kSixth: Float64Array;
  lnK: Float64Array;
}

/** The tables of each frequency array seen (null: not k df); built once per grid, so later fills allocate nothing. */
const GRID_POWERS = new WeakMap<Float64Array, GridPowers | null>();

/** GridPowers of `freqs` when freqs[k] = k freqs[1] exactly for every k (cached per array), else null. */
export function gridPowers(freqs: Float64Array): GridPowers | null {
  let g = GRID_POWERS.get(freqs);
  if (g === undefined) {
    const n = freqs.length;
    const df = n > 1 ? freqs[1] : 0;
    let uniform = df > 0 && freqs[0] === 0;
    for (let k = 2; k < n && uniform; k++) uniform = freqs[k] === k * df;
    g = null;
    if (uniform) {
      const kSixth = new Float64Array(n);
      const lnK = new Float64Array(n);
      for (let k = 1; k < n; k++) {
        kSixth[k] = 1 / Math.sqrt(Math.cbrt(k));
        lnK[k] = Math.log(k);
      }
      g = { df, kSixth, lnK };
    }
    GRID_POWERS.set(freqs, g);
  }
  return g;
}

/**
 * The start of a chunked fill of bins [kLo, kHi) for a model whose support is [rangeStart, rangeStop):
 * zeroes the bins of [kLo, kHi) outside the support and returns [kFrom, kStart, kStop): bins [kStart, kStop)
 * are written, and the recurrences start at kFrom, the first index of kStart's anchor block of 2^anchorShift
 * indices (not below rangeStart), so that the values do not depend on kLo. Null when nothing is written.
 */
export function startFill(
  hp: Float64Array, hc: Float64Array | null, rangeStart: number, rangeStop: number, kLo: number, kHi: number, anchorShift: number,
): [number, number, number] | null {
  const kStart = Math.max(rangeStart, kLo);
  const kStop = Math.max(kStart, Math.min(rangeStop, kHi));
  zeroBins(hp, hc, kLo, Math.min(kStart, kHi));
  zeroBins(hp, hc, Math.max(kStop, kLo), kHi);
  if (!(kStop > kStart)) return null;
  return [Math.max(rangeStart, (kStart >> anchorShift) << anchorShift), kStart, kStop];
}

/**
 * Frequencies [Hz] for a kernel's load-time type-feedback warm-up: 10 Hz, then 4 frequencies
 * M f (1 + 1e-4 j), j = 0..3, at each M f of `mfs` (carried recurrences), then `extraMfs` one each.
 * @param mSec total mass in seconds
 */
export function warmUpFrequencies(mSec: number, mfs: number[], extraMfs: number[] = []): Float64Array {
  const freqs: number[] = [10];
  for (const mf of mfs) for (let j = 0; j < 4; j++) freqs.push((mf * (1 + 1e-4 * j)) / mSec);
  for (const mf of extraMfs) freqs.push(mf / mSec);
  return Float64Array.from(freqs);
}
