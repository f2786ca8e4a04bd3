/**
 * IMRPhenomPv2 (Hannam et al. arXiv:1308.3271; Bohe et al. LIGO-T1500602) as LALSimulation's `XLALSimInspiralChooseFDWaveform(..., IMRPhenomPv2)`
 * produces it (LALSimIMRPhenomP.c, LALSimInspiralGeneratorLegacy.c). Per frequency, with Mf = f M MTSUN_SI:
 *
 *   hP(f)  = M^2 MRSUN_SI MTSUN_SI / r  A_D(Mf) exp(-i [phi_D(Mf) - 2 phi_aligned])   (IMRPhenomD core, chi_l and
 *            the final spin sign(a) sqrt(a^2 + (chi_p m_big^2)^2)),
 *   h+ = e^{-2 i eps} hP/2 sum_m [e^{-i m alpha} d^2_{-2,m}(beta) Y_m + e^{i m alpha} d^2_{2,m}(beta) Y_m],
 *   hx = e^{-2 i eps} hP/2 sum_m i [e^{-i m alpha} d^2_{-2,m}(beta) Y_m - e^{i m alpha} d^2_{2,m}(beta) Y_m],
 *
 * Y_m = -2Y_{2m}(thetaJN, 0), alpha and epsilon the NNLO PN angles minus their values at f_ref (alpha0
 * added back), cos beta = 1/sqrt(1 + (S_perp/(L_2PN + S_L))^2); then times exp(-2 pi i f t_c) (see
 * time-shift.ts) and rotated by the polarisation angle zeta: h+' = cos 2z h+ + sin 2z hx,
 * hx' = cos 2z hx - sin 2z h+.
 *
 * Frequency range (LAL's): on a uniform grid bins k = floor(f_min/df) .. floor(f_end/df) - 1, f_end =
 * min(f_max, 0.2/(M MTSUN_SI)); on a non-uniform grid the bins with f_min <= f < f_end. Every other bin is 0.
 * f_ref = 0 means f_min; m1 < m2 gives the call with the bodies (mass and spin vector) swapped, bit for bit
 * as in LAL, except that J_z = L + m1^2 s1z + m2^2 s2z is summed in the order given (LAL does the same), which
 * can move a frame angle by one ulp.
 *
 * Speed (kernel.ts, the precessing mode of imrphenomd/core-kernel.ts shared with IMRPhenomD): per bin f^{-1/3}, ln f, the merger-ringdown exp and atan and e^{i alpha} carried by short
 * recurrences between anchors, one sqrt for the opening angle (Wigner-d products, l = 2 harmonics and the zeta
 * rotation folded into ten constants) and one table-based cos/sin (core/sincos.ts) for the overall phase.
 * Agrees with LAL's direct evaluation to ~5e-13 of max|h|. `generateInto` fills caller-owned arrays (h+ alone
 * if hx is not wanted) with bitwise the values of `generate`, for any [kLo, kHi).
 */
import type { FrequencyGrid } from '../../core/grid.js';
import { phenomDBins, phenomDSupportEndHz } from '../imrphenomd/model.js';
import type { FrequencyListModel, GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { intoRange } from '../into-range.js';
import { fill } from './kernel.js';
import { setupPhenomPv2 } from './setup.js';

const NAME = 'IMRPhenomPv2';

/**
 * IMRPhenomPv2 h+ and hx on a grid (interleaved complex, 1/Hz), LAL conventions (see the file header).
 * @throws MbankError on unphysical parameters, chi_p > 1, or f_min at or above the cutoff 0.2/M
 */
export function generateIMRPhenomPv2(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  validateParams(params, NAME, false);
  const s = setupPhenomPv2(params);
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  const range = phenomDBins(grid, params.fMinHz, s.fEndHz);
  fill(s, grid.frequencies, range.start, range.stop, range.fLoHz, range.fHiHz, hp, hc, range.start, range.stop);
  return { hp, hc };
}

/**
 * IMRPhenomPv2 into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and
 * out.hc when given) are written with bitwise the values of generateIMRPhenomPv2 (zero outside the model's
 * support); other bins are untouched; nothing of the grid's length is allocated.
 * @throws MbankError as generateIMRPhenomPv2, or when an output array is shorter than 2 kHi
 */
export function generateIMRPhenomPv2Into(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  validateParams(params, NAME, false);
  const s = setupPhenomPv2(params);
  const n = grid.frequencies.length;
  const { kLo, kHi, hc } = intoRange(n, out, opts);
  const range = phenomDBins(grid, params.fMinHz, s.fEndHz);
  fill(s, grid.frequencies, range.start, range.stop, range.fLoHz, range.fHiHz, out.hp, hc, kLo, kHi);
}

/** The IMRPhenomPv2 model for the registry (its h+, hx: the twisted-up 22 mode, one slowly modulated phase). */
export const imrPhenomPv2: FrequencyListModel = {
  name: NAME,
  precessing: true,
  only22: false,
  generate: generateIMRPhenomPv2,
  generateInto: generateIMRPhenomPv2Into,
  generateAt: (freqs, params) => generateIMRPhenomPv2({ frequencies: freqs }, params),
  generateAtInto: (freqs, params, out) => generateIMRPhenomPv2Into({ frequencies: freqs }, params, out),
  // the same cut-off as IMRPhenomD: Mf = 0.2 of the total mass
  supportEndHz: phenomDSupportEndHz,
};
