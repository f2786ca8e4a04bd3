/**
 * The IMRPhenomD core of the chunked per-bin kernels of IMRPhenomD (kernel.ts) and IMRPhenomPv2
 * (imrphenomp/kernel.ts): for a chunk of at most CHUNK bins, Mf, (Mf)^{-1/3}, ln Mf, the amplitude
 * scale (Mf)^{-7/6} a(Mf) and the phase phi(Mf) of amplitude.ts / phase.ts (region formulas inlined,
 * coefficients packed into one Float64Array), written to a chunk buffer that the model's own loop reads.
 *
 * Carried values: f^{-1/3} (Newton-corrected against f itself, so no error accumulates), ln f and the
 * merger-ringdown exp and atan follow short series from the previous bin. They are re-anchored on
 * Math.cbrt / Math.log / Math.exp / Math.atan at the first computed bin of every aligned block of
 * 2^ANCHOR_SHIFT indices and whenever the step is not small, so a fill started at the first index of a
 * block reproduces the values of a fill from the start bit for bit (generateInto over any [kLo, kHi)
 * equals generate). Short chunk loops let V8 compile them as whole functions, not on-stack.
 */
import type { AmplitudeCoefficients } from './amplitude.js';
import { AMP_F_JOIN_INS } from './amplitude.js';
import type { PhaseCoefficients } from './phase.js';
import { PHI_F_JOIN_INS } from './phase.js';
import { atanStep, expStep } from '../kernel-helpers.js';

/** log2 of the anchor block: values are re-anchored at the first computed bin of each block of 64 indices. */
export const ANCHOR_SHIFT = 6;
/** Bins per chunk (the length of each slot of the chunk buffer). */
export const CHUNK = 64;
/** Largest relative frequency step (f - fPrev)/fPrev for which values are carried (else re-anchored). */
const MAX_REL_STEP = 0.02;
/** Largest |argument| of the exp / atan increments evaluated by series (else exact). */
const MAX_CARRIED_ARG = 0.01;

/**
 * Slots of the chunk buffer, each CHUNK long (index slot * CHUNK + k - k0): FLAG is 0 for a bin outside
 * [fLo, fHi) (nothing else written), 1 for an anchored bin, 2 for a carried one; then Mf, (Mf)^{-1/3},
 * ln Mf, the amplitude scale (Mf)^{-7/6} a(Mf) and phi(Mf).
 */
export const B_FLAG = 0;
export const B_F = CHUNK;
export const B_IT = 2 * CHUNK;
export const B_LN = 3 * CHUNK;
export const B_AMP = 4 * CHUNK;
export const B_PHI = 5 * CHUNK;
/** Length of the chunk buffer. */
export const BUFFER_LENGTH = 6 * CHUNK;

/** Slots of the carried state: f, f^{-1/3}, ln f, block of the last computed bin, exp, exp valid, atan, its argument, atan valid. */
const STATE_LENGTH = 9;

/** A fresh carried state (nothing computed yet). */
export function newCoreState(): Float64Array {
  const state = new Float64Array(STATE_LENGTH);
  state[3] = -1;
  return state;
}

/** Number of constants packed by packCore. */
const K_LENGTH = 54;

/**
 * The frequency-independent numbers of phenomDChunk in one array (the chunk reads only typed arrays:
 * no object whose hidden class could change under its optimised code; module constants come in it too).
 * @param scale factor of (Mf)^{-7/6} a(Mf) in the amplitude
 * @param mSec total mass in seconds (Mf = mSec f)
 */
