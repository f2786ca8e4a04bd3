/**
 * Training STDFlow to known targets (issue 6 acceptance checks). Sizes are the smallest that
 * still meet the thresholds with a margin; each test runs in tens of seconds on wasm.
 */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { trainFlow } from '../../src/flow/trainer.js';
import { logProbChunked } from '../../src/flow/train-data.js';
import type { Samples } from '../../src/flow/train-data.js';
import { useWasm } from './train-helpers.js';

beforeAll(useWasm);

/** x1 ~ Exp(1), x2 ~ N(0, 1) (mbank's flow tutorial), with the exact normalised log-density. */
function exponentialNormal(n: number, seed: number): Required<Samples> {
  const rng = new Rng(seed);
  const x = new Float64Array(2 * n);
  const logPdf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = -Math.log(1 - rng.uniform());
    const g = rng.normal();
    x[2 * i] = e;
    x[2 * i + 1] = g;
    logPdf[i] = -e - 0.5 * g * g - 0.5 * Math.log(2 * Math.PI);
  }
  return { x, n, dim: 2, logPdf };
}

/** The data range of several sample sets, widened by 1% on each side (as mbank sets the box). */
function boxAround(sets: Samples[], dim: number) {
  const low = new Array<number>(dim).fill(Infinity);
  const high = new Array<number>(dim).fill(-Infinity);
  for (const s of sets) for (let i = 0; i < s.n * dim; i++) {
    low[i % dim] = Math.min(low[i % dim], s.x[i]);
    high[i % dim] = Math.max(high[i % dim], s.x[i]);
  }
  return { low: low.map((l, d) => l - 0.01 * (high[d] - l)), high: high.map((h, d) => h + 0.01 * (h - low[d])) };
}

/** log U(x) = sin(pi x1) - 2 (x1^2 + x2^2 - 2)^2, in tfjs ops. */
function ringEnergy(x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const [x1, x2] = tf.split(x, 2, 1);
    const r2 = tf.add(tf.square(x1), tf.square(x2));
    return tf.reshape(tf.sub(tf.sin(tf.mul(Math.PI, x1)), tf.mul(2, tf.square(tf.sub(r2, 2)))), [-1]) as tf.Tensor1D;
  });
}

/** log of the integral of exp(ringEnergy) over the plane, by the midpoint rule on [-4, 4]^2. */
function ringLogZ(): number {
  const m = 800;
  const h = 8 / m;
  let z = 0;
  for (let i = 0; i < m; i++) {
    const a = -4 + (i + 0.5) * h;
    for (let j = 0; j < m; j++) {
      const b = -4 + (j + 0.5) * h;
      z += Math.exp(Math.sin(Math.PI * a) - 2 * (a * a + b * b - 2) ** 2);
    }
  }
  return Math.log(z * h * h);
}

/** Mean of log q - log U over n flow samples (the reverse-KL loss, -log Z at the optimum). */
function reverseKL(flow: STDFlow, n: number, seed: number): number {
  const d = tf.tidy(() => {
    const { x, logProb } = flow.sampleAndLogProb(n, seed);
    return tf.mean(tf.sub(logProb, ringEnergy(x)));
  });
  const v = d.dataSync()[0];
  d.dispose();
  return v;
}

