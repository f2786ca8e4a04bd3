/**
 * The twisting up of one co-precessing mode with multibanded Euler angles, fused with LAL's fine-bin carrying
 * of the angles (angles.ts multibandAngles + twist.ts twistMode in one pass, no per-bin angle arrays).
 *
 * Between coarse points j and j + 1 LAL scales e^{i alpha}, e^{i eps} and e^{i beta/2} at fine bin k = 0, 1, ..
 * by qa^k, qe^k, qb^k (real). Then e^{i m alpha} -> x^m Z^m (x = qa^k, Z = e^{i alpha_j}, also for m < 0, as LAL's
 * 1/e^{i m alpha}), e^{-i m' eps} -> y E (y = qe^{-m' k}, E = e^{-i m' eps_j}), and cos, sin(beta/2) -> g cos, g sin
 * at the coarse point with g = (rho + 1/rho)/2, rho = qb^k; every Wigner d^l is homogeneous of degree 2l in
 * (cos, sin)(beta/2), so d^l -> g^{2l} d^l. The twist's sums become Laurent polynomials in x with coefficients
 * fixed over the interval,
 *
 *   e^{-i m' eps} sum_m e^{i m alpha} d_{m,m'} P_m = y g^{2l} sum_m x^m A_m,   A_m = E Z^m d_{m,m'}(beta_j) P_m
 *
 * (likewise with Q_m for hx), evaluated per fine bin by Horner's rule in x and 1/x.
 */
import { sinCosTable } from '../../core/sincos.js';
import { fineRatio, type CoarseAngles } from './angles.js';
import { halfAngleMonomials, type ModeTwist } from './twist.js';

/** Scratch of the per-interval constants (l <= 4): powers and monomials of cos, sin(beta/2), A_m of the h+ and hx sums (index m + l). */
const SP = new Float64Array(9);
const U = new Float64Array(11);
const DP = new Float64Array(9);
const DQ = new Float64Array(9);
const APr = new Float64Array(9);
const APi = new Float64Array(9);
const AQr = new Float64Array(9);
const AQi = new Float64Array(9);
const CS = new Float64Array(2);
const SUM = new Float64Array(4);

/**
 * cos(x), by its Taylor series through x^10 for |x| < 0.1 (truncation < 2e-21; the angles move by far less per
 * fine bin), Math.cos beyond.
 */
function cosSmall(x: number): number {
  const x2 = x * x;
  if (!(x2 < 0.01)) return Math.cos(x);
  return 1 + x2 * (-1 / 2 + x2 * (1 / 24 + x2 * (-1 / 720 + x2 * (1 / 40320 - x2 / 3628800))));
}

/**
 * A_m of the h+ (APr, APi) and hx (AQr, AQi) sums of coarse point j (see the file header), and the sums at the
 * coarse point (x = 1) in SUM: alpha, eps, beta/2 of
 * the point; LAL's 1/(e^{i eps})^{m'} and 1/e^{i m alpha} are e^{-i m' eps} and e^{-i m alpha} to rounding there.
 */
function intervalCoefficients(t: ModeTwist, alpha: number, epsilon: number, cosHalfBeta: number): void {
  const { l, mp, delta, hiP, loP, hiQ, loQ } = t;
  // cos(acos(x)) = x, sin(acos(x)) = sqrt((1 - x)(1 + x))
  halfAngleMonomials(l, cosHalfBeta, Math.sqrt((1 - cosHalfBeta) * (1 + cosHalfBeta)), SP, U);
  // E = e^{-i m' eps} (LAL: 1/(e^{i eps})^{m'}, the same to rounding)
  sinCosTable(-mp * epsilon, CS);
  const eRe = CS[0];
  const eIm = CS[1];
  sinCosTable(alpha, CS);
  const zr = CS[0];
  const zi = CS[1];
  // d_{m,m'} P_m and Q_m by row r = m + l (one monomial per row when m' = l)
  const top = 2 * l;
  if (delta === 0) {
    for (let r = 0; r <= top; r++) {
      DP[r] = hiP[r] * U[r + 1];
      DQ[r] = hiQ[r] * U[r + 1];
    }
  } else {
    for (let r = 0; r <= top; r++) {
      DP[r] = hiP[r] * U[r + 2] + loP[r] * U[r];
      DQ[r] = hiQ[r] * U[r + 2] + loQ[r] * U[r];
    }
  }
  // (pr, pi) = E Z^m for m >= 0, (nr, ni) = E / Z^m = E conj(Z)^m (|Z| = 1 at the coarse point)
  let pr = eRe;
  let pi = eIm;
  let nr = eRe;
  let ni = eIm;
  APr[l] = pr * DP[l];
  APi[l] = pi * DP[l];
  AQr[l] = pr * DQ[l];
  AQi[l] = pi * DQ[l];
  let sPr = APr[l];
  let sPi = APi[l];
  let sQr = AQr[l];
  let sQi = AQi[l];
  for (let m = 1; m <= l; m++) {
    const a = pr * zr - pi * zi;
    pi = pr * zi + pi * zr;
    pr = a;
    const b = nr * zr + ni * zi;
    ni = ni * zr - nr * zi;
    nr = b;
    const up = DP[l + m];
    const uq = DQ[l + m];
    const dp = DP[l - m];
    const dq = DQ[l - m];
    APr[l + m] = pr * up;
    APi[l + m] = pi * up;
    AQr[l + m] = pr * uq;
    AQi[l + m] = pi * uq;
    APr[l - m] = nr * dp;
    APi[l - m] = ni * dp;
    AQr[l - m] = nr * dq;
    AQi[l - m] = ni * dq;
    sPr += APr[l + m] + APr[l - m];
    sPi += APi[l + m] + APi[l - m];
    sQr += AQr[l + m] + AQr[l - m];
    sQi += AQi[l + m] + AQi[l - m];
  }
  SUM[0] = sPr;
  SUM[1] = sPi;
  SUM[2] = sQr;
  SUM[3] = sQi;
}