export function packCore(scale: number, mSec: number, a: AmplitudeCoefficients, p: PhaseCoefficients): Float64Array {
  const wA = a.fDM * a.gamma3;
  const K = new Float64Array(K_LENGTH);
  K.set([
    scale, mSec, a.fPeak, p.fMRDJoin, wA * wA, a.gamma2 / wA, wA * a.gamma1, 1 / p.fDM, p.beta3 / 3, p.alpha5 * p.fRD,
    (4.0 / 3.0) * p.alpha3,
    a.i23, a.i43, a.i53, a.i1, a.i2, a.rho1, a.rho2, a.rho3, a.fRD, a.f1, a.f2, a.f3, a.n0, a.n1, a.n2, a.n3, a.n4,
    p.p0, p.p23, p.p13, p.p13l, p.pl, p.pm13, p.pm23, p.pm1, p.pm43, p.pm53, p.s1, p.s43, p.s53, p.s2, p.etaInv,
    p.alpha1, p.alpha2, p.alpha4, p.beta1, p.beta2, p.c1Int, p.c2Int, p.c1MRD, p.c2MRD,
    AMP_F_JOIN_INS, PHI_F_JOIN_INS,
  ]);
  return K;
}

/**
 * Bins [k0, k1) (k1 - k0 <= CHUNK) into the chunk buffer `buf` (see B_FLAG), constants K from packCore,
 * continuing the recurrences in `state` (from newCoreState) and updating it.
 */
