/**
 * `parabolic_fit_hessian` (mbank/metric.py get_parabolic_fit_hessian): the hessian
 * metric with each eigenvalue replaced by a fit of the TRUE mismatch along its eigen-direction v:
 * at theta +- eps v with predicted mismatches lambda eps^2 = 0.01 and 0.02 (both signs: the cubic term
 * cancels), fit 1 - match = a eps^2 by least squares through the origin; the new eigenvalue is a.
 * True matches: standard match maximised over phase and a continuous time shift (matchRefined).
 *
 * Differences from mbank: mbank starts from the symphony metric, scans eps in logspace(-4, 1, 7) keeping
 * matches >= 0.9, and takes |a| (which hides negative curvature); we probe the mismatch range a
 * bank uses (0.01-0.02), skip points outside the physical domain, and keep the hessian eigenvalue when the
 * fit is not positive (then the metric is flagged only if the hessian itself was not positive definite).
 * A probe that falls outside the physical domain is moved closer (eps halved, at most 8 times).
 */
import { thetaProblem } from '../coordinates/box.js';
import { matchRefined } from '../match/refine.js';
import { describeMetric, metricMatrix, type MetricResult } from './metric.js';
import type { MetricWorkspace } from './workspace.js';
import { symmetricEigen } from '../core/linalg.js';

/** Predicted mismatches at which the true mismatch is probed along each eigen-direction. */
export const PARABOLIC_FIT_MISMATCHES: readonly number[] = [0.01, 0.02];

/** The parabolic-fit hessian at theta (inside/outside handled by the caller). */
export function parabolicFitHessian(ws: MetricWorkspace, theta: ArrayLike<number>): MetricResult {
  const D = ws.format.D;
  const base = metricMatrix(ws, theta, 'hessian');
  const { values, vectors } = symmetricEigen(base, D);
  const h0 = ws.waveform(theta).hp;
  const x = new Float64Array(D);
  const fitted = Float64Array.from(values);
  for (let i = 0; i < D; i++) {
    const lambda = values[i];
    if (!(lambda > 0)) continue;
    let sxy = 0, sxx = 0;
    for (const mm of PARABOLIC_FIT_MISMATCHES) {
      for (const sign of [1, -1]) {
        // shrink the step (up to 2^-8) until the probe is a valid point of the format
        let eps = Math.sqrt(mm / lambda);
        let ok = false;
        for (let shrink = 0; shrink < 9 && !ok; shrink++) {
          if (shrink > 0) eps *= 0.5;
          for (let d = 0; d < D; d++) x[d] = theta[d] + sign * eps * vectors[d * D + i];
          ok = thetaProblem(ws.format, x) === null;
        }
        if (!ok) continue;
        const trueMismatch = 1 - matchRefined(ws.match, h0, ws.waveform(x).hp).match;
        const e2 = eps * eps;
        sxy += e2 * trueMismatch;
        sxx += e2 * e2;
      }
    }
    const a = sxx > 0 ? sxy / sxx : NaN;
    if (a > 0) fitted[i] = a;
  }
  const metric = new Float64Array(D * D);
  for (let r = 0; r < D; r++) {
    for (let c = 0; c < D; c++) {
      let s = 0;
      for (let k = 0; k < D; k++) s += vectors[r * D + k] * fitted[k] * vectors[c * D + k];
      metric[r * D + c] = s;
    }
  }
  return describeMetric(metric, D, true);
}
