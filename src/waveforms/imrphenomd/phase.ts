/**
 * IMRPhenomD phase (arXiv:1508.07253 sections IV-V and VIII; LALSimIMRPhenomD_internals.c), in
 * dimensionless frequency f = Mf, in three regions joined C^1:
 *   inspiral     f < 0.018:        TaylorF2 3.5PN (LAL's aligned-spin coefficients without the 3PN
 *                                  spin-spin term) + (sigma1 f + 3/4 sigma2 f^{4/3} + 3/5 sigma3 f^{5/3}
 *                                  + 1/2 sigma4 f^2)/eta                                     (eqs. 27-28),
 *   intermediate 0.018 <= f < fRD/2: (beta1 f - beta3/(3 f^3) + beta2 ln f)/eta + C1Int + C2Int f   (eq. 16),
 *   merger-ringdown f >= fRD/2:    (-alpha2/f + 4/3 alpha3 f^{3/4} + alpha1 f
 *                                  + alpha4 atan((f - alpha5 fRD)/fDM))/eta + C1MRD + C2MRD f  (eq. 14).
 */
import { PI_FOUR_THIRDS, PI_M_FIVE_THIRDS, PI_M_THIRD, PI_M_TWO_THIRDS, PI_THIRD, PI_TWO_THIRDS } from './pi-powers.js';
import { chiPN, phaseFits } from './coefficients.js';
import type { RingdownFrequencies } from './qnm.js';
import type { PnPhasingSeries } from '../pn-phasing.js';

/** Mf at which the inspiral phase hands over to the intermediate one (LAL PHI_fJoin_INS). */
export const PHI_F_JOIN_INS = 0.018;

/** Every number the per-frequency phase needs (m1 >= m2 convention). */
export interface PhaseCoefficients {
  readonly etaInv: number;
  /**
   * Inspiral PN part: p0 + p23 f^{2/3} + p13 f^{1/3} + p13l ln(v) f^{1/3} + pl ln(v) + pm13 f^{-1/3}
   * + pm23 f^{-2/3} + pm1 / f + pm43 / f^{4/3} + pm53 f^{-5/3}, v = (pi f)^{1/3}
   * (LAL init_phi_ins_prefactors: p0 = v5 - pi/4, p23 = v7 pi^{2/3}, ...).
   */
  readonly p0: number;
  readonly p23: number;
  readonly p13: number;
  readonly p13l: number;
  readonly pl: number;
  readonly pm13: number;
  readonly pm23: number;
  readonly pm1: number;
  readonly pm43: number;
  readonly pm53: number;
  /** Calibrated inspiral terms (before 1/eta): s1 f + s43 f^{4/3} + s53 f^{5/3} + s2 f^2. */
  readonly s1: number;
  readonly s43: number;
  readonly s53: number;
  readonly s2: number;
  readonly sigma2: number;
  readonly sigma3: number;
  readonly sigma4: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly beta3: number;
  readonly alpha1: number;
  readonly alpha2: number;
  readonly alpha3: number;
  readonly alpha4: number;
  readonly alpha5: number;
  readonly fRD: number;
  readonly fDM: number;
  /** Start of the merger-ringdown phase region, fRD/2. */
  readonly fMRDJoin: number;
  readonly c1Int: number;
  readonly c2Int: number;
  readonly c1MRD: number;
  readonly c2MRD: number;
  /** The PN series used (v[k], vlogv[k] with the 3PN spin-spin term removed). */
  readonly pn: PnPhasingSeries;
}

/** Inspiral phase at f (LAL PhiInsAnsatzInt). */
export function phaseInspiral(c: PhaseCoefficients, f: number): number {
  const t = Math.cbrt(f);
  const it = 1 / t;
  const logv = Math.log(t * PI_THIRD);
  const t2 = t * t;
  const it2 = it * it;
  const t4 = f * t;
  return c.p0 + c.p23 * t2 + c.p13 * t + c.p13l * logv * t + c.pl * logv + c.pm13 * it + c.pm23 * it2 + c.pm1 / f +
    c.pm43 / t4 + c.pm53 * it2 / f + (c.s1 * f + c.s43 * t4 + c.s53 * t4 * t + c.s2 * f * f) * c.etaInv;
}

