/**
 * The training loop of a normalizing flow (mbank `GW_Flow.train_flow`, arXiv:2302.00436 Sec. II B):
 * Adam on minibatches, validation every `validationStep` steps, early stopping, learning-rate
 * reduction on a plateau, and the weights of the best validation kept at the end.
 *
 * As in mbank, one "step" is one Adam update on one minibatch; minibatches walk through a seeded
 * permutation of the training set (re-shuffled when exhausted), so each point is seen once per pass.
 * A step whose loss or gradient is not finite, or whose loss jumps far above the recent ones
 * (see {@link DivergenceOptions}), is not applied: the weights and optimiser state of the last good
 * step are restored and the learning rate is lowered, so a diverging run never corrupts the weights.
 */
import * as tf from './tf.js';
import { MbankError, invalid } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { Adam } from './adam.js';
import type { AdamState } from './adam.js';
import { emptyHistory } from './history.js';
import type { StopReason, TrainingHistory } from './history.js';
import {
  LOSS_NAMES,
  flowConstant,
  forwardKLLoss,
  llMseLoss,
  reverseKLLoss,
  weightedLlMseLoss,
} from './losses.js';
import type { LogDensityFn, LossName } from './losses.js';
import { clipLimit, isExploding } from './divergence.js';
import type { DivergenceOptions } from './divergence.js';
import { EarlyStopping, ReduceLROnPlateau } from './schedule.js';
import type { PlateauOptions } from './schedule.js';
import type { Flow } from './types.js';
import { DataSet, checkSamples, readVariables, writeVariables } from './train-data.js';
import { fieldsOf, restoreFields, type TrainerCheckpoint } from './checkpoint.js';
import type { Samples } from './train-data.js';
import { evaluate, initialConstant, type Evaluation } from './evaluate.js';
import { TransformFlow } from './transform-flow.js';
import { FusedFlowStep } from './fused/flow-step.js';
import { ParallelFusedStep } from './fused/parallel-step.js';
import type { KernelFamily } from './kernels/kernel-family.js';
import { fusedLossAndGrads, type HostLossName } from './fused/host-loss.js';

export type { Samples } from './train-data.js';
export type { DivergenceOptions } from './divergence.js';

/** What the progress callback receives (after every step). */
export interface TrainingProgress {
  step: number;
  steps: number;
  trainLoss: number;
  /** Last validation loss (NaN before the first validation). */
  validationLoss: number;
  bestValidationLoss: number;
  learningRate: number;
  recoveries: number;
}

