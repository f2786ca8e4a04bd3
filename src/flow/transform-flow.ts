/**
 * A flow from any data -> noise bijection T and the standard-normal base (zuko
 * `NormalizingFlow`, nflows `Flow.log_prob`): log q(x) = log N(T(x)) + log|det dT/dx|; samples
 * x = T^-1(z), z ~ N(0, I). Every family is one: STDFlow (./std-flow.ts, a subclass that builds
 * mbank's layers), NSF (./nsf-flow.ts), PyMC formulas (./pymc/pymc-flow.ts); the family records its
 * own architecture JSON for weight files. Optionally the first layer is the tanh box transform (a
 * density on a box), and the flow owns mbank's trainable log-normalisation constant C (`constant`,
 * used by the ll_mse losses: log sqrt|det M| ~ log q + C; not a bijection variable). Tensor names
 * follow mbank's state dict (`_transform._transforms.<i>.<name>`, `constant`).
 */
import * as tf from './tf.js';
import { MbankError, invalid } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { ComposedTransform } from './transforms/composed.js';
import { TanhBoxTransform, checkBox } from './transforms/tanh-box.js';
import { standardNormalLogProb, standardNormalSample } from './standard-normal.js';
import type { ArchitectureBase, Flow, Transform } from './types.js';

/** Prefix of the transform tensors in weight files (mbank's state-dict names). */
export const FLOW_TRANSFORM_PREFIX = '_transform._transforms.';

/** Options of {@link TransformFlow.sampleWithinBox}. */
export interface SampleWithinBoxOptions {
  /** Seed of the base samples (unseeded when omitted). */
  seed?: number;
  /** Extra acceptance test of a row (float64 copy of the sample). */
  accept?: (row: Float64Array) => boolean;
  /** Rows drawn per batch (default min(n, 3000)). */
  batchSize?: number;
  /** Batches drawn at most before giving up (default 10000). */
  maxBatches?: number;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) invalid('n', n, 'must be a positive integer');
}

/** A normalizing flow: data -> noise layers [tanh box first, if any] and a N(0, I) base (see the file header). */
export class TransformFlow<A extends ArchitectureBase = ArchitectureBase> implements Flow {
  readonly dim: number;
  /** The data -> noise bijection (list of layers). */
  readonly transform: ComposedTransform;
  /** mbank's trainable log-normalisation constant C, shape [1], 0 at construction. */
  readonly constant: tf.Variable;
  private readonly arch: A;

  /**
   * @param layers the data -> noise layers (after the box layer, if any).
   * @param architecture JSON-able description with a `kind` field (see ./families.ts).
   * @param box support box ([dim] low < high): a tanh box layer is put first.
   */
  constructor(dim: number, layers: Transform[], architecture: A, box?: { low: ArrayLike<number>; high: ArrayLike<number> }) {
    if (box) checkBox(box.low, box.high, dim);
    this.dim = dim;
    this.transform = new ComposedTransform(box ? [new TanhBoxTransform(box.low, box.high), ...layers] : layers);
    this.arch = JSON.parse(JSON.stringify(architecture)) as A;
    this.constant = tf.variable(tf.zeros([1]), true, undefined, 'float32');
  }

  /** The tanh box layer, if the flow has one. */
  get boxTransform(): TanhBoxTransform | undefined {
    const first = this.transform.transforms[0];
    return first instanceof TanhBoxTransform ? first : undefined;
  }

  /** The support box (float32 values as float64), or undefined for a flow on R^D. */
  box(): { low: Float64Array; high: Float64Array } | undefined {
    return this.boxTransform?.box();
  }

  /** Set the support box (mbank does this from the training data before training). */
  setBox(low: ArrayLike<number>, high: ArrayLike<number>): void {
    const t = this.boxTransform;
    if (!t) throw new MbankError('setBox: this flow has no box layer (it was built without a box)');
    t.setBox(low, high);
  }

  private checkInput(x: tf.Tensor2D): void {
    if (x.rank !== 2 || x.shape[1] !== this.dim) invalid('flow input shape', x.shape, `must be [N, ${this.dim}]`);
  }

