/**
 * Map LAL source-frame parameters (z along L_N at f_ref, line of sight at polar angle iota and azimuth
 * pi/2 - phi_ref) to the IMRPhenomPv2 model parameters, as LALSimulation's
 * XLALSimIMRPhenomPCalculateModelParametersFromSourceFrame does with IMRPhenomPv2_V
 * (LALSimIMRPhenomP.c; angles of arXiv:1408.1810 fig. 1, polarisation triads of LIGO-T1500606).
 */
import { MTSUN_SI } from '../../core/constants.js';

/** Below this, atan2 arguments count as zero (LAL MAX_TOL_ATAN). */
export const MAX_TOL_ATAN = 1.0e-15;

/** IMRPhenomPv2 parameters derived from the source frame (LAL's outputs of the same names). */
export interface PhenomPSourceFrame {
  /** Aligned spins s1z, s2z (bodies as given). */
  readonly chi1L: number;
  readonly chi2L: number;
  /** Effective precession spin chi_p = max(A1 S1perp, A2 S2perp)/(A_i m_i^2), i the heavier body. */
  readonly chip: number;
  /** Angle between J(f_ref) and the line of sight N [rad]. */
  readonly thetaJN: number;
  /** Azimuth of L_N in the J frame at f_ref [rad] (pi in the aligned-spin limit). */
  readonly alpha0: number;
  /** Orbital phase handed to the aligned-spin core, -phi_J [rad]. */
  readonly phiAligned: number;
  /** Rotation angle from the (P, Q, N) triad of arXiv:0810.5336 to LAL's wave frame (X, Y, N) [rad]. */
  readonly zetaPolariz: number;
}

/**
 * Newtonian + 2PN non-spinning orbital angular momentum over M^2 (Bohe et al. arXiv:1212.5520 eq. 4.7,
 * LAL L2PNR): eta/sqrt(x) [1 + (3/2 + eta/6) x + (27/8 - 19 eta/8 - eta^2/24) x^2], x = v^2.
 */
export function l2PN(v: number, eta: number): number {
  const eta2 = eta * eta;
  const x = v * v;
  const x2 = x * x;
  return (eta * (1.0 + (1.5 + eta / 6.0) * x + (3.375 - (19.0 * eta) / 8 - eta2 / 24.0) * x2)) / Math.sqrt(x);
}

/** atan2(a, b), or 0 when both |a| and |b| are below `tol` (LAL atan2tol). */
function atan2tol(a: number, b: number, tol: number): number {
  return Math.abs(a) < tol && Math.abs(b) < tol ? 0 : Math.atan2(a, b);
}

/** (x, y, z) rotated by -phi about z then by -theta about y, then by kappa about z. */
function toJFrame(v: [number, number, number], phiJ: number, thetaJ: number, kappa: number): [number, number, number] {
  let [x, y, z] = v;
  let t1 = x * Math.cos(-phiJ) - y * Math.sin(-phiJ);
  let t2 = x * Math.sin(-phiJ) + y * Math.cos(-phiJ);
  x = t1;
  y = t2;
  t1 = x * Math.cos(-thetaJ) + z * Math.sin(-thetaJ);
  t2 = -x * Math.sin(-thetaJ) + z * Math.cos(-thetaJ);
  x = t1;
  z = t2;
  t1 = x * Math.cos(kappa) - y * Math.sin(kappa);
  t2 = x * Math.sin(kappa) + y * Math.cos(kappa);
  return [t1, t2, z];
}

/**
 * IMRPhenomPv2 model parameters from masses [Msun], f_ref [Hz] (> 0), phi_ref and inclination [rad]
 * and the six source-frame spin components. Symmetric under exchanging the bodies.
 * J(f_ref) = L_2PN(f_ref) z + m1^2 s1 + m2^2 s2 fixes the J frame (J along z, N in the x-z plane);
 * alpha0 is the azimuth of L_N there, thetaJN the polar angle of N and zeta the polar angle of LAL's
 * X axis in the (P, Q) basis, P = N x J/|N x J|.
 */
export function phenomPSourceFrame(
  m1: number, m2: number, fRefHz: number, phiRef: number, inclination: number,
  s1x: number, s1y: number, s1z: number, s2x: number, s2y: number, s2z: number,
): PhenomPSourceFrame {
  const mTotal = m1 + m2;
  const m1Sq = m1 * m1;
  const m2Sq = m2 * m2;
  const eta = (m1 * m2) / (mTotal * mTotal);

  const s1Perp = m1Sq * Math.sqrt(s1x * s1x + s1y * s1y);
  const s2Perp = m2Sq * Math.sqrt(s2x * s2x + s2y * s2y);
  const a1 = 2 + (3 * m2) / (2 * m1);
  const a2 = 2 + (3 * m1) / (2 * m2);
  const aSp1 = a1 * s1Perp;
  const aSp2 = a2 * s2Perp;
  const num = aSp2 > aSp1 ? aSp2 : aSp1;
  const den = m2 > m1 ? a2 * m2Sq : a1 * m1Sq;
  const chip = num / den;

  const vRef = Math.cbrt(Math.PI * (mTotal * MTSUN_SI) * fRefHz);
  const l0 = mTotal * mTotal * l2PN(vRef, eta);
  const jx = m1Sq * s1x + m2Sq * s2x;
  const jy = m1Sq * s1y + m2Sq * s2y;
  const jz = l0 + m1Sq * s1z + m2Sq * s2z;
  const j0 = Math.sqrt(jx * jx + jy * jy + jz * jz);
  const thetaJ = j0 < 1e-10 ? 0 : Math.acos(jz / j0);
  const phiJ = Math.abs(jx) < MAX_TOL_ATAN && Math.abs(jy) < MAX_TOL_ATAN ? Math.PI / 2 - phiRef : Math.atan2(jy, jx);

  const n: [number, number, number] = [
    Math.sin(inclination) * Math.cos(Math.PI / 2 - phiRef),
    Math.sin(inclination) * Math.sin(Math.PI / 2 - phiRef),
    Math.cos(inclination),
  ];
  const nNoKappa = toJFrame(n, phiJ, thetaJ, 0);
  const kappa = -atan2tol(nNoKappa[1], nNoKappa[0], MAX_TOL_ATAN);

  const l = toJFrame([0, 0, 1], phiJ, thetaJ, kappa);
  const alpha0 = Math.abs(l[0]) < MAX_TOL_ATAN && Math.abs(l[1]) < MAX_TOL_ATAN ? Math.PI : Math.atan2(l[1], l[0]);

  const nJ = toJFrame(n, phiJ, thetaJ, kappa);
  const thetaJN = Math.acos(nJ[2]);

  const xJ = toJFrame([-Math.cos(inclination) * Math.sin(phiRef), -Math.cos(inclination) * Math.cos(phiRef), Math.sin(inclination)], phiJ, thetaJ, kappa);
  // P = (0, -1, 0) and Q = N x P = (N_z, 0, -N_x) in the J frame.
  const xDotP = -xJ[1];
  const xDotQ = xJ[0] * nJ[2] - xJ[2] * nJ[0];
  const zetaPolariz = Math.atan2(xDotQ, xDotP);

  return { chi1L: s1z, chi2L: s2z, chip, thetaJN, alpha0, phiAligned: -phiJ, zetaPolariz };
}
