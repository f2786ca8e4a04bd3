/**
 * The chunked per-bin kernel shared by IMRPhenomD (kernel.ts) and IMRPhenomPv2 (imrphenomp/kernel.ts):
 * one fused loop computes, per bin, f^{-1/3}, ln f, the IMRPhenomD amplitude (Mf)^{-7/6} a(Mf) and phase
 * phi(Mf) (amplitude.ts / phase.ts, region formulas written out with the coefficients packed into one
 * Float64Array), then either IMRPhenomD's phase factor (aligned mode) or IMRPhenomPv2's precession
 * (Euler angles, opening angle, Wigner-d sums; constants from imrphenomp/kernel.ts). One loop for both:
 * the recurrences' latency overlaps the model's own per-bin work (a two-pass split per chunk measured
 * ~30% slower for IMRPhenomPv2, and V8 does not inline region functions this large); the mode branch is
 * constant per call.
 *
 * Carried values: f^{-1/3} (Newton-corrected against f itself, so no error accumulates), ln f, the
 * merger-ringdown exp and atan and (precessing) e^{i alpha} follow short series from the previous bin.
 * They are re-anchored on Math.cbrt / Math.log / Math.exp / Math.atan / sinCosTable at the first computed
 * bin of every aligned block of 64 indices and whenever the step is not small, so a fill started at the
 * first index of a block reproduces the values of a fill from the start bit for bit: generateInto over
 * any [kLo, kHi) equals generate. Bins run CHUNK at a time with the carried state in a small array, so
 * that V8 compiles the loop as a whole function (on-stack-compiled code measured ~40% slower).
 */
import { atanStep, expStep, startFill, zeroBins } from '../kernel-helpers.js';
import { sinCosTable } from '../../core/sincos.js';
import { AMP_F_JOIN_INS, type AmplitudeCoefficients } from './amplitude.js';
import { PHI_F_JOIN_INS, type PhaseCoefficients } from './phase.js';

/** log2 of the anchor block: values are re-anchored at the first computed bin of each block of 64 indices. */
const ANCHOR_SHIFT = 6;
/** Largest relative frequency step (f - fPrev)/fPrev for which values are carried (else re-anchored). */
const MAX_REL_STEP = 0.02;
/** Largest |argument| of the exp / atan / e^{i alpha} increments evaluated by series (else exact). */
const MAX_CARRIED_ARG = 0.01;
/** Bins per call of fillChunk (see fillPhenom). */
const CHUNK = 64;
/**
 * Slots of the carried state: f, f^{-1/3}, ln f, block of the last computed bin (-1: none), exp, exp valid,
 * atan, its argument, atan valid, alpha, cos alpha, sin alpha.
 */
const STATE_LENGTH = 12;

/**
 * Slot of each IMRPhenomD constant in the core array KD: written by packCore, read by fillChunk (the
 * loop reads only typed arrays: no object whose hidden class could change under its optimised code).
 * Amplitude (amplitude.ts): merger-ringdown fDM gamma3 = wA, gA = gamma2/wA, gwA = wA gamma1; inspiral
 * i23..i2 and rho1..rho3; intermediate polynomial nodes f1..f3 and coefficients n0..n4. Phase (phase.ts):
 * inspiral p0..pm53 (powers of (pi Mf)^{1/3}) and s1..s2 (sigma terms over eta); intermediate beta1..3;
 * merger-ringdown alpha1..5; continuity constants c1/c2 of each region; region joins ampJoin/phiJoin.
 */
export const CORE_SLOT = {
  scale: 0, mSec: 1, fPeak: 2, fMRDJoin: 3, wA2: 4, gA: 5, gwA: 6, invFDM: 7, beta3Third: 8, a5fRD: 9,
  fourThirdsA3: 10, i23: 11, i43: 12, i53: 13, i1: 14, i2: 15, rho1: 16, rho2: 17, rho3: 18, fRD: 19,
  f1: 20, f2: 21, f3: 22, n0: 23, n1: 24, n2: 25, n3: 26, n4: 27,
  p0: 28, p23: 29, p13: 30, p13l: 31, pl: 32, pm13: 33, pm23: 34, pm1: 35, pm43: 36, pm53: 37,
  s1: 38, s43: 39, s53: 40, s2: 41, etaInv: 42, alpha1: 43, alpha2: 44, alpha4: 45, beta1: 46, beta2: 47,
  c1Int: 48, c2Int: 49, c1MRD: 50, c2MRD: 51, ampJoin: 52, phiJoin: 53,
} as const;

