/**
 * IMRPhenomXHM with multibanding (arXiv:2001.10897; LAL's IMRPhenomXHMMultiBandOneMode and
 * IMRPhenomXHMMultiBandOneModeMixing, the default ThresholdMband = 1e-3): each mode's amplitude and phase are
 * evaluated on the coarse grid of multiband-grid.ts; on the fine uniform grid the phase factor is carried by
 * exp(i phi) <- exp(i phi) exp(i dMf Omega) with the coarse slope Omega (eq. 2.32) and the amplitude is
 * interpolated linearly. The (3,2) does this separately for its spherical part (inspiral, intermediate) and its
 * spheroidal ringdown, which it then mixes with the multibanded 22. LAL's quirks are kept: the last fine bin of
 * every mode but the (3,2) is set to zero, and the first coarse phase past the (3,2) ringdown start is the
 * intermediate one.
 */
import { ampPhenomX, ampRingdown, type PhenomXAmpCoefficients } from '../imrphenomx/amplitude.js';
import { phasePhenomX } from '../imrphenomx/phase.js';
import type { HMAmpCoefficients } from './amplitude.js';
import type { HMModeSetup, PhenomXHMSetup } from './setup.js';
import { dfCoefficient, fineLength, fineLoop, roundTrip, trimmed, type MultibandFrame, type Scratch } from './multiband-core.js';
import { coarseFrequencies, dfMergerBin, dfRingdownBin } from './multiband-grid.js';
import type { HMPhaseCoefficients } from './phase.js';
import type { Powers } from './powers.js';
import type { SpheroidalPhase } from './spheroidal.js';
import { modeValuesAt } from './mode-block.js';
import type { BlockPowers } from './mode-kernel.js';

/**
 * One mode without mixing (the 22 included) on the fine grid, written to h (interleaved complex, bins
 * offset .. iStop - 1 overwritten) or added to a ModeSum: (-1)^l A(f) exp(i phi(f)) from coarse A (strain) and phi (evalAll writes both
 * at all the coarse frequencies).
 */
export function multibandSimpleMode(
  fr: MultibandFrame, mSec: number, emm: number, ell: number, eta: number, mfMECO: number, mfLorentzianEnd: number,
  dfmerger: number, dfringdown: number, evalAll: (mfs: Float64Array, amp: Float64Array, ph: Float64Array) => void, h: Float64Array | ModeSum, scratch: Scratch,
): void {
  const cf = coarseFrequencies(fr.mfMin, mfMECO, mfLorentzianEnd, fr.mfMax, fr.evaldMf, 11 / 6, dfCoefficient(emm, fr.threshold, eta), dfmerger, dfringdown);
  const pts = cf.points;
  const mfs = roundTrip(pts, mSec, scratch.get('coarse.mf', pts.length));
  const amp = scratch.get('coarse.amp', mfs.length);
  const ph = scratch.get('coarse.ph', mfs.length);
  evalAll(mfs, amp, ph);
  const fineAmp = scratch.get('fine.amp', fineLength(cf));
  const fg = fineLoop(cf, fr, scratch, (j, po) => {
    po[0] = ph[j];
    po[1] = (ph[j + 1] - ph[j]) / (pts[j + 1] - pts[j]);
  }, null, amp, fineAmp);
  const count = trimmed(fg, fr);
  const sign = ell % 2 === 0 ? 1 : -1;
  if (!(h instanceof Float64Array)) {
    addFine(h, sign, fineAmp, fg.expRe, fg.expIm, count - 1, fr.offset);
    return;
  }
  for (let idx = 0; idx < count; idx++) {
    const a = sign * fineAmp[idx];
    h[2 * (idx + fr.offset)] = a * fg.expRe[idx];
    h[2 * (idx + fr.offset) + 1] = a * fg.expIm[idx];
  }
  for (let idx = count - 1; idx < fr.iStop - fr.offset; idx++) {
    h[2 * (idx + fr.offset)] = 0;
    h[2 * (idx + fr.offset) + 1] = 0;
  }
}

/** Where a mode is added instead of written: sums h+ and hx (interleaved) and the mode's factors (spin-weighted-ylm.ts's modeFactors). */
export interface ModeSum {
  hp: Float64Array;
  hc: Float64Array | null;
  factors: readonly [number, number, number, number];
}

