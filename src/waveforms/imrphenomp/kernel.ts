/**
 * IMRPhenomPv2 per-bin kernel: h+ and hx on the selected bins from a PhenomPv2Setup (formulas in
 * model.ts's header), run in chunks of CHUNK bins with a carried state, plus a load-time type-feedback
 * warm-up (the scheme of imrphenomd/kernel.ts). Used by model.ts only.
 *
 * Carried values: f^{-1/3} (Newton-corrected against f itself), ln f, the merger-ringdown exp and atan
 * and e^{i alpha} follow short series from the previous bin. They are re-anchored on Math.cbrt / Math.log /
 * Math.exp / Math.atan / sinCosTable at the first bin of every aligned block of 64 indices and whenever
 * the step is not small, so a fill started anywhere inside a block (at the block's first index) reproduces
 * the values of a fill from the start bit for bit: generateInto over any [kLo, kHi) equals generate.
 */
import { MTSUN_SI } from '../../core/constants.js';
import { AMP_F_JOIN_INS } from '../imrphenomd/amplitude.js';
import { PHI_F_JOIN_INS } from '../imrphenomd/phase.js';
import { PI_M_THIRD, PI_M_TWO_THIRDS, PI_THIRD } from '../imrphenomd/pi-powers.js';
import { sinCosTable } from './sincos-table.js';
import type { WaveformParams } from '../types.js';
import { setupPhenomPv2, type PhenomPv2Setup } from './setup.js';

/** log2 of the anchor block: values are re-anchored at the first computed bin of each block of 64 indices. */
const ANCHOR_SHIFT = 6;
/** Largest relative frequency step (f - fPrev)/fPrev for which values are carried (else re-anchored). */
const MAX_REL_STEP = 0.02;
/** Largest |argument| of the exp / atan / e^{i alpha} increments evaluated by series (else exact). */
const MAX_CARRIED_ARG = 0.01;
/** Bins per call of fillChunk (see fill). */
const CHUNK = 64;
/**
 * Slots of the carried state: f, f^{-1/3}, ln f, block of the last computed bin (-1: none), exp, exp valid,
 * atan, its argument, atan valid, alpha, cos alpha, sin alpha.
 */
const STATE_LENGTH = 12;
const HALF_SQRT_6 = 0.5 * Math.sqrt(6);

/**
 * Write bins [kLo, kHi) of h+ (and of hx when `hc` is not null): bins k in [rangeStart, rangeStop) with
 * fLo <= f_k < fHi get the model, every other bin of [kLo, kHi) is set to zero; bins outside [kLo, kHi)
 * are not touched. The recurrences start at the first index of kLo's anchor block (at most 63 bins
 * computed and not written), so the values do not depend on kLo.
 */
export function fill(
  s: PhenomPv2Setup, freqs: Float64Array, rangeStart: number, rangeStop: number, fLo: number, fHi: number,
  hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
): void {
  const kStart = Math.max(rangeStart, kLo);
  const kStop = Math.max(kStart, Math.min(rangeStop, kHi));
  zeroBins(hp, hc, kLo, Math.min(kStart, kHi));
  zeroBins(hp, hc, Math.max(kStop, kLo), kHi);
  if (!(kStop > kStart)) return;
  const kFrom = Math.max(rangeStart, (kStart >> ANCHOR_SHIFT) << ANCHOR_SHIFT);
  const state = new Float64Array(STATE_LENGTH);
  state[3] = -1;
  state[10] = 1;
  const cs = new Float64Array(2);
  const K = packConstants(s);
  for (let c0 = kFrom; c0 < kStop; c0 += CHUNK) {
    fillChunk(K, freqs, c0, Math.min(c0 + CHUNK, kStop), kStart, fLo, fHi, hp, hc, state, cs);
  }
}

/** Number of constants packed by packConstants (the order of the list in it). */
const K_LENGTH = 84;

