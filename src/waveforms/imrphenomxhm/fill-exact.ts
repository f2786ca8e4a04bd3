/**
 * IMRPhenomXHM without multibanding (LAL's IMRPhenomXHM_MultiMode2): the 22 from IMRPhenomXAS's kernel written
 * straight into h+ and hx with its inclination factors, then, bin by bin, LAL's powers of M f computed once and
 * shared by the modes 21, 32, 33, 44, each added with its spin-weighted-harmonic factors. The (3,2) ringdown mixes
 * in the 22 read back from h+ (h22 = h+ / (plus YLM)).
 */
import type { FrequencyGrid } from '../../core/grid.js';
import { fillPhenomX } from '../imrphenomx/fill.js';
import { inclinationFactors } from '../polarizations.js';
import { sinCosTable } from '../../core/sincos.js';
import { modeFactors } from '../spin-weighted-ylm.js';
import type { WaveformParams } from '../types.js';
import { modeAmpPhase } from './mode-value.js';
import { newPowers, powersInto } from './powers.js';
import type { HMModeSetup, PhenomXHMSetup } from './setup.js';

/** The XAS kernel's 22 factor: h+ = plus YLM h22 with YLM = -2 sqrt(5/(64 pi)). */
const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));
/** Order in which LAL adds the higher modes (after the 22). */
const ADD_ORDER = [21, 32, 33, 44];

/** Bins [start, stop) that IMRPhenomXHM fills and the frequency test within them (as IMRPhenomXAS). */
export function xhmBins(grid: FrequencyGrid, fMinHz: number, fEndHz: number): { start: number; stop: number; fLoHz: number } {
  const n = grid.frequencies.length;
  if (grid.df !== undefined) {
    const start = Math.min(Math.floor(fMinHz / grid.df), n);
    return { start, stop: Math.min(Math.floor(fEndHz / grid.df) + 1, n), fLoHz: -Infinity };
  }
  return { start: 0, stop: n, fLoHz: fMinHz };
}

/** Fill bins [kLo, kHi) of h+ (and hx) with the sum of the modes (zero outside the model's bins). */
export function fillExact(st: PhenomXHMSetup, grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const r = xhmBins(grid, params.fMinHz, st.xas.fEndHz);
  const freqs = grid.frequencies;
  const fHi = st.xas.fEndHz;
  const factors = inclinationFactors(params.inclination);
  fillPhenomX(st.xas, freqs, r.start, r.stop, r.fLoHz, fHi, factors, hp, hc, kLo, kHi);
  const k0 = Math.max(kLo, r.start);
  const k1 = Math.min(kHi, r.stop);
  const modes: HMModeSetup[] = [];
  const fac: number[][] = [];
  const amps: number[] = [];
  for (const tag of ADD_ORDER) {
    const m = st.modes.find((x) => x.mode.tag === tag) as HMModeSetup;
    if (m.amp === null) continue;
    modes.push(m);
    fac.push(modeFactors(m.mode.ell, m.mode.emm, params.inclination));
    amps.push((m.mode.ell % 2 === 0 ? 1 : -1) * st.amp0);
  }
  const to22 = 1 / (factors.plus * YLM * st.amp0);
  const mSec = st.xas.system.mSec;
  const p = newPowers();
  const out = new Float64Array(2);
  const cs = new Float64Array(2);
  for (let k = k0; k < k1; k++) {
    const fHz = freqs[k];
    if (!(fHz >= r.fLoHz && fHz <= fHi)) continue;
    powersInto(p, mSec * fHz);
    const re22 = hp[2 * k] * to22;
    const im22 = hp[2 * k + 1] * to22;
    for (let i = 0; i < modes.length; i++) {
      modeAmpPhase(modes[i], p, re22, im22, out);
      const scale = amps[i] * out[0];
      sinCosTable(out[1], cs);
      const re = scale * cs[0];
      const im = scale * cs[1];
      const [pRe, pIm, cRe, cIm] = fac[i];
      hp[2 * k] += pRe * re - pIm * im;
      hp[2 * k + 1] += pRe * im + pIm * re;
      if (hc !== null) {
        hc[2 * k] += cRe * re - cIm * im;
        hc[2 * k + 1] += cRe * im + cIm * re;
      }
    }
  }
}
