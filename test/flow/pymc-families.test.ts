/** Flow families by name ('std', 'nsf', PyMC formulas) and weight files for every family. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../src/flow/tf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { createFlow, parseFlowFamily } from '../../src/flow/families.js';
import { loadAnyFlow, saveAnyFlow } from '../../src/flow/family-weights.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { TransformFlow } from '../../src/flow/transform-flow.js';
import { useTestBackend } from './helpers.js';
import { perturb } from './transform-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'mbank-ts-families-'));
beforeAll(useTestBackend);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOX = { low: [-1, 0, 2], high: [1, 3, 5] };

/** Points inside BOX. */
function inside(n: number, seed: number): tf.Tensor2D {
  const rng = new Rng(seed);
  return tf.tensor2d(Array.from({ length: n }, () => BOX.low.map((l, d) => l + (BOX.high[d] - l) * (0.05 + 0.9 * rng.uniform()))));
}

describe('flow families', () => {
  it("parses 'std', 'nsf' and PyMC formulas, and rejects anything else naming what is allowed", () => {
    expect(parseFlowFamily('std')).toEqual({ family: 'std' });
    expect(parseFlowFamily(' NSF ')).toEqual({ family: 'nsf' });
    expect(parseFlowFamily('Scale-HH*4-loc')).toEqual({ family: 'pymc', formula: 'scale-hh*4-loc' });
    expect(() => parseFlowFamily('realnvp')).toThrow(MbankError);
    expect(() => parseFlowFamily('planar**2')).toThrow("must be 'std', 'nsf' or a PyMC formula");
  });

  it.each(['std', 'nsf', 'scale-planar*2-radial-hh-loc'])(
    "builds '%s' on a box, and a save/load round trip gives the same log-prob, box and constant",
    (name) => {
      const flow: TransformFlow = createFlow({ flow: name, dim: 3, box: BOX, nLayers: 2, hiddenFeatures: 8, bins: 4, jitter: 0.5, seed: 3 });
      expect(flow instanceof (name === 'std' ? STDFlow : TransformFlow)).toBe(true);
      for (const v of flow.trainableVariables()) perturb({ variables: () => [v] } as never, 4, 0.1);
      flow.constant.assign(tf.tensor1d([1.25]));
      const path = join(dir, `${name}.safetensors`);
      saveAnyFlow(flow, path, { note: 'round trip' });
      const { flow: back, metadata } = loadAnyFlow(path);
      expect(metadata.note).toBe('round trip');
      expect(back.architecture()).toEqual(flow.architecture());
      expect(Array.from(back.box()?.low ?? [])).toEqual(BOX.low);
      expect(back.constant.dataSync()[0]).toBe(1.25);
      const x = inside(64, 5);
      const a = flow.logProb(x).dataSync();
      const b = back.logProb(x).dataSync();
      expect(Array.from(a).every(Number.isFinite)).toBe(true);
      expect(Array.from(b)).toEqual(Array.from(a));
      const w = back.sampleWithinBox(100, { seed: 7 });
      for (let i = 0; i < w.x.length; i++) expect(w.x[i] > BOX.low[i % 3] && w.x[i] < BOX.high[i % 3]).toBe(true);
      expect(Array.from(w.logProb).every(Number.isFinite)).toBe(true);
      // Samples stay in the closed box (float32 tanh may round onto an edge).
      const s = back.sample(200, 6).dataSync();
      for (let i = 0; i < s.length; i++) {
        const d = i % 3;
        expect(s[i]).toBeGreaterThanOrEqual(BOX.low[d]);
        expect(s[i]).toBeLessThanOrEqual(BOX.high[d]);
      }
      flow.dispose();
      back.dispose();
      x.dispose();
    },
  );

  it('gives -Infinity log-prob to points outside the box of a spline flow', () => {
    const flow = createFlow({ flow: 'nsf', dim: 3, box: BOX, nLayers: 1, hiddenFeatures: 8, seed: 1 });
    const lp = flow.logProb(tf.tensor2d([[0, 1, 3], [2, 1, 3]])).dataSync();
    expect(Number.isFinite(lp[0])).toBe(true);
    expect(lp[1]).toBe(-Infinity);
    flow.dispose();
  });
});
