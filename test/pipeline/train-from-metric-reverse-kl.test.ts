/**
 * The importance-weighted reverse-KL objective of train-from-metric on a cheap analytic 2D target
 * (a correlated Gaussian log-density handed in as the "metric" M = e^l I, so 0.5 ln det M = l).
 */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { isInside, regionFromRanges } from '../../src/coordinates/box.js';
import { selectBackend } from '../../src/flow/backend.js';
import { truncatedImportanceWeights, weightedAdvantages } from '../../src/flow/score-function.js';
import { flowForRegion, trainFromMetric, type RoundRecord } from '../../src/pipeline/train-from-metric/active-learning.js';
import type { MetricField } from '../../src/placement/types.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const region = regionFromRanges(getVariableFormat('Mq_nonspinning'), { mtot: [10, 30], q: [1, 4] });
/** Correlated Gaussian (M, q) log-density, unnormalised: mean (20, 2.5), sigmas (3, 0.6), rho 0.7. */
const logp = (M: number, q: number) => {
  const a = (M - 20) / 3;
  const b = (q - 2.5) / 0.6;
  return -(a * a - 1.4 * a * b + b * b) / (2 * (1 - 0.49));
};
const field: MetricField = {
  dim: 2,
  metric: (th) => Array.from({ length: th.length / 2 }, (_, i) => {
    const e = Math.exp(logp(th[2 * i], th[2 * i + 1]));
    return Float64Array.from([e, 0, 0, e]);
  }),
};
/** log Z over the box by the midpoint rule. */
const logZ = (() => {
  let z = 0;
  const G = 300;
  for (let i = 0; i < G; i++) for (let j = 0; j < G; j++) z += Math.exp(logp(10 + (20 * (i + 0.5)) / G, 1 + (3 * (j + 0.5)) / G)) * (20 / G) * (3 / G);
  return Math.log(z);
})();

/** KL(q || p/Z) and the std of log q - log p on 3000 flow samples inside the region (nats). */
function klAndStd(flow: ReturnType<typeof flowForRegion>): { kl: number; std: number } {
  const n = 3000;
  const s = flow.sampleWithinBox(n, { seed: 99, accept: (r) => isInside(region, r) });
  const r = Float64Array.from({ length: n }, (_, i) => s.logProb[i] - logp(s.x[2 * i], s.x[2 * i + 1]));
  const m = r.reduce((a, b) => a + b, 0) / n;
  return { kl: m + logZ, std: Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1)) };
}

describe('truncated importance weights', () => {
  it('are 1 (1/n once normalised) for samples of the current flow, with an effective sample size of n', () => {
    const flow = flowForRegion(region, { nLayers: 1, hiddenFeatures: 8, seed: 4 });
    const s = flow.sampleWithinBox(500, { seed: 3 });
    const now = tf.tidy(() => flow.logProb(tf.tensor2d(Float32Array.from(s.x), [500, 2]))).dataSync();
    flow.dispose();
    const { weights, ess } = truncatedImportanceWeights(now, s.logProb);
    for (const w of weights) expect(w * 500).toBeCloseTo(1, 3);
    expect(ess).toBeCloseTo(500, 0);
  });

  it('cap one huge ratio so that it holds at most 1/sqrt(n) of the total weight', () => {
    const n = 100;
    const old = new Float64Array(n);
    const now = new Float64Array(n);
    now[0] = 50; // ratio e^50 against 1 for the others
    const { weights } = truncatedImportanceWeights(now, old);
    // untruncated, the outlier would hold all the weight (1 - 1e-19); capped, 1/sqrt(100) of it
    expect(weights[0]).toBeCloseTo(0.1, 9);
    expect(weights[1]).toBeCloseTo(0.9 / 99, 9);
  });

  it('give weighted advantages that sum to zero under the weights', () => {
    const a = weightedAdvantages([1, 2, 5, -3], [0.1, 0.2, 0.3, 0.4], false);
    expect(0.1 * a[0] + 0.2 * a[1] + 0.3 * a[2] + 0.4 * a[3]).toBeCloseTo(0, 12);
  });
});

describe('train-from-metric --objective reverse-kl', () => {
  it('drives the flow to a correlated Gaussian target by importance-weighted reverse KL, from metric values only', async () => {
    const flow = flowForRegion(region, { nLayers: 2, hiddenFeatures: 16, seed: 1 });
    const before = klAndStd(flow);
    const rounds: RoundRecord[] = [];
    let evaluations = 0;
    const counted: MetricField = { dim: 2, metric: (th) => { evaluations += th.length / 2; return field.metric(th); } };
    try {
      const res = await trainFromMetric({
        field: counted, region, flow, budget: 800, initialPoints: 240, validationFraction: 0.25, roundPoints: 140,
        stepsPerRound: 120, batchSize: 200, learningRate: 5e-3, validationStep: 50, seed: 2, objective: 'reverse-kl',
        onRound: (r) => rounds.push(r),
      });
      const after = klAndStd(flow);
      expect(evaluations).toBe(800);
      expect(res.evaluations).toBe(800);
      // every flow point is reused in every later round: the replay only grows
      expect(rounds.map((r) => r.replaySize)).toEqual([180, 320, 460, 600, 740]);
      expect(rounds.slice(1).every((r) => r.fromPrior === 0 && r.fromFlow === 140)).toBe(true);
      expect(before.kl).toBeGreaterThan(3);
      expect(after.kl).toBeLessThan(0.25);
      expect(after.std).toBeLessThan(0.3 * before.std);
      // the constant C is the importance-sampling log Z of the replay set
      expect(Math.abs(flow.constant.dataSync()[0] - logZ)).toBeLessThan(0.05);
    } finally {
      flow.dispose();
    }
  }, 60_000);
});
