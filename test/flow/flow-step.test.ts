/**
 * The fused training step (src/flow/fused/flow-step.ts) against tfjs' autodiff of the flow's own
 * log-probability: same log q, and the gradient of a loss of log q with respect to every trainable
 * variable agrees to float32 rounding, for STDFlows with a box, permutations, padded widths
 * (D and hidden features not multiples of 4), residual and feed-forward MADEs.
 */
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { STDFlow, type STDFlowOptions } from '../../src/flow/std-flow.js';
import { FusedFlowStep } from '../../src/flow/fused/flow-step.js';
import { readFileSync } from 'node:fs';
import { KernelWorkspace, rowMajor, transposed } from '../../src/flow/kernels/workspace.js';
import { KERNEL_FAMILIES, relaxedSimdAvailable, type KernelFamily } from '../../src/flow/kernels/kernel-family.js';
import { readVariables } from '../../src/flow/train-data.js';
import { hostLoss } from '../../src/flow/fused/host-loss.js';
import { forwardKLLoss, llMseLoss, weightedLlMseLoss } from '../../src/flow/losses.js';
import { useTestBackend } from './helpers.js';

beforeAll(useTestBackend);

describe.each(KERNEL_FAMILIES)('SIMD gemm kernel (%s)', (family) => {
  it('equals a float64 product for x W + s + bias with relu, the strided u^T dz and the column sums 1^T dz, at odd sizes', () => {
    const ws = new KernelWorkspace(family);
    const rng = new Rng(2);
    const [n, k, m] = [13, 7, 12];
    const fill = (count: number) => {
      const p = ws.alloc(count);
      ws.f32(p, count).set(Float32Array.from(rng.normals(count)));
      return p;
    };
    const [a, b, s, bias, b2] = [fill(n * k), fill(k * m), fill(n * m), fill(m), fill(n * m)];
    const c = ws.alloc(n * m);
    const c2 = ws.alloc(k * m);
    ws.gemm(c, rowMajor(a, k), b, n, m, k, { s, bias, relu: true });
    ws.gemm(c2, transposed(a, k), b2, k, m, n);
    // a padded to 8 columns for weightGradients (its u rows are multiples of 4 wide)
    const u = ws.zeros(n * 8);
    const U = ws.f32(u, n * 8);
    for (let r = 0; r < n; r++) U.set(ws.f32(a + 4 * r * k, k), 8 * r);
    const { dwt, db } = ws.weightGradients(u, 8, b2, m, n);
    const [A, B, S, BI, B2] = [ws.f32(a, n * k), ws.f32(b, k * m), ws.f32(s, n * m), ws.f32(bias, m), ws.f32(b2, n * m)];
    const [C, C2, DWT, DB] = [ws.f32(c, n * m), ws.f32(c2, k * m), ws.f32(dwt, 8 * m), ws.f32(db, m)];
    let err = 0;
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < m; j++) {
        let x = S[r * m + j] + BI[j];
        for (let p = 0; p < k; p++) x += A[r * k + p] * B[p * m + j];
        err = Math.max(err, Math.abs(Math.max(x, 0) - C[r * m + j]));
      }
    }
    for (let r = 0; r < k; r++) {
      for (let j = 0; j < m; j++) {
        let x = 0;
        for (let p = 0; p < n; p++) x += A[p * k + r] * B2[p * m + j];
        err = Math.max(err, Math.abs(x - C2[r * m + j]), Math.abs(x - DWT[r * m + j]));
      }
    }
    for (let j = 0; j < m; j++) {
      let x = 0;
      for (let p = 0; p < n; p++) x += B2[p * m + j];
      err = Math.max(err, Math.abs(x - DB[j]));
    }
    expect(err).toBeLessThan(3e-5); // achieved 4e-7 (float32 sums of ~10 terms of size ~3)
  });
});

