/** pymc3 `ScaleFlow` (`scale`): f(z) = z * exp(log_scale), log|det| = sum_d log_scale_d. */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import type { WithLogAbsDet } from '../types.js';
import { PyMCLayer } from './layer.js';

export class ScaleLayer extends PyMCLayer {
  readonly kind = 'scale';
  readonly logScale: tf.Variable;

  constructor(dim: number, rng: Rng, jitter: number) {
    super(dim);
    this.logScale = this.addParam('log_scale', [dim], rng, jitter);
  }

  toData(z: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => ({
      y: tf.mul(z, tf.exp(this.logScale)) as tf.Tensor2D,
      logAbsDet: tf.add(tf.zeros([z.shape[0]]), tf.sum(this.logScale)) as tf.Tensor1D,
    }));
  }

  toNoise(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.mul(x, tf.exp(tf.neg(this.logScale))) as tf.Tensor2D);
  }
}