/** Length of the core array KD (one slot per CORE_SLOT entry). */
export const CORE_LENGTH = 54;

/**
 * Slot of each mode constant in KM: [mode] 0 aligned (IMRPhenomD), 1 precessing (IMRPhenomPv2).
 * Aligned: phase -(t0 (Mf - Mf_ref) + phiOffset), h+ and hx factors. Precessing (imrphenomp/kernel.ts):
 * 2 pi t_c, phase offset, alpha = alpha1/Mf + alpha2 Mf^{-2/3} + alpha3 Mf^{-1/3} + alpha4 ln Mf +
 * alpha5 Mf^{1/3} + alpha0 and 2 epsilon likewise (eps1..eps0), the opening-angle terms (eta, L_2PN
 * coefficients lA, lB, S_L, S_perp), the h+ / hx Wigner-d weights plus1..5 / cross1..5, and pi^{1/3}.
 */
export const MODE_SLOT = {
  mode: 0, t0: 1, mfRef: 2, phiOffset: 3, plus: 4, cross: 5,
  twoPiT: 6, phase0: 7, alpha1: 8, alpha2: 9, alpha3: 10, alpha4: 11, alpha5: 12, alpha0: 13,
  eps1: 14, eps2: 15, eps3: 16, eps4: 17, eps5: 18, eps0: 19, eta: 20, lA: 21, lB: 22, sL: 23, sPerp: 24,
  plus1: 25, plus2: 26, plus3: 27, plus4: 28, plus5: 29, cross1: 30, cross2: 31, cross3: 32, cross4: 33, cross5: 34,
  piThird: 35,
} as const;

/** Length of the mode array KM (one slot per MODE_SLOT entry). */
export const KM_LENGTH = 36;

/** A Float64Array of `length` with values[name] at slots[name] (slots not named stay 0). */
export function packSlots<S extends Readonly<Record<string, number>>>(slots: S, length: number, values: { readonly [K in keyof S]?: number }): Float64Array {
  const out = new Float64Array(length);
  for (const name of Object.keys(values) as Array<keyof S & string>) out[slots[name]] = values[name] as number;
  return out;
}

/**
 * The IMRPhenomD constants of fillChunk in one array at CORE_SLOT (module constants come in it too: an
 * imported binding can cost a getter call per read under some loaders).
 * @param scale factor of (Mf)^{-7/6} a(Mf) in the amplitude
 * @param mSec total mass in seconds (Mf = mSec f)
 */
export function packCore(scale: number, mSec: number, a: AmplitudeCoefficients, p: PhaseCoefficients): Float64Array {
  const wA = a.fDM * a.gamma3;
  const values: Record<keyof typeof CORE_SLOT, number> = {
    scale, mSec, fPeak: a.fPeak, fMRDJoin: p.fMRDJoin, wA2: wA * wA, gA: a.gamma2 / wA, gwA: wA * a.gamma1, invFDM: 1 / p.fDM,
    beta3Third: p.beta3 / 3, a5fRD: p.alpha5 * p.fRD, fourThirdsA3: (4.0 / 3.0) * p.alpha3,
    i23: a.i23, i43: a.i43, i53: a.i53, i1: a.i1, i2: a.i2, rho1: a.rho1, rho2: a.rho2, rho3: a.rho3, fRD: a.fRD,
    f1: a.f1, f2: a.f2, f3: a.f3, n0: a.n0, n1: a.n1, n2: a.n2, n3: a.n3, n4: a.n4,
    p0: p.p0, p23: p.p23, p13: p.p13, p13l: p.p13l, pl: p.pl, pm13: p.pm13, pm23: p.pm23, pm1: p.pm1, pm43: p.pm43, pm53: p.pm53,
    s1: p.s1, s43: p.s43, s53: p.s53, s2: p.s2, etaInv: p.etaInv, alpha1: p.alpha1, alpha2: p.alpha2, alpha4: p.alpha4,
    beta1: p.beta1, beta2: p.beta2, c1Int: p.c1Int, c2Int: p.c2Int, c1MRD: p.c1MRD, c2MRD: p.c2MRD,
    ampJoin: AMP_F_JOIN_INS, phiJoin: PHI_F_JOIN_INS,
  };
  return packSlots(CORE_SLOT, CORE_LENGTH, values);
}

