/**
 * Per-bin kernel of IMRPhenomXAS: h22 = amp0 f^{-7/6} a(f) exp(i [phi(f)/eta + tshift f + offset]) for the
 * selected bins, written as h+ and (when wanted) hx (see model.ts for the conventions).
 *
 * The region formulas of amplitude.ts / phase.ts are inlined with every coefficient packed into one
 * Float64Array. Speed: z = f^{-1/6} (hence f^{1/3}, f^{-1/3}, f^{-7/6}, f^{-5/3} by products), ln f, the
 * ringdown exp(-(f - f_ring) gammaR) and the intermediate / ringdown atan are carried from the previous bin
 * by short series (z is corrected against f itself, so its error does not accumulate) and re-anchored on
 * Math.cbrt / Math.log / Math.exp / Math.atan at the first computed bin of every aligned block of 64 indices
 * and whenever the step is not small (relative step >= 0.02, increments > 0.01, a region change, or a
 * non-increasing frequency); exp(i phase) is carried by two complex rotations (see fillChunk) and re-anchored
 * on cos/sin with one argument reduction and a 64-entry table (core/sincos.ts). z and the rotations are
 * carried by one or two products per bin: the time of this loop is set by its carried chains' latency. The bins run in chunks of CHUNK with a carried state plus a load-time
 * type-feedback warm-up (the scheme of imrphenomd/kernel.ts). Because anchors sit at fixed indices, a fill started at the first index of kLo's
 * block gives bitwise the values of a fill from the first bin: generateInto equals generate for any
 * [kLo, kHi). The values agree with the scalar functions and with LAL's direct evaluation to ~2e-12 of
 * max|h| (rounding amplified by the large low-frequency phase).
 */
import {
  MAX_PHASE_CURVATURE, atanStep, expStep, gridPowers, rotationCos, rotationSin, startFill, warmUpFrequencies, zeroBins, type GridPowers,
} from '../kernel-helpers.js';
import { sinCosTable } from '../../core/sincos.js';
import type { InclinationFactors } from '../polarizations.js';
import type { WaveformParams } from '../types.js';
import type { PhenomXSetup } from './model.js';
import { PHI_NORM } from './phase.js';

/** LAL's XAS polarisation factor 2 sqrt(5/(64 pi)) exp(-i pi) (real, negative). */
export const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));
/** log2 of the anchor block: values are re-anchored at the first computed bin of each block of 64 indices. */
const ANCHOR_SHIFT = 6;
/**
 * Largest relative frequency step (f - fPrev)/fPrev for which values are carried from the previous bin
 * (at 0.02 the second-order guess of z is within 6e-7, and one third-order correction makes it exact to
 * rounding; at 0.05 the correction left ~1e-14 and cost a factor 10 in the agreement with LAL).
 */
const MAX_REL_STEP = 0.02;
/** Largest |argument| of the exp / atan / atanh increments evaluated by their series. */
const MAX_SERIES_ARG = 0.01;
/** Bins per call of fillChunk (see fillPhenomX). */
const CHUNK = 64;
/**
 * Slots of the carried state: f, the guess of z = f^{-1/6} (see fillChunk), ln f, ln valid, block of the last computed bin (-1: none),
 * exp, exp valid, atan, its argument, atan valid, atan region (1: ringdown), and the phase rotation: phase,
 * its last difference, E = exp(i phase) (re, im), W (re, im), bins since its anchor (0, 1, 2: W known).
 */
const STATE_LENGTH = 18;

/**
 * Write bins [kLo, kHi) of h+ (and of hx when `hc` is not null): bins k in [start, stop) whose frequency
 * satisfies fLoHz <= f_k and M f_k <= M fHiHz (LAL's test) get the model, every other bin of [kLo, kHi) is
 * set to zero; bins outside [kLo, kHi) are not touched. The recurrences start at the first index of kLo's
 * anchor block (at most 63 bins computed and not written), so the values do not depend on kLo.
 */
export function fillPhenomX(
  s: PhenomXSetup, freqs: Float64Array, start: number, stop: number, fLoHz: number, fHiHz: number,
  factors: InclinationFactors, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
): void {
  const range = startFill(hp, hc, start, stop, kLo, kHi, ANCHOR_SHIFT);
  if (range === null) return;
  const [kFrom, kStart, kStop] = range;
  const K = packConstants(s, factors, fHiHz);
  const state = new Float64Array(STATE_LENGTH);
  state[4] = -1;
  const cs = new Float64Array(2);
  const grid = gridPowers(freqs);
  for (let c0 = kFrom; c0 < kStop; c0 += CHUNK) {
    fillChunk(K, freqs, c0, Math.min(c0 + CHUNK, kStop), kStart, fLoHz, hp, hc, state, cs, grid);
  }
}

