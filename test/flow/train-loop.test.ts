import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainFlow } from '../../src/flow/trainer.js';
import { historyFromJSON, historyToJSON } from '../../src/flow/history.js';
import { MbankError } from '../../src/core/errors.js';
import { DiagonalGaussianFlow, gaussianSamples, useWasm } from './train-helpers.js';

beforeAll(useWasm);

describe('training loop (on a diagonal Gaussian flow)', () => {
  it('fits mean and width of Gaussian data by forward KL, with a validation KL near zero', async () => {
    const flow = new DiagonalGaussianFlow(2);
    const train = gaussianSamples(4000, 2, 1.5, 2, 1);
    const validation = gaussianSamples(2000, 2, 1.5, 2, 2);
    const h = await trainFlow(flow.asFlow(), {
      loss: 'forward_KL', train, validation, steps: 600, batchSize: 256, learningRate: 0.05, validationStep: 50, seed: 3,
    });
    const mu = flow.mu.dataSync();
    const sigma = Array.from(flow.logSigma.dataSync(), Math.exp);
    for (const m of mu) expect(m).toBeCloseTo(1.5, 1);
    for (const s of sigma) expect(Math.abs(s - 2)).toBeLessThan(0.1);
    expect(h.validationKL.at(-1)).toBeLessThan(0.01);
    expect(h.validationKL.length).toBe(h.validationLoss.length);
    expect(h.trainLoss.length).toBe(600);
    flow.dispose();
  });

  it('recovers the log-normalisation constant by ll_mse on unnormalised log-pdf values', async () => {
    const flow = new DiagonalGaussianFlow(2);
    const make = (n: number, seed: number) => {
      const s = gaussianSamples(n, 2, -0.5, 0.7, seed);
      return { ...s, logPdf: s.logPdf.map((l) => l + 3.25) };
    };
    const h = await trainFlow(flow.asFlow(), {
      loss: 'll_mse', train: make(3000, 4), validation: make(1000, 5), steps: 800, batchSize: 300, learningRate: 0.03,
      validationStep: 50, seed: 1,
    });
    expect(flow.constant.dataSync()[0]).toBeCloseTo(3.25, 1);
    expect(h.logPdfErrorStd.at(-1)).toBeLessThan(0.02);
    expect(h.constant.length).toBe(h.validationLoss.length);
    flow.dispose();
  });

  it('gives the same losses for the same seed and different ones for another seed', async () => {
    const run = async (seed: number) => {
      const flow = new DiagonalGaussianFlow(2);
      const h = await trainFlow(flow.asFlow(), {
        loss: 'forward_KL', train: gaussianSamples(1000, 2, 1, 1, 7), validation: gaussianSamples(200, 2, 1, 1, 8),
        steps: 40, batchSize: 100, learningRate: 0.05, validationStep: 10, seed,
      });
      flow.dispose();
      return h.trainLoss;
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('does not leak tensors from one step to the next', async () => {
    const flow = new DiagonalGaussianFlow(2);
    const counts: number[] = [];
    const before = tf.memory().numTensors;
    await trainFlow(flow.asFlow(), {
      loss: 'll_mse', train: gaussianSamples(500, 2, 0, 1, 1), validation: gaussianSamples(100, 2, 0, 1, 2),
      steps: 60, batchSize: 64, learningRate: 0.01, validationStep: 5, seed: 0,
      onProgress: () => counts.push(tf.memory().numTensors),
    });
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    flow.dispose();
  });

  it('stops on an abort signal and keeps the weights of the best validation', async () => {
    const flow = new DiagonalGaussianFlow(2, 0, 1);
    const ctl = new AbortController();
    const validation = gaussianSamples(500, 2, 2, 1, 2);
    const h = await trainFlow(flow.asFlow(), {
      loss: 'forward_KL', train: gaussianSamples(2000, 2, 2, 1, 1), validation,
      steps: 10_000, batchSize: 100, learningRate: 0.05, validationStep: 7, seed: 0, signal: ctl.signal,
      onProgress: (p) => { if (p.step === 30) ctl.abort(); },
    });
    expect(h.stopReason).toBe('aborted');
    expect(h.trainLoss.length).toBe(31);
    const lp = flow.logProb(tf.tensor2d(Float32Array.from(validation.x), [validation.n, 2]));
    const valLoss = -lp.mean().dataSync()[0];
    expect(valLoss).toBeCloseTo(h.bestValidationLoss, 4);
    expect(h.validationSteps[h.validationLoss.indexOf(h.bestValidationLoss)]).toBe(h.bestStep);
    flow.dispose();
  });

  it('stops early when the validation loss stalls, and reduces the learning rate on plateaus first', async () => {
    const flow = new DiagonalGaussianFlow(1);
    const h = await trainFlow(flow.asFlow(), {
      loss: 'forward_KL', train: gaussianSamples(2000, 1, 0, 1, 1), validation: gaussianSamples(500, 1, 0, 1, 2),
      steps: 5000, batchSize: 200, learningRate: 0.02, validationStep: 5, patience: 8, minDelta: 1e-3,
      plateau: { patience: 2, factor: 0.5, threshold: 1e-3, thresholdMode: 'abs' }, seed: 0,
    });
    expect(h.stopReason).toBe('early-stopping');
    expect(h.trainLoss.length).toBeLessThan(5000);
    expect(h.events.some((e) => e.kind === 'lr-reduced')).toBe(true);
    expect(h.learningRate.at(-1)).toBeLessThan(0.02);
    flow.dispose();
  });

  it('detects a diverging learning rate, restores the last good weights and goes on with finite weights', async () => {
    const flow = new DiagonalGaussianFlow(2);
    const h = await trainFlow(flow.asFlow(), {
      loss: 'forward_KL', train: gaussianSamples(2000, 2, 0.3, 0.05, 1), validation: gaussianSamples(500, 2, 0.3, 0.05, 2),
      steps: 300, batchSize: 100, learningRate: 50, validationStep: 10, seed: 0, plateau: false,
    });
    expect(h.events.filter((e) => e.kind === 'recovered').length).toBeGreaterThan(0);
    expect(h.stopReason).toBe('max-steps');
    for (const v of flow.trainableVariables()) for (const x of v.dataSync()) expect(Number.isFinite(x)).toBe(true);
    expect(Number.isFinite(h.bestValidationLoss)).toBe(true);
    expect(h.learningRate.at(-1)).toBeLessThan(50);
    flow.dispose();
  });

  it('refuses training points outside the support with a typed error naming the count', async () => {
    const flow = new DiagonalGaussianFlow(2);
    const bad = { x: new Float64Array([0, 0, 1, NaN]), n: 2, dim: 2 };
    await expect(trainFlow(flow.asFlow(), { loss: 'forward_KL', train: bad, validation: bad, steps: 1, batchSize: 1, learningRate: 1e-3 }))
      .rejects.toThrow(MbankError);
    flow.dispose();
  });

  it('writes a history that survives a JSON round trip, non-finite values included', async () => {
    const flow = new DiagonalGaussianFlow(2);
    const h = await trainFlow(flow.asFlow(), {
      loss: 'forward_KL', train: gaussianSamples(500, 2, 0, 1, 1), validation: gaussianSamples(100, 2, 0, 1, 2),
      steps: 20, batchSize: 50, learningRate: 0.01, validationStep: 5,
    });
    h.trainLoss[3] = NaN;
    const back = historyFromJSON(historyToJSON(h));
    expect(back.trainLoss[3]).toBeNaN();
    expect(back.trainLoss.slice(4)).toEqual(h.trainLoss.slice(4));
    expect(back.validationLoss).toEqual(h.validationLoss);
    expect(back.stopReason).toBe(h.stopReason);
    flow.dispose();
  });
});
