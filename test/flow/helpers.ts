/** Shared helpers of the flow tests: backend set-up and host-side (float64) checks. */
import * as tf from '@tensorflow/tfjs';
import { slogdet } from '../../src/core/linalg.js';
import { selectBackend } from '../../src/flow/backend.js';
import type { Transform } from '../../src/flow/types.js';

/** The backend the flow tests run on (wasm, the library default without tfjs-node). */
export async function useTestBackend(): Promise<void> {
  await selectBackend('wasm');
}

/** Rows of a tensor as float64 arrays. */
export function rows(t: tf.Tensor2D): Float64Array[] {
  const [n, d] = t.shape;
  const v = t.dataSync();
  return Array.from({ length: n }, (_, i) => Float64Array.from(v.subarray(i * d, (i + 1) * d)));
}

/**
 * log|det dT/dx| at each row of x from a central finite-difference Jacobian (step h, a power of 2
 * so x +- h is exact in float32), assembled and factorised in float64.
 */
export function numericalLogAbsDet(t: Transform, x: Float64Array[], h: number): number[] {
  const d = x[0].length;
  // One batch with 2D perturbed copies of every point.
  const batch: number[][] = [];
  for (const p of x) {
    for (let j = 0; j < d; j++) {
      for (const s of [1, -1]) {
        const q = Array.from(p);
        q[j] += s * h;
        batch.push(q);
      }
    }
  }
  const y = tf.tidy(() => t.forward(tf.tensor2d(batch, [batch.length, d], 'float32')));
  const yv = rows(y);
  y.dispose();
  return x.map((_, i) => {
    const jac = new Float64Array(d * d);
    for (let j = 0; j < d; j++) {
      const plus = yv[i * 2 * d + 2 * j];
      const minus = yv[i * 2 * d + 2 * j + 1];
      for (let k = 0; k < d; k++) jac[k * d + j] = (plus[k] - minus[k]) / (2 * h);
    }
    return slogdet(jac, d).logAbsDet;
  });
}

/** Largest |a_i - b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
