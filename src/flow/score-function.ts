/**
 * Score-function (log-derivative trick; Williams 1992, Ranganath et al. 2014 arXiv:1401.0118) training
 * of a flow q towards an unnormalised target p known only at evaluated points (no gradient of p):
 * reverse KL(q || p) over a replay set of every point evaluated so far, reweighted to the current q by
 * truncated importance weights, with a weighted-mean baseline (the `--objective reverse-kl` of training
 * from the metric, src/pipeline/train-from-metric/reverse-kl.ts). Used by that command only.
 */
import * as tf from './tf.js';
import { invalid } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { Adam } from './adam.js';
import { readVariables, writeVariables } from './train-data.js';
import type { Flow } from './types.js';

/**
 * Self-normalised truncated importance weights (Ionides 2008, "Truncated importance sampling",
 * J. Comput. Graph. Stat. 17:295): raw ratios r_j = q_new(x_j) / q_old(x_j) (from log values,
 * shifted by their maximum so nothing overflows), capped at c = `capFactor` sqrt(n) mean(min(r, c))
 * (the truncation level sqrt(n) x mean of Ionides, taken at its fixed point so that one huge ratio
 * cannot inflate its own cap), then divided by their sum: no weight exceeds capFactor / sqrt(n). Points drawn from the current flow (log q_old = log q_new) get 1/n each.
 * Returns the normalised weights and the effective sample size (sum w)^2 / sum w^2 (in points).
 */
export function truncatedImportanceWeights(logqNew: ArrayLike<number>, logqOld: ArrayLike<number>, capFactor = 1): { weights: Float64Array; ess: number } {
  const n = logqNew.length;
  if (logqOld.length !== n) invalid('logqOld length', logqOld.length, `must equal that of logqNew (${n})`);
  if (!(capFactor > 0)) invalid('capFactor', capFactor, 'must be > 0 (Infinity: no truncation)');
  const lw = Float64Array.from({ length: n }, (_, j) => logqNew[j] - logqOld[j]);
  let max = -Infinity;
  for (const v of lw) if (v > max) max = v;
  const w = lw.map((v) => (Number.isFinite(max) ? Math.exp(v - max) : 0));
  // cap c = k sqrt(n) mean(min(r, c)): iterated from the raw mean down to its fixed point, so that a
  // single huge ratio (which inflates the raw mean) is capped too; no weight then exceeds k / sqrt(n)
  let cap = (capFactor * Math.sqrt(n) * w.reduce((a, b) => a + b, 0)) / n;
  for (let it = 0; it < 100; it++) {
    let s = 0;
    for (const v of w) s += Math.min(v, cap);
    const next = (capFactor * Math.sqrt(n) * s) / n;
    if (!(next < cap * (1 - 1e-12))) break;
    cap = next;
  }
  let sum = 0;
  for (let j = 0; j < n; j++) {
    if (!(w[j] <= cap)) w[j] = Number.isNaN(w[j]) ? 0 : cap;
    sum += w[j];
  }
  let sq = 0;
  for (let j = 0; j < n; j++) {
    w[j] = sum > 0 ? w[j] / sum : 1 / n;
    sq += w[j] * w[j];
  }
  return { weights: w, ess: 1 / sq };
}

/**
 * Weighted advantages A_j = f_j - b with the weighted-mean baseline b = sum_j w_j f_j (w summing
 * to 1), optionally divided by the weighted standard deviation of f. With this baseline
 * sum_j w_j A_j = 0, so a gradient sum_j w_j A_j grad log q(x_j) is blind to any constant added to
 * log q or f (the unknown log Z of an unnormalised target, the normalisation of q on a sub-region).
 */
export function weightedAdvantages(f: ArrayLike<number>, w: ArrayLike<number>, normalize: boolean): Float64Array {
  const n = f.length;
  let b = 0;
  for (let j = 0; j < n; j++) b += w[j] * f[j];
  const a = Float64Array.from({ length: n }, (_, j) => f[j] - b);
  if (normalize) {
    let v = 0;
    for (let j = 0; j < n; j++) v += w[j] * a[j] * a[j];
    const s = Math.sqrt(v) + 1e-8;
    for (let j = 0; j < n; j++) a[j] /= s;
  }
  return a;
}

/**
 * A replay set for {@link trainReplayReverseKL}: every point ever evaluated, with the unnormalised
 * target log p(x_j) and the log-density log q_old(x_j) of the flow it was drawn from, recorded at
 * draw time.
 */
export interface ReplaySet {
  x: Float64Array;
  n: number;
  dim: number;
  logTarget: Float64Array;
  logProposal: Float64Array;
}

/** Settings of {@link trainReplayReverseKL}. */
export interface ReplayKLOptions {
  steps: number;
  /** Replay points per step (drawn without replacement; the whole set when larger). */
  batchSize: number;
  learningRate: number;
  /** Truncation of the importance weights in units of sqrt(batch) x mean; default 1. */
  truncation?: number;
  /** Divide the advantages by their weighted standard deviation; default false. */
  normalize?: boolean;
  /** Global gradient-norm limit; default 10 (Infinity disables). */
  clipGradNorm?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: { step: number; loss: number; ess: number; gradNorm: number }) => void;
}

/** Per-step record of {@link trainReplayReverseKL}. */
export interface ReplayKLHistory {
  /** Importance-weighted estimate of E_q[log q - log p] = KL(q || p/Z) - log Z on the step's batch. */
  loss: number[];
  /** Effective sample size of the step's truncated weights, as a fraction of the batch. */
  ess: number[];
  gradNorm: number[];
  /** Steps not applied (non-finite loss or gradient). */
  skipped: number[];
  seconds: number;
}

