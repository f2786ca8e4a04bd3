/**
 * IMRPhenomD per-bin kernel: h(f) on the selected bins from a PhenomDSetup (formulas and recurrences in
 * model.ts's header), run in chunks of CHUNK bins with a carried state, plus a load-time type-feedback
 * warm-up. Used by model.ts only.
 */
import { inclinationFactors } from '../polarizations.js';
import type { WaveformParams } from '../types.js';
import { AMP_F_JOIN_INS } from './amplitude.js';
import { PHI_F_JOIN_INS } from './phase.js';
import { setupPhenomD, type PhenomDSetup } from './setup.js';
import { sinCos } from './sincos.js';

/** Bins between exact re-evaluations of f^{1/3} and ln f in the per-bin recurrences. */
const ANCHOR_EVERY = 64;
/** Largest relative frequency step for which the recurrences are used (else Math.cbrt / Math.log). */
const MAX_REL_STEP = 0.02;
/** Largest |argument| of the exp / atan increments evaluated by series (else Math.exp / Math.atan). */
const MAX_CARRIED_ARG = 0.01;

/** Bins per call of fillChunk (see fill). */
const CHUNK = 32;
/** Slots of the carried state of fillChunk: f, f^{-1/3}, ln f, bins since anchor, exp, exp valid, atan, its argument, atan valid. */
const STATE_LENGTH = 9;

/**
 * Write bins [kLo, kHi) of h+ (and of hx when `hc` is not null): the selected bins get the model,
 * every other bin of [kLo, kHi) is set to zero; bins outside [kLo, kHi) are not touched.
 * The bins are filled CHUNK at a time by fillChunk, which carries its recurrences in a small state
 * array: a short loop per call lets V8 compile fillChunk as a whole function instead of on-stack in
 * one long loop (on-stack-compiled code stays in use and measured ~40% slower). Values do not depend
 * on the chunking.
 */
export function fill(
  s: PhenomDSetup, freqs: Float64Array, rangeStart: number, rangeStop: number, fLo: number, fHi: number,
  inclination: number, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
): void {
  const kStart = Math.max(rangeStart, kLo);
  const kStop = Math.max(kStart, Math.min(rangeStop, kHi));
  zeroBins(hp, hc, kLo, Math.min(kStart, kHi));
  zeroBins(hp, hc, Math.max(kStop, kLo), kHi);
  const { plus, cross } = inclinationFactors(inclination);
  const state = new Float64Array(STATE_LENGTH);
  state[3] = ANCHOR_EVERY;
  const cs = new Float64Array(2);
  const K = packConstants(s);
  for (let c0 = kStart; c0 < kStop; c0 += CHUNK) {
    fillChunk(K, freqs, c0, Math.min(c0 + CHUNK, kStop), fLo, fHi, plus, cross, hp, hc, state, cs);
  }
}

/** Number of constants packed by packConstants (the order of the list in it). */
const K_LENGTH = 55;

/**
 * The frequency-independent numbers of fillChunk, packed into one array (so that fillChunk reads only
 * typed arrays: no object whose hidden class could change under its optimised code).
 */
function packConstants(s: PhenomDSetup): Float64Array {
  const a = s.amp;
  const p = s.phase;
  const wA = a.fDM * a.gamma3;
  const K = new Float64Array(K_LENGTH);
  K.set([
    s.ampScale * a.amp0, s.mTotalSec, s.t0, s.mfRef, s.phiOffset, a.fPeak, p.fMRDJoin, wA * wA, a.gamma2 / wA, wA * a.gamma1,
    1 / p.fDM, p.beta3 / 3, p.alpha5 * p.fRD, (4.0 / 3.0) * p.alpha3,
    a.i23, a.i43, a.i53, a.i1, a.i2, a.rho1, a.rho2, a.rho3, a.fRD, a.f1, a.f2, a.f3, a.n0, a.n1, a.n2, a.n3, a.n4,
    p.p0, p.p23, p.p13, p.p13l, p.pl, p.pm13, p.pm23, p.pm1, p.pm43, p.pm53, p.s1, p.s43, p.s53, p.s2, p.etaInv,
    p.alpha1, p.alpha2, p.alpha4, p.beta1, p.beta2, p.c1Int, p.c2Int, p.c1MRD, p.c2MRD,
  ]);
  return K;
}

