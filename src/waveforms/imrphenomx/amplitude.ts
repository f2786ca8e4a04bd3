/**
 * IMRPhenomXAS 22 amplitude (arXiv:2001.11412 Sec. VI; LAL default versions: inspiral 103,
 * intermediate 104, ringdown 103), normalised so that |h22| = amp0 f^{-7/6} a(f) with f = M f_GW:
 *
 *   inspiral (f < fInsEnd):  a = 1 + sum_k A_k f^{k/3} (TaylorF2 re-expanded, k = 2..6)
 *                                + rho1 f^{7/3} + rho2 f^{8/3} + rho3 f^3 (pseudo-PN),
 *   intermediate:            a = f^{7/6} / (d0 + d1 f + d2 f^2 + d3 f^3 + d4 f^4),
 *   ringdown (f > fPeak):    a = exp(-(f - f_ring) gamma2/(gamma3 f_damp)) f_damp gamma1 gamma3
 *                                / ((f - f_ring)^2 + (gamma3 f_damp)^2),
 *
 * with fInsEnd = f_MECO + (f_ISCO - f_MECO)/4, fPeak the Lorentzian's peak, rho from the three
 * inspiral collocation values, gamma1 fixed by the value v1 at fPeak, and the quartic fixed by the
 * values and slopes of both neighbours plus one collocation value at the mid-point.
 */
import { inspiralAmpV2, inspiralAmpV3, inspiralAmpV4 } from './fits-inspiral.js';
import { intermediateAmpVA } from './fits-intermediate.js';
import { ringdownAmpGamma2, ringdownAmpGamma3, ringdownAmpV1 } from './fits-ringdown.js';
import { solveLinear } from '../../core/linalg.js';
import type { PhenomXSystem } from './setup.js';

/** Coefficients of the three amplitude regions. */
export interface PhenomXAmpCoefficients {
  /** End of the inspiral region and start of the ringdown region (geometric). */
  fInsEnd: number;
  fPeak: number;
  /** Inspiral: coefficients of f^{2/3}, f, f^{4/3}, f^{5/3}, f^2 and the pseudo-PN rho1..3. */
  pn2: number; pn3: number; pn4: number; pn5: number; pn6: number;
  rho1: number; rho2: number; rho3: number;
  /** Intermediate quartic in f (denominator). */
  d0: number; d1: number; d2: number; d3: number; d4: number;
  /** Ringdown: gamma1..3, and the cached gamma2/(gamma3 f_damp), f_damp gamma1 gamma3, (gamma3 f_damp)^2. */
  gamma1: number; gamma2: number; gamma3: number;
  gammaR: number; gammaD13: number; gammaD2: number;
  fRing: number;
}

/** TaylorF2 + pseudo-PN inspiral amplitude a(f) (normalised, 1 at f -> 0). */
export function ampInspiral(c: PhenomXAmpCoefficients, f: number): number {
  const t = Math.cbrt(f);
  const t2 = t * t;
  return 1 + t2 * c.pn2 + f * (c.pn3 + t * c.pn4 + t2 * c.pn5 + f * (c.pn6 + t * c.rho1 + t2 * c.rho2 + f * c.rho3));
}

/** d a_inspiral / d f. */
export function dAmpInspiral(c: PhenomXAmpCoefficients, f: number): number {
  const t = Math.cbrt(f);
  const t2 = t * t;
  return (2 / 3) * c.pn2 / t + c.pn3 + (4 / 3) * c.pn4 * t + (5 / 3) * c.pn5 * t2 + 2 * c.pn6 * f +
    (7 / 3) * c.rho1 * f * t + (8 / 3) * c.rho2 * f * t2 + 3 * c.rho3 * f * f;
}

/** Ringdown amplitude a(f) (deformed Lorentzian). */
export function ampRingdown(c: PhenomXAmpCoefficients, f: number): number {
  const x = f - c.fRing;
  return (Math.exp(-x * c.gammaR) * c.gammaD13) / (x * x + c.gammaD2);
}