/**
 * Importance-weighted reverse KL by the score function, for a target with no gradient, reusing every
 * past evaluation: minimises KL(q || p/Z) with
 *   grad KL = E_q[(log q - log p - b) grad log q] ~ sum_j w_j (log q(x_j) - log p(x_j) - b) grad log q(x_j),
 * x_j from the replay (drawn from older flows q_old), w_j the self-normalised truncated weights
 * q(x_j)/q_old(x_j) ({@link truncatedImportanceWeights}) recomputed every step, b the weighted-mean
 * baseline ({@link weightedAdvantages}). Implemented as the gradient of the surrogate
 * sum_j (w_j A_j) log q(x_j) with w_j A_j constant; Adam, gradient-norm clipping, non-finite steps
 * skipped. (With these weights the gradient equals that of the weighted density regression
 * 1/2 sum_j w_j (log q(x_j) + b - log p(x_j))^2: ll_mse on importance-weighted points.)
 */
export async function trainReplayReverseKL(flow: Flow, replay: ReplaySet, options: ReplayKLOptions): Promise<ReplayKLHistory> {
  const o = options;
  if (!Number.isInteger(o.steps) || o.steps < 1) invalid('steps', o.steps, 'must be an integer >= 1');
  if (!Number.isInteger(o.batchSize) || o.batchSize < 2) invalid('batch-size', o.batchSize, 'must be an integer >= 2');
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) invalid('learning-rate', o.learningRate, 'must be a finite number > 0');
  if (replay.dim !== flow.dim) invalid('replay dimension', replay.dim, `must equal the flow's dimension ${flow.dim}`);
  if (replay.x.length !== replay.n * replay.dim || replay.logTarget.length !== replay.n || replay.logProposal.length !== replay.n) {
    invalid('replay lengths', `${replay.x.length}/${replay.logTarget.length}/${replay.logProposal.length}`, `must be n * dim, n, n with n = ${replay.n}`);
  }
  if (replay.n < 2) invalid('replay size', replay.n, 'must be >= 2');
  const t0 = performance.now();
  const clip = o.clipGradNorm ?? 10;
  const dim = flow.dim;
  const m = Math.min(o.batchSize, replay.n);
  const rng = new Rng(o.seed ?? 0);
  const vars = flow.trainableVariables();
  const params = readVariables(vars);
  const adam = new Adam(params.map((p) => p.length), { learningRate: o.learningRate });
  const history: ReplayKLHistory = { loss: [], ess: [], gradNorm: [], skipped: [], seconds: 0 };
  const perm = Int32Array.from({ length: replay.n }, (_, i) => i);
  let cursor = replay.n;
  const xb = new Float32Array(m * dim);
  const lp = new Float64Array(m);
  const lo = new Float64Array(m);
  for (let step = 0; step < o.steps; step++) {
    if (o.signal?.aborted) break;
    for (let k = 0; k < m; k++) {
      if (cursor >= replay.n) {
        for (let i = replay.n - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
        cursor = 0;
      }
      const j = perm[cursor++];
      for (let d = 0; d < dim; d++) xb[k * dim + d] = replay.x[j * dim + d];
      lp[k] = replay.logTarget[j];
      lo[k] = replay.logProposal[j];
    }
    const xt = tf.tensor2d(xb, [m, dim]);
    const logq = tf.tidy(() => flow.logProb(xt)).dataSync();
    const { weights, ess } = truncatedImportanceWeights(logq, lo, o.truncation ?? 1);
    const f = Float64Array.from({ length: m }, (_, k) => logq[k] - lp[k]);
    const loss = f.reduce((s, v, k) => s + weights[k] * v, 0);
    const adv = weightedAdvantages(f, weights, o.normalize ?? false);
    const coef = Float32Array.from(adv, (a, k) => a * weights[k]);
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(tf.tensor1d(coef), flow.logProb(xt))) as tf.Scalar, vars);
    xt.dispose();
    value.dispose();
    const { g, norm } = hostGradients(vars, grads);
    history.loss.push(loss);
    history.ess.push(ess / m);
    history.gradNorm.push(norm);
    if (!Number.isFinite(norm) || !Number.isFinite(loss)) {
      history.skipped.push(step);
      continue;
    }
    adam.update(params, g, norm > clip ? clip / norm : 1);
    writeVariables(vars, params);
    o.onProgress?.({ step, loss, ess: ess / m, gradNorm: norm });
    if (step % 20 === 0) await new Promise<void>((r) => setImmediate(r));
  }
  history.seconds = (performance.now() - t0) / 1000;
  return history;
}

/**
 * Gradients of `vars` copied to float64 on the host (null for a variable without one), the tfjs
 * tensors disposed, and their global L2 norm.
 */
function hostGradients(vars: readonly tf.Variable[], grads: Record<string, tf.Tensor>): { g: (Float64Array | null)[]; norm: number } {
  const g = vars.map((v) => (grads[v.name] ? Float64Array.from(grads[v.name].dataSync()) : null));
  tf.dispose(Object.values(grads));
  let norm2 = 0;
  for (const a of g) if (a) for (let i = 0; i < a.length; i++) norm2 += a[i] * a[i];
  return { g, norm: Math.sqrt(norm2) };
}
