/**
 * Twisting up of a co-precessing (2,2) mode into h+ and hx (IMRPhenomXPTwistUp22, arXiv:2004.06503 Eqs. 3.5-3.6):
 *   h+ = e^{-2 i eps} h22/2 sum_m [e^{-i m alpha} d^2_{m,-2}(beta) Y_m + e^{i m alpha} d^2_{m,2}(beta) Y_m],
 *   hx = e^{-2 i eps} h22/2 sum_m i [e^{-i m alpha} d^2_{m,-2}(beta) Y_m - e^{i m alpha} d^2_{m,2}(beta) Y_m],
 * Y_m = -2Y_{2m}(thetaJN, 0) (real), then the polarisation rotation by 2 zeta (rotatePolarizations).
 */

import { sinCosTable } from '../../core/sincos.js';

/** Scratch of the sin/cos calls (single-threaded, never escapes). */
const CS = new Float64Array(2);

/**
 * h+ and hx of the co-precessing 22 value h22 = hRe + i hIm for angles (alpha, cos beta, epsilon) and
 * y2 = Y_{-2..2}; out = [h+ re, h+ im, hx re, hx im] (before the zeta rotation).
 */
export function twistUp22(hRe: number, hIm: number, alpha: number, cosBeta: number, epsilon: number, y2: Float64Array, out: Float64Array): void {
  const c = Math.sqrt(Math.abs(1 + cosBeta) / 2);
  const s = Math.sqrt(Math.abs(1 - cosBeta) / 2);
  const c2 = c * c;
  const s2 = s * s;
  // d^2_{m,2} for m = -2..2; d^2_{m,-2} = (-1)^m d^2_{-m,2}
  const d0 = s2 * s2;
  const d1 = 2 * c * s2 * s;
  const d2 = Math.sqrt(6) * s2 * c2;
  const d3 = 2 * c2 * c * s;
  const d4 = c2 * c2;
  sinCosTable(alpha, CS);
  const ca = CS[0];
  const sa = CS[1];
  const c2a = ca * ca - sa * sa;
  const s2a = 2 * ca * sa;
  // a_m = d^2_{m,-2} Y_m (multiplies e^{-i m alpha}), b_m = d^2_{m,2} Y_m (multiplies e^{i m alpha})
  const am2 = d4 * y2[0], am1 = -d3 * y2[1], a0 = d2 * y2[2], ap1 = -d1 * y2[3], ap2 = d0 * y2[4];
  const bm2 = d0 * y2[0], bm1 = d1 * y2[1], b0 = d2 * y2[2], bp1 = d3 * y2[3], bp2 = d4 * y2[4];
  // sum_m a_m e^{-i m alpha} = A, sum_m b_m e^{i m alpha} = B
  const aRe = (am2 + ap2) * c2a + (am1 + ap1) * ca + a0;
  const aIm = (am2 - ap2) * s2a + (am1 - ap1) * sa;
  const bRe = (bm2 + bp2) * c2a + (bm1 + bp1) * ca + b0;
  const bIm = (bp2 - bm2) * s2a + (bp1 - bm1) * sa;
  const pRe = aRe + bRe;
  const pIm = aIm + bIm;
  // i (A - B)
  const xRe = -(aIm - bIm);
  const xIm = aRe - bRe;
  sinCosTable(2 * epsilon, CS);
  const ce = CS[0];
  const se = CS[1];
  // e^{-2 i eps} h22 / 2
  const eRe = 0.5 * (ce * hRe + se * hIm);
  const eIm = 0.5 * (ce * hIm - se * hRe);
  out[0] = eRe * pRe - eIm * pIm;
  out[1] = eRe * pIm + eIm * pRe;
  out[2] = eRe * xRe - eIm * xIm;
  out[3] = eRe * xIm + eIm * xRe;
}

/** h+ <- cos 2z h+ + sin 2z hx, hx <- cos 2z hx - sin 2z h+ on bins [k0, k1) (LAL's final zeta rotation). */
export function rotatePolarizations(hp: Float64Array, hc: Float64Array, zeta: number, k0: number, k1: number): void {
  if (zeta === 0) return;
  const c = Math.cos(2 * zeta);
  const s = Math.sin(2 * zeta);
  for (let i = 2 * k0; i < 2 * k1; i++) {
    const p = hp[i];
    const x = hc[i];
    hp[i] = c * p + s * x;
    hc[i] = c * x - s * p;
  }
}
