/**
 * IMRPhenomXP precession set-up as LAL's IMRPhenomXGetAndSetPrecessionVariables does it with LAL's defaults
 * (LALSimIMRPhenomX_precession.c: Convention 1, FinalSpinMod 4 -> 3, ExpansionOrder 5, PrecVersion 300 -> 223):
 * the bodies ordered m1 > m2 (equal masses swap, as XLALIMRPhenomXPCheckMassesAndSpins), chi_p, the MSA system
 * at f_ref (msa.ts), the precessing final spin and ringdown frequencies of the co-precessing (2,2) mode, the
 * 3PN L(v) coefficients, the J frame (thetaJN, kappa, phiJ, alpha0, epsilon0), the polarisation angle zeta and
 * the offsets that make alpha and epsilon vanish at f_ref (alpha0 and epsilon0 added back). When the MSA system
 * fails (|Omega_z5| > 1000) the angles fall back to the NNLO PN ones of version 102 (nnlo.ts), as LAL's 223 does;
 * params.precVersion = 102 asks for them directly. Both give the final spin of FinalSpinMod 0 (chi_p) then.
 */
import { C_SI, G_SI, MSUN_SI } from '../../core/constants.js';
import { invalid } from '../../core/errors.js';
import { finalSpin2017, qnmFdamp22, qnmFring22 } from '../imrphenomx/final-state.js';
import type { PhenomXSystem } from '../imrphenomx/setup.js';
import type { WaveformParams } from '../types.js';
import { initMsaSystem, msaAnglesAtV, type MsaSystem } from './msa.js';
import { nnloCoefficients, nnloAlpha, nnloEpsilon, type NnloCoefficients } from './nnlo.js';

/** Tolerance of LAL's aligned-spin tests on the J-frame atan2 (MAX_TOL_ATAN). */
const TOL_ATAN = 1e-15;

/** The precession quantities of one IMRPhenomXP / XPHM waveform (LAL's pPrec, defaults). */
export interface PrecessionSetup {
  /** Precession version in use: 223 (MSA) or 102 (NNLO, LAL's fall-back when the MSA system fails). */
  precVersion: 223 | 102;
  /** Masses in units of M = m1 + m2, m1 > m2 (LAL's ordering), eta, delta = m1 - m2. */
  m1: number; m2: number; eta: number; delta: number;
  /** Dimensionless spins of the heavier (1) and lighter (2) body in the L0 frame (z along L at f_ref). */
  chi1: [number, number, number]; chi2: [number, number, number];
  /** chi_p (Schmidt et al. 2015), |sum of in-plane dimensionful spins| / m1^2, S_L and S_perp = chi_p m1^2. */
  chiP: number; chiTotPerp: number; sL: number; sPerp: number;
  /** L(v) = (eta / v) sum_k lCoeffs[k] v^k for k = 0..6 (version-dependent 3PN coefficients). */
  lCoeffs: Float64Array;
  /** Polar and azimuthal angle of J0 in the L0 frame, kappa, thetaJN (J to line of sight), zeta (polarisation). */
  thetaJSf: number; phiJSf: number; kappa: number; thetaJN: number; zetaPolarization: number;
  /** alpha0 = pi - kappa, epsilon0 = phiJ - pi, and the offsets subtracted from phi_z and zeta. */
  alpha0: number; epsilon0: number; alphaOffset: number; epsilonOffset: number;
  /** -2Y_{2m}(thetaJN, 0) for m = -2..2 (real). */
  y2: Float64Array;
  /** Precessing final spin and the (2,2) ringdown / damping frequencies it gives (units of 1/M). */
  aFinal: number; fRing: number; fDamp: number;
  /** M [s] (angles are evaluated at v = cbrt(pi (M f))) and the reference frequency f_ref [Hz]. */
  mSec: number; fRefHz: number;
  /** The MSA system (version 223), or null after the fall-back. */
  msa: MsaSystem | null;
  /** The NNLO coefficients (version 102), or null for MSA. */
  nnlo: NnloCoefficients | null;
}

