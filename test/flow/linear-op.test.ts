/** The hand-written gradient of y = x Wt + b agrees with tfjs' automatic one. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { linear } from '../../src/flow/linear-op.js';
import { maxAbsDiff, useTestBackend } from './helpers.js';

beforeAll(useTestBackend);

describe('linear op', () => {
  it('has the value and the gradients (x, Wt, b) of tf.matMul + tf.add', () => {
    const rng = new Rng(1);
    const x = tf.tensor2d(Float32Array.from(rng.normals(50 * 7)), [50, 7]);
    const wt = tf.tensor2d(Float32Array.from(rng.normals(7 * 5)), [7, 5]);
    const b = tf.tensor1d(Float32Array.from(rng.normals(5)));
    const c = tf.tensor2d(Float32Array.from(rng.normals(50 * 5)), [50, 5]);
    const loss = (f: (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D) =>
      tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(c, tf.sin(f(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D)))));
    const ours = loss(linear)([x, wt, b]);
    const ref = loss((xx, ww, bb) => tf.add(tf.matMul(xx, ww), bb))([x, wt, b]);
    expect(maxAbsDiff(linear(x, wt, b).dataSync(), tf.add(tf.matMul(x, wt), b).dataSync())).toBeLessThan(1e-5);
    ours.forEach((g, i) => {
      expect(g.shape).toEqual(ref[i].shape);
      expect(maxAbsDiff(g.dataSync(), ref[i].dataSync())).toBeLessThan(1e-4);
    });
  });
});
