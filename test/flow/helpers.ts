/** Shared helpers of the flow tests: backend set-up and host-side (float64) checks. */
import * as tf from '../../src/flow/tf.js';
import { expect } from 'vitest';
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

/**
 * Expect the tfjs gradient of the scalar f with respect to each variable to equal central finite
 * differences (step h) at the entries `entries(size)` (default: all), within tol * max(1, |fd|).
 * The variables are restored after each difference.
 */
export function expectGradientsMatchFiniteDifferences(
  f: () => tf.Scalar,
  vars: tf.Variable[],
  o: { h: number; tol: number; entries?: (size: number) => number[] },
): void {
  const { grads, value } = tf.variableGrads(f, vars);
  value.dispose();
  for (const v of vars) {
    const g = grads[v.name].dataSync();
    const base = Float32Array.from(v.dataSync());
    for (const k of o.entries ? o.entries(base.length) : base.keys()) {
      const at = (delta: number) => {
        const p = base.slice();
        p[k] += delta;
        tf.tidy(() => v.assign(tf.tensor(p, v.shape)));
        const y = f();
        const out = y.dataSync()[0];
        y.dispose();
        return out;
      };
      const fd = (at(o.h) - at(-o.h)) / (2 * o.h);
      tf.tidy(() => v.assign(tf.tensor(base, v.shape)));
      expect(Math.abs(g[k] - fd), `${v.name}[${k}]: ${g[k]} vs ${fd}`).toBeLessThan(o.tol * Math.max(1, Math.abs(fd)));
    }
  }
  tf.dispose(Object.values(grads));
}