/** Number of constants packed by packConstants (the order of the list in it). */
const K_LENGTH = 57;

/**
 * The frequency-independent numbers of fillChunk in one array: inspiral phase terms pre-multiplied by
 * phiNorm/eta, the other phase terms by 1/eta, amplitude scale amp0 YLM.
 */
function packConstants(s: PhenomXSetup, factors: InclinationFactors, fHiHz: number): Float64Array {
  const { system, amp: A, phase: P } = s;
  const invEta = 1 / system.eta;
  const kN = PHI_NORM * invEta;
  const fDamp = P.fDamp;
  const K = new Float64Array(K_LENGTH);
  K.set([
    system.mSec, fHiHz * system.mSec, system.amp0 * YLM, factors.plus, factors.cross, s.tShift, s.phiOffset,
    A.fInsEnd, A.fPeak, A.pn2, A.pn3, A.pn4, A.pn5, A.pn6, A.rho1, A.rho2, A.rho3, A.d0, A.d1, A.d2, A.d3, A.d4,
    A.gammaR, A.gammaD13, A.gammaD2, A.fRing,
    P.fInsEnd, P.fIntEnd, P.phi0 * kN, P.phi2 * kN, P.phi3 * kN, P.phi4 * kN, P.phi5L * kN, P.phi6 * kN, P.phi6L * kN,
    P.phi7 * kN, (P.phi8 + P.sigma1) * kN, P.phi8L * kN, P.sigma2 * kN, P.sigma3 * kN, P.sigma4 * kN, P.fRing,
    (P.b0 + P.C2Int) * invEta, P.b1 * invEta, P.b2 * invEta, (P.b3 / 2) * invEta, (P.b4 / 3) * invEta,
    ((2 * P.cL) / fDamp) * invEta, P.C1Int * invEta, 1 / (2 * fDamp),
    (P.c0 + P.C2MRD) * invEta, 1.5 * P.c1 * invEta, P.c2 * invEta, (P.c4 / 3) * invEta, (P.cL / fDamp) * invEta,
    P.C1MRD * invEta, 1 / fDamp,
  ]);
  return K;
}

/**
 * Bins [k0, k1) of fillPhenomX (constants K from packConstants), continuing the recurrences in `state` (see
 * STATE_LENGTH) and updating it; bins below kWrite are computed but not written. With `grid` (a grid f_k = k df),
 * z and ln f come from its tables (see GridPowers) instead of being carried.
 */
