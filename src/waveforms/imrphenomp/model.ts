/**
 * IMRPhenomPv2 (Hannam et al. arXiv:1308.3271; Bohe et al. LIGO-T1500602) as LALSimulation's `XLALSimInspiralChooseFDWaveform(..., IMRPhenomPv2)`
 * produces it (LALSimIMRPhenomP.c, LALSimInspiralGeneratorLegacy.c). Per frequency, with Mf = f M MTSUN_SI:
 *
 *   hP(f)  = M^2 MRSUN_SI MTSUN_SI / r  A_D(Mf) exp(-i [phi_D(Mf) - 2 phi_aligned])   (IMRPhenomD core, chi_l and
 *            the final spin sign(a) sqrt(a^2 + (chi_p m_big^2)^2)),
 *   h+ = e^{-2 i eps} hP/2 sum_m [e^{-i m alpha} d^2_{-2,m}(beta) Y_m + e^{i m alpha} d^2_{2,m}(beta) Y_m],
 *   hx = e^{-2 i eps} hP/2 sum_m i [e^{-i m alpha} d^2_{-2,m}(beta) Y_m - e^{i m alpha} d^2_{2,m}(beta) Y_m],
 *
 * Y_m = -2Y_{2m}(thetaJN, 0), alpha and epsilon the NNLO PN angles minus their values at f_ref (alpha0
 * added back), cos beta = 1/sqrt(1 + (S_perp/(L_2PN + S_L))^2); then times exp(-2 pi i f t_c) (see
 * time-shift.ts) and rotated by the polarisation angle zeta: h+' = cos 2z h+ + sin 2z hx,
 * hx' = cos 2z hx - sin 2z h+.
 *
 * Frequency range (LAL's): on a uniform grid bins k = floor(f_min/df) .. floor(f_end/df) - 1, f_end =
 * min(f_max, 0.2/(M MTSUN_SI)); on a non-uniform grid the bins with f_min <= f < f_end. Every other bin is 0.
 * f_ref = 0 means f_min; m1 < m2 gives the call with the bodies (mass and spin vector) swapped, bit for bit
 * as in LAL, except that J_z = L + m1^2 s1z + m2^2 s2z is summed in the order given (LAL does the same), which
 * can move a frame angle by one ulp.
 *
 * Speed: per bin one cube root and log (carried by recurrences between anchors), the merger-ringdown exp and
 * atan and e^{i alpha} carried likewise, one sqrt for the Wigner-d products (written in cos(beta), sin(beta))
 * and one shared cos/sin reduction for the overall phase. Agrees with LAL's direct evaluation to ~5e-13 of max|h|.
 */
