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
 * `objective: 'reverse-kl'` replaces the regression by the importance-weighted reverse KL of
 * ./reverse-kl.ts: round 0 holds out the same chirp-time-flat validation points but draws its
 * training points from the initial flow, later rounds draw only from the flow, every point keeps
 * the log q_old of the flow it came from, and each round minimises KL(q || e^l) by the score
 * function over the whole replay set with truncated weights q/q_old (src/flow/score-function.ts).
 *
 * Stops when the metric-evaluation budget is spent, or when the held-out residual standard
 * deviation std(log q + C - l) has not improved by `minImprovement` for `patienceRounds` rounds;
 * the flow ends with the weights of the round with the lowest held-out std. reverse-kl runs until
 * the budget is spent and keeps the last weights (a mode-seeking fit is not judged by prior points).
 *
 * Checkpoints (`onCheckpoint`, `resume`; ./checkpoint.ts): the state once a round's points are
 * evaluated, during its regression training (the trainer's own checkpoints) and once it is trained; a
 * run resumed from one ends exactly as an uninterrupted run (a reverse-kl round restarts its training
 * from the round's first weights, which its seeded optimiser makes identical).
 */
import { Rng } from '../../core/rng.js';
import { evaluatePoints, freshStd, pickRows, Replay } from './replay.js';
import { fromMetricCheckpoint, restoreCheckpoint, type FromMetricCheckpoint, type LoopState, type RoundPending } from './checkpoint.js';
import type { Region } from '../../coordinates/box.js';
import { chirpRectangle, sampleChirpTimeFlat } from '../../metric/mass-sampler.js';
import { STDFlow } from '../../flow/std-flow.js';
import { trainFlow, type TrainingProgress } from '../../flow/trainer.js';
import { readVariables, writeVariables, type Samples } from '../../flow/train-data.js';
import type { MetricField } from '../../placement/types.js';
import { flowAccuracy } from '../diagnostics.js';
import { flowConstant, flowLogProb } from '../flow-sampler.js';
import { drawFromFlow, setLogNormalisation, trainReverseKLRound } from './reverse-kl.js';

/** Objectives of {@link trainFromMetric}: `ll_mse` density regression or IW reverse KL. */
export const FROM_METRIC_OBJECTIVES = ['regression', 'reverse-kl'] as const;
/** One of {@link FROM_METRIC_OBJECTIVES}. */
export type FromMetricObjective = (typeof FROM_METRIC_OBJECTIVES)[number];

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
  /** 'regression' (default: ll_mse on the replay set) or 'reverse-kl' (importance-weighted, ./reverse-kl.ts). */
  objective?: FromMetricObjective;
  /** reverse-kl: truncation of the importance weights in units of sqrt(batch) x mean; default 1. */
  truncation?: number;
  /** Fraction of each later round drawn from the prior (the rest from the flow); default 0.5 (regression only). */
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
  /** Called with the training loss of every applied step (ll_mse, or the IW estimate of E_q[log q - l]). */
  onStep?: (loss: number) => void;
  /** Receives the state to resume from: after each round's evaluation, during its training, after it. */
  onCheckpoint?: (c: FromMetricCheckpoint) => void;
  /** Continue from this checkpoint (same options): the result equals an uninterrupted run's. */
  resume?: FromMetricCheckpoint;
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
   * Std of log q_old - l on this round's flow points (nats; NaN in round 0 of regression): the error
   * of the previous round's flow on its own samples, held out (not yet trained on), up to a constant.
   */
  freshStd: number;
  /** reverse-kl: mean effective sample size of the truncated weights over the round's steps (fraction of a batch). */
  ess?: number;
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
  const objective = opts.objective ?? 'regression';
  const rkl = objective === 'reverse-kl';
  const priorFraction = rkl ? 0 : (opts.priorFraction ?? 0.5);
  const patience = opts.patienceRounds ?? 3;
  const minImprovement = opts.minImprovement ?? 0.005;
  const st: LoopState = { xs: [], ls: [], qs: [], evaluations: 0, rounds: [], best: Infinity, bestStd: Infinity, sinceBest: 0, bestRound: -1 };
  const vars = flow.trainableVariables();
  const all = Object.values(flow.namedVariables());
  let stopReason: FromMetricResult['stopReason'] = 'budget';
  let first = 0;
  let pending: RoundPending | undefined;
  let trainerResume: FromMetricCheckpoint['trainer'];
  if (opts.resume) {
    ({ round: first, pending, trainer: trainerResume } = restoreCheckpoint(opts.resume, st, rng, D));
    writeVariables(all, opts.resume.weights);
  }
  const replay = new Replay(D, st.xs, st.ls, st.qs);

  for (let round = first; ; round++) {
    if (opts.signal?.aborted) {
      stopReason = 'aborted';
      break;
    }
    const t0 = performance.now();
    let pend: RoundPending;
    if (pending !== undefined) {
      pend = pending; // resumed after this round's evaluation
      pending = undefined;
    } else {
      const want = Math.min(round === 0 ? opts.initialPoints : opts.roundPoints, opts.budget - st.evaluations);
      if (want < 1) break;
      // regression: round 0 all prior; reverse-kl: round 0 = prior validation points + initial-flow points
      const nVal0 = Math.max(1, Math.round(opts.validationFraction * want));
      const nFlow = round === 0 ? (rkl ? want - nVal0 : 0) : Math.round((1 - priorFraction) * want);
      const nPrior = want - nFlow;
      const x = new Float64Array(want * D);
      const logq = new Float64Array(want).fill(NaN);
      x.set(sampleChirpTimeFlat(region, nPrior, rng, rect), 0);
      if (nFlow > 0) {
        const s = drawFromFlow(flow, region, nFlow, rng.int(2 ** 31));
        x.set(s.x, nPrior * D);
        logq.set(s.logProb, nPrior);
      }
      const got = await evaluatePoints(field, x, D, logq);
      st.evaluations += want;
      if (round === 0) {
        // validation: regression the last rows (chirp-time flat), reverse-kl the prior rows (no log q_old)
        const nReg = got.logPdf.length - Math.max(1, Math.round(opts.validationFraction * got.logPdf.length));
        const held = (i: number) => (rkl ? Number.isNaN(got.logq[i]) : i >= nReg);
        const v = pickRows(got, D, held);
        st.validation = { x: v.x, n: v.logPdf.length, dim: D, logPdf: v.logPdf };
        const t = pickRows(got, D, (i) => !held(i));
        replay.add(t.x, t.logPdf, t.logq);
      } else {
        replay.add(got.x, got.logPdf, got.logq);
      }
      pend = { nFlow, nPrior, dropped: got.dropped, freshStd: freshStd(got.logq, got.logPdf) };
      opts.onCheckpoint?.(fromMetricCheckpoint('evaluated', round, st, rng, readVariables(all), pend));
    }
    const startWeights = opts.onCheckpoint && readVariables(all);
    const train = replay.samples();
    const steps = round === 0 ? (opts.firstRoundSteps ?? opts.stepsPerRound) : opts.stepsPerRound;
    let done: { steps: number; learningRate: number; aborted: boolean; ess?: number };
    if (rkl) {
      const r = await trainReverseKLRound(flow, { ...train, logProposal: replay.logProposal() }, {
        steps, batchSize: Math.min(opts.batchSize, train.n), learningRate: opts.learningRate, truncation: opts.truncation, seed: opts.seed + round, signal: opts.signal,
        onStep: opts.onStep,
      });
      setLogNormalisation(flow, train.x as Float64Array, train.logPdf as Float64Array, replay.logProposal());
      done = { ...r, learningRate: opts.learningRate };
    } else {
      const history = await trainFlow(flow, {
        loss: 'll_mse', train, validation: st.validation, steps, batchSize: Math.min(opts.batchSize, train.n), learningRate: opts.learningRate,
        validationStep: opts.validationStep, seed: opts.seed + round, signal: opts.signal, initConstant: round === 0,
        onProgress: (p) => {
          opts.onStep?.(p.trainLoss);
          opts.onProgress?.(p);
        },
        ...(trainerResume ? { resume: trainerResume } : {}),
        ...(startWeights ? { onCheckpoint: (c) => opts.onCheckpoint?.(fromMetricCheckpoint('evaluated', round, st, rng, startWeights, pend, c)) } : {}),
      });
      trainerResume = undefined;
      done = { steps: history.trainLoss.length, learningRate: history.learningRate[history.learningRate.length - 1] ?? opts.learningRate, aborted: history.stopReason === 'aborted' };
    }
    const err = heldOutError(flow, st.validation as Samples);
    const rec: RoundRecord = {
      round, evaluations: st.evaluations, replaySize: train.n, fromFlow: pend.nFlow, fromPrior: pend.nPrior, dropped: pend.dropped,
      heldOutMean: err.mean, heldOutStd: err.std, freshStd: pend.freshStd, steps: done.steps, learningRate: done.learningRate, seconds: (performance.now() - t0) / 1000,
      ...(done.ess === undefined ? {} : { ess: done.ess }),
    };
    st.rounds.push(rec);
    opts.onRound?.(rec);
    if (done.aborted) {
      stopReason = 'aborted';
      break;
    }
    // reverse-kl: mode-seeking, its error on prior points is no guide to the best round; keep the last
    if (rkl || err.std < st.bestStd) {
      st.bestStd = err.std;
      st.bestWeights = readVariables(vars);
      st.bestRound = round;
    }
    if (err.std < st.best - minImprovement) {
      st.best = err.std;
      st.sinceBest = 0;
    } else if (!rkl && ++st.sinceBest >= patience) {
      stopReason = 'converged';
      break;
    }
    opts.onCheckpoint?.(fromMetricCheckpoint('trained', round, st, rng, readVariables(all)));
  }
  if (st.bestWeights) writeVariables(vars, st.bestWeights);
  return { rounds: st.rounds, evaluations: st.evaluations, bestRound: st.bestRound, train: replay.samples(), validation: st.validation as Samples, stopReason };
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