describe('STDFlow training', () => {
  it('learns an exponential x normal density from 20,000 samples by forward KL to a validation KL below 0.05', async () => {
    const train = exponentialNormal(20000, 1);
    const validation = exponentialNormal(5000, 2);
    const flow = new STDFlow({ dim: 2, nLayers: 2, hiddenFeatures: 16, box: boxAround([train, validation], 2), seed: 1 });
    const counts: number[] = [];
    const h = await trainFlow(flow, {
      loss: 'forward_KL', train, validation, steps: 400, batchSize: 500, learningRate: 5e-3, validationStep: 50, seed: 1,
      onProgress: (p) => { if (p.step > 0 && p.step % 50 === 1) counts.push(tf.memory().numTensors); },
    });
    const logq = logProbChunked(flow, validation.x, validation.n, 5000);
    let kl = 0;
    for (let i = 0; i < validation.n; i++) kl += validation.logPdf[i] - logq[i];
    kl /= validation.n;
    expect(kl).toBeLessThan(0.05);
    expect(kl).toBeGreaterThan(-0.02); // a KL divergence is >= 0 up to Monte-Carlo noise
    expect(kl).toBeCloseTo(Math.min(...h.validationKL), 5); // the best weights were kept
    expect(new Set(counts).size).toBe(1); // no tensor leaks from one step to the next
    flow.dispose();
  });

  it('recovers a truncated Gaussian log-pdf by ll_mse to an RMS error below 0.1 nats after removing the fitted constant', async () => {
    const draw = (n: number, seed: number): Required<Samples> => {
      const rng = new Rng(seed);
      const x = new Float64Array(2 * n);
      const logPdf = new Float64Array(n);
      for (let i = 0; i < n; ) {
        const a = 0.3 + 0.5 * rng.normal();
        const b = -0.2 + 0.4 * rng.normal();
        if (Math.abs(a) >= 1 || Math.abs(b) >= 1) continue;
        x[2 * i] = a;
        x[2 * i + 1] = b;
        logPdf[i] = -0.5 * ((a - 0.3) / 0.5) ** 2 - 0.5 * ((b + 0.2) / 0.4) ** 2 + 2; // known up to a constant
        i++;
      }
      return { x, n, dim: 2, logPdf };
    };
    const train = draw(5000, 1);
    const validation = draw(2000, 2);
    const flow = new STDFlow({ dim: 2, nLayers: 3, hiddenFeatures: 32, box: { low: [-1.02, -1.02], high: [1.02, 1.02] }, seed: 1 });
    const h = await trainFlow(flow, {
      loss: 'll_mse', train, validation, steps: 600, batchSize: 500, learningRate: 1e-2, validationStep: 50, seed: 1, plateau: { patience: 1 },
    });
    const logq = logProbChunked(flow, validation.x, validation.n, 5000);
    const c = flow.constant.dataSync()[0];
    const r = Array.from(logq, (q, i) => q + c - validation.logPdf[i]);
    const mean = r.reduce((s, v) => s + v, 0) / r.length;
    const rms = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / r.length);
    expect(rms).toBeLessThan(0.1);
    expect(rms).toBeCloseTo(h.logPdfErrorStd[h.validationLoss.indexOf(h.bestValidationLoss)], 4);
    // C = log of the integral of exp(logPdf) over the box: e^2 * 2 pi 0.5 0.4 * P(box)
    const pBox = 0.914582 * 0.9759;
    expect(c).toBeCloseTo(2 + Math.log(2 * Math.PI * 0.2 * pBox), 1);
    flow.dispose();
  });

  it('gives the same losses and weights for the same seed', async () => {
    const train = exponentialNormal(2000, 5);
    const validation = exponentialNormal(500, 6);
    const box = boxAround([train, validation], 2);
    const run = async () => {
      const flow = new STDFlow({ dim: 2, nLayers: 2, hiddenFeatures: 8, box, seed: 4 });
      const h = await trainFlow(flow, { loss: 'forward_KL', train, validation, steps: 30, batchSize: 200, learningRate: 1e-2, validationStep: 10, seed: 9 });
      const w = flow.trainableVariables().map((v) => Array.from(v.dataSync()));
      flow.dispose();
      return { loss: h.trainLoss, w };
    };
    const a = await run();
    const b = await run();
    expect(a.loss).toEqual(b.loss);
    expect(a.w).toEqual(b.w);
  });
});

describe('STDFlow training from an energy (reverse KL)', () => {
  it('fits exp(sin(pi x1) - 2 (|x|^2 - 2)^2) with an affine flow to a mean loss below -1.4 (optimum -log Z = -1.612)', async () => {
    const logZ = ringLogZ();
    expect(logZ).toBeCloseTo(1.612, 2);
    const flow = new STDFlow({ dim: 2, nLayers: 3, hiddenFeatures: 64, seed: 1 });
    const h = await trainFlow(flow, {
      loss: 'reverse_KL', logU: ringEnergy, steps: 1200, batchSize: 256, learningRate: 6e-3, validationStep: 50, validationSize: 4096, seed: 1,
      plateau: { patience: 2 },
    });
    const loss = reverseKL(flow, 20000, 12345);
    expect(loss).toBeLessThan(-1.4);
    expect(loss).toBeGreaterThan(-logZ - 0.02); // reverse KL >= 0
    expect(h.stopReason).toBe('max-steps');
    flow.dispose();
  });

  it('detects a diverging learning rate, recovers, and keeps every weight finite', async () => {
    const flow = new STDFlow({ dim: 2, nLayers: 3, hiddenFeatures: 64, seed: 2 });
    const h = await trainFlow(flow, {
      loss: 'reverse_KL', logU: ringEnergy, steps: 60, batchSize: 128, learningRate: 1, validationStep: 20, validationSize: 1024, seed: 1,
    });
    expect(h.events.some((e) => e.kind === 'recovered')).toBe(true);
    for (const v of flow.trainableVariables()) expect(Array.from(v.dataSync()).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(reverseKL(flow, 2000, 7))).toBe(true);
    expect(Math.min(...h.learningRate)).toBeLessThan(1);
    flow.dispose();
  });
});
