/**
 * NNLO post-Newtonian Euler angles of IMRPhenomXP version 102 (single-spin, as IMRPhenomPv2; arXiv:2004.06503
 * Appendix G, LALSimIMRPhenomX_precession.c cases 101-104): with omega = pi M f,
 *   alpha(omega) = a1/omega + a2/omega^{2/3} + a3/omega^{1/3} + a4L ln omega + a5 omega^{1/3}, epsilon likewise,
 *   cos beta = sign(L + S_L) / sqrt(1 + (S_perp / (L + S_L))^2).
 * Here it is the fall-back of version 223 when LAL's MSA system fails.
 */

/** The ten NNLO coefficients. */
export interface NnloCoefficients {
  alpha1: number; alpha2: number; alpha3: number; alpha4L: number; alpha5: number;
  epsilon1: number; epsilon2: number; epsilon3: number; epsilon4L: number; epsilon5: number;
}

/**
 * NNLO coefficients from m1 (heavier mass in units of M), eta, delta = m1 - m2, chi_eff, chi_p and q = m1/m2 >= 1
 * (LAL's expressions, term for term).
 */
export function nnloCoefficients(m1: number, eta: number, delta: number, chiEff: number, chip: number, q: number): NnloCoefficients {
  const PI = Math.PI;
  const chiL = (1 + q) * (chiEff / q);
  const chiL2 = chiL * chiL;
  const chip2 = chip * chip;
  const delta2 = delta * delta;
  const delta3 = delta * delta2;
  const m1_2 = m1 * m1;
  const m1_3 = m1 * m1_2;
  const m1_4 = m1 * m1_3;
  const m1_5 = m1 * m1_4;
  const m1_6 = m1 * m1_5;
  const m1_8 = m1_6 * m1 * m1;
  const eta2 = eta * eta;
  const eta3 = eta * eta2;
  const eta4 = eta * eta3;
  const eta5 = eta * eta4;
  const eta6 = eta * eta5;
  return {
    alpha1: -35 / 192 + (5 * delta) / (64 * m1),
    alpha2: ((15 * chiL * delta * m1) / 128 - (35 * chiL * m1_2) / 128) / eta,
    alpha3: -5515 / 3072 + eta * (-515 / 384 - (15 * delta2) / (256 * m1_2) + (175 * delta) / (256 * m1)) + (4555 * delta) / (7168 * m1) +
      ((15 * chip2 * delta * m1_3) / 128 - (35 * chip2 * m1_4) / 128) / eta2,
    alpha4L: (5 * chiL * delta2) / 16 - (5 * chiL * delta * m1) / 3 + (2545 * chiL * m1_2) / 1152 +
      ((-2035 * chiL * delta * m1) / 21504 + (2995 * chiL * m1_2) / 9216) / eta +
      ((5 * chiL * chip2 * delta * m1_5) / 128 - (35 * chiL * chip2 * m1_6) / 384) / eta3 - (35 * PI) / 48 + (5 * delta * PI) / (16 * m1),
    alpha5: (5 * (-190512 * delta3 * eta6 + 2268 * delta2 * eta3 * m1 * (eta2 * (323 + 784 * eta) + 336 * (25 * chiL2 + chip2) * m1_4) +
      7 * m1_3 * (8024297 * eta4 + 857412 * eta5 + 3080448 * eta6 + 143640 * chip2 * eta2 * m1_4 - 127008 * chip2 * (-4 * chiL2 + chip2) * m1_8 +
        6048 * eta3 * ((2632 * chiL2 + 115 * chip2) * m1_4 - 672 * chiL * m1_2 * PI)) +
      3 * delta * m1_2 * (-5579177 * eta4 + 80136 * eta5 - 3845520 * eta6 + 146664 * chip2 * eta2 * m1_4 + 127008 * chip2 * (-4 * chiL2 + chip2) * m1_8 -
        42336 * eta3 * ((726 * chiL2 + 29 * chip2) * m1_4 - 96 * chiL * m1_2 * PI)))) / (6.5028096e7 * eta4 * m1_3),
    epsilon1: -35 / 192 + (5 * delta) / (64 * m1),
    epsilon2: ((15 * chiL * delta * m1) / 128 - (35 * chiL * m1_2) / 128) / eta,
    epsilon3: -5515 / 3072 + eta * (-515 / 384 - (15 * delta2) / (256 * m1_2) + (175 * delta) / (256 * m1)) + (4555 * delta) / (7168 * m1),
    epsilon4L: (5 * chiL * delta2) / 16 - (5 * chiL * delta * m1) / 3 + (2545 * chiL * m1_2) / 1152 +
      ((-2035 * chiL * delta * m1) / 21504 + (2995 * chiL * m1_2) / 9216) / eta - (35 * PI) / 48 + (5 * delta * PI) / (16 * m1),
    epsilon5: (5 * (-190512 * delta3 * eta3 + 2268 * delta2 * m1 * (eta2 * (323 + 784 * eta) + 8400 * chiL2 * m1_4) -
      3 * delta * m1_2 * (eta * (5579177 + 504 * eta * (-159 + 7630 * eta)) + 254016 * chiL * m1_2 * (121 * chiL * m1_2 - 16 * PI)) +
      7 * m1_3 * (eta * (8024297 + 36 * eta * (23817 + 85568 * eta)) + 338688 * chiL * m1_2 * (47 * chiL * m1_2 - 12 * PI)))) /
      (6.5028096e7 * eta * m1_3),
  };
}

/** NNLO alpha at omega = pi M f (no offset). */
export function nnloAlpha(c: NnloCoefficients, omega: number): number {
  const w = Math.cbrt(omega);
  return c.alpha1 / omega + c.alpha2 / (w * w) + c.alpha3 / w + c.alpha4L * Math.log(omega) + c.alpha5 * w;
}

/** NNLO epsilon at omega = pi M f (no offset). */
export function nnloEpsilon(c: NnloCoefficients, omega: number): number {
  const w = Math.cbrt(omega);
  return c.epsilon1 / omega + c.epsilon2 / (w * w) + c.epsilon3 / w + c.epsilon4L * Math.log(omega) + c.epsilon5 * w;
}
