/**
 * IMRPhenomPv2 per-bin kernel: h+ and hx on the selected bins from a PhenomPv2Setup (formulas in
 * model.ts's header), run in chunks of CHUNK bins with a carried state, plus a load-time type-feedback
 * warm-up. Used by model.ts only.
 *
 * Each chunk first gets the IMRPhenomD core (Mf, f^{-1/3}, ln f, amplitude, phase) from
 * imrphenomd/chunk.ts, then this file's loop adds the precession. Carried values (there, and e^{i alpha}
 * here) are re-anchored at the first bin of every aligned block of 64 indices and whenever the step is not
 * small, so a fill started anywhere inside a block (at the block's first index) reproduces the values of a
 * fill from the start bit for bit: generateInto over any [kLo, kHi) equals generate.
 */
import { MTSUN_SI } from '../../core/constants.js';
import { ANCHOR_SHIFT, B_AMP, B_F, B_FLAG, B_IT, B_LN, B_PHI, BUFFER_LENGTH, CHUNK, newCoreState, packCore, phenomDChunk } from '../imrphenomd/chunk.js';
import { PI_M_THIRD, PI_M_TWO_THIRDS, PI_THIRD } from '../imrphenomd/pi-powers.js';
import { zeroBins } from '../kernel-helpers.js';
import { sinCosTable } from '../sincos-table.js';
import type { WaveformParams } from '../types.js';
import { setupPhenomPv2, type PhenomPv2Setup } from './setup.js';

/** Largest |argument| of the e^{i alpha} increments evaluated by series (else exact). */
const MAX_CARRIED_ARG = 0.01;
/** Slots of the carried state of the precession loop: alpha, cos alpha, sin alpha. */
const STATE_LENGTH = 3;
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
  const coreState = newCoreState();
  const state = new Float64Array(STATE_LENGTH);
  state[1] = 1;
  const buf = new Float64Array(BUFFER_LENGTH);
  const cs = new Float64Array(2);
  const KD = packCore(0.5 * s.ampScale * s.amp.amp0, MTSUN_SI * s.mTotal, s.amp, s.phase);
  const K = packConstants(s);
  for (let c0 = kFrom; c0 < kStop; c0 += CHUNK) {
    const c1 = Math.min(c0 + CHUNK, kStop);
    phenomDChunk(KD, freqs, c0, c1, fLo, fHi, coreState, buf);
    precessChunk(K, freqs, c0, c1, kStart, buf, hp, hc, state, cs);
  }
}

/** Number of constants packed by packConstants (the order of the list in it). */
const K_LENGTH = 30;

/**
 * The frequency-independent numbers of precessChunk (beyond the IMRPhenomD core's) in one array.
 * The l = 2 harmonics, Wigner-d sums and the polarisation rotation by zeta are folded into P1..P5 (h+)
 * and Q1..Q5 (hx): with w = (sin^2 b, sin b cos b cos a, e cos 2a, sin b cos b sin a, e sin 2a) and
 * v = (sin b sin a, cos b sin 2a, sin b cos a, cos b cos 2a), e = (1 + cos^2 b)/2,
 * Re = sum_i X_i w_i, Im = X2 v1 + X3 v2 - X4 v3 - X5 v4 for X = P, Q.
 */
function packConstants(s: PhenomPv2Setup): Float64Array {
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
    2 * Math.PI * s.tCorr, -2 * s.frame.phiAligned,
    // alpha and 2 epsilon in powers of Mf (factor 2 exact): c1/(pi f) + c2 (pi f)^{-2/3} + c3 (pi f)^{-1/3} + c4 ln(pi f) + c5 (pi f)^{1/3}
    ac1 / Math.PI, ac2 * PI_M_TWO_THIRDS, ac3 * PI_M_THIRD, ac4, ac5 * PI_THIRD, ac4 * lnPi - s.alphaOffset,
    2 * (ec1 / Math.PI), 2 * (ec2 * PI_M_TWO_THIRDS), 2 * (ec3 * PI_M_THIRD), 2 * ec4, 2 * (ec5 * PI_THIRD), 2 * (ec4 * lnPi - s.epsilonOffset),
    eta, 1.5 + eta / 6.0, 3.375 - (19.0 * eta) / 8 - (eta * eta) / 24.0, s.sL, s.sPerp,
    cz * yE, cz * yA, cz * yB, sz * yC, sz * yD,
    -sz * yE, -sz * yA, -sz * yB, cz * yC, cz * yD,
    PI_THIRD,
  ]);
  return K;
}

/**
 * Bins [k0, k1) of fill (constants K from packConstants, the IMRPhenomD core of these bins in `buf`, see
 * imrphenomd/chunk.ts), continuing e^{i alpha} in `state` (see STATE_LENGTH) and updating it; bins below
 * kWrite are computed but not written.
 */
function precessChunk(
  K: Float64Array, freqs: Float64Array, k0: number, k1: number, kWrite: number, buf: Float64Array,
  hp: Float64Array, hc: Float64Array | null, state: Float64Array, cs: Float64Array,
): void {
  const twoPiT = K[0], phase0 = K[1];
  const aA1 = K[2], aA2 = K[3], aA3 = K[4], aA4 = K[5], aA5 = K[6], aA0 = K[7];
  const eE1 = K[8], eE2 = K[9], eE3 = K[10], eE4 = K[11], eE5 = K[12], eE0 = K[13];
  const eta = K[14], lA = K[15], lB = K[16], sL = K[17], sPerp = K[18];
  const P1 = K[19], P2 = K[20], P3 = K[21], P4 = K[22], P5 = K[23];
  const Q1 = K[24], Q2 = K[25], Q3 = K[26], Q4 = K[27], Q5 = K[28];
  const piThird = K[29];
  const sincos = sinCosTable;
  let alphaPrev = state[0];
  let caPrev = state[1];
  let saPrev = state[2];
  // buffer offsets as locals: an imported or module-level binding is re-read (with a hole check) per use
  const oFlag = B_FLAG, oF = B_F, oIt = B_IT, oLn = B_LN, oAmp = B_AMP, oPhi = B_PHI;
  for (let k = k0; k < k1; k++) {
    const j = k - k0;
    const flag = buf[oFlag + j];
    if (flag === 0) {
      if (k >= kWrite) zeroBins(hp, hc, k, k + 1);
      continue;
    }
    const carried = flag === 2;
    const fHz = freqs[k];
    const f = buf[oF + j];
    const it = buf[oIt + j];
    const lnF = buf[oLn + j];
    const amp = buf[oAmp + j];
    const phi = buf[oPhi + j];
    const it2 = it * it;
    const invF = it2 * it;
    const t = f * it2; // f^{1/3}
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
  state[0] = alphaPrev;
  state[1] = caPrev;
  state[2] = saPrev;
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
