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
import { sinCosTable } from '../../core/sincos.js';
import type { HMAmpCoefficients } from '../imrphenomxhm/amplitude.js';
import { modeBlock, modeValuesAt } from '../imrphenomxhm/mode-block.js';
import { BLOCK_SHIFT, MODE_SLOT, blockPowers, newBlockPowers, packMode } from '../imrphenomxhm/mode-kernel.js';
import { modeAmpPhase } from '../imrphenomxhm/mode-value.js';
import type { HMPhaseCoefficients } from '../imrphenomxhm/phase.js';
import { newPowers, powersInto, type Powers } from '../imrphenomxhm/powers.js';
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
 * interleaved; other bins zero), coarse values from the fused kernel as ../imrphenomxhm/fill-multiband.ts does;
 * returns the arrays by tag.
 */
export function multibandModes(st: PhenomXHMSetup, fr: MultibandFrame, scratch: Scratch): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  const h22 = scratch.get('mode22', 2 * fr.iStop, true);
  multiband22(st, fr, h22, scratch);
  out.set(22, h22);
  const p = newPowers();
  const w22 = new Float64Array(2);
  const bw = newBlockPowers();
  for (const [, , tag] of XPHM_MODES) {
    if (tag === 22 || modeIsZero(st, tag)) continue;
    const m = hmMode(st, tag);
    const amp = m.amp as HMAmpCoefficients;
    const h = scratch.get(`mode${tag}`, 2 * fr.iStop, true);
    const K = packMode(m, st.amp0, 0, 1);
    if (m.mode.mixing) {
      const ph = m.phase as HMPhaseCoefficients;
      multibandMixing(st, m, fr, (f, o) => {
        h22Ringdown(st, amp.ampNorm, powersInto(p, f), w22);
        modeAmpPhase(m, p, w22[0], w22[1], o);
      }, h22, h, scratch, (mfs, a, phase) => {
        const mixed = scratch.get('mix.h22', 2 * mfs.length);
        ringdown22(st, amp, ph, mfs, 0, mfs.length, 1, mixed, p, w22);
        modeValuesAt(K, mfs, mfs.length, mixed, a, phase, bw);
      });
    } else {
      multibandMode(st, m, fr, K, h, scratch, bw);
    }
    out.set(tag, h);
  }
  return out;
}

/**
 * h22/amp0 of the 22's ringdown ansatz (LAL's SpheroidalToSpherical) at M f = mSec xs[k], k in [k0, k1), where the
 * (3,2) is spherical (f >= its amplitude or phase cut; 0 elsewhere), into out[2k], out[2k+1].
 */
function ringdown22(
  st: PhenomXHMSetup, amp: HMAmpCoefficients, ph: HMPhaseCoefficients, xs: Float64Array, k0: number, k1: number, mSec: number,
  out: Float64Array, p: Powers, w22: Float64Array,
): void {
  for (let k = k0; k < k1; k++) {
    const mf = mSec * xs[k];
    if (mf >= amp.fInt || mf >= ph.fRD) h22Ringdown(st, amp.ampNorm, powersInto(p, mf), w22);
    else w22.fill(0);
    out[2 * k] = w22[0];
    out[2 * k + 1] = w22[1];
  }
}

/**
 * Modes without multibanding at freqs[k], k in [start, stop), where fLoHz <= f and M f <= M fHiHz (other bins
 * zero): the 22 from the IMRPhenomXAS kernel, the others (-1)^l (M^2/d) A_lm e^{i phi_lm} from the fused kernel
 * of ../imrphenomxhm/mode-kernel.ts, block by block (the (3,2) mixing in the 22's ringdown ansatz).
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
  const bw = newBlockPowers();
  const cs = new Float64Array(2);
  const ampB = new Float64Array(bw.f.length);
  const phaseB = new Float64Array(bw.f.length);
  const p = newPowers();
  const w22 = new Float64Array(2);
  for (const [, , tag] of XPHM_MODES) {
    if (tag === 22 || modeIsZero(st, tag)) continue;
    const m = hmMode(st, tag);
    const h = scratch.get(`mode${tag}`, 2 * n, true);
    const K = packMode(m, st.amp0, 0, 1);
    const scale = K[MODE_SLOT.scale];
    let src = h22;
    if (m.mode.mixing) {
      src = scratch.get('mode22.ringdown', 2 * n, true);
      ringdown22(st, m.amp as HMAmpCoefficients, m.phase as HMPhaseCoefficients, freqs, start, stop, mSec, src, p, w22);
    }
    for (let b0 = start; b0 < stop;) {
      const b1 = Math.min(((b0 >> BLOCK_SHIFT) + 1) << BLOCK_SHIFT, stop);
      blockPowers(bw, freqs, b0, b1, mSec, fLoHz, fHiHz);
      modeBlock(K, bw, b1 - b0, src, b0, 0, 1, ampB, phaseB, 0, cs);
      for (let i = 0; i < b1 - b0; i++) {
        if (bw.state[i] < 0) continue;
        sinCosTable(phaseB[i], cs);
        const a = scale * ampB[i];
        h[2 * (b0 + i)] = a * cs[0];
        h[2 * (b0 + i) + 1] = a * cs[1];
      }
      b0 = b1;
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
