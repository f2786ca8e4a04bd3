/**
 * IMRPhenomXHM phase of one higher mode (arXiv:2001.10914 Secs. IV-V, App. D; LAL's
 * IMRPhenomXHM_GetPhaseCoefficients, version 122019), f = M f_GW:
 *
 *   inspiral (f < m/2 f_MECO): the 22's TaylorF2 + pseudo-PN coefficients rescaled to the mode,
 *                              phi_lm(f) ~ m/2 phi_22(2 f/m) + Lambda f (complex PN amplitude), + C1INSP f + CINSP;
 *   intermediate:              phi' = c0 + cL f_damp/(f_damp^2 + (f - f_ring)^2) + c1/f + c2/f^2 + c4/f^4 (+ c3/f^3 for the (3,2)),
 *                              through 5 (6) collocation values;
 *   ringdown (f >= fRD):       phi' = f_ring^2 alpha2/f^2 + alphaL f_damp/(f_damp^2 + (f - f_ring)^2) (rescaled 22 fits),
 *                              + C1RD f + CRD; the (3,2) takes arg of its spherical ringdown (spheroidal.ts),
 *
 * all shifted by deltaphiLM, which aligns the mode with m/2 times the 22 phase at 0.6 m/2 f_MECO (LAL's falign).
 */
import { dPhasePhenomX, PHI_NORM, phasePhenomX, type PhenomXPhaseCoefficients } from '../imrphenomx/phase.js';
import { solveLinear } from '../../core/linalg.js';
import type { PhenomXSetup } from '../imrphenomx/model.js';
import type { HMFitVars } from './fit-vars.js';
import { inspPhase21Lambda, inspPhase32Lambda, inspPhase33Lambda, inspPhase44Lambda } from './fits-inspiral-phase.js';
import * as p1 from './fits-intermediate-phase-21-33.js';
import * as p2 from './fits-intermediate-phase-32-44.js';
import { rdPhaseAlpha2, rdPhaseAlphaL } from './fits-ringdown-phase.js';
import type { HMMode } from './mode.js';
import { powers, type Powers } from './powers.js';

/** Everything the phase of one mode needs at a frequency. */
export interface HMPhaseCoefficients {
  /** Rescaled inspiral coefficients of f^{(i-7)/3} and of f^{(i-7)/3} ln f, i = 0..14. */
  phi: Float64Array;
  phiL: Float64Array;
  /** Intermediate coefficients, the mode's QNM frequencies. */
  c0: number; c1: number; c2: number; c3: number; c4: number; cL: number;
  fRing: number; fDamp: number;
  /** Ringdown coefficients of the rescaled 22 ansatz (modes without mixing). */
  alpha2: number; alphaL: number;
  /** Region boundaries and the C1 connections. */
  fIns: number; fRD: number;
  C1INSP: number; CINSP: number; C1RD: number; CRD: number;
  /** Alignment with the 22 (mod 2 pi). */
  deltaphiLM: number;
}

const INTER = [
  [p1.interPhase21V1, p1.interPhase21V2, p1.interPhase21V3, p1.interPhase21V4, p1.interPhase21V5, p1.interPhase21V6],
  [p1.interPhase33V1, p1.interPhase33V2, p1.interPhase33V3, p1.interPhase33V4, p1.interPhase33V5, p1.interPhase33V6],
  [p2.interPhase32V1, p2.interPhase32V2, p2.interPhase32V3, p2.interPhase32V4, p2.interPhase32V5, p2.interPhase32V6],
  [p2.interPhase44V1, p2.interPhase44V2, p2.interPhase44V3, p2.interPhase44V4, p2.interPhase44V5, p2.interPhase44V6],
];
const LAMBDA_FITS = [inspPhase21Lambda, inspPhase33Lambda, inspPhase32Lambda, inspPhase44Lambda];
/** Exponents (i - 7)/3 of the inspiral derivative; LAL's C literal -7/3 is the integer -2. */
const D_EXPONENTS = [-2, -2, -5 / 3, -4 / 3, -1, -2 / 3, -1 / 3, 0, 1 / 3, 2 / 3, 1, 4 / 3, 5 / 3, 2, 7 / 3];

/** LAL's PN value of Lambda (the linear-in-f phase of the complex PN amplitude), for eta > 0.01. */
function lambdaPN(eta: number, tag: number): number {
  const PI = Math.PI;
  switch (tag) {
    case 21: return -(2 * PI * (-0.5 - 2 * Math.log(2)));
    case 33: return -((2 / 3) * PI * (-21 / 5 + 6 * Math.log(1.5)));
    case 32: return -(-((2376 * PI * (-5 + 22 * eta)) / (-3960 + 11880 * eta)));
    default: return -((45045 * PI * (336 - 1193 * eta + 320 * (-1 + 3 * eta) * Math.log(2))) / (2 * (-1801800 + 5405400 * eta)));
  }
}