describe('softplus kernel', () => {
  it('s = softplus(a) + eps, sigmoid(a) and y = s x + b equal float64 to float32 rounding for |a| up to 260', () => {
    const ws = new KernelWorkspace();
    const [n, dp] = [3000, 8];
    const [out, x, y, s, g] = [ws.alloc(n * 2 * dp), ws.alloc(n * dp), ws.alloc(n * dp), ws.alloc(n * dp), ws.alloc(n * dp)];
    const [O, X] = [ws.f32(out, n * 2 * dp), ws.f32(x, n * dp)];
    for (let i = 0; i < n * 2 * dp; i++) O[i] = Math.sinh(((i % 1999) / 1999) * 12 - 6) * 1.3;
    for (let i = 0; i < n * dp; i++) X[i] = Math.cos(i);
    ws.softplusAffine(out, x, y, s, g, n, dp, 1e-3);
    const [Y, S, G] = [ws.f32(y, n * dp), ws.f32(s, n * dp), ws.f32(g, n * dp)];
    let [es, eg, ey] = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < dp; d++) {
        const [a, b, k] = [O[2 * i * dp + d], O[(2 * i + 1) * dp + d], i * dp + d];
        const sp = Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a))) + Math.fround(1e-3);
        es = Math.max(es, Math.abs(S[k] - sp) / sp);
        eg = Math.max(eg, Math.abs(G[k] - 1 / (1 + Math.exp(-a))));
        ey = Math.max(ey, Math.abs(Y[k] - (sp * X[k] + b)) / (Math.abs(sp * X[k]) + Math.abs(b)));
      }
    }
    expect(Math.min(...O)).toBeLessThan(-250);
    expect(es).toBeLessThan(2e-5); // achieved 2.1e-7 (relative)
    expect(eg).toBeLessThan(2e-5); // achieved 1.3e-7 (absolute; sigmoid <= 1)
    expect(ey).toBeLessThan(2e-5); // achieved 2.2e-7 (relative to |s x| + |b|)
  });
});

describe('kernel families', () => {
  it('relaxed SIMD compiles in Node >= 20 (V8 flag set at run time where it is not on by default), so fma is the default', () => {
    expect(relaxedSimdAvailable()).toBe(true);
    expect(new KernelWorkspace().family).toBe('fma');
  });

  it('fma rounds a multiply-add once where the CPU has FMA3, simd twice; an unknown family is refused', () => {
    // sum_p a_p b_p with a_0 b_0 = -1 and a_1 b_1 = (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: the 2^-24 survives only a fused multiply-add
    const e = 1 + 2 ** -12;
    const result = (family: KernelFamily) => {
      const ws = new KernelWorkspace(family);
      const [a, b, c] = [ws.alloc(2), ws.alloc(8), ws.alloc(4)];
      ws.f32(a, 2).set([1, e]);
      ws.f32(b, 8).set([-1, -1, -1, -1, e, e, e, e]);
      ws.gemm(c, rowMajor(a, 2), b, 1, 4, 2);
      return ws.f32(c, 4)[0];
    };
    expect(result('simd')).toBe(2 ** -11);
    if (/\bfma\b/.test(readFileSync('/proc/cpuinfo', 'utf8'))) expect(result('fma')).toBe(2 ** -11 + 2 ** -24);
    expect(() => new KernelWorkspace('avx' as KernelFamily)).toThrow(/kernels: 'avx' is not one of fma, simd/);
  });
});