/** Settings of {@link trainFlow}. */
export interface TrainOptions {
  loss: LossName;
  /** Training points: samples of p (forward KL) or points with `logPdf` (density regression). */
  train?: Samples;
  /**
   * Validation points. With forward KL, `logPdf` (optional) is the normalised log p and gives the
   * validation KL `mean(log p - log q)`.
   */
  validation?: Samples;
  /** Unnormalised log-density for `reverse_KL`. */
  logU?: LogDensityFn;
  /** Number of optimisation steps (mbank's `N_epochs`). */
  steps: number;
  /** Minibatch size (data losses) or flow samples per step (reverse KL). */
  batchSize: number;
  learningRate: number;
  /** Steps between validations (also after step 0 and the last step); default 100. */
  validationStep?: number;
  /** Flow samples of the reverse-KL validation (fixed seed); default 4096. */
  validationSize?: number;
  /** Early stopping after this many validations without progress; default: never. */
  patience?: number;
  /** Progress required by early stopping (absolute loss units); default 0. */
  minDelta?: number;
  /** Learning-rate reduction on plateau (validations); `false` to disable. Defaults of mbank. */
  plateau?: PlateauOptions | false;
  /** Seed of minibatch shuffling and of the flow samples; default 0. */
  seed?: number;
  /** Density regression: set C to the 0.9 quantile of the training logPdf first (mbank); default true. */
  initConstant?: boolean;
  /**
   * Rescale the gradient to at most this global L2 norm. Default `'auto'`: at most 5 times the
   * median norm of the last 25 accepted steps (one outlying minibatch cannot throw the weights far);
   * `Infinity` disables clipping.
   */
  clipGradNorm?: number | 'auto';
  divergence?: DivergenceOptions;
  /** Stops training (the best weights are kept). */
  signal?: AbortSignal;
  /** Called with the full training state after each validation and when stopped by `signal`. */
  onCheckpoint?: (checkpoint: TrainerCheckpoint) => void;
  /** Continue from this checkpoint (same flow architecture, data and options): the result equals an uninterrupted run. */
  resume?: TrainerCheckpoint;
  onProgress?: (progress: TrainingProgress) => void;
  /** Points per log-prob evaluation of the validation set; default 16384. */
  evalBatchSize?: number;
  /**
   * Compute each step's loss and gradients with the fused SIMD pass (./fused/flow-step.ts) when the
   * flow's layers allow it (STDFlow, data losses): same gradients to float32 rounding, several times
   * faster than tfjs' autodiff on wasm. Default: on, except on the native 'tensorflow' backend.
   */
  fused?: boolean;
  /**
   * The fused pass's kernel family (./kernels/kernel-family.ts): 'fma' (relaxed SIMD multiply-add,
   * the default where the runtime compiles it) or 'simd' (multiply then add: the same bits on every
   * CPU). Training is bitwise reproducible under a seed for one backend and kernel family.
   */
  kernels?: KernelFamily;
  /**
   * Threads of the fused step: 1 (default) or 2 (data-parallel halves of each batch, on a worker
   * thread and this one, added in a fixed order: ./fused/parallel-step.ts). 2 lowers the wall time
   * of a large-batch step where a second core is free; its bits differ from 1 thread's.
   */
  fusedThreads?: number;
}

interface Snapshot {
  params: Float32Array[];
  adam: AdamState;
}

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function checkOptions(flow: Flow, o: TrainOptions): void {
  if (!LOSS_NAMES.includes(o.loss)) invalid('loss', o.loss, `must be one of ${LOSS_NAMES.join(', ')}`);
  if (!Number.isInteger(o.steps) || o.steps < 1) invalid('steps (n-epochs)', o.steps, 'must be an integer >= 1');
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) invalid('batch-size', o.batchSize, 'must be an integer >= 1');
  const clip = o.clipGradNorm ?? 'auto';
  if (clip !== 'auto' && !(clip > 0)) invalid('clipGradNorm', clip, "must be a number > 0 or 'auto'");
  const vs = o.validationStep ?? 100;
  if (!Number.isInteger(vs) || vs < 1) invalid('validation-step', vs, 'must be an integer >= 1');
  if (o.fusedThreads !== undefined && o.fusedThreads !== 1 && o.fusedThreads !== 2) invalid('fusedThreads', o.fusedThreads, 'must be 1 or 2');
  if (o.loss === 'reverse_KL') {
    if (!o.logU) invalid('logU', o.logU, 'reverse_KL needs an unnormalised log-density');
    return;
  }
  for (const [name, s] of [['train', o.train], ['validation', o.validation]] as const) {
    if (!s) invalid(name, s, `${o.loss} needs ${name} points`);
    if (s.dim !== flow.dim) invalid(`${name} dimension`, s.dim, `must equal the flow's dimension ${flow.dim}`);
    checkSamples(name, s);
    if (o.loss !== 'forward_KL' && !s.logPdf) invalid(`${name} logPdf`, s.logPdf, `${o.loss} needs the log-pdf of each point`);
  }
  if ((o.loss === 'll_mse' || o.loss === 'weighted_ll_mse') && !flowConstant(flow)) {
    invalid('flow', 'without a constant', `${o.loss} needs a flow with a trainable log-normalisation constant`);
  }
}

