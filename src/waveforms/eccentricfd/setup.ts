/**
 * Per-call constants of EccentricFD (LALSimInspiralEccentricityFD.c, `EPCSetup` and the prefactors of
 * `XLALSimInspiralEFD`): the phase as polynomials in T = (f_0/f)^{19/9} per power of v, and each harmonic's
 * h+ and hx amplitudes as polynomials in T (times S = T^{1/2} for odd harmonics) with the weight (l/2)^{2/3}
 * and the constant phase pi/4 + l phi_ref folded in.
 */
import { MRSUN_SI, MSUN_SI, MTSUN_SI, MPC_SI } from '../../core/constants.js';
import type { WaveformParams } from '../types.js';
import { AMPLITUDE_TERMS, PHASE_TERMS, type EccPoly } from './coefficients.js';

/** Number of harmonics LAL sums (l = 1..10 of the orbital frequency). */
export const HARMONICS = 10;
/** Coefficients per polynomial in T (degree 4). */
export const DEGREE_T = 5;
/** Phase slots: v^-5, v^-3, v^-2, v^-1, v^0, v^1, v^1 ln(4 v), v^2 (LAL's PhaseAccTaylorF2 cases 1..7). */
export const PHASE_SLOTS = 8;
/** Real polynomials per harmonic: Re h+, Im h+, Re hx, Im hx. */
export const AMP_PARTS = 4;
/** Offset of Re h+ among a harmonic's four amplitude polynomials in `amp`. */
export const PLUS_RE = 0;
/** Offset of Im h+ (see PLUS_RE). */
export const PLUS_IM = DEGREE_T;
/** Offset of Re hx (see PLUS_RE). */
export const CROSS_RE = 2 * DEGREE_T;
/** Offset of Im hx (see PLUS_RE). */
export const CROSS_IM = 3 * DEGREE_T;
/** Offsets in `phase` of the polynomials multiplying v^-5, v^-3, v^-2, v^-1, 1, v, v ln(4 v) and v^2. */
export const PHASE_SLOT = {
  vm5: 0, vm3: DEGREE_T, vm2: 2 * DEGREE_T, vm1: 3 * DEGREE_T, v0: 4 * DEGREE_T, v1: 5 * DEGREE_T, v1Log: 6 * DEGREE_T, v2: 7 * DEGREE_T,
} as const;

/** Constants of one EccentricFD evaluation. */
export interface EccentricSetup {
  /** pi M [s]. */
  piM: number;
  /** f_0 = f_min [Hz], where the eccentricity is given. */
  f0: number;
  /** LAL's overall factor -sqrt(5/384) pi^{-2/3} Mc^{5/6} / r MRSUN_SI / MTSUN_SI (multiplies f^{-7/6}). */
  amplitude: number;
  /** 2 f_ISCO [Hz]: harmonic l is summed where 2 f <= l fUpper (LAL's Heaviside). */
  fUpper: number;
  /** -3/(128 eta) times the phase polynomials: phase[PHASE_SLOT.x + j] multiplies T^j. */
  phase: Float64Array;
  /** -3/(128 eta) (38645/756 - 65 eta/9) pi: the coefficient of ln(6^{3/2} v^3) (LAL's case 5). */
  phaseLog: number;
  /** Amplitude polynomials: amp[((l - 1) AMP_PARTS + part) DEGREE_T + j] multiplies T^j (and S for odd l). */
  amp: Float64Array;
  /** (l/2)^{8/3}: harmonic l's phase is ratio[l - 1] Psi. */
  ratio: Float64Array;
  /** Harmonics with a non-zero amplitude (l = 2 alone when e_0 = 0), ascending. */
  active: Int32Array;
}

function evalPoly(poly: EccPoly, e0: number): number {
  let sum = 0;
  for (const [c, p] of poly) sum += c * e0 ** p;
  return sum;
}

const OFFSET_BY_VPOWER: Record<number, number> = {
  [-5]: PHASE_SLOT.vm5, [-3]: PHASE_SLOT.vm3, [-2]: PHASE_SLOT.vm2, [-1]: PHASE_SLOT.vm1, 0: PHASE_SLOT.v0, 1: PHASE_SLOT.v1, 2: PHASE_SLOT.v2,
};