function fillChunk(
  K: Float64Array, freqs: Float64Array, k0: number, k1: number, kWrite: number, fLoHz: number,
  hp: Float64Array, hc: Float64Array | null, state: Float64Array, cs: Float64Array, grid: GridPowers | null,
): void {
  const mSec = K[0], mfHi = K[1], scale = K[2], plus = K[3], cross = K[4], tShift = K[5], phiOffset = K[6];
  const aIns = K[7], aPeak = K[8], pn2 = K[9], pn3 = K[10], pn4 = K[11], pn5 = K[12], pn6 = K[13];
  const rho1 = K[14], rho2 = K[15], rho3 = K[16], d0 = K[17], d1 = K[18], d2 = K[19], d3 = K[20], d4 = K[21];
  const gammaR = K[22], gammaD13 = K[23], gammaD2 = K[24], aRing = K[25];
  const pIns = K[26], pInt = K[27], q0 = K[28], q2 = K[29], q3 = K[30], q4 = K[31], q5L = K[32], q6 = K[33];
  const q6L = K[34], q7 = K[35], q8 = K[36], q8L = K[37], q9 = K[38], q10 = K[39], q11 = K[40], fRing = K[41];
  const b0 = K[42], b1 = K[43], b2 = K[44], b3h = K[45], b4t = K[46], bL = K[47], bC = K[48], inv2Damp = K[49];
  const c0 = K[50], c1 = K[51], c2 = K[52], c4t = K[53], cL = K[54], cC = K[55], invDamp = K[56];
  const sincos = sinCosTable;
  let fPrev = state[0];
  let guess = state[1];
  let lnPrev = state[2];
  let lnOk = state[3] !== 0;
  let lastBlock = state[4];
  let exPrev = state[5];
  let exOk = state[6] !== 0;
  let atPrev = state[7];
  let xaPrev = state[8];
  let atOk = state[9] !== 0;
  let atRingdown = state[10] !== 0;
  let phiPrev = state[11];
  let dPrev = state[12];
  let eRe = state[13];
  let eIm = state[14];
  let wRe = state[15];
  let wIm = state[16];
  let run = state[17];
  const maxCurvature = MAX_PHASE_CURVATURE;
  const kSixth = grid?.kSixth, lnK = grid?.lnK;
  const zScale = grid === null ? 0 : 1 / Math.sqrt(Math.cbrt(mSec * grid.df));
  const lnScale = grid === null ? 0 : Math.log(mSec * grid.df);
  for (let k = k0; k < k1; k++) {
    const fHz = freqs[k];
    const f = mSec * fHz;
    if (!(fHz >= fLoHz && f <= mfHi)) {
      if (k >= kWrite) zeroBins(hp, hc, k, k + 1);
      continue;
    }
    const step = f - fPrev;
    const u = step / fPrev; // a division off the carried chain (from z it put ~15 dependent operations on it)
    const block = k >> ANCHOR_SHIFT;
    const carry = block === lastBlock && u > 0 && u < MAX_REL_STEP;
    let z: number;
    if (kSixth !== undefined) {
      // (M df)^{-1/6} k^{-1/6}, corrected once against f (exact to rounding)
      const g = zScale * kSixth[k];
      const g3 = g * g * g;
      z = g * (1 + (1 - f * g3 * g3) * (1 / 6));
      if (!carry) {
        exOk = false;
        atOk = false;
      }
    } else if (carry) {
      // the guess carried by one product per bin (third-order series: < 1e-6 off after a block), then one
      // third-order correction against f itself (exact to rounding; not carried, so the chain stays short)
      guess *= 1 - u * (1 / 6 - u * (7 / 72 - u * (91 / 1296)));
      const g3 = guess * guess * guess;
      const e = 1 - f * g3 * g3;
      z = guess * (1 + e * (1 / 6 + e * (7 / 72)));
    } else {
      z = 1 / Math.sqrt(Math.cbrt(f));
      guess = z;
      lnOk = false;
      exOk = false;
      atOk = false;
    }
    lastBlock = block;
    fPrev = f;
    const y = z * z; // f^{-1/3}
    const t = f * y * y; // f^{1/3}
    const t2 = t * t;
    const z7 = y * y * y * z; // f^{-7/6}
    // amplitude a(f) f^{-7/6}
    let a: number;
    if (f < aIns) {
      a = (1 + t2 * pn2 + f * (pn3 + t * pn4 + t2 * pn5 + f * (pn6 + t * rho1 + t2 * rho2 + f * rho3))) * z7;
      exOk = false;
    } else if (f > aPeak) {
      const x = f - aRing;
      const w = step * gammaR;
      // exp(-x gammaR) = previous value times exp(-w), by its series (|w| < 0.01)
      const ex = exOk && w < MAX_SERIES_ARG && w > -MAX_SERIES_ARG ? expStep(exPrev, w) : Math.exp(-x * gammaR);
      exPrev = ex;
      exOk = true;
      a = ((ex * gammaD13) / (x * x + gammaD2)) * z7;
    } else {
      a = 1 / (d0 + f * (d1 + f * (d2 + f * (d3 + f * d4))));
      exOk = false;
    }
    // phase phi(f)/eta + connections; ln f carried as ln fPrev + 2 atanh(step/(f + fPrev)) (series, |.| < 0.01)
    let lnF = 0;
    if (f <= pInt) {
      if (lnK !== undefined) {
        lnF = lnScale + lnK[k];
      } else if (lnOk && carry) {
        const v = step / (f + f - step);
        const v2 = v * v;
        lnF = lnPrev + 2 * v * (1 + v2 * (1 / 3 + v2 * (1 / 5 + v2 * (1 / 7 + v2 * (1 / 9)))));
      } else {
        lnF = Math.log(f);
      }
      lnPrev = lnF;
      lnOk = true;
    } else {
      lnOk = false;
    }
    let phi: number;
    if (f < pIns) {
      const f2 = f * f;
      const t4 = t2 * t2;
      const sum = q0 + q2 * t2 + q3 * f + q4 * t4 + q5L * t4 * t * lnF +
        f2 * (q6 + q6L * lnF + q7 * t + (q8 + q8L * lnF) * t2 + f * (q9 + q10 * t + q11 * t2));
      phi = sum * y * y * y * y * y;
      atOk = false;
    } else {
      // atan(xa) carried: atan(xa) = atan(xaPrev) + atan(d), d = (xa - xaPrev)/(1 + xa xaPrev), series for |d| < 0.01
      const ringdown = f > pInt;
      const xa = (f - fRing) * (ringdown ? invDamp : inv2Damp);
      let at = 0;
      let exact = true;
      if (atOk && carry && ringdown === atRingdown) {
        const d = (xa - xaPrev) / (1 + xa * xaPrev);
        if (d < MAX_SERIES_ARG && d > -MAX_SERIES_ARG) {
          at = atanStep(atPrev, d);
          exact = false;
        }
      }
      if (exact) at = Math.atan(xa);
      atPrev = at;
      xaPrev = xa;
      atOk = true;
      atRingdown = ringdown;
      const inv = y * y * y;
      if (ringdown) {
        phi = c0 * f + c1 * t2 - inv * (c2 + c4t * inv * inv) + cL * at + cC;
      } else {
        phi = b0 * f + b1 * lnF - inv * (b2 + inv * (b3h + inv * b4t)) + bL * at + bC;
      }
    }
    // exp(i phi) carried by rotations E = E W, W = W exp(i dd) as mode-block.ts's addModeValues (from the block's
    // first bin whatever kWrite), re-anchored on sincos at the block start, after a step not carried, and where |dd| is large
    phi += tShift * f + phiOffset;
    const d = phi - phiPrev;
    const dd = d - dPrev;
    dPrev = d;
    phiPrev = phi;
    if (carry && run > 1 && dd < maxCurvature && dd > -maxCurvature) {
      const q = dd * dd;
      const c = rotationCos(q);
      const sn = rotationSin(dd, q);
      const w = wRe * c - wIm * sn;
      wIm = wRe * sn + wIm * c;
      wRe = w;
      const e = eRe * wRe - eIm * wIm;
      eIm = eRe * wIm + eIm * wRe;
      eRe = e;
    } else {
      sincos(phi, cs);
      const c = cs[0];
      const sn = cs[1];
      wRe = c * eRe + sn * eIm;
      wIm = sn * eRe - c * eIm;
      eRe = c;
      eIm = sn;
      run = carry && run > 0 ? 2 : 1;
    }
    if (k < kWrite) continue;
    const amp = scale * a;
    const re = amp * eRe;
    const im = amp * eIm;
    hp[2 * k] = plus * re;
    hp[2 * k + 1] = plus * im;
    if (hc !== null) {
      hc[2 * k] = cross * im;
      hc[2 * k + 1] = -cross * re;
    }
  }
  state[0] = fPrev;
  state[1] = guess;
  state[2] = lnPrev;
  state[3] = lnOk ? 1 : 0;
  state[4] = lastBlock;
  state[5] = exPrev;
  state[6] = exOk ? 1 : 0;
  state[7] = atPrev;
  state[8] = xaPrev;
  state[9] = atOk ? 1 : 0;
  state[10] = atRingdown ? 1 : 0;
  state[11] = phiPrev;
  state[12] = dPrev;
  state[13] = eRe;
  state[14] = eIm;
  state[15] = wRe;
  state[16] = wIm;
  state[17] = run;
}

