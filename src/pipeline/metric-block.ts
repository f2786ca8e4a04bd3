/**
 * Metrics of a block of rows in one MetricWorkspace (the unit of work of the parallel metric field).
 * Rows outside the region, or where the metric cannot be computed, give a NaN matrix (the placement
 * drops them as not positive definite).
 */
import { getVariableFormat } from '../coordinates/format.js';
import { regionFromRanges, type RangeOptions } from '../coordinates/box.js';
import { computeMetric } from '../metric/compute.js';
import type { MetricType } from '../metric/metric.js';
import { MetricWorkspace, type MetricOptions } from '../metric/workspace.js';

/** Plain (structured-clonable) settings of the field. */
export interface MetricFieldSpec {
  metric: MetricOptions;
  metricType: MetricType;
  ranges: RangeOptions;
}

/** A function from n x D rows to n x D x D metrics (row-major), built once per thread. */
export function metricBlockComputer(spec: MetricFieldSpec): (rows: Float64Array) => Float64Array {
  const ws = new MetricWorkspace(spec.metric);
  const region = regionFromRanges(getVariableFormat(spec.metric.variableFormat), spec.ranges);
  const D = ws.format.D;
  return (rows) => {
    const n = rows.length / D;
    const out = new Float64Array(n * D * D).fill(NaN);
    for (let i = 0; i < n; i++) {
      try {
        out.set(computeMetric(ws, rows.subarray(i * D, (i + 1) * D), spec.metricType, region).metric, i * D * D);
      } catch {
        // an invalid point keeps its NaN matrix
      }
    }
    return out;
  };
}
