/**
 * Per-bin loop of IMRPhenomXAS: h22 = amp0 f^{-7/6} a(f) exp(i [phi(f)/eta + tshift f + offset]) for the
 * selected bins, written as h+ and hx (see model.ts for the conventions).
 *
 * The region formulas of amplitude.ts / phase.ts are inlined with every coefficient hoisted into a local;
 * per bin only f^{1/3} (Math.cbrt), ln f (inspiral and intermediate phase), one atan (intermediate /
 * ringdown phase), one exp (ringdown amplitude), one sqrt and one shared cos/sin reduction are evaluated.
 * The result equals the scalar functions of amplitude.ts / phase.ts to rounding.
 */
import { sinCos } from '../imrphenomd/sincos.js';
import type { InclinationFactors } from '../polarizations.js';
import type { PhenomXSetup } from './model.js';
import { PHI_NORM } from './phase.js';

/** LAL's XAS polarisation factor 2 sqrt(5/(64 pi)) exp(-i pi) (real, negative). */
const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));

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
  const sincos = sinCos;
  const cs = new Float64Array(2);
  for (let k = start; k < stop; k++) {
    const fHz = freqs[k];
    if (!(fHz >= fLoHz)) continue;
    const f = mSec * fHz;
    if (!(f <= mfHi)) continue;
    const t = Math.cbrt(f);
    const t2 = t * t;
    const sixth = Math.sqrt(t);
    // amplitude a(f) f^{-7/6}
    let a: number;
    if (f < aIns) {
      a = (1 + t2 * pn2 + f * (pn3 + t * pn4 + t2 * pn5 + f * (pn6 + t * rho1 + t2 * rho2 + f * rho3))) / (f * sixth);
    } else if (f > aPeak) {
      const x = f - aRing;
      a = (Math.exp(-x * gammaR) * gammaD13) / ((x * x + gammaD2) * f * sixth);
    } else {
      a = 1 / (d0 + f * (d1 + f * (d2 + f * (d3 + f * d4))));
    }
    // phase phi(f)/eta + connections
    let phi: number;
    if (f < pIns) {
      const L = Math.log(f);
      const f2 = f * f;
      const t4 = t2 * t2;
      const sum = q0 + q2 * t2 + q3 * f + q4 * t4 + q5L * t4 * t * L +
        f2 * (q6 + q6L * L + q7 * t + (q8 + q8L * L) * t2 + f * (q9 + q10 * t + q11 * t2));
      phi = sum / (t4 * t);
    } else if (f > pInt) {
      const inv = 1 / f;
      phi = c0 * f + c1 * t2 - inv * (c2 + c4t * inv * inv) + cL * Math.atan((f - fRing) * invDamp) + cC;
    } else {
      const inv = 1 / f;
      phi = b0 * f + b1 * Math.log(f) - inv * (b2 + inv * (b3h + inv * b4t)) + bL * Math.atan((f - fRing) * inv2Damp) + bC;
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
