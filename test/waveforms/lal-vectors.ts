/**
 * The LALSimulation reference waveforms of test/fixtures (see their README in the shared test
 * vectors): loading, parameters in our names, full-grid arrays, and the comparison every model's
 * test applies (max_k |h_k - h_k^LAL| / max_k |h_k^LAL| and the bins zero in only one of the two).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uniformGridN, type FrequencyGrid } from '../../src/core/grid.js';
import { getModel } from '../../src/waveforms/registry.js';
import type { Polarizations, WaveformModel, WaveformParams } from '../../src/waveforms/types.js';

/** One stored LAL case: only bins k_start .. k_start + len - 1 are non-zero. */
export interface LalCase {
  id: string;
  approximant: string;
  params: Record<string, number>;
  /** Extra LALDict entries LAL was called with ({} or absent: LAL defaults). */
  lal_dict?: Record<string, number>;
  n: number;
  k_start: number;
  hp_re: number[]; hp_im: number[]; hc_re: number[]; hc_im: number[];
}

/** The cases of `approximant` in test/fixtures/<file>. */
export function lalCases(file: string, approximant: string): LalCase[] {
  const fixture = JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as { cases: LalCase[] };
  return fixture.cases.filter((c) => c.approximant === approximant);
}

/** A case's parameters in WaveformParams names and units. */
export function paramsOf(c: LalCase): WaveformParams {
  const p = c.params;
  return {
    m1: p.m1, m2: p.m2, s1x: p.s1x, s1y: p.s1y, s1z: p.s1z, s2x: p.s2x, s2y: p.s2y, s2z: p.s2z,
    distanceMpc: p.distance_mpc, inclination: p.inclination, phiRef: p.phi_ref,
    fMinHz: p.f_min, fMaxHz: p.f_max, fRefHz: p.f_ref,
    ...(p.eccentricity !== undefined ? { eccentricity: p.eccentricity } : {}),
    ...(p.long_asc_nodes !== undefined ? { longAscNodes: p.long_asc_nodes } : {}),
    ...(c.lal_dict?.ThresholdMband !== undefined ? { thresholdMband: c.lal_dict.ThresholdMband } : {}),
  };
}

/** LAL's h+ or hx on the full grid k = 0 .. n-1 (interleaved complex, zero outside the stored band). */
export function lalSeries(c: LalCase, which: 'hp' | 'hc'): Float64Array {
  const out = new Float64Array(2 * c.n);
  const re = c[`${which}_re`];
  const im = c[`${which}_im`];
  for (let j = 0; j < re.length; j++) {
    out[2 * (c.k_start + j)] = re[j];
    out[2 * (c.k_start + j) + 1] = im[j];
  }
  return out;
}

/** max_k |a_k - b_k| / max_k |b_k| and the number of bins where exactly one of a, b is zero. */
export function compare(a: Float64Array, b: Float64Array): { rel: number; zeroMismatch: number } {
  let diff = 0;
  let scale = 0;
  let zeroMismatch = 0;
  for (let k = 0; k < b.length / 2; k++) {
    diff = Math.max(diff, Math.hypot(a[2 * k] - b[2 * k], a[2 * k + 1] - b[2 * k + 1]));
    scale = Math.max(scale, Math.hypot(b[2 * k], b[2 * k + 1]));
    const za = a[2 * k] === 0 && a[2 * k + 1] === 0;
    const zb = b[2 * k] === 0 && b[2 * k + 1] === 0;
    if (za !== zb) zeroMismatch++;
  }
  return { rel: diff / scale, zeroMismatch };
}

/** Number of entries where a and b differ (0: bit-identical arrays of equal length). */
export function differing(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) n++;
  return n;
}

/**
 * Largest max|h - h_LAL| / max|h_LAL| each model's test accepts: about 100x the worst case achieved
 * (so that a fit coefficient changed by 1 part in 1e6, which moves IMRPhenomD by ~4e-7, fails).
 */
