/**
 * MSA precession angles (Chatziioannou et al. arXiv:1703.03967) as IMRPhenomXP's PrecVersion 223 evaluates
 * them (LALSimIMRPhenomX_precession.c: IMRPhenomX_Initialize_MSA_System, IMRPhenomX_Return_phi_zeta_costhetaL_MSA
 * with the LALSimInspiralFDPrecAngles variants of version 222/223): per v = (pi M f)^{1/3},
 *   phi_z(v) (the azimuth of L about J, IMRPhenomXP's alpha before its offset), zeta(v) (epsilon before its
 *   offset) and cos theta_L(v) = L.J / (|L||J|) (cos beta),
 * from the roots of the spin-magnitude cubic at each v, sn(psi(v) | m) and the precession-averaged
 * couplings fixed at f_ref. Units: masses in units of the total mass (m1 >= m2), spins dimensionful (m_i^2 chi_i).
 */
import { sinCosTable } from '../../core/sincos.js';
import { ellipticF, jacobiSn } from './elliptic.js';

const PI = Math.PI;
/** cos(2 pi/3) and sin(2 pi/3): the trigonometric roots from cos(theta) and sin(theta) by angle addition. */
const COS_2PI_3 = -0.5;
const SIN_2PI_3 = Math.sqrt(3) / 2;
/** pi split as fdlibm's 2 (pio2_1 + pio2_1t): n pi is reduced to ~1e-16 for the |n| < 2^20 of psi. */
const PI_HI = 2 * 1.57079632673412561417e+0;
const PI_LO = 2 * 6.07710050650619224932e-11;
/** Scratch of the sin/cos calls (single-threaded, never escapes). */
const CS = new Float64Array(2);
/** Below this |S+^2 - S-^2| the spin magnitude is constant (LALSimInspiralFDPrecAngles' tolerance). */
const ROOT_TOL = 1e-5;

/** Everything the per-frequency MSA evaluation reads (fixed at f_ref). */
export interface MsaSystem {
  eta: number; eta2: number; eta3: number; eta4: number; invEta: number; invEta2: number; invEta3: number; invEta4: number;
  sqrtInvEta: number;
  /** q = m2/m1 <= 1 and delta = (1 - q)/(1 + q). */
  q: number; delta: number;
  s1Norm2: number; s2Norm2: number;
  /** S1.L and S2.L (L-hat = z) and the effective spin (1+q) S1.L + (1+1/q) S2.L. */
  dotS1L: number; dotS2L: number; seff: number;
  /** S1.L/|S1|, S2.L/|S2| (exactly +-1 for aligned spins) and |S1 + S2|^2 at f_ref. */
  dotS1Ln: number; dotS2Ln: number; s0Norm2: number;
  /** 3PN L coefficients (LALSimInspiralFDPrecAngles ordering). */
  cL0: number; cL1: number; cL2: number; cL3: number; cL4: number;
  /** Precession-averaged <S^2>, sqrt, inverses; c1 and c1/eta. */
  sAv2: number; sAv: number; invSAv: number; invSAv2: number; c1: number; c1OverEta: number;
  /** Precession-averaged S1.L, S2.L (used by the precessing final spin). */
  s1LPav: number; s2LPav: number;
  g0: number; psi0: number; psi1: number; psi2: number;
  /** Coefficients of phi_z (Eq. 66) and zeta (Eq. F5) up to fourth order (LAL's default ExpansionOrder 5 drops the fifth). */
  omz0: number; omz1: number; omz2: number; omz3: number; omz4: number;
  omzeta0: number; omzeta1: number; omzeta2: number; omzeta3: number; omzeta4: number;
  /** Integration constants: phi_z and zeta vanish at v_0 = (pi G M f_ref / c^3)^{1/3}. */
  phiz0: number; zeta0: number;
  /** phizOf's constants (phizCoefficients). */
  phizC: Float64Array;
  /** True when |Omega_z5| > 1000 (LAL's MSA failure: version 223 falls back to NNLO, 102). */
  failed: boolean;
}

/** Per-v working values of the cubic's roots (LAL overwrites them in its struct at every frequency). */
interface Roots { s32: number; smi2: number; spl2: number }

/** Inputs of initMsaSystem: component masses (units of M, m1 >= m2), spins of each body, eta, v at f_ref. */
export interface MsaInput {
  m1: number; m2: number; eta: number;
  chi1: [number, number, number]; chi2: [number, number, number];
  /** v_0 = cbrt(pi G M_SI f_ref / c^3) (LAL computes it from the SI masses). */
  v0: number;
}

