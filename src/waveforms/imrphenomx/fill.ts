/**
 * Per-bin loop of IMRPhenomXAS: h22 = amp0 f^{-7/6} a(f) exp(i [phi(f)/eta + tshift f + offset]) for the
 * selected bins, written as h+ and hx (see model.ts for the conventions).
 *
 * The region formulas of amplitude.ts / phase.ts are inlined with every coefficient hoisted into a local.
 * Speed: z = f^{-1/6} (hence f^{1/3}, f^{-1/3}, f^{-7/6}, f^{-5/3} by products), ln f, the ringdown
 * exp(-(f - f_ring) gammaR) and the intermediate / ringdown atan are carried from the previous bin by short
 * series (z is corrected against f itself, so its error does not accumulate) and re-anchored on Math.cbrt /
 * Math.log / Math.exp / Math.atan every 64 bins and whenever the step is not small (relative step > 0.05,
 * increments > 0.01, a region change, or a non-increasing frequency); cos/sin share one argument reduction
 * (imrphenomd/sincos.ts). The values agree with the scalar functions to ~1e-11 of max|h| (rounding amplified
 * by the large low-frequency phase); the same frequency on two grids agrees to that level, not bitwise.
 */
import { sinCos } from '../imrphenomd/sincos.js';
import type { InclinationFactors } from '../polarizations.js';
import type { PhenomXSetup } from './model.js';
import { PHI_NORM } from './phase.js';

/** LAL's XAS polarisation factor 2 sqrt(5/(64 pi)) exp(-i pi) (real, negative). */
const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));
/** Bins between exact re-evaluations (Math.cbrt / Math.log / Math.exp / Math.atan) of the carried values. */
const ANCHOR_EVERY = 64;
/** Largest relative frequency step (f - fPrev)/fPrev for which values are carried from the previous bin. */
const MAX_REL_STEP = 0.05;
/** Largest |argument| of the exp / atan / atanh increments evaluated by their series. */
const MAX_SERIES_ARG = 0.01;

/**
 * Fill bins start..stop-1 whose frequency f satisfies fLoHz <= f and M f <= M fHiHz (LAL's test);
 * other bins are left untouched (zero).
 */
