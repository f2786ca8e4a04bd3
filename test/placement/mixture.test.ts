import { describe, it, expect } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { MbankError } from '../../src/core/errors.js';
import { LivepointCover } from '../../src/placement/coverage.js';
import { referenceMetric, Whitening } from '../../src/placement/geometry.js';
import { DefensiveMixtureSampler } from '../../src/placement/mixture.js';
import { placeRandom } from '../../src/placement/random.js';
import { boxChecker, RejectionSampler, UniformBoxSampler } from '../../src/placement/samplers.js';
import type { Sampler } from '../../src/placement/types.js';
import { warpedMetric } from './analytic.js';

const MM = 0.97;
const ETA = 0.9;
const dim = 2;
// sqrt|det M| = 9 * 1.5 e^{1.5 x0} on [0, 1]^2: the densest part of the space is at x0 -> 1.
const prob = warpedMetric(dim, 3);
const inside = boxChecker(prob.lo, prob.hi);
const inCorner = (x: ArrayLike<number>) => x[0] > 0.7 && x[1] > 0.7;

/**
 * A deliberately wrong "flow": density ∝ sqrt|det M| everywhere except the corner [0.7, 1]^2, where it
 * puts nothing (a flow that has not learned a corner), with its exact normalised log density.
 */
function cornerlessSampler(): Sampler {
  const z = 9 * (Math.exp(1.5) - 1); // ∫ sqrt|det M| over the box
  const zCorner = 9 * (Math.exp(1.5) - Math.exp(1.05)) * 0.3;
  const norm = z - zCorner;
  const base = new RejectionSampler(new UniformBoxSampler(prob.lo, prob.hi), (rows) => {
    const w = prob.sqrtDet(rows);
    for (let i = 0; i < w.length; i++) if (inCorner(rows.subarray(i * dim, (i + 1) * dim))) w[i] = 0;
    return w;
  }, prob.sqrtDetMax);
  return {
    dim,
    sample: (n, rng) => base.sample(n, rng),
    logDensity: (rows) => {
      const w = prob.sqrtDet(rows);
      return w.map((v, i) => (inCorner(rows.subarray(i * dim, (i + 1) * dim)) ? -Infinity : Math.log(v / norm)));
    },
  };
}

/** Cell-centred grid of n x n points on the unit square. */
function grid(n: number, keep: (x: Float64Array) => boolean = () => true): Float64Array {
  const rows: number[] = [];
  const x = new Float64Array(2);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    x[0] = (i + 0.5) / n;
    x[1] = (j + 0.5) / n;
    if (keep(x)) rows.push(x[0], x[1]);
  }
  return Float64Array.from(rows);
}

/** Covered fraction of `points` (weights: sqrt|det M|, or 1) by the templates, metric at the point. */
async function coveredFraction(points: Float64Array, templates: Float64Array, weighted: boolean): Promise<number> {
  const metrics = await prob.field.metric(points);
  const cover = new LivepointCover(points, metrics, new Whitening(referenceMetric(metrics, dim), dim), 1 - MM, weighted ? prob.sqrtDet(points) : undefined);
  for (let t = 0; t < templates.length / dim; t++) cover.cover(templates.subarray(t * dim, (t + 1) * dim));
  return cover.weightedFraction;
}

const common = { minimalMatch: MM, metric: prob.field, inside, livepoints: 2000, coveringFraction: ETA };
const cornerGrid = grid(120, inCorner);
const fullGrid = grid(200);

