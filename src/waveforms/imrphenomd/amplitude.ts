/**
 * IMRPhenomD amplitude (arXiv:1508.07253 sections IV-V and VIII; LALSimIMRPhenomD_internals.c),
 * in dimensionless frequency Mf. The full amplitude is A(f) = A0 (Mf)^{-7/6} a(Mf) with
 * A0 = sqrt(2 eta/3) pi^{-1/6} and the reduced amplitude a in three regions:
 *   inspiral  Mf < 0.014:            PN re-expansion + rho_1 f^{7/3} + rho_2 f^{8/3} + rho_3 f^3 (eqs. 29-30),
 *   intermediate 0.014 <= Mf < f_peak: quartic through 3 values and 2 derivatives (eqs. 21-26),
 *   merger-ringdown Mf >= f_peak:    Lorentzian times exponential (eq. 19), f_peak from eq. 20.
 */
import { amplitudeFits, chiPN } from './coefficients.js';
import { PI_FIVE_THIRDS, PI_FOUR_THIRDS, PI_M_SIXTH, PI_TWO_THIRDS } from './pi-powers.js';
import type { RingdownFrequencies } from './qnm.js';

/** Mf at which the inspiral amplitude hands over to the intermediate one (LAL AMP_fJoin_INS). */
export const AMP_F_JOIN_INS = 0.014;

/** Every number the per-frequency amplitude needs (m1 >= m2 convention). */
export interface AmplitudeCoefficients {
  /** A0 = sqrt(2 eta/3) pi^{-1/6} (eq. 17 of arXiv:1508.07253; LAL amp0Func). */
  readonly amp0: number;
  /** Inspiral: a = 1 + i23 f^{2/3} + i1 f + i43 f^{4/3} + i53 f^{5/3} + i2 f^2 + rho1 f^{7/3} + rho2 f^{8/3} + rho3 f^3. */
  readonly i23: number;
  readonly i1: number;
  readonly i43: number;
  readonly i53: number;
  readonly i2: number;
  readonly rho1: number;
  readonly rho2: number;
  readonly rho3: number;
  /** Merger-ringdown: a = gamma1 fDM gamma3 exp(-(f - fRD) gamma2/(fDM gamma3)) / ((f - fRD)^2 + (fDM gamma3)^2). */
  readonly gamma1: number;
  readonly gamma2: number;
  readonly gamma3: number;
  readonly fRD: number;
  readonly fDM: number;
  /** Peak of the merger-ringdown amplitude (f_peak, LAL fmaxCalc); start of the MRD region. */
  readonly fPeak: number;
  /** Intermediate quartic in Newton form on nodes (f1, f1, f2, f3, f3): see {@link ampIntermediate}. */
  readonly f1: number;
  readonly f2: number;
  readonly f3: number;
  readonly n0: number;
  readonly n1: number;
  readonly n2: number;
  readonly n3: number;
  readonly n4: number;
}

/** Reduced inspiral amplitude a_ins(f) (eq. 29-30). */
export function ampInspiral(c: AmplitudeCoefficients, f: number): number {
  const t = Math.cbrt(f);
  const t2 = t * t;
  const t4 = f * t;
  const t5 = t4 * t;
  const f2 = f * f;
  return 1 + t2 * c.i23 + t4 * c.i43 + t5 * c.i53 + t * f2 * c.rho1 + t2 * f2 * c.rho2 + f * (c.i1 + f * c.i2 + f2 * c.rho3);
}

/** d a_ins / d(Mf). */
export function dAmpInspiral(c: AmplitudeCoefficients, f: number): number {
  const t = Math.cbrt(f);
  return (2 / 3) * c.i23 / t + c.i1 + (4 / 3) * c.i43 * t + (5 / 3) * c.i53 * t * t + 2 * c.i2 * f +
    (7 / 3) * c.rho1 * f * t + (8 / 3) * c.rho2 * f * t * t + 3 * c.rho3 * f * f;
}

/** Reduced merger-ringdown amplitude a_MRD(f) (eq. 19). */
export function ampMergerRingdown(c: AmplitudeCoefficients, f: number): number {
  const w = c.fDM * c.gamma3;
  const x = f - c.fRD;
  return (Math.exp((-x * c.gamma2) / w) * (w * c.gamma1)) / (x * x + w * w);
}

/** d a_MRD / d(Mf) = a_MRD [-gamma2/(fDM gamma3) - 2 (f - fRD)/((f - fRD)^2 + (fDM gamma3)^2)]. */
export function dAmpMergerRingdown(c: AmplitudeCoefficients, f: number): number {
  const w = c.fDM * c.gamma3;
  const x = f - c.fRD;
  const den = x * x + w * w;
  return (c.gamma1 * Math.exp((-x * c.gamma2) / w) * ((-2 * w * x) / den - c.gamma2)) / den;
}

/** Reduced intermediate amplitude: n0 + (f-f1)(n1 + (f-f1)(n2 + (f-f2)(n3 + (f-f3) n4))). */
export function ampIntermediate(c: AmplitudeCoefficients, f: number): number {
  const x1 = f - c.f1;
  return c.n0 + x1 * (c.n1 + x1 * (c.n2 + (f - c.f2) * (c.n3 + (f - c.f3) * c.n4)));
}

/** Reduced amplitude a(Mf) in whichever region Mf lies (LAL IMRPhenDAmplitude without A0 Mf^{-7/6}). */
export function reducedAmplitude(c: AmplitudeCoefficients, f: number): number {
  if (f < AMP_F_JOIN_INS) return ampInspiral(c, f);
  if (f >= c.fPeak) return ampMergerRingdown(c, f);
  return ampIntermediate(c, f);
}

