/**
 * PointMatcher (src/injections/point-match.ts) refines from the correlation its grid match left in
 * the workspace, and only below its threshold: the value must be, bit for bit, the grid match where
 * the grid match is at or above the threshold or more than refineWithin below it, and otherwise the
 * refined match computed from scratch (second FFT) by the match layer.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { PointMatcher } from '../../src/injections/point-match.js';
import { antennaPatterns, randomSkyLocations } from '../../src/injections/sky.js';
import { correlateKernel, matchNormalised } from '../../src/match/match.js';
import { normaliseTemplate } from '../../src/match/inner.js';
import { refinedResult } from '../../src/match/refine.js';
import { combinePolarizations, symphonyMatch } from '../../src/match/symphony.js';
import { symphonyMatchRefined } from '../../src/match/symphony-refine.js';
import { MetricWorkspace, type MetricOptions } from '../../src/metric/workspace.js';

const MM = 0.97;

/** n pairs (probe, template) at growing offsets from `base`, so the grid matches span ~0.8 to 1. */
function pairs(base: number[], step: number[], n: number): { probes: Float64Array; templates: Float64Array } {
  const D = base.length;
  const probes = new Float64Array(n * D), templates = new Float64Array(n * D);
  for (let i = 0; i < n; i++) {
    const f = (i / n) ** 1.5;
    for (let d = 0; d < D; d++) {
      probes[i * D + d] = base[d];
      templates[i * D + d] = base[d] + f * step[d];
    }
  }
  return { probes, templates };
}

/** Counts of the pairs in the three bands: not refined below, refined, at or above MM. */
function bands(grid: number[], within: number): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (const g of grid) out[g < MM - within ? 0 : g < MM ? 1 : 2]++;
  return out;
}

describe('PointMatcher', () => {
  it('h+ (IMRPhenomD): refined below MM exactly as a fresh refinement, the grid match elsewhere', () => {
    const metric: MetricOptions = { variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 0.25 };
    const n = 40;
    const { probes, templates } = pairs([40, 2, 0.3, -0.2], [1.2, 0.3, 0.4, 0.2], n);
    const ids = Int32Array.from({ length: n }, (_, i) => i);
    const got = new PointMatcher({ metric, threshold: MM }).matchPairs(probes, ids, templates, ids);
    const ws = new MetricWorkspace(metric);
    const grid: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = normaliseTemplate(ws.match, ws.waveform(probes.subarray(4 * i, 4 * i + 4)).hp);
      const t = normaliseTemplate(ws.match, ws.waveform(templates.subarray(4 * i, 4 * i + 4)).hp);
      const g = matchNormalised(ws.match, t, s).match;
      grid.push(g);
      let want = g;
      if (g >= MM - 0.02 && g < MM) {
        const { ss } = correlateKernel(ws.match, t, s, 1);
        want = Math.max(g, refinedResult(ws.match, 1, ss).match);
      }
      expect(got[i]).toBe(want);
    }
    const [below, refined, above] = bands(grid, 0.02);
    expect(below).toBeGreaterThan(0);
    expect(refined).toBeGreaterThan(0);
    expect(above).toBeGreaterThan(0);
  });

  it('symphony (IMRPhenomXP): refined below MM exactly as symphonyMatchRefined, the grid match elsewhere', () => {
    const metric: MetricOptions = { variableFormat: 'logMq_s1xz_s2z_iota', approximant: 'IMRPhenomXP', psd: 'aligo_O4high', asd: true, fMinHz: 15, fMaxHz: 512, df: 0.25 };
    const n = 30;
    const { probes, templates } = pairs([Math.log10(90), 1.5, 0.6, 1.2, 0.3, 1.3], [0.03, 0.4, 0.3, 0.8, 0.6, 0.6], n);
    const ids = Int32Array.from({ length: n }, (_, i) => i);
    const seed = 7;
    const got = new PointMatcher({ metric, threshold: MM, skySeed: seed }).matchPairs(probes, ids, templates, ids);
    const ws = new MetricWorkspace(metric);
    const grid: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = ws.waveform(probes.subarray(6 * i, 6 * i + 6));
      const { fPlus, fCross } = antennaPatterns(randomSkyLocations(1, new Rng(seed, 1 + i))[0]);
      const s = combinePolarizations(p.hp, p.hc, fPlus, fCross);
      const { hp, hc } = ws.waveform(templates.subarray(6 * i, 6 * i + 6));
      const g = symphonyMatch(ws.match, hp, hc, s).match;
      grid.push(g);
      const want = g >= MM - 0.1 && g < MM ? Math.max(g, symphonyMatchRefined(ws.match, hp, hc, s).match) : g;
      expect(got[i]).toBe(want);
    }
    const [below, refined, above] = bands(grid, 0.1);
    expect(below).toBeGreaterThan(0);
    expect(refined).toBeGreaterThan(0);
    expect(above).toBeGreaterThan(0);
  });
});
