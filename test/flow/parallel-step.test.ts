/**
 * The fused step over two threads (src/flow/fused/parallel-step.ts): the halves' losses and
 * gradients add up to the one-thread step's, for every data loss (weighted_ll_mse's weights use the
 * whole batch's minimum), and repeated calls give the same bits.
 */
import * as tf from '../../src/flow/tf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { FusedFlowStep } from '../../src/flow/fused/flow-step.js';
import { ParallelFusedStep } from '../../src/flow/fused/parallel-step.js';
import { fusedLossAndGrads } from '../../src/flow/fused/host-loss.js';
import { readVariables } from '../../src/flow/train-data.js';
import { useTestBackend } from './helpers.js';

beforeAll(useTestBackend);

describe('fused step on two threads', () => {
  const dim = 3;
  const box = { low: [-1, -1, -1], high: [2, 2, 2] };
  const flow = new STDFlow({ dim, nLayers: 2, hiddenFeatures: [9, 6], box, seed: 5 });
  const rng = new Rng(3);
  for (const v of flow.trainableVariables()) v.assign(tf.tensor(Float32Array.from(rng.normals(v.size)).map((w) => 0.3 * w), v.shape));
  // The trainer's variable list for the ll_mse losses: the flow's, then the constant C.
  const constant = tf.variable(tf.scalar(0.4));
  const vars = [...flow.trainableVariables(), constant];
  const step = FusedFlowStep.create(flow, vars) as FusedFlowStep;
  const parallel = new ParallelFusedStep(FusedFlowStep.create(flow, vars) as FusedFlowStep);
  const n = 301;
  const x = Float32Array.from({ length: n * dim }, () => -1 + 3 * (0.02 + 0.96 * rng.uniform()));
  const logPdf = Float32Array.from(rng.normals(n), (v) => v - 3);
  const params = readVariables(vars);
  afterAll(async () => {
    await parallel.close();
    flow.dispose();
    constant.dispose();
  });

  it.each(['forward_KL', 'll_mse', 'weighted_ll_mse'] as const)('%s: loss and gradients equal the one-thread step, and repeat bit for bit', async (name) => {
    const one = fusedLossAndGrads(step, { x, n, logPdf }, name, params, vars.length - 1);
    const oneG = one.g.map((a) => a.slice());
    const two = await parallel.lossAndGrads({ x, n, logPdf }, name, params, vars.length - 1);
    const twoG = two.g.map((a) => a.slice());
    expect(Math.abs(two.loss - one.loss)).toBeLessThan(1e-13 * Math.max(1, Math.abs(one.loss))); // achieved 1.2e-15 (float64 sums in two halves)
    let worst = 0;
    oneG.forEach((a, k) => {
      const scale = Math.max(...Array.from(a, Math.abs));
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - twoG[k][i]) / scale);
    });
    expect(worst).toBeLessThan(3e-5); // achieved 2.3e-7 (float32 batch sums grouped in two halves)
    const again = await parallel.lossAndGrads({ x, n, logPdf }, name, params, vars.length - 1);
    expect(again.loss).toBe(two.loss);
    again.g.forEach((a, k) => expect(Array.from(a)).toEqual(Array.from(twoG[k])));
  });
});
