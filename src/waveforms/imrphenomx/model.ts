/**
 * IMRPhenomXAS (Pratten et al. arXiv:2001.11412) as LALSimulation's
 * `XLALSimInspiralChooseFDWaveform(..., IMRPhenomXAS)` produces it with default options
 * (LALSimIMRPhenomX.c, XLALSimIMRPhenomXASGenerateFD):
 *
 *   h22(f) = amp0 (Mf)^{-7/6} a(Mf) exp(i [phi(Mf)/eta + tshift (Mf) + phiRefTerm]),
 *   phiRefTerm = -(phi(Mf_ref)/eta + tshift Mf_ref) + 2 phi_ref + pi/4,
 *   h+ = -2 sqrt(5/(64 pi)) 1/2 (1 + cos^2 iota) h22,  hx = -i cos(iota) (-2 sqrt(5/(64 pi))) h22,
 *
 * with a and phi from amplitude.ts / phase.ts and the time shift
 * tshift = linb - phi'(f_ring - f_damp)/eta - 2 pi (500 + psi4ToStrain) (peak of the strain near t = 0).
 * Hence arg h+(f_ref) = -3 pi/4 at phi_ref = 0, iota = 0.
 *
 * Frequency range (LAL's): on a uniform grid (`grid.df` set) bins k = floor(f_min/df) .. floor(f_end/df)
 * are filled (the first may lie below f_min; the last, at or below f_end, is included) with
 * f_end = min(f_max, f_cut), f_cut = 0.3/(M MTSUN_SI) (0.33 when chi_eff > 0.99); on a non-uniform grid
 * the bins with f_min <= f <= f_end. Every other bin is exactly 0.
 * f_ref = 0 means f_ref = f_min; m1 < m2 is the call with the bodies swapped.
 * The per-bin kernel (fill.ts) carries powers, logs, exp and atan from bin to bin: values agree with the
 * scalar region functions (amplitude.ts, phase.ts) and with LAL to ~2e-12 of max|h|. `generateInto` fills
 * caller-owned arrays (h+ alone if hx is not wanted) with bitwise the values of `generate`, for any [kLo, kHi).
 */
