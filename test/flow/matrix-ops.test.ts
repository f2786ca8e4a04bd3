/** Host (float64) matrix functions with analytic gradients, checked against finite differences. */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { inverse, slogdet } from '../../src/core/linalg.js';
import { logAbsDet, matrixInverse } from '../../src/flow/matrix-ops.js';
import { maxAbsDiff, useTestBackend } from './helpers.js';

beforeAll(useTestBackend);

const W = [1.2, -0.4, 0.3, 0.5, 0.9, -0.7, -0.2, 0.6, 1.5];

describe('matrix ops', () => {
  it('computes ln|det W| and its gradient W^-T', () => {
    const w = tf.tensor2d(W, [3, 3]);
    const { value, grads } = tf.valueAndGrads((m: tf.Tensor) => logAbsDet(m as tf.Tensor2D))([w]);
    expect(value.dataSync()[0]).toBeCloseTo(slogdet(Float64Array.from(W), 3).logAbsDet, 6);
    const inv = inverse(Float64Array.from(W), 3);
    const invT = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => inv[j * 3 + i]));
    expect(maxAbsDiff(grads[0].dataSync(), invT)).toBeLessThan(1e-6);
  });

  it('computes W^-1 with the gradient of sum(A ⊙ W^-1) matching finite differences', () => {
    const A = [0.3, -1, 2, 0.5, 0.1, -0.2, 1, 1, -1];
    const f = (m: number[]) => {
      const inv = inverse(Float64Array.from(m), 3);
      return inv.reduce((s, v, k) => s + A[k] * v, 0);
    };
    const { grads } = tf.valueAndGrads((m: tf.Tensor) => tf.sum(tf.mul(tf.tensor2d(A, [3, 3]), matrixInverse(m as tf.Tensor2D))) as tf.Scalar)([tf.tensor2d(W, [3, 3])]);
    const h = 1e-6;
    const fd = W.map((_, k) => {
      const p = [...W];
      const m = [...W];
      p[k] += h;
      m[k] -= h;
      return (f(p) - f(m)) / (2 * h);
    });
    expect(maxAbsDiff(grads[0].dataSync(), fd)).toBeLessThan(1e-4);
    const prod = tf.matMul(matrixInverse(tf.tensor2d(W, [3, 3])), tf.tensor2d(W, [3, 3])).dataSync();
    expect(maxAbsDiff(prod, [1, 0, 0, 0, 1, 0, 0, 0, 1])).toBeLessThan(1e-6);
  });
});
