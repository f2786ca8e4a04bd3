/**
 * Score-function (REINFORCE) training with a black-box energy (no gradient of E is used): on the
 * 2D ring energy it matches reparameterised reverse KL; on a multi-modal energy the stabilised
 * variant converges to the global minimum while plain REINFORCE with SGD keeps jumping.
 */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { createNSF } from '../../src/flow/nsf-flow.js';
import { createPyMCFlow } from '../../src/flow/pymc/pymc-flow.js';
import { advantages, plainReinforce, trainScoreFunction } from '../../src/flow/score-function.js';
import { trainFlow } from '../../src/flow/trainer.js';
import type { Flow } from '../../src/flow/types.js';
import { useTestBackend } from './helpers.js';

beforeAll(useTestBackend);

/** Ring energy E = -log U, U = exp(sin(pi x1) - 2 (|x|^2 - 2)^2), on the host (float64). */
const ringEnergy = (x: Float64Array, n: number) =>
  Float64Array.from({ length: n }, (_, i) => {
    const a = x[2 * i];
    const b = x[2 * i + 1];
    return -(Math.sin(Math.PI * a) - 2 * (a * a + b * b - 2) ** 2);
  });

/** The same log U in tfjs ops, for the reparameterised reference. */
const ringLogU = (x: tf.Tensor2D) =>
  tf.tidy(() => {
    const [a, b] = tf.split(x, 2, 1);
    const r2 = tf.add(tf.square(a), tf.square(b));
    return tf.reshape(tf.sub(tf.sin(tf.mul(Math.PI, a)), tf.mul(2, tf.square(tf.sub(r2, 2)))), [-1]) as tf.Tensor1D;
  });

/** mean over n flow samples of E(x) + log q(x) (the reverse-KL loss; optimum -log Z = -1.612). */
function klLoss(flow: Flow, n: number, seed: number): number {
  const s = flow.sampleAndLogProb(n, seed);
  const x = Float64Array.from(s.x.dataSync());
  const lq = s.logProb.dataSync();
  tf.dispose([s.x, s.logProb]);
  const e = ringEnergy(x, n);
  let l = 0;
  for (let i = 0; i < n; i++) l += (e[i] + lq[i]) / n;
  return l;
}

describe('score-function training on the ring energy', () => {
  it('reaches a mean loss within 0.05 of reparameterised reverse KL with the same flow and steps, without any gradient of E', async () => {
    const arch = { dim: 2, nTransforms: 2, hiddenFeatures: 16, bins: 8 };
    const steps = 400;
    const rep = createNSF({ ...arch, seed: 1 });
    await trainFlow(rep, { loss: 'reverse_KL', logU: ringLogU, steps, batchSize: 256, learningRate: 1e-2, validationStep: 100, validationSize: 4096, seed: 1 });
    const repLoss = klLoss(rep, 20000, 12345);
    rep.dispose();
    const sf = createNSF({ ...arch, seed: 1 });
    const h = await trainScoreFunction(sf, ringEnergy, { steps, samples: 256, learningRate: 1e-2, seed: 1 });
    const sfLoss = klLoss(sf, 20000, 12345);
    sf.dispose();
    expect(h.skipped).toHaveLength(0);
    expect(repLoss).toBeLessThan(-1.45);
    expect(Math.abs(sfLoss - repLoss)).toBeLessThan(0.05);
    expect(sfLoss).toBeGreaterThan(-1.612 - 0.02); // a KL is >= 0 up to Monte-Carlo noise
  });
});

describe('score-function training on a multi-modal energy', () => {
  // E = -4 cos(3 x1) cos(3 x2) + |x|^2 / 2: a grid of local minima, the global one at the origin
  // (E = -4); the nearest local minima (+-pi/3, +-pi/3) have E ~ -2.9.
  const energy = (x: Float64Array, n: number) =>
    Float64Array.from({ length: n }, (_, i) => {
      const a = x[2 * i];
      const b = x[2 * i + 1];
      return -4 * Math.cos(3 * a) * Math.cos(3 * b) + 0.5 * (a * a + b * b);
    });
  const run = async (plain: boolean) => {
    const flow = createPyMCFlow({ dim: 2, formula: 'scale-hh-loc', jitter: 0.01, seed: 1 });
    // Start away from the global minimum, over the basin of the local minimum near (2.1, 2.1).
    tf.tidy(() => flow.trainableVariables()[0].assign(tf.tensor1d([2.0, 2.1])));
    const base = { steps: 400, samples: 128, learningRate: 0.05, entropyWeight: 0.1, entropyAnneal: { start: 1, steps: 250 }, seed: 3 };
    const h = await trainScoreFunction(flow, energy, plain ? plainReinforce(base) : base);
    const xs = flow.sample(4000, 7);
    const v = xs.dataSync();
    xs.dispose();
    let near = 0;
    for (let i = 0; i < 4000; i++) if (Math.hypot(v[2 * i], v[2 * i + 1]) < 0.3) near += 1 / 4000;
    const tail = h.loss.slice(-100);
    const spread = Math.max(...tail) - Math.min(...tail);
    flow.dispose();
    return { near, spread, tail, h };
  };

  it('concentrates on the global minimum without loss spikes, while plain REINFORCE with SGD keeps jumping', async () => {
    const stable = await run(false);
    const plain = await run(true);
    expect(stable.near).toBeGreaterThan(0.95);
    const meanTail = stable.tail.reduce((a, b) => a + b, 0) / stable.tail.length;
    expect(meanTail).toBeLessThan(-3.4); // E ~ -4 at the origin plus tau E[log q]
    expect(stable.spread).toBeLessThan(0.3);
    expect(stable.h.skipped).toHaveLength(0);
    // Plain REINFORCE: same samples budget and learning rate, losses jump by several nats.
    const plainUnstable = plain.tail.some((l) => !Number.isFinite(l)) || plain.spread > 5 * stable.spread;
    expect(plainUnstable).toBe(true);
    expect(plain.spread).toBeGreaterThan(1);
  });
});

describe('score-function pieces', () => {
  it('gives leave-one-out advantages f_i - mean_{j != i} f_j, normalised to unit standard deviation on request', () => {
    const f = Float64Array.from([1, 2, 3, 6]);
    const a = advantages(f, 'leave-one-out', 0, false);
    expect(Array.from(a)).toEqual([1 - 11 / 3, 2 - 10 / 3, 3 - 9 / 3, 6 - 6 / 3]);
    const an = advantages(f, 'leave-one-out', 0, true);
    const m = an.reduce((x, y) => x + y, 0) / 4;
    const sd = Math.sqrt(an.reduce((x, y) => x + (y - m) ** 2, 0) / 3);
    expect(sd).toBeCloseTo(1, 6);
    expect(Array.from(advantages(f, 'running-mean', 2.5, false))).toEqual([-1.5, -0.5, 0.5, 3.5]);
  });

  it('rejects bad options and non-finite energies with clear errors', async () => {
    const flow = createPyMCFlow({ dim: 2, formula: 'loc', seed: 1 });
    await expect(trainScoreFunction(flow, () => new Float64Array(8), { steps: 1, samples: 1, learningRate: 0.1 })).rejects.toThrow('samples (obj_n_mc) = 1');
    await expect(trainScoreFunction(flow, () => new Float64Array(8), { steps: 1, samples: 8, learningRate: 0.1, baseline: 'median' as never })).rejects.toThrow(MbankError);
    await expect(trainScoreFunction(flow, (_x, n) => new Float64Array(n).fill(NaN), { steps: 1, samples: 8, learningRate: 0.1 })).rejects.toThrow('must be finite');
    flow.dispose();
  });
});