/** Spin-orbit PN coupling beta(a, b) = S1.L (a + b q) + S2.L (a + b / q). */
function pnBeta(s: MsaSystem, a: number, b: number): number {
  return s.dotS1L * (a + b * s.q) + s.dotS2L * (a + b / s.q);
}

/** The three roots S3^2 <= S-^2 <= S+^2 of the cubic (IMRPhenomX_Return_Roots_MSA), written into `out`. */
function roots(s: MsaSystem, lNorm: number, jNorm: number, out: Roots): void {
  // coefficients B, C, D of the cubic in S^2 (Eqs. B2-B4 of arXiv:1703.03967)
  const j2 = jNorm * jNorm;
  const l2 = lNorm * lNorm;
  const { s1Norm2: s1, s2Norm2: s2, q, eta, delta, seff } = s;
  const j2ml2 = j2 - l2;
  const b = (l2 + s1) * q + 2 * lNorm * seff - 2 * j2 - s1 - s2 + (l2 + s2) / q;
  const c = j2ml2 * j2ml2 - 2 * lNorm * seff * j2ml2 - 2 * ((1 - q) / q) * l2 * (s1 - q * s2) +
    4 * eta * l2 * seff * seff - 2 * delta * (s1 - s2) * seff * lNorm + 2 * ((1 - q) / q) * (q * s1 - s2) * j2;
  const d = ((1 - q) / q) * (s2 - q * s1) * j2ml2 * j2ml2 + delta * delta * (s1 - s2) * (s1 - s2) * l2 / eta +
    2 * delta * lNorm * seff * (s1 - s2) * j2ml2;
  const b2 = b * b;
  const p = c - b2 / 3;
  const qc = (2 / 27) * b2 * b - (b * c) / 3 + d;
  const sqrtarg = Math.sqrt(-p / 3);
  let acosarg = (1.5 * qc) / p / sqrtarg;
  if (acosarg < -1) acosarg = -1;
  if (acosarg > 1) acosarg = 1;
  const theta = Math.acos(acosarg) / 3;
  const dot1 = s.dotS1Ln;
  const dot2 = s.dotS2Ln;
  if (Number.isNaN(theta) || Number.isNaN(sqrtarg) || dot1 === 1 || dot2 === 1 || dot1 === -1 || dot2 === -1 ||
    s.s1Norm2 === 0 || s.s2Norm2 === 0) {
    out.s32 = 0;
    out.smi2 = s.s0Norm2;
    out.spl2 = s.s0Norm2 + 1e-9; // LAL's perturbation keeps phi_z finite
    return;
  }
  // theta in [0, pi/3]: cos(theta) >= cos(theta - 2 pi/3) >= cos(theta - 4 pi/3), so the roots come ordered
  sinCosTable(theta, CS);
  const ct = CS[0];
  const st = CS[1];
  const t1 = 2 * sqrtarg * (ct * COS_2PI_3 - st * SIN_2PI_3) - b / 3;
  const t2 = 2 * sqrtarg * (ct * COS_2PI_3 + st * SIN_2PI_3) - b / 3;
  const t3 = 2 * sqrtarg * ct - b / 3;
  out.spl2 = Math.abs(t3);
  out.s32 = t1;
  out.smi2 = Math.abs(t2);
}

/** |J| from |L| (Eq. 41 of arXiv:1703.03967): J^2 = L^2 + 2 L c1/eta + <S^2>. */
function jNormOf(s: MsaSystem, lNorm: number): number {
  return Math.sqrt(lNorm * lNorm + 2 * lNorm * s.c1OverEta + s.sAv2);
}

/** psi(v) of Eq. 51 without psi0. */
function psiOf(s: MsaSystem, v: number, v2: number): number {
  return (-0.75 * s.g0 * s.delta * (1 + s.psi1 * v + s.psi2 * v2)) / (v2 * v);
}

/**
 * phi_z(v) without the MSA correction (Eq. 66 with D22-D26, fifth order dropped), regrouped as
 * |J| (a0 + a1/v + a2/v^2 + a3 v + a4 v^2) + K1 ln|c1 + |J| eta + eta^2/v| + K2 ln|c1 + (|J| <S> + <S^2>) v| + phi_z0
 * (coefficients from phizCoefficients).
 */