/**
 * The frequency-independent numbers of fillChunk in one array (fillChunk reads only typed arrays).
 * The l = 2 harmonics, Wigner-d sums and the polarisation rotation by zeta are folded into P1..P5 (h+)
 * and Q1..Q5 (hx): with w = (sin^2 b, sin b cos b cos a, e cos 2a, sin b cos b sin a, e sin 2a) and
 * v = (sin b sin a, cos b sin 2a, sin b cos a, cos b cos 2a), e = (1 + cos^2 b)/2,
 * Re = sum_i X_i w_i, Im = X2 v1 + X3 v2 - X4 v3 - X5 v4 for X = P, Q.
 */
function packConstants(s: PhenomPv2Setup): Float64Array {
  const a = s.amp;
  const p = s.phase;
  const wA = a.fDM * a.gamma3;
  const lnPi = Math.log(Math.PI);
  const [ac1, ac2, ac3, ac4, ac5] = s.angles.alpha;
  const [ec1, ec2, ec3, ec4, ec5] = s.angles.epsilon;
  const eta = s.eta;
  const [ym2, ym1, y0, y1, y2] = s.y2m;
  const cz = Math.cos(2 * s.frame.zetaPolariz);
  const sz = Math.sin(2 * s.frame.zetaPolariz);
  const yA = y1 - ym1;
  const yB = y2 + ym2;
  const yC = y1 + ym1;
  const yD = y2 - ym2;
  const yE = HALF_SQRT_6 * y0;
  const K = new Float64Array(K_LENGTH);
  K.set([
    0.5 * s.ampScale * a.amp0, MTSUN_SI * s.mTotal, 2 * Math.PI * s.tCorr, -2 * s.frame.phiAligned,
    a.fPeak, p.fMRDJoin, wA * wA, a.gamma2 / wA, wA * a.gamma1, 1 / p.fDM, p.beta3 / 3, p.alpha5 * p.fRD, (4.0 / 3.0) * p.alpha3,
    a.i23, a.i43, a.i53, a.i1, a.i2, a.rho1, a.rho2, a.rho3, a.fRD, a.f1, a.f2, a.f3, a.n0, a.n1, a.n2, a.n3, a.n4,
    p.p0, p.p23, p.p13, p.p13l, p.pl, p.pm13, p.pm23, p.pm1, p.pm43, p.pm53, p.s1, p.s43, p.s53, p.s2, p.etaInv,
    p.alpha1, p.alpha2, p.alpha4, p.beta1, p.beta2, p.c1Int, p.c2Int, p.c1MRD, p.c2MRD,
    // alpha and 2 epsilon in powers of Mf (factor 2 exact): c1/(pi f) + c2 (pi f)^{-2/3} + c3 (pi f)^{-1/3} + c4 ln(pi f) + c5 (pi f)^{1/3}
    ac1 / Math.PI, ac2 * PI_M_TWO_THIRDS, ac3 * PI_M_THIRD, ac4, ac5 * PI_THIRD, ac4 * lnPi - s.alphaOffset,
    2 * (ec1 / Math.PI), 2 * (ec2 * PI_M_TWO_THIRDS), 2 * (ec3 * PI_M_THIRD), 2 * ec4, 2 * (ec5 * PI_THIRD), 2 * (ec4 * lnPi - s.epsilonOffset),
    eta, 1.5 + eta / 6.0, 3.375 - (19.0 * eta) / 8 - (eta * eta) / 24.0, s.sL, s.sPerp,
    cz * yE, cz * yA, cz * yB, sz * yC, sz * yD,
    -sz * yE, -sz * yA, -sz * yB, cz * yC, cz * yD,
    AMP_F_JOIN_INS, PHI_F_JOIN_INS, PI_THIRD,
  ]);
  return K;
}

/**
 * Bins [k0, k1) of fill (constants K from packConstants), continuing the recurrences in `state` (see
 * STATE_LENGTH) and updating it; bins below kWrite are computed but not written.
 */
