/**
 * One reproducible chunk of a metric dataset: chunk k draws `size` points with the random stream k
 * of the seed (so row i depends only on the seed and i, never on scheduling or worker count) and
 * computes the metric at each. Runs in a worker (./dataset-worker.ts) or in-process.
 */
import { MbankError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { getVariableFormat } from '../coordinates/format.js';
import { regionFromRanges, type RangeOptions, type Region } from '../coordinates/box.js';
import { computeMetric } from './compute.js';
import { chirpRectangle, sampleChirpTimeFlat, type ChirpRectangle } from './mass-sampler.js';
import type { MetricType } from './metric.js';
import { MetricWorkspace, type MetricOptions } from './workspace.js';

/** Everything a worker needs to compute chunks (plain data, structured-clonable). */
export interface DatasetSpec {
  metric: MetricOptions;
  metricType: MetricType;
  ranges: RangeOptions;
  seed: number;
  chunkSize: number;
}

/** Rows of one chunk. */
export interface ChunkRows {
  index: number;
  theta: Float64Array;
  logPdf: Float64Array;
  metric: Float64Array;
  positiveDefinite: Uint8Array;
  /** Points whose metric could not be computed (logPdf NaN). */
  failures: number;
}

/** Per-worker state: metric workspace, region and sampling rectangle. */
export interface ChunkComputer {
  readonly region: Region;
  compute(index: number, onPoint?: () => void): ChunkRows;
}

/** Build the per-worker state for a spec. */
export function chunkComputer(spec: DatasetSpec): ChunkComputer {
  const ws = new MetricWorkspace(spec.metric);
  const region = regionFromRanges(getVariableFormat(spec.metric.variableFormat), spec.ranges);
  const rect: ChirpRectangle = chirpRectangle(region);
  const D = region.format.D;
  return {
    region,
    compute(index, onPoint) {
      const rng = new Rng(spec.seed, index + 1);
      const n = spec.chunkSize;
      const theta = sampleChirpTimeFlat(region, n, rng, rect);
      const logPdf = new Float64Array(n);
      const metric = new Float64Array(n * D * D);
      const pd = new Uint8Array(n);
      let failures = 0;
      for (let i = 0; i < n; i++) {
        const x = theta.subarray(i * D, (i + 1) * D);
        try {
          const r = computeMetric(ws, x, spec.metricType, region);
          logPdf[i] = r.logPdf;
          metric.set(r.metric, i * D * D);
          pd[i] = r.positiveDefinite ? 1 : 0;
        } catch (e) {
          if (!(e instanceof MbankError)) throw e;
          logPdf[i] = NaN;
          metric.fill(NaN, i * D * D, (i + 1) * D * D);
          failures++;
        }
        onPoint?.();
      }
      return { index, theta, logPdf, metric, positiveDefinite: pd, failures };
    },
  };
}