import { invalid } from '../../core/errors.js';
import type { FrequencyGrid } from '../../core/grid.js';
import { inclinationFactors } from '../polarizations.js';
import type { FrequencyListModel, GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { intoRange } from '../into-range.js';
import { ampCoefficients, type PhenomXAmpCoefficients } from './amplitude.js';
import { linbFit, psi4ToStrain } from './final-state.js';
import { dPhasePhenomX, phaseCoefficients, phasePhenomX, type PhenomXPhaseCoefficients } from './phase.js';
import { setupPhenomXSystem, type PhenomXSystem } from './setup.js';
import { fillPhenomX, warmUpFillPhenomX } from './fill.js';

const NAME = 'IMRPhenomXAS';

/** Everything the per-bin loop needs for one waveform. */
export interface PhenomXSetup {
  system: PhenomXSystem;
  amp: PhenomXAmpCoefficients;
  phase: PhenomXPhaseCoefficients;
  /** Linear time shift (coefficient of Mf in the phase) and constant phase offset [rad]. */
  tShift: number;
  phiOffset: number;
  /** Reference frequency used [Hz] and f_end = min(f_max, f_cut) [Hz]. */
  fRefHz: number;
  fEndHz: number;
}

/**
 * Per-waveform set-up: system, coefficients, time and phase alignment. `system` defaults to
 * setupPhenomXSystem(params); IMRPhenomXP passes one with its precessing ringdown frequencies.
 */
export function setupPhenomX(params: WaveformParams, system: PhenomXSystem = setupPhenomXSystem(params)): PhenomXSetup {
  if (!(system.fCutHz > params.fMinHz)) {
    invalid('f_min', params.fMinHz, `must be below the IMRPhenomXAS cutoff ${system.mfCut}/M = ${system.fCutHz} Hz`);
  }
  const amp = ampCoefficients(system);
  const phase = phaseCoefficients(system);
  const { eta, sTotR, dchi, delta, fRing, fDamp } = system;
  const tShift = linbFit(eta, sTotR, dchi, delta) - dPhasePhenomX(phase, fRing - fDamp) / eta -
    2 * Math.PI * (500 + psi4ToStrain(eta, sTotR, dchi));
  const fRefHz = params.fRefHz === 0 ? params.fMinHz : params.fRefHz;
  const mfRef = fRefHz * system.mSec;
  const phiOffset = -(phasePhenomX(phase, mfRef) / eta + tShift * mfRef) + 2 * params.phiRef + Math.PI / 4;
  return { system, amp, phase, tShift, phiOffset, fRefHz, fEndHz: Math.min(params.fMaxHz, system.fCutHz) };
}

/** Bins [start, stop) that IMRPhenomXAS fills, and the frequency test fLoHz <= f <= fHiHz within them (see the file header). */
export function phenomXBins(grid: FrequencyGrid, fMinHz: number, fEndHz: number): { start: number; stop: number; fLoHz: number; fHiHz: number } {
  const n = grid.frequencies.length;
  if (grid.df !== undefined) {
    const start = Math.min(Math.floor(fMinHz / grid.df), n);
    return { start, stop: Math.min(Math.floor(fEndHz / grid.df) + 1, n), fLoHz: -Infinity, fHiHz: fEndHz };
  }
  return { start: 0, stop: n, fLoHz: fMinHz, fHiHz: fEndHz };
}

/**
 * IMRPhenomXAS h+ and hx on a grid (interleaved complex, 1/Hz), LAL conventions (see the file header).
 * @throws MbankError on unphysical parameters, in-plane spins, or f_min at or above the cutoff 0.3/M
 */
export function generateIMRPhenomXAS(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  validateParams(params, NAME, true);
  const s = setupPhenomX(params);
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  const r = phenomXBins(grid, params.fMinHz, s.fEndHz);
  fillPhenomX(s, grid.frequencies, r.start, r.stop, r.fLoHz, r.fHiHz, inclinationFactors(params.inclination), hp, hc, r.start, r.stop);
  return { hp, hc };
}

/**
 * IMRPhenomXAS into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and
 * out.hc when given) are written with bitwise the values of generateIMRPhenomXAS (zero outside the model's
 * support); other bins are untouched; nothing of the grid's length is allocated.
 * @throws MbankError as generateIMRPhenomXAS, or when an output array is shorter than 2 kHi
 */
export function generateIMRPhenomXASInto(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  validateParams(params, NAME, true);
  const s = setupPhenomX(params);
  const n = grid.frequencies.length;
  const { kLo, kHi, hc } = intoRange(n, out, opts);
  const r = phenomXBins(grid, params.fMinHz, s.fEndHz);
  fillPhenomX(s, grid.frequencies, r.start, r.stop, r.fLoHz, r.fHiHz, inclinationFactors(params.inclination), out.hp, hc, kLo, kHi);
}

/** The IMRPhenomXAS model for the registry. */
export const imrPhenomXAS: FrequencyListModel = {
  name: NAME,
  precessing: false,
  only22: true,
  generate: generateIMRPhenomXAS,
  generateInto: generateIMRPhenomXASInto,
  generateAt: (freqs, params) => generateIMRPhenomXAS({ frequencies: freqs }, params),
  generateAtInto: (freqs, params, out) => generateIMRPhenomXASInto({ frequencies: freqs }, params, out),
  // f_end = min(f_max, f_cut), f_cut = 0.3/M (0.33 when chi_eff > 0.99); generateAt fills f <= f_end
  supportEndHz: (params) => Math.min(params.fMaxHz, setupPhenomXSystem(params).fCutHz),
};

warmUpFillPhenomX(setupPhenomX, inclinationFactors(0.5));
