/**
 * IMRPhenomPv2 precession pieces (LALSimIMRPhenomP.c; Hannam et al. arXiv:1308.3271, Bohe et al.
 * LIGO-T1500602): the next-to-next-to-leading-order PN Euler angles alpha(omega) and epsilon(omega),
 * the opening angle beta between J and L, and the remnant spin including the in-plane spin.
 * Convention here: the larger body is body 2 (m2 >= m1), q = m2/m1 >= 1, total mass 1.
 */
import { finalSpin0815 } from '../imrphenomd/qnm.js';

/**
 * Coefficients of alpha(omega) and epsilon(omega) = c1/omega + c2/omega^{2/3} + c3/omega^{1/3}
 * + c4 ln(omega) + c5 omega^{1/3}, omega = pi M f (LAL NNLOanglecoeffs).
 */
export interface NnloAngleCoefficients {
  readonly alpha: readonly [number, number, number, number, number];
  readonly epsilon: readonly [number, number, number, number, number];
}

/**
 * NNLO angle coefficients for mass ratio q = m2/m1 >= 1, aligned spin chil of the larger body
 * (chil = (1+q)/q chi_eff) and in-plane spin chip (LAL ComputeNNLOanglecoeffs).
 */
export function nnloAngleCoefficients(q: number, chil: number, chip: number): NnloAngleCoefficients {
  const m2 = q / (1 + q);
  const m1 = 1 / (1 + q);
  const dm = m1 - m2;
  const eta = m1 * m2;
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const chil2 = chil * chil;
  const chip2 = chip * chip;
  const chip4 = chip2 * chip2;
  const dm2 = dm * dm;
  const dm3 = dm2 * dm;
  const m2p2 = m2 * m2;
  const m2p3 = m2p2 * m2;
  const m2p4 = m2p3 * m2;
  const m2p5 = m2p4 * m2;
  const m2p6 = m2p5 * m2;
  const m2p7 = m2p6 * m2;
  const m2p8 = m2p7 * m2;
  const pi = Math.PI;

  const c1 = -0.18229166666666666 - (5 * dm) / (64 * m2);
  const c2 = (-15 * dm * m2 * chil) / (128 * eta) - (35 * m2p2 * chil) / (128 * eta);
  const c3base = -1.7952473958333333 - (4555 * dm) / (7168 * m2) - (515 * eta) / 384 - (15 * dm2 * eta) / (256 * m2p2) -
    (175 * dm * eta) / (256 * m2);
  const c4base = -(35 * pi) / 48 - (5 * dm * pi) / (16 * m2) + (5 * dm2 * chil) / 16 + (5 * dm * m2 * chil) / 3 +
    (2545 * m2p2 * chil) / 1152;
  const c4tail = (2035 * dm * m2 * chil) / (21504 * eta) + (2995 * m2p2 * chil) / (9216 * eta);

  const a3 = -1.7952473958333333 - (4555 * dm) / (7168 * m2) - (15 * chip2 * dm * m2p3) / (128 * eta2) -
    (35 * chip2 * m2p4) / (128 * eta2) - (515 * eta) / 384 - (15 * dm2 * eta) / (256 * m2p2) - (175 * dm * eta) / (256 * m2);
  const a4 = c4base - (5 * chip2 * dm * m2p5 * chil) / (128 * eta3) - (35 * chip2 * m2p6 * chil) / (384 * eta3) + c4tail;
  const a5 = 4.318908476114694 + (27895885 * dm) / (2.1676032e7 * m2) - (15 * chip4 * dm * m2p7) / (512 * eta4) -
    (35 * chip4 * m2p8) / (512 * eta4) - (485 * chip2 * dm * m2p3) / (14336 * eta2) + (475 * chip2 * m2p4) / (6144 * eta2) +
    (15 * chip2 * dm2 * m2p2) / (256 * eta) + (145 * chip2 * dm * m2p3) / (512 * eta) + (575 * chip2 * m2p4) / (1536 * eta) +
    (39695 * eta) / 86016 + (1615 * dm2 * eta) / (28672 * m2p2) - (265 * dm * eta) / (14336 * m2) + (955 * eta2) / 576 +
    (15 * dm3 * eta2) / (1024 * m2p3) + (35 * dm2 * eta2) / (256 * m2p2) + (2725 * dm * eta2) / (3072 * m2) -
    (15 * dm * m2 * pi * chil) / (16 * eta) - (35 * m2p2 * pi * chil) / (16 * eta) + (15 * chip2 * dm * m2p7 * chil2) / (128 * eta4) +
    (35 * chip2 * m2p8 * chil2) / (128 * eta4) + (375 * dm2 * m2p2 * chil2) / (256 * eta) + (1815 * dm * m2p3 * chil2) / (256 * eta) +
    (1645 * m2p4 * chil2) / (192 * eta);
  const e5 = 4.318908476114694 + (27895885 * dm) / (2.1676032e7 * m2) + (39695 * eta) / 86016 +
    (1615 * dm2 * eta) / (28672 * m2p2) - (265 * dm * eta) / (14336 * m2) + (955 * eta2) / 576 +
    (15 * dm3 * eta2) / (1024 * m2p3) + (35 * dm2 * eta2) / (256 * m2p2) + (2725 * dm * eta2) / (3072 * m2) -
    (15 * dm * m2 * pi * chil) / (16 * eta) - (35 * m2p2 * pi * chil) / (16 * eta) + (375 * dm2 * m2p2 * chil2) / (256 * eta) +
    (1815 * dm * m2p3 * chil2) / (256 * eta) + (1645 * m2p4 * chil2) / (192 * eta);
  return { alpha: [c1, c2, a3, a4, a5], epsilon: [c1, c2, c3base, c4base + c4tail, e5] };
}

/** c1/omega + c2/omega^{2/3} + c3/omega^{1/3} + c4 ln(omega) + c5 omega^{1/3} at omega = pi M f. */
export function nnloAngle(c: readonly number[], omega: number): number {
  const cbrt = Math.cbrt(omega);
  return c[0] / omega + c[1] / (cbrt * cbrt) + c[2] / cbrt + c[3] * Math.log(omega) + c[4] * cbrt;
}

/**
 * Remnant spin with all in-plane spin on the larger body: sign(a_par) sqrt(a_par^2 + (chip m_big^2/M^2)^2),
 * a_par = FinalSpin0815 (LAL FinalSpinIMRPhenomD_all_in_plane_spin_on_larger_BH). Masses in any unit.
 */
export function finalSpinPv2(m1: number, m2: number, chi1L: number, chi2L: number, chip: number): number {
  const mTotal = m1 + m2;
  let eta = (m1 * m2) / (mTotal * mTotal);
  if (eta > 0.25 && Math.abs(eta - 0.25) <= 1e-6 * 0.5) eta = 0.25;
  const big = m1 >= m2;
  const qFactor = big ? m1 / mTotal : m2 / mTotal;
  const aPar = big ? finalSpin0815(eta, chi1L, chi2L) : finalSpin0815(eta, chi2L, chi1L);
  const sPerp = chip * qFactor * qFactor;
  return (aPar < 0 || Object.is(aPar, -0) ? -1 : 1) * Math.sqrt(sPerp * sPerp + aPar * aPar);
}