import type { FrequencyGrid } from '../../core/grid.js';
import { MTSUN_SI } from '../../core/constants.js';
import { AMP_F_JOIN_INS } from '../imrphenomd/amplitude.js';
import { phenomDBins, type BinSelection } from '../imrphenomd/model.js';
import { PHI_F_JOIN_INS } from '../imrphenomd/phase.js';
import { PI_M_THIRD, PI_M_TWO_THIRDS, PI_THIRD } from '../imrphenomd/pi-powers.js';
import { sinCos } from '../imrphenomd/sincos.js';
import type { Polarizations, WaveformModel, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { setupPhenomPv2, type PhenomPv2Setup } from './setup.js';

const NAME = 'IMRPhenomPv2';
const HALF_SQRT_6 = 0.5 * Math.sqrt(6);
/** Bins between exact re-evaluations of f^{-1/3} and ln f in the per-bin recurrences. */
const ANCHOR_EVERY = 64;
/** Largest relative frequency step for which the recurrences are used (else Math.cbrt / Math.log). */
const MAX_REL_STEP = 0.02;
/** Largest |argument| of the exp / atan increments evaluated by series (else Math.exp / Math.atan). */
const MAX_CARRIED_ARG = 0.01;

/** Fill the selected bins of h+ and hx; the rest stay zero. */
function fill(s: PhenomPv2Setup, freqs: Float64Array, range: BinSelection, hp: Float64Array, hc: Float64Array): void {
  const a = s.amp;
  const p = s.phase;
  const mTotal = s.mTotal;
  const halfScale = 0.5 * s.ampScale * a.amp0;
  const twoPhic = 2 * s.frame.phiAligned;
  const twoPiT = 2 * Math.PI * s.tCorr;
  const eta = s.eta;
  const sL = s.sL;
  const sPerp = s.sPerp;
  const lA = 1.5 + eta / 6.0;
  const lB = 3.375 - (19.0 * eta) / 8 - (eta * eta) / 24.0;
  // alpha, epsilon in powers of Mf: c1/(pi f) + c2 pi^{-2/3} f^{-2/3} + c3 pi^{-1/3} f^{-1/3} + c4 (ln f + ln pi) + c5 pi^{1/3} f^{1/3}
  const lnPi = Math.log(Math.PI);
  const [ac1, ac2, ac3, ac4, ac5] = s.angles.alpha;
  const [ec1, ec2, ec3, ec4, ec5] = s.angles.epsilon;
  const aA1 = ac1 / Math.PI, aA2 = ac2 * PI_M_TWO_THIRDS, aA3 = ac3 * PI_M_THIRD, aA5 = ac5 * PI_THIRD;
  const aA0 = ac4 * lnPi - s.alphaOffset;
  const eE1 = ec1 / Math.PI, eE2 = ec2 * PI_M_TWO_THIRDS, eE3 = ec3 * PI_M_THIRD, eE5 = ec5 * PI_THIRD;
  const eE0 = ec4 * lnPi - s.epsilonOffset;
  const y = s.y2m;
  const ym2 = y[0], ym1 = y[1], y0 = y[2], y1 = y[3], y2 = y[4];
  const cz = Math.cos(2 * s.frame.zetaPolariz);
  const sz = Math.sin(2 * s.frame.zetaPolariz);
  // IMRPhenomD amplitude and phase coefficients in locals (see imrphenomd/model.ts for the regions)
  const fPeak = a.fPeak;
  const fMRD = p.fMRDJoin;
  const wA = a.fDM * a.gamma3;
  const wA2 = wA * wA;
  const gA = a.gamma2 / wA;
  const gwA = wA * a.gamma1;
  const invFDM = 1 / p.fDM;
  const beta3Third = p.beta3 / 3;
  const a5fRD = p.alpha5 * p.fRD;
  const fourThirdsA3 = (4.0 / 3.0) * p.alpha3;
  const { i23, i43, i53, i1, i2, rho1, rho2, rho3, fRD, f1, f2, f3, n0, n1, n2, n3, n4 } = a;
  const { p0, p23, p13, p13l, pl, pm13, pm23, pm1, pm43, pm53, s1, s43, s53, s2, etaInv } = p;
  const { alpha1, alpha2, alpha4, beta1, beta2, c1Int, c2Int, c1MRD, c2MRD } = p;
  const ampJoin = AMP_F_JOIN_INS;
  const phiJoin = PHI_F_JOIN_INS;
  // module bindings copied to locals: imported names can be slow to read inside a hot loop
  const sincos = sinCos;
  const mtsun = MTSUN_SI;
  const piThird = PI_THIRD;
  const halfSqrt6 = HALF_SQRT_6;
  const anchorEvery = ANCHOR_EVERY;
  const maxRelStep = MAX_REL_STEP;
  const maxCarried = MAX_CARRIED_ARG;
  const cs = new Float64Array(2);
  // f^{-1/3}, ln f, the merger-ringdown exp and atan and e^{i alpha} carried from the previous bin, re-anchored
  // on Math.cbrt / Math.log / Math.exp / Math.atan / sinCos every ANCHOR_EVERY bins and whenever the step is not
  // small (the scheme of imrphenomd/model.ts)
  let fPrev = 0;
  let itPrev = 0;
  let lnPrev = 0;
  let sinceAnchor = ANCHOR_EVERY;
  // exp and atan of the merger-ringdown amplitude and phase, carried the same way while in that region
  let exPrev = 0;
  let exOk = false;
  let atPrev = 0;
  let xaPrev = 0;
  let atOk = false;
  // e^{i alpha} carried the same way
  let alphaPrev = 0;
  let caPrev = 1;
  let saPrev = 0;
  const fLo = range.fLoHz;
  const fHi = range.fHiHz;
  for (let k = range.start; k < range.stop; k++) {
    const fHz = freqs[k];
    if (!(fHz >= fLo && fHz < fHi)) continue;
    const f = fHz * mtsun * mTotal;
    const step = f - fPrev;
    let it: number; // f^{-1/3}
    let lnF: number;
    if (sinceAnchor < anchorEvery && step > 0 && step < maxRelStep * fPrev) {
      // guess y = yPrev (1 - step/(3 fPrev)), then two division-free third-order Newton-type steps
      // y <- y (1 + e/3 + 2 e^2/9), e = 1 - f y^3; ln f = ln fPrev + 2 atanh(step/(f + fPrev)) by its series
      it = itPrev * (1 - step * itPrev * itPrev * itPrev * (1 / 3));
      let e = 1 - f * it * it * it;
      it *= 1 + e * (1 / 3 + e * (2 / 9));
      e = 1 - f * it * it * it;
      it *= 1 + e * (1 / 3 + e * (2 / 9));
      const u = step / (f + fPrev);
      const u2 = u * u;
      lnF = lnPrev + 2 * u * (1 + u2 * (1 / 3 + u2 * (1 / 5 + u2 * (1 / 7 + u2 * (1 / 9)))));
      sinceAnchor++;
    } else {
      it = 1 / Math.cbrt(f);
      lnF = Math.log(f);
      sinceAnchor = 0;
    }
    const carried = sinceAnchor > 0;
    fPrev = f;
    itPrev = it;
    lnPrev = lnF;
    const it2 = it * it;
    const invF = it2 * it;
    const t = f * it2;
    const t2 = t * t;
    const t4 = f * t;
    // IMRPhenomD reduced amplitude
    let amp: number;
    if (f < ampJoin) {
      const ff = f * f;
      amp = 1 + t2 * i23 + t4 * i43 + t4 * t * i53 + t * ff * rho1 + t2 * ff * rho2 + f * (i1 + f * i2 + ff * rho3);
      exOk = false;
    } else if (f >= fPeak) {
      // exp(-(f - fRD) gA) carried: times exp(-z), z = step gA, by its series (|z| < 0.01: error < 3e-21)
      const x = f - fRD;
      const z = step * gA;
      let ex: number;
      if (carried && exOk && Math.abs(z) < maxCarried) {
        ex = exPrev * (1 - z * (1 - z * (1 / 2 - z * (1 / 6 - z * (1 / 24 - z * (1 / 120 - z * (1 / 720 - z * (1 / 5040))))))));
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
    amp *= halfScale * invF * Math.sqrt(it);
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
        if (Math.abs(d) < maxCarried) {
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
    // NNLO Euler angles
    const alpha = aA1 * invF + aA2 * it2 + aA3 * it + ac4 * lnF + aA5 * t + aA0;
    const epsilon = eE1 * invF + eE2 * it2 + eE3 * it + ec4 * lnF + eE5 * t + eE0;
    // opening angle: cos(beta) = 1/sqrt(1 + s^2), s = S_perp/(L_2PN(v) + S_L), v = (pi f)^{1/3}; with
    // c = cos(beta/2), s = sin(beta/2): c^2 - s^2 = cos(beta), 2 c s = sin(beta), c^4 + s^4 = (1 + cos^2 beta)/2
    const v = piThird * t;
    const xv = v * v;
    const lOrb = (eta * (1.0 + lA * xv + lB * xv * xv)) / v;
    const sr = sPerp / (lOrb + sL);
    const cb = 1.0 / Math.sqrt(1.0 + sr * sr);
    const sb = cb > 0 ? Math.abs(sr) * cb : 1; // (L + S_L = 0: beta = pi/2)
    const even = 0.5 * (1 + cb * cb);
    // P_m = (d^2_{-2,m} + d^2_{2,m}) Y_m and M_m = (d^2_{-2,m} - d^2_{2,m}) Y_m
    const pm2 = even * ym2;
    const mm2 = cb * ym2;
    const pm1v = -sb * cb * ym1;
    const mm1 = -sb * ym1;
    const p0v = halfSqrt6 * sb * sb * y0;
    const p1v = sb * cb * y1;
    const m1v = -sb * y1;
    const p2v = even * y2;
    const m2v = -cb * y2;
    // e^{i alpha} carried: times e^{i d}, d = alpha - alphaPrev, by its series when |d| < 0.01 (error < 1e-20)
    const da = alpha - alphaPrev;
    let ca: number;
    let sa: number;
    if (carried && Math.abs(da) < maxCarried) {
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
    const c2a = ca * ca - sa * sa;
    const s2a = 2 * ca * sa;
    const hpRe = p0v + (p1v + pm1v) * ca + (p2v + pm2) * c2a;
    const hpIm = -((m1v - mm1) * sa + (m2v - mm2) * s2a);
    const hcRe = (p1v - pm1v) * sa + (p2v - pm2) * s2a;
    const hcIm = (m1v + mm1) * ca + (m2v + mm2) * c2a;
    // polarisation rotation by zeta
    const rpRe = cz * hpRe + sz * hcRe;
    const rpIm = cz * hpIm + sz * hcIm;
    const rcRe = cz * hcRe - sz * hpRe;
    const rcIm = cz * hcIm - sz * hpIm;
    // overall factor amp/2 exp(-i [phi - 2 phi_aligned + 2 epsilon + 2 pi f t_c])
    sincos(phi - twoPhic + 2 * epsilon + twoPiT * fHz, cs);
    const xRe = amp * cs[0];
    const xIm = -amp * cs[1];
    hp[2 * k] = xRe * rpRe - xIm * rpIm;
    hp[2 * k + 1] = xRe * rpIm + xIm * rpRe;
    hc[2 * k] = xRe * rcRe - xIm * rcIm;
    hc[2 * k + 1] = xRe * rcIm + xIm * rcRe;
  }
}

/**
 * IMRPhenomPv2 h+ and hx on a grid (interleaved complex, 1/Hz), LAL conventions (see the file header).
 * @throws MbankError on unphysical parameters, chi_p > 1, or f_min at or above the cutoff 0.2/M
 */
export function generateIMRPhenomPv2(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  validateParams(params, NAME, false);
  const s = setupPhenomPv2(params);
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fill(s, grid.frequencies, phenomDBins(grid, params.fMinHz, s.fEndHz), hp, hc);
  return { hp, hc };
}

/** The IMRPhenomPv2 model for the registry. */
export const imrPhenomPv2: WaveformModel = {
  name: NAME,
  precessing: true,
  only22: false,
  generate: generateIMRPhenomPv2,
};
