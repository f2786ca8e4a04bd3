/**
 * Adapters from the metric and coordinates modules to the placement interfaces: a MetricField that
 * evaluates the real GW metric serially in one MetricWorkspace (the CLI may instead hand in a
 * worker-pool field), and the boundary checker of a Region (box + validity + mass cuts).
 */
import { isInside, type Region } from '../coordinates/box.js';
import { zeroComponents } from '../coordinates/components.js';
import { computeMetric } from '../metric/compute.js';
import type { MetricType } from '../metric/metric.js';
import type { MetricWorkspace } from '../metric/workspace.js';
import type { BoundaryChecker, MetricField } from './types.js';

/**
 * MetricField over one workspace, row by row. Points outside `region` (when given) and points where
 * the metric is not positive definite come back as they are (NaN outside); the placement drops them.
 */
export function workspaceMetricField(ws: MetricWorkspace, type: MetricType, region?: Region): MetricField {
  const dim = ws.format.D;
  return {
    dim,
    metric(theta: Float64Array): Float64Array[] {
      const out: Float64Array[] = [];
      for (let i = 0; i < theta.length / dim; i++) out.push(computeMetric(ws, theta.subarray(i * dim, (i + 1) * dim), type, region).metric);
      return out;
    },
  };
}

/** Boundary checker of a region: inside the box, a valid point of the format, and within the mass cuts. */
export function regionChecker(region: Region): BoundaryChecker {
  const scratch = zeroComponents();
  return (theta: Float64Array) => isInside(region, theta, scratch);
}
