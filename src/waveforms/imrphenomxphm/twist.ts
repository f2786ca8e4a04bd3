/**
 * Twisting up one co-precessing mode of IMRPhenomXPHM (arXiv:2004.06503 eqs. 3.5-3.7; LAL's
 * IMRPhenomXPHMTwistUp): with the Euler angles (alpha, beta, epsilon = -gamma) of the mode m' at f and the
 * harmonics Y_m = -2Y_lm(thetaJN, 0) (real),
 *
 *   h+ += e^{-i m' eps} h_{l,-m'}/2 sum_m [e^{-i m alpha} d^l_{m,-m'} Y_m + (-1)^l e^{i m alpha} d^l_{m,m'} Y_m],
 *   hx += e^{-i m' eps} h_{l,-m'}/2 i sum_m [e^{-i m alpha} d^l_{m,-m'} Y_m - (-1)^l e^{i m alpha} d^l_{m,m'} Y_m].
 *
 * With d_{-m,-m'} = (-1)^{m-m'} d_{m,m'} both sums run over one column of d:
 * h+ sum = sum_m e^{i m alpha} d_{m,m'} P_m, hx sum = i sum_m e^{i m alpha} d_{m,m'} Q_m,
 * P_m, Q_m = (-1)^{m-m'} Y_{-m} +/- (-1)^l Y_m (constants of the waveform).
 */
import { spinWeightedYRow, wignerColumn, wignerColumnAt, type WignerColumn } from './wigner-d.js';

/** The per-bin Euler-angle factors of one mode on bins base .. base + length - 1 (index i = k - base). */
export interface AngleSeries {
  /** e^{i alpha}. */
  zRe: Float64Array;
  zIm: Float64Array;
  /** e^{-i m' epsilon}. */
  eRe: Float64Array;
  eIm: Float64Array;
  /** cos(beta/2), sin(beta/2). */
  cb: Float64Array;
  sb: Float64Array;
  /** First bin and number of bins with angles. */
  base: number;
  count: number;
}

/** Constants of the twisting of mode (l, m'): the d column and P_m, Q_m for m = -l..l. */
export interface ModeTwist {
  l: number;
  mp: number;
  col: WignerColumn;
  p: Float64Array;
  q: Float64Array;
}

/** The twisting constants of mode (l, m') for a line of sight at thetaJN from J. */
export function modeTwist(l: number, mp: number, thetaJN: number): ModeTwist {
  const y = spinWeightedYRow(l, thetaJN);
  const sigma = l % 2 === 0 ? 1 : -1;
  const p = new Float64Array(2 * l + 1);
  const q = new Float64Array(2 * l + 1);
  for (let m = -l; m <= l; m++) {
    const first = ((m - mp) % 2 === 0 ? 1 : -1) * y[-m + l];
    p[m + l] = first + sigma * y[m + l];
    q[m + l] = first - sigma * y[m + l];
  }
  return { l, mp, col: wignerColumn(l, mp), p, q };
}

/** Scratch of twistMode: powers of cos, sin(beta/2), the d column, powers of e^{i alpha}. */
const CP = new Float64Array(9);
const SP = new Float64Array(9);
const DCOL = new Float64Array(9);
const POW_RE = new Float64Array(9);
const POW_IM = new Float64Array(9);

/**
 * Add the twisted mode h_{l,-m'} (interleaved, indexed by bin k) to h+ and hx on bins [k0, k1) (within the
 * angle series' bins).
 */
export function twistMode(t: ModeTwist, h: Float64Array, ang: AngleSeries, k0: number, k1: number, hp: Float64Array, hc: Float64Array): void {
  const { l, col, p, q } = t;
  const { zRe, zIm, eRe, eIm, cb, sb, base } = ang;
  for (let k = k0; k < k1; k++) {
    const hRe = h[2 * k];
    const hIm = h[2 * k + 1];
    if (hRe === 0 && hIm === 0) continue;
    const i = k - base;
    wignerColumnAt(col, cb[i], sb[i], CP, SP, DCOL);
    // e^{i m alpha} for m = -l..l: positive powers by products, negative ones from 1/e^{i alpha} (LAL's order)
    const ar = zRe[i];
    const ai = zIm[i];
    const n2 = ar * ar + ai * ai;
    const br = ar / n2;
    const bi = -ai / n2;
    POW_RE[l] = 1;
    POW_IM[l] = 0;
    for (let m = 1; m <= l; m++) {
      const pr = POW_RE[l + m - 1];
      const pi = POW_IM[l + m - 1];
      POW_RE[l + m] = pr * ar - pi * ai;
      POW_IM[l + m] = pr * ai + pi * ar;
      const nr = POW_RE[l - m + 1];
      const ni = POW_IM[l - m + 1];
      POW_RE[l - m] = nr * br - ni * bi;
      POW_IM[l - m] = nr * bi + ni * br;
    }
    let sPRe = 0;
    let sPIm = 0;
    let sQRe = 0;
    let sQIm = 0;
    for (let j = 0; j <= 2 * l; j++) {
      const dp = DCOL[j] * p[j];
      const dq = DCOL[j] * q[j];
      sPRe += dp * POW_RE[j];
      sPIm += dp * POW_IM[j];
      sQRe += dq * POW_RE[j];
      sQIm += dq * POW_IM[j];
    }
    // e^{-i m' eps} h / 2
    const fRe = 0.5 * (eRe[i] * hRe - eIm[i] * hIm);
    const fIm = 0.5 * (eRe[i] * hIm + eIm[i] * hRe);
    hp[2 * k] += fRe * sPRe - fIm * sPIm;
    hp[2 * k + 1] += fRe * sPIm + fIm * sPRe;
    // hx sum is i (sQRe + i sQIm) = -sQIm + i sQRe
    hc[2 * k] += -fRe * sQIm - fIm * sQRe;
    hc[2 * k + 1] += fRe * sQRe - fIm * sQIm;
  }
}
