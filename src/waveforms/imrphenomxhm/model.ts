/**
 * IMRPhenomXHM (García-Quirós et al. arXiv:2001.10914; 2022 amplitude recalibration) as LALSimulation's
 * `XLALSimInspiralChooseFDWaveform(..., IMRPhenomXHM)` produces it with default options and ThresholdMband = 0
 * (LALSimIMRPhenomXHM.c, XLALSimIMRPhenomXHM2):
 *
 *   h+ - i hx = sum_{lm} h_{l,-m}(f) (Y_{l,-m} + (-1)^l Y*_{lm})/2 ...  (per mode: h+ += P_lm h, hx += C_lm h),
 *   P_lm = (Y_{l,-m} + (-1)^l Y*_{lm})/2,  C_lm = i (Y_{l,-m} - (-1)^l Y*_{lm})/2,  Y = -2Y(inclination, pi/2),
 *
 * over the modes 22 (IMRPhenomXAS, reused: ../imrphenomx), 21, 33, 32, 44, with
 * h_{l,-m}(f) = (-1)^l (M^2/d) A_lm(M f) exp(i phi_lm(M f)) from amplitude.ts / phase.ts, the (3,2) ringdown
 * from the spheroidal-spherical mixing of spheroidal.ts fed with the 22 computed here.
 * Bins: as IMRPhenomXAS (k = floor(f_min/df) .. floor(f_end/df), f_end = min(f_max, 0.3/M)); every other bin is 0.
 */
import { invalid } from '../../core/errors.js';
import type { FrequencyGrid } from '../../core/grid.js';
import { fillPhenomX } from '../imrphenomx/fill.js';
import { intoRange } from '../into-range.js';
import { modeFactors } from '../spin-weighted-ylm.js';
import type { GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformModel, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { FALSE_ZERO, hmAmplitude, type HMAmpCoefficients } from './amplitude.js';
import { inspiralPhase, intermediatePhase, ringdownPhase, type HMPhaseCoefficients } from './phase.js';
import { powers } from './powers.js';
import { setupPhenomXHM, type HMModeSetup, type PhenomXHMSetup } from './setup.js';
import { sphericalFrom22, type SpheroidalPhase } from './spheroidal.js';
import { h22Ringdown, multiband22, multibandMode } from './multiband.js';
import { multibandMixing } from './multiband-mixing.js';
import type { MultibandFrame } from './multiband-core.js';

const NAME = 'IMRPhenomXHM';
/** The XAS kernel writes YLM h22 with YLM = -2 sqrt(5/(64 pi)) (its plus factor set to 1). */
const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));
/** Order in which LAL adds the higher modes (after the 22). */
const ADD_ORDER = [21, 32, 33, 44];

/** Bins [start, stop) that IMRPhenomXHM fills and the frequency test within them (as IMRPhenomXAS). */
function xhmBins(grid: FrequencyGrid, fMinHz: number, fEndHz: number): { start: number; stop: number; fLoHz: number } {
  const n = grid.frequencies.length;
  if (grid.df !== undefined) {
    const start = Math.min(Math.floor(fMinHz / grid.df), n);
    return { start, stop: Math.min(Math.floor(fEndHz / grid.df) + 1, n), fLoHz: -Infinity };
  }
  return { start: 0, stop: n, fLoHz: fMinHz };
}

/**
 * Amplitude A_lm (over amp0 = M^2/d) and phase phi_lm of one mode at geometric frequency f, written to
 * out[0], out[1]; re22, im22 is h22/amp0 at f (read by the (3,2) ringdown only).
 */
export function modeAmpPhase(m: HMModeSetup, f: number, re22: number, im22: number, out: Float64Array): void {
  const amp = m.amp as HMAmpCoefficients;
  const ph = m.phase as HMPhaseCoefficients;
  const mixing = m.mode.mixing;
  const p = powers(f);
  if (mixing && (f >= amp.fInt || f >= ph.fRD)) sphericalFrom22(m.spheroidal as SpheroidalPhase, amp, f, re22, im22, out);
  let a = mixing && f >= amp.fInt ? Math.hypot(out[0], out[1]) : hmAmplitude(amp, p);
  if (a < 0) a = FALSE_ZERO;
  let phi: number;
  if (f < ph.fIns) phi = inspiralPhase(ph, p) + ph.C1INSP * f + ph.CINSP;
  else if (f >= ph.fRD) phi = (mixing ? Math.atan2(out[1], out[0]) : ringdownPhase(ph, p)) + ph.C1RD * f + ph.CRD;
  else phi = intermediatePhase(ph, p, mixing);
  out[0] = a;
  out[1] = phi + ph.deltaphiLM;
}