/** Aligned-mode constants KM for IMRPhenomD: phase -(t0 (Mf - Mf_ref) + offset), polarisation factors. */
export function alignedMode(t0: number, mfRef: number, phiOffset: number, plus: number, cross: number): Float64Array {
  return packSlots(MODE_SLOT, KM_LENGTH, { mode: 0, t0, mfRef, phiOffset, plus, cross });
}

/**
 * Write bins [kLo, kHi) of h+ (and of hx when `hc` is not null): bins k in [rangeStart, rangeStop) with
 * fLo <= f_k < fHi get the model (core constants KD from packCore, mode constants KM), every other bin of
 * [kLo, kHi) is set to zero; bins outside [kLo, kHi) are not touched. The recurrences start at the first
 * index of kLo's anchor block (at most 63 bins computed and not written), so the values do not depend on kLo.
 */
export function fillPhenom(
  KD: Float64Array, KM: Float64Array, freqs: Float64Array, rangeStart: number, rangeStop: number, fLo: number, fHi: number,
  hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
): void {
  const range = startFill(hp, hc, rangeStart, rangeStop, kLo, kHi, ANCHOR_SHIFT);
  if (range === null) return;
  const [kFrom, kStart, kStop] = range;
  const state = new Float64Array(STATE_LENGTH);
  state[3] = -1;
  state[10] = 1;
  const cs = new Float64Array(2);
  for (let c0 = kFrom; c0 < kStop; c0 += CHUNK) {
    fillChunk(KD, KM, freqs, c0, Math.min(c0 + CHUNK, kStop), kStart, fLo, fHi, hp, hc, state, cs);
  }
}

/**
 * Bins [k0, k1) of fillPhenom, continuing the recurrences in `state` (see STATE_LENGTH) and updating it;
 * bins below kWrite are computed but not written.
 */
