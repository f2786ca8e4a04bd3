/**
 * NNLO post-Newtonian Euler angles of IMRPhenomXP / IMRPhenomXPHM (PrecVersion 101-104; LAL's
 * LALSimIMRPhenomX_precession.c, the "PN Euler Angle Coefficients" block of
 * IMRPhenomXGetAndSetPrecessionVariables, IMRPhenomX_PN_Euler_alpha_NNLO / _epsilon_NNLO and
 * IMRPhenomXWignerdCoefficients; arXiv:2004.06503 appendix G, LIGO-T1500602):
 *
 *   alpha(omega)   = a1/omega + a2/omega^{2/3} + a3/omega^{1/3} + a4L ln(omega) + a5 omega^{1/3},
 *   epsilon(omega) = the same with e1..e5 (e_i = a_i without the in-plane spin chip),
 *   cos(beta)      = sign(L + S_L) / sqrt(1 + (S_perp / (L + S_L))^2),  L = eta/v sum_k L_k v^k (+ L8L v^8 ln v^2),
 *
 * with omega = v^3 = pi M f (2/m' for the co-precessing mode m'), the larger body first (m1 >= m2, masses in
 * units of the total mass), chi_L = (1 + q) chi_eff / q and the single-spin in-plane spin chip on body 1.
 * Raw angles: the offsets at f_ref (alpha(f_ref) - alpha0, epsilon(f_ref) - epsilon0) are the caller's.
 */

/** Inputs of the NNLO angles (LAL's pPrec / pWF names; m1 >= m2, masses over the total mass). */
export interface NnloInputs {
  /** m1/M of the larger body and q = m1/m2 >= 1. */
  m1: number;
  q: number;
  /** Symmetric mass ratio and delta = |m1 - m2|/M. */
  eta: number;
  delta: number;
  /** Effective aligned spin (pWF->chiEff) and precessing spin chi_p. */
  chiEff: number;
  chip: number;
  /** Orbital angular momentum coefficients [L0, L1, ..., L8, L8L] of the PrecVersion (LAL's pPrec->L0 .. L8L). */
  lCoefficients: ArrayLike<number>;
  /** Dimensionful aligned spin S_L = chi1L m1^2 + chi2L m2^2 and in-plane spin S_perp = chip m1^2. */
  sL: number;
  sPerp: number;
}

/** Everything the NNLO angles need at one frequency. */
export interface NnloAngles {
  /** alpha: [a1, a2, a3, a4L, a5]; epsilon: [e1, e2, e3, e4L, e5]. */
  alpha: Float64Array;
  epsilon: Float64Array;
  /** [L0 .. L8, L8L], eta, S_L, S_perp as given. */
  l: Float64Array;
  eta: number;
  sL: number;
  sPerp: number;
}