/** Add a exp(i phi) (a = sign fineAmp) of fine bins idx < count to bins offset + idx of the sums with the mode's factors. */
function addFine(sum: ModeSum, sign: number, fineAmp: Float64Array, expRe: Float64Array, expIm: Float64Array, count: number, offset: number): void {
  const [pRe, pIm, cRe, cIm] = sum.factors;
  const { hp, hc } = sum;
  for (let idx = 0; idx < count; idx++) {
    const a = sign * fineAmp[idx];
    const re = a * expRe[idx];
    const im = a * expIm[idx];
    const k = idx + offset;
    hp[2 * k] += pRe * re - pIm * im;
    hp[2 * k + 1] += pRe * im + pIm * re;
    if (hc !== null) {
      hc[2 * k] += cRe * re - cIm * im;
      hc[2 * k + 1] += cRe * im + cIm * re;
    }
  }
}

/** a(f) f^{-7/6} of the 22 (amplitude.ts's regions; the intermediate's f^{7/6} cancels, the others get f^{-7/6} from cbrt and sqrt). */
function amp22OverF76(c: PhenomXAmpCoefficients, f: number): number {
  if (f < c.fInsEnd || f > c.fPeak) return ampPhenomX(c, f) / (f * Math.sqrt(Math.cbrt(f)));
  return 1 / (c.d0 + f * (c.d1 + f * (c.d2 + f * (c.d3 + f * c.d4))));
}

/** The multibanded 22 (LAL's IMRPhenomXHMMultiBandOneMode with l = m = 2 on IMRPhenomXAS). */
export function multiband22(st: PhenomXHMSetup, fr: MultibandFrame, h: Float64Array, scratch: Scratch): void {
  const x = st.xas;
  const s = x.system;
  const eta = s.eta;
  const alpha4 = x.phase.cL / s.fDamp / eta;
  const dfm = dfMergerBin(s.fDamp, alpha4, fr.threshold);
  const dfr = dfRingdownBin(s.fDamp, alpha4, x.amp.gamma2 / (x.amp.gamma3 * s.fDamp), fr.threshold);
  multibandSimpleMode(fr, s.mSec, 2, 2, eta, s.fMECO, s.fRing + 2 * s.fDamp, dfm, dfr,
    (mfs, amp, ph) => {
      for (let i = 0; i < mfs.length; i++) {
        const mf = mfs[i];
        amp[i] = s.amp0 * amp22OverF76(x.amp, mf);
        ph[i] = (1 / eta) * phasePhenomX(x.phase, mf) + x.tShift * mf + x.phiOffset;
      }
    }, h, scratch);
}

/**
 * h22/amp0 at f (LAL's powers p of f) from the 22's ringdown amplitude and full phase (what LAL's
 * SpheroidalToSpherical mixes in), written to out[0], out[1].
 */
export function h22Ringdown(st: PhenomXHMSetup, ampNorm: number, p: Powers, out: Float64Array): void {
  const x = st.xas;
  const f = p.itself;
  const a = ampRingdown(x.amp, f) * ampNorm * p.mSevenSixths;
  const phi = (1 / x.system.eta) * phasePhenomX(x.phase, f) + x.tShift * f + x.phiOffset;
  out[0] = a * Math.cos(phi);
  out[1] = a * Math.sin(phi);
}

/** Merger and ringdown coarse spacings of a higher mode (LAL's deltaF_MergerRingdown). */
export function modeSpacings(m: HMModeSetup, threshold: number): [number, number] {
  const amp = m.amp as HMAmpCoefficients;
  const alpha4 = m.mode.mixing ? (m.spheroidal as SpheroidalPhase).aL : (m.phase as HMPhaseCoefficients).alphaL;
  const lambda = amp.rd1 / (amp.rd2 * m.mode.fDamp);
  return [dfMergerBin(m.mode.fDamp, alpha4, threshold), dfRingdownBin(m.mode.fDamp, alpha4, lambda, threshold)];
}

/**
 * A higher mode without mixing, multibanded into h; its coarse amplitude and phase from the fused kernel
 * (mode-block.ts's modeValuesAt with the mode's constants K of packMode).
 */
export function multibandMode(st: PhenomXHMSetup, m: HMModeSetup, fr: MultibandFrame, K: Float64Array, h: Float64Array | ModeSum, scratch: Scratch, bw: BlockPowers): void {
  const [dfm, dfr] = modeSpacings(m, fr.threshold);
  multibandSimpleMode(fr, st.xas.system.mSec, m.mode.emm, m.mode.ell, st.xas.system.eta, m.mode.fMECOlm, m.mode.fRing + 2 * m.mode.fDamp, dfm, dfr,
    (mfs, amp, ph) => {
      modeValuesAt(K, mfs, mfs.length, null, amp, ph, bw);
      for (let i = 0; i < mfs.length; i++) amp[i] *= st.amp0;
    }, h, scratch);
}
