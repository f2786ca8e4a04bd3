/**
 * Pure bookkeeping of a training run, driven by the sequence of validation losses: early stopping
 * (mbank `flow/utils.py: early_stopper`) and learning-rate reduction on a plateau (PyTorch
 * `ReduceLROnPlateau`, as `mbank_train_flow` configures it). No tensors here, so both are tested on
 * scripted loss sequences.
 */
import { invalid } from '../core/errors.js';

/** Settings of {@link EarlyStopping}. */
export interface EarlyStoppingOptions {
  /** Number of consecutive validations without an improvement larger than `minDelta` before stopping (>= 1). */
  patience: number;
  /** Required improvement of the validation loss over the best one (absolute, >= 0). */
  minDelta?: number;
}

/** What one validation did to the early-stopping state. */
export interface EarlyStoppingUpdate {
  /** The loss is the lowest seen so far (strictly): the caller keeps these weights as the best. */
  isBest: boolean;
  /** Patience is exhausted: the caller stops and restores the best weights. */
  stop: boolean;
}

/**
 * mbank's early stopper: a validation loss `v` counts as "no progress" when `v > best - |minDelta|`;
 * after `patience` such validations in a row the run stops. Independently, `v < best` makes `v` the
 * new best (its weights are the ones kept). A non-finite loss counts as +Infinity (no progress).
 */
export class EarlyStopping {
  readonly patience: number;
  readonly minDelta: number;
  /** Lowest validation loss seen (Infinity before the first). */
  best = Infinity;
  /** Index (0-based, in validations) of the best loss, -1 before the first. */
  bestIndex = -1;
  /** Consecutive validations without progress. */
  counter = 0;
  private seen = 0;

  constructor(options: EarlyStoppingOptions) {
    if (!Number.isInteger(options.patience) || options.patience < 1) invalid('patience', options.patience, 'must be an integer >= 1');
    const minDelta = options.minDelta ?? 0;
    if (!Number.isFinite(minDelta) || minDelta < 0) invalid('min-delta', minDelta, 'must be a finite number >= 0');
    this.patience = options.patience;
    this.minDelta = minDelta;
  }

  /** Record one validation loss. */
  update(loss: number): EarlyStoppingUpdate {
    const v = Number.isFinite(loss) ? loss : Infinity;
    const index = this.seen++;
    let stop = false;
    if (v > this.best - this.minDelta) {
      this.counter += 1;
      stop = this.counter >= this.patience;
    } else {
      this.counter = 0;
    }
    const isBest = v < this.best;
    if (isBest) {
      this.best = v;
      this.bestIndex = index;
    }
    return { isBest, stop };
  }
}

/** Settings of {@link ReduceLROnPlateau}; defaults are those of `mbank_train_flow`. */
export interface PlateauOptions {
  /** Multiplier of the learning rate at each reduction, in (0, 1). Default 0.5. */
  factor?: number;
  /** Validations without improvement tolerated; the rate drops at the next one. Default 4. */
  patience?: number;
  /** Improvement threshold. Default 0.02 (relative, i.e. 2%). */
  threshold?: number;
  /** `rel`: improvement means `v < best - threshold |best|`; `abs`: `v < best - threshold`. Default `rel`. */
  thresholdMode?: 'rel' | 'abs';
  /** Lower bound of the learning rate. Default 0. */
  minLearningRate?: number;
  /** Validations to wait after a reduction before counting again. Default 0. */
  cooldown?: number;
}

/**
 * PyTorch's `ReduceLROnPlateau` in mode `min`: after more than `patience` validations without an
 * improvement, the learning rate is multiplied by `factor` (not below `minLearningRate`) and the
 * count restarts. Deviation on purpose: the relative threshold uses `|best|`, so that it also means
 * "2% better" for negative losses (PyTorch's `best (1 - threshold)` then asks for less than the best).
 */
export class ReduceLROnPlateau {
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: 'rel' | 'abs';
  readonly minLearningRate: number;
  readonly cooldown: number;
  best = Infinity;
  badCount = 0;
  private cooldownLeft = 0;

  constructor(options: PlateauOptions = {}) {
    this.factor = options.factor ?? 0.5;
    this.patience = options.patience ?? 4;
    this.threshold = options.threshold ?? 0.02;
    this.thresholdMode = options.thresholdMode ?? 'rel';
    this.minLearningRate = options.minLearningRate ?? 0;
    this.cooldown = options.cooldown ?? 0;
    if (!(this.factor > 0 && this.factor < 1)) invalid('plateau factor', this.factor, 'must be in (0, 1)');
    if (!Number.isInteger(this.patience) || this.patience < 0) invalid('plateau patience', this.patience, 'must be an integer >= 0');
    if (!(this.threshold >= 0)) invalid('plateau threshold', this.threshold, 'must be >= 0');
    if (!(this.minLearningRate >= 0)) invalid('minimum learning rate', this.minLearningRate, 'must be >= 0');
  }

  private improves(v: number): boolean {
    if (this.best === Infinity) return v < Infinity;
    const margin = this.thresholdMode === 'rel' ? this.threshold * Math.abs(this.best) : this.threshold;
    return v < this.best - margin;
  }

  /** Record one validation loss; returns the learning rate to use from now on. */
  update(loss: number, learningRate: number): number {
    const v = Number.isFinite(loss) ? loss : Infinity;
    if (this.improves(v)) {
      this.best = v;
      this.badCount = 0;
    } else {
      this.badCount += 1;
    }
    if (this.cooldownLeft > 0) {
      this.cooldownLeft -= 1;
      this.badCount = 0;
    }
    if (this.badCount > this.patience) {
      this.badCount = 0;
      this.cooldownLeft = this.cooldown;
      const next = Math.max(learningRate * this.factor, this.minLearningRate);
      if (learningRate - next > 1e-12 * learningRate) return next;
    }
    return learningRate;
  }
}
