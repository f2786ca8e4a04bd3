/**
 * Metric approximation of the match (mbank metric.py metric_match): 1 - dtheta^T M dtheta.
 */
import { invalid } from '../core/errors.js';

/** dtheta^T M dtheta for a D x D row-major metric. */
export function metricDistanceSq(metric: ArrayLike<number>, dtheta: ArrayLike<number>): number {
  const D = dtheta.length;
  if (metric.length !== D * D) invalid('metric length', metric.length, `must be D*D = ${D * D} for a displacement of ${D} coordinates`);
  let s = 0;
  for (let i = 0; i < D; i++) {
    let r = 0;
    for (let j = 0; j < D; j++) r += metric[i * D + j] * dtheta[j];
    s += dtheta[i] * r;
  }
  return s;
}

/** Metric match 1 - dtheta^T M dtheta between theta1 and theta2 = theta1 + dtheta, with M given. */
export function metricMatch(metric: ArrayLike<number>, theta1: ArrayLike<number>, theta2: ArrayLike<number>): number {
  if (theta1.length !== theta2.length) invalid('theta2 length', theta2.length, `must equal theta1 length ${theta1.length}`);
  const d = Float64Array.from({ length: theta1.length }, (_, i) => theta2[i] - theta1[i]);
  return 1 - metricDistanceSq(metric, d);
}
