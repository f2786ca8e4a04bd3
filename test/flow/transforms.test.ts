/**
 * The transforms of STDFlow (tanh box, NaiveLinear, MAF, permutations, a composition) under the
 * shared transform harness (./transform-harness.ts), plus the tanh box outside its box and the
 * autoregressive structure of the MAF.
 */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ComposedTransform } from '../../src/flow/transforms/composed.js';
import { MaskedAffineAutoregressiveTransform } from '../../src/flow/transforms/masked-affine.js';
import { NaiveLinearTransform } from '../../src/flow/transforms/naive-linear.js';
import { PermutationTransform, randomPermutation, reversePermutation } from '../../src/flow/transforms/permutation.js';
import { TanhBoxTransform } from '../../src/flow/transforms/tanh-box.js';
import { rows, useTestBackend } from './helpers.js';
import { expectAutoregressive, gaussianInputs, perturb, transformHarness } from './transform-harness.js';

const D = 4;
const LOW = [-1, 0, 10, 0.5];
const HIGH = [2, 0.5, 30, 0.75];

const gaussian = gaussianInputs(D);
const inBox = (n: number, rng: Rng) =>
  Array.from({ length: n }, () => LOW.map((l, d) => Math.fround(l + (HIGH[d] - l) * (0.1 + 0.8 * rng.uniform()))));
/** Non-trivial weights for the MAF (the default init makes the residual branches almost zero). */
const perturbed = (t: MaskedAffineAutoregressiveTransform, seed: number) => perturb(t, seed, 0.3);

beforeAll(useTestBackend);

// Box transforms map the box onto R^D: forward(inverse(y)) = y is checked on Gaussian y.
transformHarness([
  { name: 'tanh box', dim: D, make: () => new TanhBoxTransform(LOW, HIGH), inputs: inBox, outputs: gaussian, h: 2 ** -12, tol: 2e-3, logDetSumTol: 2e-5 },
  { name: 'NaiveLinear', dim: D, make: () => new NaiveLinearTransform(D, new Rng(3)), inputs: gaussian, h: 2 ** -6, tol: 1e-3, logDetSumTol: 2e-5 },
  {
    name: 'masked affine autoregressive (residual MADE)',
    dim: D,
    make: () => perturbed(new MaskedAffineAutoregressiveTransform({ dim: D, hiddenFeatures: 16 }, new Rng(4)), 5),
    inputs: gaussian,
    h: 2 ** -7,
    tol: 2e-3,
    logDetSumTol: 2e-5,
  },
  {
    name: 'masked affine autoregressive (feed-forward MADE, 1 block)',
    dim: D,
    make: () => perturbed(new MaskedAffineAutoregressiveTransform({ dim: D, hiddenFeatures: 12, numBlocks: 1, useResidualBlocks: false }, new Rng(6)), 7),
    inputs: gaussian,
    h: 2 ** -7,
    tol: 2e-3,
    logDetSumTol: 2e-5,
  },
  { name: 'reverse permutation', dim: D, make: () => new PermutationTransform(reversePermutation(D)), inputs: gaussian, h: 2 ** -6, tol: 1e-4, logDetSumTol: 2e-5 },
  { name: 'random permutation', dim: D, make: () => new PermutationTransform(randomPermutation(D, new Rng(8))), inputs: gaussian, h: 2 ** -6, tol: 1e-4, logDetSumTol: 2e-5 },
  {
    name: 'composition (box, permutation, linear, MAF)',
    dim: D,
    make: () =>
      new ComposedTransform([
        new TanhBoxTransform(LOW, HIGH),
        new PermutationTransform(reversePermutation(D)),
        new NaiveLinearTransform(D, new Rng(9)),
        perturbed(new MaskedAffineAutoregressiveTransform({ dim: D, hiddenFeatures: 8 }, new Rng(10)), 11),
      ]),
    inputs: inBox,
    outputs: gaussian,
    h: 2 ** -12,
    tol: 5e-3,
    logDetSumTol: 2e-5,
  },
]);

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
    expectAutoregressive(t, x0);
    t.dispose();
  });
});
