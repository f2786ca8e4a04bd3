/**
 * The tanh box transform of mbank (`mbank/flow/flowmodel.py: TanhTransform`): maps the open box
 * (low, high) onto R^D, data -> noise:
 *   u = (2x - high - low) / (high - low),  z = atanh(u) = 0.5 ln((1 + u)/(1 - u)),
 *   log|det dz/dx| = -sum_d ln((1 - u_d^2)(high_d - low_d)/2).
 * A row outside the box (|u_d| >= 1 for some d) gets z = 0 and log|det| = -Infinity, so its
 * log-probability is -Infinity while the other rows of the batch are unaffected (mbank raises for
 * the whole batch instead). low/high are non-trainable variables, as in mbank.
 */
import * as tf from '../tf.js';
import { invalid } from '../../core/errors.js';
import type { Transform, WithLogAbsDet } from '../types.js';

/** Check a box: two arrays of equal length dim with low_d < high_d, all finite. */
export function checkBox(low: ArrayLike<number>, high: ArrayLike<number>, dim?: number): void {
  if (dim !== undefined && low.length !== dim) invalid('box low', Array.from(low), `must have ${dim} values`);
  if (high.length !== low.length) invalid('box high', Array.from(high), `must have ${low.length} values like low`);
  for (let d = 0; d < low.length; d++) {
    if (!Number.isFinite(low[d]) || !Number.isFinite(high[d]) || !(high[d] > low[d])) {
      invalid(`box[${d}]`, [low[d], high[d]], 'must be finite with low < high');
    }
  }
}

/** box -> R^D: z = atanh((2x - high - low)/(high - low)); -Infinity log-det for rows outside the box. */
export class TanhBoxTransform implements Transform {
  readonly kind = 'tanhBox';
  readonly dim: number;
  /** Lower corner of the box [D] (not trained). */
  readonly low: tf.Variable;
  /** Upper corner of the box [D] (not trained). */
  readonly high: tf.Variable;

  constructor(low: ArrayLike<number>, high: ArrayLike<number>) {
    checkBox(low, high);
    this.dim = low.length;
    this.low = tf.variable(tf.tensor1d(Array.from(low), 'float32'), false);
    this.high = tf.variable(tf.tensor1d(Array.from(high), 'float32'), false);
  }

  /** Replace the box (as mbank does from the training data before training). */
  setBox(low: ArrayLike<number>, high: ArrayLike<number>): void {
    checkBox(low, high, this.dim);
    tf.tidy(() => {
      this.low.assign(tf.tensor1d(Array.from(low), 'float32'));
      this.high.assign(tf.tensor1d(Array.from(high), 'float32'));
    });
  }

  /** The box as float64 arrays (the float32 values actually used). */
  box(): { low: Float64Array; high: Float64Array } {
    return { low: Float64Array.from(this.low.dataSync()), high: Float64Array.from(this.high.dataSync()) };
  }

  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      const width = tf.sub(this.high, this.low);
      // Same op order as mbank (x*2 + (-high - low)) / (high - low), for float32 parity.
      const u = tf.div(tf.add(tf.mul(x, 2), tf.sub(tf.neg(this.high), this.low)), width) as tf.Tensor2D;
      const insideRow = tf.less(tf.max(tf.abs(u), 1), 1);
      // Rows outside the box are replaced by u = 0 (a [N, 1] 0/1 factor; cheaper than a tiled where).
      const us = tf.mul(u, tf.expandDims(tf.cast(insideRow, 'float32'), 1));
      const y = tf.mul(0.5, tf.log(tf.div(tf.add(1, us), tf.sub(1, us)))) as tf.Tensor2D;
      const perDim = tf.neg(tf.log(tf.mul(tf.mul(tf.sub(1, tf.square(us)), 0.5), width)));
      const ld = tf.sum(perDim, 1);
      const logAbsDet = tf.where(insideRow, ld, tf.fill(ld.shape, -Infinity)) as tf.Tensor1D;
      return { y, logAbsDet };
    });
  }

  inverseAndLogAbsDet(z: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      const width = tf.sub(this.high, this.low);
      const t = tf.tanh(z);
      const y = tf.div(tf.add(tf.mul(t, width), tf.add(this.high, this.low)), 2) as tf.Tensor2D;
      // ln(1 - tanh^2 z) = 2 (ln 2 - |z| - softplus(-2|z|)), finite where tanh saturates in float32.
      const a = tf.abs(z);
      const logSech2 = tf.mul(2, tf.sub(tf.sub(Math.LN2, a), tf.softplus(tf.mul(-2, a))));
      const logAbsDet = tf.sum(tf.add(logSech2, tf.log(tf.mul(width, 0.5))), 1) as tf.Tensor1D;
      return { y, logAbsDet };
    });
  }

  forward(x: tf.Tensor2D): tf.Tensor2D {
    const { y, logAbsDet } = this.forwardAndLogAbsDet(x);
    logAbsDet.dispose();
    return y;
  }

  inverse(z: tf.Tensor2D): tf.Tensor2D {
    const { y, logAbsDet } = this.inverseAndLogAbsDet(z);
    logAbsDet.dispose();
    return y;
  }

  logAbsDetJacobian(x: tf.Tensor2D): tf.Tensor1D {
    const { y, logAbsDet } = this.forwardAndLogAbsDet(x);
    y.dispose();
    return logAbsDet;
  }

  variables(): tf.Variable[] {
    return [];
  }

  /** State-dict style names (mbank: `low`, `high`). */
  namedVariables(): Record<string, tf.Variable> {
    return { low: this.low, high: this.high };
  }

  dispose(): void {
    this.low.dispose();
    this.high.dispose();
  }
}
