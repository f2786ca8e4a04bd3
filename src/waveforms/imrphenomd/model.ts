/**
 * IMRPhenomD (Husa et al. arXiv:1508.07250, Khan et al. arXiv:1508.07253) as LALSimulation's
 * `XLALSimInspiralChooseFDWaveform(..., IMRPhenomD)` produces it (LALSimIMRPhenomD.c):
 *
 *   h(f) = A_s A0 (Mf)^{-7/6} a(Mf) exp(-i [phi(Mf) - t0 (Mf - Mf_ref) - 2 phi_ref - phi(Mf_ref)]),
 *   h+ = 1/2 (1 + cos^2 iota) h,  hx = -i cos(iota) h,
 *
 * with A_s = 2 sqrt(5/(64 pi)) M^2 MRSUN_SI MTSUN_SI / r, a and phi from amplitude.ts / phase.ts and
 * t0 = phi'(f_peak). Hence arg h+(f_ref) = 0 at phi_ref = 0, iota = 0.
 *
 * Frequency range (LAL's): on a uniform grid (`grid.df` set) bins k = floor(f_min/df) .. floor(f_end/df) - 1
 * are filled (the first may lie below f_min; the bin at f_end is excluded), f_end = min(f_max, 0.2/(M MTSUN_SI));
 * on a non-uniform grid (any order) the bins with f_min <= f < f_end. Every other bin is exactly 0.
 *
 * Speed: coefficients are computed once per call; per bin, f^{1/3}, ln f and the merger-ringdown exp and
 * atan follow short recurrences from the previous bin (re-anchored on Math.cbrt / Math.log / Math.exp /
 * Math.atan at the first bin of every aligned block of 64 indices and whenever the step is not small), and
 * cos/sin come from a 64-entry table (core/sincos.ts). The kernel (./kernel.ts, the aligned mode of
 * ./core-kernel.ts shared with IMRPhenomPv2) runs in chunks of 64 bins with a carried state, so that V8
 * compiles it as a whole function. Values agree with LAL's direct evaluation to < 1e-12 of max|h|
 * (rounding amplified by the large inspiral phase), so the same frequency on two different grids agrees
 * to that level, not bitwise; `generateInto` fills caller-owned arrays (h+ alone if hx is not wanted)
 * with bitwise the values of `generate`, for any [kLo, kHi).
 */
import type { FrequencyGrid } from '../../core/grid.js';
import { MTSUN_SI } from '../../core/constants.js';
import type { FrequencyListModel, GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { intoRange } from '../into-range.js';
import { fill } from './kernel.js';
import { PHENOMD_MF_CUT, setupPhenomD } from './setup.js';

const NAME = 'IMRPhenomD';

/**
 * Which bins IMRPhenomD fills: indices [start, stop), and within them only frequencies in [fLoHz, fHiHz).
 * Uniform grid: LAL's index range [floor(f_min/df), floor(f_end/df)) clipped to the grid, with no
 * frequency test (the first bin may lie below f_min). Non-uniform grid (any order): every index, with
 * fLoHz = f_min and fHiHz = f_end.
 */
export interface BinSelection {
  start: number;
  stop: number;
  fLoHz: number;
  fHiHz: number;
}

/** The bins IMRPhenomD fills on `grid` for f_min and the end frequency f_end (exclusive). */
export function phenomDBins(grid: FrequencyGrid, fMinHz: number, fEndHz: number): BinSelection {
  const n = grid.frequencies.length;
  if (grid.df !== undefined) {
    const start = Math.min(Math.floor(fMinHz / grid.df), n);
    const stop = Math.min(Math.floor(fEndHz / grid.df), n);
    return { start, stop: Math.max(start, stop), fLoHz: -Infinity, fHiHz: Infinity };
  }
  return { start: 0, stop: n, fLoHz: fMinHz, fHiHz: fEndHz };
}

/**
 * IMRPhenomD h+ and hx on a grid (interleaved complex, 1/Hz), LAL conventions (see the file header).
 * m1 < m2 gives exactly the call with the bodies swapped; f_ref = 0 means f_min.
 * @throws MbankError on unphysical parameters, in-plane spins, or f_min at or above the cutoff 0.2/M
 */
export function generateIMRPhenomD(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  validateParams(params, NAME, true);
  const s = setupPhenomD(params);
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  const range = phenomDBins(grid, params.fMinHz, s.fEndHz);
  fill(s, grid.frequencies, range.start, range.stop, range.fLoHz, range.fHiHz, params.inclination, hp, hc, range.start, range.stop);
  return { hp, hc };
}

/**
 * IMRPhenomD into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and
 * out.hc when given) are written, zero outside the model's support; no allocation of output arrays.
 * @throws MbankError as generateIMRPhenomD, or when an output array is shorter than 2 kHi
 */
export function generateIMRPhenomDInto(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  validateParams(params, NAME, true);
  const s = setupPhenomD(params);
  const n = grid.frequencies.length;
  const { kLo, kHi, hc } = intoRange(n, out, opts);
  const range = phenomDBins(grid, params.fMinHz, s.fEndHz);
  fill(s, grid.frequencies, range.start, range.stop, range.fLoHz, range.fHiHz, params.inclination, out.hp, hc, kLo, kHi);
}

/** End of IMRPhenomD's support [Hz]: f_end = min(f_max, 0.2/(M MTSUN_SI)) (generateAt fills f_min <= f < f_end). */
export function phenomDSupportEndHz(params: WaveformParams): number {
  return Math.min(params.fMaxHz, PHENOMD_MF_CUT / ((params.m1 + params.m2) * MTSUN_SI));
}

/** The IMRPhenomD model for the registry. */
export const imrPhenomD: FrequencyListModel = {
  name: NAME,
  precessing: false,
  only22: true,
  generate: generateIMRPhenomD,
  generateInto: generateIMRPhenomDInto,
  // a frequency list is a non-uniform grid: the kernel re-anchors its recurrences wherever the step is not small
  generateAt: (freqs, params) => generateIMRPhenomD({ frequencies: freqs }, params),
  generateAtInto: (freqs, params, out) => generateIMRPhenomDInto({ frequencies: freqs }, params, out),
  supportEndHz: phenomDSupportEndHz,
};