/** Inspiral phase of the mode (without connections): sum_i (phi_i + phiL_i ln f) f^{(i-7)/3}, LAL's order. */
export function inspiralPhase(c: HMPhaseCoefficients, p: Powers): number {
  const a = c.phi;
  const b = c.phiL;
  const L = p.log;
  let out = (a[0] + b[0] * L) * p.mSevenThirds;
  out += (a[1] + b[1] * L) * p.mTwo;
  out += (a[2] + b[2] * L) * p.mFiveThirds;
  out += (a[3] + b[3] * L) * p.mFourThirds;
  out += (a[4] + b[4] * L) * p.mOne;
  out += (a[5] + b[5] * L) * p.mTwoThirds;
  out += (a[6] + b[6] * L) * p.mOneThird;
  out += a[7] + b[7] * L;
  out += (a[8] + b[8] * L) * p.oneThird;
  out += (a[9] + b[9] * L) * p.twoThirds;
  out += (a[10] + b[10] * L) * p.itself;
  out += (a[11] + b[11] * L) * p.fourThirds;
  out += (a[12] + b[12] * L) * p.fiveThirds;
  out += (a[13] + b[13] * L) * p.two;
  out += (a[14] + b[14] * L) * p.sevenThirds;
  return out;
}

/** Inspiral phase derivative (LAL's IMRPhenomXHM_Inspiral_Phase_Ansatz). */
export function dInspiralPhase(c: HMPhaseCoefficients, p: Powers): number {
  const fr = [p.mTenThirds, p.mThree, p.mEightThirds, p.mSevenThirds, p.mTwo, p.mFiveThirds, p.mFourThirds, p.mOne, p.mTwoThirds, p.mOneThird,
    1, p.oneThird, p.twoThirds, p.itself, p.fourThirds];
  let out = 0;
  for (let i = 0; i < 15; i++) out += ((c.phi[i] + c.phiL[i] * p.log) * D_EXPONENTS[i] + c.phiL[i]) * fr[i];
  return out;
}

/** Intermediate phase (integrated ansatz). */
export function intermediatePhase(c: HMPhaseCoefficients, p: Powers, mixing: boolean): number {
  const ff = p.itself;
  let out = c.c0 * ff + c.c1 * p.log - c.c2 * p.mOne + (-1 / 3) * c.c4 * p.mThree;
  if (mixing) out += -0.5 * c.c3 * p.mTwo;
  return out + c.cL * Math.atan((ff - c.fRing) / c.fDamp);
}

/** Intermediate phase derivative. */
export function dIntermediatePhase(c: HMPhaseCoefficients, p: Powers, mixing: boolean): number {
  const ff = p.itself;
  const lor = (c.cL * c.fDamp) / (c.fDamp * c.fDamp + (ff - c.fRing) * (ff - c.fRing));
  if (!mixing) return c.c0 + c.c1 * p.mOne + c.c2 * p.mTwo + c.c4 * p.mFour + lor;
  return c.c0 + c.c1 * p.mOne + c.c2 * p.mTwo + c.c4 * p.mFour + c.c3 * p.mThree + lor;
}

/** Ringdown phase of the rescaled 22 ansatz (modes without mixing). */
export function ringdownPhase(c: HMPhaseCoefficients, p: Powers): number {
  const ff = p.itself;
  return -c.fRing * c.fRing * c.alpha2 * p.mOne + c.alphaL * Math.atan((ff - c.fRing) / c.fDamp);
}

/** Its derivative. */
export function dRingdownPhase(c: HMPhaseCoefficients, p: Powers): number {
  const ff = p.itself;
  return c.fRing * c.fRing * c.alpha2 * p.mTwo + (c.alphaL * c.fDamp) / (c.fDamp * c.fDamp + (ff - c.fRing) * (ff - c.fRing));
}

/** Value, first and second derivative of the (3,2) spherical ringdown phase at fRD (LAL's 3-point stencil). */
export interface RingdownPhaseAnchor { phi0: number; dphi0: number; d2phi0: number }

/** The 22 quantities the phase of a mode reads: its coefficients, time shift and reference phase. */
export interface Phase22 {
  phase: PhenomXPhaseCoefficients;
  eta: number;
  fMECO: number;
  fRing: number; fDamp: number;
  tShift: number;
  phiRef22: number;
}

/** The 22 quantities of an IMRPhenomXAS set-up. */
export function phase22Of(s: PhenomXSetup): Phase22 {
  return {
    phase: s.phase, eta: s.system.eta, fMECO: s.system.fMECO, fRing: s.system.fRing, fDamp: s.system.fDamp,
    tShift: s.tShift, phiRef22: s.phiOffset,
  };
}

