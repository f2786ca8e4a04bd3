/**
 * IMRPhenomXAS 22 phase (arXiv:2001.11412 Sec. VII; LAL default versions: inspiral 104, intermediate
 * 105, ringdown 105), as eta * phi(f) with f = M f_GW. Each region has a phase-derivative ansatz and
 * its integral; the regions are joined C1 at fInsEnd and fIntEnd by linear terms C1 + C2 f.
 *
 *   inspiral:     phi' = dphase0 f^{-8/3} [sum_k dphi_k f^{k/3} (+ log terms) + a0 f^{8/3} + a1 f^3 + a2 f^{10/3} + a3 f^{11/3}],
 *                 phi  = phiNorm f^{-5/3} [sum_k phi_k f^{k/3} (+ log terms) + sum_i sigma_i f^{(7+i)/3}],
 *                 TaylorF2 to 3.5PN (+ the 4PN spin-orbit terms), dphase0 = 5/(128 pi^{5/3}), phiNorm = -3/(128 pi^{5/3});
 *   intermediate: phi' = b0 + b1/f + b2/f^2 + b3/f^3 + b4/f^4 + 4 cL/(4 f_damp^2 + (f - f_ring)^2);
 *   ringdown:     phi' = c0 + c1 f^{-1/3} + c2/f^2 + c4/f^4 + cL/(f_damp^2 + (f - f_ring)^2).
 *
 * The pseudo-PN, intermediate and ringdown coefficients solve the collocation systems at
 * Gauss-Chebyshev nodes whose values are the parameter-space fits of fits-*.ts.
 */
import { GAMMA } from '../../core/constants.js';
import { inspiralPhaseD13, inspiralPhaseD23, inspiralPhaseD43, inspiralPhaseV3 } from './fits-inspiral.js';
import {
  intermediatePhaseD43, intermediatePhaseV2, intermediatePhaseV2mRDv4, intermediatePhaseV3mRDv4,
} from './fits-intermediate.js';
import { ringdownPhaseD12, ringdownPhaseD24, ringdownPhaseD34, ringdownPhaseD54, ringdownPhaseV4 } from './fits-ringdown.js';
import { solveLinear } from '../../core/linalg.js';
import type { PhenomXSystem } from './setup.js';

/** 5/(128 pi^{5/3}): normalisation of the phase derivative. */
export const DPHASE0 = 5 / (128 * Math.pow(Math.PI, 5 / 3));
/** -3/(128 pi^{5/3}): normalisation of the TaylorF2 phase. */
export const PHI_NORM = -3 / (128 * Math.pow(Math.PI, 5 / 3));

/** Gauss-Chebyshev nodes on [0, 1] with 4 and 5 points (LAL's gpoints4 / gpoints5). */
const NODES4 = [0, 1 / 4, 3 / 4, 1];
const NODES5 = [0, 1 / 2 - 1 / (2 * Math.sqrt(2)), 1 / 2, 1 / 2 + 1 / (2 * Math.sqrt(2)), 1];

/** Coefficients of the three phase regions and their connections. */
export interface PhenomXPhaseCoefficients {
  /** Inspiral end and intermediate end (geometric). */
  fInsEnd: number;
  fIntEnd: number;
  /** TaylorF2 phase coefficients (pi powers folded in); log terms multiply ln f. */
  phi0: number; phi2: number; phi3: number; phi4: number; phi5L: number; phi6: number; phi6L: number;
  phi7: number; phi8: number; phi8L: number;
  /** Their derivative counterparts. */
  dphi0: number; dphi2: number; dphi3: number; dphi4: number; dphi5: number; dphi6: number; dphi6L: number;
  dphi7: number; dphi8: number; dphi8L: number;
  /** Pseudo-PN coefficients of the derivative (a) and of the phase (sigma = -5/(3..6) a). */
  a0: number; a1: number; a2: number; a3: number;
  sigma1: number; sigma2: number; sigma3: number; sigma4: number;
  /** Intermediate coefficients. */
  b0: number; b1: number; b2: number; b3: number; b4: number;
  /** Ringdown coefficients and the Lorentzian weight cL = -dphase0 aRD. */
  c0: number; c1: number; c2: number; c4: number; cL: number;
  fRing: number;
  fDamp: number;
  /** Connections: phi_int + C1Int + C2Int f and phi_rd + C1MRD + C2MRD f. */
  C1Int: number; C2Int: number; C1MRD: number; C2MRD: number;
}

