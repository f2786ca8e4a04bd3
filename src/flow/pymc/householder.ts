/**
 * pymc3 `HouseholderFlow` (`hh`; Tomczak & Welling 2016, arXiv:1611.09630): f(z) = H z with the
 * reflection H = I - 2 v v^T / (|v|^2 + 1e-10), orthogonal and its own inverse, log|det| = 0.
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import type { WithLogAbsDet } from '../types.js';
import { PyMCLayer } from './layer.js';

export class HouseholderLayer extends PyMCLayer {
  readonly kind = 'hh';
  readonly v: tf.Variable;

  constructor(dim: number, rng: Rng, jitter: number) {
    super(dim);
    this.v = this.addParam('v', [dim], rng, jitter);
  }

  /** z - 2 (z . v) v / (|v|^2 + 1e-10), row-wise (= z H, H symmetric). */
  private reflect(z: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const v = tf.reshape(this.v, [this.dim, 1]) as tf.Tensor2D;
      const coef = tf.div(tf.mul(2, tf.matMul(z, v)), tf.add(tf.sum(tf.square(this.v)), 1e-10));
      return tf.sub(z, tf.mul(coef, tf.reshape(this.v, [1, this.dim]))) as tf.Tensor2D;
    });
  }

  toData(z: tf.Tensor2D): WithLogAbsDet {
    return { y: this.reflect(z), logAbsDet: tf.zeros([z.shape[0]]) };
  }

  toNoise(x: tf.Tensor2D): tf.Tensor2D {
    return this.reflect(x);
  }
}