/** Add one mode to h+ and hx over bins [k0, k1), given the filled YLM h22 (see YLM). */
function addMode(
  st: PhenomXHMSetup, m: HMModeSetup, freqs: Float64Array, g22: Float64Array, k0: number, k1: number, fLoHz: number, fHiHz: number,
  inclination: number, hp: Float64Array, hc: Float64Array | null,
): void {
  if (m.amp === null) return;
  const mode = m.mode;
  const [pRe, pIm, cRe, cIm] = modeFactors(mode.ell, mode.emm, inclination);
  const amp0 = (mode.ell % 2 === 0 ? 1 : -1) * st.amp0;
  const mSec = st.xas.system.mSec;
  const out = new Float64Array(2);
  const inv0 = 1 / st.amp0;
  for (let k = k0; k < k1; k++) {
    const fHz = freqs[k];
    if (!(fHz >= fLoHz && fHz <= fHiHz)) continue;
    modeAmpPhase(m, mSec * fHz, (g22[2 * k] / YLM) * inv0, (g22[2 * k + 1] / YLM) * inv0, out);
    const scale = amp0 * out[0];
    const re = scale * Math.cos(out[1]);
    const im = scale * Math.sin(out[1]);
    hp[2 * k] += pRe * re - pIm * im;
    hp[2 * k + 1] += pRe * im + pIm * re;
    if (hc !== null) {
      hc[2 * k] += cRe * re - cIm * im;
      hc[2 * k + 1] += cRe * im + cIm * re;
    }
  }
}

/** Fill bins [kLo, kHi) of h+ (and hx) with the sum of the modes (zero outside the model's bins). */
function fillPhenomXHM(st: PhenomXHMSetup, grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const r = xhmBins(grid, params.fMinHz, st.xas.fEndHz);
  const freqs = grid.frequencies;
  const h22 = new Float64Array(2 * freqs.length);
  const k0 = Math.max(kLo, r.start);
  const k1 = Math.min(kHi, r.stop);
  fillPhenomX(st.xas, freqs, r.start, r.stop, r.fLoHz, st.xas.fEndHz, { plus: 1, cross: 0 }, h22, null, kLo, kHi);
  for (let k = kLo; k < kHi; k++) {
    hp[2 * k] = 0; hp[2 * k + 1] = 0;
    if (hc !== null) { hc[2 * k] = 0; hc[2 * k + 1] = 0; }
  }
  const [pRe, pIm, cRe, cIm] = modeFactors(2, 2, params.inclination);
  for (let k = k0; k < k1; k++) {
    const re = h22[2 * k] / YLM;
    const im = h22[2 * k + 1] / YLM;
    hp[2 * k] = pRe * re - pIm * im;
    hp[2 * k + 1] = pRe * im + pIm * re;
    if (hc !== null) {
      hc[2 * k] = cRe * re - cIm * im;
      hc[2 * k + 1] = cRe * im + cIm * re;
    }
  }
  for (const tag of ADD_ORDER) {
    const m = st.modes.find((x) => x.mode.tag === tag) as HMModeSetup;
    addMode(st, m, freqs, h22, k0, k1, r.fLoHz, st.xas.fEndHz, params.inclination, hp, hc);
  }
}

/** LAL's default multibanding threshold (ThresholdMband). */
export const DEFAULT_THRESHOLD_MBAND = 1e-3;

/** Add a mode h_{l,-m} given on bins [k0, k1) (interleaved) to h+ and hx with its (l, m) factors. */
function addModeSeries(h: Float64Array, l: number, m: number, inclination: number, k0: number, k1: number, hp: Float64Array, hc: Float64Array | null): void {
  const [pRe, pIm, cRe, cIm] = modeFactors(l, m, inclination);
  for (let k = k0; k < k1; k++) {
    const re = h[2 * k];
    const im = h[2 * k + 1];
    hp[2 * k] += pRe * re - pIm * im;
    hp[2 * k + 1] += pRe * im + pIm * re;
    if (hc !== null) {
      hc[2 * k] += cRe * re - cIm * im;
      hc[2 * k + 1] += cRe * im + cIm * re;
    }
  }
}

/**
 * Multibanded IMRPhenomXHM (LAL's XLALSimIMRPhenomXHM): every mode on its own coarse grid, interpolated to
 * bins floor(f_min/df) .. floor(f_end/df) of the uniform grid; writes bins [kLo, kHi) of h+ (and hx).
 */