function fillChunk(
  K: Float64Array, freqs: Float64Array, k0: number, k1: number, kWrite: number, fLo: number, fHi: number,
  hp: Float64Array, hc: Float64Array | null, state: Float64Array, cs: Float64Array,
): void {
  const scale = K[0], mSec = K[1], twoPiT = K[2], phase0 = K[3];
  const fPeak = K[4], fMRD = K[5], wA2 = K[6], gA = K[7], gwA = K[8], invFDM = K[9], beta3Third = K[10], a5fRD = K[11];
  const fourThirdsA3 = K[12];
  const i23 = K[13], i43 = K[14], i53 = K[15], i1 = K[16], i2 = K[17], rho1 = K[18], rho2 = K[19], rho3 = K[20];
  const fRD = K[21], f1 = K[22], f2 = K[23], f3 = K[24], n0 = K[25], n1 = K[26], n2 = K[27], n3 = K[28], n4 = K[29];
  const p0 = K[30], p23 = K[31], p13 = K[32], p13l = K[33], pl = K[34], pm13 = K[35], pm23 = K[36], pm1 = K[37];
  const pm43 = K[38], pm53 = K[39], s1 = K[40], s43 = K[41], s53 = K[42], s2 = K[43], etaInv = K[44];
  const alpha1 = K[45], alpha2 = K[46], alpha4 = K[47], beta1 = K[48], beta2 = K[49];
  const c1Int = K[50], c2Int = K[51], c1MRD = K[52], c2MRD = K[53];
  const aA1 = K[54], aA2 = K[55], aA3 = K[56], aA4 = K[57], aA5 = K[58], aA0 = K[59];
  const eE1 = K[60], eE2 = K[61], eE3 = K[62], eE4 = K[63], eE5 = K[64], eE0 = K[65];
  const eta = K[66], lA = K[67], lB = K[68], sL = K[69], sPerp = K[70];
  const P1 = K[71], P2 = K[72], P3 = K[73], P4 = K[74], P5 = K[75];
  const Q1 = K[76], Q2 = K[77], Q3 = K[78], Q4 = K[79], Q5 = K[80];
  // (module constants come in K too: an imported binding can cost a getter call per read under some loaders)
  const ampJoin = K[81], phiJoin = K[82], piThird = K[83];
  const lnPi = Math.log(Math.PI);
  const sincos = sinCosTable;
  let fPrev = state[0];
  let itPrev = state[1];
  let lnPrev = state[2];
  let lastBlock = state[3];
  let exPrev = state[4];
  let exOk = state[5] !== 0;
  let atPrev = state[6];
  let xaPrev = state[7];
  let atOk = state[8] !== 0;
  let alphaPrev = state[9];
  let caPrev = state[10];
  let saPrev = state[11];
  for (let k = k0; k < k1; k++) {
    const fHz = freqs[k];
    if (!(fHz >= fLo && fHz < fHi)) {
      if (k >= kWrite) zeroBins(hp, hc, k, k + 1);
      continue;
    }
    const f = fHz * mSec;
    const step = f - fPrev;
    const block = k >> ANCHOR_SHIFT;
    const u = step * (itPrev * itPrev * itPrev); // step / fPrev
    let it: number; // f^{-1/3}
    let lnF: number;
    const carried = block === lastBlock && u > 0 && u < MAX_REL_STEP;
    if (carried) {
      // second-order guess, then one third-order correction it <- it (1 + e/3 + 2 e^2/9), e = 1 - f it^3
      // (against f itself: no error accumulates); ln f = ln fPrev + 2 atanh(w), w = step/(f + fPrev) < 0.01, by its series to w^7 (truncation < 1e-17 relative)
      it = itPrev * (1 - u * (1 / 3 - u * (2 / 9)));
      const e = 1 - f * (it * it * it);
      it *= 1 + e * (1 / 3 + e * (2 / 9));
      const w = step / (f + fPrev);
      const w2 = w * w;
      lnF = lnPrev + 2 * w * (1 + w2 * (1 / 3 + w2 * (1 / 5 + w2 * (1 / 7))));
    } else {
      it = 1 / Math.cbrt(f);
      lnF = Math.log(f);
    }
    lastBlock = block;
    fPrev = f;
    itPrev = it;
    lnPrev = lnF;
    const it2 = it * it;
    const invF = it2 * it;
    const t = f * it2; // f^{1/3}
    const t2 = t * t;
    const t4 = f * t;
    // IMRPhenomD reduced amplitude
    let amp: number;
    if (f < ampJoin) {
      const ff = f * f;
      amp = 1 + t2 * i23 + t4 * i43 + t4 * t * i53 + t * ff * rho1 + t2 * ff * rho2 + f * (i1 + f * i2 + ff * rho3);
      exOk = false;
    } else if (f >= fPeak) {
      // exp(-(f - fRD) gA) carried: times exp(-y), y = step gA, by its series (|y| < 0.01: error < 3e-21)
      const x = f - fRD;
      const y = step * gA;
      let ex: number;
      if (carried && exOk && Math.abs(y) < MAX_CARRIED_ARG) {
        ex = exPrev * (1 - y * (1 - y * (1 / 2 - y * (1 / 6 - y * (1 / 24 - y * (1 / 120 - y * (1 / 720 - y * (1 / 5040))))))));
      } else {
        ex = Math.exp(-x * gA);
      }
      exPrev = ex;
      exOk = true;
      amp = (ex * gwA) / (x * x + wA2);
    } else {
      const x1 = f - f1;
      amp = n0 + x1 * (n1 + x1 * (n2 + (f - f2) * (n3 + (f - f3) * n4)));
      exOk = false;
    }
    amp *= scale * invF * Math.sqrt(it);
    // IMRPhenomD phase
    let phi: number;
    if (f < phiJoin) {
      const logv = (lnF + lnPi) * (1 / 3);
      phi = p0 + p23 * t2 + p13 * t + p13l * logv * t + pl * logv + pm13 * it + pm23 * it2 + pm1 * invF +
        pm43 * it * invF + pm53 * it2 * invF + (s1 * f + s43 * t4 + s53 * t4 * t + s2 * f * f) * etaInv;
      atOk = false;
    } else if (f >= fMRD) {
      // atan(xa) carried: atan(xa) = atan(xaPrev) + atan(d), d = (xa - xaPrev)/(1 + xa xaPrev), series for |d| < 0.01
      const xa = (f - a5fRD) * invFDM;
      let at = 0;
      let exact = true;
      if (carried && atOk) {
        const d = (xa - xaPrev) / (1 + xa * xaPrev);
        if (Math.abs(d) < MAX_CARRIED_ARG) {
          const d2 = d * d;
          at = atPrev + d * (1 - d2 * (1 / 3 - d2 * (1 / 5 - d2 * (1 / 7 - d2 * (1 / 9)))));
          exact = false;
        }
      }
      if (exact) at = Math.atan(xa);
      atPrev = at;
      xaPrev = xa;
      atOk = true;
      const sq = Math.sqrt(f);
      phi = etaInv * (-(alpha2 * invF) + fourThirdsA3 * Math.sqrt(f * sq) + alpha1 * f + alpha4 * at) + c1MRD + c2MRD * f;
    } else {
      phi = etaInv * (beta1 * f - beta3Third * (invF * invF * invF) + beta2 * lnF) + c1Int + c2Int * f;
      atOk = false;
    }
    // NNLO Euler angles alpha and 2 epsilon
    const alpha = aA1 * invF + aA2 * it2 + aA3 * it + aA4 * lnF + aA5 * t + aA0;
    const twoEps = eE1 * invF + eE2 * it2 + eE3 * it + eE4 * lnF + eE5 * t + eE0;
    // opening angle: cos b = 1/sqrt(1 + r^2), r = S_perp/(L_2PN(v) + S_L) = num/den, num = S_perp v,
    // den = eta (1 + lA v^2 + lB v^4) + S_L v: cos b = |den|/sqrt(den^2 + num^2), sin b = |num|/sqrt(den^2 + num^2)
    // (sign of L + S_L ignored as in LAL; den = 0 gives beta = pi/2)
    const v = piThird * t;
    const xv = v * v;
    const num = sPerp * v;
    const den = eta * (1.0 + lA * xv + lB * xv * xv) + sL * v;
    const invNorm = 1.0 / Math.sqrt(den * den + num * num);
    const cb = Math.abs(den) * invNorm;
    const sb = Math.abs(num) * invNorm;
    const even = 0.5 * (1 + cb * cb);
    // e^{i alpha} carried: times e^{i d}, d = alpha - alphaPrev, by its series when |d| < 0.01 (error < 1e-20)
    const da = alpha - alphaPrev;
    let ca: number;
    let sa: number;
    if (carried && Math.abs(da) < MAX_CARRIED_ARG) {
      const d2 = da * da;
      const cd = 1 - d2 * (1 / 2 - d2 * (1 / 24 - d2 * (1 / 720)));
      const sd = da * (1 - d2 * (1 / 6 - d2 * (1 / 120 - d2 * (1 / 5040))));
      ca = caPrev * cd - saPrev * sd;
      sa = saPrev * cd + caPrev * sd;
    } else {
      sincos(alpha, cs);
      ca = cs[0];
      sa = cs[1];
    }
    alphaPrev = alpha;
    caPrev = ca;
    saPrev = sa;
    if (k < kWrite) continue;
    const c2a = ca * ca - sa * sa;
    const s2a = 2 * ca * sa;
    const sbcb = sb * cb;
    const w1 = sb * sb;
    const w2 = sbcb * ca;
    const w3 = even * c2a;
    const w4 = sbcb * sa;
    const w5 = even * s2a;
    const v1 = sb * sa;
    const v2 = cb * s2a;
    const v3 = sb * ca;
    const v4 = cb * c2a;
    // overall factor amp/2 exp(-i [phi - 2 phi_aligned + 2 epsilon + 2 pi f t_c])
    sincos(phi + phase0 + twoEps + twoPiT * fHz, cs);
    const xRe = amp * cs[0];
    const xIm = -amp * cs[1];
    const rpRe = P1 * w1 + P2 * w2 + P3 * w3 + P4 * w4 + P5 * w5;
    const rpIm = P2 * v1 + P3 * v2 - P4 * v3 - P5 * v4;
    hp[2 * k] = xRe * rpRe - xIm * rpIm;
    hp[2 * k + 1] = xRe * rpIm + xIm * rpRe;
    if (hc !== null) {
      const rcRe = Q1 * w1 + Q2 * w2 + Q3 * w3 + Q4 * w4 + Q5 * w5;
      const rcIm = Q2 * v1 + Q3 * v2 - Q4 * v3 - Q5 * v4;
      hc[2 * k] = xRe * rcRe - xIm * rcIm;
      hc[2 * k + 1] = xRe * rcIm + xIm * rcRe;
    }
  }
  state[0] = fPrev;
  state[1] = itPrev;
  state[2] = lnPrev;
  state[3] = lastBlock;
  state[4] = exPrev;
  state[5] = exOk ? 1 : 0;
  state[6] = atPrev;
  state[7] = xaPrev;
  state[8] = atOk ? 1 : 0;
  state[9] = alphaPrev;
  state[10] = caPrev;
  state[11] = saPrev;
}

