/**
 * The transform harness (zuko tests/test_transforms.py, nflows tests), one suite for every transform
 * (test/flow/transforms.test.ts, spline-transforms.test.ts, pymc-flows.test.ts): shape kept and
 * finite values, inverse(forward(x)) = x and forward(inverse(y)) = y, fused = separate, log-det
 * against a finite-difference Jacobian factorised in float64, forward + inverse log-dets = 0.
 */
import * as tf from '../../src/flow/tf.js';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { Transform } from '../../src/flow/types.js';
import { maxAbsDiff, numericalLogAbsDet } from './helpers.js';

/** One transform under test. */
export interface HarnessCase {
  name: string;
  dim: number;
  make: () => Transform;
  /** n input points (float32 values) in the domain. */
  inputs: (n: number, rng: Rng) => number[][];
  /** n points in the image, for forward(inverse(y)) = y (default: `inputs`; give it when the domain is a box). */
  outputs?: (n: number, rng: Rng) => number[][];
  /** FD step (a power of 2) and log-det tolerance. */
  h: number;
  tol: number;
  /** Tolerance of inverse(forward(x)) = x relative to max(|x|, 1); default 1e-4. */
  inverseTol?: number;
  /** Tolerance of |log-det forward + log-det inverse| relative to max(|log-det|, 1); default 1e-4. */
  logDetSumTol?: number;
}

/** n standard-normal points of dimension dim, scaled. */
export const gaussianInputs = (dim: number, scale = 1) => (n: number, rng: Rng) =>
  Array.from({ length: n }, () => Array.from(rng.normals(dim), (v) => Math.fround(scale * v)));

/** Perturb every variable by N(0, sigma^2) (the default inits are close to the identity). */
export function perturb<T extends Transform>(t: T, seed: number, sigma: number): T {
  const rng = new Rng(seed);
  for (const v of t.variables()) tf.tidy(() => v.assign(tf.add(v, tf.tensor(Float32Array.from(rng.normals(v.size), (z) => sigma * z), v.shape))));
  return t;
}

/**
 * Expect an autoregressive map at x0: output i does not change when input j >= i moves and does
 * change when an earlier input j < i moves (strictly lower-triangular MADE).
 */
export function expectAutoregressive(t: Transform, x0: number[]): void {
  const y0 = tf.tidy(() => t.forward(tf.tensor2d([x0])).dataSync());
  for (let j = 0; j < x0.length; j++) {
    const x1 = [...x0];
    x1[j] += 0.5;
    const y1 = tf.tidy(() => t.forward(tf.tensor2d([x1])).dataSync());
    for (let i = 0; i < x0.length; i++) {
      if (i < j) expect(y1[i], `y${i} vs x${j}`).toBe(y0[i]);
      else expect(y1[i], `y${i} vs x${j}`).not.toBe(y0[i]);
    }
  }
}

/** Register the harness tests of every case. */
export function transformHarness(cases: HarnessCase[]): void {
  describe.each(cases)('transform: $name', (c) => {
    const N = 16;
    it('keeps the shape and gives finite values in both directions', () => {
      const t = c.make();
      const x = tf.tensor2d(c.inputs(N, new Rng(1)));
      const f = t.forwardAndLogAbsDet(x);
      const i = t.inverseAndLogAbsDet(f.y);
      expect(f.y.shape).toEqual([N, c.dim]);
      expect(i.y.shape).toEqual([N, c.dim]);
      expect(f.logAbsDet.shape).toEqual([N]);
      expect(i.logAbsDet.shape).toEqual([N]);
      for (const v of [f.y, f.logAbsDet, i.y, i.logAbsDet]) expect(Array.from(v.dataSync()).every(Number.isFinite)).toBe(true);
      tf.dispose([x, f.y, f.logAbsDet, i.y, i.logAbsDet]);
      t.dispose();
    });

    it('inverts: inverse(forward(x)) = x and forward(inverse(y)) = y', () => {
      const t = c.make();
      const xs = c.inputs(N, new Rng(2));
      const back = tf.tidy(() => t.inverse(t.forward(tf.tensor2d(xs))));
      const scale = Math.max(...xs.flat().map(Math.abs), 1);
      expect(maxAbsDiff(back.dataSync(), xs.flat())).toBeLessThan((c.inverseTol ?? 1e-4) * scale);
      const ys = (c.outputs ?? c.inputs)(N, new Rng(2));
      const fwd = tf.tidy(() => t.forward(t.inverse(tf.tensor2d(ys))));
      const yScale = Math.max(...ys.flat().map(Math.abs), 1);
      expect(maxAbsDiff(fwd.dataSync(), ys.flat())).toBeLessThan((c.inverseTol ?? 1e-4) * yScale);
      tf.dispose([back, fwd]);
      t.dispose();
    });

    it('gives the same values fused and separately', () => {
      const t = c.make();
      const x = tf.tensor2d(c.inputs(N, new Rng(3)));
      const f = t.forwardAndLogAbsDet(x);
      const y = t.forward(x);
      const ld = t.logAbsDetJacobian(x, y);
      expect(maxAbsDiff(f.y.dataSync(), y.dataSync())).toBe(0);
      expect(maxAbsDiff(f.logAbsDet.dataSync(), ld.dataSync())).toBe(0);
      const inv = t.inverseAndLogAbsDet(y);
      const x2 = t.inverse(y);
      expect(maxAbsDiff(inv.y.dataSync(), x2.dataSync())).toBe(0);
      tf.dispose([x, f.y, f.logAbsDet, y, ld, inv.y, inv.logAbsDet, x2]);
      t.dispose();
    });

    it('has log|det J| equal to that of a finite-difference Jacobian', () => {
      const t = c.make();
      const xs = c.inputs(8, new Rng(4));
      const ld = tf.tidy(() => t.logAbsDetJacobian(tf.tensor2d(xs), t.forward(tf.tensor2d(xs))));
      const numeric = numericalLogAbsDet(t, xs.map((r) => Float64Array.from(r)), c.h);
      expect(maxAbsDiff(ld.dataSync(), numeric)).toBeLessThan(c.tol);
      ld.dispose();
      t.dispose();
    });

    it('has forward and inverse log-dets that sum to 0', () => {
      const t = c.make();
      const x = tf.tensor2d(c.inputs(N, new Rng(5)));
      const f = t.forwardAndLogAbsDet(x);
      const i = t.inverseAndLogAbsDet(f.y);
      const iv = i.logAbsDet.dataSync();
      const sum = Array.from(f.logAbsDet.dataSync(), (v, k) => v + iv[k]);
      const scale = Math.max(1, ...Array.from(f.logAbsDet.dataSync(), Math.abs));
      expect(Math.max(...sum.map(Math.abs))).toBeLessThan((c.logDetSumTol ?? 1e-4) * scale);
      tf.dispose([x, f.y, f.logAbsDet, i.y, i.logAbsDet]);
      t.dispose();
    });
  });
}