describe.each(KERNEL_FAMILIES)('fused flow step (%s kernels)', (family) => {
  // n: rows of the batch (1500 makes the kernel memory grow several times within one step).
  const cases: (STDFlowOptions & { name: string; n?: number })[] = [
    { name: 'D=4, 2 x 30 (the default bank)', dim: 4, nLayers: 2, hiddenFeatures: 30, n: 1500 },
    { name: 'D=3, hidden 7 and 5, random permutations', dim: 3, nLayers: 2, hiddenFeatures: [7, 5], permutation: 'random' },
    { name: 'D=6, feed-forward MADE, 1 block', dim: 6, nLayers: 1, hiddenFeatures: 10, numBlocks: 1, useResidualBlocks: false },
    { name: 'D=2, no residual blocks', dim: 2, nLayers: 1, hiddenFeatures: 6, numBlocks: 0 },
  ];
  it.each(cases)('log q and every gradient equal the autodiff of flow.logProb ($name)', (c) => {
    const box = { low: new Array<number>(c.dim).fill(-1), high: new Array<number>(c.dim).fill(2) };
    const flow = new STDFlow({ dim: c.dim, nLayers: c.nLayers, hiddenFeatures: c.hiddenFeatures, permutation: c.permutation, numBlocks: c.numBlocks,
      useResidualBlocks: c.useResidualBlocks, box, seed: 3 });
    const rng = new Rng(9);
    // Non-trivial weights everywhere (the U(+-1e-3) last block layers would hide a wrong gradient).
    for (const v of flow.trainableVariables()) v.assign(tf.tensor(Float32Array.from(rng.normals(v.size)).map((w) => 0.3 * w), v.shape));
    const n = c.n ?? 257;
    const x = Float32Array.from({ length: n * c.dim }, () => -1 + 3 * (0.02 + 0.96 * rng.uniform()));
    const weight = Float64Array.from(rng.normals(n));
    const vars = flow.trainableVariables();
    // Loss sum_i w_i sin(log q_i): a different weight on every row tests the per-row log-det gradients.
    const step = FusedFlowStep.create(flow, vars, family) as FusedFlowStep;
    expect(step).toBeDefined();
    let logqFused = new Float64Array(0);
    const fused = step.lossAndGrads(readVariables(vars), x, n, (logq) => {
      logqFused = logq.slice();
      return { loss: logq.reduce((s, q, i) => s + weight[i] * Math.sin(q), 0), dLogq: logq.map((q, i) => weight[i] * Math.cos(q)) };
    });
    const xt = tf.tensor2d(x, [n, c.dim]);
    const ref = tf.variableGrads(() => tf.sum(tf.mul(tf.tensor1d(Float32Array.from(weight)), tf.sin(flow.logProb(xt)))) as tf.Scalar, vars);
    const logqRef = flow.logProb(xt).dataSync();
    const qScale = Math.max(...Array.from(logqRef, Math.abs));
    const qErr = Math.max(...Array.from(logqRef, (q, i) => Math.abs(q - logqFused[i])));
    expect(qErr / qScale).toBeLessThan(2e-5); // achieved 2.8e-7 fma, 1.8e-7 simd (relative to max |log q|)
    const lossErr = Math.abs(fused.loss - ref.value.dataSync()[0]) / Math.max(1, Math.abs(fused.loss));
    expect(lossErr).toBeLessThan(5e-4); // achieved 4.9e-6 (relative; float32 sums of 1500 terms in tfjs)
    let worst = 0;
    vars.forEach((v, k) => {
      const g = ref.grads[v.name].dataSync();
      const gScale = Math.max(...Array.from(g, Math.abs));
      let err = 0;
      for (let i = 0; i < g.length; i++) err = Math.max(err, Math.abs(g[i] - fused.grads[k][i]));
      worst = Math.max(worst, err / gScale);
    });
    expect(worst).toBeLessThan(6e-4); // achieved 5.1e-6 fma, 6.4e-6 simd (relative to each variable's max |gradient|; float32 sums over the batch in another order)
    tf.dispose([xt, ref.value, ...Object.values(ref.grads)]);
    flow.dispose();
  });
});

describe('host losses of the fused step', () => {
  it.each(['forward_KL', 'll_mse', 'weighted_ll_mse'] as const)('%s and its derivatives in log q and C equal the tfjs loss and its autodiff', (name) => {
    const rng = new Rng(4);
    const n = 300;
    const logq = Float64Array.from(rng.normals(n), (v) => Math.fround(v - 2));
    const logPdf = Float32Array.from(rng.normals(n), (v) => 0.5 * v - 1);
    const c = Math.fround(0.7);
    const host = hostLoss(name, logPdf, c)(logq);
    const q = tf.tensor1d(Float32Array.from(logq));
    const l = tf.tensor1d(logPdf);
    const tfLoss = (qq: tf.Tensor, cc: tf.Tensor) =>
      name === 'forward_KL' ? forwardKLLoss(qq as tf.Tensor1D) : (name === 'll_mse' ? llMseLoss : weightedLlMseLoss)(qq as tf.Tensor1D, l, cc);
    const gq = tf.grad((qq: tf.Tensor) => tfLoss(qq, tf.tensor1d([c])))(q);
    const value = tfLoss(q, tf.tensor1d([c])).dataSync()[0];
    expect(Math.abs(host.loss - value) / Math.abs(value)).toBeLessThan(3e-5); // achieved 3.3e-7 (tfjs sums in float32)
    const g = gq.dataSync();
    let err = 0;
    let dC = 0;
    for (let i = 0; i < n; i++) {
      err = Math.max(err, Math.abs(host.dLogq[i] - g[i]));
      dC += host.dLogq[i];
    }
    const gScale = Math.max(...Array.from(g, Math.abs));
    expect(err / gScale).toBeLessThan(1e-5); // achieved 1.0e-7
    if (name === 'forward_KL') return;
    // d loss / dC = sum_i d loss / d log q_i (what the trainer adds for the constant C).
    const gc = tf.grad((cc: tf.Tensor) => tfLoss(q, cc))(tf.tensor1d([c])).dataSync()[0];
    expect(Math.abs(dC - gc)).toBeLessThan(4e-5 * Math.max(1, Math.abs(dC))); // achieved 4.1e-7
  });
});
