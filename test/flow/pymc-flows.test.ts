/** PyMC3 formula flows: every layer under the transform harness, the formula parser, and a fit by reverse KL. */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { parseFormula } from '../../src/flow/pymc/formula.js';
import { HouseholderLayer } from '../../src/flow/pymc/householder.js';
import { LocLayer } from '../../src/flow/pymc/loc.js';
import { PlanarLayer, bisectPlanar } from '../../src/flow/pymc/planar.js';
import { createPyMCFlow } from '../../src/flow/pymc/pymc-flow.js';
import { RadialLayer } from '../../src/flow/pymc/radial.js';
import { ScaleLayer } from '../../src/flow/pymc/scale.js';
import { trainFlow } from '../../src/flow/trainer.js';
import { expectGradientsMatchFiniteDifferences, useTestBackend } from './helpers.js';
import { gaussianInputs, transformHarness } from './transform-harness.js';

const D = 3;
beforeAll(useTestBackend);

transformHarness([
  { name: 'pymc loc', dim: D, make: () => new LocLayer(D, new Rng(1), 0.7), inputs: gaussianInputs(D), h: 2 ** -8, tol: 1e-4 },
  { name: 'pymc scale', dim: D, make: () => new ScaleLayer(D, new Rng(2), 0.7), inputs: gaussianInputs(D), h: 2 ** -8, tol: 1e-3 },
  { name: 'pymc hh (Householder)', dim: D, make: () => new HouseholderLayer(D, new Rng(3), 1), inputs: gaussianInputs(D), h: 2 ** -8, tol: 1e-3 },
  { name: 'pymc planar (strong non-linearity)', dim: D, make: () => new PlanarLayer(D, new Rng(4), 1.5), inputs: gaussianInputs(D), h: 2 ** -10, tol: 2e-3 },
  { name: 'pymc radial', dim: D, make: () => new RadialLayer(D, new Rng(5), 1), inputs: gaussianInputs(D), h: 2 ** -10, tol: 2e-3 },
  {
    name: "pymc formula 'scale-planar*2-radial-hh-loc'",
    dim: D,
    make: () => createPyMCFlow({ dim: D, formula: 'scale-planar*2-radial-hh-loc', jitter: 0.8, seed: 6 }).transform,
    inputs: gaussianInputs(D),
    h: 2 ** -10,
    tol: 3e-3,
    inverseTol: 3e-4,
  },
]);

describe('PyMC flow formulas', () => {
  it('parses names, repeats, case and spaces as pymc3 does', () => {
    expect(parseFormula('scale-hh*4-loc').flows).toEqual(['scale', 'hh', 'hh', 'hh', 'hh', 'loc']);
    expect(parseFormula('planar*10').flows).toHaveLength(10);
    expect(parseFormula(' Planar*2 - RADIAL ')).toEqual({ formula: 'planar*2-radial', flows: ['planar', 'planar', 'radial'] });
  });

  it.each([
    ['', 'is empty'],
    ['planar--loc', 'empty term'],
    ['planar*', "is not 'name' or 'name*N'"],
    ['planar*2*3', "is not 'name' or 'name*N'"],
    ['planar*0', 'repeat count 0'],
    ['iaf*2', 'no such flow "iaf"'],
    ['loc-', 'empty term'],
  ])('rejects %j with a clear error', (formula, why) => {
    expect(() => parseFormula(formula)).toThrow(MbankError);
    expect(() => parseFormula(formula)).toThrow(why);
  });

  it('applies the formula left to right from the noise: scale-loc samples are z * s + loc', () => {
    const flow = createPyMCFlow({ dim: 2, formula: 'scale-loc', jitter: 0.5, seed: 3 });
    const [loc, logScale] = flow.trainableVariables().map((v) => Array.from(v.dataSync()));
    // trainableVariables is in data -> noise order: loc first, then log_scale.
    const z = Array.from(new Rng(9).normals(2));
    const x = flow.sample(1, 9).dataSync();
    for (let d = 0; d < 2; d++) expect(x[d]).toBeCloseTo(z[d] * Math.exp(logScale[d]) + loc[d], 5);
    flow.dispose();
  });

  it('keeps planar invertible: w . u_hat > -1 for any u, w, and the root finder inverts the scalar equation', () => {
    const layer = new PlanarLayer(2, new Rng(10), 3);
    tf.tidy(() => {
      layer.u.assign(tf.tensor1d([-5, -4]));
      layer.w.assign(tf.tensor1d([3, 2]));
      const c = tf.sum(tf.mul(layer.w, layer.uHat())).dataSync()[0];
      expect(c).toBeGreaterThan(-1);
    });
    const s = [-3, -0.1, 0, 2.5];
    const roots = bisectPlanar(s, -0.9);
    roots.forEach((a, i) => expect(a - 0.9 * Math.tanh(a)).toBeCloseTo(s[i], 10));
    layer.dispose();
  });
});

describe('PyMC flow fitted by reverse KL', () => {
  it("fits 'scale-hh*2-loc' to a correlated Gaussian and recovers its mean and covariance", async () => {
    const mu = [1, -2];
    const cov = [[2, 1.2], [1.2, 1.5]];
    const det = cov[0][0] * cov[1][1] - cov[0][1] ** 2;
    const prec = [[cov[1][1] / det, -cov[0][1] / det], [-cov[0][1] / det, cov[0][0] / det]];
    const logU = (x: tf.Tensor2D) =>
      tf.tidy(() => {
        const d = tf.sub(x, tf.tensor1d(mu));
        return tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(d, tf.tensor2d(prec)), d), 1)) as tf.Tensor1D;
      });
    const flow = createPyMCFlow({ dim: 2, formula: 'scale-hh*2-loc', jitter: 0.1, seed: 1 });
    const h = await trainFlow(flow, { loss: 'reverse_KL', logU, steps: 800, batchSize: 256, learningRate: 2e-2, validationStep: 100, validationSize: 2048, seed: 2 });
    expect(h.stopReason).toBe('max-steps');
    const n = 20000;
    const xs = flow.sample(n, 5);
    const v = xs.dataSync();
    xs.dispose();
    const m = [0, 0];
    for (let i = 0; i < n; i++) for (let d = 0; d < 2; d++) m[d] += v[2 * i + d] / n;
    const c = [[0, 0], [0, 0]];
    for (let i = 0; i < n; i++) for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) c[a][b] += ((v[2 * i + a] - m[a]) * (v[2 * i + b] - m[b])) / (n - 1);
    for (let d = 0; d < 2; d++) expect(Math.abs(m[d] - mu[d])).toBeLessThan(0.05);
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) expect(Math.abs(c[a][b] - cov[a][b])).toBeLessThan(0.08);
    flow.dispose();
  });
});

describe('log q of arbitrary points through planar and radial layers', () => {
  it('has parameter gradients equal to finite differences (root finding plus one Newton step is differentiable)', () => {
    const flow = createPyMCFlow({ dim: 2, formula: 'planar-radial-planar', jitter: 0.8, seed: 11 });
    const x = tf.tensor2d([[0.3, -0.4], [1.2, 0.7], [-0.9, 0.1], [0.05, 1.6]]);
    const total = () => tf.sum(flow.logProb(x)) as tf.Scalar;
    expectGradientsMatchFiniteDifferences(total, flow.trainableVariables(), { h: 2 ** -7, tol: 0.02 });
    x.dispose();
    flow.dispose();
  });
});
