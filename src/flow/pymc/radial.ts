/**
 * pymc3 `RadialFlow` (`radial`; Rezende & Mohamed 2015, arXiv:1505.05770 Eq. 14):
 *   f(z) = z + beta h(r) (z - z_ref),  r = |z - z_ref|,  h = 1/(alpha + r),
 * reparametrised alpha = exp(a) > 0, beta = -alpha + softplus(b) > -alpha (invertible), and
 *   log|det df/dz| = (D-1) ln(1 + beta h) + ln(1 + beta h + beta h'(r) r) = (D-1) ln(1 + beta h) + ln(1 + beta alpha/(alpha + r)^2).
 * Inverse in closed form: with rx = |x - z_ref|, r solves r^2 + (alpha + beta - rx) r - alpha rx = 0
 * (positive root), and z = z_ref + (x - z_ref) / (1 + beta/(alpha + r)).
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import type { WithLogAbsDet } from '../types.js';
import { PyMCLayer } from './layer.js';

/** Added under square roots of squared norms (finite gradient at r = 0). */
const TINY = 1e-30;

export class RadialLayer extends PyMCLayer {
  readonly kind = 'radial';
  readonly a: tf.Variable;
  readonly b: tf.Variable;
  readonly zRef: tf.Variable;

  constructor(dim: number, rng: Rng, jitter: number) {
    super(dim);
    this.a = this.addParam('a', [], rng, jitter);
    this.b = this.addParam('b', [], rng, jitter);
    this.zRef = this.addParam('z_ref', [dim], rng, jitter);
  }

  private alphaBeta(): { alpha: tf.Scalar; beta: tf.Scalar } {
    const alpha = tf.exp(this.a) as tf.Scalar;
    return { alpha, beta: tf.add(tf.neg(alpha), tf.softplus(this.b)) as tf.Scalar };
  }

  toData(z: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      const { alpha, beta } = this.alphaBeta();
      const diff = tf.sub(z, this.zRef);
      const r = tf.sqrt(tf.add(tf.sum(tf.square(diff), 1, true), TINY));
      const ar = tf.add(alpha, r);
      const bh = tf.div(beta, ar);
      const y = tf.add(z, tf.mul(bh, diff)) as tf.Tensor2D;
      const lad = tf.add(
        tf.mul(this.dim - 1, tf.log1p(bh)),
        tf.log1p(tf.div(tf.mul(beta, alpha), tf.square(ar))),
      );
      return { y, logAbsDet: tf.reshape(lad, [-1]) as tf.Tensor1D };
    });
  }

  toNoise(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const { alpha, beta } = this.alphaBeta();
      const diff = tf.sub(x, this.zRef);
      const rx = tf.sqrt(tf.add(tf.sum(tf.square(diff), 1, true), TINY));
      const bq = tf.sub(tf.add(alpha, beta), rx);
      const sq = tf.sqrt(tf.add(tf.square(bq), tf.mul(4, tf.mul(alpha, rx))));
      // Stable root: no cancellation for either sign of bq.
      const rPos = tf.div(tf.mul(2, tf.mul(alpha, rx)), tf.add(tf.add(bq, sq), TINY));
      const rNeg = tf.mul(0.5, tf.sub(sq, bq));
      const r = tf.where(tf.greaterEqual(bq, 0), rPos, rNeg);
      return tf.add(this.zRef, tf.div(diff, tf.add(1, tf.div(beta, tf.add(alpha, r))))) as tf.Tensor2D;
    });
  }
}
