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

/**
 * Constants of the twisting of mode (l, m'): the d column and P_m, Q_m for m = -l..l, and the column in the form
 * the per-bin loops read. For m' = l - delta (delta = 0 or 1: the modes of XPHM) row r = m + l of d^l_{m,m'} is
 * hi_r u_{r+delta} + lo_r u_{r-delta} in the monomials u_b = c^b s^{2l-b} (c, s = cos, sin(beta/2); Wigner's
 * sum has at most these two terms), so with U[b + 1] = u_b (U[0] = U[2l + 2] = 0)
 * d_{m,m'} P_m = hiP[r] U[r + 1 + delta] + loP[r] U[r + 1 - delta] (hiQ, loQ with Q_m).
 */
export interface ModeTwist {
  l: number;
  mp: number;
  col: WignerColumn;
  p: Float64Array;
  q: Float64Array;
  delta: number;
  hiP: Float64Array;
  loP: Float64Array;
  hiQ: Float64Array;
  loQ: Float64Array;
}

/** The twisting constants of mode (l, m') for a line of sight at thetaJN from J (m' = l or l - 1). */
export function modeTwist(l: number, mp: number, thetaJN: number): ModeTwist {
  const delta = l - mp;
  if (!(delta === 0 || delta === 1)) throw new RangeError(`modeTwist: (l, m') = (${l}, ${mp}) needs m' = l or l - 1`);
  const y = spinWeightedYRow(l, thetaJN);
  const sigma = l % 2 === 0 ? 1 : -1;
  const p = new Float64Array(2 * l + 1);
  const q = new Float64Array(2 * l + 1);
  for (let m = -l; m <= l; m++) {
    const first = ((m - mp) % 2 === 0 ? 1 : -1) * y[-m + l];
    p[m + l] = first + sigma * y[m + l];
    q[m + l] = first - sigma * y[m + l];
  }
  const col = wignerColumn(l, mp);
  const hi = new Float64Array(2 * l + 1);
  const lo = new Float64Array(2 * l + 1);
  for (let r = 0; r <= 2 * l; r++) {
    for (let i = col.start[r]; i < col.start[r + 1]; i++) {
      // u_b has c^b: the term of c^{r + delta} is hi, the one of c^{r - delta} lo (one term when delta = 0)
      if (col.cPow[i] === r + delta) hi[r] += col.coef[i];
      else if (col.cPow[i] === r - delta) lo[r] += col.coef[i];
      else throw new Error(`modeTwist: d^${l}_{${r - l},${mp}} has the unexpected monomial c^${col.cPow[i]}`);
    }
  }
  const times = (a: Float64Array, b: Float64Array): Float64Array => a.map((v, i) => v * b[i]);
  return { l, mp, col, p, q, delta, hiP: times(hi, p), loP: times(lo, p), hiQ: times(hi, q), loQ: times(lo, q) };
}

/** U[b + 1] = c^b s^{2l-b} for b = 0..2l, U[0] = U[2l + 2] = 0 (U of length >= 2l + 3; sp scratch of 2l + 1). */
export function halfAngleMonomials(l: number, c: number, s: number, sp: Float64Array, u: Float64Array): void {
  const top = 2 * l;
  sp[0] = 1;
  for (let j = 1; j <= top; j++) sp[j] = sp[j - 1] * s;
  u[0] = 0;
  let cp = 1;
  for (let b = 0; b <= top; b++) {
    u[b + 1] = cp * sp[top - b];
    cp *= c;
  }
  u[top + 2] = 0;
}

/** Scratch of twistMode: powers of cos, sin(beta/2), the padded monomials, the d column times P and Q. */
const SP = new Float64Array(9);
const U = new Float64Array(11);
const AP = new Float64Array(9);
const AQ = new Float64Array(9);

/**
 * Add the twisted mode h_{l,-m'} (interleaved, indexed by bin k) to h+ and hx on bins [k0, k1) (within the
 * angle series' bins). Fused form of twistModeReadable: the d column from the monomials (see ModeTwist);
 * e^{-i m alpha} = conj(e^{i m alpha}) / |e^{i alpha}|^{2m}, which is LAL's 1/e^{i m alpha} also when the
 * multibanded e^{i alpha} is not of unit modulus, so the pair m, -m shares one complex power.
 */