/** d/df of the inspiral phase (LAL DPhiInsAnsatzInt). */
export function dPhaseInspiral(c: PhaseCoefficients, f: number): number {
  const pn = c.pn;
  const v = Math.cbrt(Math.PI * f);
  const logv = Math.log(v);
  const v2 = v * v;
  const v3 = v * v2;
  const v4 = v * v3;
  const v5 = v * v4;
  const v6 = v * v5;
  const v7 = v * v6;
  const v8 = v * v7;
  let d = 2.0 * pn.v[7] * v7;
  d += (pn.v[6] + pn.vlogv[6] * (1.0 + logv)) * v6;
  d += pn.vlogv[5] * v5;
  d += -1.0 * pn.v[4] * v4;
  d += -2.0 * pn.v[3] * v3;
  d += -3.0 * pn.v[2] * v2;
  d += -4.0 * pn.v[1] * v;
  d += -5.0 * pn.v[0];
  d = (d / (v8 * 3.0)) * Math.PI;
  return d + (c.s1 + c.sigma2 * v * PI_M_THIRD + c.sigma3 * v2 * PI_M_TWO_THIRDS + (c.sigma4 / Math.PI) * v3) * c.etaInv;
}

/** Intermediate ansatz beta1 f - beta3/(3 f^3) + beta2 ln f (eq. 16 without 1/eta). */
function intermediateAnsatz(c: PhaseCoefficients, f: number): number {
  return c.beta1 * f - c.beta3 / (3 * f * f * f) + c.beta2 * Math.log(f);
}

/** (beta1 + beta3/f^4 + beta2/f)/eta: derivative of the intermediate ansatz over eta. */
function dIntermediateAnsatz(c: PhaseCoefficients, f: number): number {
  const f2 = f * f;
  return (c.beta1 + c.beta3 / (f2 * f2) + c.beta2 / f) * c.etaInv;
}

/** Merger-ringdown ansatz (eq. 14 without 1/eta; LAL PhiMRDAnsatzInt with Rholm = Taulm = 1). */
function mergerRingdownAnsatz(c: PhaseCoefficients, f: number): number {
  const sq = Math.sqrt(f);
  return -(c.alpha2 / f) + (4.0 / 3.0) * (c.alpha3 * Math.sqrt(f * sq)) + c.alpha1 * f +
    c.alpha4 * Math.atan((f - c.alpha5 * c.fRD) / c.fDM);
}

/**
 * d/df of the merger-ringdown phase, (alpha1 + alpha2/f^2 + alpha3 f^{-1/4}
 * + alpha4/(fDM (1 + (f - alpha5 fRD)^2/fDM^2)))/eta (LAL DPhiMRD). Its value at the amplitude peak
 * is the time shift t0 that puts the peak at t = 0.
 */
export function dPhaseMergerRingdown(c: PhaseCoefficients, f: number): number {
  const x = f - c.alpha5 * c.fRD;
  return (c.alpha1 + c.alpha2 / (f * f) + c.alpha3 / Math.sqrt(Math.sqrt(f)) +
    c.alpha4 / (c.fDM * (1 + (x * x) / (c.fDM * c.fDM)))) * c.etaInv;
}

/** Intermediate phase including the C^1 connection constants. */
export function phaseIntermediate(c: PhaseCoefficients, f: number): number {
  return c.etaInv * intermediateAnsatz(c, f) + c.c1Int + c.c2Int * f;
}

/** Merger-ringdown phase including the C^1 connection constants. */
export function phaseMergerRingdown(c: PhaseCoefficients, f: number): number {
  return c.etaInv * mergerRingdownAnsatz(c, f) + c.c1MRD + c.c2MRD * f;
}

/** Phase at f in whichever region f lies (LAL IMRPhenDPhase). */
export function phaseAt(c: PhaseCoefficients, f: number): number {
  if (f < PHI_F_JOIN_INS) return phaseInspiral(c, f);
  if (f >= c.fMRDJoin) return phaseMergerRingdown(c, f);
  return phaseIntermediate(c, f);
}

