import { describe, it, expect } from 'vitest';
import { uniformGrid, uniformGridN } from '../../src/core/grid.js';
import { Rng } from '../../src/core/rng.js';
import { approximantNames, getModel, hasFrequencyList, requireFrequencyList } from '../../src/waveforms/registry.js';
import type { FrequencyListModel, Polarizations, WaveformModel, WaveformParams } from '../../src/waveforms/types.js';

/** One aligned-spin and (for precessing models) one precessing point per model, f_min on the grid; e0 = 0.2 for eccentric models. */
function cases(model: WaveformModel): WaveformParams[] {
  const base = { s1x: 0, s1y: 0, s2x: 0, s2y: 0, distanceMpc: 1, phiRef: 0.3, fMinHz: 15, fMaxHz: 1024, fRefHz: 0 };
  const out: WaveformParams[] = [
    { ...base, m1: 30, m2: 12, s1z: 0.5, s2z: -0.3, inclination: 0.7 },
    { ...base, m1: 9, m2: 14, s1z: -0.8, s2z: 0.6, inclination: 2.1 }, // m1 < m2; cut-off above f_max for IMR models
  ];
  if (model.precessing) out.push({ ...base, m1: 35, m2: 9, s1x: 0.6, s1y: -0.2, s1z: 0.3, s2z: -0.4, inclination: 1.2 });
  return model.eccentric ? out.map((p) => ({ ...p, eccentricity: 0.2 })) : out;
}

const frequencyListModels = approximantNames().map(getModel).filter(hasFrequencyList);

/** max over entries of |a - b| relative to max |b| (both polarisations). */
function relativeDifference(a: Polarizations, b: Polarizations): number {
  let diff = 0, norm = 0;
  for (const key of ['hp', 'hc'] as const) {
    for (let m = 0; m < a[key].length; m++) {
      diff = Math.max(diff, Math.abs(a[key][m] - b[key][m]));
      norm = Math.max(norm, Math.abs(b[key][m]));
    }
  }
  return diff / norm;
}

describe('generateAt: waveforms at arbitrary frequencies', () => {
  it('the single-mode models (and the twisted 22 of IMRPhenomPv2 and IMRPhenomXP) provide generateAt, generateAtInto and supportEndHz; multi-harmonic ones do not', () => {
    expect(frequencyListModels.map((m) => m.name).sort()).toEqual(['IMRPhenomD', 'IMRPhenomPv2', 'IMRPhenomXAS', 'IMRPhenomXP', 'TaylorF2', 'TaylorF2Ecc']);
    // their h+ is a sum of harmonics with different orbital phases: conj(h) dh/dtheta oscillates, the quadrature metric would be wrong
    for (const name of ['EccentricFD', 'IMRPhenomXHM'].filter((n) => approximantNames().includes(n))) expect(hasFrequencyList(getModel(name))).toBe(false);
  });

  for (const model of frequencyListModels) {
    it(`${model.name}: a shuffled random subset of the uniform bins in [f_min, f_end) equals the uniform-grid output to 1e-12`, () => {
      const grid = uniformGrid(0.25, 1024);
      const rng = new Rng(17);
      for (const params of cases(model)) {
        const full = model.generate(grid, params);
        const kEnd = Math.floor(model.supportEndHz(params) / 0.25); // bins k < kEnd lie below f_end in every model's convention
        const picked: number[] = [];
        for (let k = 60; k < kEnd; k++) if (rng.uniform() < 0.05) picked.push(k);
        for (let i = picked.length - 1; i > 0; i--) { // any order: shuffle
          const j = Math.floor(rng.uniform() * (i + 1));
          [picked[i], picked[j]] = [picked[j], picked[i]];
        }
        const freqs = Float64Array.from(picked, (k) => grid.frequencies[k]);
        const at = model.generateAt(freqs, params);
        const ref = { hp: new Float64Array(2 * freqs.length), hc: new Float64Array(2 * freqs.length) };
        picked.forEach((k, j) => {
          for (const key of ['hp', 'hc'] as const) { ref[key][2 * j] = full[key][2 * k]; ref[key][2 * j + 1] = full[key][2 * k + 1]; }
        });
        expect(relativeDifference(at, ref)).toBeLessThan(1e-12); // the bound; achieved 3e-13 (9 + 14 Msun: inspiral phase ~1e4 rad), 1e-14 at 30 + 12
      }
    });

    it(`${model.name}: frequencies off any common grid (K/64 Hz, each the last bin of its own uniform grid) agree to 1e-12`, () => {
      const rng = new Rng(5);
      const params = cases(model)[0];
      const fEnd = model.supportEndHz(params);
      const ks = Array.from({ length: 8 }, () => Math.floor(rng.uniformIn(15.1, fEnd - 0.1) * 64));
      ks.push(ks[0] + 1); // two close frequencies
      const freqs = Float64Array.from(ks, (k) => k / 64);
      const at = model.generateAt(freqs, params);
      const ref = { hp: new Float64Array(2 * ks.length), hc: new Float64Array(2 * ks.length) };
      ks.forEach((k, j) => {
        // grid of k + 2 bins with df = 1/64 (1/df an integer: TaylorF2's epoch phase is a whole number of cycles)
        const w = model.generate(uniformGridN(1 / 64, k + 2), { ...params, fMaxHz: (k + 1.5) / 64 });
        for (const key of ['hp', 'hc'] as const) { ref[key][2 * j] = w[key][2 * k]; ref[key][2 * j + 1] = w[key][2 * k + 1]; }
      });
      expect(relativeDifference(at, ref)).toBeLessThan(1e-12); // achieved 1e-14
    });

    it(`${model.name}: generateAtInto writes generateAt's values bitwise, with or without hx, and zero outside [f_min, f_end)`, () => {
      const params = cases(model)[0];
      const fEnd = model.supportEndHz(params);
      const freqs = Float64Array.from([10, 14.99, 15.5, 40.123, 300.7, fEnd * 0.999, fEnd * 1.001, 2000]);
      const at = model.generateAt(freqs, params);
      const hp = new Float64Array(2 * freqs.length).fill(7);
      const hc = new Float64Array(2 * freqs.length).fill(7);
      model.generateAtInto(freqs, params, { hp, hc });
      const hpOnly = new Float64Array(2 * freqs.length).fill(7);
      model.generateAtInto(freqs, params, { hp: hpOnly });
      expect(Array.from(hp)).toEqual(Array.from(at.hp));
      expect(Array.from(hc)).toEqual(Array.from(at.hc));
      expect(Array.from(hpOnly)).toEqual(Array.from(at.hp));
      const nonZero = Array.from(freqs, (_, j) => at.hp[2 * j] !== 0 || at.hp[2 * j + 1] !== 0);
      const inSupport = Array.from(freqs, (f) => f >= 15 && f <= fEnd * (model.name === 'TaylorF2' ? 1 : 0.9999));
      expect(nonZero).toEqual(inSupport);
    });
  }

  it('a model without generateAt is reported by name when a frequency list is required', () => {
    const uniformOnly: WaveformModel = { name: 'UniformOnly', precessing: false, only22: true, generate: getModel('TaylorF2').generate };
    expect(hasFrequencyList(uniformOnly)).toBe(false);
    expect(() => requireFrequencyList(uniformOnly, '--metric-grid quadrature')).toThrow(/approximant = "UniformOnly": --metric-grid quadrature needs .*generateAt/);
    const model: FrequencyListModel = requireFrequencyList(getModel('IMRPhenomD'), 'test');
    expect(model.name).toBe('IMRPhenomD');
  });
});