/** Bins [k0, k1) of fill (constants K from packConstants), continuing the recurrences in `state` (see STATE_LENGTH) and updating it. */
function fillChunk(
  K: Float64Array, freqs: Float64Array, k0: number, k1: number, fLo: number, fHi: number, plus: number, cross: number,
  hp: Float64Array, hc: Float64Array | null, state: Float64Array, cs: Float64Array,
): void {
  const scale = K[0];
  const mSec = K[1];
  const t0 = K[2];
  const mfRef = K[3];
  const phiOffset = K[4];
  const fPeak = K[5];
  const fMRD = K[6];
  const wA2 = K[7];
  const gA = K[8];
  const gwA = K[9];
  const invFDM = K[10];
  const beta3Third = K[11];
  const a5fRD = K[12];
  const fourThirdsA3 = K[13];
  const i23 = K[14];
  const i43 = K[15];
  const i53 = K[16];
  const i1 = K[17];
  const i2 = K[18];
  const rho1 = K[19];
  const rho2 = K[20];
  const rho3 = K[21];
  const fRD = K[22];
  const f1 = K[23];
  const f2 = K[24];
  const f3 = K[25];
  const n0 = K[26];
  const n1 = K[27];
  const n2 = K[28];
  const n3 = K[29];
  const n4 = K[30];
  const p0 = K[31];
  const p23 = K[32];
  const p13 = K[33];
  const p13l = K[34];
  const pl = K[35];
  const pm13 = K[36];
  const pm23 = K[37];
  const pm1 = K[38];
  const pm43 = K[39];
  const pm53 = K[40];
  const s1 = K[41];
  const s43 = K[42];
  const s53 = K[43];
  const s2 = K[44];
  const etaInv = K[45];
  const alpha1 = K[46];
  const alpha2 = K[47];
  const alpha4 = K[48];
  const beta1 = K[49];
  const beta2 = K[50];
  const c1Int = K[51];
  const c2Int = K[52];
  const c1MRD = K[53];
  const c2MRD = K[54];
  // Module bindings copied to locals: imported names can be slow to read inside a hot loop.
  const ampJoin = AMP_F_JOIN_INS;
  const phiJoin = PHI_F_JOIN_INS;
  const lnPi = Math.log(Math.PI);
  const sincos = sinCos;
  // f^{-1/3} and ln f by short recurrences from the previous bin (division-free; ln via atanh series),
  // re-anchored on Math.cbrt / Math.log every ANCHOR_EVERY bins and whenever the step is not small.
  let fPrev = state[0];
  let itPrev = state[1];
  let lnPrev = state[2];
  let sinceAnchor = state[3];
  // exp and atan of the merger-ringdown amplitude and phase, carried the same way while in that region
  let exPrev = state[4];
  let exOk = state[5] !== 0;
  let atPrev = state[6];
  let xaPrev = state[7];
  let atOk = state[8] !== 0;
  for (let k = k0; k < k1; k++) {
    const fHz = freqs[k];
    if (!(fHz >= fLo && fHz < fHi)) {
      zeroBins(hp, hc, k, k + 1);
      continue;
    }
    const f = mSec * fHz;
    const step = f - fPrev;
    let it: number; // f^{-1/3}
    let lnF: number;
    if (sinceAnchor < ANCHOR_EVERY && step > 0 && step < MAX_REL_STEP * fPrev) {
      // first-order guess y(f) = y(fPrev) (1 - step/(3 fPrev)), relative error < 1e-4, then two
      // division-free third-order steps y <- y (1 - e)^{-1/3} ~ y (1 + e/3 + 2 e^2/9), e = 1 - f y^3
      const yPrev3 = itPrev * itPrev * itPrev;
      it = itPrev * (1 - step * yPrev3 * (1 / 3));
      let e = 1 - f * it * it * it;
      it *= 1 + e * (1 / 3 + e * (2 / 9));
      e = 1 - f * it * it * it;
      it *= 1 + e * (1 / 3 + e * (2 / 9));
      // ln f = ln fPrev + 2 atanh(u), u = step/(f + fPrev) < 0.01: series truncation < 1e-22
      const u = step / (f + fPrev);
      const u2 = u * u;
      lnF = lnPrev + 2 * u * (1 + u2 * (1 / 3 + u2 * (1 / 5 + u2 * (1 / 7 + u2 * (1 / 9)))));
      sinceAnchor++;
    } else {
      it = 1 / Math.cbrt(f);
      lnF = Math.log(f);
      sinceAnchor = 0;
    }
    const carried = sinceAnchor > 0;
    fPrev = f;
    itPrev = it;
    lnPrev = lnF;
    const it2 = it * it;
    const invF = it2 * it;
    const t = f * it2;
    const t2 = t * t;
    const t4 = f * t;
    // amplitude: scale * f^{-7/6} * a(f)
    let amp: number;
    if (f < ampJoin) {
      const f2 = f * f;
      amp = 1 + t2 * i23 + t4 * i43 + t4 * t * i53 + t * f2 * rho1 + t2 * f2 * rho2 + f * (i1 + f * i2 + f2 * rho3);
      exOk = false;
    } else if (f >= fPeak) {
      // exp(-(f - fRD) gA) carried: times exp(-z), z = step gA, by its series (|z| < 0.01: error < 3e-21)
      const x = f - fRD;
      const z = step * gA;
      let ex: number;
      if (carried && exOk && Math.abs(z) < MAX_CARRIED_ARG) {
        ex = exPrev * (1 - z * (1 - z * (1 / 2 - z * (1 / 6 - z * (1 / 24 - z * (1 / 120 - z * (1 / 720 - z * (1 / 5040))))))));
      } else {
        ex = Math.exp(-x * gA);
      }
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
          const d2 = d * d;
          at = atPrev + d * (1 - d2 * (1 / 3 - d2 * (1 / 5 - d2 * (1 / 7 - d2 * (1 / 9)))));
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
    phi -= t0 * (f - mfRef) + phiOffset;
    sincos(phi, cs);
    const re = amp * cs[0];
    const im = -amp * cs[1];
    hp[2 * k] = plus * re;
    hp[2 * k + 1] = plus * im;
    if (hc !== null) {
      hc[2 * k] = cross * im;
      hc[2 * k + 1] = -cross * re;
    }
  }
  state[0] = fPrev;
  state[1] = itPrev;
  state[2] = lnPrev;
  state[3] = sinceAnchor;
  state[4] = exPrev;
  state[5] = exOk ? 1 : 0;
  state[6] = atPrev;
  state[7] = xaPrev;
  state[8] = atOk ? 1 : 0;
}

/** Set bins [k0, k1) of hp (and hc when given) to zero. */
function zeroBins(hp: Float64Array, hc: Float64Array | null, k0: number, k1: number): void {
  if (!(k1 > k0)) return;
  hp.fill(0, 2 * k0, 2 * k1);
  if (hc !== null) hc.fill(0, 2 * k0, 2 * k1);
}

/**
 * Type-feedback warm-up, run once when the module loads (~40 bins, well under a millisecond): passes
 * through every branch of `fill` (bins outside [f_min, f_end), re-anchored and carried recurrences in
 * each amplitude and phase region, with and without hx). Without it V8 compiles the per-bin loop
 * on-stack during the first waveform, before the merger-ringdown branches have run, and that code then
 * deoptimises on every later call.
 */
function warmUpFill(): void {
  const params: WaveformParams = {
    m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
    distanceMpc: 1, inclination: 0.5, phiRef: 0.1, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
  };
  const s = setupPhenomD(params);
  const mfs = [0.002, 0.005, 0.01, 0.016, 0.03, 0.06, 0.1, 0.15, 0.19];
  const freqs: number[] = [10];
  for (const mf of mfs) for (let j = 0; j < 4; j++) freqs.push((mf * (1 + 1e-4 * j)) / s.mTotalSec);
  const grid = Float64Array.from(freqs);
  const n = grid.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, params.inclination, hp, hc, 0, n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, params.inclination, hp, null, 0, n);
}
warmUpFill();
