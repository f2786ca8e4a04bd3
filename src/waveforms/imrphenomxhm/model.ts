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
import { warmUpFrequencies } from '../kernel-helpers.js';
import { intoRange } from '../into-range.js';
import type { GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformModel, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { fillExact } from './fill-exact.js';
import { fillMultiband } from './fill-multiband.js';
import { setupPhenomXHM } from './setup.js';

export { modeAmpPhase } from './mode-value.js';

const NAME = 'IMRPhenomXHM';

/** LAL's default multibanding threshold (ThresholdMband). */
export const DEFAULT_THRESHOLD_MBAND = 1e-3;

/** The threshold to use: LAL's default, 0 (exact) on non-uniform grids and above 500 solar masses. */
function thresholdOf(grid: FrequencyGrid, params: WaveformParams): number {
  const t = params.thresholdMband ?? DEFAULT_THRESHOLD_MBAND;
  if (grid.df === undefined || params.m1 + params.m2 > 500) return 0;
  return t;
}

/** Whether warmUpXHM has run in this thread. */
let warmedUp = false;

/** h+ (and hx) on bins [kLo, kHi): multibanded or exact as the threshold says. */
function fillXHM(grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  if (!warmedUp) {
    warmedUp = true;
    warmUpXHM();
  }
  const st = setupPhenomXHM(params);
  const threshold = thresholdOf(grid, params);
  if (threshold > 0) fillMultiband(st, grid.df as number, grid.frequencies.length, params, threshold, hp, hc, kLo, kHi);
  else fillExact(st, grid, params, hp, hc, kLo, kHi);
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

/**
 * Type-feedback warm-up of the mode kernel (mode-block.ts), run before the first waveform of a thread (~7 ms
 * beyond the first set-up's own ~7 ms, both interpreted): an exact
 * fill on a frequency list through every region of every mode (bins outside the band, anchored and carried
 * recurrences, with and without hx) and a multibanded waveform on a coarse uniform grid (the kernel on coarse
 * lists, the (3,2) mixing), so that V8 optimises the loops with all their branches seen (with feedback from
 * the multibanding alone, the first exact waveforms deoptimised it and it could stay in on-stack-replaced code,
 * at ~1.8x the time; see ../imrphenomx/fill.ts).
 */
function warmUpXHM(): void {
  const params: WaveformParams = {
    m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
    distanceMpc: 100, inclination: 0.7, phiRef: 0.2, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
  };
  const st = setupPhenomXHM(params);
  const freqs = warmUpFrequencies(st.xas.system.mSec, [0.002, 0.005, 0.01, 0.02, 0.03, 0.045, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.29], [0.31]);
  const n = freqs.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fillExact(st, { frequencies: freqs }, params, hp, hc, 0, n);
  fillExact(st, { frequencies: freqs }, params, hp, null, 3, n);
  // a grid f_k = k df through every region (f^{-1/6} and ln f from its tables)
  const uniform = Float64Array.from({ length: 160 }, (_, k) => 8 * k);
  const hu = new Float64Array(2 * uniform.length);
  fillExact(st, { frequencies: uniform, df: 8 }, params, hu, hu.slice(), 0, uniform.length);
  const m = 257;
  const hm = new Float64Array(2 * m);
  fillMultiband(st, 4, m, params, DEFAULT_THRESHOLD_MBAND, hm, hm.slice(), 0, m);
}