/** Inspiral phase ansatz (integrated), eta phi_ins(f). */
export function phaseInspiral(c: PhenomXPhaseCoefficients, f: number): number {
  const t = Math.cbrt(f);
  const t2 = t * t;
  const L = Math.log(f);
  const f2 = f * f;
  const sum = c.phi0 + c.phi2 * t2 + c.phi3 * f + c.phi4 * t2 * t2 + c.phi5L * t2 * t2 * t * L +
    f2 * (c.phi6 + c.phi6L * L + c.phi7 * t + (c.phi8 + c.phi8L * L + c.sigma1) * t2) +
    f2 * f * (c.sigma2 + c.sigma3 * t + c.sigma4 * t2);
  return (PHI_NORM * sum) / (t2 * t2 * t);
}

/** Inspiral phase-derivative ansatz, eta phi'_ins(f). */
export function dPhaseInspiral(c: PhenomXPhaseCoefficients, f: number): number {
  const t = Math.cbrt(f);
  const t2 = t * t;
  const L = Math.log(f);
  const f2 = f * f;
  const sum = c.dphi0 + c.dphi2 * t2 + c.dphi3 * f + c.dphi4 * t2 * t2 + c.dphi5 * t2 * t2 * t +
    f2 * (c.dphi6 + c.dphi6L * L + c.dphi7 * t + (c.dphi8 + c.dphi8L * L + c.a0) * t2) +
    f2 * f * (c.a1 + c.a2 * t + c.a3 * t2);
  return (DPHASE0 * sum) / (f2 * t2);
}

/** Intermediate phase ansatz (integrated, without the connection terms). */
export function phaseIntermediate(c: PhenomXPhaseCoefficients, f: number): number {
  const inv = 1 / f;
  return c.b0 * f + c.b1 * Math.log(f) - inv * (c.b2 + inv * (c.b3 / 2 + inv * (c.b4 / 3))) +
    ((2 * c.cL) / c.fDamp) * Math.atan((f - c.fRing) / (2 * c.fDamp));
}

/** Intermediate phase-derivative ansatz (without C2Int). */
export function dPhaseIntermediate(c: PhenomXPhaseCoefficients, f: number): number {
  const inv = 1 / f;
  const x = f - c.fRing;
  return c.b0 + inv * (c.b1 + inv * (c.b2 + inv * (c.b3 + inv * c.b4))) + (4 * c.cL) / (4 * c.fDamp * c.fDamp + x * x);
}

/** Ringdown phase ansatz (integrated, without the connection terms). */
export function phaseRingdown(c: PhenomXPhaseCoefficients, f: number): number {
  const inv = 1 / f;
  const t = Math.cbrt(f);
  return c.c0 * f + 1.5 * c.c1 * t * t - c.c2 * inv - (c.c4 / 3) * inv * inv * inv + (c.cL / c.fDamp) * Math.atan((f - c.fRing) / c.fDamp);
}

/** Ringdown phase-derivative ansatz (without C2MRD). */
export function dPhaseRingdown(c: PhenomXPhaseCoefficients, f: number): number {
  const inv2 = 1 / (f * f);
  const x = f - c.fRing;
  return c.c0 + c.c1 / Math.cbrt(f) + c.c2 * inv2 + c.c4 * inv2 * inv2 + c.cL / (c.fDamp * c.fDamp + x * x);
}