export function fillPhenomX(
  s: PhenomXSetup, freqs: Float64Array, start: number, stop: number, fLoHz: number, fHiHz: number,
  factors: InclinationFactors, hp: Float64Array, hc: Float64Array,
): void {
  const { system, amp: A, phase: P } = s;
  const mSec = system.mSec;
  const mfHi = fHiHz * mSec;
  const invEta = 1 / system.eta;
  const scale = system.amp0 * YLM;
  const { plus, cross } = factors;
  const tShift = s.tShift;
  const phiOffset = s.phiOffset;
  // amplitude
  const aIns = A.fInsEnd;
  const aPeak = A.fPeak;
  const { pn2, pn3, pn4, pn5, pn6, rho1, rho2, rho3, d0, d1, d2, d3, d4, gammaR, gammaD13, gammaD2 } = A;
  const aRing = A.fRing;
  // phase (inspiral terms pre-multiplied by phiNorm/eta, the others by 1/eta)
  const pIns = P.fInsEnd;
  const pInt = P.fIntEnd;
  const kN = PHI_NORM * invEta;
  const q0 = P.phi0 * kN;
  const q2 = P.phi2 * kN;
  const q3 = P.phi3 * kN;
  const q4 = P.phi4 * kN;
  const q5L = P.phi5L * kN;
  const q6 = P.phi6 * kN;
  const q6L = P.phi6L * kN;
  const q7 = P.phi7 * kN;
  const q8 = (P.phi8 + P.sigma1) * kN;
  const q8L = P.phi8L * kN;
  const q9 = P.sigma2 * kN;
  const q10 = P.sigma3 * kN;
  const q11 = P.sigma4 * kN;
  const fRing = P.fRing;
  const fDamp = P.fDamp;
  const b0 = (P.b0 + P.C2Int) * invEta;
  const b1 = P.b1 * invEta;
  const b2 = P.b2 * invEta;
  const b3h = (P.b3 / 2) * invEta;
  const b4t = (P.b4 / 3) * invEta;
  const bL = ((2 * P.cL) / fDamp) * invEta;
  const bC = P.C1Int * invEta;
  const inv2Damp = 1 / (2 * fDamp);
  const c0 = (P.c0 + P.C2MRD) * invEta;
  const c1 = 1.5 * P.c1 * invEta;
  const c2 = P.c2 * invEta;
  const c4t = (P.c4 / 3) * invEta;
  const cL = (P.cL / fDamp) * invEta;
  const cC = P.C1MRD * invEta;
  const invDamp = 1 / fDamp;
  let atRingdown = false;
  const sincos = sinCos;
  const cs = new Float64Array(2);
  // Carried per-bin state (see the file header): z = f^{-1/6}, ln f, exp(-(f - f_ring) gammaR), atan arguments.
  let fPrev = 0;
  let zPrev = 0;
  let lnPrev = 0;
  let lnOk = false;
  let sinceAnchor = ANCHOR_EVERY;
  let exPrev = 0;
  let exOk = false;
  let atPrev = 0;
  let xaPrev = 0;
  let atOk = false;
  for (let k = start; k < stop; k++) {
    const fHz = freqs[k];
    if (!(fHz >= fLoHz)) continue;
    const f = mSec * fHz;
    if (!(f <= mfHi)) continue;
    const step = f - fPrev;
    const u = step * zPrev * zPrev * zPrev * zPrev * zPrev * zPrev; // step / fPrev
    let z: number;
    const carry = sinceAnchor < ANCHOR_EVERY && u > 0 && u < MAX_REL_STEP;
    if (carry) {
      // second-order guess, then one third-order correction against f itself (no error accumulates)
      z = zPrev * (1 - u * (1 / 6 - u * (7 / 72)));
      const z3 = z * z * z;
      const e = 1 - f * z3 * z3;
      z *= 1 + e * (1 / 6 + e * (7 / 72));
      sinceAnchor++;
    } else {
      z = 1 / Math.sqrt(Math.cbrt(f));
      sinceAnchor = 0;
      lnOk = false;
      exOk = false;
      atOk = false;
    }
    fPrev = f;
    zPrev = z;
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
      let ex: number;
      if (exOk && w < MAX_SERIES_ARG && w > -MAX_SERIES_ARG) {
        // exp(-x gammaR) = previous value times exp(-w), by its series (|w| < 0.01: error < 3e-21)
        ex = exPrev * (1 - w * (1 - w * (1 / 2 - w * (1 / 6 - w * (1 / 24 - w * (1 / 120 - w * (1 / 720 - w * (1 / 5040))))))));
      } else {
        ex = Math.exp(-x * gammaR);
      }
      exPrev = ex;
      exOk = true;
      a = ((ex * gammaD13) / (x * x + gammaD2)) * z7;
    } else {
      a = 1 / (d0 + f * (d1 + f * (d2 + f * (d3 + f * d4))));
      exOk = false;
    }
    // phase phi(f)/eta + connections; ln f carried as ln fPrev + 2 atanh(step/(f + fPrev)) (series, |.| < 0.01)
    let lnF = 0;
    const needLn = f <= pInt;
    if (needLn) {
      if (lnOk && carry) {
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
          const d2 = d * d;
          at = atPrev + d * (1 - d2 * (1 / 3 - d2 * (1 / 5 - d2 * (1 / 7 - d2 * (1 / 9)))));
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
    phi += tShift * f + phiOffset;
    sincos(phi, cs);
    const amp = scale * a;
    const re = amp * cs[0];
    const im = amp * cs[1];
    hp[2 * k] = plus * re;
    hp[2 * k + 1] = plus * im;
    hc[2 * k] = cross * im;
    hc[2 * k + 1] = -cross * re;
  }
}
