/**
 * IMRPhenomXPHM (Pratten et al. arXiv:2004.06503) as LALSimulation's
 * `XLALSimInspiralChooseFDWaveform(..., IMRPhenomXPHM)` produces it with LAL's defaults (LALSimIMRPhenomXPHM.c,
 * XLALSimIMRPhenomXPHM -> IMRPhenomXPHM_hplushcross; PrecVersion 300 = 223, MSA angles with the NNLO fall-back;
 * Convention 1; multibanding of the modes (ThresholdMband 1e-3) and of the Euler angles (PrecThresholdMband
 * 1e-3)): the IMRPhenomXHM modes (2,2), (2,1), (3,3), (3,2), (4,4) in the co-precessing frame, with the
 * precessing final spin and phi_ref = 0, twisted up with the Euler angles of IMRPhenomXP evaluated at 2 f / m'
 * for mode m' (fill.ts):
 *
 *   h+ - i hx = sum_{l m'} e^{-i m' eps} h_{l,-m'}/2 sum_m [e^{-i m alpha} d^l_{m,-m'} + (-1)^l e^{i m alpha} d^l_{m,m'} ...] Y_lm(thetaJN),
 *
 * then rotated by 2 zeta. Bins: floor(f_min/df) .. floor(f_end/df), f_end = min(f_max, 0.3/M); every other bin is 0.
 * thresholdMband = 0 evaluates the modes at every bin, precThresholdMband = 0 the angles (LAL's two switches).
 */
import { invalid } from '../../core/errors.js';
import type { FrequencyGrid } from '../../core/grid.js';
import { intoRange } from '../into-range.js';
import type { GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformModel, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { fillPhenomXPHM } from './fill.js';

const NAME = 'IMRPhenomXPHM';

/** The common checks plus the two multibanding thresholds (finite, >= 0). */
function validateXPHM(params: WaveformParams): void {
  validateParams(params, NAME, false);
  for (const [name, t] of [['threshold-mband', params.thresholdMband], ['prec-threshold-mband', params.precThresholdMband]] as const) {
    if (t !== undefined && !(t >= 0 && Number.isFinite(t))) invalid(name, t, 'must be a finite number >= 0 (0: no multibanding)');
  }
}

/**
 * IMRPhenomXPHM h+ and hx on a grid (interleaved complex, 1/Hz), LAL conventions (see the file header).
 * @throws MbankError on unphysical parameters or f_min at or above the cutoff 0.3/M
 */
export function generateIMRPhenomXPHM(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  validateXPHM(params);
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fillPhenomXPHM(grid, params, hp, hc, 0, n);
  return { hp, hc };
}

/**
 * IMRPhenomXPHM into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and
 * out.hc when given) get the values of generateIMRPhenomXPHM; other bins are untouched.
 * @throws MbankError as generateIMRPhenomXPHM, or when an output array is shorter than 2 kHi
 */
export function generateIMRPhenomXPHMInto(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  validateXPHM(params);
  const { kLo, kHi, hc } = intoRange(grid.frequencies.length, out, opts);
  fillPhenomXPHM(grid, params, out.hp, hc, kLo, kHi);
}

/** The IMRPhenomXPHM model for the registry. */
export const imrPhenomXPHM: WaveformModel = {
  name: NAME,
  precessing: true,
  only22: false,
  generate: generateIMRPhenomXPHM,
  generateInto: generateIMRPhenomXPHMInto,
};
