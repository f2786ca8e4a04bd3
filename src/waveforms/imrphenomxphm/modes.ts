/**
 * The co-precessing modes h_{l,-m'}(f > 0) of IMRPhenomXPHM: the IMRPhenomXHM modes (reused from
 * ../imrphenomxhm, set up on the IMRPhenomXAS system with the precessing final spin) on the fine grid, as
 * LAL's IMRPhenomXPHM_hplushcross obtains them mode by mode: with ThresholdMband > 0 from
 * IMRPhenomXHMMultiBandOneMode (the (3,2) from IMRPhenomXHMMultiBandOneModeMixing with the multibanded 22),
 * with ThresholdMband = 0 from IMRPhenomXASGenerateFD (22) and IMRPhenomXHMGenerateFDOneMode (the (3,2)
 * ringdown mixing the 22's ringdown ansatz). Also the coarse grid of each mode that the angles use.
 */
import { fillPhenomX } from '../imrphenomx/fill.js';
import { dfCoefficient, type MultibandFrame, type Scratch } from '../imrphenomxhm/multiband-core.js';
import { coarseFrequencies, dfMergerBin, dfRingdownBin, type CoarseFrequencies } from '../imrphenomxhm/multiband-grid.js';
import { multibandMixing } from '../imrphenomxhm/multiband-mixing.js';
import { h22Ringdown, modeSpacings, multiband22, multibandMode } from '../imrphenomxhm/multiband.js';
import { modeAmpPhase } from '../imrphenomxhm/mode-value.js';
import { newPowers, powersInto } from '../imrphenomxhm/powers.js';
import type { HMModeSetup, PhenomXHMSetup } from '../imrphenomxhm/setup.js';

/** The XAS kernel's 22 factor (h+ = plus YLM h22): plus = 1/YLM gives h22 itself. */
const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));

/** The co-precessing modes in LAL's order of twisting: (l, m', 10 l + m'). */
export const XPHM_MODES: readonly (readonly [number, number, number])[] = [[2, 1, 21], [2, 2, 22], [3, 2, 32], [3, 3, 33], [4, 4, 44]];

/** The XHM set-up of mode `tag` (not the 22). */
export function hmMode(st: PhenomXHMSetup, tag: number): HMModeSetup {
  return st.modes.find((x) => x.mode.tag === tag) as HMModeSetup;
}

/** True when the mode vanishes (odd m' for equal masses and equal aligned spins). */
export function modeIsZero(st: PhenomXHMSetup, tag: number): boolean {
  return tag !== 22 && hmMode(st, tag).amp === null;
}

/**
 * Multibanded modes (ThresholdMband > 0) into the scratch slot of each tag (bins fr.offset .. fr.iStop - 1,
 * interleaved; other bins zero); returns the arrays by tag.
 */
export function multibandModes(st: PhenomXHMSetup, fr: MultibandFrame, scratch: Scratch): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  const h22 = scratch.get('mode22', 2 * fr.iStop, true);
  multiband22(st, fr, h22, scratch);
  out.set(22, h22);
  const p = newPowers();
  const w22 = new Float64Array(2);
  for (const [, , tag] of XPHM_MODES) {
    if (tag === 22 || modeIsZero(st, tag)) continue;
    const m = hmMode(st, tag);
    const h = scratch.get(`mode${tag}`, 2 * fr.iStop, true);
    if (m.mode.mixing) {
      const ampNorm = (m.amp as NonNullable<HMModeSetup['amp']>).ampNorm;
      multibandMixing(st, m, fr, (f, o) => {
        h22Ringdown(st, ampNorm, powersInto(p, f), w22);
        modeAmpPhase(m, p, w22[0], w22[1], o);
      }, h22, h, scratch);
    } else {
      multibandMode(st, m, fr, (f, o) => modeAmpPhase(m, powersInto(p, f), 0, 0, o), h, scratch);
    }
    out.set(tag, h);
  }
  return out;
}

/**
 * Modes without multibanding at freqs[k], k in [start, stop), where fLoHz <= f and M f <= M fHiHz (other bins
 * zero): the 22 from the IMRPhenomXAS kernel, the others (-1)^l (M^2/d) A_lm e^{i phi_lm} per bin.
 */
export function exactModes(
  st: PhenomXHMSetup, freqs: Float64Array, start: number, stop: number, fLoHz: number, fHiHz: number, scratch: Scratch,
): Map<number, Float64Array> {
  const n = freqs.length;
  const out = new Map<number, Float64Array>();
  const h22 = scratch.get('mode22', 2 * n, true);
  fillPhenomX(st.xas, freqs, start, stop, fLoHz, fHiHz, { plus: 1 / YLM, cross: 0 }, h22, null, start, stop);
  out.set(22, h22);
  const mSec = st.xas.system.mSec;
  const mfHi = fHiHz * mSec;
  const p = newPowers();
  const w22 = new Float64Array(2);
  const o = new Float64Array(2);
  for (const [l, , tag] of XPHM_MODES) {
    if (tag === 22 || modeIsZero(st, tag)) continue;
    const m = hmMode(st, tag);
    const h = scratch.get(`mode${tag}`, 2 * n, true);
    const scale = (l % 2 === 0 ? 1 : -1) * st.amp0;
    const ampNorm = (m.amp as NonNullable<HMModeSetup['amp']>).ampNorm;
    for (let k = start; k < stop; k++) {
      const mf = mSec * freqs[k];
      if (!(freqs[k] >= fLoHz && mf <= mfHi)) continue;
      powersInto(p, mf);
      if (m.mode.mixing) h22Ringdown(st, ampNorm, p, w22);
      modeAmpPhase(m, p, w22[0], w22[1], o);
      const a = scale * o[0];
      h[2 * k] = a * Math.cos(o[1]);
      h[2 * k + 1] = a * Math.sin(o[1]);
    }
    out.set(tag, h);
  }
  return out;
}

/**
 * The coarse grid of mode `tag` with the angles' threshold (LAL's XLALSimIMRPhenomXPHMMultibandingGrid): the
 * mode's inspiral spacing, MECO and Lorentzian end, and merger / ringdown spacings.
 */
export function angleGrid(st: PhenomXHMSetup, tag: number, fr: MultibandFrame, threshold: number): CoarseFrequencies {
  const s = st.xas.system;
  const emm = tag % 10;
  let mfMECO: number;
  let mfEnd: number;
  let dfm: number;
  let dfr: number;
  if (tag === 22) {
    const alpha4 = st.xas.phase.cL / s.fDamp / s.eta;
    mfMECO = s.fMECO;
    mfEnd = s.fRing + 2 * s.fDamp;
    dfm = dfMergerBin(s.fDamp, alpha4, threshold);
    dfr = dfRingdownBin(s.fDamp, alpha4, st.xas.amp.gamma2 / (st.xas.amp.gamma3 * s.fDamp), threshold);
  } else {
    const m = hmMode(st, tag);
    mfMECO = m.mode.fMECOlm;
    mfEnd = m.mode.fRing + 2 * m.mode.fDamp;
    [dfm, dfr] = modeSpacings(m, threshold);
  }
  return coarseFrequencies(fr.mfMin, mfMECO, mfEnd, fr.mfMax, fr.evaldMf, 11 / 6, dfCoefficient(emm, threshold, s.eta), dfm, dfr);
}