/**
 * f_peak (eq. 20): |fRD + fDM gamma3 (sqrt(1 - gamma2^2) - 1)/gamma2|, and |fRD - fDM gamma3/gamma2|
 * when gamma2 > 1 (LAL fmaxCalc).
 */
export function peakFrequency(fRD: number, fDM: number, gamma2: number, gamma3: number): number {
  if (!(gamma2 > 1)) return Math.abs(fRD + (fDM * (-1 + Math.sqrt(1 - gamma2 * gamma2)) * gamma3) / gamma2);
  return Math.abs(fRD + (-fDM * gamma3) / gamma2);
}

/**
 * All amplitude coefficients for symmetric mass ratio eta, aligned spins chi1 (heavier body), chi2
 * and the ringdown frequencies. The PN inspiral terms are the re-expanded 3.5PN amplitude of
 * arXiv:1508.07253 appendix B (LAL init_amp_ins_prefactors); the intermediate quartic is fixed by
 * a(f1), a'(f1) of the inspiral, a(f3), a'(f3) of the merger-ringdown (f1 = 0.014, f3 = f_peak) and
 * the fitted value v2 at f2 = (f1 + f3)/2 (confluent divided differences: same polynomial as LAL's deltas).
 */
export function amplitudeCoefficients(eta: number, chi1: number, chi2: number, rd: RingdownFrequencies): AmplitudeCoefficients {
  const eta2 = eta * eta;
  const eta3 = eta * eta2;
  const seta = Math.sqrt(1.0 - 4.0 * eta);
  const setaPlus1 = 1.0 + seta;
  const chi12 = chi1 * chi1;
  const chi22 = chi2 * chi2;
  const pi = Math.PI;
  const pi2 = pi * pi;
  const xi = -1.0 + chiPN(seta, eta, chi1, chi2);
  const fits = amplitudeFits(eta, xi);

  const i23 = ((-969 + 1804 * eta) * PI_TWO_THIRDS) / 672;
  const i1 = ((chi1 * (81 * setaPlus1 - 44 * eta) + chi2 * (81 - 81 * seta - 44 * eta)) * pi) / 48;
  const i43 = ((-27312085 - 10287648 * chi22 - 10287648 * chi12 * setaPlus1 + 10287648 * chi22 * seta +
    24 * (-1975055 + 857304 * chi12 - 994896 * chi1 * chi2 + 857304 * chi22) * eta + 35371056 * eta2) *
    PI_FOUR_THIRDS) / 8.128512e6;
  const i53 = (PI_FIVE_THIRDS * (chi2 * (-285197 * (-1 + seta) + 4 * (-91902 + 1579 * seta) * eta - 35632 * eta2) +
    chi1 * (285197 * setaPlus1 - 4 * (91902 + 1579 * seta) * eta - 35632 * eta2) +
    42840 * (-1.0 + 4 * eta) * pi)) / 32256;
  const i2 = -(pi2 * (-336 * (-3248849057 + 2943675504 * chi12 - 3339284256 * chi1 * chi2 + 2943675504 * chi22) * eta2 -
    324322727232 * eta3 -
    7 * (-177520268561 + 107414046432 * chi22 + 107414046432 * chi12 * setaPlus1 - 107414046432 * chi22 * seta +
      11087290368 * (chi1 + chi2 + chi1 * seta - chi2 * seta) * pi) +
    12 * eta * (-545384828789 - 176491177632 * chi1 * chi2 + 202603761360 * chi22 + 77616 * chi12 * (2610335 + 995766 * seta) -
      77287373856 * chi22 * seta + 5841690624 * (chi1 + chi2) * pi + 21384760320 * pi2))) / 6.0085960704e10;

  const fPeak = peakFrequency(rd.fRD, rd.fDM, fits.gamma2, fits.gamma3);
  const partial = {
    amp0: Math.sqrt((2.0 / 3.0) * eta) * PI_M_SIXTH,
    i23, i1, i43, i53, i2, rho1: fits.rho1, rho2: fits.rho2, rho3: fits.rho3,
    gamma1: fits.gamma1, gamma2: fits.gamma2, gamma3: fits.gamma3, fRD: rd.fRD, fDM: rd.fDM, fPeak,
    f1: 0, f2: 0, f3: 0, n0: 0, n1: 0, n2: 0, n3: 0, n4: 0,
  };

  // Collocation (arXiv:1508.07253 eqs. 22-26): values v1, v2, v3 at f1, f2, f3; slopes d1, d2 at f1, f3.
  const f1 = AMP_F_JOIN_INS;
  const f3 = fPeak;
  const f2 = f1 + 0.5 * (f3 - f1);
  const v1 = ampInspiral(partial, f1);
  const d1 = dAmpInspiral(partial, f1);
  const v3 = ampMergerRingdown(partial, f3);
  const d2 = dAmpMergerRingdown(partial, f3);
  const v2 = fits.v2;
  // Divided differences on the confluent nodes (f1, f1, f2, f3, f3).
  const s12 = (v2 - v1) / (f2 - f1);
  const s23 = (v3 - v2) / (f3 - f2);
  const q012 = (s12 - d1) / (f2 - f1);
  const q123 = (s23 - s12) / (f3 - f1);
  const q234 = (d2 - s23) / (f3 - f2);
  const c0123 = (q123 - q012) / (f3 - f1);
  const c1234 = (q234 - q123) / (f3 - f1);
  const c01234 = (c1234 - c0123) / (f3 - f1);
  return { ...partial, f1, f2, f3, n0: v1, n1: d1, n2: q012, n3: c0123, n4: c01234 };
}
