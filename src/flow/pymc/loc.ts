/** pymc3 `LocFlow` (`loc`): f(z) = z + loc, log|det| = 0. */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import type { WithLogAbsDet } from '../types.js';
import { PyMCLayer } from './layer.js';

export class LocLayer extends PyMCLayer {
  readonly kind = 'loc';
  readonly loc: tf.Variable;

  constructor(dim: number, rng: Rng, jitter: number) {
    super(dim);
    this.loc = this.addParam('loc', [dim], rng, jitter);
  }

  toData(z: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => ({ y: tf.add(z, this.loc) as tf.Tensor2D, logAbsDet: tf.zeros([z.shape[0]]) as tf.Tensor1D }));
  }

  toNoise(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.sub(x, this.loc) as tf.Tensor2D);
  }
}
