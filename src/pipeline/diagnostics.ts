/**
 * Checks of a run that a user reads before trusting the bank:
 * - volume of the space by importance sampling on flow samples (mbank_compute_volume):
 *   V = p_in * mean_i sqrt|det M(θ_i)| / q(θ_i) over flow samples θ_i inside the region
 *   (p_in = fraction of flow samples inside), with its standard error, and mbank's predicted count
 *   N = V / (2 sqrt((1 - MM)/D))^D (arXiv:2302.00436, eq. 16);
 * - flow accuracy: residuals r = log q(θ) + C - 0.5 ln det M(θ) (nats), whose standard deviation
 *   says how far the flow's density is from sqrt|det M| (0 for a perfect flow, up to a constant).
 */
import { slogdet } from '../core/linalg.js';

/** Importance-sampling volume estimate. */
export interface VolumeEstimate {
  /** ∫ sqrt|det M| dθ over the region (coordinate units). */
  volume: number;
  /** One-sigma standard error of `volume`. */
  volumeError: number;
  /** Points with a usable metric that the mean rests on. */
  points: number;
  /** Fraction of flow samples inside the region. */
  insideFraction: number;
  /** mbank's predicted template count V / (2 sqrt((1 - MM)/D))^D. */
  predictedTemplates: number;
}

/** Residual statistics of log q + C against 0.5 ln det M (nats). */
export interface FlowAccuracy {
  points: number;
  mean: number;
  std: number;
  /** Residuals, one per usable point (for the plots). */
  residuals: Float64Array;
}

/** 0.5 ln det M of each metric (NaN where M is not positive definite or not finite). */
export function halfLogDet(metrics: readonly Float64Array[], D: number): Float64Array {
  return Float64Array.from(metrics, (m) => {
    if (!m.every(Number.isFinite)) return NaN;
    const { sign, logAbsDet } = slogdet(m, D);
    return sign > 0 ? 0.5 * logAbsDet : NaN;
  });
}

/**
 * Volume from flow samples inside the region: `halfLogDetM` and `logQ` per sample (NaN entries
 * skipped), `insideFraction` and the number of draws it was measured on.
 */
export function estimateVolume(halfLogDetM: Float64Array, logQ: Float64Array, insideFraction: number, draws: number, minimalMatch: number, D: number): VolumeEstimate {
  const w: number[] = [];
  for (let i = 0; i < halfLogDetM.length; i++) {
    const lw = halfLogDetM[i] - logQ[i];
    if (Number.isFinite(lw)) w.push(Math.exp(lw));
  }
  const n = w.length;
  const mean = n > 0 ? w.reduce((a, b) => a + b, 0) / n : NaN;
  const variance = n > 1 ? w.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : NaN;
  const volume = insideFraction * mean;
  const relVar = variance / (n * mean * mean) + (insideFraction < 1 && draws > 0 ? (1 - insideFraction) / (insideFraction * draws) : 0);
  const cell = (2 * Math.sqrt((1 - minimalMatch) / D)) ** D;
  return { volume, volumeError: Math.abs(volume) * Math.sqrt(relVar), points: n, insideFraction, predictedTemplates: volume / cell };
}

/** Residuals log q + C - l over the finite entries. */
export function flowAccuracy(logQ: ArrayLike<number>, constant: number, logPdf: ArrayLike<number>): FlowAccuracy {
  const r: number[] = [];
  for (let i = 0; i < logPdf.length; i++) {
    const v = logQ[i] + constant - logPdf[i];
    if (Number.isFinite(v)) r.push(v);
  }
  const n = r.length;
  const mean = n > 0 ? r.reduce((a, b) => a + b, 0) / n : NaN;
  const std = n > 1 ? Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : NaN;
  return { points: n, mean, std, residuals: Float64Array.from(r) };
}
