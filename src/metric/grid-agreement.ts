/**
 * Agreement of the quadrature metric with the uniform-grid (every bin) metric at random points of a
 * problem (issue 17's acceptance test): per point the difference of 0.5 ln det M and the whitened
 * eigenvalues, the eigenvalues of L^{-1} M_quadrature L^{-T} with M_uniform = L L^T (all 1 when the two
 * metrics agree; |lambda - 1| bounds the relative error of every squared distance dtheta^T M dtheta).
 */
import { MbankError } from '../core/errors.js';
import { cholesky, symmetricEigen } from '../core/linalg.js';
import { Rng } from '../core/rng.js';
import { getVariableFormat } from '../coordinates/format.js';
import { regionFromRanges, type RangeOptions } from '../coordinates/box.js';
import { computeMetric } from './compute.js';
import { sampleChirpTimeFlat } from './mass-sampler.js';
import type { MetricType } from './metric.js';
import { DEFAULT_FD_STEP, MetricWorkspace, type MetricOptions } from './workspace.js';

/** Largest deviations over the points, and where they occur. */
export interface GridAgreement {
  /** Points compared (both metrics positive definite) and points skipped (either not, or failed). */
  compared: number;
  skipped: number;
  /** Points the quadrature workspace recomputed on the uniform grid (not resolved by its nodes). */
  fallbacks: number;
  /** max |0.5 ln det M_q - 0.5 ln det M_u| and the point where it occurs. */
  maxLogPdfDiff: number;
  worstLogPdfTheta: number[];
  /** max |lambda - 1| over the whitened eigenvalues and the point where it occurs. */
  maxWhitenedDev: number;
  worstWhitenedTheta: number[];
  /**
   * With `noiseLimit`: points whose uniform metric is itself uncertain beyond the limit (the whitened
   * eigenvalues of the uniform metric at twice and at half the finite-difference step deviate from 1 by
   * more: finite-difference noise in an almost flat direction, e.g. s1 sin(theta1) -> 0), and the largest
   * deviations of quadrature vs uniform over the other points (NaN without `noiseLimit`).
   */
  noiseLimited: number;
  maxLogPdfDiffResolved: number;
  maxWhitenedDevResolved: number;
  worstResolvedTheta: number[];
}

/** max |lambda_i - 1|. */
function maxDeviation(lambda: Float64Array): number {
  let m = 0;
  for (const l of lambda) m = Math.max(m, Math.abs(l - 1));
  return m;
}

/** Eigenvalues of L^{-1} B L^{-T} with A = L L^T (D x D row-major); null when A is not positive definite. */
export function whitenedEigenvalues(a: Float64Array, b: Float64Array, D: number): Float64Array | null {
  const L = cholesky(a, D);
  if (L === null) return null;
  // X = L^{-1} B (forward substitution per column), then W = X L^{-T} = (L^{-1} X^T)^T
  const solveLower = (m: Float64Array): Float64Array => {
    const out = new Float64Array(D * D);
    for (let c = 0; c < D; c++) {
      for (let r = 0; r < D; r++) {
        let s = m[r * D + c];
        for (let k = 0; k < r; k++) s -= L[r * D + k] * out[k * D + c];
        out[r * D + c] = s / L[r * D + r];
      }
    }
    return out;
  };
  const x = solveLower(b);
  const xt = new Float64Array(D * D);
  for (let r = 0; r < D; r++) for (let c = 0; c < D; c++) xt[c * D + r] = x[r * D + c];
  const w = solveLower(xt);
  for (let r = 0; r < D; r++) {
    for (let c = r + 1; c < D; c++) {
      const s = 0.5 * (w[r * D + c] + w[c * D + r]);
      w[r * D + c] = s;
      w[c * D + r] = s;
    }
  }
  return symmetricEigen(w, D).values;
}

/**
 * Compare the metric of `type` on the quadrature and on the uniform grid at `n` points drawn as the
 * dataset draws them (flat in the chirp times, seed `seed`) inside `ranges`.
 */
export function compareMetricGrids(
  options: MetricOptions, type: MetricType, ranges: RangeOptions, n: number, seed: number, noiseLimit?: number,
): GridAgreement {
  const uniform = new MetricWorkspace({ ...options, metricGrid: 'uniform' });
  const step = options.step ?? DEFAULT_FD_STEP;
  const otherSteps = noiseLimit === undefined ? [] : [2 * step, step / 2].map((h) => new MetricWorkspace({ ...options, metricGrid: 'uniform', step: h }));
  const quadrature = new MetricWorkspace({ ...options, metricGrid: 'quadrature' });
  const region = regionFromRanges(getVariableFormat(options.variableFormat), ranges);
  const D = region.format.D;
  const theta = sampleChirpTimeFlat(region, n, new Rng(seed));
  const out: GridAgreement = {
    compared: 0, skipped: 0, fallbacks: 0, maxLogPdfDiff: 0, worstLogPdfTheta: [], maxWhitenedDev: 0, worstWhitenedTheta: [],
    noiseLimited: noiseLimit === undefined ? NaN : 0, maxLogPdfDiffResolved: noiseLimit === undefined ? NaN : 0,
    maxWhitenedDevResolved: noiseLimit === undefined ? NaN : 0, worstResolvedTheta: [],
  };
  for (let i = 0; i < n; i++) {
    const x = theta.subarray(i * D, (i + 1) * D);
    let mu, mq;
    try {
      mu = computeMetric(uniform, x, type);
      mq = computeMetric(quadrature, x, type);
    } catch (e) {
      if (!(e instanceof MbankError)) throw e;
      out.skipped++;
      continue;
    }
    const lambda = mu.positiveDefinite && mq.positiveDefinite ? whitenedEigenvalues(mu.metric, mq.metric, D) : null;
    if (lambda === null) {
      out.skipped++;
      continue;
    }
    out.compared++;
    const d = Math.abs(mq.logPdf - mu.logPdf);
    if (!(d <= out.maxLogPdfDiff)) {
      out.maxLogPdfDiff = d;
      out.worstLogPdfTheta = Array.from(x);
    }
    const dev = maxDeviation(lambda);
    if (!(dev <= out.maxWhitenedDev)) {
      out.maxWhitenedDev = dev;
      out.worstWhitenedTheta = Array.from(x);
    }
    if (noiseLimit !== undefined) {
      const noisy = otherSteps.some((ws) => {
        const m2 = computeMetric(ws, x, type);
        const l2 = m2.positiveDefinite ? whitenedEigenvalues(mu.metric, m2.metric, D) : null;
        return l2 === null || maxDeviation(l2) > noiseLimit;
      });
      if (noisy) {
        out.noiseLimited++;
      } else {
        out.maxLogPdfDiffResolved = Math.max(out.maxLogPdfDiffResolved, d);
        if (!(dev <= out.maxWhitenedDevResolved)) {
          out.maxWhitenedDevResolved = dev;
          out.worstResolvedTheta = Array.from(x);
        }
      }
    }
  }
  out.fallbacks = quadrature.quadratureFallbacks;
  return out;
}