/** Set bins [k0, k1) of hp (and hc when given) to zero. */
function zeroBins(hp: Float64Array, hc: Float64Array | null, k0: number, k1: number): void {
  if (!(k1 > k0)) return;
  hp.fill(0, 2 * k0, 2 * k1);
  if (hc !== null) hc.fill(0, 2 * k0, 2 * k1);
}

/**
 * Type-feedback warm-up, run once when the module loads (~40 bins, well under a millisecond): passes
 * through every branch of `fill` (bins outside the range, re-anchored and carried recurrences in each
 * amplitude and phase region, unwritten bins, with and without hx), so that V8 does not compile the
 * per-bin loop before the merger-ringdown branches have run (see imrphenomd/kernel.ts).
 */
function warmUpFill(): void {
  const params: WaveformParams = {
    m1: 30, m2: 20, s1x: 0.4, s1y: 0.1, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
    distanceMpc: 1, inclination: 0.5, phiRef: 0.1, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
  };
  const s = setupPhenomPv2(params);
  const mSec = MTSUN_SI * s.mTotal;
  const mfs = [0.002, 0.005, 0.01, 0.016, 0.03, 0.06, 0.1, 0.15, 0.19];
  const freqs: number[] = [10];
  for (const mf of mfs) for (let j = 0; j < 4; j++) freqs.push((mf * (1 + 1e-4 * j)) / mSec);
  const grid = Float64Array.from(freqs);
  const n = grid.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, hp, hc, 0, n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, hp, null, 3, n);
}
warmUpFill();