function phizOf(s: MsaSystem, v: number, jNorm: number): number {
  const invv = 1 / v;
  const c = s.phizC;
  const log1 = Math.log(Math.abs(s.c1 + jNorm * s.eta + s.eta2 * invv));
  const log2 = Math.log(Math.abs(s.c1 + jNorm * s.sAv * v + s.sAv2 * v));
  const out = jNorm * (c[0] + invv * (c[1] + c[2] * invv) + v * (c[3] + c[4] * v)) + c[5] * log1 + c[6] * log2 + s.phiz0;
  return Number.isNaN(out) ? 0 : out;
}

/** The constants of phizOf: [a0, a1, a2, a3, a4, K1, K2] from the Omega_z coefficients and c1, <S^2>. */
function phizCoefficients(s: MsaSystem): Float64Array {
  const { c1, sAv2, sAv, invSAv, invSAv2, eta, eta2, eta4, invEta, invEta2, invEta3, invEta4, omz0, omz1, omz2, omz3, omz4 } = s;
  const c12 = c1 * c1;
  const h = 0.5 * invSAv2;
  return Float64Array.of(
    omz0 * invEta4 * (0.5 * c12 - (sAv2 * eta2) / 3) - omz1 * 0.5 * invEta2 * c1 - omz2,
    -omz0 * invEta4 * ((c1 * eta2) / 6) - omz1 * 0.5 * invEta2 * eta2,
    -omz0 * invEta4 * (eta4 / 3),
    omz3 + omz4 * h * c1,
    omz4 * h * sAv2,
    -omz0 * c1 * 0.5 * invEta * (c12 * invEta4 - sAv2 * invEta2) + omz1 * 0.5 * invEta3 * (c12 - eta2 * sAv2) - omz2 * c1 * invEta - omz3 * eta,
    omz2 * sAv + omz3 * c1 * invSAv - omz4 * h * invSAv * (c12 - eta2 * sAv2),
  );
}

/** zeta(v) without the MSA correction (Eq. F5, to fourth order). */
function zetaOf(s: MsaSystem, v: number): number {
  const invv = 1 / v;
  const out = s.eta * (s.omzeta0 * invv * invv * invv + s.omzeta1 * invv * invv + s.omzeta2 * invv + s.omzeta3 * Math.log(v) +
    s.omzeta4 * v) + s.zeta0;
  return Number.isNaN(out) ? 0 : out;
}

