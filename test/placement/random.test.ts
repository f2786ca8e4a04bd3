import { describe, it, expect } from 'vitest';
import { placeRandom } from '../../src/placement/random.js';
import { UniformBoxSampler, RejectionSampler, boxChecker } from '../../src/placement/samplers.js';
import type { PlacementProgress, Sampler } from '../../src/placement/types.js';
import { Rng } from '../../src/core/rng.js';
import { MbankError } from '../../src/core/errors.js';
import { warpedMetric, constantMetric, heldOutCoverage } from './analytic.js';

const MM = 0.97;
const ETA = 0.9;
const dim = 2;
const prob = warpedMetric(dim, 3);
// Matched sampler: density ∝ sqrt|det M| by rejection from uniform (what a trained flow approximates).
const sampler = new RejectionSampler(new UniformBoxSampler(prob.lo, prob.hi), prob.sqrtDet, prob.sqrtDetMax);
const inside = boxChecker(prob.lo, prob.hi);
const held = new UniformBoxSampler(prob.lo, prob.hi).sample(4000, new Rng(999));
const sigma = (n: number) => Math.sqrt((ETA * (1 - ETA)) / (n - 1));
// Livepoint estimate and held-out estimate are independent: compare within 3 combined sigma.
const tolerance = 3 * Math.hypot(sigma(2000), sigma(4000));

