/**
 * The multibanded (3,2) of IMRPhenomXHM (LAL's IMRPhenomXHMMultiBandOneModeMixing): the coarse grid is split at
 * the start of the ringdown into a spherical part (inspiral and intermediate of the (3,2), plus its directly
 * mixed ringdown up to the amplitude cut) and a spheroidal part (the spheroidal ringdown amplitude and phase);
 * each is carried to the fine grid as in multiband.ts, the spheroidal one is rotated into the spherical (3,2)
 * with the multibanded 22 and the linear phase C1RD f + CRD + deltaphiLM (itself carried by its own factor),
 * and below the amplitude and phase cuts the result takes the spherical amplitude or the exact phase.
 */
import type { HMAmpCoefficients } from './amplitude.js';
import { fineLoop, interpolate, roundTrip, trimmed, dfCoefficient, type MultibandFrame, type Scratch } from './multiband-core.js';
import { coarseFrequencies } from './multiband-grid.js';
import { modeSpacings } from './multiband.js';
import { intermediatePhase, type HMPhaseCoefficients } from './phase.js';
import { newPowers, powersInto } from './powers.js';
import { ringdownAmp } from './amplitude.js';
import type { HMModeSetup, PhenomXHMSetup } from './setup.js';
import { spheroidalPhase, type SpheroidalPhase } from './spheroidal.js';

/** Fills amp (A_32/amp0) and phase (phi_32, directly mixed ringdown) at the coarse frequencies mfs. */
export type CoarseValues = (mfs: Float64Array, amp: Float64Array, phase: Float64Array) => void;

/**
 * The (3,2) multibanded into h (bins offset .. iStop - 1), from `coarse` on the spherical coarse list,
 * `ampPhase(f, out)` (A_32/amp0 and phi_32 at one frequency, for fine bins between the amplitude and phase cuts)
 * and the multibanded 22 in h22 (same layout).
 */