function fillMultiband(st: PhenomXHMSetup, df: number, n: number, params: WaveformParams, threshold: number, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const mSec = st.xas.system.mSec;
  const offset = Math.trunc(params.fMinHz / df);
  const iStop = Math.trunc(st.xas.fEndHz / df) + 1;
  const fr: MultibandFrame = { evaldMf: df * mSec, offset, iStop, mfMin: offset * df * mSec, mfMax: st.xas.fEndHz * mSec, threshold };
  const len = Math.max(iStop, n);
  const sp = new Float64Array(2 * len);
  const sc = hc === null ? null : new Float64Array(2 * len);
  const h22 = new Float64Array(2 * iStop);
  const hlm = new Float64Array(2 * iStop);
  const out = new Float64Array(2);
  multiband22(st, fr, h22);
  const byTag = (tag: number): HMModeSetup => st.modes.find((x) => x.mode.tag === tag) as HMModeSetup;
  for (const tag of [21, 22, 32, 33, 44]) {
    if (tag === 22) {
      addModeSeries(h22, 2, 2, params.inclination, offset, iStop, sp, sc);
      continue;
    }
    const m = byTag(tag);
    if (m.amp === null) continue;
    hlm.fill(0);
    if (m.mode.mixing) {
      const ampNorm = m.amp.ampNorm;
      multibandMixing(st, m, fr, (f, o) => { const [re, im] = h22Ringdown(st, ampNorm, f); modeAmpPhase(m, f, re, im, o); }, h22, hlm);
    } else {
      multibandMode(st, m, fr, (f, o) => modeAmpPhase(m, f, 0, 0, o), hlm);
    }
    addModeSeries(hlm, m.mode.ell, m.mode.emm, params.inclination, offset, iStop, sp, sc);
    void out;
  }
  for (let k = kLo; k < kHi; k++) {
    hp[2 * k] = sp[2 * k];
    hp[2 * k + 1] = sp[2 * k + 1];
    if (hc !== null && sc !== null) {
      hc[2 * k] = sc[2 * k];
      hc[2 * k + 1] = sc[2 * k + 1];
    }
  }
}

/** The threshold to use: LAL's default, 0 (exact) on non-uniform grids and above 500 solar masses. */
function thresholdOf(grid: FrequencyGrid, params: WaveformParams): number {
  const t = params.thresholdMband ?? DEFAULT_THRESHOLD_MBAND;
  if (grid.df === undefined || params.m1 + params.m2 > 500) return 0;
  return t;
}

/** h+ (and hx) on bins [kLo, kHi): multibanded or exact as the threshold says. */
function fillXHM(grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const st = setupPhenomXHM(params);
  const threshold = thresholdOf(grid, params);
  if (threshold > 0) fillMultiband(st, grid.df as number, grid.frequencies.length, params, threshold, hp, hc, kLo, kHi);
  else fillPhenomXHM(st, grid, params, hp, hc, kLo, kHi);
}

/** The common checks plus the multibanding threshold (finite, >= 0). */
function validateXHM(params: WaveformParams): void {
  validateParams(params, NAME, true);
  const t = params.thresholdMband;
  if (t !== undefined && !(t >= 0 && Number.isFinite(t))) invalid('threshold-mband', t, 'must be a finite number >= 0 (0: no multibanding)');
}

/**
 * IMRPhenomXHM h+ and hx on a grid (interleaved complex, 1/Hz), LAL conventions (see the file header).
 * @throws MbankError on unphysical parameters, in-plane spins, or f_min at or above the cutoff 0.3/M
 */
export function generateIMRPhenomXHM(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  validateXHM(params);
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fillXHM(grid, params, hp, hc, 0, n);
  return { hp, hc };
}

/**
 * IMRPhenomXHM into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and
 * out.hc when given) get the values of generateIMRPhenomXHM; other bins are untouched.
 * @throws MbankError as generateIMRPhenomXHM, or when an output array is shorter than 2 kHi
 */
export function generateIMRPhenomXHMInto(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  validateXHM(params);
  const { kLo, kHi, hc } = intoRange(grid.frequencies.length, out, opts);
  fillXHM(grid, params, out.hp, hc, kLo, kHi);
}

/** The IMRPhenomXHM model for the registry. */
export const imrPhenomXHM: WaveformModel = {
  name: NAME,
  precessing: false,
  only22: false,
  generate: generateIMRPhenomXHM,
  generateInto: generateIMRPhenomXHMInto,
};
