/** STDFlow: gradients, box handling, sampling, normalisation (zuko tests/test_flows.py style). */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { STDFlow, stdFlowArchitecture } from '../../src/flow/std-flow.js';
import { TransformFlow } from '../../src/flow/transform-flow.js';
import { MaskedAffineAutoregressiveTransform } from '../../src/flow/transforms/masked-affine.js';
import { MbankError } from '../../src/core/errors.js';
import { expectGradientsMatchFiniteDifferences, maxAbsDiff, useTestBackend } from './helpers.js';

beforeAll(useTestBackend);

const BOX = { low: [10, 0.2, -1, 0], high: [50, 0.25, 1, 3] };

describe('STDFlow', () => {
  it('has the layer order of mbank STD_GW_Flow: tanh box, then NaiveLinear + MAF per layer, no permutation', () => {
    const a = stdFlowArchitecture({ dim: 3, nLayers: 2, hiddenFeatures: [5, 7], box: { low: [0, 0, 0], high: [1, 1, 1] } });
    expect(a.layers.map((l) => l.type)).toEqual(['tanhBox', 'naiveLinear', 'maskedAffineAutoregressive', 'naiveLinear', 'maskedAffineAutoregressive']);
    expect(a.hiddenFeatures).toEqual([5, 7]);
    expect(() => stdFlowArchitecture({ dim: 3, nLayers: 3, hiddenFeatures: [5, 7] })).toThrow(MbankError);
  });

  it.each(['none', 'reverse'] as const)('gives every trainable variable a nonzero gradient of the mean log-probability (permutation %s)', (permutation) => {
    const flow = new STDFlow({ dim: 4, nLayers: 2, hiddenFeatures: 10, box: BOX, seed: 2, permutation });
    const x = flow.sample(64, 1);
    const vars = flow.trainableVariables();
    expect(vars.length).toBe(2 * (2 + 2 * 6)); // per layer: W, b of NaiveLinear + 6 masked linears (weight, bias)
    const { value, grads } = tf.variableGrads(() => tf.mean(flow.logProb(x)) as tf.Scalar, vars);
    expect(Number.isFinite(value.dataSync()[0])).toBe(true);
    for (const v of vars) {
      const g = grads[v.name];
      expect(g, v.name).toBeDefined();
      const a = Array.from(g.dataSync());
      expect(a.every(Number.isFinite), v.name).toBe(true);
      expect(Math.max(...a.map(Math.abs)), v.name).toBeGreaterThan(0);
    }
    tf.dispose([x, value, ...Object.values(grads)]);
    flow.dispose();
  });

  it('differentiates samples and their log-probability (the reverse-KL path) as finite differences do', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 2, hiddenFeatures: 6, seed: 3 });
    const c = tf.tensor2d([[0.3, -0.7]]);
    const f = () =>
      tf.tidy(() => {
        const r = flow.sampleAndLogProb(16, 5);
        return tf.add(tf.sum(r.logProb), tf.sum(tf.mul(r.x, c))) as tf.Scalar;
      });
    expectGradientsMatchFiniteDifferences(f, flow.trainableVariables(), { h: 1e-2, tol: 3e-3, entries: (size) => [0, Math.floor(size / 2), size - 1] });
    c.dispose();
    flow.dispose();
  });

  it('gives -Infinity to points outside the box without changing the other points of the batch', () => {
    const flow = new STDFlow({ dim: 4, nLayers: 1, hiddenFeatures: 8, box: BOX, seed: 3 });
    const inside = [
      [20, 0.21, 0, 1],
      [40, 0.24, 0.5, 2],
    ];
    const mixed = tf.tensor2d([inside[0], [60, 0.21, 0, 1], inside[1], [20, 0.21, 0, -0.1]]);
    const lpMixed = Array.from(flow.logProb(mixed).dataSync());
    const lpInside = Array.from(flow.logProb(tf.tensor2d(inside)).dataSync());
    expect(lpMixed[1]).toBe(-Infinity);
    expect(lpMixed[3]).toBe(-Infinity);
    expect([lpMixed[0], lpMixed[2]]).toEqual(lpInside);
    expect(lpInside.every(Number.isFinite)).toBe(true);
    flow.dispose();
  });

  it('returns with its samples the log-probability that logProb gives them', () => {
    const flow = new STDFlow({ dim: 3, nLayers: 2, hiddenFeatures: 8, seed: 4 });
    const { x, logProb } = flow.sampleAndLogProb(200, 5);
    const again = flow.logProb(x);
    expect(maxAbsDiff(logProb.dataSync(), again.dataSync())).toBeLessThan(2e-3);
    tf.dispose([x, logProb, again]);
    flow.dispose();
  });

  it('reproduces samples for a seed and differs between seeds', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 4, box: { low: [0, 0], high: [1, 1] }, seed: 5 });
    const a = flow.sample(50, 11).dataSync();
    const b = flow.sample(50, 11).dataSync();
    const c = flow.sample(50, 12).dataSync();
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(maxAbsDiff(a, c)).toBeGreaterThan(0);
    flow.dispose();
  });

  it('maps samples back to their noise with transformToNoise', () => {
    const flow = new STDFlow({ dim: 3, nLayers: 2, hiddenFeatures: 6, seed: 6 });
    const x = flow.sample(20, 3);
    const z = flow.transformToNoise(x);
    const again = flow.sample(20, 3);
    expect(maxAbsDiff(x.dataSync(), again.dataSync())).toBe(0);
    // z must be the standard-normal draw that produced x: re-sampling from z gives x back.
    const x2 = flow.transform.inverse(z);
    expect(maxAbsDiff(x.dataSync(), x2.dataSync())).toBeLessThan(1e-4);
    tf.dispose([x, z, again, x2]);
    flow.dispose();
  });

  it('samples within the box only the points accepted by the box and the checker', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 4, box: { low: [0, 0], high: [1, 2] }, seed: 7 });
    const { x, logProb } = flow.sampleWithinBox(300, { seed: 1, accept: (r) => r[0] < r[1], batchSize: 128 });
    expect(x.length).toBe(600);
    for (let i = 0; i < 300; i++) {
      expect(x[2 * i] < x[2 * i + 1]).toBe(true);
      expect(x[2 * i] > 0 && x[2 * i + 1] < 2).toBe(true);
      expect(Number.isFinite(logProb[i])).toBe(true);
    }
    expect(() => flow.sampleWithinBox(10, { accept: () => false, maxBatches: 3 })).toThrow(MbankError);
    flow.dispose();
  });

  it('has a density that integrates to 1 over its box (2D grid, random weights with raised MAF scales)', () => {
    const low = [-1, 2];
    const high = [3, 2.5];
    for (const seed of [1, 2]) {
      const flow = new STDFlow({ dim: 2, nLayers: 2, hiddenFeatures: 16, box: { low, high }, seed });
      // A freshly initialised MAF contracts (s ~ softplus(N(0,1)) < 1), which piles the mass within
      // float32 resolution of the box faces; raising the scale biases keeps it in the interior.
      for (const t of flow.transform.transforms) {
        if (t instanceof MaskedAffineAutoregressiveTransform) {
          const b = t.made.finalLayer.bias;
          tf.tidy(() => b.assign(tf.add(b, tf.tensor1d([1.5, 0, 1.5, 0]))));
        }
      }
      const n = 200;
      const pts: number[][] = [];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pts.push([low[0] + ((i + 0.5) * (high[0] - low[0])) / n, low[1] + ((j + 0.5) * (high[1] - low[1])) / n]);
      const lp = flow.logProb(tf.tensor2d(pts)).dataSync();
      const cell = ((high[0] - low[0]) * (high[1] - low[1])) / (n * n);
      let integral = 0;
      for (const v of lp) integral += Math.exp(v) * cell;
      expect(Math.abs(integral - 1)).toBeLessThan(2e-3);
      flow.dispose();
    }
  });

  it('has a density that integrates to 1 on R^2 without a box', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 2, hiddenFeatures: 16, seed: 3 });
    const n = 300;
    const L = 14;
    const pts: number[][] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pts.push([-L + ((i + 0.5) * 2 * L) / n, -L + ((j + 0.5) * 2 * L) / n]);
    const lp = flow.logProb(tf.tensor2d(pts)).dataSync();
    let integral = 0;
    for (const v of lp) integral += Math.exp(v) * ((2 * L) / n) ** 2;
    expect(Math.abs(integral - 1)).toBeLessThan(1e-2);
    flow.dispose();
  });

  it('rejects inputs of the wrong dimension and a box of the wrong size', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 4, box: { low: [0, 0], high: [1, 1] } });
    expect(() => flow.logProb(tf.zeros([3, 3]))).toThrow(MbankError);
    expect(() => flow.setBox([0, 0, 0], [1, 1, 1])).toThrow(MbankError);
    expect(() => flow.setBox([0, 1], [1, 1])).toThrow(MbankError);
    expect(() => new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 4, box: { low: [0, 0, 0], high: [1, 1, 1] } })).toThrow(/box low/);
    flow.dispose();
  });

  it('is a TransformFlow whose first layer is the tanh box, and rejects a tanh box further down', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 4, box: { low: [0, 0], high: [1, 2] } });
    expect(flow).toBeInstanceOf(TransformFlow);
    expect(flow.boxTransform).toBe(flow.transform.transforms[0]);
    expect(Array.from(flow.box()?.high ?? [])).toEqual([1, 2]);
    const arch = flow.architecture();
    expect(() => new STDFlow({ ...arch, layers: [arch.layers[1], arch.layers[0], arch.layers[2]] })).toThrow(/tanh box can only be the first layer/);
    flow.dispose();
  });
});
