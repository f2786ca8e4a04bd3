import { describe, it, expect } from 'vitest';
import { Bank } from '../../src/bank/bank.js';
import { Rng } from '../../src/core/rng.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../../src/injections/fitting-factor.js';
import { matchRefined } from '../../src/match/refine.js';
import { symphonyMatch, combinePolarizations } from '../../src/match/symphony.js';
import { symphonyMatchRefined } from '../../src/match/symphony-refine.js';
import { antennaPatterns } from '../../src/injections/sky.js';
import type { WaveformParams } from '../../src/waveforms/types.js';

/** Coarse TaylorF2 setting: 1 Hz bins up to 512 Hz (513 bins), fast enough for tens of matches. */
const settings: FittingFactorSettings = {
  approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 1,
  mchirpWindow: 0.1, minCandidates: 5,
};
const rng = new Rng(11);
const n = 12;
const bank = new Bank({
  templates: {
    mass1: Array.from({ length: n }, () => rng.uniformIn(8, 12)),
    mass2: Array.from({ length: n }, () => rng.uniformIn(5, 8)),
    spin1z: Array.from({ length: n }, () => rng.uniformIn(-0.5, 0.5)),
    spin2z: Array.from({ length: n }, () => rng.uniformIn(-0.5, 0.5)),
  },
});
const sky = { longitude: 0.4, latitude: -0.3, polarization: 1.1 };

function params(m1: number, m2: number, s1z: number, s2z: number, extra: Partial<WaveformParams> = {}): WaveformParams {
  return { m1, m2, s1x: 0, s1y: 0, s1z, s2x: 0, s2y: 0, s2z, distanceMpc: 1, inclination: 0, phiRef: 0, fMinHz: 20, fMaxHz: 512, fRefHz: 20, ...extra };
}

describe('fitting factor', () => {
  const ev = new FittingFactorEvaluator(settings, bank.templates);

  it('an injection equal to a template has FF = 1 and finds that template', () => {
    for (const i of [0, 5, 11]) {
      const r = ev.evaluate(ev.templateParams(i), sky);
      expect(r.ff).toBeCloseTo(1, 6);
      expect(r.template).toBe(i);
    }
  });

  it('an injection equal to a template but with another phase and inclination still has FF = 1 (22-only: h+ match)', () => {
    const p = { ...ev.templateParams(3), phiRef: 1.3, inclination: 0.9 };
    expect(ev.evaluate(p, sky).ff).toBeCloseTo(1, 6);
  });

  it('FF never exceeds 1 and is at least the grid match of the chosen template', () => {
    const r2 = new Rng(4);
    for (let k = 0; k < 15; k++) {
      const r = ev.evaluate(params(r2.uniformIn(8, 12), r2.uniformIn(5, 8), r2.uniformIn(-0.5, 0.5), r2.uniformIn(-0.5, 0.5)), sky);
      expect(r.ff).toBeLessThanOrEqual(1 + 1e-9);
      expect(r.ff).toBeGreaterThanOrEqual(r.gridMatch - 1e-12);
      expect(r.ff).toBeGreaterThan(0.3);
      expect(r.candidates).toBeGreaterThanOrEqual(5);
    }
  });

  it('a bank of one template gives the plain (time-refined) match', () => {
    const one = new Bank({ templates: { mass1: [10], mass2: [7], spin1z: [0.2] } });
    const ev1 = new FittingFactorEvaluator(settings, one.templates);
    const p = params(10.4, 6.9, 0.1, -0.2);
    const r = ev1.evaluate(p, sky);
    const t = ev1.model.generate(ev1.grid, ev1.templateParams(0)).hp;
    const s = ev1.model.generate(ev1.grid, p).hp;
    expect(r.template).toBe(0);
    expect(r.ff).toBeCloseTo(matchRefined(ev1.ws, t, s).match, 10);
  });

  it('the symphony mode gives the time-refined symphony match of F+ h+ + Fx hx for a bank of one template, and 1 for the template itself', () => {
    const one = new Bank({ templates: { mass1: [10], mass2: [7], spin1z: [0.2], inclination: [0.7] } });
    const ev1 = new FittingFactorEvaluator({ ...settings, symphony: true }, one.templates);
    const p = params(10.3, 7.1, 0.1, 0, { inclination: 1.1 });
    const { hp, hc } = ev1.model.generate(ev1.grid, p);
    const { fPlus, fCross } = antennaPatterns(sky);
    const t = ev1.model.generate(ev1.grid, ev1.templateParams(0));
    const s = combinePolarizations(hp, hc, fPlus, fCross);
    const expected = symphonyMatchRefined(ev1.ws, t.hp, t.hc, s).match;
    expect(ev1.evaluate(p, sky).ff).toBeCloseTo(expected, 12);
    expect(expected).toBeGreaterThanOrEqual(symphonyMatch(ev1.ws, t.hp, t.hc, s).match);
    expect(ev1.evaluate(ev1.templateParams(0), sky).ff).toBeCloseTo(1, 6);
  });

  it('the FF over a bank is the maximum over its templates: adding templates never lowers it', () => {
    const p = params(9.7, 6.5, 0.05, 0.1);
    const all = new FittingFactorEvaluator({ ...settings, minCandidates: n }, bank.templates).evaluate(p, sky).ff;
    const few = new FittingFactorEvaluator({ ...settings, minCandidates: 1, mchirpWindow: 0.005, windowStep: 0.005 }, bank.templates).evaluate(p, sky).ff;
    expect(all).toBeGreaterThanOrEqual(few - 1e-12);
  });
});
