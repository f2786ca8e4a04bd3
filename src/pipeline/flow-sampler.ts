/**
 * The trained flow as a placement Sampler (src/placement never imports the flow library: the CLI
 * hands it in). Each call draws its own seed from the placement's Rng, so the same --seed gives the
 * same samples and the same bank. Samples lie strictly inside the flow's box (mbank
 * `sample_within_boundaries`); the placement's checker applies the mass cuts.
 */
import type { Rng } from '../core/rng.js';
import type { TransformFlow } from '../flow/transform-flow.js';
import { logProbChunked } from '../flow/train-data.js';
import type { Sampler } from '../placement/types.js';

/**
 * A Sampler drawing from `flow` (float32 samples returned as float64 rows), with the flow's log
 * density (normalised on its box; sampleWithinBox only drops non-finite rows) as `logDensity`.
 */
export function flowSampler(flow: TransformFlow): Sampler {
  return {
    dim: flow.dim,
    sample(n: number, rng: Rng): Float64Array {
      return flow.sampleWithinBox(n, { seed: rng.int(2 ** 31) }).x;
    },
    logDensity(rows: Float64Array): Float64Array {
      return flowLogProb(flow, rows);
    },
  };
}

/** log q(x) of n row-major points (nats), as float64. */
export function flowLogProb(flow: TransformFlow, x: Float64Array): Float64Array {
  return Float64Array.from(logProbChunked(flow, x, x.length / flow.dim, 16384));
}

/** The flow's log-normalisation constant C (log sqrt|det M| ~ log q + C). */
export function flowConstant(flow: TransformFlow): number {
  return flow.constant.dataSync()[0];
}
