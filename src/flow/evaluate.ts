/**
 * Validation of a flow during training: the loss on the whole validation set (or on a fixed-seed
 * flow sample for reverse KL) and the metrics stored in the history, computed in float64 from the
 * flow's log-densities.
 */
import * as tf from './tf.js';
import { flowConstant } from './losses.js';
import type { LogDensityFn, LossName } from './losses.js';
import { logProbChunked } from './train-data.js';
import type { Samples } from './train-data.js';
import type { Flow } from './types.js';

/** Validation loss and metrics (nats; nats^2 for the regression losses). */
export interface Evaluation {
  loss: number;
  /** Forward KL with a known normalised log p: `mean(log p - log q)`. */
  kl?: number;
  /** Density regression: mean of `log q + C - l`. */
  residualMean?: number;
  /** Density regression: standard deviation of `log q + C - l`. */
  residualStd?: number;
  /** Points (or samples) where log q or log U is not finite. */
  outside: number;
}

/** What {@link evaluate} needs. */
export interface EvaluateOptions {
  flow: Flow;
  loss: LossName;
  validation?: Samples;
  logU?: LogDensityFn;
  /** Reverse KL: number of flow samples. */
  size: number;
  /** Reverse KL: seed of the flow samples (the same at every validation). */
  seed: number;
  /** Points per log-prob evaluation. */
  evalBatch: number;
}

/** Evaluate the validation loss and metrics of the current weights. */
export function evaluate(o: EvaluateOptions): Evaluation {
  if (o.loss === 'reverse_KL') {
    const diff = tf.tidy(() => {
      const { x, logProb } = o.flow.sampleAndLogProb(o.size, o.seed);
      return tf.sub(logProb, (o.logU as LogDensityFn)(x));
    });
    const d = diff.dataSync();
    diff.dispose();
    let sum = 0;
    let outside = 0;
    for (const v of d) {
      if (Number.isFinite(v)) sum += v;
      else outside += 1;
    }
    return { loss: outside > 0 ? NaN : sum / d.length, outside };
  }
  const v = o.validation as Samples;
  const logq = logProbChunked(o.flow, v.x, v.n, o.evalBatch);
  let outside = 0;
  for (const q of logq) if (!Number.isFinite(q)) outside += 1;
  if (o.loss === 'forward_KL') {
    let s = 0;
    let kl = 0;
    for (let i = 0; i < v.n; i++) {
      s -= logq[i];
      if (v.logPdf) kl += v.logPdf[i] - logq[i];
    }
    return { loss: s / v.n, kl: v.logPdf ? kl / v.n : undefined, outside };
  }
  const l = v.logPdf as Float32Array | Float64Array;
  const constant = flowConstant(o.flow);
  const c = constant ? constant.dataSync()[0] : 0;
  let lmin = Infinity;
  for (let i = 0; i < v.n; i++) lmin = Math.min(lmin, l[i]);
  let sum = 0;
  let sum2 = 0;
  let loss = 0;
  for (let i = 0; i < v.n; i++) {
    const r = logq[i] + c - l[i];
    sum += r;
    sum2 += r * r;
    loss += o.loss === 'weighted_ll_mse' ? (l[i] - lmin) * r * r : r * r;
  }
  const mean = sum / v.n;
  return {
    loss: loss / v.n,
    residualMean: mean,
    residualStd: Math.sqrt(Math.max(0, sum2 / v.n - mean * mean)),
    outside,
  };
}

/** mbank's starting value of the constant: the 0.9 quantile of the training log-pdf (linear interpolation). */
export function initialConstant(logPdf: ArrayLike<number>): number {
  const s = Float64Array.from(logPdf).sort();
  const pos = 0.9 * (s.length - 1);
  const i = Math.floor(pos);
  return i + 1 < s.length ? s[i] + (pos - i) * (s[i + 1] - s[i]) : s[i];
}