/**
 * Type-feedback warm-up of fillPhenomX, called once by model.ts when it loads (~40 bins and a 160-bin uniform grid, under a
 * millisecond; `setup` is model.ts's setupPhenomX, passed in to keep the import one-way): passes through
 * every branch (bins outside the range, re-anchored and carried recurrences in each amplitude and phase
 * region, unwritten bins, with and without hx), so that V8 does not compile the per-bin loop before the
 * ringdown branches have run (see imrphenomd/kernel.ts).
 */
export function warmUpFillPhenomX(setup: (params: WaveformParams) => PhenomXSetup, factors: InclinationFactors): void {
  const params: WaveformParams = {
    m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
    distanceMpc: 1, inclination: 0.5, phiRef: 0.1, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
  };
  const s = setup(params);
  const grid = warmUpFrequencies(s.system.mSec, [0.002, 0.005, 0.01, 0.016, 0.03, 0.06, 0.1, 0.15, 0.2, 0.29], [0.31]);
  const n = grid.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fillPhenomX(s, grid, 0, n, params.fMinHz, s.fEndHz, factors, hp, hc, 0, n);
  fillPhenomX(s, grid, 0, n, params.fMinHz, s.fEndHz, factors, hp, null, 3, n);
  // a grid f_k = k df through every region (z and ln f from its tables)
  const uniform = Float64Array.from({ length: 160 }, (_, k) => 8 * k);
  const hu = new Float64Array(2 * uniform.length);
  fillPhenomX(s, uniform, 7, uniform.length, -Infinity, s.fEndHz, factors, hu, hu.slice(), 7, uniform.length);
}