describe('defensive mixture placement', () => {
  it('a = 0 leaves the corner the flow misses uncovered; a = 0.2 with weighted coverage puts templates there and covers eta of the metric volume', async () => {
    const wrong = cornerlessSampler();
    const old = await placeRandom({ ...common, sampler: wrong, rng: new Rng(21) });
    const mix = new DefensiveMixtureSampler(wrong, { lo: prob.lo, hi: prob.hi, uniformFraction: 0.2, inside });
    const robust = await placeRandom({ ...common, sampler: mix, rng: new Rng(21), coverage: 'weighted' });

    const cornerTemplates = (t: Float64Array) => Array.from({ length: t.length / dim }, (_, i) => t.subarray(i * dim, (i + 1) * dim)).filter(inCorner).length;
    expect(cornerTemplates(old.templates)).toBe(0);
    expect(cornerTemplates(robust.templates)).toBeGreaterThan(10);

    // The livepoints of a = 0 cannot see the hole: they report eta while the true covered volume is far below.
    const oldCorner = await coveredFraction(cornerGrid, old.templates, false);
    const oldTrue = await coveredFraction(fullGrid, old.templates, true);
    expect(old.coveringFraction).toBeGreaterThanOrEqual(ETA);
    expect(oldCorner).toBeLessThan(0.2);
    expect(oldTrue).toBeLessThan(ETA - 0.06);

    // The mixture's weighted estimate sees it: the true covered metric volume reaches eta within its error.
    const robustCorner = await coveredFraction(cornerGrid, robust.templates, false);
    const robustTrue = await coveredFraction(fullGrid, robust.templates, true);
    expect(robust.coverageEstimate).toBe('weighted');
    expect(robust.coveringFraction).toBeGreaterThanOrEqual(ETA);
    expect(robustCorner).toBeGreaterThan(oldCorner + 0.2);
    expect(Math.abs(robustTrue - robust.coveringFraction)).toBeLessThan(3 * robust.coveringFractionError);
    expect(robust.weighted?.effectiveSampleSize).toBeGreaterThan(0.5 * robust.livepoints);
  });

  it('the weighted covering fraction is unbiased: over independent livepoint sets it matches the covered volume on a dense grid, with the stated error', async () => {
    const wrong = cornerlessSampler();
    const mix = new DefensiveMixtureSampler(wrong, { lo: prob.lo, hi: prob.hi, uniformFraction: 0.15, inside });
    // A fixed bank (drawn from the wrong sampler, so it has the hole), then 24 fresh sets of 400 livepoints.
    const bank = await placeRandom({ ...common, sampler: wrong, rng: new Rng(3), coveringFraction: 0.85 });
    const truth = await coveredFraction(fullGrid, bank.templates, true);
    const estimates: number[] = [];
    const errors: number[] = [];
    for (let s = 0; s < 24; s++) {
      const live = await mix.sample(400, new Rng(100 + s));
      const metrics = await prob.field.metric(live);
      const logQ = await mix.logDensity(live);
      const w = prob.sqrtDet(live).map((p, i) => p / Math.exp(logQ[i]));
      const cover = new LivepointCover(live, metrics, new Whitening(referenceMetric(metrics, dim), dim), 1 - MM, w);
      for (let t = 0; t < bank.count; t++) cover.cover(bank.templates.subarray(t * dim, (t + 1) * dim));
      const est = cover.weighted();
      estimates.push(est.fraction);
      errors.push(est.error);
    }
    const n = estimates.length;
    const mean = estimates.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const meanError = errors.reduce((a, b) => a + b, 0) / n;
    expect(truth).toBeLessThan(0.8); // the hole is real
    expect(Math.abs(mean - truth)).toBeLessThan(3 * sd / Math.sqrt(n));
    // The delta-method error describes the scatter of the estimates (24 sets: sd known to ~15%).
    expect(meanError / sd).toBeGreaterThan(0.65);
    expect(meanError / sd).toBeLessThan(1.5);
  });

  it('a = 0 and the count estimate reproduce the unweighted placement template for template', async () => {
    const wrong = cornerlessSampler();
    const withoutDensity: Sampler = { dim, sample: (n, rng) => wrong.sample(n, rng) };
    const opts = { ...common, livepoints: 500 };
    const old = await placeRandom({ ...opts, sampler: withoutDensity, rng: new Rng(9) });
    const same = await placeRandom({ ...opts, sampler: wrong, rng: new Rng(9) });
    const mix0 = new DefensiveMixtureSampler(wrong, { lo: prob.lo, hi: prob.hi, uniformFraction: 0, inside });
    const viaMixture = await placeRandom({ ...opts, sampler: mix0, rng: new Rng(9), coverage: 'count' });
    expect(old.weighted).toBeUndefined();
    expect(same.weighted).toBeDefined();
    for (const r of [same, viaMixture]) {
      expect(r.count).toBe(old.count);
      expect(Array.from(r.templates)).toEqual(Array.from(old.templates));
      expect(r.coveringFraction).toBe(old.coveringFraction);
      expect(r.coveringFractionError).toBe(old.coveringFractionError);
    }
  });

  it('the mixture density is normalised on the domain and matches the share of samples in the corner', async () => {
    const domain = boxChecker(prob.lo, prob.hi, (t) => t[1] < 0.5 + t[0]);
    const mix = new DefensiveMixtureSampler(cornerlessSampler(), { lo: prob.lo, hi: prob.hi, uniformFraction: 0.3, inside: domain });
    expect(mix.insideFraction).toBeCloseTo(1 - 0.125, 2);
    // Before the domain check the density integrates to 1 over the box (flow part everywhere, uniform part on the domain).
    const g = grid(300);
    const lq = await mix.logDensity(g);
    const integral = lq.reduce((a, v) => a + Math.exp(v), 0) / (g.length / dim);
    expect(integral).toBeCloseTo(1, 2);
    const cornerMass = Array.from(lq).reduce((a, v, i) => a + (inCorner(g.subarray(i * dim, (i + 1) * dim)) ? Math.exp(v) : 0), 0) / (g.length / dim);
    const n = 20000;
    const xs = await mix.sample(n, new Rng(5));
    let inC = 0;
    for (let i = 0; i < n; i++) if (inCorner(xs.subarray(i * dim, (i + 1) * dim))) inC++;
    expect(Math.abs(inC / n - cornerMass)).toBeLessThan(4 * Math.sqrt(cornerMass * (1 - cornerMass) / n));
    for (let i = 0; i < n; i++) {
      const row = xs.subarray(i * dim, (i + 1) * dim);
      if (inCorner(row)) expect(domain(row)).toBe(true);
    }
  });

  it('rejects bad mixture and coverage options with an MbankError naming the option', async () => {
    const wrong = cornerlessSampler();
    const box = { lo: prob.lo, hi: prob.hi };
    expect(() => new DefensiveMixtureSampler(wrong, { ...box, uniformFraction: 1 })).toThrow(/uniformFraction = 1/);
    expect(() => new DefensiveMixtureSampler(wrong, { ...box, uniformFraction: -0.1 })).toThrow(MbankError);
    expect(() => new DefensiveMixtureSampler(new UniformBoxSampler(prob.lo, prob.hi), { ...box, uniformFraction: 0.1 })).toThrow(/logDensity/);
    expect(() => new DefensiveMixtureSampler(wrong, { ...box, uniformFraction: 0.1, inside: () => false })).toThrow(/insideFraction/);
    const noDensity = new UniformBoxSampler(prob.lo, prob.hi);
    await expect(placeRandom({ ...common, sampler: noDensity, rng: new Rng(1), coverage: 'weighted' })).rejects.toThrow(/coverage/);
    await expect(placeRandom({ ...common, sampler: wrong, rng: new Rng(1), coverage: 'both' as never })).rejects.toThrow(MbankError);
  });
});