/** hp, hx at bin b += (scale h_b) times the h+ sum (sPr + i sPi) and i times the hx sum (sQr + i sQi). */
function addTwisted(h: Float64Array, b: number, scale: number, sPr: number, sPi: number, sQr: number, sQi: number, hp: Float64Array, hc: Float64Array): void {
  const fRe = scale * h[b];
  const fIm = scale * h[b + 1];
  hp[b] += fRe * sPr - fIm * sPi;
  hp[b + 1] += fRe * sPi + fIm * sPr;
  hc[b] += -fRe * sQi - fIm * sQr;
  hc[b + 1] += fRe * sQr - fIm * sQi;
}

/**
 * Add the twisted mode h_{l,-m'} (interleaved, by bin) to h+ and hx on the fine bins offset .. offset + count - 1
 * that LAL's angle multibanding reaches (count <= maxCount), the angles `ang` given on the coarse grid `points`
 * (M f) with fine spacing evaldMf: equal to twistMode on multibandAngles' series up to rounding (tested).
 */
export function twistModeMultiband(
  t: ModeTwist, h: Float64Array, ang: CoarseAngles, points: Float64Array, evaldMf: number, offset: number, maxCount: number,
  hp: Float64Array, hc: Float64Array,
): void {
  const { l, mp } = t;
  const top = 2 * l;
  const { alpha, epsilon, halfBeta, cosHalfBeta, n } = ang;
  let count = 0;
  for (let j = 0; j < n - 1 && count < maxCount; j++) {
    intervalCoefficients(t, alpha[j], epsilon[j], cosHalfBeta[j]);
    // the coarse point: x = rho = y = 1
    const b0 = 2 * (offset + count);
    if (h[b0] !== 0 || h[b0 + 1] !== 0) addTwisted(h, b0, 0.5, SUM[0], SUM[1], SUM[2], SUM[3], hp, hc);
    const kEnd = Math.min(fineRatio(points[j + 1] - points[j], evaldMf), maxCount - count);
    count++;
    if (kEnd < 2) continue;
    // LAL declares Qalpha, Qepsilon, Qbetah REAL8: cexp(i dMf Omega) keeps only its real part cos(dMf Omega)
    const step = points[j + 1] - points[j];
    const qa = cosSmall(evaldMf * ((alpha[j + 1] - alpha[j]) / step));
    const qe = cosSmall(evaldMf * ((epsilon[j + 1] - epsilon[j]) / step));
    const qb = cosSmall(evaldMf * ((halfBeta[j + 1] - halfBeta[j]) / step));
    // qeM = qe^{-m'}: e^{-i m' eps} = 1/(e^{i eps})^{m'} scales by it per fine bin
    let qeM = 1;
    for (let k = 0; k < mp; k++) qeM *= qe;
    qeM = 1 / qeM;
    const qaInv = 1 / qa;
    const qbInv = 1 / qb;
    let x = qa;
    let xi = qaInv;
    let rho = qb;
    let rhoi = qbInv;
    let y = qeM;
    for (let kk = 1; kk < kEnd; kk++) {
      const b = 2 * (offset + count);
      count++;
      if (h[b] !== 0 || h[b + 1] !== 0) {
        // sum_{m >= 0} A_m x^m and sum_{m < 0} A_m x^m by Horner's rule
        let sPr = APr[top];
        let sPi = APi[top];
        let sQr = AQr[top];
        let sQi = AQi[top];
        for (let r = top - 1; r >= l; r--) {
          sPr = sPr * x + APr[r];
          sPi = sPi * x + APi[r];
          sQr = sQr * x + AQr[r];
          sQi = sQi * x + AQi[r];
        }
        let nPr = APr[0];
        let nPi = APi[0];
        let nQr = AQr[0];
        let nQi = AQi[0];
        for (let r = 1; r < l; r++) {
          nPr = nPr * xi + APr[r];
          nPi = nPi * xi + APi[r];
          nQr = nQr * xi + AQr[r];
          nQi = nQi * xi + AQi[r];
        }
        const g = 0.5 * (rho + rhoi);
        const g2 = g * g;
        let scale = 0.5 * y;
        for (let r = 0; r < l; r++) scale *= g2;
        addTwisted(h, b, scale, sPr + nPr * xi, sPi + nPi * xi, sQr + nQr * xi, sQi + nQi * xi, hp, hc);
      }
      x *= qa;
      xi *= qaInv;
      rho *= qb;
      rhoi *= qbInv;
      y *= qeM;
    }
  }
}