/** The MSA corrections to phi_z (Eq. 67) and zeta (Eq. F19), version 222/223 forms, into out[0], out[1]. */
function msaCorrections(s: MsaSystem, r: Roots, v: number, psi: number, lNorm: number, jNorm: number, out: Float64Array): void {
  const v2 = v * v;
  const v3 = v * v2;
  const v4 = v2 * v2;
  const v6 = v3 * v3;
  const j2 = jNorm * jNorm;
  const eta = s.eta;
  const seff = s.seff;
  const spl2 = r.spl2;
  const smi2 = r.smi2;
  // c constants, Eqs. B6-B8
  const c0 = jNorm * (0.75 * (1 - seff * v) * v2 * (s.eta3 + 4 * s.eta3 * seff * v -
    2 * eta * (j2 - spl2 + 2 * (s.s1Norm2 - s.s2Norm2) * s.delta) * v2 - 4 * eta * seff * (j2 - spl2) * v3 +
    (j2 - spl2) * (j2 - spl2) * v4 * s.invEta));
  const c2 = jNorm * (-1.5 * eta * (spl2 - smi2) * (1 + 2 * seff * v - (j2 - spl2) * v2 * s.invEta2) * (1 - seff * v) * v4);
  const c4 = jNorm * (0.75 * s.invEta * (spl2 - smi2) * (spl2 - smi2) * (1 - seff * v) * v6);
  // d constants, Eqs. B9-B11
  const spl = Math.sqrt(spl2);
  const l2 = lNorm * lNorm;
  const d0 = -(j2 - (lNorm + spl) * (lNorm + spl)) * (j2 - (lNorm - spl) * (lNorm - spl));
  const d2 = -2 * (spl2 - smi2) * (j2 + l2 - spl2);
  const d4 = -(spl2 - smi2) * (spl2 - smi2);
  const sd = Math.sqrt(Math.abs(d2 * d2 - 4 * d0 * d4));
  const aThetaL = 0.5 * (jNorm / lNorm + lNorm / jNorm - spl2 / (jNorm * lNorm));
  const bThetaL = (0.5 * (spl2 - smi2)) / (jNorm * lNorm);
  const ncNum = 2 * (d0 + d2 + d4);
  const ncDen = 2 * d0 + d2 + sd;
  const nc = ncNum / ncDen;
  const nd = ncDen / (2 * d0);
  const sqrtNc = Math.sqrt(Math.abs(nc));
  const sqrtNd = Math.sqrt(Math.abs(nd));
  const psiDot = 0.5 * (-1.5 * (v2 * v2 * v2) * (1 - v * seff) * s.sqrtInvEta) * Math.sqrt(spl2 - r.s32);
  // atan(tan(psi)) is psi reduced to [-pi/2, pi/2]
  sinCosTable(psi, CS);
  const tanPsi = CS[1] / CS[0];
  const n = Math.round(psi / PI);
  const atanPsi = (psi - n * PI_HI) - n * PI_LO;
  const c2den = 2 * d0 * sd * (d0 + d2 + d4);
  const cTerm = nc === 1 ? 0 :
    Math.abs((c4 * d0 * (2 * d0 + d2 + sd) - c2 * d0 * (d2 + 2 * d4 - sd) - c0 * (2 * d0 * d4 - (d2 + d4) * (d2 - sd))) / c2den) *
    ((sqrtNc / (nc - 1)) * (atanPsi - Math.atan(sqrtNc * tanPsi))) / psiDot;
  const dTerm = nd === 1 ? 0 :
    (Math.abs(-c4 * d0 * (2 * d0 + d2 - sd) + c2 * d0 * (d2 + 2 * d4 + sd) - c0 * (-(2 * d0 * d4) + (d2 + d4) * (d2 + sd))) / c2den) *
    ((sqrtNd / (nd - 1)) * (atanPsi - Math.atan(sqrtNd * tanPsi))) / psiDot;
  let x = cTerm + dTerm;
  let y = aThetaL * x + 2 * bThetaL * d0 * (cTerm / (sd - d2) - dTerm / (sd + d2));
  if (Number.isNaN(x)) x = 0;
  if (Number.isNaN(y)) y = 0;
  out[0] = x;
  out[1] = y;
}

/** |S|(v) (Eq. 23) for the roots r and the phase psi(v) (psi0 included). */
function sNormOf(r: Roots, psi: number): number {
  let sn = 0;
  if (Math.abs(r.smi2 - r.spl2) >= ROOT_TOL) sn = jacobiSn(psi, (r.smi2 - r.spl2) / (r.s32 - r.spl2));
  return Math.sqrt(r.spl2 + (r.smi2 - r.spl2) * sn * sn);
}

/**
 * The MSA system of IMRPhenomXP version 223 at f_ref (IMRPhenomX_Initialize_MSA_System with ExpansionOrder 5:
 * the fifth-order Omega coefficients are dropped, as LAL's default does).
 */