describe('placeRandom', () => {
  it('covers held-out uniform points at the requested fraction on a position-dependent metric', async () => {
    const progress: PlacementProgress[] = [];
    const r = await placeRandom({
      minimalMatch: MM, sampler, metric: prob.field, inside, rng: new Rng(1), livepoints: 2000, coveringFraction: ETA,
      onProgress: (p) => progress.push(p),
    });
    expect(r.method).toBe('random');
    expect(r.templates.length).toBe(r.count * dim);
    expect(r.livepoints).toBe(2000);
    // Stops at the first template that reaches eta (the last one may cover a few livepoints at once).
    expect(r.coveringFraction).toBeGreaterThanOrEqual(ETA);
    expect(r.coveringFraction).toBeLessThan(ETA + 5 / 2000);
    expect(r.coveringFractionError).toBeCloseTo(sigma(2000), 3);
    const cov = await heldOutCoverage(prob.field, held, r.templates, dim, MM);
    expect(Math.abs(cov - ETA)).toBeLessThan(tolerance);
    // Random placement: uncovered fraction ~ exp(-N V_cell / V), so N ≈ ln(1/(1-eta)) V / (π (1-MM)).
    const volume = 3 ** 2 * (Math.exp(1.5) - 1);
    const expected = Math.log(1 / (1 - ETA)) * volume / (Math.PI * (1 - MM));
    expect(r.count / expected).toBeGreaterThan(0.85);
    expect(r.count / expected).toBeLessThan(1.15);
    // The running prediction made before a third of the bank was placed is within 15% of the final count.
    const early = progress.filter((p) => p.stage === 'placing' && p.templates < r.count / 3 && p.predictedCount !== null);
    expect(early.length).toBeGreaterThan(0);
    for (const p of early) expect(Math.abs((p.predictedCount as number) / r.count - 1)).toBeLessThan(0.15);
  });

  it('does not overshoot: one template fewer leaves the livepoint fraction below eta', async () => {
    const opts = { minimalMatch: MM, sampler, metric: prob.field, inside, livepoints: 500, coveringFraction: ETA };
    const full = await placeRandom({ ...opts, rng: new Rng(5) });
    const short = await placeRandom({ ...opts, rng: new Rng(5), maxTemplates: full.count - 1 });
    expect(short.count).toBe(full.count - 1);
    expect(Array.from(short.templates)).toEqual(Array.from(full.templates.subarray(0, short.templates.length)));
    expect(short.coveringFraction).toBeLessThan(ETA);
    expect(full.coveringFraction).toBeGreaterThanOrEqual(ETA);
  });

  it('covers held-out points on a constant correlated metric with a uniform sampler', async () => {
    const m = Float64Array.from([100, 75, 75, 100]);
    const field = constantMetric(m, 2);
    const uni = new UniformBoxSampler([0, 0], [1, 1]);
    const r = await placeRandom({ minimalMatch: MM, sampler: uni, metric: field, inside: boxChecker([0, 0], [1, 1]), rng: new Rng(3), livepoints: 2000, coveringFraction: ETA });
    const heldC = uni.sample(4000, new Rng(77));
    const cov = await heldOutCoverage(field, heldC, r.templates, 2, MM);
    expect(Math.abs(cov - ETA)).toBeLessThan(tolerance);
  });

  it('pruning removes templates while held-out and livepoint coverage stay at the requested fraction', async () => {
    const opts = { minimalMatch: MM, sampler, metric: prob.field, inside, livepoints: 2000, coveringFraction: ETA };
    const plain = await placeRandom({ ...opts, rng: new Rng(2) });
    const pruned = await placeRandom({ ...opts, rng: new Rng(2), prune: true });
    expect(pruned.stats.pruned).toBe(plain.count - pruned.count);
    expect(pruned.count).toBeLessThan(0.85 * plain.count);
    // The pruned bank is a subset of the unpruned one.
    const key = (t: Float64Array, i: number) => `${t[2 * i]},${t[2 * i + 1]}`;
    const all = new Set(Array.from({ length: plain.count }, (_, i) => key(plain.templates, i)));
    for (let i = 0; i < pruned.count; i++) expect(all.has(key(pruned.templates, i))).toBe(true);
    // Livepoints are probes of the pruning: their covered fraction is unchanged.
    expect(pruned.coveringFraction).toBe(plain.coveringFraction);
    const cov = await heldOutCoverage(prob.field, held, pruned.templates, dim, MM);
    expect(Math.abs(cov - ETA)).toBeLessThan(tolerance);
  });

  it('gives the same bank for the same seed and another bank for another seed', async () => {
    const opts = { minimalMatch: MM, sampler, metric: prob.field, inside, livepoints: 300, coveringFraction: 0.8 };
    const a = await placeRandom({ ...opts, rng: new Rng(11) });
    const b = await placeRandom({ ...opts, rng: new Rng(11) });
    const c = await placeRandom({ ...opts, rng: new Rng(12) });
    expect(Array.from(b.templates)).toEqual(Array.from(a.templates));
    expect(Array.from(c.templates)).not.toEqual(Array.from(a.templates));
  });

  it('never returns templates outside the box or the physical domain, even from a leaky sampler', async () => {
    // Sampler leaking 40% of its points outside [0,1]^2; physical domain x1 < x0 (like m2 < m1).
    const leaky: Sampler = new UniformBoxSampler([-0.3, -0.3], [1.3, 1.3]);
    const domain = boxChecker([0, 0], [1, 1], (t) => t[1] < t[0]);
    const r = await placeRandom({ minimalMatch: MM, sampler: leaky, metric: prob.field, inside: domain, rng: new Rng(4), livepoints: 400, coveringFraction: ETA, prune: true });
    expect(r.count).toBeGreaterThan(50);
    expect(r.stats.outsideDomain).toBeGreaterThan(0);
    for (let i = 0; i < r.count; i++) {
      const [x, y] = [r.templates[2 * i], r.templates[2 * i + 1]];
      expect(x > 0 && x < 1 && y > 0 && y < 1 && y < x).toBe(true);
    }
  });

  it('stops on abort and keeps the templates placed so far', async () => {
    const ac = new AbortController();
    const r = await placeRandom({
      minimalMatch: MM, sampler, metric: prob.field, inside, rng: new Rng(6), livepoints: 1000, coveringFraction: ETA, signal: ac.signal,
      onProgress: (p) => { if (p.templates >= 50) ac.abort(); },
    });
    expect(r.aborted).toBe(true);
    expect(r.count).toBeGreaterThanOrEqual(50);
    expect(r.coveringFraction).toBeLessThan(ETA);
    for (let i = 0; i < r.count; i++) expect(inside(r.templates.subarray(2 * i, 2 * i + 2))).toBe(true);
  });

  it('drops livepoints whose metric is not positive definite and counts them', async () => {
    const half = { dim: 2, metric: (th: Float64Array) => (prob.field.metric(th) as Float64Array[]).map((m, i) => (th[2 * i] < 0.2 ? Float64Array.from([1, 0, 0, -1]) : m)) };
    const r = await placeRandom({ minimalMatch: MM, sampler, metric: half as never, inside, rng: new Rng(8), livepoints: 500, coveringFraction: 0.8 });
    expect(r.stats.nonPositiveDefinite).toBeGreaterThan(0);
    expect(r.livepoints).toBe(500 - r.stats.nonPositiveDefinite);
  });

  it('rejects bad options with an MbankError naming the option', async () => {
    const base = { minimalMatch: MM, sampler, metric: prob.field, inside, rng: new Rng(1), livepoints: 100, coveringFraction: ETA };
    await expect(placeRandom({ ...base, minimalMatch: 1.2 })).rejects.toThrow(/minimalMatch = 1.2/);
    await expect(placeRandom({ ...base, coveringFraction: 0 })).rejects.toThrow(/coveringFraction/);
    await expect(placeRandom({ ...base, livepoints: 1 })).rejects.toThrow(MbankError);
    await expect(placeRandom({ ...base, metric: constantMetric(new Float64Array(9), 3) })).rejects.toThrow(/metric.dim/);
    const nowhere = boxChecker([0, 0], [1, 1], () => false);
    await expect(placeRandom({ ...base, inside: nowhere })).rejects.toThrow(/no point inside the domain/);
  });
});