export function twistMode(t: ModeTwist, h: Float64Array, ang: AngleSeries, k0: number, k1: number, hp: Float64Array, hc: Float64Array): void {
  const { l, delta, hiP, loP, hiQ, loQ } = t;
  const top = 2 * l;
  const { zRe, zIm, eRe, eIm, cb, sb, base } = ang;
  for (let k = k0; k < k1; k++) {
    const hRe = h[2 * k];
    const hIm = h[2 * k + 1];
    if (hRe === 0 && hIm === 0) continue;
    const i = k - base;
    halfAngleMonomials(l, cb[i], sb[i], SP, U);
    for (let r = 0; r <= top; r++) {
      const up = U[r + 1 + delta];
      const dn = U[r + 1 - delta];
      AP[r] = hiP[r] * up + loP[r] * dn;
      AQ[r] = hiQ[r] * up + loQ[r] * dn;
    }
    const ar = zRe[i];
    const ai = zIm[i];
    const r = 1 / (ar * ar + ai * ai);
    let sPRe = AP[l];
    let sPIm = 0;
    let sQRe = AQ[l];
    let sQIm = 0;
    let pr = 1;
    let pi = 0;
    let rm = 1;
    for (let m = 1; m <= l; m++) {
      const nr = pr * ar - pi * ai;
      pi = pr * ai + pi * ar;
      pr = nr;
      rm *= r;
      const apPlus = AP[l + m];
      const apMinus = AP[l - m] * rm;
      const aqPlus = AQ[l + m];
      const aqMinus = AQ[l - m] * rm;
      sPRe += (apPlus + apMinus) * pr;
      sPIm += (apPlus - apMinus) * pi;
      sQRe += (aqPlus + aqMinus) * pr;
      sQIm += (aqPlus - aqMinus) * pi;
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

/**
 * twistMode written as the formula reads (the d column by wignerColumnAt, then the sums over m): the reference
 * the fused loop is tested against.
 */
export function twistModeReadable(t: ModeTwist, h: Float64Array, ang: AngleSeries, k0: number, k1: number, hp: Float64Array, hc: Float64Array): void {
  const { l, col, p, q } = t;
  const cp = new Float64Array(2 * l + 1);
  const sp = new Float64Array(2 * l + 1);
  const d = new Float64Array(2 * l + 1);
  for (let k = k0; k < k1; k++) {
    const i = k - ang.base;
    wignerColumnAt(col, ang.cb[i], ang.sb[i], cp, sp, d);
    // e^{i m alpha} = z^m with z = e^{i alpha} as given (|z| may differ from 1 on the multibanded path)
    const alpha = Math.atan2(ang.zIm[i], ang.zRe[i]);
    const mod = Math.hypot(ang.zRe[i], ang.zIm[i]);
    let sPRe = 0;
    let sPIm = 0;
    let sQRe = 0;
    let sQIm = 0;
    for (let m = -l; m <= l; m++) {
      const zm = Math.pow(mod, m);
      sPRe += d[m + l] * p[m + l] * zm * Math.cos(m * alpha);
      sPIm += d[m + l] * p[m + l] * zm * Math.sin(m * alpha);
      sQRe += d[m + l] * q[m + l] * zm * Math.cos(m * alpha);
      sQIm += d[m + l] * q[m + l] * zm * Math.sin(m * alpha);
    }
    const fRe = 0.5 * (ang.eRe[i] * h[2 * k] - ang.eIm[i] * h[2 * k + 1]);
    const fIm = 0.5 * (ang.eRe[i] * h[2 * k + 1] + ang.eIm[i] * h[2 * k]);
    hp[2 * k] += fRe * sPRe - fIm * sPIm;
    hp[2 * k + 1] += fRe * sPIm + fIm * sPRe;
    hc[2 * k] += -fRe * sQIm - fIm * sQRe;
    hc[2 * k + 1] += fRe * sQRe - fIm * sQIm;
  }
}