/** The 3PN L coefficients of `version` (LAL's L0..L6; L1 = 0). */
function lCoefficients(version: 223 | 102, eta: number, delta: number, chi1L: number, chi2L: number): Float64Array {
  const pi2 = Math.PI * Math.PI;
  const eta2 = eta * eta;
  if (version === 223) {
    return Float64Array.of(
      1, 0, 3 / 2 + eta / 6,
      (-7 * (chi1L + chi2L + chi1L * delta - chi2L * delta) + 5 * (chi1L + chi2L) * eta) / 6,
      (81 + (-57 + eta) * eta) / 24,
      (-1650 * (chi1L + chi2L + chi1L * delta - chi2L * delta) + 1336 * (chi1L + chi2L) * eta + 511 * (chi1L - chi2L) * delta * eta +
        28 * (chi1L + chi2L) * eta2) / 600,
      (10935 + eta * (-62001 + 1674 * eta + 7 * eta2 + 2214 * pi2)) / 1296,
    );
  }
  return Float64Array.of(
    1, 0, 3 / 2 + eta / 6,
    (5 * (chi1L * (-2 - 2 * delta + eta) + chi2L * (-2 + 2 * delta + eta))) / 6,
    (81 + (-57 + eta) * eta) / 24,
    (-7 * (chi1L * (72 + delta * (72 - 31 * eta) + eta * (-121 + 2 * eta)) + chi2L * (72 + eta * (-121 + 2 * eta) + delta * (-72 + 31 * eta)))) / 144,
    (10935 + eta * (-62001 + eta * (1674 + 7 * eta) + 2214 * pi2)) / 1296,
  );
}

/** L(v) with the coefficients c (XLALSimIMRPhenomXLPNAnsatz up to 3PN): lNorm (1 + c2 x + c3 x^1.5 + c4 x^2 + c5 x^2.5 + c6 x^3). */
export function lOfV(c: Float64Array, v: number, lNorm: number): number {
  const x = v * v;
  const sqx = Math.sqrt(x);
  const x2 = x * x;
  return lNorm * (c[0] + c[1] * sqx + c[2] * x + c[3] * (x * sqx) + c[4] * x2 + c[5] * (x2 * sqx) + c[6] * x * x2);
}

/** Rotate (x, y, z) about z by `a` (IMRPhenomX_rotate_z), in place. */
function rotateZ(a: number, v: number[]): void {
  const c = Math.cos(a);
  const s = Math.sin(a);
  const x = v[0] * c - v[1] * s;
  const y = v[0] * s + v[1] * c;
  v[0] = x;
  v[1] = y;
}

/** Rotate (x, y, z) about y by `a` (IMRPhenomX_rotate_y), in place. */
function rotateY(a: number, v: number[]): void {
  const c = Math.cos(a);
  const s = Math.sin(a);
  const x = v[0] * c + v[2] * s;
  const z = -v[0] * s + v[2] * c;
  v[0] = x;
  v[2] = z;
}

/** copysign(1, x) of C (-0 gives -1). */
function copySign(x: number): number {
  return x < 0 || Object.is(x, -0) ? -1 : 1;
}

/** -2Y_{2m}(theta, 0), m = -2..2 (XLALSpinWeightedSphericalHarmonic's closed forms). */
function y2Modes(theta: number): Float64Array {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return Float64Array.of(
    Math.sqrt(5 / (64 * Math.PI)) * (1 - c) * (1 - c),
    Math.sqrt(5 / (16 * Math.PI)) * s * (1 - c),
    Math.sqrt(15 / (32 * Math.PI)) * s * s,
    Math.sqrt(5 / (16 * Math.PI)) * s * (1 + c),
    Math.sqrt(5 / (64 * Math.PI)) * (1 + c) * (1 + c),
  );
}

