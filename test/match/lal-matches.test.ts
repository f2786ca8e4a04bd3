/**
 * The LAL reference matches (test/fixtures/lal-matches.json): h+ of both waveforms from our
 * registered models, the aligo_O3actual_H1 ASD squared and interpolated linearly in PSD,
 * band [20, 1024) Hz at df = 1/16 Hz. Pairs whose approximants are not registered are skipped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uniformGrid } from '../../src/core/grid.js';
import { overlap, sigmaSq } from '../../src/match/inner.js';
import { match } from '../../src/match/match.js';
import { matchRefined } from '../../src/match/refine.js';
import { MatchWorkspace } from '../../src/match/workspace.js';
import { loadPsd } from '../../src/psd/resolve.js';
import { approximantNames, getModel } from '../../src/waveforms/registry.js';
import type { WaveformParams } from '../../src/waveforms/types.js';

interface LalParams {
  m1: number; m2: number; s1x: number; s1y: number; s1z: number; s2x: number; s2y: number; s2z: number;
  distance_mpc: number; inclination: number; phi_ref: number; f_min: number; f_max: number; f_ref: number; delta_f: number;
}
interface Pair {
  id: string; approximant1: string; params1: LalParams; approximant2: string; params2: LalParams;
  match: number; overlap: number; match_index: number; match_refined: number; sigma1: number; sigma2: number;
}
const fx = JSON.parse(readFileSync(new URL('../fixtures/lal-matches.json', import.meta.url), 'utf8')) as {
  f_low: number; f_high: number; delta_f: number; n: number; N_fft: number; psd: string; pairs: Pair[];
};

const grid = uniformGrid(fx.delta_f, fx.f_high);
const known = new Set(approximantNames());
let workspace: MatchWorkspace | undefined;
function ws(): MatchWorkspace {
  workspace ??= new MatchWorkspace({
    psd: loadPsd(fx.psd.replace(/\.txt$/, ''), { asd: true }).onGrid(grid.frequencies),
    df: fx.delta_f, fLowHz: fx.f_low, fHighHz: fx.f_high,
  });
  return workspace;
}

function hplus(approximant: string, p: LalParams): Float64Array {
  const params: WaveformParams = {
    m1: p.m1, m2: p.m2, s1x: p.s1x, s1y: p.s1y, s1z: p.s1z, s2x: p.s2x, s2y: p.s2y, s2z: p.s2z,
    distanceMpc: p.distance_mpc, inclination: p.inclination, phiRef: p.phi_ref,
    fMinHz: p.f_min, fMaxHz: p.f_max, fRefHz: p.f_ref,
  };
  return getModel(approximant).generate(grid, params).hp;
}

describe('matches vs the LAL reference pairs', () => {
  it('uses the reference grid: n and N_fft as in the fixture', () => {
    expect(grid.frequencies.length).toBe(fx.n);
    expect(ws().fftLength).toBe(fx.N_fft);
  });

  for (const pair of fx.pairs) {
    const ready = known.has(pair.approximant1) && known.has(pair.approximant2);
    // achieved 8.7e-14 (far_F2_15_7 overlap) without IMRPhenomXHM; with it 8.7e-7 (near_XHM_40_8_incl sigma),
    // as close as XHM's waveforms are to LAL's (5.9e-7)
    const tol = [pair.approximant1, pair.approximant2].includes('IMRPhenomXHM') ? 2e-6 : 1e-11;
    it.skipIf(!ready)(`${pair.id} (${pair.approximant1} vs ${pair.approximant2}): match, overlap, refined match to ${tol}, sigmas to ${tol} relative`, () => {
      const w = ws();
      const h1 = hplus(pair.approximant1, pair.params1);
      const h2 = hplus(pair.approximant2, pair.params2);
      const r = match(w, h1, h2);
      expect(Math.abs(r.match - pair.match)).toBeLessThan(tol);
      expect(Math.abs(overlap(w, h1, h2) - pair.overlap)).toBeLessThan(tol);
      const j = pair.match_index > fx.N_fft / 2 ? pair.match_index - fx.N_fft : pair.match_index;
      expect(r.timeShift).toBeCloseTo(j * w.dt, 12);
      const rr = matchRefined(w, h1, h2);
      expect(Math.abs(rr.match - pair.match_refined)).toBeLessThan(tol);
      expect(Math.abs(Math.sqrt(sigmaSq(w, h1)) / pair.sigma1 - 1)).toBeLessThan(tol);
      expect(Math.abs(Math.sqrt(sigmaSq(w, h2)) / pair.sigma2 - 1)).toBeLessThan(tol);
    });
  }
});
