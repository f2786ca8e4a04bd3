/** The fused y = act(x Wt + b) and its hand-written gradient agree with tfjs' unfused ops. */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { linear, linearRelu } from '../../src/flow/linear-op.js';
import { maxAbsDiff, useTestBackend } from './helpers.js';

beforeAll(useTestBackend);

describe('linear op', () => {
  it.each([
    { name: 'linear', op: linear, ref: (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.add(tf.matMul(x, w), b) as tf.Tensor2D },
    { name: 'linearRelu', op: linearRelu, ref: (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.relu(tf.add(tf.matMul(x, w), b)) as tf.Tensor2D },
  ])('$name has the value and the gradients (x, Wt, b) of the unfused tfjs ops', ({ op, ref: refOp }) => {
    const rng = new Rng(1);
    const x = tf.tensor2d(Float32Array.from(rng.normals(50 * 7)), [50, 7]);
    const wt = tf.tensor2d(Float32Array.from(rng.normals(7 * 5)), [7, 5]);
    const b = tf.tensor1d(Float32Array.from(rng.normals(5)));
    const c = tf.tensor2d(Float32Array.from(rng.normals(50 * 5)), [50, 5]);
    const loss = (f: (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D) =>
      tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(c, tf.sin(f(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D)))));
    const ours = loss(op)([x, wt, b]);
    const ref = loss(refOp)([x, wt, b]);
    expect(maxAbsDiff(op(x, wt, b).dataSync(), refOp(x, wt, b).dataSync())).toBeLessThan(1e-5);
    ours.forEach((g, i) => {
      expect(g.shape).toEqual(ref[i].shape);
      expect(maxAbsDiff(g.dataSync(), ref[i].dataSync())).toBeLessThan(1e-4);
    });
  });
});