function fillChunk(
  KD: Float64Array, KM: Float64Array, freqs: Float64Array, k0: number, k1: number, kWrite: number, fLo: number, fHi: number,
  hp: Float64Array, hc: Float64Array | null, state: Float64Array, cs: Float64Array,
): void {
  const C = CORE_SLOT;
  const scale = KD[C.scale], mSec = KD[C.mSec];
  const fPeak = KD[C.fPeak], fMRD = KD[C.fMRDJoin], wA2 = KD[C.wA2], gA = KD[C.gA], gwA = KD[C.gwA], invFDM = KD[C.invFDM];
  const beta3Third = KD[C.beta3Third], a5fRD = KD[C.a5fRD], fourThirdsA3 = KD[C.fourThirdsA3];
  const i23 = KD[C.i23], i43 = KD[C.i43], i53 = KD[C.i53], i1 = KD[C.i1], i2 = KD[C.i2], rho1 = KD[C.rho1], rho2 = KD[C.rho2], rho3 = KD[C.rho3];
  const fRD = KD[C.fRD], f1 = KD[C.f1], f2 = KD[C.f2], f3 = KD[C.f3], n0 = KD[C.n0], n1 = KD[C.n1], n2 = KD[C.n2], n3 = KD[C.n3], n4 = KD[C.n4];
  const p0 = KD[C.p0], p23 = KD[C.p23], p13 = KD[C.p13], p13l = KD[C.p13l], pl = KD[C.pl], pm13 = KD[C.pm13], pm23 = KD[C.pm23], pm1 = KD[C.pm1];
  const pm43 = KD[C.pm43], pm53 = KD[C.pm53], s1 = KD[C.s1], s43 = KD[C.s43], s53 = KD[C.s53], s2 = KD[C.s2], etaInv = KD[C.etaInv];
  const alpha1 = KD[C.alpha1], alpha2 = KD[C.alpha2], alpha4 = KD[C.alpha4], beta1 = KD[C.beta1], beta2 = KD[C.beta2];
  const c1Int = KD[C.c1Int], c2Int = KD[C.c2Int], c1MRD = KD[C.c1MRD], c2MRD = KD[C.c2MRD];
  const ampJoin = KD[C.ampJoin], phiJoin = KD[C.phiJoin];
  const lnPi = Math.log(Math.PI);
  const M = MODE_SLOT;
  const precessing = KM[M.mode] !== 0;
  const twoPiT = KM[M.twoPiT], phase0 = KM[M.phase0];
  const aA1 = KM[M.alpha1], aA2 = KM[M.alpha2], aA3 = KM[M.alpha3], aA4 = KM[M.alpha4], aA5 = KM[M.alpha5], aA0 = KM[M.alpha0];
  const eE1 = KM[M.eps1], eE2 = KM[M.eps2], eE3 = KM[M.eps3], eE4 = KM[M.eps4], eE5 = KM[M.eps5], eE0 = KM[M.eps0];
  const eta = KM[M.eta], lA = KM[M.lA], lB = KM[M.lB], sL = KM[M.sL], sPerp = KM[M.sPerp];
  const P1 = KM[M.plus1], P2 = KM[M.plus2], P3 = KM[M.plus3], P4 = KM[M.plus4], P5 = KM[M.plus5];
  const Q1 = KM[M.cross1], Q2 = KM[M.cross2], Q3 = KM[M.cross3], Q4 = KM[M.cross4], Q5 = KM[M.cross5];
  const piThird = KM[M.piThird];
  const slotT0 = M.t0, slotMfRef = M.mfRef, slotPhiOffset = M.phiOffset, slotPlus = M.plus, slotCross = M.cross;
  const sincos = sinCosTable;
  let fPrev = state[0];
  let itPrev = state[1];
  let lnPrev = state[2];
  let lastBlock = state[3];
  let exPrev = state[4];
  let exOk = state[5] !== 0;
  let atPrev = state[6];
  let xaPrev = state[7];
  let atOk = state[8] !== 0;
  let alphaPrev = state[9];
  let caPrev = state[10];
  let saPrev = state[11];
  for (let k = k0; k < k1; k++) {
    const fHz = freqs[k];
    if (!(fHz >= fLo && fHz < fHi)) {
      if (k >= kWrite) zeroBins(hp, hc, k, k + 1);
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
    // IMRPhenomD reduced amplitude
    let amp: number;
    if (f < ampJoin) {
      const ff = f * f;
      amp = 1 + t2 * i23 + t4 * i43 + t4 * t * i53 + t * ff * rho1 + t2 * ff * rho2 + f * (i1 + f * i2 + ff * rho3);
      exOk = false;
    } else if (f >= fPeak) {
      // exp(-(f - fRD) gA) carried: times exp(-y), y = step gA, by its series (|y| < 0.01: error < 3e-21)
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
    // IMRPhenomD phase
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
    let arg: number;
    let w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0;
    if (precessing) {
      // NNLO Euler angles alpha and 2 epsilon
      const alpha = aA1 * invF + aA2 * it2 + aA3 * it + aA4 * lnF + aA5 * t + aA0;
      const twoEps = eE1 * invF + eE2 * it2 + eE3 * it + eE4 * lnF + eE5 * t + eE0;
      // opening angle: cos b = 1/sqrt(1 + r^2), r = S_perp/(L_2PN(v) + S_L) = num/den, num = S_perp v,
      // den = eta (1 + lA v^2 + lB v^4) + S_L v: cos b = |den|/sqrt(den^2 + num^2), sin b = |num|/sqrt(den^2 + num^2)
      // (sign of L + S_L ignored as in LAL; den = 0 gives beta = pi/2)
      const v = piThird * t;
      const xv = v * v;
      const num = sPerp * v;
      const den = eta * (1.0 + lA * xv + lB * xv * xv) + sL * v;
      const invNorm = 1.0 / Math.sqrt(den * den + num * num);
      const cb = Math.abs(den) * invNorm;
      const sb = Math.abs(num) * invNorm;
      const even = 0.5 * (1 + cb * cb);
      // e^{i alpha} carried: times e^{i d}, d = alpha - alphaPrev, by its series when |d| < 0.01 (error < 1e-20)
      const da = alpha - alphaPrev;
      let ca: number;
      let sa: number;
      if (carried && Math.abs(da) < MAX_CARRIED_ARG) {
        const d2 = da * da;
        const cd = 1 - d2 * (1 / 2 - d2 * (1 / 24 - d2 * (1 / 720)));
        const sd = da * (1 - d2 * (1 / 6 - d2 * (1 / 120 - d2 * (1 / 5040))));
        ca = caPrev * cd - saPrev * sd;
        sa = saPrev * cd + caPrev * sd;
      } else {
        sincos(alpha, cs);
        ca = cs[0];
        sa = cs[1];
      }
      alphaPrev = alpha;
      caPrev = ca;
      saPrev = sa;
      if (k < kWrite) continue;
      const c2a = ca * ca - sa * sa;
      const s2a = 2 * ca * sa;
      const sbcb = sb * cb;
      w1 = sb * sb;
      w2 = sbcb * ca;
      w3 = even * c2a;
      w4 = sbcb * sa;
      w5 = even * s2a;
      v1 = sb * sa;
      v2 = cb * s2a;
      v3 = sb * ca;
      v4 = cb * c2a;
      // overall factor amp/2 exp(-i [phi - 2 phi_aligned + 2 epsilon + 2 pi f t_c])
      arg = phi + phase0 + twoEps + twoPiT * fHz;
    } else {
      // IMRPhenomD: h = amp exp(-i [phi - t0 (f - f_ref) - phase offset]) (constants read here, not kept in
      // registers across the precessing loop)
      if (k < kWrite) continue;
      arg = phi - (KM[slotT0] * (f - KM[slotMfRef]) + KM[slotPhiOffset]);
    }
    // one cos/sin site for both modes (a third inlined copy of sinCosTable exceeds V8's inlining budget)
    sincos(arg, cs);
    const xRe = amp * cs[0];
    const xIm = -amp * cs[1];
    if (!precessing) {
      // h+ and hx by the inclination factors
      const plus = KM[slotPlus];
      hp[2 * k] = plus * xRe;
      hp[2 * k + 1] = plus * xIm;
      if (hc !== null) {
        const cross = KM[slotCross];
        hc[2 * k] = cross * xIm;
        hc[2 * k + 1] = -cross * xRe;
      }
      continue;
    }
    const rpRe = P1 * w1 + P2 * w2 + P3 * w3 + P4 * w4 + P5 * w5;
    const rpIm = P2 * v1 + P3 * v2 - P4 * v3 - P5 * v4;
    hp[2 * k] = xRe * rpRe - xIm * rpIm;
    hp[2 * k + 1] = xRe * rpIm + xIm * rpRe;
    if (hc !== null) {
      const rcRe = Q1 * w1 + Q2 * w2 + Q3 * w3 + Q4 * w4 + Q5 * w5;
      const rcIm = Q2 * v1 + Q3 * v2 - Q4 * v3 - Q5 * v4;
      hc[2 * k] = xRe * rcRe - xIm * rcIm;
      hc[2 * k + 1] = xRe * rcIm + xIm * rcRe;
    }
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
  state[9] = alphaPrev;
  state[10] = caPrev;
  state[11] = saPrev;
}
