/**
 * Dataset-free training of a bank flow ("active-learning density regression"): the flow q is fitted
 * to the target log-density l(θ) = 0.5 ln|det M(θ)| computed on the fly, with every metric
 * evaluation kept in a growing replay set.
 *
 * Round 0 draws `initialPoints` chirp-time-flat points (src/metric sampleChirpTimeFlat); a fixed
 * fraction of them is the held-out validation set for the whole run. Round r >= 1 draws
 * `roundPoints` new points, a fraction `priorFraction` from the chirp-time-flat prior (to keep the
 * tails covered) and the rest from the current flow (inside the region), computes the metric at
 * them in parallel (any MetricField, e.g. the worker pool of `place`), appends them to the replay
 * set and continues training from the previous round's weights (fresh Adam state and initial
 * learning rate each round) with the `ll_mse` loss of src/flow/trainer.ts. `ll_mse` is a regression of log q + C on l at given points, so its minimum
 * (q ∝ e^l) does not depend on where the points come from: mixing prior and flow points in one
 * replay set is valid (it only changes where the fit is most accurate).
 *
 * Stops when the metric-evaluation budget is spent, or when the held-out residual standard
 * deviation std(log q + C - l) has not improved by `minImprovement` for `patienceRounds` rounds;
 * the flow ends with the weights of the round with the lowest held-out std.
 */
import { Rng } from '../../core/rng.js';
import { isInside, type Region } from '../../coordinates/box.js';
import { chirpRectangle, sampleChirpTimeFlat } from '../../metric/mass-sampler.js';
import { STDFlow } from '../../flow/std-flow.js';
import { trainFlow, type TrainingProgress } from '../../flow/trainer.js';
import { readVariables, writeVariables, type Samples } from '../../flow/train-data.js';
import type { MetricField } from '../../placement/types.js';
import { flowAccuracy, halfLogDet } from '../place/diagnostics.js';
import { flowConstant, flowLogProb } from '../place/flow-sampler.js';

/** Settings of {@link trainFromMetric}. */
export interface FromMetricOptions {
  /** Parallel (or serial) metric of the problem. */
  field: MetricField;
  /** The region: prior sampler and the acceptance of flow samples. */
  region: Region;
  /** Flow to train in place (an STDFlow with a box containing the region's box). */
  flow: STDFlow;
  /** Total number of metric evaluations allowed, validation included. */
  budget: number;
  /** Points of round 0 (chirp-time flat), validation included. */
  initialPoints: number;
  /** Fraction of round 0 held out for validation (fixed for the whole run). */
  validationFraction: number;
  /** New points per later round. */
  roundPoints: number;
  /** Fraction of each later round drawn from the prior (the rest from the flow); default 0.5. */
  priorFraction?: number;
  /** Adam steps per round (warm-started; the first round may use `firstRoundSteps`). */
  stepsPerRound: number;
  firstRoundSteps?: number;
  batchSize: number;
  learningRate: number;
  validationStep: number;
  /** Rounds without `minImprovement` (nats) of the held-out std before stopping; default 3. */
  patienceRounds?: number;
  minImprovement?: number;
  seed: number;
  signal?: AbortSignal;
  onRound?: (r: RoundRecord) => void;
  onProgress?: (p: TrainingProgress) => void;
}

/** What happened in one round. */
export interface RoundRecord {
  round: number;
  /** Metric evaluations so far (all rounds, validation included). */
  evaluations: number;
  /** Usable points in the replay (training) set. */
  replaySize: number;
  /** New points of this round from the flow / from the prior, and unusable ones dropped. */
  fromFlow: number;
  fromPrior: number;
  dropped: number;
  /** Held-out residual mean and std of log q + C - l (nats), after this round's training. */
  heldOutMean: number;
  heldOutStd: number;
  steps: number;
  /**
   * Learning rate at the end of the round (plateau halvings). Each round restarts at the initial
   * rate: carrying it over (tried) lets it decay to ~1e-5 and leaves the flow under-trained.
   */
  learningRate: number;
  seconds: number;
}

/** Result of {@link trainFromMetric}. */
export interface FromMetricResult {
  rounds: RoundRecord[];
  evaluations: number;
  train: Samples;
  validation: Samples;
  stopReason: 'budget' | 'converged' | 'aborted';
  /** Round whose weights the flow ends with: the lowest held-out residual std (-1 if none ran). */
  bestRound: number;
}

/** Points with their 0.5 ln det M, the unusable ones (NaN, not positive definite) dropped. */
async function evaluatePoints(field: MetricField, x: Float64Array, D: number): Promise<{ x: Float64Array; logPdf: Float64Array; dropped: number }> {
  const half = halfLogDet(await field.metric(x), D);
  const keep: number[] = [];
  half.forEach((v, i) => {
    if (Number.isFinite(v)) keep.push(i);
  });
  const out = new Float64Array(keep.length * D);
  keep.forEach((i, j) => out.set(x.subarray(i * D, (i + 1) * D), j * D));
  return { x: out, logPdf: Float64Array.from(keep, (i) => half[i]), dropped: half.length - keep.length };
}