/**
 * Phase coefficients of one mode. For the (3,2), `anchor32(fRD)` gives the spherical ringdown phase, slope and
 * curvature at the start of the ringdown (spheroidal.ts).
 */
export function phaseCoefficients(v: HMFitVars, mode: HMMode, p22: Phase22, anchor32?: (fRD: number) => RingdownPhaseAnchor): HMPhaseCoefficients {
  const eta = p22.eta;
  const { sTotR, chi1 } = v;
  const m2 = mode.emm * 0.5;
  const P = p22.phase;
  // ---- inspiral: rescaled 22 coefficients (LAL's order phi_-2 .. phi_12)
  const nonLog = [0, 0, P.phi0, 0, P.phi2, P.phi3, P.phi4, 0, P.phi6, P.phi7, P.phi8, 0, 0, 0, 0];
  const logs = [0, 0, 0, 0, 0, 0, 0, P.phi5L, P.phi6L, 0, P.phi8L, 0, 0, 0, 0];
  const pseudo = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, P.sigma1, P.sigma2, P.sigma3, P.sigma4, 0];
  const fact = PHI_NORM / eta;
  const phi = new Float64Array(15);
  const phiL = new Float64Array(15);
  const lnM2 = Math.log(m2);
  for (let i = 0; i < 15; i++) {
    const scale = Math.pow(m2, (10 - i) / 3);
    const lg = logs[i] * fact;
    phi[i] = (nonLog[i] * fact + pseudo[i] * fact - lg * lnM2) * scale;
    phiL[i] = lg * scale;
  }
  phi[10] += eta > 0.01 ? lambdaPN(eta, mode.tag) : LAMBDA_FITS[mode.modeInt](v);

  // ---- collocation frequencies and values of the intermediate derivative
  const fMECO = p22.fMECO;
  const fcut = (1 + 0.001 * (0.25 / eta - 1)) * mode.emm * 0.5 * fMECO;
  const fring = mode.fRing;
  const freqs = new Array<number>(6);
  let fRD: number;
  freqs[0] = fcut;
  if (mode.mixing) {
    const fEnd = p22.fRing - 0.5 * p22.fDamp;
    freqs[1] = (Math.sqrt(3) * (fcut - fEnd) + 2 * (fcut + fEnd)) / 4;
    freqs[2] = (3 * fcut + fEnd) / 4;
    freqs[3] = (fcut + fEnd) / 2;
    freqs[4] = fEnd;
    freqs[5] = fEnd;
    fRD = eta < 0.01 && chi1 < 0 ? fEnd * (1.2 - 0.25 * chi1) : fEnd;
  } else {
    freqs[1] = (Math.sqrt(3) * (fcut - fring) + 2 * (fcut + fring)) / 4;
    freqs[2] = (3 * fcut + fring) / 4;
    freqs[3] = (fcut + fring) / 2;
    freqs[4] = (fcut + 3 * fring) / 4;
    freqs[5] = (fcut + 7 * fring) / 8;
    fRD = fring - mode.fDamp;
  }
  const fIns = mode.fMECOlm;
  const vals = INTER[mode.modeInt].map((fit) => fit(v) + mode.deltaT);
  const c: HMPhaseCoefficients = {
    phi, phiL, c0: 0, c1: 0, c2: 0, c3: 0, c4: 0, cL: 0, fRing: fring, fDamp: mode.fDamp, alpha2: 0, alphaL: 0,
    fIns, fRD, C1INSP: 0, CINSP: 0, C1RD: 0, CRD: 0, deltaphiLM: 0,
  };
  if (mode.tag === 21 && sTotR >= 0.8) {
    const ins = [0, 1, 2].map((i) => (1 / eta) * dPhasePhenomX(P, (1 / m2) * freqs[i]));
    vals[1] = vals[2] + (ins[1] - ins[2]);
    vals[0] = vals[1] + (ins[0] - ins[1]);
  }
  const n = mode.nInterPhase;
  const a = new Float64Array(n * n);
  const b = new Float64Array(n);
  const row = (i: number, ff: number): void => {
    const ffm1 = 1 / ff;
    const ffm2 = ffm1 * ffm1;
    const fp = [1, mode.fDamp / (Math.pow(mode.fDamp, 2) + Math.pow(ff - fring, 2)), ffm1, ffm2, ffm2 * ffm2, ffm1 * ffm2];
    for (let j = 0; j < n; j++) a[i * n + j] = fp[j];
  };
  let phi0RD: number;
  let dphi0RD: number;
  const pRD = powers(fRD);
  if (!mode.mixing) {
    const wlm = mode.ell === mode.emm ? 2 : mode.emm / 3;
    c.alpha2 = (1 / Math.pow(fring, 2)) * wlm * rdPhaseAlpha2(v);
    c.alphaL = (1 / eta) * rdPhaseAlphaL(v);
    phi0RD = ringdownPhase(c, pRD);
    dphi0RD = dRingdownPhase(c, pRD);
    const pick = eta < mode.etaEMR || (mode.emm === mode.ell && sTotR >= 0.8) || (mode.tag === 33 && sTotR < 0) ? [0, 1, 3, 4, 5]
      : sTotR >= 0.8 && mode.tag === 21 ? [0, 1, 2, 4, 5] : [0, 1, 2, 3, 5];
    for (let i = 0; i < n; i++) {
      b[i] = vals[pick[i]];
      row(i, freqs[pick[i]]);
    }
  } else {
    const anchor = (anchor32 as (f: number) => RingdownPhaseAnchor)(fRD);
    phi0RD = anchor.phi0;
    dphi0RD = anchor.dphi0;
    if (eta > mode.etaEMR) {
      freqs[n - 2] = fRD;
      vals[n - 2] = dphi0RD;
    }
    freqs[n - 1] = fRD;
    vals[n - 1] = anchor.d2phi0;
    for (let i = 0; i < n; i++) {
      b[i] = vals[i];
      row(i, freqs[i]);
    }
    const ff = freqs[n - 1];
    const ffm1 = 1 / ff;
    const ffm2 = ffm1 * ffm1;
    const ffm3 = ffm2 * ffm1;
    const ffm4 = ffm2 * ffm2;
    const ffm5 = ffm3 * ffm2;
    const d = [0, (-2 * mode.fDamp * (ff - fring)) / Math.pow(Math.pow(mode.fDamp, 2) + Math.pow(ff - fring, 2), 2), -ffm2, -2 * ffm3, -4 * ffm5, -3 * ffm4];
    for (let j = 0; j < n; j++) a[(n - 1) * n + j] = d[j];
  }
  const x = solveLinear(a, b, n);
  c.c0 = x[0];
  c.cL = x[1];
  c.c1 = x[2];
  c.c2 = x[3];
  c.c4 = x[4];
  if (mode.mixing) {
    c.c3 = x[5];
    if (eta < mode.etaEMR) c.c0 = c.c0 + dphi0RD - dIntermediatePhase(c, pRD, true);
  }
  // ---- C1 connections and the alignment with the 22
  const pIns = powers(fIns);
  c.C1INSP = dIntermediatePhase(c, pIns, mode.mixing) - dInspiralPhase(c, pIns);
  c.CINSP = -(c.C1INSP * fIns) + intermediatePhase(c, pIns, mode.mixing) - inspiralPhase(c, pIns);
  c.C1RD = dIntermediatePhase(c, pRD, mode.mixing) - dphi0RD;
  c.CRD = -c.C1RD * fRD + intermediatePhase(c, pRD, mode.mixing) - phi0RD;
  const falign = eta > mode.etaEMR ? 0.6 * m2 * fMECO : m2 * fMECO;
  const pAlign = powers(falign);
  const deltaphiLM = m2 * ((1 / eta) * phasePhenomX(P, (1 / m2) * falign) + 0 + p22.phiRef22) + p22.tShift * falign -
    3 * (Math.PI / 4) * (1 - m2) - (inspiralPhase(c, pAlign) + c.C1INSP * falign + c.CINSP);
  c.deltaphiLM = deltaphiLM % (2 * Math.PI);
  if (mode.tag === 21 && pn21Sign(0.008, eta, v.chi1, v.chi2) > 0) c.deltaphiLM += Math.PI;
  return c;
}

/** (2,1) PN amplitude sign: -16 delta eta f pi^{3/2}/(3 sqrt5) + ... >= 0 (LAL's IMRPhenomXHM_PN21AmpSign). */
export function pn21Sign(ff: number, eta: number, chi1: number, chi2: number): number {
  const PI = Math.PI;
  const delta = Math.sqrt(1 - 4 * eta);
  const out = (-16 * delta * eta * ff * Math.pow(PI, 1.5)) / (3 * Math.sqrt(5)) +
    (4 * Math.pow(2, 0.3333333333333333) * (chi1 - chi2 + delta * (chi1 + chi2)) * eta * Math.pow(ff, 1.3333333333333333) * Math.pow(PI, 1.8333333333333333)) / Math.sqrt(5) +
    (2 * Math.pow(2, 0.6666666666666666) * eta * (306 * delta - 360 * delta * eta) * Math.pow(ff, 1.6666666666666667) * Math.pow(PI, 2.1666666666666665)) / (189 * Math.sqrt(5));
  return out >= 0 ? 1 : -1;
}
