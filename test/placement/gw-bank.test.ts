import { describe, it, expect } from 'vitest';
import { placeRandom } from '../../src/placement/random.js';
import { placeStochastic } from '../../src/placement/stochastic.js';
import { pruneBank } from '../../src/placement/prune.js';
import { UniformBoxSampler } from '../../src/placement/samplers.js';
import { workspaceMetricField, regionChecker } from '../../src/placement/adapters.js';
import { metricDistance2 } from '../../src/placement/geometry.js';
import { MetricWorkspace } from '../../src/metric/workspace.js';
import { getVariableFormat, regionFromRanges } from '../../src/coordinates/index.js';
import { Rng } from '../../src/core/rng.js';

/*
 * A small 2D bank with the real metric: Mq_nonspinning, TaylorF2, aLIGO zero-detuned high-power PSD,
 * 20-512 Hz, M in [35, 50], q in [1, 3]. Uniform sampler, so livepoints and held-out points share
 * one measure. Held-out coverage: a point is covered when some template has metric match >= MM
 * with the metric at the held-out point.
 */
const MM = 0.97;
const ETA = 0.9;
const ws = new MetricWorkspace({
  variableFormat: 'Mq_nonspinning', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 0.5,
});
const region = regionFromRanges(getVariableFormat('Mq_nonspinning'), { mtot: [35, 50], q: [1, 3] });
const field = workspaceMetricField(ws, 'hessian', region);
const inside = regionChecker(region);
const sampler = new UniformBoxSampler(region.box.lo, region.box.hi);
const nHeld = 1500;
const held = sampler.sample(nHeld, new Rng(2024));
const heldMetrics = field.metric(held) as Float64Array[];

function coverage(templates: Float64Array): number {
  let covered = 0;
  for (let i = 0; i < nHeld; i++) {
    const p = held.subarray(2 * i, 2 * i + 2);
    for (let t = 0; t < templates.length / 2; t++) {
      if (1 - metricDistance2(heldMetrics[i], p, templates.subarray(2 * t, 2 * t + 2), 2) >= MM) {
        covered++;
        break;
      }
    }
  }
  return covered / nHeld;
}

describe('placement with the real TaylorF2 metric (Mq_nonspinning)', () => {
  it('random placement covers a held-out set at the requested fraction', async () => {
    const r = await placeRandom({ minimalMatch: MM, sampler, metric: field, inside, rng: new Rng(1), livepoints: 1000, coveringFraction: ETA });
    expect(r.count).toBeGreaterThan(30);
    for (let i = 0; i < r.count; i++) expect(inside(r.templates.subarray(2 * i, 2 * i + 2))).toBe(true);
    const sigma = Math.hypot(Math.sqrt(ETA * (1 - ETA) / (r.livepoints - 1)), Math.sqrt(ETA * (1 - ETA) / (nHeld - 1)));
    expect(Math.abs(coverage(r.templates) - ETA)).toBeLessThan(3 * sigma);
    // Pruning the random bank removes a good share of it and the held-out coverage holds.
    const pr = await pruneBank(r.templates, { minimalMatch: MM, sampler, metric: field, inside, rng: new Rng(2) });
    expect(pr.removed).toBeGreaterThan(0.15 * r.count);
    expect(Math.abs(coverage(pr.templates) - ETA)).toBeLessThan(3 * sigma);
  });

  it('stochastic placement covers the held-out set at a high fraction with fewer templates', async () => {
    const r = await placeStochastic({ minimalMatch: MM, sampler, metric: field, inside, rng: new Rng(1), emptyIterations: 200 });
    const random = await placeRandom({ minimalMatch: MM, sampler, metric: field, inside, rng: new Rng(3), livepoints: 300, coveringFraction: 0.95 });
    expect(coverage(r.templates)).toBeGreaterThan(0.95);
    expect(r.count).toBeLessThan(random.count);
  });
});
