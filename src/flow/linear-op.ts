/**
 * y = act(x Wt + b) (x [N, in], Wt [in, out], b [out], act = identity or relu) as one fused
 * kernel, with a hand-written gradient that uses only non-transposed matrix products:
 *   dz = dy ⊙ act'(y),  dx = dz Wt^T,  dWt = x^T dz,  db = 1^T dz,
 * the transposes being explicit. On the wasm backend (tfjs 4.22) a matMul with transposeA or
 * transposeB, as tfjs' own matMul gradient uses, is ~5x slower than a plain one, and a sum over
 * axis 0 transposes first.
 */
import * as tf from './tf.js';

/**
 * act(x Wt + b) as one `_FusedMatMul` kernel (the forward of the ops here and of other hand-written
 * custom gradients). `b` must be a rank-1 tensor of its own (the wasm kernel reads the rank from
 * storage, not from a reshape).
 */
export function matMulBias(x: tf.Tensor2D, wt: tf.Tensor2D, b: tf.Tensor1D, relu = false): tf.Tensor2D {
  const [n, k] = x.shape;
  const m = wt.shape[1];
  const y3 = tf.engine().runKernel(
    '_FusedMatMul',
    { a: tf.reshape(x, [1, n, k]), b: tf.reshape(wt, [1, k, m]), bias: b },
    { transposeA: false, transposeB: false, activation: relu ? 'relu' : 'linear', leakyreluAlpha: 0.2 },
  ) as tf.Tensor3D;
  return tf.reshape(y3, [n, m]) as tf.Tensor2D;
}

function makeLinearOp(relu: boolean) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, wt, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    const y = matMulBias(x, wt, b, relu);
    save(relu ? [x, wt, y] : [x, wt]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, swt, sy] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D | undefined];
        const dz = (sy ? tf.mul(dy, tf.step(sy)) : dy) as tf.Tensor2D;
        const ones = tf.ones([1, dz.shape[0]]) as tf.Tensor2D;
        return [tf.matMul(dz, tf.transpose(swt)), tf.matMul(tf.transpose(sx), dz), tf.reshape(tf.matMul(ones, dz), [-1])];
      },
    };
  });
}

const linearOp = makeLinearOp(false);
const linearReluOp = makeLinearOp(true);

/** x Wt + b for x [N, in], Wt [in, out], b [out]; differentiable in all three. */
export function linear(x: tf.Tensor2D, wt: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return linearOp(x, wt, b) as tf.Tensor2D;
}

/** relu(x Wt + b), fused; differentiable in all three (relu'(0) = 0 as tf.relu). */
export function linearRelu(x: tf.Tensor2D, wt: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return linearReluOp(x, wt, b) as tf.Tensor2D;
}
