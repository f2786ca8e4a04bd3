/**
 * The standard-normal base distribution N(0, I_D): log N(z) = -|z|^2/2 - (D/2) ln(2 pi)
 * (nflows `StandardNormal`). Seeded samples come from the library Rng (reproducible across
 * backends); unseeded ones from tfjs' generator.
 */
import * as tf from './tf.js';
import { Rng } from '../core/rng.js';

/** log N(z; 0, I) per row of z [N, D]. */
export function standardNormalLogProb(z: tf.Tensor2D): tf.Tensor1D {
  const dim = z.shape[1];
  return tf.tidy(() => tf.sub(tf.mul(-0.5, tf.sum(tf.square(z), 1)), 0.5 * dim * Math.log(2 * Math.PI)) as tf.Tensor1D);
}

/** n standard-normal rows of dimension dim: from `rng` when given, else from tfjs. */
export function standardNormalSample(n: number, dim: number, rng?: Rng): tf.Tensor2D {
  if (rng === undefined) return tf.randomNormal([n, dim], 0, 1, 'float32');
  return tf.tensor2d(Float32Array.from(rng.normals(n * dim)), [n, dim], 'float32');
}
