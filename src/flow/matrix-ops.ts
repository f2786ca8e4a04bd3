/**
 * Differentiable D x D matrix functions that tfjs lacks, evaluated on the host in float64
 * (src/core/linalg.ts) with analytic gradients:
 *   d ln|det W| / dW = W^-T,      d(W^-1) = -W^-1 dW W^-1  =>  grad_W = -W^-T G W^-T.
 */
import * as tf from './tf.js';
import { inverse, slogdet } from '../core/linalg.js';
import { MbankError } from '../core/errors.js';

function hostMatrix(w: tf.Tensor): { a: Float64Array; n: number } {
  const n = w.shape[0] as number;
  if (w.rank !== 2 || w.shape[1] !== n) throw new MbankError(`matrix shape = [${w.shape.join(', ')}]: must be square D x D`);
  return { a: Float64Array.from(w.dataSync()), n };
}

function transposed(a: Float64Array, n: number): Float32Array {
  const t = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
  return t;
}

/** ln|det W| (scalar tensor) of a square matrix, computed by LU in float64; gradient W^-T. */
export const logAbsDet = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const { a, n } = hostMatrix(args[0] as tf.Tensor);
  const { logAbsDet: value } = slogdet(a, n);
  return {
    value: tf.scalar(value, 'float32'),
    gradFunc: (dy: tf.Tensor) => [tf.mul(dy, tf.tensor2d(transposed(inverse(a, n), n), [n, n], 'float32'))],
  };
}) as (w: tf.Tensor2D) => tf.Scalar;

/** W^-1 of a square matrix, computed by LU in float64; gradient -W^-T G W^-T. */
export const matrixInverse = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const { a, n } = hostMatrix(args[0] as tf.Tensor);
  const inv = inverse(a, n);
  return {
    value: tf.tensor2d(Float32Array.from(inv), [n, n], 'float32'),
    gradFunc: (dy: tf.Tensor) => {
      const invT = tf.tensor2d(transposed(inv, n), [n, n], 'float32');
      return [tf.neg(tf.matMul(tf.matMul(invT, dy as tf.Tensor2D), invT))];
    },
  };
}) as (w: tf.Tensor2D) => tf.Tensor2D;
