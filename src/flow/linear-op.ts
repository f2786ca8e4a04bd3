/**
 * y = x Wt + b (x [N, in], Wt [in, out], b [out]) with a hand-written gradient that uses only
 * non-transposed matrix products: dx = dy Wt^T, dWt = x^T dy, db = 1^T dy, where the
 * transposes are explicit. On the wasm backend a matMul with transposeA/transposeB is ~5x slower
 * than a plain one (tfjs 4.22), and tfjs' own matMul gradient uses them.
 */
import * as tf from '@tensorflow/tfjs';

const linearOp = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, wt, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, wt]);
  return {
    value: tf.add(tf.matMul(x, wt), b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, swt] = saved as [tf.Tensor2D, tf.Tensor2D];
      const d = dy as tf.Tensor2D;
      // Column sums as a product with a row of ones: tf.sum over axis 0 transposes first on wasm.
      const ones = tf.ones([1, d.shape[0]]) as tf.Tensor2D;
      return [tf.matMul(d, tf.transpose(swt)), tf.matMul(tf.transpose(sx), d), tf.reshape(tf.matMul(ones, d), [-1])];
    },
  };
});

/** x Wt + b for x [N, in], Wt [in, out], b [out]; differentiable in all three. */
export function linear(x: tf.Tensor2D, wt: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return linearOp(x, wt, b) as tf.Tensor2D;
}
