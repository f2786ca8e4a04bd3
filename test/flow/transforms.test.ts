/**
 * Harness over every transform (zuko tests/test_transforms.py, nflows tests): shape kept, finite
 * values, inverse(forward(x)) = x, fused = separate, log-det against a finite-difference Jacobian
 * factorised in float64, forward and inverse log-dets summing to 0.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ComposedTransform } from '../../src/flow/transforms/composed.js';
import { MaskedAffineAutoregressiveTransform } from '../../src/flow/transforms/masked-affine.js';
import { NaiveLinearTransform } from '../../src/flow/transforms/naive-linear.js';
import { PermutationTransform, randomPermutation, reversePermutation } from '../../src/flow/transforms/permutation.js';
import { TanhBoxTransform } from '../../src/flow/transforms/tanh-box.js';
import type { Transform } from '../../src/flow/types.js';
import { maxAbsDiff, numericalLogAbsDet, rows, useTestBackend } from './helpers.js';

const D = 4;
const LOW = [-1, 0, 10, 0.5];
const HIGH = [2, 0.5, 30, 0.75];

interface Case {
  name: string;
  make: () => Transform;
  /** n input points inside the domain (float32 values). */
  inputs: (n: number, rng: Rng) => number[][];
  /** FD step (power of 2) and log-det tolerance. */
  h: number;
  tol: number;
}

const gaussian = (n: number, rng: Rng) => Array.from({ length: n }, () => Array.from(rng.normals(D), (v) => Math.fround(v)));
const inBox = (n: number, rng: Rng) =>
  Array.from({ length: n }, () => LOW.map((l, d) => Math.fround(l + (HIGH[d] - l) * (0.1 + 0.8 * rng.uniform()))));

/** Non-trivial weights for the MAF (the default init makes the residual branches almost zero). */
function perturbed(t: MaskedAffineAutoregressiveTransform, seed: number): MaskedAffineAutoregressiveTransform {
  const rng = new Rng(seed);
  for (const v of t.variables()) tf.tidy(() => v.assign(tf.add(v, tf.tensor(Float32Array.from(rng.normals(v.size), (z) => 0.3 * z), v.shape))));
  return t;
}

const CASES: Case[] = [
  { name: 'tanh box', make: () => new TanhBoxTransform(LOW, HIGH), inputs: inBox, h: 2 ** -12, tol: 2e-3 },
  { name: 'NaiveLinear', make: () => new NaiveLinearTransform(D, new Rng(3)), inputs: gaussian, h: 2 ** -6, tol: 1e-3 },
  {
    name: 'masked affine autoregressive (residual MADE)',
    make: () => perturbed(new MaskedAffineAutoregressiveTransform({ dim: D, hiddenFeatures: 16 }, new Rng(4)), 5),
    inputs: gaussian,
    h: 2 ** -7,
    tol: 2e-3,
  },
  {
    name: 'masked affine autoregressive (feed-forward MADE, 1 block)',
    make: () => perturbed(new MaskedAffineAutoregressiveTransform({ dim: D, hiddenFeatures: 12, numBlocks: 1, useResidualBlocks: false }, new Rng(6)), 7),
    inputs: gaussian,
    h: 2 ** -7,
    tol: 2e-3,
  },
  { name: 'reverse permutation', make: () => new PermutationTransform(reversePermutation(D)), inputs: gaussian, h: 2 ** -6, tol: 1e-4 },
  { name: 'random permutation', make: () => new PermutationTransform(randomPermutation(D, new Rng(8))), inputs: gaussian, h: 2 ** -6, tol: 1e-4 },
  {
    name: 'composition (box, permutation, linear, MAF)',
    make: () =>
      new ComposedTransform([
        new TanhBoxTransform(LOW, HIGH),
        new PermutationTransform(reversePermutation(D)),
        new NaiveLinearTransform(D, new Rng(9)),
        perturbed(new MaskedAffineAutoregressiveTransform({ dim: D, hiddenFeatures: 8 }, new Rng(10)), 11),
      ]),
    inputs: inBox,
    h: 2 ** -12,
    tol: 5e-3,
  },
];