/** eta phi(f) across all regions (LAL's IMRPhenomX_Phase_22: f >= fInsEnd is not inspiral, f >= fIntEnd is ringdown). */
export function phasePhenomX(c: PhenomXPhaseCoefficients, f: number): number {
  if (f < c.fInsEnd) return phaseInspiral(c, f);
  if (f >= c.fIntEnd) return phaseRingdown(c, f) + c.C1MRD + c.C2MRD * f;
  return phaseIntermediate(c, f) + c.C1Int + c.C2Int * f;
}

/** eta phi'(f) across all regions (LAL's IMRPhenomX_dPhase_22). */
export function dPhasePhenomX(c: PhenomXPhaseCoefficients, f: number): number {
  if (f < c.fInsEnd) return dPhaseInspiral(c, f);
  if (f >= c.fIntEnd) return dPhaseRingdown(c, f) + c.C2MRD;
  return dPhaseIntermediate(c, f) + c.C2Int;
}

/** Phase coefficients for one system (LAL's IMRPhenomXGetPhaseCoefficients + connection coefficients). */
export function phaseCoefficients(s: PhenomXSystem): PhenomXPhaseCoefficients {
  const { eta, delta, chi1, chi2, fRing, fDamp } = s;
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const S = s.sTotR;
  const dchi = s.dchi;
  const fIntMatch = 0.6 * (0.5 * fRing + s.fISCO);
  const df = (fIntMatch - s.fMECO) * 0.03;
  const fInsEnd = s.fMECO - df;
  const fIntEnd = fIntMatch + 0.5 * df;

  // ---- ringdown: values at 5 nodes on [fIntMatch, f_ring + 1.25 f_damp], node 4 moved to f_ring
  const rdV4 = ringdownPhaseV4(eta, S, dchi, delta);
  const rdV2 = ringdownPhaseD24(eta, S, dchi, delta) + rdV4;
  const rdVals = [ringdownPhaseD12(eta, S, dchi, delta) + rdV2, rdV2, ringdownPhaseD34(eta, S, dchi, delta) + rdV4, rdV4,
    ringdownPhaseD54(eta, S, dchi, delta) + rdV4];
  const rdMin = fIntMatch;
  const rdSpan = fRing + 1.25 * fDamp - rdMin;
  const aRd = new Float64Array(25);
  for (let i = 0; i < 5; i++) {
    const ff = i === 3 ? fRing : NODES5[i] * rdSpan + rdMin;
    const inv = 1 / ff;
    const inv2 = inv * inv;
    aRd.set([1, Math.cbrt(inv), inv2, inv2 * inv2, -DPHASE0 / (fDamp * fDamp + (ff - fRing) * (ff - fRing))], 5 * i);
  }
  const xRd = solveLinear(aRd, rdVals, 5);
  const cL = -DPHASE0 * xRd[4];

  // ---- inspiral: TaylorF2 coefficients (chi1, chi2 aligned; powers of pi folded in)
  const pi = Math.PI;
  const pi13 = Math.cbrt(pi);
  const pi23 = pi13 * pi13;
  const logPi = Math.log(pi);
  const c12 = chi1 * chi1;
  const c22 = chi2 * chi2;
  const c1c2 = chi1 * chi2;
  const c13 = c12 * chi1;
  const c23 = c22 * chi2;
  const sPlus = chi1 + chi2 + chi1 * delta - chi2 * delta;
  const phi0 = 1;
  const phi2 = (3715 / 756 + (55 * eta) / 9) * pi23;
  const phi3 = -16 * pi * pi + ((113 * sPlus - 76 * (chi1 + chi2) * eta) / 6) * pi;
  const phi4 = (15293365 / 508032 + (27145 * eta) / 504 + (3085 * eta2) / 72) * pi23 * pi23 +
    ((-5 * (81 * c12 * (1 + delta - 2 * eta) + 316 * c1c2 * eta - 81 * c22 * (-1 + delta + 2 * eta))) / 16) * pi23 * pi23;
  const pi53 = pi23 * pi;
  const phi5L = ((5 * (46374 - 6552 * eta) * pi) / 4536) * pi53 +
    ((-732985 * sPlus - 560 * (-1213 * (chi1 + chi2) + 63 * (chi1 - chi2) * delta) * eta + 85680 * (chi1 + chi2) * eta2) / 4536) * pi53;
  const phi6NS = (11583231236531 / 4.69421568e9 - (5 * eta * (3147553127 + 588 * eta * (-45633 + 102260 * eta))) / 3.048192e6 -
    (6848 * GAMMA) / 21 - (640 * pi * pi) / 3 + (2255 * eta * pi * pi) / 12 - (13696 * Math.log(2)) / 21 - (6848 * logPi) / 63) * pi * pi;
  const phi6S = ((5 * (227 * sPlus - 156 * (chi1 + chi2) * eta) * pi) / 3) * pi * pi +
    ((5 * (20 * c1c2 * eta * (11763 + 12488 * eta) + 7 * c22 * (-15103 * (-1 + delta) + 2 * (-21683 + 6580 * delta) * eta - 9808 * eta2) -
      7 * c12 * (-15103 * (1 + delta) + 2 * (21683 + 6580 * delta) * eta + 9808 * eta2))) / 4032) * pi * pi;
  const phi6 = phi6NS + phi6S;
  const phi6L = (-6848 / 63) * pi * pi;
  const pi73 = pi * pi * pi13;
  const phi7 = ((5 * (15419335 + 168 * (75703 - 29618 * eta) * eta) * pi) / 254016) * pi73 +
    ((5 * (-5030016755 * sPlus + 4 * (2113331119 * (chi1 + chi2) + 675484362 * (chi1 - chi2) * delta) * eta -
      1008 * (208433 * (chi1 + chi2) + 25011 * (chi1 - chi2) * delta) * eta2 + 90514368 * (chi1 + chi2) * eta3)) / 6.096384e6) * pi73 +
    (-5 * (57 * c12 * (1 + delta - 2 * eta) + 220 * c1c2 * eta - 57 * c22 * (-1 + delta + 2 * eta)) * pi) * pi73 +
    ((14585 * (-(c23 * (-1 + delta)) + c13 * (1 + delta)) -
      5 * (c23 * (8819 - 2985 * delta) + 8439 * chi1 * c22 * (-1 + delta) - 8439 * c12 * chi2 * (1 + delta) + c13 * (8819 + 2985 * delta)) * eta +
      40 * (chi1 + chi2) * (17 * c12 - 14 * c1c2 + 17 * c22) * eta2) / 48) * pi73;
  const pi83 = pi73 * pi13;
  const so8 = -5 * (1263141 * sPlus - 2 * (794075 * (chi1 + chi2) + 178533 * (chi1 - chi2) * delta) * eta + 94344 * (chi1 + chi2) * eta2) * pi;
  const phi8 = ((so8 * (-1 + logPi)) / 9072) * pi83;
  const phi8L = (so8 / 9072) * pi83;

  // ---- inspiral pseudo-PN: 4 nodes on [0.0026, 1.02 f_MECO], ansatz c + alpha t + beta t^2 + gamma t^3 (t = f^{1/3})
  const v3 = inspiralPhaseV3(eta, s.chiPNHat, dchi, delta);
  const insVals = [inspiralPhaseD13(eta, s.chiPNHat, dchi, delta) + v3, inspiralPhaseD23(eta, s.chiPNHat, dchi, delta) + v3, v3,
    inspiralPhaseD43(eta, s.chiPNHat, dchi, delta) + v3];
  const insMin = 0.0026;
  const insSpan = 1.02 * s.fMECO - insMin;
  const aIns = new Float64Array(16);
  for (let i = 0; i < 4; i++) {
    const ff = NODES4[i] * insSpan + insMin;
    const t = Math.cbrt(ff);
    aIns.set([1, t, t * t, ff], 4 * i);
  }
  const xIns = solveLinear(aIns, insVals, 4);

  const c: PhenomXPhaseCoefficients = {
    fInsEnd, fIntEnd,
    phi0, phi2, phi3, phi4, phi5L, phi6, phi6L, phi7, phi8, phi8L,
    dphi0: phi0, dphi2: (3 / 5) * phi2, dphi3: (2 / 5) * phi3, dphi4: (1 / 5) * phi4, dphi5: (-3 / 5) * phi5L,
    dphi6: (-1 / 5) * phi6 - (3 / 5) * phi6L, dphi6L: (-1 / 5) * phi6L, dphi7: (-2 / 5) * phi7,
    dphi8: (-3 / 5) * phi8 - (3 / 5) * phi8L, dphi8L: (-3 / 5) * phi8L,
    a0: xIns[0], a1: xIns[1], a2: xIns[2], a3: xIns[3],
    sigma1: (-5 / 3) * xIns[0], sigma2: (-5 / 4) * xIns[1], sigma3: (-5 / 5) * xIns[2], sigma4: (-5 / 6) * xIns[3],
    b0: 0, b1: 0, b2: 0, b3: 0, b4: 0,
    c0: xRd[0], c1: xRd[1], c2: xRd[2], c4: xRd[3], cL,
    fRing, fDamp,
    C1Int: 0, C2Int: 0, C1MRD: 0, C2MRD: 0,
  };

  // ---- intermediate: 5 nodes on [fInsEnd, fIntEnd]; ends from the inspiral and ringdown, inner values from fits
  const v2mRD = intermediatePhaseV2mRDv4(eta, S, dchi, delta);
  const v3mRD = intermediatePhaseV3mRDv4(eta, S, dchi, delta);
  const v2IM = intermediatePhaseV2(eta, S, dchi, delta);
  const intV3 = v3mRD + rdV4;
  const intVals = [dPhaseInspiral(c, fInsEnd), 0.75 * (v2mRD + rdV4) + 0.25 * v2IM, intV3,
    intermediatePhaseD43(eta, S, dchi, delta) + intV3, rdVals[0]];
  const intSpan = fIntEnd - fInsEnd;
  const aInt = new Float64Array(25);
  const bInt = new Float64Array(5);
  for (let i = 0; i < 5; i++) {
    const ff = NODES5[i] * intSpan + fInsEnd;
    const r = fRing / ff;
    aInt.set([1, r, r * r, r * r * r, r * r * r * r], 5 * i);
    bInt[i] = intVals[i] - (4 * cL) / (4 * fDamp * fDamp + (ff - fRing) * (ff - fRing));
  }
  const xInt = solveLinear(aInt, bInt, 5);
  c.b0 = xInt[0];
  c.b1 = xInt[1] * fRing;
  c.b2 = xInt[2] * fRing * fRing;
  c.b3 = xInt[3] * fRing * fRing * fRing;
  c.b4 = xInt[4] * fRing * fRing * fRing * fRing;

  // ---- C1 connections at fInsEnd and fIntEnd
  c.C2Int = dPhaseInspiral(c, fInsEnd) - dPhaseIntermediate(c, fInsEnd);
  c.C1Int = phaseInspiral(c, fInsEnd) - phaseIntermediate(c, fInsEnd) - c.C2Int * fInsEnd;
  const phiIMC = phaseIntermediate(c, fIntEnd) + c.C1Int + c.C2Int * fIntEnd;
  const dPhiIMC = dPhaseIntermediate(c, fIntEnd) + c.C2Int;
  c.C2MRD = dPhiIMC - dPhaseRingdown(c, fIntEnd);
  c.C1MRD = phiIMC - phaseRingdown(c, fIntEnd) - c.C2MRD * fIntEnd;
  return c;
}