export function initMsaSystem(inp: MsaInput): MsaSystem {
  const { m1, m2, eta, v0 } = inp;
  const eta2 = eta * eta;
  const eta3 = eta * eta2;
  const eta4 = eta * eta3;
  const q = m2 / m1;
  const delta = (1 - q) / (1 + q);
  // dimensionful spins, eta/q = m1^2, eta q = m2^2
  const s1 = inp.chi1.map((c) => c * (eta / q));
  const s2 = inp.chi2.map((c) => c * (eta * q));
  const s1n = Math.sqrt(s1[0] * s1[0] + s1[1] * s1[1] + s1[2] * s1[2]);
  const s2n = Math.sqrt(s2[0] * s2[0] + s2[1] * s2[1] + s2[2] * s2[2]);
  const c1n = Math.sqrt(inp.chi1[0] ** 2 + inp.chi1[1] ** 2 + inp.chi1[2] ** 2) * (m1 * m1);
  const c2n = Math.sqrt(inp.chi2[0] ** 2 + inp.chi2[1] ** 2 + inp.chi2[2] ** 2) * (m2 * m2);
  const s0 = [s1[0] + s2[0], s1[1] + s2[1], s1[2] + s2[2]];
  const l0 = eta / v0;
  const j0 = [s0[0], s0[1], l0 + s0[2]];
  const s0Norm = Math.sqrt(s0[0] * s0[0] + s0[1] * s0[1] + s0[2] * s0[2]);
  const l0Norm = Math.sqrt(l0 * l0);
  const j0Norm = Math.sqrt(j0[0] * j0[0] + j0[1] * j0[1] + j0[2] * j0[2]);
  const dotS1L = s1[2];
  const dotS2L = s2[2];
  const s: MsaSystem = {
    eta, eta2, eta3, eta4, invEta: 1 / eta, invEta2: 1 / eta2, invEta3: 1 / eta3, invEta4: 1 / eta4, sqrtInvEta: 1 / Math.sqrt(eta),
    q, delta, s1Norm2: c1n * c1n, s2Norm2: c2n * c2n, dotS1L, dotS2L,
    seff: (1 + q) * dotS1L + (1 + 1 / q) * dotS2L,
    dotS1Ln: dotS1L / s1n, dotS2Ln: dotS2L / s2n, s0Norm2: s0Norm * s0Norm,
    cL0: 0, cL1: 0, cL2: 0, cL3: 0, cL4: 0,
    sAv2: 0, sAv: 0, invSAv: 0, invSAv2: 0, c1: 0, c1OverEta: 0, s1LPav: 0, s2LPav: 0,
    g0: 0, psi0: 0, psi1: 0, psi2: 0,
    omz0: 0, omz1: 0, omz2: 0, omz3: 0, omz4: 0, omzeta0: 0, omzeta1: 0, omzeta2: 0, omzeta3: 0, omzeta4: 0,
    phiz0: 0, zeta0: 0, phizC: new Float64Array(7), failed: false,
  };
  s.cL0 = 3 / 2 + eta * (1 / 6);
  s.cL1 = pnBeta(s, -14 / 6, -3 / 2);
  s.cL2 = 27 / 8 + eta * (-19 / 8) + eta * eta * (1 / 24);
  s.cL3 = pnBeta(s, -11 / 2 + (133 / 72) * eta, -33 / 8 + (7 / 4) * eta);
  s.cL4 = 135 / 16 + (-6889 / 144 + (41 / 24) * PI * PI) * eta + (31 / 24) * eta * eta + (7 / 1296) * eta * eta * eta;
  const seff = s.seff;
  const r: Roots = { s32: 0, smi2: 0, spl2: 0 };
  roots(s, l0Norm, j0Norm, r);
  s.sAv2 = 0.5 * (r.spl2 + r.smi2);
  s.sAv = Math.sqrt(s.sAv2);
  s.invSAv2 = 1 / s.sAv2;
  s.invSAv = 1 / s.sAv;
  const c1 = ((0.5 * (j0Norm * j0Norm - l0Norm * l0Norm - s.sAv2)) / l0Norm) * eta;
  const c12 = c1 * c1;
  s.c1 = c1;
  s.c1OverEta = c1 / eta;
  const omq2 = 1 - q * q + 1e-16;
  s.s1LPav = (c1 * (1 + q) - q * eta * seff) / (eta * omq2);
  s.s2LPav = (-q * (c1 * (1 + q) - eta * seff)) / (eta * omq2);
  // d omega / dt coefficients from the spin couplings at f_ref (LALSimInspiralFDPrecAngles)
  const a0 = eta * (96 / 5);
  const a2 = eta * (-1486 / 35 + eta * (-264 / 5));
  const a3 = eta * ((384 * PI) / 5 + pnBeta(s, -904 / 5, -120));
  const sigma = s.invEta * ((-494 / 5) * (s1[0] * s2[0] + s1[1] * s2[1] + s1[2] * s2[2]) - (-1442 / 5) * dotS1L * dotS2L);
  const tau = (q * (s.s1Norm2 * (-233 / 5) - (-719 / 5) * dotS1L * dotS1L) + ((-233 / 5) * s.s2Norm2 - (-719 / 5) * dotS2L * dotS2L) / q) / eta;
  const a4 = eta * (34103 / 945 + eta * (13661 / 105 + eta * (944 / 15)) + sigma + tau);
  const a02 = a0 * a0;
  const a03 = a02 * a0;
  const g0 = 1 / a0;
  const g2 = -(a2 / a02);
  const g3 = -(a3 / a02);
  const g4 = -(a4 * a0 - a2 * a2) / a03;
  s.g0 = g0;
  s.psi1 = (3 * (2 * eta2 * seff - c1)) / (eta * delta * delta);
  const c1OverNu2 = s.c1OverEta * s.c1OverEta;
  const onePQ2 = (1 + q) * (1 + q);
  const q2 = q * q;
  const oneMQ2sq = (1 - q2) * (1 - q2);
  const oneMQ4 = (1 - q) * (1 - q) * ((1 - q) * (1 - q));
  const del1 = 4 * c1OverNu2 * onePQ2;
  const del2 = 8 * s.c1OverEta * q * (1 + q) * seff;
  const del3 = 4 * (oneMQ2sq * s.s1Norm2 - q2 * seff * seff);
  const del4 = 4 * c1OverNu2 * q2 * onePQ2;
  const del5 = 8 * s.c1OverEta * q2 * (1 + q) * seff;
  const del6 = 4 * (oneMQ2sq * s.s2Norm2 - q2 * seff * seff);
  const bigDelta = Math.sqrt(Math.abs((del1 - del2 - del3) * (del4 - del5 - del6)));
  const u1 = (3 * g2) / g0;
  const u2 = (0.75 * onePQ2) / oneMQ4;
  const u3 = -20 * c1OverNu2 * q2 * onePQ2;
  const u4 = 2 * oneMQ2sq * (q * (2 + q) * s.s1Norm2 + (1 + 2 * q) * s.s2Norm2 - 2 * q * s.sAv2);
  const u5 = 2 * q2 * (7 + 6 * q + 7 * q2) * 2 * s.c1OverEta * seff;
  const u6 = 2 * q2 * (3 + 4 * q + 3 * q2) * seff * seff;
  const u7 = q * bigDelta;
  s.psi2 = u1 + u2 * (u3 + u4 + u5 - u6 + u7);
  // Omega_z and Omega_zeta coefficients, Appendices D and E
  const rm = r.spl2 - r.smi2;
  const rm2 = rm * rm;
  const cp = r.spl2 * eta2 - c12;
  const cm = r.smi2 * eta2 - c12;
  const sqrtCpcm = Math.sqrt(Math.abs(cp * cm));
  const a1dD = 0.5 + 0.75 / eta;
  const a2dD = (-0.75 * seff) / eta;
  const d2RmSq = (cp - sqrtCpcm) / eta2;
  const d4RmSq = (-0.5 * rm * sqrtCpcm) / eta2 - (cp / eta4) * (sqrtCpcm - cp);
  const s0m = s.s1Norm2 - s.s2Norm2;
  const aw = -3 * (1 + q) / q * (2 * (1 + q) * eta2 * seff * c1 - (1 + q) * c12 + (1 - q) * eta2 * s0m);
  const cw = (3 / 32 / eta) * rm2;
  const dw = 4 * cp - 4 * d2RmSq * eta2;
  const hw = -2 * (2 * d2RmSq - rm) * c1;
  const fw = rm * d2RmSq - d4RmSq - 0.25 * rm2;
  const adD = aw / dw;
  const hdD = hw / dw;
  const cdD = cw / dw;
  const fdD = fw / dw;
  const gdD = ((3 / 16 / eta2 / eta) * rm2 * (c1 - eta2 * seff)) / dw;
  const hdD2 = hdD * hdD;
  const adDfdD = adD * fdD;
  const adDfdDhdD = adDfdD * hdD;
  const adDhdD2 = adD * hdD2;
  const oz0 = a1dD + adD;
  const oz1 = a2dD - adD * seff - adD * hdD;
  const oz2 = adD * hdD * seff + cdD - adD * fdD + adD * hdD2;
  const oz3 = (adDfdD - cdD - adDhdD2) * (seff + hdD) + adDfdDhdD;
  const oz4 = (cdD + adDhdD2 - 2 * adDfdD) * (hdD * seff + hdD2 - fdD) - adD * fdD * fdD;
  const oz5 = (cdD - adDfdD + adDhdD2) * fdD * (seff + 2 * hdD) - (cdD + adDhdD2 - 2 * adDfdD) * hdD2 * (seff + hdD) - adDfdD * fdD * hdD;
  s.failed = Math.abs(oz5) > 1000;
  s.omz0 = 3 * g0 * oz0;
  s.omz1 = 3 * g0 * oz1;
  s.omz2 = 3 * (g0 * oz2 + g2 * oz0);
  s.omz3 = 3 * (g0 * oz3 + g2 * oz1 + g3 * oz0);
  s.omz4 = 3 * (g0 * oz4 + g2 * oz2 + g3 * oz1 + g4 * oz0);
  s.phizC = phizCoefficients(s);
  const c1oveta2 = c1 / eta2;
  const oze0 = oz0;
  const oze1 = oz1 + oz0 * c1oveta2;
  const oze2 = oz2 + oz1 * c1oveta2;
  const oze3 = oz3 + oz2 * c1oveta2 + gdD;
  const oze4 = oz4 + oz3 * c1oveta2 - gdD * seff - gdD * hdD;
  s.omzeta0 = -g0 * oze0;
  s.omzeta1 = -1.5 * g0 * oze1;
  s.omzeta2 = -3 * (g0 * oze2 + g2 * oze0);
  s.omzeta3 = 3 * (g0 * oze3 + g2 * oze1 + g3 * oze0);
  s.omzeta4 = 3 * (g0 * oze4 + g2 * oze2 + g3 * oze1 + g4 * oze0);
  // psi0: psi(v0) + psi0 = F(asin(sign(L.(S1 x S2)) sqrt(B)), sqrt(m))
  const v02 = v0 * v0;
  if (Math.abs(r.smi2 - r.spl2) >= ROOT_TOL) {
    const mm = Math.sqrt((r.smi2 - r.spl2) / (r.s32 - r.spl2));
    const tmpB = (s0Norm * s0Norm - r.spl2) / (r.smi2 - r.spl2);
    const volume = l0 * (s1[0] * s2[1] - s1[1] * s2[0]);
    const volSign = volume > 0 ? 1 : volume < 0 ? -1 : 0;
    const psiV0 = -(0.75 * g0 * delta * (1 + s.psi1 * v0 + s.psi2 * v02)) / (v02 * v0);
    if (tmpB < 0 || tmpB > 1) {
      if (tmpB > 1 && tmpB - 1 < 0.00001) s.psi0 = ellipticF(Math.asin(volSign * Math.sqrt(1)), mm) - psiV0;
      if (tmpB < 0 && tmpB > -0.00001) s.psi0 = ellipticF(Math.asin(volSign * Math.sqrt(0)), mm) - psiV0;
    } else {
      s.psi0 = ellipticF(Math.asin(volSign * Math.sqrt(tmpB)), mm) - psiV0;
    }
  }
  const corr = new Float64Array(2);
  if (Math.abs(r.spl2 - r.smi2) > ROOT_TOL) msaCorrections(s, r, v0, psiOf(s, v0, v02) + s.psi0, l0Norm, j0Norm, corr);
  s.phiz0 = -phizOf(s, v0, j0Norm) - corr[0];
  s.zeta0 = -zetaOf(s, v0) - corr[1];
  return s;
}