export function multibandMixing(
  st: PhenomXHMSetup, m: HMModeSetup, fr: MultibandFrame, ampPhase: (f: number, out: Float64Array) => void, h22: Float64Array, h: Float64Array,
  scratch: Scratch, coarse: CoarseValues,
): void {
  const amp = m.amp as HMAmpCoefficients;
  const ph = m.phase as HMPhaseCoefficients;
  const sp = m.spheroidal as SpheroidalPhase;
  const mode = m.mode;
  const mSec = st.xas.system.mSec;
  const [dfm, dfr] = modeSpacings(m, fr.threshold);
  const cf = coarseFrequencies(fr.mfMin, mode.fMECOlm, mode.fRing + 2 * mode.fDamp, fr.mfMax, fr.evaldMf, 11 / 6,
    dfCoefficient(mode.emm, fr.threshold, st.xas.system.eta), dfm, dfr);
  const pts = cf.points;
  const n = pts.length;
  let cutMin = ph.fRD < amp.fInt ? ph.fRD : amp.fInt;
  const cutMax = ph.fRD < amp.fInt ? amp.fInt : ph.fRD;
  // ---- split the coarse points into spherical (S) and spheroidal (SS) lists, as LAL does
  const bufS = scratch.get('mix.xS', n + 1);
  const bufSS = scratch.get('mix.xSS', n + 1);
  let lenS = 0;
  let lenSS = 0;
  let enter = 0;
  for (let idx = 0; idx < n; idx++) {
    const ff = pts[idx];
    if (ff > cutMin) {
      if (lenSS < 1 && lenS > 0) {
        bufSS[lenSS++] = bufS[lenS - 1];
        if (idx === n - 1) bufS[lenS++] = ff;
      }
      bufSS[lenSS++] = ff;
      if (idx < n - 1 && pts[idx + 1] < cutMax) bufS[lenS++] = ff;
      if (idx < n - 1 && pts[idx + 1] > cutMax && enter < 2) {
        bufS[lenS++] = ff;
        enter++;
      }
    } else {
      bufS[lenS++] = ff;
    }
  }
  const xS = bufS.subarray(0, lenS);
  const xSS = bufSS.subarray(0, lenSS);
  const out = scratch.get('mix.out', 2);
  const pw = newPowers();
  const ampS = scratch.get('mix.ampS', lenS);
  const phS = scratch.get('mix.phS', lenS);
  if (lenS > 1) {
    const mfs = roundTrip(xS, mSec, scratch.get('coarse.mf', lenS));
    coarse(mfs, ampS, phS);
    let enterRD = true;
    for (let i = 0; i < lenS; i++) {
      const mf = mfs[i];
      ampS[i] *= st.amp0;
      if (mf > ph.fRD && i > 0 && enterRD) {
        phS[i] = intermediatePhase(ph, powersInto(pw, mf), true) + ph.deltaphiLM;
        enterRD = false;
      }
    }
  }
  const ampSS = scratch.get('mix.ampSS', lenSS);
  const phSS = scratch.get('mix.phSS', lenSS);
  if (lenSS > 1) {
    const mfs = roundTrip(xSS, mSec, scratch.get('coarse.mf', lenSS));
    for (let i = 0; i < lenSS; i++) {
      const p = powersInto(pw, mfs[i]);
      ampSS[i] = ringdownAmp(amp, mfs[i]);
      phSS[i] = spheroidalPhase(sp, mfs[i], p.mOne, p.mThree);
    }
  }
  // ---- fine grid: spherical slots, then spheroidal ones with the carried linear phase
  const lenRD = Math.max(1, Math.round((fr.mfMax - cutMin) / fr.evaldMf) + 3);
  const linRe = scratch.get('mix.linRe', lenRD + 1);
  const linIm = scratch.get('mix.linIm', lenRD + 1);
  let rdCutMin = 0;
  let rdCutMax = 0;
  let coarsecount = 0;
  let rdStarted = false;
  let q32Re = 0;
  let q32Im = 0;
  let lastStartCount = 0;
  const fg = fineLoop(cf, fr, scratch, (j, po) => {
    const mfHere = pts[j];
    if (mfHere > cutMin && lenSS > 1) {
      if (!rdStarted) {
        rdStarted = true;
        cutMin = mfHere;
        rdCutMin = lastStartCount;
        const a0 = ph.C1RD * mfHere + ph.CRD + ph.deltaphiLM;
        linRe[0] = Math.cos(a0);
        linIm[0] = Math.sin(a0);
        q32Re = Math.cos(fr.evaldMf * ph.C1RD);
        q32Im = Math.sin(fr.evaldMf * ph.C1RD);
        if (lenS <= 1) coarsecount++;
      }
      const jdx = j - coarsecount + 1;
      const omega = jdx < lenSS - 1 ? (phSS[jdx + 1] - phSS[jdx]) / (pts[j + 1] - pts[j]) : (phSS[jdx] - phSS[jdx - 1]) / (pts[j] - pts[j - 1]);
      if (mfHere > cutMax && rdCutMax < 1) rdCutMax = lastStartCount;
      po[0] = phSS[jdx];
      po[1] = omega;
      return;
    }
    po[0] = phS[j];
    po[1] = j < lenS - 1 ? (phS[j + 1] - phS[j]) / (pts[j + 1] - pts[j]) : (phS[j] - phS[j - 1]) / (pts[j] - pts[j - 1]);
    coarsecount++;
  }, (_j, count) => { lastStartCount = count; });
  // the linear factor runs over the spheroidal fine bins
  let count = fg.count;
  if (rdStarted) {
    for (let c = rdCutMin; c < count; c++) {
      const k = c - rdCutMin;
      if (k + 1 >= linRe.length) break;
      linRe[k + 1] = q32Re * linRe[k] - q32Im * linIm[k];
      linIm[k + 1] = q32Re * linIm[k] + q32Im * linRe[k];
    }
  }
  if (rdCutMin === 0) rdCutMin = count;
  if (lenS <= 1) rdCutMin = 0;
  if (rdCutMax === 0) rdCutMax = count;
  const fineAmp = scratch.get('fine.amp', Math.max(count, 1));
  const fineAmpSS = scratch.get('mix.fineAmpSS', Math.max(count - rdCutMin, 1));
  if (lenS > 1) interpolate(xS, ampS, fg.freqs, 0, rdCutMax, fineAmp);
  if (lenSS > 1) interpolate(xSS, ampSS, fg.freqs, rdCutMin, count - rdCutMin, fineAmpSS);
  // ---- assemble
  while (fg.freqs[count - 1] > fr.mfMax) {
    count--;
    if (rdCutMin > count) rdCutMin = count;
    if (rdCutMax > count) rdCutMax = count;
  }
  count = Math.min(count, trimmed({ ...fg, count }, fr));
  const off = fr.offset;
  for (let idx = count - 1; idx < fr.iStop - off; idx++) {
    h[2 * (idx + off)] = 0;
    h[2 * (idx + off) + 1] = 0;
  }
  for (let idx = 0; idx < rdCutMin; idx++) {
    h[2 * (idx + off)] = -fineAmp[idx] * fg.expRe[idx];
    h[2 * (idx + off) + 1] = -fineAmp[idx] * fg.expIm[idx];
  }
  const { mix2Re, mix2Im, mix3Re, mix3Im } = sp;
  for (let idx = rdCutMin; idx < count; idx++) {
    const mf = fg.freqs[idx];
    const w22Re = h22[2 * (idx + off)];
    const w22Im = h22[2 * (idx + off) + 1];
    const amplm = fineAmpSS[idx - rdCutMin] * st.amp0;
    const aRe = mix3Re * amplm;
    const aIm = mix3Im * amplm;
    const eRe = fg.expRe[idx];
    const eIm = fg.expIm[idx];
    const sRe0 = mix2Re * w22Re - mix2Im * w22Im + (aRe * eRe - aIm * eIm);
    const sIm0 = mix2Re * w22Im + mix2Im * w22Re + (aRe * eIm + aIm * eRe);
    const lRe = linRe[idx - rdCutMin];
    const lIm = linIm[idx - rdCutMin];
    let sRe = sRe0 * lRe - sIm0 * lIm;
    let sIm = sRe0 * lIm + sIm0 * lRe;
    if (mf < amp.fInt) {
      const abs = Math.sqrt(sRe * sRe + sIm * sIm);
      sRe = (sRe / abs) * fineAmp[idx];
      sIm = (sIm / abs) * fineAmp[idx];
    } else if (mf < ph.fRD) {
      ampPhase(mf, out);
      const abs = Math.sqrt(sRe * sRe + sIm * sIm);
      sRe = abs * Math.cos(out[1]);
      sIm = abs * Math.sin(out[1]);
    }
    h[2 * (idx + off)] = -sRe;
    h[2 * (idx + off) + 1] = -sIm;
  }
}
