/** The spline transforms under the transform harness, plus spline-specific properties. */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { MaskedRQSAutoregressiveTransform } from '../../src/flow/transforms/autoregressive-spline.js';
import { ElementwiseSplineTransform } from '../../src/flow/transforms/elementwise-spline.js';
import { ComposedTransform } from '../../src/flow/transforms/composed.js';
import { PermutationTransform, reversePermutation } from '../../src/flow/transforms/permutation.js';
import { createNSF } from '../../src/flow/nsf-flow.js';
import { trainFlow } from '../../src/flow/trainer.js';
import { useTestBackend } from './helpers.js';
import { expectAutoregressive, gaussianInputs, perturb, transformHarness } from './transform-harness.js';

const D = 3;

beforeAll(useTestBackend);

transformHarness([
  {
    name: 'element-wise RQ spline (8 bins, bound 3, points also in the linear tails)',
    dim: D,
    make: () => new ElementwiseSplineTransform(D, { bins: 8, bound: 3 }, new Rng(1), 1),
    inputs: gaussianInputs(D, 2),
    h: 2 ** -10,
    tol: 2e-3,
  },
  {
    name: 'masked autoregressive RQ spline (residual MADE)',
    dim: D,
    make: () => perturb(new MaskedRQSAutoregressiveTransform({ dim: D, hiddenFeatures: 16, bins: 6, bound: 4 }, new Rng(2)), 3, 0.3),
    inputs: gaussianInputs(D, 1.5),
    h: 2 ** -10,
    tol: 3e-3,
  },
  {
    name: 'two spline MAF layers with a reverse permutation (feed-forward MADE)',
    dim: D,
    make: () =>
      new ComposedTransform([
        perturb(new MaskedRQSAutoregressiveTransform({ dim: D, hiddenFeatures: 12, bins: 5, bound: 3, numBlocks: 1, useResidualBlocks: false }, new Rng(4)), 5, 0.3),
        new PermutationTransform(reversePermutation(D)),
        perturb(new MaskedRQSAutoregressiveTransform({ dim: D, hiddenFeatures: 12, bins: 5, bound: 3 }, new Rng(6)), 7, 0.3),
      ]),
    inputs: gaussianInputs(D, 1.5),
    h: 2 ** -10,
    tol: 5e-3,
  },
]);

describe('rational-quadratic spline', () => {
  it('is the identity outside [-bound, bound] and monotonically increasing inside', () => {
    const t = new ElementwiseSplineTransform(1, { bins: 7, bound: 2 }, new Rng(8), 1.5);
    const xs = Array.from({ length: 401 }, (_, i) => -4 + (8 * i) / 400);
    const { y, logAbsDet } = t.forwardAndLogAbsDet(tf.tensor2d(xs, [xs.length, 1]));
    const yv = y.dataSync();
    const lv = logAbsDet.dataSync();
    xs.forEach((x, i) => {
      if (Math.abs(x) > 2) {
        expect(yv[i]).toBe(Math.fround(x));
        expect(lv[i]).toBe(0);
      }
      if (i > 0) expect(yv[i]).toBeGreaterThan(yv[i - 1]);
    });
    expect(Math.abs(yv[100] + 2)).toBeLessThan(1e-5); // continuous at the ends: S(-B) = -B
    expect(Math.abs(yv[300] - 2)).toBeLessThan(1e-5);
    tf.dispose([y, logAbsDet]);
    t.dispose();
  });

  it('makes the spline MAF autoregressive: output d does not depend on inputs d, d+1, ...', () => {
    const t = perturb(new MaskedRQSAutoregressiveTransform({ dim: D, hiddenFeatures: 16, bins: 4, bound: 3 }, new Rng(9)), 10, 0.3);
    const x0 = [0.3, -0.7, 1.1];
    expectAutoregressive(t, x0);
    t.dispose();
  });
});

describe('neural spline flow trained from an energy (reverse KL)', () => {
  it('fits exp(sin(pi x1) - 2 (|x|^2 - 2)^2) to a mean loss below -1.55 (optimum -log Z = -1.612)', async () => {
    const logU = (x: tf.Tensor2D) =>
      tf.tidy(() => {
        const [a, b] = tf.split(x, 2, 1);
        const r2 = tf.add(tf.square(a), tf.square(b));
        return tf.reshape(tf.sub(tf.sin(tf.mul(Math.PI, a)), tf.mul(2, tf.square(tf.sub(r2, 2)))), [-1]) as tf.Tensor1D;
      });
    const flow = createNSF({ dim: 2, nTransforms: 2, hiddenFeatures: 32, bins: 8, seed: 1 });
    // Frequent validations let the plateau schedule anneal the rate, and keep the best weights.
    const h = await trainFlow(flow, {
      loss: 'reverse_KL', logU, steps: 800, batchSize: 256, learningRate: 5e-3, validationStep: 50, validationSize: 2048, seed: 1,
      plateau: { patience: 3, threshold: 0.005, thresholdMode: 'abs' },
    });
    const d = tf.tidy(() => {
      const { x, logProb } = flow.sampleAndLogProb(20000, 12345);
      return tf.mean(tf.sub(logProb, logU(x)));
    });
    const loss = d.dataSync()[0];
    d.dispose();
    expect(loss).toBeLessThan(-1.55);
    expect(loss).toBeGreaterThan(-1.612 - 0.02); // reverse KL >= 0 up to Monte-Carlo noise
    expect(h.stopReason).toBe('max-steps');
    flow.dispose();
  });
});
