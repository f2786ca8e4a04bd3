/**
 * mode-block.ts's modeBlock for the exact path's (3,2) over a block wholly in its spherical ringdown (every bin
 * at or above both the amplitude's and the phase's ringdown start): the complex value conj(mu_2) h22 +
 * conj(mu_3) A_S exp(i phi_S) and the linear phase, in a loop that holds only these constants. Same arithmetic
 * in the same order as modeBlock, so the values are its to the bit; fill-exact.ts calls it for such blocks.
 */
import { sinCosTable } from '../../core/sincos.js';
import { MAX_PHASE_CURVATURE, atanStep, expStep } from '../kernel-helpers.js';
import { MAX_SERIES_ARG } from './mode-block.js';
import { MODE_SLOT, type BlockPowers } from './mode-kernel.js';

// module-level bindings of the imported helpers: the hot loop then calls them without a module-namespace lookup
const sincos = sinCosTable;
const atanS = atanStep;
const expS = expStep;
const S = MODE_SLOT;

/** Whether every computed bin of the block (n bins of bw) has f >= fFrom (and there is one). */
export function blockFrom(bw: BlockPowers, n: number, fFrom: number): boolean {
  const fs = bw.f, states = bw.state;
  let any = false;
  for (let i = 0; i < n; i++) {
    if (states[i] < 0) continue;
    if (!(fs[i] >= fFrom)) return false;
    any = true;
  }
  return any;
}

/** Whether every computed bin of the block (n bins of bw) has f < fTo. */
export function blockBelow(bw: BlockPowers, n: number, fTo: number): boolean {
  const fs = bw.f, states = bw.state;
  for (let i = 0; i < n; i++) if (states[i] >= 0 && !(fs[i] < fTo)) return false;
  return true;
}

/**
 * modeBlock(K, bw, n, h22, h22Off, iRead, to22, amp, phase, 0, cs, null, 0, ampIm) of the (3,2) on a block with
 * blockFrom(bw, n, max(aInt, pRD)): amp + i ampIm its spherical value, phase c1Rd f + cRd + dphi.
 */
export function sphericalBlock(
  K: Float64Array, bw: BlockPowers, n: number, h22: Float64Array, h22Off: number, iRead: number, to22: number,
  amp: Float64Array, phase: Float64Array, ampIm: Float64Array, cs: Float64Array,
): void {
  const fs = bw.f, zs = bw.z, states = bw.state;
  const fRing = K[S.fRing], dfd2 = K[S.dfd] * K[S.dfd], rdNum = K[S.rdNum], rdLam = K[S.rdLam];
  const fFalloff = K[S.fFalloff], rdFall = K[S.rdFall], rdFallRate = K[S.rdFallRate], fRDAux = K[S.fRDAux];
  const hasAux = K[S.hasAux] !== 0;
  const aux0 = K[S.aux], aux1 = K[S.aux + 1], aux2 = K[S.aux + 2], aux3 = K[S.aux + 3];
  const atRing = K[S.atRing], atInvDamp = K[S.atInvDamp];
  const c1Rd = K[S.C1RD], cRd = K[S.CRD], dphi = K[S.dphi];
  const s0 = K[S.s0], sa0 = K[S.sa0], sa2 = K[S.sa2], sa4 = K[S.sa4], saL = K[S.saL];
  const m2Re = K[S.m2Re], m2Im = K[S.m2Im], m3Re = K[S.m3Re], m3Im = K[S.m3Im];
  const maxCurvature = MAX_PHASE_CURVATURE;
  let atPrev = 0;
  let xaPrev = 0;
  let atOk = false;
  let exPrev = 0;
  let exOk = false;
  let exFall = false;
  let fPrev = 0;
  let phiSPrev = 0;
  let dSPrev = 0;
  let eSRe = 0;
  let eSIm = 0;
  let wSRe = 0;
  let wSIm = 0;
  let sRun = 0;
  for (let i = 0; i < n; i++) {
    const state = states[i];
    if (state < 0) {
      atOk = false;
      exOk = false;
      amp[i] = 0;
      phase[i] = 0;
      ampIm[i] = 0;
      continue;
    }
    const carry = state > 0;
    const f = fs[i];
    const step = f - fPrev;
    fPrev = f;
    const y = zs[i] * zs[i];
    const inv = y * y * y; // 1/f as modeBlock forms it
    const xa = (f - atRing) * atInvDamp;
    let at = 0;
    let exact = true;
    if (atOk && carry) {
      const d = (xa - xaPrev) / (1 + xa * xaPrev);
      if (d < MAX_SERIES_ARG && d > -MAX_SERIES_ARG) {
        at = atanS(atPrev, d);
        exact = false;
      }
    }
    if (exact) at = Math.atan(xa);
    atPrev = at;
    xaPrev = xa;
    atOk = true;
    let rd: number;
    if (hasAux && f < fRDAux) {
      rd = aux0 + f * (aux1 + f * (aux2 + f * aux3));
      exOk = false;
    } else if (fFalloff > 0 && f >= fFalloff) {
      const w = rdFallRate * step;
      const ex = exOk && exFall && carry && w < MAX_SERIES_ARG && w > -MAX_SERIES_ARG ? expS(exPrev, w) : Math.exp(-rdFallRate * (f - fFalloff));
      exPrev = ex;
      exOk = true;
      exFall = true;
      rd = rdFall * ex;
    } else {
      const dfr = f - fRing;
      const w = -rdLam * step;
      const ex = exOk && !exFall && carry && w < MAX_SERIES_ARG && w > -MAX_SERIES_ARG ? expS(exPrev, w) : Math.exp(rdLam * dfr);
      exPrev = ex;
      exOk = true;
      exFall = false;
      rd = rdNum / (ex * (dfr * dfr + dfd2));
    }
    const phiS = s0 + sa0 * f - inv * (sa2 + sa4 * inv * inv) + saL * at;
    // exp(i phi_S) carried by rotations as modeBlock carries it (anchored on sinCosTable)
    const dS = phiS - phiSPrev;
    const ddS = dS - dSPrev;
    dSPrev = dS;
    phiSPrev = phiS;
    if (carry && sRun > 1 && ddS < maxCurvature && ddS > -maxCurvature) {
      const q = ddS * ddS;
      const c = 1 - q * (1 / 2 - q * (1 / 24 - q * (1 / 720)));
      const sn = ddS * (1 - q * (1 / 6 - q * (1 / 120 - q * (1 / 5040))));
      const w = wSRe * c - wSIm * sn;
      wSIm = wSRe * sn + wSIm * c;
      wSRe = w;
      const e = eSRe * wSRe - eSIm * wSIm;
      eSIm = eSRe * wSIm + eSIm * wSRe;
      eSRe = e;
    } else {
      sincos(phiS, cs);
      const c = cs[0];
      const sn = cs[1];
      wSRe = c * eSRe + sn * eSIm;
      wSIm = sn * eSRe - c * eSIm;
      eSRe = c;
      eSIm = sn;
      sRun = carry && sRun > 0 ? 2 : 1;
    }
    const cr = rd * eSRe;
    const ci = rd * eSIm;
    const read = i >= iRead;
    const re22 = read ? h22[2 * (h22Off + i)] * to22 : 0;
    const im22 = read ? h22[2 * (h22Off + i) + 1] * to22 : 0;
    amp[i] = m2Re * re22 - m2Im * im22 + (m3Re * cr - m3Im * ci);
    ampIm[i] = m2Re * im22 + m2Im * re22 + (m3Re * ci + m3Im * cr);
    phase[i] = c1Rd * f + cRd + dphi;
  }
}