export function phenomDChunk(
  K: Float64Array, freqs: Float64Array, k0: number, k1: number, fLo: number, fHi: number, state: Float64Array, buf: Float64Array,
): void {
  const scale = K[0], mSec = K[1], fPeak = K[2], fMRD = K[3], wA2 = K[4], gA = K[5], gwA = K[6], invFDM = K[7];
  const beta3Third = K[8], a5fRD = K[9], fourThirdsA3 = K[10];
  const i23 = K[11], i43 = K[12], i53 = K[13], i1 = K[14], i2 = K[15], rho1 = K[16], rho2 = K[17], rho3 = K[18];
  const fRD = K[19], f1 = K[20], f2 = K[21], f3 = K[22], n0 = K[23], n1 = K[24], n2 = K[25], n3 = K[26], n4 = K[27];
  const p0 = K[28], p23 = K[29], p13 = K[30], p13l = K[31], pl = K[32], pm13 = K[33], pm23 = K[34], pm1 = K[35];
  const pm43 = K[36], pm53 = K[37], s1 = K[38], s43 = K[39], s53 = K[40], s2 = K[41], etaInv = K[42];
  const alpha1 = K[43], alpha2 = K[44], alpha4 = K[45], beta1 = K[46], beta2 = K[47];
  const c1Int = K[48], c2Int = K[49], c1MRD = K[50], c2MRD = K[51], ampJoin = K[52], phiJoin = K[53];
  const lnPi = Math.log(Math.PI);
  let fPrev = state[0], itPrev = state[1], lnPrev = state[2], lastBlock = state[3];
  let exPrev = state[4], exOk = state[5] !== 0, atPrev = state[6], xaPrev = state[7], atOk = state[8] !== 0;
  // buffer offsets as locals: an imported or module-level binding is re-read (with a hole check) per use
  const oFlag = B_FLAG, oF = B_F, oIt = B_IT, oLn = B_LN, oAmp = B_AMP, oPhi = B_PHI;
  for (let k = k0; k < k1; k++) {
    const j = k - k0;
    const fHz = freqs[k];
    if (!(fHz >= fLo && fHz < fHi)) {
      buf[oFlag + j] = 0;
      continue;
    }
    const f = fHz * mSec;
    const step = f - fPrev;
    const block = k >> ANCHOR_SHIFT;
    const u = step * (itPrev * itPrev * itPrev); // step / fPrev
    let it: number; // f^{-1/3}
    let lnF: number;
    const carried = block === lastBlock && u > 0 && u < MAX_REL_STEP;
    if (carried) {
      // second-order guess, then one third-order correction it <- it (1 + e/3 + 2 e^2/9), e = 1 - f it^3
      // (against f itself: no error accumulates); ln f = ln fPrev + 2 atanh(w), w = step/(f + fPrev) < 0.01, by its series to w^7 (truncation < 1e-17 relative)
      it = itPrev * (1 - u * (1 / 3 - u * (2 / 9)));
      const e = 1 - f * (it * it * it);
      it *= 1 + e * (1 / 3 + e * (2 / 9));
      const w = step / (f + fPrev);
      const w2 = w * w;
      lnF = lnPrev + 2 * w * (1 + w2 * (1 / 3 + w2 * (1 / 5 + w2 * (1 / 7))));
    } else {
      it = 1 / Math.cbrt(f);
      lnF = Math.log(f);
    }
    lastBlock = block;
    fPrev = f;
    itPrev = it;
    lnPrev = lnF;
    const it2 = it * it;
    const invF = it2 * it;
    const t = f * it2; // f^{1/3}
    const t2 = t * t;
    const t4 = f * t;
    // amplitude: scale f^{-7/6} a(f)
    let amp: number;
    if (f < ampJoin) {
      const ff = f * f;
      amp = 1 + t2 * i23 + t4 * i43 + t4 * t * i53 + t * ff * rho1 + t2 * ff * rho2 + f * (i1 + f * i2 + ff * rho3);
      exOk = false;
    } else if (f >= fPeak) {
      // exp(-(f - fRD) gA) carried: times exp(-y), y = step gA
      const x = f - fRD;
      const y = step * gA;
      const ex = carried && exOk && Math.abs(y) < MAX_CARRIED_ARG ? expStep(exPrev, y) : Math.exp(-x * gA);
      exPrev = ex;
      exOk = true;
      amp = (ex * gwA) / (x * x + wA2);
    } else {
      const x1 = f - f1;
      amp = n0 + x1 * (n1 + x1 * (n2 + (f - f2) * (n3 + (f - f3) * n4)));
      exOk = false;
    }
    amp *= scale * invF * Math.sqrt(it);
    // phase
    let phi: number;
    if (f < phiJoin) {
      const logv = (lnF + lnPi) * (1 / 3);
      phi = p0 + p23 * t2 + p13 * t + p13l * logv * t + pl * logv + pm13 * it + pm23 * it2 + pm1 * invF +
        pm43 * it * invF + pm53 * it2 * invF + (s1 * f + s43 * t4 + s53 * t4 * t + s2 * f * f) * etaInv;
      atOk = false;
    } else if (f >= fMRD) {
      // atan(xa) carried: atan(xa) = atan(xaPrev) + atan(d), d = (xa - xaPrev)/(1 + xa xaPrev), series for |d| < 0.01
      const xa = (f - a5fRD) * invFDM;
      let at = 0;
      let exact = true;
      if (carried && atOk) {
        const d = (xa - xaPrev) / (1 + xa * xaPrev);
        if (Math.abs(d) < MAX_CARRIED_ARG) {
          at = atanStep(atPrev, d);
          exact = false;
        }
      }
      if (exact) at = Math.atan(xa);
      atPrev = at;
      xaPrev = xa;
      atOk = true;
      const sq = Math.sqrt(f);
      phi = etaInv * (-(alpha2 * invF) + fourThirdsA3 * Math.sqrt(f * sq) + alpha1 * f + alpha4 * at) + c1MRD + c2MRD * f;
    } else {
      phi = etaInv * (beta1 * f - beta3Third * (invF * invF * invF) + beta2 * lnF) + c1Int + c2Int * f;
      atOk = false;
    }
    buf[oFlag + j] = carried ? 2 : 1;
    buf[oF + j] = f;
    buf[oIt + j] = it;
    buf[oLn + j] = lnF;
    buf[oAmp + j] = amp;
    buf[oPhi + j] = phi;
  }
  state[0] = fPrev;
  state[1] = itPrev;
  state[2] = lnPrev;
  state[3] = lastBlock;
  state[4] = exPrev;
  state[5] = exOk ? 1 : 0;
  state[6] = atPrev;
  state[7] = xaPrev;
  state[8] = atOk ? 1 : 0;
}