/** d a_ringdown / d f. */
export function dAmpRingdown(c: PhenomXAmpCoefficients, f: number): number {
  const x = f - c.fRing;
  const den = x * x + c.gammaD2;
  return -ampRingdown(c, f) * (c.gammaR + (2 * x) / den);
}

/** Intermediate amplitude a(f) = f^{7/6} / quartic(f). */
export function ampIntermediate(c: PhenomXAmpCoefficients, f: number): number {
  return Math.pow(f, 7 / 6) / (c.d0 + f * (c.d1 + f * (c.d2 + f * (c.d3 + f * c.d4))));
}

/** Amplitude a(f) in whichever region f lies (LAL's region tests: f < fInsEnd, f > fPeak). */
export function ampPhenomX(c: PhenomXAmpCoefficients, f: number): number {
  if (f < c.fInsEnd) return ampInspiral(c, f);
  if (f > c.fPeak) return ampRingdown(c, f);
  return ampIntermediate(c, f);
}

/** Amplitude coefficients for one system (LAL's IMRPhenomXGetAmplitudeCoefficients, default versions). */
export function ampCoefficients(s: PhenomXSystem): PhenomXAmpCoefficients {
  const { eta, delta, chi1, chi2, fRing, fDamp } = s;
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const c12 = chi1 * chi1;
  const c13 = c12 * chi1;
  const c22 = chi2 * chi2;
  const pi = Math.PI;
  const pi13 = Math.cbrt(pi);
  // ringdown Lorentzian
  const gamma2 = ringdownAmpGamma2(eta, s.sTotR, s.dchi, delta);
  const gamma3 = ringdownAmpGamma3(eta, s.sTotR, s.dchi, delta);
  const fPeak = gamma2 <= 1
    ? Math.abs(fRing + (fDamp * gamma3 * (Math.sqrt(1 - gamma2 * gamma2) - 1)) / gamma2)
    : Math.abs(fRing - (fDamp * gamma3) / gamma2);
  const v1RD = ringdownAmpV1(eta, s.sTotR, s.dchi, delta);
  const fd3 = fDamp * gamma3;
  const gamma1 = (v1RD / fd3) * ((fPeak - fRing) * (fPeak - fRing) + fd3 * fd3) * Math.exp(((fPeak - fRing) * gamma2) / fd3);
  // inspiral: TaylorF2 amplitude re-expansion (powers of pi folded in)
  const pn2 = ((-969 + 1804 * eta) / 672) * pi13 * pi13;
  const pn3 = ((81 * (chi1 + chi2) + 81 * chi1 * delta - 81 * chi2 * delta - 44 * (chi1 + chi2) * eta) / 48) * pi;
  const pn4 = ((-27312085 - 10287648 * c12 * (1 + delta) +
      24 * (428652 * c22 * (-1 + delta) + (-1975055 + 10584 * (81 * c12 - 94 * chi1 * chi2 + 81 * c22)) * eta + 1473794 * eta2)) /
    8.128512e6) * pi13 * pi;
  const pn5 = ((-6048 * c13 * (-1 - delta + (3 + delta) * eta) +
      chi2 * (-((287213 + 6048 * c22) * (-1 + delta)) + 4 * (-93414 + 1512 * c22 * (-3 + delta) + 2083 * delta) * eta - 35632 * eta2) +
      chi1 * (287213 * (1 + delta) - 4 * eta * (93414 + 2083 * delta + 8908 * eta)) +
      42840 * (-1 + 4 * eta) * pi) / 32256) * pi13 * pi13 * pi13 * pi13 * pi13;
  const pn6 = ((-1242641879927 + 12 * (28 * (-3248849057 + 11088 * (163199 * c12 - 266498 * chi1 * chi2 + 163199 * c22)) * eta2 +
      27026893936 * eta3 - 116424 * (147117 * (-(c22 * (-1 + delta)) + c12 * (1 + delta)) + 60928 * (chi1 + chi2 + chi1 * delta - chi2 * delta) * pi) +
      eta * (545384828789 - 77616 * (638642 * chi1 * chi2 + c12 * (-158633 + 282718 * delta) - c22 * (158633 + 282718 * delta) -
        107520 * (chi1 + chi2) * pi + 275520 * pi * pi)))) / 6.0085960704e10) * pi * pi;
  // inspiral pseudo-PN: rho1 F^{7/3} + rho2 F^{8/3} + rho3 F^3 = v(F) at F = (1/2, 3/4, 1) fInsEnd
  const fInsEnd = s.fMECO + 0.25 * (s.fISCO - s.fMECO);
  const vIns = [
    inspiralAmpV2(eta, s.chiPNHat, s.dchi, delta),
    inspiralAmpV3(eta, s.chiPNHat, s.dchi, delta),
    inspiralAmpV4(eta, s.chiPNHat, s.dchi, delta),
  ];
  const fIns = [0.5 * fInsEnd, 0.75 * fInsEnd, fInsEnd];
  const a3 = new Float64Array(9);
  const b3 = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    const t = Math.cbrt(fIns[i]);
    a3[3 * i] = 1; a3[3 * i + 1] = t; a3[3 * i + 2] = t * t;
    b3[i] = vIns[i] / Math.pow(t, 7);
  }
  const rho = solveLinear(a3, b3, 3);
  const c: PhenomXAmpCoefficients = {
    fInsEnd, fPeak, pn2, pn3, pn4, pn5, pn6, rho1: rho[0], rho2: rho[1], rho3: rho[2],
    d0: 0, d1: 0, d2: 0, d3: 0, d4: 0,
    gamma1, gamma2, gamma3, gammaR: gamma2 / fd3, gammaD13: fDamp * gamma1 * gamma3, gammaD2: fd3 * fd3, fRing,
  };
  // intermediate: P(f) = f^{7/6}/a(f) matches value and slope at F1 = fInsEnd and F4 = fPeak, and 1/vA at the mid-point
  const f1 = fInsEnd;
  const f4 = fPeak;
  const f2 = f1 + 0.5 * (f4 - f1);
  const ins1 = ampInspiral(c, f1);
  const rd4 = ampRingdown(c, f4);
  const p1 = Math.pow(f1, 7 / 6);
  const p4 = Math.pow(f4, 7 / 6);
  const slope1 = ((7 / 6) * Math.pow(f1, 1 / 6)) / ins1 - (p1 * dAmpInspiral(c, f1)) / (ins1 * ins1);
  const slope4 = ((7 / 6) * Math.pow(f4, 1 / 6)) / rd4 - (p4 * dAmpRingdown(c, f4)) / (rd4 * rd4);
  const vA = intermediateAmpVA(eta, s.sTotR, s.dchi, delta);
  // solve in x = f/f4 (well conditioned), then rescale to powers of f
  const a5 = new Float64Array(25);
  const b5 = new Float64Array([p1 / ins1, 1 / vA, p4 / rd4, slope1 * f4, slope4 * f4]);
  const xs = [f1 / f4, f2 / f4, 1];
  for (let r = 0; r < 3; r++) for (let j = 0; j < 5; j++) a5[5 * r + j] = Math.pow(xs[r], j);
  for (const [r, x] of [[3, f1 / f4], [4, 1]] as const) {
    for (let j = 0; j < 5; j++) a5[5 * r + j] = j === 0 ? 0 : j * Math.pow(x, j - 1);
  }
  const d = solveLinear(a5, b5, 5);
  c.d0 = d[0];
  c.d1 = d[1] / f4;
  c.d2 = d[2] / (f4 * f4);
  c.d3 = d[3] / (f4 * f4 * f4);
  c.d4 = d[4] / (f4 * f4 * f4 * f4);
  return c;
}