/** EccentricFD's constants for `params` (masses via kg as ChooseFDWaveform passes them; symmetric in m1, m2). */
export function setupEccentricFD(params: WaveformParams): EccentricSetup {
  const m1 = (params.m1 * MSUN_SI) / MSUN_SI;
  const m2 = (params.m2 * MSUN_SI) / MSUN_SI;
  const m = m1 + m2;
  const mSec = m * MTSUN_SI;
  const eta = (m1 * m2) / (m * m);
  const piM = Math.PI * mSec;
  const vIsco = 1 / Math.sqrt(6);
  const fIsco = (vIsco * vIsco * vIsco) / piM;
  const e0 = params.eccentricity ?? 0;
  const beta = params.longAscNodes ?? 0;
  const r = params.distanceMpc * MPC_SI;
  const mChirp = eta ** (3 / 5) * mSec;
  const amplitude = -Math.sqrt(5 / 384) * Math.PI ** (-2 / 3) * (mChirp ** (5 / 6) / r) * MRSUN_SI / MTSUN_SI;

  // Psi = -a0 sum (LAL: Phaseorder = -sum_k PhaseAccTaylorF2(k)), a0 = 3/(128 eta)
  const a0 = 3 / (128 * eta);
  const phase = new Float64Array(PHASE_SLOTS * DEGREE_T);
  for (const t of PHASE_TERMS) {
    const offset = t.logV ? PHASE_SLOT.v1Log : OFFSET_BY_VPOWER[t.vPower];
    let c = 0;
    for (const [coef, ePow, etaPow] of t.terms) c += coef * e0 ** ePow * eta ** etaPow;
    phase[offset + t.sPower / 2] += -a0 * c;
  }
  const phaseLog = phase[PHASE_SLOT.v0]; // LAL's case 5: a21 (1 + ln(6^{3/2} x)), x = v^3

  const ci = Math.cos(params.inclination);
  const si = Math.sin(params.inclination);
  const c2b = Math.cos(2 * beta);
  const s2b = Math.sin(2 * beta);
  const amp = new Float64Array(HARMONICS * AMP_PARTS * DEGREE_T);
  const ratio = new Float64Array(HARMONICS);
  const active: number[] = [];
  for (let l = 1; l <= HARMONICS; l++) ratio[l - 1] = (l / 2) ** (8 / 3);
  for (const t of AMPLITUDE_TERMS) {
    const l = t.harmonic;
    // EccentricFD with its azimuth beta, then ChooseFDWaveform's final rotation by polariz = longAscNodes:
    // h+ <- cos 2b h+ + sin 2b hx, hx <- cos 2b hx - sin 2b h+
    const p0Re = (1 + ci * ci) * c2b * evalPoly(t.cPlus, e0) + si * si * evalPoly(t.sinSqPlus, e0);
    const p0Im = (1 + ci * ci) * s2b * evalPoly(t.sPlus, e0);
    const x0Re = ci * s2b * evalPoly(t.sCross, e0);
    const x0Im = ci * c2b * evalPoly(t.cCross, e0);
    const plusRe = c2b * p0Re + s2b * x0Re;
    const plusIm = c2b * p0Im + s2b * x0Im;
    const crossRe = c2b * x0Re - s2b * p0Re;
    const crossIm = c2b * x0Im - s2b * p0Im;
    // weight (l/2)^{2/3} and the constant phase exp(i (pi/4 + l phi_ref)) folded into the coefficients
    const w = (l / 2) ** (2 / 3);
    const c = Math.cos(Math.PI / 4 + l * params.phiRef);
    const s = Math.sin(Math.PI / 4 + l * params.phiRef);
    const base = (l - 1) * AMP_PARTS * DEGREE_T + ((t.sPower - (l % 2)) >> 1);
    amp[base + PLUS_RE] += w * (c * plusRe - s * plusIm);
    amp[base + PLUS_IM] += w * (s * plusRe + c * plusIm);
    amp[base + CROSS_RE] += w * (c * crossRe - s * crossIm);
    amp[base + CROSS_IM] += w * (s * crossRe + c * crossIm);
  }
  for (let l = 1; l <= HARMONICS; l++) {
    const from = (l - 1) * AMP_PARTS * DEGREE_T;
    if (amp.subarray(from, from + AMP_PARTS * DEGREE_T).some((x) => x !== 0)) active.push(l);
  }
  return { piM, f0: params.fMinHz, amplitude, fUpper: 2 * fIsco, phase, phaseLog, amp, ratio, active: Int32Array.from(active) };
}
