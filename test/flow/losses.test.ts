import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowConstant, forwardKLLoss, llMseLoss, logPdfResiduals, reverseKLLoss, weightedLlMseLoss } from '../../src/flow/losses.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { DiagonalGaussianFlow, useWasm } from './train-helpers.js';

beforeAll(useWasm);

const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

describe('losses', () => {
  const logq = [-1.0, -2.5, -0.3, -4.0];
  const l = [2.0, 0.2, 2.9, -1.5];
  const c = 3.1;

  it('forward KL is minus the mean log-density', () => {
    expect(value(forwardKLLoss(tf.tensor1d(logq)))).toBeCloseTo(-(logq.reduce((a, b) => a + b) / 4), 6);
  });

  it("ll_mse is mbank's mean (log q - l + C)^2 and vanishes when log q + C = l", () => {
    const expected = logq.reduce((s, q, i) => s + (q - l[i] + c) ** 2, 0) / 4;
    expect(value(llMseLoss(tf.tensor1d(logq), tf.tensor1d(l), tf.tensor1d([c])))).toBeCloseTo(expected, 5);
    const exact = logq.map((q) => q + c);
    expect(value(llMseLoss(tf.tensor1d(logq), tf.tensor1d(exact), tf.tensor1d([c])))).toBeCloseTo(0, 10);
    const r = logPdfResiduals(tf.tensor1d(logq), tf.tensor1d(l), tf.scalar(c)).dataSync();
    logq.forEach((q, i) => expect(r[i]).toBeCloseTo(q + c - l[i], 5));
  });

  it('weighted ll_mse weighs squared residuals by l - min(l), so the lowest point does not count', () => {
    const lmin = Math.min(...l);
    const expected = logq.reduce((s, q, i) => s + (l[i] - lmin) * (q - l[i] + c) ** 2, 0) / 4;
    expect(value(weightedLlMseLoss(tf.tensor1d(logq), tf.tensor1d(l), tf.tensor1d([c])))).toBeCloseTo(expected, 4);
    const moved = [...logq];
    moved[3] += 10; // the point with the lowest l
    expect(value(weightedLlMseLoss(tf.tensor1d(moved), tf.tensor1d(l), tf.tensor1d([c])))).toBeCloseTo(expected, 4);
  });

  it('reverse KL of a flow equal to U/Z is -log Z on every sample set', () => {
    const flow = new DiagonalGaussianFlow(2, 0.5, Math.log(0.7));
    const logZ = 1.7;
    // U(x) = Z N(x; 0.5, 0.7^2 I)
    const logU = (x: tf.Tensor2D) =>
      tf.tidy(() => tf.add(tf.sum(tf.mul(-0.5, tf.square(tf.div(tf.sub(x, 0.5), 0.7))), 1), logZ - 2 * Math.log(0.7) - Math.log(2 * Math.PI)) as tf.Tensor1D);
    for (const seed of [1, 2, 3]) expect(value(reverseKLLoss(flow.asFlow(), logU, 500, seed))).toBeCloseTo(-logZ, 4);
    flow.dispose();
  });

  it('reverse KL of an STDFlow gives a finite gradient to every variable through the samples', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 2, hiddenFeatures: 8, seed: 3 });
    const logU = (x: tf.Tensor2D) => tf.tidy(() => tf.mul(-0.5, tf.sum(tf.square(x), 1)) as tf.Tensor1D);
    const vars = flow.trainableVariables();
    const { value: v, grads } = tf.variableGrads(() => reverseKLLoss(flow, logU, 64, 1), vars);
    expect(Number.isFinite(v.dataSync()[0])).toBe(true);
    for (const w of vars) {
      const g = grads[w.name];
      expect(g, w.name).toBeDefined();
      expect(Array.from(g.dataSync()).every(Number.isFinite)).toBe(true);
    }
    expect(vars.some((w) => Array.from(grads[w.name].dataSync()).some((x) => x !== 0))).toBe(true);
    tf.dispose([v, ...Object.values(grads)]);
    expect(flowConstant(flow)).toBe(flow.constant);
    flow.dispose();
  });
});