export const LAL_TOLERANCE: Readonly<Record<string, number>> = {
  IMRPhenomD: 1e-10, // achieved 6.6e-13 (IMRPhenomD_4_12_m1_lt_m2)
  IMRPhenomXAS: 2e-10, // achieved 2.0e-12 (IMRPhenomXAS_50_5)
  IMRPhenomPv2: 5e-11, // achieved 5.0e-13 (IMRPhenomPv2_12_4)
  EccentricFD: 2e-9, // achieved 2.2e-11 (EccentricFD_BNS_1.4_1.3_e0.1)
  IMRPhenomXP: 5e-11, // achieved 4.3e-13 (IMRPhenomXP_20_8)
  IMRPhenomXHM: 1e-6, // achieved 5.9e-7 (IMRPhenomXHM_40_8; multibanding-limited, cannot be 100x)
  // achieved 3.3e-6 (IMRPhenomXPHM_30_20_fref0), 8.9e-7, 4.2e-7: each a pure phase error of the (3,2) mode (4e-4 - 6e-4 rad),
  // LAL's finite-difference (3,2) ringdown curvature (see IMRPhenomXHM); every other mode agrees to ~1e-10
  IMRPhenomXPHM: 1e-5,
};

/**
 * The tests every frequency-domain model owes the LAL vectors: the fixture holds `count` cases of
 * `model`, each reproduced (h+ and hx) to LAL_TOLERANCE of max|h| with zeros exactly where LAL has them, and
 * the model is registered under its LAL name with the stated precession / 22-only flags.
 */
export function lalAgreementSuite(
  fixture: string, model: WaveformModel, count: number, generate: (grid: FrequencyGrid, p: WaveformParams) => Polarizations,
  flags: { precessing: boolean; only22: boolean },
): void {
  const cases = lalCases(fixture, model.name);
  const tolerance = LAL_TOLERANCE[model.name];
  describe(`${model.name} against LALSimulation`, () => {
    it(`has all ${count} ${model.name} reference cases in the fixture`, () => {
      expect(cases.length).toBe(count);
    });

    it.each(cases.map((c) => [c.id, c] as const))(`%s: h+ and hx agree with LAL to ${tolerance} of max|h| and are zero exactly where LAL is`, (_id, c) => {
      expect(tolerance, `LAL_TOLERANCE has no entry for ${model.name}`).toBeGreaterThan(0);
      const { hp, hc } = generate(uniformGridN(c.params.delta_f, c.n), paramsOf(c));
      for (const [mine, ref] of [[hp, lalSeries(c, 'hp')], [hc, lalSeries(c, 'hc')]] as const) {
        const { rel, zeroMismatch } = compare(mine, ref);
        expect(rel).toBeLessThanOrEqual(tolerance);
        expect(zeroMismatch).toBe(0);
      }
    });

    it(`is registered under its LAL name as ${flags.precessing ? 'a precessing' : 'an aligned-spin'} model that is ${flags.only22 ? '' : 'not '}22-only`, () => {
      expect(getModel(model.name)).toBe(model);
      expect(model.precessing).toBe(flags.precessing);
      expect(model.only22).toBe(flags.only22);
    });
  });
}

/** Aligned-spin parameters the IMRPhenomD and IMRPhenomXAS convention tests start from. */
export const ALIGNED_BASE: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
  distanceMpc: 400, inclination: 0.9, phiRef: 2, fMinHz: 15, fMaxHz: 1024, fRefHz: 30,
};

/**
 * Two conventions every precessing model keeps (call inside a describe): swapping the bodies (mass and whole
 * spin vector) and f_ref = 0 versus f_ref = f_min give bit-identical waveforms.
 */
export function swapAndFrefConventions(generate: (grid: FrequencyGrid, p: WaveformParams) => Polarizations, base: WaveformParams, grid: FrequencyGrid): void {
  it('gives the bit-identical waveform when the bodies (mass and whole spin vector) are swapped', () => {
    const a = generate(grid, base);
    const b = generate(grid, {
      ...base, m1: base.m2, m2: base.m1, s1x: base.s2x, s1y: base.s2y, s1z: base.s2z, s2x: base.s1x, s2y: base.s1y, s2z: base.s1z,
    });
    expect(differing(b.hp, a.hp)).toBe(0);
    expect(differing(b.hc, a.hc)).toBe(0);
  });

  it('treats f_ref = 0 exactly as f_ref = f_min', () => {
    const a = generate(grid, { ...base, fRefHz: 0 });
    const b = generate(grid, { ...base, fRefHz: base.fMinHz });
    expect(differing(a.hp, b.hp)).toBe(0);
    expect(differing(a.hc, b.hc)).toBe(0);
  });
}