/** A growing set of (θ, l) pairs. */
class Replay {
  private xs: Float64Array[] = [];
  private ls: Float64Array[] = [];
  n = 0;
  constructor(readonly dim: number) {}
  add(x: Float64Array, l: Float64Array): void {
    this.xs.push(x);
    this.ls.push(l);
    this.n += l.length;
  }
  samples(): Samples {
    const x = new Float64Array(this.n * this.dim);
    const l = new Float64Array(this.n);
    let k = 0;
    this.xs.forEach((a, i) => {
      x.set(a, k * this.dim);
      l.set(this.ls[i], k);
      k += this.ls[i].length;
    });
    return { x, n: this.n, dim: this.dim, logPdf: l };
  }
}

/** Held-out residual statistics of the flow on `v` (nats). */
export function heldOutError(flow: STDFlow, v: Samples): { mean: number; std: number } {
  const a = flowAccuracy(flowLogProb(flow, Float64Array.from(v.x)), flowConstant(flow), Float64Array.from(v.logPdf as ArrayLike<number>));
  return { mean: a.mean, std: a.std };
}

/** Train `opts.flow` in place from the metric alone; see the module comment. */
export async function trainFromMetric(opts: FromMetricOptions): Promise<FromMetricResult> {
  const { field, region, flow } = opts;
  const D = region.format.D;
  const rng = new Rng(opts.seed, 7);
  const rect = chirpRectangle(region);
  const priorFraction = opts.priorFraction ?? 0.5;
  const patience = opts.patienceRounds ?? 3;
  const minImprovement = opts.minImprovement ?? 0.005;
  const replay = new Replay(D);
  const rounds: RoundRecord[] = [];
  let evaluations = 0;
  let validation: Samples | undefined;
  let best = Infinity;
  let bestWeights: Float32Array[] | undefined;
  let sinceBest = 0;
  let bestRound = -1;
  let bestStd = Infinity;
  const vars = flow.trainableVariables();
  let stopReason: FromMetricResult['stopReason'] = 'budget';

  for (let round = 0; ; round++) {
    if (opts.signal?.aborted) {
      stopReason = 'aborted';
      break;
    }
    const t0 = performance.now();
    const want = Math.min(round === 0 ? opts.initialPoints : opts.roundPoints, opts.budget - evaluations);
    if (want < 1) break;
    const nFlow = round === 0 ? 0 : Math.round((1 - priorFraction) * want);
    const nPrior = want - nFlow;
    const x = new Float64Array(want * D);
    x.set(sampleChirpTimeFlat(region, nPrior, rng, rect), 0);
    if (nFlow > 0) {
      const s = flow.sampleWithinBox(nFlow, { seed: rng.int(2 ** 31), accept: (row) => isInside(region, row) });
      x.set(s.x, nPrior * D);
    }
    const got = await evaluatePoints(field, x, D);
    evaluations += want;
    if (round === 0) {
      const nVal = Math.max(1, Math.round(opts.validationFraction * got.logPdf.length));
      const nTr = got.logPdf.length - nVal;
      validation = { x: got.x.slice(nTr * D), n: nVal, dim: D, logPdf: got.logPdf.slice(nTr) };
      replay.add(got.x.slice(0, nTr * D), got.logPdf.slice(0, nTr));
    } else {
      replay.add(got.x, got.logPdf);
    }
    const train = replay.samples();
    const steps = round === 0 ? (opts.firstRoundSteps ?? opts.stepsPerRound) : opts.stepsPerRound;
    const history = await trainFlow(flow, {
      loss: 'll_mse', train, validation, steps, batchSize: Math.min(opts.batchSize, train.n), learningRate: opts.learningRate,
      validationStep: opts.validationStep, seed: opts.seed + round, signal: opts.signal, initConstant: round === 0,
      onProgress: opts.onProgress,
    });
    const err = heldOutError(flow, validation as Samples);
    const learningRate = history.learningRate[history.learningRate.length - 1] ?? opts.learningRate;
    const rec: RoundRecord = {
      round, evaluations, replaySize: train.n, fromFlow: nFlow, fromPrior: nPrior, dropped: got.dropped,
      heldOutMean: err.mean, heldOutStd: err.std, steps: history.trainLoss.length, learningRate, seconds: (performance.now() - t0) / 1000,
    };
    rounds.push(rec);
    opts.onRound?.(rec);
    if (history.stopReason === 'aborted') {
      stopReason = 'aborted';
      break;
    }
    if (err.std < bestStd) {
      bestStd = err.std;
      bestWeights = readVariables(vars);
      bestRound = round;
    }
    if (err.std < best - minImprovement) {
      best = err.std;
      sinceBest = 0;
    } else if (++sinceBest >= patience) {
      stopReason = 'converged';
      break;
    }
  }
  if (bestWeights) writeVariables(vars, bestWeights);
  return { rounds, evaluations, bestRound, train: replay.samples(), validation: validation as Samples, stopReason };
}

/** Architecture of {@link flowForRegion}. */
export interface RegionFlowOptions {
  nLayers: number;
  hiddenFeatures: number | number[];
  seed: number;
}

/** An STDFlow whose box is the region's box widened by 1% of its width on each side (as `train` and `place`). */
export function flowForRegion(region: Region, o: RegionFlowOptions): STDFlow {
  const { lo, hi } = region.box;
  const low = Array.from(lo, (l, d) => l - 0.01 * (hi[d] - l));
  const high = Array.from(hi, (h, d) => h + 0.01 * (h - lo[d]));
  return new STDFlow({ dim: region.format.D, nLayers: o.nLayers, hiddenFeatures: o.hiddenFeatures, box: { low, high }, seed: o.seed });
}
