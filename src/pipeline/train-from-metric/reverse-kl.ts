/**
 * The reverse-KL objective of train-from-metric: the flow q minimises KL(q || p) to the unnormalised
 * target log p(θ) = 0.5 ln|det M(θ)| inside the region (-∞ outside; flow points are drawn inside
 * it), by the score function (p has no gradient), reusing every metric evaluation: replay points
 * drawn from older flows q_old enter with truncated self-normalised weights q/q_old
 * (src/flow/score-function.ts `trainReplayReverseKL`). The flow's constant C is then set to the
 * importance-sampling estimate of log Z with the trained flow q as the proposal,
 * Z = E_q[e^l / q] ~ sum_j w_j e^{l_j} / q(x_j) with w_j the truncated weights q/q_old of the replay
 * points, so that log q + C ≈ l as with ll_mse (C/ln 10 is the log10 volume of the space). When q
 * fits, e^l/q is nearly constant and the estimate has little variance; the plain estimate
 * mean_j e^{l_j}/q_old(x_j) (unbiased too) is dominated by the poor early flows (tried: +0.34 nats
 * on the default problem).
 */
import { isInside, type Region } from '../../coordinates/box.js';
import { flowConstant } from '../../flow/losses.js';
import { trainReplayReverseKL, truncatedImportanceWeights, type ReplaySet } from '../../flow/score-function.js';
import type { STDFlow } from '../../flow/std-flow.js';
import { logProbChunked, writeVariables, type Samples } from '../../flow/train-data.js';

/** n flow samples inside the region with their log q (the proposal density recorded at draw time). */
export function drawFromFlow(flow: STDFlow, region: Region, n: number, seed: number): { x: Float64Array; logProb: Float64Array } {
  return flow.sampleWithinBox(n, { seed, accept: (row) => isInside(region, row) });
}

/** What one round of reverse-KL training did. */
export interface ReverseKLRound {
  steps: number;
  aborted: boolean;
  /** Mean effective sample size of the truncated weights (fraction of a batch). */
  ess: number;
}

/** One round of IW reverse KL on the replay set (points with finite log q_old only; prior points have none). */
export async function trainReverseKLRound(
  flow: STDFlow,
  train: Samples & { logProposal: Float64Array },
  o: { steps: number; batchSize: number; learningRate: number; truncation?: number; seed: number; signal?: AbortSignal; onStep?: (loss: number) => void },
): Promise<ReverseKLRound> {
  const D = train.dim;
  const idx = [...train.logProposal.keys()].filter((i) => Number.isFinite(train.logProposal[i]));
  const x = new Float64Array(idx.length * D);
  idx.forEach((i, j) => x.set(train.x.subarray(i * D, (i + 1) * D), j * D));
  const replay: ReplaySet = {
    x, n: idx.length, dim: D,
    logTarget: Float64Array.from(idx, (i) => (train.logPdf as Float64Array)[i]),
    logProposal: Float64Array.from(idx, (i) => train.logProposal[i]),
  };
  const h = await trainReplayReverseKL(flow, replay, { steps: o.steps, batchSize: o.batchSize, learningRate: o.learningRate, truncation: o.truncation, seed: o.seed, signal: o.signal,
    onProgress: (p) => o.onStep?.(p.loss),
  });
  const ess = h.ess.reduce((a, b) => a + b, 0) / Math.max(1, h.ess.length);
  return { steps: h.loss.length, aborted: o.signal?.aborted === true, ess };
}

/**
 * log sum_j w_j exp(l_j - log q(x_j)), w the truncated self-normalised weights q/q_old, over the
 * points with a finite log q_old (nats).
 */
export function logEvidence(logPdf: ArrayLike<number>, logq: ArrayLike<number>, logProposal: ArrayLike<number>): number {
  const idx = [...Array(logPdf.length).keys()].filter((i) => Number.isFinite(logProposal[i]) && Number.isFinite(logPdf[i]) && Number.isFinite(logq[i]));
  const { weights } = truncatedImportanceWeights(idx.map((i) => logq[i]), idx.map((i) => logProposal[i]));
  const r = idx.map((i) => logPdf[i] - logq[i]);
  const m = Math.max(...r);
  return m + Math.log(r.reduce((s, v, k) => s + weights[k] * Math.exp(v - m), 0));
}

/** Set the flow's constant C to {@link logEvidence} of the replay points (x: n x D row-major). */
export function setLogNormalisation(flow: STDFlow, x: Float64Array, logPdf: ArrayLike<number>, logProposal: ArrayLike<number>): void {
  const c = flowConstant(flow);
  const logq = logProbChunked(flow, x, logPdf.length, 16384);
  const v = logEvidence(logPdf, logq, logProposal);
  if (!c || !Number.isFinite(v)) return;
  writeVariables([c], [Float32Array.of(v)]);
}