/**
 * Train `flow` in place and return the history; the flow ends with the weights of its best
 * validation. Throws MbankError on bad options or when data points lie outside the flow's support.
 */
export async function trainFlow(flow: Flow, options: TrainOptions): Promise<TrainingHistory> {
  checkOptions(flow, options);
  const t0 = performance.now();
  const o = options;
  const validationStep = o.validationStep ?? 100;
  const history = emptyHistory(o.loss, validationStep);
  const rng = new Rng(o.seed ?? 0);
  const validationSeed = rng.fork(1).nextUint32();
  const density = o.loss === 'll_mse' || o.loss === 'weighted_ll_mse';
  const constant = flowConstant(flow);
  const vars = [...flow.trainableVariables().filter((v) => v !== constant), ...(density && constant ? [constant] : [])];
  const div = { factor: 20, window: 25, learningRateFactor: 0.5, maxRecoveries: 10, ...o.divergence };
  const train = o.loss === 'reverse_KL' ? undefined : new DataSet(o.train as Samples, rng.fork(0));
  const evalBatch = o.evalBatchSize ?? 16384;
  let parallel: ParallelFusedStep | undefined;
  try {
    if (train) {
      const bad = train.countOutside(flow, evalBatch);
      if (bad > 0) throw new MbankError(`train: ${bad} of ${train.n} points have log q = -Infinity or NaN (outside the flow's box?)`);
    }
    if (density && constant && (o.initConstant ?? true)) {
      const c0 = tf.fill(constant.shape, initialConstant(o.train?.logPdf as ArrayLike<number>), 'float32');
      constant.assign(c0);
      c0.dispose();
    }
    const evalOpts = { flow, loss: o.loss, validation: o.validation, logU: o.logU, size: o.validationSize ?? 4096, seed: validationSeed, evalBatch };
    const first = evaluate(evalOpts);
    if (o.loss !== 'reverse_KL' && first.outside > 0) {
      throw new MbankError(`validation: ${first.outside} points have log q = -Infinity or NaN (outside the flow's box?)`);
    }

    const params = readVariables(vars);
    const adam = new Adam(params.map((p) => p.length), { learningRate: o.learningRate });
    const stopper = o.patience === undefined ? undefined : new EarlyStopping({ patience: o.patience, minDelta: o.minDelta });
    const plateau = o.plateau === false ? undefined : new ReduceLROnPlateau(o.plateau ?? {});
    let best: Float32Array[] | undefined;
    let lastGood: Snapshot = { params: params.map((p) => p.slice()), adam: adam.state() };
    const fresh = adam.state();
    const recent: number[] = [];
    const recentNorms: number[] = [];
    const recoverySteps: number[] = [];
    let recoveries = 0;
    let lastVal = NaN;
    let reason: StopReason = 'max-steps';
    let startStep = 0;
    const checkpoint = (step: number): TrainerCheckpoint => ({
      step, params: params.map((p) => p.slice()), adam: adam.state(), learningRate: adam.learningRate, rng: fieldsOf(rng),
      data: train?.state(), stopper: stopper ? fieldsOf(stopper) : undefined, plateau: plateau ? fieldsOf(plateau) : undefined,
      best: best?.map((p) => p.slice()), lastGood: { params: lastGood.params.map((p) => p.slice()), adam: lastGood.adam },
      recent: [...recent], recentNorms: [...recentNorms], recoverySteps: [...recoverySteps], recoveries, lastVal,
      history: JSON.parse(JSON.stringify(history, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)), (_k, v) => (v === 'Infinity' || v === '-Infinity' || v === 'NaN' ? Number(v) : v)),
    });
    if (o.resume) {
      const r = o.resume;
      if (r.params.length !== params.length || r.params.some((p, k) => p.length !== params[k].length)) throw new MbankError('resume: the checkpoint holds another flow architecture');
      r.params.forEach((p, k) => params[k].set(p));
      writeVariables(vars, params);
      adam.setState(r.adam);
      adam.learningRate = r.learningRate;
      restoreFields(rng, r.rng);
      if (r.data) train?.setState(r.data);
      if (stopper && r.stopper) restoreFields(stopper, r.stopper);
      if (plateau && r.plateau) restoreFields(plateau, r.plateau);
      best = r.best?.map((p) => p.slice());
      lastGood = { params: r.lastGood.params.map((p) => p.slice()), adam: r.lastGood.adam };
      recent.push(...r.recent);
      recentNorms.push(...r.recentNorms);
      recoverySteps.push(...r.recoverySteps);
      recoveries = r.recoveries;
      lastVal = r.lastVal;
      Object.assign(history, r.history, { events: [...r.history.events, { step: r.step + 1, kind: 'resumed', detail: `continued from the checkpoint of step ${r.step}` }] });
      startStep = r.step + 1;
    }

    /** Loss and gradients of the next minibatch by tfjs' autodiff of flow.logProb. */
    const autodiffStep = (): { loss: number; g: (ArrayLike<number> | null)[] } => {
      const { value, grads } = tf.variableGrads(() => {
        if (o.loss === 'reverse_KL') return reverseKLLoss(flow, o.logU as LogDensityFn, o.batchSize, rng.nextUint32());
        const batch = (train as DataSet).nextBatch(o.batchSize);
        const logq = flow.logProb(batch.x);
        if (o.loss === 'forward_KL') return forwardKLLoss(logq);
        const loss = o.loss === 'll_mse' ? llMseLoss : weightedLlMseLoss;
        return loss(logq, batch.logPdf as tf.Tensor1D, constant as tf.Variable);
      }, vars);
      const loss = value.dataSync()[0];
      const g = vars.map((v) => (grads[v.name] ? grads[v.name].dataSync() : null));
      tf.dispose(value);
      tf.dispose(Object.values(grads));
      return { loss, g };
    };
    /** The same by the fused pass (./fused/host-loss.ts). */
    const fusedStep = (step: FusedFlowStep) =>
      fusedLossAndGrads(step, (train as DataSet).nextHostBatch(o.batchSize), o.loss as HostLossName, params, constant ? vars.indexOf(constant) : -1);
    const fused = train && (o.fused ?? tf.getBackend() !== 'tensorflow') && flow instanceof TransformFlow ? FusedFlowStep.create(flow, vars, o.kernels) : undefined;
    parallel = fused && o.fusedThreads === 2 ? new ParallelFusedStep(fused) : undefined;
    const constantIndex = constant ? vars.indexOf(constant) : -1;
    const parallelStep = (p: ParallelFusedStep) => p.lossAndGrads((train as DataSet).nextHostBatch(o.batchSize), o.loss as HostLossName, params, constantIndex);

    /** Undo a bad step; true when training should stop as diverged. */
    const recover = (step: number, what: string): boolean => {
      recoveries += 1;
      recoverySteps.push(step);
      while (recoverySteps[0] <= step - div.window) recoverySteps.shift();
      const useBest = recoverySteps.length >= 3 && best !== undefined;
      const source = useBest ? (best as Float32Array[]) : lastGood.params;
      source.forEach((p, k) => params[k].set(p));
      writeVariables(vars, params);
      adam.setState(useBest ? fresh : lastGood.adam);
      adam.learningRate *= div.learningRateFactor;
      if (useBest) lastGood = { params: params.map((p) => p.slice()), adam: adam.state() };
      const which = useBest ? `the weights of the best validation (step ${history.bestStep})` : 'the last good weights';
      history.events.push({ step, kind: 'recovered', detail: `${what}: restored ${which}, learning rate -> ${adam.learningRate}` });
      if (recoverySteps.length > div.maxRecoveries) {
        history.events.push({ step, kind: 'diverged', detail: `${recoverySteps.length} recoveries within ${div.window} steps` });
        return true;
      }
      return false;
    };

    for (let step = startStep; step < o.steps; step++) {
      if (o.signal?.aborted) {
        o.onCheckpoint?.(checkpoint(step - 1));
        reason = 'aborted';
        history.events.push({ step, kind: 'aborted', detail: 'training interrupted' });
        break;
      }
      history.learningRate.push(adam.learningRate);
      const { loss, g } = parallel ? await parallelStep(parallel) : fused ? fusedStep(fused) : autodiffStep();
      let norm2 = 0;
      for (const a of g) if (a) for (let i = 0; i < a.length; i++) norm2 += a[i] * a[i];
      history.trainLoss.push(loss);

      if (!Number.isFinite(norm2) || isExploding(loss, recent, div.factor)) {
        const what = !Number.isFinite(loss) ? `loss ${loss}` : !Number.isFinite(norm2) ? 'non-finite gradient' : `loss jumped to ${loss}`;
        if (recover(step, what)) {
          reason = 'diverged';
          break;
        }
        await nextTick();
        continue;
      }
      recent.push(loss);
      if (recent.length > div.window) recent.shift();
      lastGood = { params: params.map((p) => p.slice()), adam: adam.state() };
      const norm = Math.sqrt(norm2);
      const maxNorm = clipLimit(o.clipGradNorm ?? 'auto', recentNorms);
      recentNorms.push(norm);
      if (recentNorms.length > 25) recentNorms.shift();
      adam.update(params, g, norm > maxNorm ? maxNorm / norm : 1);
      writeVariables(vars, params);

      if (step % validationStep === 0 || step === o.steps - 1) {
        const ev: Evaluation = evaluate(evalOpts);
        if (!Number.isFinite(ev.loss)) {
          if (recover(step, `validation loss ${ev.loss}`)) {
            reason = 'diverged';
            break;
          }
          await nextTick();
          continue;
        }
        lastVal = ev.loss;
        history.validationSteps.push(step);
        history.validationLoss.push(ev.loss);
        if (ev.kl !== undefined) history.validationKL.push(ev.kl);
        if (ev.residualMean !== undefined) history.logPdfErrorMean.push(ev.residualMean);
        if (ev.residualStd !== undefined) history.logPdfErrorStd.push(ev.residualStd);
        if (density && constant) history.constant.push(constant.dataSync()[0]);
        if (ev.loss < history.bestValidationLoss) {
          history.bestValidationLoss = ev.loss;
          history.bestStep = step;
          best = params.map((p) => p.slice());
        }
        if (plateau) {
          const lr = plateau.update(ev.loss, adam.learningRate);
          if (lr !== adam.learningRate) {
            history.events.push({ step, kind: 'lr-reduced', detail: `validation plateau: learning rate ${adam.learningRate} -> ${lr}` });
            adam.learningRate = lr;
          }
        }
        if (stopper?.update(ev.loss).stop) {
          reason = 'early-stopping';
          history.events.push({ step, kind: 'early-stop', detail: `no progress > ${stopper.minDelta} in ${stopper.patience} validations` });
          break;
        }
        o.onCheckpoint?.(checkpoint(step));
      }
      o.onProgress?.({
        step,
        steps: o.steps,
        trainLoss: loss,
        validationLoss: lastVal,
        bestValidationLoss: history.bestValidationLoss,
        learningRate: adam.learningRate,
        recoveries,
      });
      await nextTick();
    }
    const keep = best ?? lastGood.params;
    writeVariables(vars, keep);
    if (best) history.events.push({ step: history.bestStep, kind: 'best-restored', detail: `kept the weights of step ${history.bestStep}` });
    history.stopReason = reason;
    return history;
  } finally {
    await parallel?.close();
    train?.dispose();
    history.seconds = (performance.now() - t0) / 1000;
  }
}
