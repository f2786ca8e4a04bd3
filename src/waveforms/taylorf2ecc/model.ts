/**
 * TaylorF2Ecc: TaylorF2 (aligned spins, 3.5PN phase, Newtonian amplitude) plus the eccentric phase correction at
 * leading order in e0, to 3PN (Moore, Favata, Arun & Mishra 2016, arXiv:1605.00304), as LALSimulation's
 * `XLALSimInspiralChooseFDWaveform(..., TaylorF2Ecc)` produces it with default settings
 * (LALSimInspiralTaylorF2Ecc.c, LALSimInspiralGeneratorLegacy.c):
 *
 *   h(f) = TaylorF2's h(f) exp(-i [Psi_ecc(f) - Psi_ecc(f_ref)]),  Psi_ecc from phasing.ts,
 *
 * with the eccentricity e0 given at f_ecc = f_ref, or f_min when f_ref = 0 (LAL's default when the LALDict has no
 * f_ecc), all eccentric orders (eccO = -1), no tides, every spin order. Same frequency support, epoch, phi_ref,
 * inclination and amplitude as TaylorF2 (taylorf2.ts): the eccentric term is added inside TaylorF2's kernel, so
 * e0 = 0 is TaylorF2 bit for bit. LAL's TaylorF2Ecc uses neither the mean anomaly nor longAscNodes.
 * Not checked against LAL output (none on this machine): the tests hold it to the paper's closed form.
 */
import { MTSUN_SI } from '../../core/constants.js';
import { invalid } from '../../core/errors.js';
import type { FrequencyGrid } from '../../core/grid.js';
import { intoRange } from '../into-range.js';
import { fillTaylorF2, taylorF2EndFrequencyHz } from '../taylorf2.js';
import type { FrequencyListModel, GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformParams } from '../types.js';
import { eccentricPhaseSeries, type EccentricPhaseSeries } from './phasing.js';

const NAME = 'TaylorF2Ecc';

/** Frequency [Hz] at which TaylorF2Ecc's eccentricity is defined: f_ref, or f_min when f_ref = 0 (LAL's default f_ecc). */
export function eccentricityFrequencyHz(params: WaveformParams): number {
  return params.fRefHz !== 0 ? params.fRefHz : params.fMinHz;
}

/** Check e0 in [0, 1) and longAscNodes = 0, then the eccentric phase series of `params`. */
function eccentricSeries(params: WaveformParams): EccentricPhaseSeries {
  const e0 = params.eccentricity ?? 0;
  if (!(e0 >= 0 && e0 < 1)) invalid('eccentricity', e0, `must be in [0, 1) for ${NAME} (leading order in e0: meant for e0 <~ 0.2)`);
  const beta = params.longAscNodes ?? 0;
  if (beta !== 0) invalid('longAscNodes', beta, `must be 0 for ${NAME} (LAL's TaylorF2Ecc does not use it)`);
  const mTotal = params.m1 + params.m2;
  const eta = (params.m1 * params.m2) / (mTotal * mTotal);
  const fEcc = eccentricityFrequencyHz(params);
  const v0 = Math.cbrt(Math.PI * mTotal * MTSUN_SI * fEcc);
  return eccentricPhaseSeries(eta, e0, v0);
}

/**
 * TaylorF2Ecc h+ and hx on a grid (interleaved complex, 1/Hz), TaylorF2's support and conventions (see the header).
 * @throws MbankError on unphysical parameters, eccentricity outside [0, 1) or non-zero longAscNodes
 */
export function generateTaylorF2Ecc(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fillTaylorF2(grid, params, hp, hc, 0, n, eccentricSeries(params), NAME);
  return { hp, hc };
}

/**
 * TaylorF2Ecc into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and out.hc when
 * given) get bitwise generateTaylorF2Ecc's values; other bins untouched; no output allocation.
 * @throws MbankError as generateTaylorF2Ecc, or when an output array is shorter than 2 kHi
 */
export function generateTaylorF2EccInto(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  const { kLo, kHi, hc } = intoRange(grid.frequencies.length, out, opts);
  fillTaylorF2(grid, params, out.hp, hc, kLo, kHi, eccentricSeries(params), NAME);
}

/** The TaylorF2Ecc model for the registry (aligned spins, eccentric, 22 mode only). */
export const taylorF2Ecc: FrequencyListModel = {
  name: NAME,
  precessing: false,
  only22: true,
  eccentric: true,
  generate: generateTaylorF2Ecc,
  generateInto: generateTaylorF2EccInto,
  // a frequency list is a non-uniform grid: f_min <= f <= f_end, t_c = 0 (as TaylorF2)
  generateAt: (freqs, params) => generateTaylorF2Ecc({ frequencies: freqs }, params),
  generateAtInto: (freqs, params, out) => generateTaylorF2EccInto({ frequencies: freqs }, params, out),
  supportEndHz: taylorF2EndFrequencyHz,
};