/**
 * The precession set-up of `params` (see the file header); `system` is the IMRPhenomXAS system of the same
 * parameters (setupPhenomXSystem: eta, delta, M in seconds, final mass).
 * @throws MbankError when a spin exceeds the Kerr bound or precVersion is neither 223 nor 102
 */
export function setupPrecession(params: WaveformParams, system: PhenomXSystem): PrecessionSetup {
  const swap = !(params.m1 > params.m2);
  const mA = swap ? params.m2 : params.m1;
  const mB = swap ? params.m1 : params.m2;
  const chi1: [number, number, number] = swap ? [params.s2x, params.s2y, params.s2z] : [params.s1x, params.s1y, params.s1z];
  const chi2: [number, number, number] = swap ? [params.s1x, params.s1y, params.s1z] : [params.s2x, params.s2y, params.s2z];
  const mTot = mA + mB;
  const m1 = mA / mTot;
  const m2 = mB / mTot;
  const M = m1 + m2;
  const m1s = m1 * m1;
  const m2s = m2 * m2;
  const { eta, delta } = system;
  const chi1Norm = Math.hypot(...chi1);
  const chi2Norm = Math.hypot(...chi2);
  if (chi1Norm > 1) invalid('|s1|', chi1Norm, 'must be <= 1 (Kerr bound)');
  if (chi2Norm > 1) invalid('|s2|', chi2Norm, 'must be <= 1 (Kerr bound)');
  const s1Perp = m1s * Math.sqrt(chi1[0] * chi1[0] + chi1[1] * chi1[1]);
  const s2Perp = m2s * Math.sqrt(chi2[0] * chi2[0] + chi2[1] * chi2[1]);
  const sx = chi1[0] * m1s + chi2[0] * m2s;
  const sy = chi1[1] * m1s + chi2[1] * m2s;
  const chiTotPerp = (Math.sqrt(sx * sx + sy * sy) * (M * M)) / m1s;
  const a1 = 2 + (3 * m2) / (2 * m1);
  const a2 = 2 + (3 * m1) / (2 * m2);
  const num = a2 * s2Perp > a1 * s1Perp ? a2 * s2Perp : a1 * s1Perp;
  const den = m2 > m1 ? a2 * m2s : a1 * m1s;
  const chiP = num / den;
  const chi1L = chi1[2];
  const chi2L = chi2[2];
  const sL = chi1L * m1s + chi2L * m2s;
  const piM = Math.PI * system.mSec;
  const fRefHz = params.fRefHz === 0 ? params.fMinHz : params.fRefHz;
  const v0 = Math.cbrt(Math.PI * (mA * MSUN_SI + mB * MSUN_SI) * (G_SI / C_SI) / (C_SI * C_SI) * fRefHz);
  const requested = params.precVersion ?? 223;
  if (requested !== 223 && requested !== 102) invalid('precVersion', requested, 'must be 223 (MSA angles, LAL\'s default 300) or 102 (NNLO angles)');
  let msa: MsaSystem | null = requested === 223 ? initMsaSystem({ m1, m2, eta, chi1, chi2, v0 }) : null;
  const precVersion: 223 | 102 = msa === null || msa.failed ? 102 : 223;
  // precessing final spin (FinalSpinMod 3; version 0 with chi_p after an MSA failure)
  const afPar = finalSpin2017(eta, chi1L, chi2L);
  let aFinal: number;
  if (precVersion === 223 && msa !== null) {
    const lFinal = M * M * afPar - m1s * chi1L - m2s * chi2L;
    aFinal = copySign(afPar) * Math.sqrt(msa.sAv2 + lFinal * lFinal + 2 * lFinal * (msa.s1LPav + msa.s2LPav)) / (M * M);
  } else {
    // XLALSimIMRPhenomXPrecessingFinalSpin2017(eta, chi1L, chi2L, chi_p): the heavier mass from eta
    const qFactor = 0.5 * (1 + Math.sqrt(1 - 4 * eta));
    const sPerpF = chiP * qFactor * qFactor;
    aFinal = copySign(afPar) * Math.sqrt(sPerpF * sPerpF + afPar * afPar);
    msa = null;
  }
  if (Math.abs(aFinal) > 1) aFinal = aFinal < 0 ? -1 : 1;
  const lCoeffs = lCoefficients(precVersion, eta, delta, chi1L, chi2L);
  const vRef = Math.cbrt(piM * fRefHz);
  const lRef = M * M * lOfV(lCoeffs, vRef, eta / vRef);
  // J frame (Convention 1)
  const j0 = [m1s * chi1[0] + m2s * chi2[0], m1s * chi1[1] + m2s * chi2[1], m1s * chi1[2] + m2s * chi2[2] + lRef];
  const j0Norm = Math.sqrt(j0[0] * j0[0] + j0[1] * j0[1] + j0[2] * j0[2]);
  const thetaJSf = j0Norm < 1e-10 ? 0 : Math.acos(j0[2] / j0Norm);
  const phiJSf = Math.abs(j0[0]) < TOL_ATAN && Math.abs(j0[1]) < TOL_ATAN ? 0 : Math.atan2(j0[1], j0[0]);
  const phiRef = params.phiRef;
  const inc = params.inclination;
  const nSf = [Math.sin(inc) * Math.cos(Math.PI / 2 - phiRef), Math.sin(inc) * Math.sin(Math.PI / 2 - phiRef), Math.cos(inc)];
  const n = [...nSf];
  rotateZ(-phiJSf, n);
  rotateY(-thetaJSf, n);
  const kappa = Math.abs(n[1]) < TOL_ATAN && Math.abs(n[0]) < TOL_ATAN ? 0 : Math.atan2(n[1], n[0]);
  const alpha0 = Math.PI - kappa;
  const thetaJN = Math.acos((j0[0] * nSf[0] + j0[1] * nSf[1] + j0[2] * nSf[2]) / j0Norm);
  const nzJ = Math.cos(thetaJN);
  const nxJ = Math.sin(thetaJN);
  const x = [-Math.cos(inc) * Math.sin(phiRef), -Math.cos(inc) * Math.cos(phiRef), Math.sin(inc)];
  rotateZ(-phiJSf, x);
  rotateY(-thetaJSf, x);
  rotateZ(-kappa, x);
  const xDotP = x[0] * nzJ + x[1] * 0 + x[2] * -nxJ;
  const xDotQ = x[0] * 0 + x[1] * 1 + x[2] * 0;
  const zetaPolarization = Math.atan2(xDotQ, xDotP);
  const epsilon0 = phiJSf - Math.PI;
  // offsets: alpha and epsilon at f_ref (omega = pi M f_ref for the (2,2) mode)
  const omegaRef = piM * fRefHz;
  let alphaOffset: number;
  let epsilonOffset: number;
  let nnlo: NnloCoefficients | null = null;
  if (msa !== null) {
    const out = new Float64Array(3);
    msaAnglesAtV(msa, Math.cbrt(omegaRef), out, new Float64Array(2));
    alphaOffset = out[0] - alpha0;
    epsilonOffset = out[1] - epsilon0;
  } else {
    nnlo = nnloCoefficients(m1, eta, delta, system.chiEff, chiP, m1 / m2);
    alphaOffset = nnloAlpha(nnlo, omegaRef) - alpha0;
    epsilonOffset = nnloEpsilon(nnlo, omegaRef) - epsilon0;
  }
  return {
    precVersion, m1, m2, eta, delta, chi1, chi2, chiP, chiTotPerp, sL, sPerp: chiP * m1s, lCoeffs,
    thetaJSf, phiJSf, kappa, thetaJN, zetaPolarization, alpha0, epsilon0, alphaOffset, epsilonOffset,
    y2: y2Modes(thetaJN),
    aFinal, fRing: qnmFring22(aFinal) / system.mFinal, fDamp: qnmFdamp22(aFinal) / system.mFinal,
    mSec: system.mSec, fRefHz, msa, nnlo,
  };
}