/** The NNLO coefficients (LAL's pPrec->alpha1 .. alpha5, epsilon1 .. epsilon5 for PrecVersion 10x). */
export function setupNnloAngles(p: NnloInputs): NnloAngles {
  const { m1, q, eta, delta, chip } = p;
  const m1p2 = m1 * m1;
  const m1p3 = m1 * m1p2;
  const m1p4 = m1 * m1p3;
  const m1p5 = m1 * m1p4;
  const m1p6 = m1 * m1p5;
  const m1p8 = m1p4 * m1p4;
  const eta2 = eta * eta;
  const eta3 = eta * eta2;
  const eta4 = eta * eta3;
  const eta5 = eta * eta4;
  const eta6 = eta * eta5;
  const delta2 = delta * delta;
  const delta3 = delta * delta2;
  const chiL = (1.0 + q) * (p.chiEff / q);
  const chiL2 = chiL * chiL;
  const chip2 = chip * chip;
  const PI = Math.PI;
  const c1 = -35 / 192 + (5 * delta) / (64 * m1);
  const c2 = ((15 * chiL * delta * m1) / 128 - (35 * chiL * m1p2) / 128) / eta;
  const c3 = -5515 / 3072 + eta * (-515 / 384 - (15 * delta2) / (256 * m1p2) + (175 * delta) / (256 * m1)) + (4555 * delta) / (7168 * m1);
  const c4 = (5 * chiL * delta2) / 16 - (5 * chiL * delta * m1) / 3 + (2545 * chiL * m1p2) / 1152 +
    ((-2035 * chiL * delta * m1) / 21504 + (2995 * chiL * m1p2) / 9216) / eta;
  const piTerms = -(35 * PI) / 48 + (5 * delta * PI) / (16 * m1);
  const a3 = c3 + ((15 * chip2 * delta * m1p3) / 128 - (35 * chip2 * m1p4) / 128) / eta2;
  const a4 = c4 + ((5 * chiL * chip2 * delta * m1p5) / 128 - (35 * chiL * chip2 * m1p6) / 384) / eta3 + piTerms;
  const a5 = (5 * (-190512 * delta3 * eta6 + 2268 * delta2 * eta3 * m1 * (eta2 * (323 + 784 * eta) + 336 * (25 * chiL2 + chip2) * m1p4) +
    7 * m1p3 * (8024297 * eta4 + 857412 * eta5 + 3080448 * eta6 + 143640 * chip2 * eta2 * m1p4 -
      127008 * chip2 * (-4 * chiL2 + chip2) * m1p8 + 6048 * eta3 * ((2632 * chiL2 + 115 * chip2) * m1p4 - 672 * chiL * m1p2 * PI)) +
    3 * delta * m1p2 * (-5579177 * eta4 + 80136 * eta5 - 3845520 * eta6 + 146664 * chip2 * eta2 * m1p4 +
      127008 * chip2 * (-4 * chiL2 + chip2) * m1p8 - 42336 * eta3 * ((726 * chiL2 + 29 * chip2) * m1p4 - 96 * chiL * m1p2 * PI)))) /
    (6.5028096e7 * eta4 * m1p3);
  const e5 = (5 * (-190512 * delta3 * eta3 + 2268 * delta2 * m1 * (eta2 * (323 + 784 * eta) + 8400 * chiL2 * m1p4) -
    3 * delta * m1p2 * (eta * (5579177 + 504 * eta * (-159 + 7630 * eta)) + 254016 * chiL * m1p2 * (121 * chiL * m1p2 - 16 * PI)) +
    7 * m1p3 * (eta * (8024297 + 36 * eta * (23817 + 85568 * eta)) + 338688 * chiL * m1p2 * (47 * chiL * m1p2 - 12 * PI)))) /
    (6.5028096e7 * eta * m1p3);
  return {
    alpha: Float64Array.of(c1, c2, a3, a4, a5),
    epsilon: Float64Array.of(c1, c2, c3, c4 + piTerms, e5),
    l: Float64Array.from(p.lCoefficients),
    eta, sL: p.sL, sPerp: p.sPerp,
  };
}

/** c1/omega + c2/omega^{2/3} + c3/omega^{1/3} + c4 ln(omega) + c5 omega^{1/3} (LAL's order of terms). */
function series(c: Float64Array, omega: number, cbrt: number, cbrt2: number, logOmega: number): number {
  return c[0] / omega + c[1] / cbrt2 + c[2] / cbrt + c[3] * logOmega + c[4] * cbrt;
}

/** Orbital angular momentum over M^2: eta/v sum L_k v^k + L8L v^8 ln v^2 (LAL's XLALSimIMRPhenomXLPNAnsatz). */
export function orbitalL(l: Float64Array, eta: number, v: number): number {
  const x = v * v;
  const x2 = x * x;
  const x3 = x * x2;
  const x4 = x * x3;
  const sqx = Math.sqrt(x);
  return (eta / v) * (l[0] + l[1] * sqx + l[2] * x + l[3] * (x * sqx) + l[4] * x2 + l[5] * (x2 * sqx) + l[6] * x3 + l[7] * (x3 * sqx) +
    l[8] * x4 + l[9] * x4 * Math.log(x));
}

/**
 * The raw NNLO angles at v = (pi M f 2/m')^{1/3}: out[0] = alpha, out[1] = epsilon, out[2] = cos(beta)
 * (no f_ref offsets; LAL's Get_alpha_beta_epsilon before the offsets).
 */
export function nnloAnglesAt(a: NnloAngles, v: number, out: Float64Array): void {
  const omega = v * v * v;
  const logOmega = Math.log(omega);
  const cbrt2 = v * v;
  out[0] = series(a.alpha, omega, v, cbrt2, logOmega);
  out[1] = series(a.epsilon, omega, v, cbrt2, logOmega);
  const lPlusS = orbitalL(a.l, a.eta, v) + a.sL;
  const s = a.sPerp / lPlusS;
  out[2] = (lPlusS < 0 || Object.is(lPlusS, -0) ? -1 : 1) / Math.sqrt(1 + s * s);
}
