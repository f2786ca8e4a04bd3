/**
 * IMRPhenomPv2 per-bin kernel: h+ and hx on the selected bins from a PhenomPv2Setup (formulas in
 * model.ts's header): the precessing mode of the kernel shared with IMRPhenomD (imrphenomd/core-kernel.ts:
 * chunks of 64 bins, f^{-1/3}, ln f, the merger-ringdown exp and atan and e^{i alpha} carried by short
 * series with block-aligned anchors), with this file's constants, plus a type-feedback warm-up run by the first fill.
 * generateInto over any [kLo, kHi) equals generate bit for bit. Used by model.ts only.
 */
import { MTSUN_SI } from '../../core/constants.js';
import { fillPhenom, KM_LENGTH, MODE_SLOT, packCore, packSlots } from '../imrphenomd/core-kernel.js';
import { PI_M_THIRD, PI_M_TWO_THIRDS, PI_THIRD } from '../imrphenomd/pi-powers.js';
import { warmUpFrequencies } from '../kernel-helpers.js';
import type { WaveformParams } from '../types.js';
import { setupPhenomPv2, type PhenomPv2Setup } from './setup.js';

const HALF_SQRT_6 = 0.5 * Math.sqrt(6);

/** Whether warmUpFill has run in this thread. */
let warmedUp = false;

/**
 * Write bins [kLo, kHi) of h+ (and of hx when `hc` is not null): bins k in [rangeStart, rangeStop) with
 * fLo <= f_k < fHi get the model, every other bin of [kLo, kHi) is set to zero; bins outside [kLo, kHi)
 * are not touched (see fillPhenom).
 */
export function fill(
  s: PhenomPv2Setup, freqs: Float64Array, rangeStart: number, rangeStop: number, fLo: number, fHi: number,
  hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
): void {
  if (!warmedUp) warmUpFill();
  const KD = packCore(0.5 * s.ampScale * s.amp.amp0, MTSUN_SI * s.mTotal, s.amp, s.phase);
  fillPhenom(KD, packConstants(s), freqs, rangeStart, rangeStop, fLo, fHi, hp, hc, kLo, kHi);
}

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
  return packSlots(MODE_SLOT, KM_LENGTH, {
    mode: 1, twoPiT: 2 * Math.PI * s.tCorr, phase0: -2 * s.frame.phiAligned,
    // alpha and 2 epsilon in powers of Mf (factor 2 exact): c1/(pi f) + c2 (pi f)^{-2/3} + c3 (pi f)^{-1/3} + c4 ln(pi f) + c5 (pi f)^{1/3}
    alpha1: ac1 / Math.PI, alpha2: ac2 * PI_M_TWO_THIRDS, alpha3: ac3 * PI_M_THIRD, alpha4: ac4, alpha5: ac5 * PI_THIRD, alpha0: ac4 * lnPi - s.alphaOffset,
    eps1: 2 * (ec1 / Math.PI), eps2: 2 * (ec2 * PI_M_TWO_THIRDS), eps3: 2 * (ec3 * PI_M_THIRD), eps4: 2 * ec4, eps5: 2 * (ec5 * PI_THIRD),
    eps0: 2 * (ec4 * lnPi - s.epsilonOffset),
    eta, lA: 1.5 + eta / 6.0, lB: 3.375 - (19.0 * eta) / 8 - (eta * eta) / 24.0, sL: s.sL, sPerp: s.sPerp,
    plus1: cz * yE, plus2: cz * yA, plus3: cz * yB, plus4: sz * yC, plus5: sz * yD,
    cross1: -sz * yE, cross2: -sz * yA, cross3: -sz * yB, cross4: cz * yC, cross5: cz * yD,
    piThird: PI_THIRD,
  });
}

/**
 * Type-feedback warm-up, run once by the first `fill` (~40 bins, well under a millisecond; not at import,
 * so that loading the library does no work): passes
 * through every branch of `fill` (bins outside the range, re-anchored and carried recurrences in each
 * amplitude and phase region, unwritten bins, with and without hx), so that V8 does not compile the
 * per-bin loop before the merger-ringdown and precession branches have run (see imrphenomd/kernel.ts).
 * Returns the Mf values it filled.
 */
export function warmUpFill(): Float64Array {
  warmedUp = true;
  const params: WaveformParams = {
    m1: 30, m2: 20, s1x: 0.4, s1y: 0.1, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
    distanceMpc: 1, inclination: 0.5, phiRef: 0.1, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
  };
  const s = setupPhenomPv2(params);
  const grid = warmUpFrequencies(MTSUN_SI * s.mTotal, [0.002, 0.005, 0.01, 0.016, 0.03, 0.06, 0.1, 0.15, 0.19]);
  const n = grid.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, hp, hc, 0, n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, hp, null, 3, n);
  return grid.map((f) => f * MTSUN_SI * s.mTotal);
}