/**
 * phi_z, zeta and cos theta_L at v = (pi M f)^{1/3} (IMRPhenomX_Return_phi_zeta_costhetaL_MSA, version 223),
 * written into out[0..2]; `work` is scratch of length 2.
 */
export function msaAnglesAtV(s: MsaSystem, v: number, out: Float64Array, work: Float64Array): void {
  const lNorm = s.eta / v;
  const jNorm = jNormOf(s, lNorm);
  const v2 = v * v;
  const l3pn = lNorm * (1 + v2 * (s.cL0 + v * s.cL1 + v2 * (s.cL2 + v * s.cL3 + v2 * s.cL4)));
  const j3pn = jNormOf(s, l3pn);
  const r = ROOTS;
  roots(s, lNorm, jNorm, r);
  const psi = psiOf(s, v, v2) + s.psi0;
  const sNorm = sNormOf(r, psi);
  work[0] = 0;
  work[1] = 0;
  if (Math.abs(r.smi2 - r.spl2) > ROOT_TOL) msaCorrections(s, r, v, psi, lNorm, jNorm, work);
  out[0] = phizOf(s, v, jNorm) + work[0];
  out[1] = zetaOf(s, v) + work[1];
  let cosThetaL = (0.5 * (j3pn * j3pn + l3pn * l3pn - sNorm * sNorm)) / (l3pn * j3pn);
  if (cosThetaL > 1) cosThetaL = 1;
  if (cosThetaL < -1) cosThetaL = -1;
  out[2] = cosThetaL;
}

/** Scratch roots of msaAnglesAtV (single-threaded, never escapes). */
const ROOTS: Roots = { s32: 0, smi2: 0, spl2: 0 };
