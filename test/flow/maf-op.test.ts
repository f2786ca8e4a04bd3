/**
 * The fused MAF layer op (src/flow/transforms/maf-op.ts) against the tfjs autodiff of the readable
 * composition it replaces: MADE grouped outputs (a, b), s = softplus(a) + 1e-3, y = s x + b,
 * log|det| = sum ln s. Value and every gradient (x and all MADE variables) must agree to float32
 * rounding, for residual and feed-forward MADEs, on the wasm and cpu backends.
 */
import * as tf from '../../src/flow/tf.js';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { selectBackend } from '../../src/flow/backend.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { trainFlow } from '../../src/flow/trainer.js';
import { MaskedAffineAutoregressiveTransform, SCALE_EPSILON } from '../../src/flow/transforms/masked-affine.js';
import { mafForwardFused } from '../../src/flow/transforms/maf-op.js';
import { maxAbsDiff } from './helpers.js';

afterAll(() => selectBackend('wasm'));

/** The unfused composition (autodiff reference). */
function reference(t: MaskedAffineAutoregressiveTransform, x: tf.Tensor2D): { y: tf.Tensor2D; logAbsDet: tf.Tensor1D } {
  const [a, shift] = t.made.applyGrouped(x);
  const s = tf.add(tf.softplus(a), SCALE_EPSILON);
  return { y: tf.add(tf.mul(s, x), shift) as tf.Tensor2D, logAbsDet: tf.sum(tf.log(s), 1) as tf.Tensor1D };
}

/** Largest |value| of a tensor, to express the agreement relative to the size of the quantity. */
const scale = (t: tf.Tensor) => Math.max(1, ...Array.from(tf.abs(t).dataSync()).slice(0, 100000));

describe('fused MAF op', () => {
  const cases = [
    { backend: 'wasm', dim: 4, hidden: 30, numBlocks: 2, useResidualBlocks: true },
    { backend: 'wasm', dim: 6, hidden: 20, numBlocks: 1, useResidualBlocks: false },
    { backend: 'wasm', dim: 1, hidden: 5, numBlocks: 0, useResidualBlocks: true },
    { backend: 'cpu', dim: 3, hidden: 10, numBlocks: 2, useResidualBlocks: true },
    { backend: 'cpu', dim: 3, hidden: 10, numBlocks: 2, useResidualBlocks: false },
  ] as const;
  it.each(cases)('equals the autodiff composition in value and in every gradient ($backend, D=$dim, h=$hidden, $numBlocks blocks, residual $useResidualBlocks)', async (c) => {
    await selectBackend(c.backend);
    const t = new MaskedAffineAutoregressiveTransform({ dim: c.dim, hiddenFeatures: c.hidden, numBlocks: c.numBlocks, useResidualBlocks: c.useResidualBlocks }, new Rng(3));
    // Non-trivial last block weights (their U(+-1e-3) initialisation would hide a wrong gradient).
    const rng = new Rng(5);
    for (const v of t.variables()) v.assign(tf.tensor(Float32Array.from(rng.normals(v.size)).map((w) => 0.4 * w), v.shape));
    const n = 300;
    const x = tf.tensor2d(Float32Array.from(rng.normals(n * c.dim)), [n, c.dim]);
    const cy = tf.tensor2d(Float32Array.from(rng.normals(n * c.dim)), [n, c.dim]);
    const cl = tf.tensor1d(Float32Array.from(rng.normals(n)));
    const vars = t.variables();
    const loss = (f: (x: tf.Tensor2D) => { y: tf.Tensor2D; logAbsDet: tf.Tensor1D }) => (xx: tf.Tensor, ...vs: tf.Tensor[]) => {
      void vs;
      const r = f(xx as tf.Tensor2D);
      return tf.add(tf.sum(tf.mul(cy, tf.sin(r.y))), tf.sum(tf.mul(cl, r.logAbsDet))) as tf.Scalar;
    };
    // Gradients with respect to x (tf.grads) and to the variables (tf.variableGrads).
    const gx = (f: (x: tf.Tensor2D) => { y: tf.Tensor2D; logAbsDet: tf.Tensor1D }) => tf.grad((xx: tf.Tensor) => loss(f)(xx))(x);
    const gv = (f: (x: tf.Tensor2D) => { y: tf.Tensor2D; logAbsDet: tf.Tensor1D }) => tf.variableGrads(() => loss(f)(x), vars).grads;
    const fused = (xx: tf.Tensor2D) => mafForwardFused(t.made, xx, SCALE_EPSILON);
    const ref = (xx: tf.Tensor2D) => reference(t, xx);
    const a = fused(x);
    const b = ref(x);
    expect(maxAbsDiff(a.y.dataSync(), b.y.dataSync()) / scale(b.y)).toBeLessThan(1e-6); // achieved 0 (bitwise equal); 1e-6 ~ 8 float32 ulps
    expect(maxAbsDiff(a.logAbsDet.dataSync(), b.logAbsDet.dataSync()) / scale(b.logAbsDet)).toBeLessThan(1e-6); // achieved 0 (bitwise equal); 1e-6 ~ 8 float32 ulps
    const gxa = gx(fused);
    const gxb = gx(ref);
    expect(maxAbsDiff(gxa.dataSync(), gxb.dataSync()) / scale(gxb)).toBeLessThan(1e-6); // achieved 0 (bitwise equal); 1e-6 ~ 8 float32 ulps
    const ga = gv(fused);
    const gb = gv(ref);
    for (const v of vars) {
      expect(ga[v.name].shape).toEqual(v.shape);
      expect(maxAbsDiff(ga[v.name].dataSync(), gb[v.name].dataSync()) / scale(gb[v.name]), v.name).toBeLessThan(1e-6); // achieved 0 (bitwise equal); 1e-6 ~ 8 float32 ulps
    }
    tf.dispose([x, cy, cl, a.y, a.logAbsDet, b.y, b.logAbsDet, gxa, gxb, ...Object.values(ga), ...Object.values(gb)]);
    t.dispose();
  });
});

describe('STDFlow training with the fused op', () => {
  it('is bitwise reproducible under a seed on one backend, and another seed changes the weights', async () => {
    await selectBackend('wasm');
    const rng = new Rng(9);
    const train = { x: Float64Array.from({ length: 2 * 1000 }, () => 0.1 + 0.8 * rng.uniform()), n: 1000, dim: 2 };
    const validation = { x: Float64Array.from({ length: 2 * 200 }, () => 0.1 + 0.8 * rng.uniform()), n: 200, dim: 2 };
    const run = async (seed: number) => {
      const flow = new STDFlow({ dim: 2, nLayers: 2, hiddenFeatures: 8, box: { low: [0, 0], high: [1, 1] }, seed: 1 });
      await trainFlow(flow, { loss: 'forward_KL', train, validation, steps: 20, batchSize: 200, learningRate: 1e-2, validationStep: 5, seed });
      const w = flow.trainableVariables().flatMap((v) => Array.from(v.dataSync()));
      flow.dispose();
      return w;
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });
});
