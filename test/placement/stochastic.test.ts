import { describe, it, expect } from 'vitest';
import { placeStochastic } from '../../src/placement/stochastic.js';
import { UniformBoxSampler, RejectionSampler, boxChecker } from '../../src/placement/samplers.js';
import type { Sampler } from '../../src/placement/types.js';
import { Rng } from '../../src/core/rng.js';
import { warpedMetric, heldOutCoverage, dist2 } from './analytic.js';

const MM = 0.97;
const dim = 2;
const prob = warpedMetric(dim, 3);
const sampler = new RejectionSampler(new UniformBoxSampler(prob.lo, prob.hi), prob.sqrtDet, prob.sqrtDetMax);
const inside = boxChecker(prob.lo, prob.hi);
const held = new UniformBoxSampler(prob.lo, prob.hi).sample(3000, new Rng(999));

/** Largest metric match between a template and an earlier one, with the metric `at` the earlier or the later template. */
async function maxPairMatch(templates: Float64Array, at: 'earlier' | 'later'): Promise<number> {
  const n = templates.length / dim;
  const ms = await prob.field.metric(templates);
  let worst = -Infinity;
  for (let j = 1; j < n; j++) {
    const tj = templates.subarray(j * dim, (j + 1) * dim);
    for (let i = 0; i < j; i++) {
      const ti = templates.subarray(i * dim, (i + 1) * dim);
      worst = Math.max(worst, 1 - dist2(at === 'earlier' ? ms[i] : ms[j], ti, tj, dim));
    }
  }
  return worst;
}

describe('placeStochastic', () => {
  for (const metricAt of ['template', 'proposal'] as const) {
    it(`leaves no pair of templates with metric match above MM and covers held-out points (metric at the ${metricAt})`, async () => {
      const r = await placeStochastic({ minimalMatch: MM, sampler, metric: prob.field, inside, rng: new Rng(1), emptyIterations: 300, metricAt });
      expect(r.method).toBe('stochastic');
      expect(r.count).toBeGreaterThan(300);
      // 'template': a proposal is tested with each existing template's metric; 'proposal': with its own.
      expect(await maxPairMatch(r.templates, metricAt === 'template' ? 'earlier' : 'later')).toBeLessThan(MM);
      const cov = await heldOutCoverage(prob.field, held, r.templates, dim, MM);
      expect(cov).toBeGreaterThan(0.95);
      // The running estimate (rejected fraction of recent proposals) agrees with the held-out coverage.
      expect(Math.abs(r.coveringFraction - cov)).toBeLessThan(3 * Math.hypot(r.coveringFractionError, Math.sqrt(cov * (1 - cov) / 3000)) + 0.02);
      // Stochastic banks are tighter than random ones: fewer templates than ln(1/(1-0.95)) V / V_cell.
      const volume = 3 ** 2 * (Math.exp(1.5) - 1);
      expect(r.count).toBeLessThan(Math.log(20) * volume / (Math.PI * (1 - MM)));
      if (metricAt === 'template') expect(r.stats.metricEvaluations).toBeLessThan(2 * r.count + 300);
      else expect(r.stats.metricEvaluations).toBeGreaterThanOrEqual(r.stats.proposals);
    });
  }

  it('keeps the seed bank first and adds no template inside a seed template cell', async () => {
    const seeds = sampler.sample(60, new Rng(50));
    const seedBank = await seeds;
    for (const metricAt of ['template', 'proposal'] as const) {
      const r = await placeStochastic({ minimalMatch: MM, sampler, metric: prob.field, inside, rng: new Rng(51), emptyIterations: 100, seedBank, metricAt });
      expect(Array.from(r.templates.subarray(0, seedBank.length))).toEqual(Array.from(seedBank));
      const ms = await prob.field.metric(r.templates);
      let worst = -Infinity;
      for (let j = 60; j < r.count; j++) {
        for (let i = 0; i < j; i++) {
          const m = metricAt === 'template' ? ms[i] : ms[j];
          worst = Math.max(worst, 1 - dist2(m, r.templates.subarray(2 * i, 2 * i + 2), r.templates.subarray(2 * j, 2 * j + 2), dim));
        }
      }
      expect(r.count).toBeGreaterThan(200);
      expect(worst).toBeLessThan(MM);
    }
  });

  it('uses the spatial index: far fewer exact distance checks than proposals x templates', async () => {
    const r = await placeStochastic({ minimalMatch: MM, sampler, metric: prob.field, inside, rng: new Rng(2), emptyIterations: 200 });
    expect(r.stats.distanceChecks).toBeLessThan(0.05 * r.stats.proposals * r.count);
  });

  it('gives the same bank for the same seed', async () => {
    const opts = { minimalMatch: 0.9, sampler, metric: prob.field, inside, emptyIterations: 100 };
    const a = await placeStochastic({ ...opts, rng: new Rng(21) });
    const b = await placeStochastic({ ...opts, rng: new Rng(21) });
    const c = await placeStochastic({ ...opts, rng: new Rng(22) });
    expect(Array.from(b.templates)).toEqual(Array.from(a.templates));
    expect(Array.from(c.templates)).not.toEqual(Array.from(a.templates));
  });

  it('never returns templates outside the domain, from a leaky sampler or a seed bank', async () => {
    const leaky: Sampler = new UniformBoxSampler([-0.3, -0.3], [1.3, 1.3]);
    const domain = boxChecker([0, 0], [1, 1], (t) => t[1] < t[0]);
    const seedBank = Float64Array.from([0.5, 0.2, 0.2, 0.5, 1.5, 0.1, 0.9, 0.3]);
    for (const metricAt of ['template', 'proposal'] as const) {
      const r = await placeStochastic({ minimalMatch: 0.9, sampler: leaky, metric: prob.field, inside: domain, rng: new Rng(4), emptyIterations: 100, seedBank, metricAt });
      expect(Array.from(r.templates.subarray(0, 4))).toEqual([0.5, 0.2, 0.9, 0.3]);
      expect(r.count).toBeGreaterThan(20);
      for (let i = 0; i < r.count; i++) expect(domain(r.templates.subarray(2 * i, 2 * i + 2))).toBe(true);
    }
  });

  it('stops on abort and keeps the templates placed so far', async () => {
    const ac = new AbortController();
    const r = await placeStochastic({
      minimalMatch: MM, sampler, metric: prob.field, inside, rng: new Rng(6), emptyIterations: 300, signal: ac.signal,
      onProgress: (p) => { if (p.templates >= 40) ac.abort(); },
    });
    expect(r.aborted).toBe(true);
    expect(r.count).toBeGreaterThanOrEqual(40);
    expect(r.count).toBeLessThan(300);
  });

  it('rejects bad options with an MbankError naming the option', async () => {
    const base = { minimalMatch: MM, sampler, metric: prob.field, inside, rng: new Rng(1), emptyIterations: 10 };
    await expect(placeStochastic({ ...base, emptyIterations: 0 })).rejects.toThrow(/emptyIterations = 0/);
    await expect(placeStochastic({ ...base, metricAt: 'midpoint' as never })).rejects.toThrow(/metricAt/);
    await expect(placeStochastic({ ...base, seedBank: new Float64Array(3) })).rejects.toThrow(/seedBank.length/);
  });
});
