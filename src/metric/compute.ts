/**
 * computeMetric: the metric of any type at one point, with eigenvalues, det, positive-definiteness
 * and logPdf = 0.5 ln det M inside the region (-Infinity outside, NaN if M is not positive definite).
 */
import type { Region } from '../coordinates/box.js';
import { isInside } from '../coordinates/box.js';
import { describeMetric, metricMatrix, type MetricResult, type MetricType } from './metric.js';
import { parabolicFitHessian } from './parabolic-fit.js';
import type { MetricWorkspace } from './workspace.js';

/** Result for a point outside the region: every number NaN, logPdf -Infinity. */
function outside(D: number): MetricResult {
  const nan = (n: number) => new Float64Array(n).fill(NaN);
  return { metric: nan(D * D), D, eigenvalues: nan(D), eigenvectors: nan(D * D), det: NaN, logPdf: -Infinity, positiveDefinite: false };
}

/**
 * The metric of `type` at theta. With a region, a point outside it is not computed (logPdf -Infinity).
 * Throws MbankError when theta is not a valid point of the format.
 */
export function computeMetric(ws: MetricWorkspace, theta: ArrayLike<number>, type: MetricType, region?: Region): MetricResult {
  const D = ws.format.D;
  if (region && !isInside(region, theta)) return outside(D);
  if (type === 'parabolic_fit_hessian') return parabolicFitHessian(ws, theta);
  return describeMetric(metricMatrix(ws, theta, type), D, true);
}