/**
 * PN coefficient 3PN spin-spin term that PhenomD removes from LAL's TaylorF2 series because it was
 * not in TaylorF2 when PhenomD was calibrated (LAL Subtract3PNSS; before the 3/(128 eta) factor).
 */
export function spinSpin3PN(m1: number, m2: number, eta: number, chi1: number, chi2: number): number {
  const mtot = m1 + m2;
  const x1 = m1 / mtot;
  const x2 = m2 / mtot;
  const selfAndQm = (x: number): number =>
    ((4703.5 / 8.4 + (2935 / 6) * x - 120 * x * x) + (-4108.25 / 6.72 - (108.5 / 1.2) * x + (125.5 / 3.6) * x * x)) * x * x;
  let ss = (326.75 / 1.12 + (557.5 / 1.8) * eta) * eta * chi1 * chi2;
  ss += selfAndQm(x1) * chi1 * chi1;
  ss += selfAndQm(x2) * chi2 * chi2;
  return ss;
}

/**
 * All phase coefficients for eta, aligned spins chi1 (heavier body), chi2, the ringdown frequencies
 * and the PN series `pn` (LAL's TaylorF2 aligned-spin phasing with the 3PN spin-spin term already
 * removed), including the C^1 connection constants (LAL ComputeIMRPhenDPhaseConnectionCoefficients).
 */
export function phaseCoefficients(
  eta: number,
  chi1: number,
  chi2: number,
  rd: RingdownFrequencies,
  pn: PnPhasingSeries,
): PhaseCoefficients {
  const seta = Math.sqrt(1.0 - 4.0 * eta);
  const xi = -1.0 + chiPN(seta, eta, chi1, chi2);
  const fits = phaseFits(eta, xi);
  const base = {
    etaInv: 1.0 / eta,
    p0: pn.v[5] - Math.PI / 4,
    p23: pn.v[7] * PI_TWO_THIRDS,
    p13: pn.v[6] * PI_THIRD,
    p13l: pn.vlogv[6] * PI_THIRD,
    pl: pn.vlogv[5],
    pm13: pn.v[4] * PI_M_THIRD,
    pm23: pn.v[3] * PI_M_TWO_THIRDS,
    pm1: pn.v[2] * (1 / Math.PI),
    pm43: pn.v[1] / PI_FOUR_THIRDS,
    pm53: pn.v[0] * PI_M_FIVE_THIRDS,
    s1: fits.sigma1,
    s43: fits.sigma2 * 0.75,
    s53: fits.sigma3 * 0.6,
    s2: fits.sigma4 * 0.5,
    sigma2: fits.sigma2,
    sigma3: fits.sigma3,
    sigma4: fits.sigma4,
    beta1: fits.beta1,
    beta2: fits.beta2,
    beta3: fits.beta3,
    alpha1: fits.alpha1,
    alpha2: fits.alpha2,
    alpha3: fits.alpha3,
    alpha4: fits.alpha4,
    alpha5: fits.alpha5,
    fRD: rd.fRD,
    fDM: rd.fDM,
    fMRDJoin: 0.5 * rd.fRD,
    c1Int: 0,
    c2Int: 0,
    c1MRD: 0,
    c2MRD: 0,
    pn,
  };
  // Inspiral -> intermediate at f = 0.018: equal value and slope.
  const fi = PHI_F_JOIN_INS;
  const c2Int = dPhaseInspiral(base, fi) - dIntermediateAnsatz(base, fi);
  const c1Int = phaseInspiral(base, fi) - base.etaInv * intermediateAnsatz(base, fi) - c2Int * fi;
  // Intermediate -> merger-ringdown at f = fRD/2.
  const fm = base.fMRDJoin;
  const withInt = { ...base, c1Int, c2Int };
  const phiInt = phaseIntermediate(withInt, fm);
  const c2MRD = c2Int + dIntermediateAnsatz(base, fm) - dPhaseMergerRingdown(base, fm);
  const c1MRD = phiInt - base.etaInv * mergerRingdownAnsatz(base, fm) - c2MRD * fm;
  return { ...withInt, c1MRD, c2MRD };
}