beforeAll(useTestBackend);

describe.each(CASES)('transform: $name', (c) => {
  const N = 16;

  it('keeps the shape and gives finite values in both directions', () => {
    const t = c.make();
    const x = tf.tensor2d(c.inputs(N, new Rng(1)));
    const f = t.forwardAndLogAbsDet(x);
    const i = t.inverseAndLogAbsDet(f.y);
    expect(f.y.shape).toEqual([N, D]);
    expect(i.y.shape).toEqual([N, D]);
    expect(f.logAbsDet.shape).toEqual([N]);
    expect(i.logAbsDet.shape).toEqual([N]);
    for (const v of [f.y, f.logAbsDet, i.y, i.logAbsDet]) expect(Array.from(v.dataSync()).every(Number.isFinite)).toBe(true);
    tf.dispose([x, f.y, f.logAbsDet, i.y, i.logAbsDet]);
    t.dispose();
  });

  it('inverts: inverse(forward(x)) = x', () => {
    const t = c.make();
    const xs = c.inputs(N, new Rng(2));
    const back = tf.tidy(() => t.inverse(t.forward(tf.tensor2d(xs))));
    const scale = Math.max(...xs.flat().map(Math.abs), 1);
    expect(maxAbsDiff(back.dataSync(), xs.flat())).toBeLessThan(1e-4 * scale);
    back.dispose();
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
    const sum = Array.from(f.logAbsDet.dataSync(), (v, k) => v + i.logAbsDet.dataSync()[k]);
    const scale = Math.max(1, ...Array.from(f.logAbsDet.dataSync(), Math.abs));
    expect(Math.max(...sum.map(Math.abs))).toBeLessThan(2e-5 * scale);
    tf.dispose([x, f.y, f.logAbsDet, i.y, i.logAbsDet]);
    t.dispose();
  });
});

describe('tanh box outside the box', () => {
  it('gives -Infinity log-det only to the rows outside, and finite values to the others', () => {
    const t = new TanhBoxTransform(LOW, HIGH);
    const x = tf.tensor2d([
      [0, 0.25, 20, 0.6],
      [3, 0.25, 20, 0.6], // above high in d = 0
      [0, 0.25, 20, 0.5], // on the lower edge in d = 3
      [1, 0.1, 11, 0.7],
    ]);
    const { y, logAbsDet } = t.forwardAndLogAbsDet(x);
    const ld = Array.from(logAbsDet.dataSync());
    expect(ld[1]).toBe(-Infinity);
    expect(ld[2]).toBe(-Infinity);
    expect(Number.isFinite(ld[0]) && Number.isFinite(ld[3])).toBe(true);
    expect(rows(y).flatMap((r) => Array.from(r)).every(Number.isFinite)).toBe(true);
    tf.dispose([x, y, logAbsDet]);
    t.dispose();
  });
});

describe('masked affine autoregressive transform', () => {
  it('is autoregressive: output d does not depend on inputs d, d+1, ... (strictly lower-triangular MADE)', () => {
    const t = perturbed(new MaskedAffineAutoregressiveTransform({ dim: D, hiddenFeatures: 16 }, new Rng(12)), 13);
    const x0 = gaussian(1, new Rng(14))[0];
    const y0 = t.forward(tf.tensor2d([x0])).dataSync();
    for (let j = 0; j < D; j++) {
      const x1 = [...x0];
      x1[j] += 0.5;
      const y1 = t.forward(tf.tensor2d([x1])).dataSync();
      for (let i = 0; i < D; i++) {
        if (i < j) expect(y1[i], `y${i} vs x${j}`).toBe(y0[i]);
        else expect(y1[i], `y${i} vs x${j}`).not.toBe(y0[i]);
      }
    }
    t.dispose();
  });
});
