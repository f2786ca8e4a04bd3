import { describe, it, expect } from 'vitest';
import { pruneBank } from '../../src/placement/prune.js';
import { placeStochastic } from '../../src/placement/stochastic.js';
import { UniformBoxSampler, boxChecker } from '../../src/placement/samplers.js';
import { Rng } from '../../src/core/rng.js';
import { warpedMetric, heldOutCoverage } from './analytic.js';

const prob = warpedMetric(2, 2);
const sampler = new UniformBoxSampler(prob.lo, prob.hi);
const inside = boxChecker(prob.lo, prob.hi);
const common = { minimalMatch: 0.97, sampler, metric: prob.field, inside };

describe('pruneBank', () => {
  it('removes every duplicated template of a doubled bank and keeps the coverage', async () => {
    const bank = await placeStochastic({ ...common, rng: new Rng(1), emptyIterations: 200 });
    const doubled = new Float64Array(2 * bank.templates.length);
    doubled.set(bank.templates);
    doubled.set(bank.templates, bank.templates.length);
    const pr = await pruneBank(doubled, { ...common, rng: new Rng(2), pointsPerTemplate: 32 });
    expect(pr.removed).toBeGreaterThanOrEqual(bank.count);
    expect(pr.count + pr.removed).toBe(2 * bank.count);
    expect(pr.stats.pruned).toBe(pr.removed);
    // kept indices are increasing and point at the kept rows
    for (let k = 0; k < pr.count; k++) {
      if (k > 0) expect(pr.kept[k]).toBeGreaterThan(pr.kept[k - 1]);
      expect(Array.from(pr.templates.subarray(2 * k, 2 * k + 2))).toEqual(Array.from(doubled.subarray(2 * pr.kept[k], 2 * pr.kept[k] + 2)));
    }
    const held = sampler.sample(3000, new Rng(3));
    const before = await heldOutCoverage(prob.field, held, bank.templates, 2, 0.97);
    const after = await heldOutCoverage(prob.field, held, pr.templates, 2, 0.97);
    expect(after).toBeGreaterThan(before - 0.02);
  });

  it('keeps a single template and templates whose metric is not positive definite', async () => {
    const one = await pruneBank(Float64Array.from([0.5, 0.5]), { ...common, rng: new Rng(1) });
    expect(one.count).toBe(1);
    const bad = { dim: 2, metric: (t: Float64Array) => Array.from({ length: t.length / 2 }, () => Float64Array.from([1, 2, 2, 1])) };
    const pr = await pruneBank(Float64Array.from([0.5, 0.5, 0.5, 0.5]), { ...common, metric: bad, rng: new Rng(1) });
    expect(pr.count).toBe(2);
    expect(pr.stats.nonPositiveDefinite).toBe(2);
  });
});