  /** log q(x) per row [N]; -Infinity for rows outside the box. */
  logProb(x: tf.Tensor2D): tf.Tensor1D {
    this.checkInput(x);
    return tf.tidy(() => {
      const { y, logAbsDet } = this.transform.forwardAndLogAbsDet(x);
      return tf.add(standardNormalLogProb(y), logAbsDet) as tf.Tensor1D;
    });
  }

  /** z = T(x) (noise of the data points), [N, D]. */
  transformToNoise(x: tf.Tensor2D): tf.Tensor2D {
    this.checkInput(x);
    return this.transform.forward(x);
  }

  /** n samples x = T^-1(z), z ~ N(0, I) (seeded library Rng when `seed` is given). */
  sample(n: number, seed?: number): tf.Tensor2D {
    checkCount(n);
    return tf.tidy(() => this.transform.inverse(standardNormalSample(n, this.dim, seed === undefined ? undefined : new Rng(seed))));
  }

  /** Samples and log q(x) = log N(z) - log|det dT^-1/dz| in one (reparameterised) pass. */
  sampleAndLogProb(n: number, seed?: number): { x: tf.Tensor2D; logProb: tf.Tensor1D } {
    checkCount(n);
    return this.sampleAndLogProbFrom(n, seed === undefined ? undefined : new Rng(seed));
  }

  private sampleAndLogProbFrom(n: number, rng: Rng | undefined): { x: tf.Tensor2D; logProb: tf.Tensor1D } {
    return tf.tidy(() => {
      const z = standardNormalSample(n, this.dim, rng);
      const { y, logAbsDet } = this.transform.inverseAndLogAbsDet(z);
      return { x: y, logProb: tf.sub(standardNormalLogProb(z), logAbsDet) as tf.Tensor1D };
    });
  }

  /**
   * n samples strictly inside the box (and accepted by `accept`, if given) with their log q, as
   * row-major float64 arrays (mbank `sample_within_boundaries`): batches of `batchSize` are drawn
   * from one seeded stream and filtered until n are kept; throws after `maxBatches` batches.
   */
  sampleWithinBox(n: number, options: SampleWithinBoxOptions = {}): { x: Float64Array; logProb: Float64Array } {
    checkCount(n);
    const batchSize = options.batchSize ?? Math.min(n, 3000);
    const maxBatches = options.maxBatches ?? 10000;
    const rng = options.seed === undefined ? undefined : new Rng(options.seed);
    const box = this.box();
    const x = new Float64Array(n * this.dim);
    const lp = new Float64Array(n);
    let kept = 0;
    for (let b = 0; kept < n; b++) {
      if (b >= maxBatches) throw new MbankError(`sampleWithinBox: only ${kept} of ${n} samples accepted after ${maxBatches} batches`);
      const s = this.sampleAndLogProbFrom(batchSize, rng);
      const xs = s.x.dataSync();
      const ls = s.logProb.dataSync();
      tf.dispose([s.x, s.logProb]);
      for (let i = 0; i < batchSize && kept < n; i++) {
        const row = Float64Array.from(xs.subarray(i * this.dim, (i + 1) * this.dim));
        let ok = Number.isFinite(ls[i]);
        for (let d = 0; ok && d < this.dim; d++) ok = Number.isFinite(row[d]) && (!box || (row[d] > box.low[d] && row[d] < box.high[d]));
        if (ok && options.accept) ok = options.accept(row);
        if (!ok) continue;
        x.set(row, kept * this.dim);
        lp[kept++] = ls[i];
      }
    }
    return { x, logProb: lp };
  }

  /** The bijection's trainable variables (not `constant`: losses that fit it add it themselves). */
  trainableVariables(): tf.Variable[] {
    return this.transform.variables();
  }

  /** Every tensor by weight-file name (`constant`, `_transform._transforms.<i>.<name>`). */
  namedVariables(): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = { constant: this.constant };
    for (const [k, v] of Object.entries(this.transform.namedVariables())) out[FLOW_TRANSFORM_PREFIX + k] = v;
    return out;
  }

  /** The family's architecture JSON (a copy): STDArchitecture for STDFlow, NSFArchitecture, PyMCArchitecture. */
  architecture(): A {
    return JSON.parse(JSON.stringify(this.arch)) as A;
  }

  dispose(): void {
    this.transform.dispose();
    this.constant.dispose();
  }
}
