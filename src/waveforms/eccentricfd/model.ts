/**
 * EccentricFD (Yunes, Arun, Berti, Will 2009, arXiv:0906.0313; Huerta et al. 2014, arXiv:1408.3406) as
 * LALSimulation's `XLALSimInspiralChooseFDWaveform(..., EccentricFD)` produces it (LALSimInspiralEccentricityFD.c):
 * a non-spinning inspiral with eccentricity e_0 at f_min, post-circular phase (3.5PN, O(e_0^8)) and restricted
 * amplitudes in the first 10 harmonics of the orbital frequency:
 *
 *   h+,x(f) = -sqrt(5/384) pi^{-2/3} Mc^{5/6}/r f^{-7/6} sum_{l=1}^{10} Theta(l f_ISCO - f) (l/2)^{2/3}
 *             zeta+,x_l(f) exp(i [pi/4 + (l/2)^{8/3} Psi(f) - 2 pi t_c f + l phi_ref]),
 *
 * Psi the eccentric TaylorF2 phase, zeta the harmonic amplitudes (coefficients.ts), t_c = -1/df LAL's epoch,
 * f_ISCO = 6^{-3/2}/(pi M). ChooseFDWaveform passes the inclination as the polar angle and longAscNodes as the
 * azimuth beta of the line of sight; f_ref and the mean anomaly are not used; m1 < m2 is the same waveform.
 * e_0 = 0 is quasi-circular TaylorF2 phasing with a 0PN amplitude in h+ and hx (l = 2 only).
 *
 * Frequency range (LAL's): uniform grid, bins ceil(f_min/df) .. min(n, floor(f_max/df + 1)) - 1, each
 * harmonic zero above l f_ISCO, so every bin above 10 f_ISCO is exactly 0; non-uniform grid, f_min <= f <= f_max
 * with t_c = 0.
 */
import { invalid } from '../../core/errors.js';
import type { FrequencyGrid } from '../../core/grid.js';
import { intoRange } from '../into-range.js';
import { zeroBins } from '../kernel-helpers.js';
import { lalEpochSeconds } from '../taylorf2.js';
import type { GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformModel, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { fillEccentricFD } from './kernel.js';
import { setupEccentricFD } from './setup.js';

const NAME = 'EccentricFD';

function validateEccentric(params: WaveformParams): void {
  validateParams(params, NAME, true);
  // LAL ignores aligned spins here; a bank with a spin coordinate would get a flat direction, so refuse them
  if (params.s1z !== 0 || params.s2z !== 0) invalid('aligned spins (s1z, s2z)', [params.s1z, params.s2z], `must be 0 for the non-spinning model ${NAME} (TaylorF2Ecc is eccentric with aligned spins)`);
  const e = params.eccentricity ?? 0;
  if (!(e >= 0 && e < 1)) invalid('eccentricity', e, `must be in [0, 1) for ${NAME} (its expansion is meant for e <= 0.5)`);
  const beta = params.longAscNodes ?? 0;
  if (!Number.isFinite(beta)) invalid('longAscNodes', beta, 'must be a finite angle in rad');
}

/** Write bins [kLo, kHi) of EccentricFD on `grid` into hp (and hc when not null). */
function fill(grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  validateEccentric(params);
  const s = setupEccentricFD(params);
  const freqs = grid.frequencies;
  const n = freqs.length;
  // last frequency any harmonic reaches: l_max f_ISCO (LAL's Heaviside at l = 10 for e_0 > 0)
  const fLast = (s.active[s.active.length - 1] * s.fUpper) / 2;
  if (grid.df !== undefined) {
    const kStart = Math.max(kLo, Math.ceil(params.fMinHz / grid.df));
    const kEnd = Math.min(kHi, n, Math.floor(params.fMaxHz / grid.df + 1));
    const cycles = lalEpochSeconds(grid.df) * grid.df;
    const epochPerBin = -2 * Math.PI * (cycles - Math.round(cycles));
    zeroBins(hp, hc, kLo, Math.min(kHi, kStart));
    zeroBins(hp, hc, Math.max(kLo, kEnd), kHi);
    if (kEnd > kStart) fillEccentricFD(s, freqs, kStart, kEnd, -Infinity, fLast, epochPerBin, hp, hc);
  } else {
    fillEccentricFD(s, freqs, kLo, kHi, params.fMinHz, Math.min(params.fMaxHz, fLast), 0, hp, hc);
  }
}

/**
 * EccentricFD h+ and hx on a grid (interleaved complex, 1/Hz), LAL conventions (see the file header).
 * @throws MbankError on unphysical parameters, spins, or eccentricity outside [0, 1)
 */
export function generateEccentricFD(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fill(grid, params, hp, hc, 0, n);
  return { hp, hc };
}

/**
 * EccentricFD into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and out.hc
 * when given) get bitwise generateEccentricFD's values; no output allocation (no recurrence crosses bins).
 * @throws MbankError as generateEccentricFD, or when an output array is shorter than 2 kHi
 */
export function generateEccentricFDInto(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  const { kLo, kHi, hc } = intoRange(grid.frequencies.length, out, opts);
  fill(grid, params, out.hp, hc, kLo, kHi);
}

/** The EccentricFD model for the registry (10 harmonics: not 22-only; non-precessing). */
export const eccentricFD: WaveformModel = {
  name: NAME,
  precessing: false,
  only22: false,
  nonSpinning: true,
  eccentric: true,
  generate: generateEccentricFD,
  generateInto: generateEccentricFDInto,
};
