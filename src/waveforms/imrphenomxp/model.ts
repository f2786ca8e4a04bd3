/**
 * IMRPhenomXP (Pratten et al. arXiv:2004.06503) as LALSimulation's `XLALSimInspiralChooseFDWaveform(..., IMRPhenomXP)`
 * produces it with LAL's defaults (LALSimIMRPhenomX.c IMRPhenomXPGenerateFD, LALSimIMRPhenomX_precession.c;
 * PrecVersion 300 = 223, MSA angles, NNLO fall-back): the IMRPhenomXAS (2,2) mode with the precessing final spin's
 * ringdown frequencies and phi_ref = 0 (Convention 1) as the co-precessing mode h22, twisted up per frequency
 * (twist.ts) with the angles of angles.ts and rotated by 2 zeta.
 *
 * Frequency range as IMRPhenomXAS: on a uniform grid bins floor(f_min/df) .. floor(min(f_max, f_cut)/df),
 * f_cut = 0.3/M (0.33 when chi_eff > 0.99); on a non-uniform grid the bins with f_min <= f <= f_end. Every
 * other bin is exactly 0. f_ref = 0 means f_min; m1 <= m2 is the call with the bodies swapped.
 *
 * Speed: the MSA angles (LAL evaluates them at every frequency) come from piecewise Chebyshev interpolants in v
 * built per waveform over its band (interpolant.ts: 160 direct evaluations, each piece checked against the direct
 * evaluation; pieces that fail, e.g. around a kink of LAL's |.|, are evaluated directly). They reproduce the direct
 * angles to ~6e-13 of (1 + max|angle|), the direct evaluation's own rounding noise, and the waveforms agree with
 * LAL to 4e-13 of max|h| as before.
 */
import type { FrequencyGrid } from '../../core/grid.js';
import { YLM, fillPhenomX } from '../imrphenomx/fill.js';
import { phenomXBins, setupPhenomX, type PhenomXSetup } from '../imrphenomx/model.js';
import { setupPhenomXSystem } from '../imrphenomx/setup.js';
import { intoRange } from '../into-range.js';
import type { FrequencyListModel, GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformParams } from '../types.js';
import { validateParams } from '../validate.js';
import { precessionAnglesAt } from './angles.js';
import { buildAngleInterpolant, interpolatedAnglesAtV } from './interpolant.js';
import { setupPrecession, type PrecessionSetup } from './setup.js';
import { twistUp22 } from './twist.js';

const NAME = 'IMRPhenomXP';
/** fillPhenomX factors that make its h+ the bare co-precessing h22 (it multiplies by YLM). */
const BARE_22 = { plus: 1 / YLM, cross: 0 };

/** Lower end of the angle interpolant, in units of f_min (a uniform grid's first bin lies at most df below f_min). */
export const INTERPOLANT_LOW = 0.9;

/** Both set-ups of one IMRPhenomXP waveform. */
export interface PhenomXPSetup {
  /** The co-precessing (2,2) mode's IMRPhenomXAS set-up (precessing ringdown, phi_ref = 0). */
  xas: PhenomXSetup;
  prec: PrecessionSetup;
}

/** The set-ups of `params`: precession first (it sets the final spin the XAS (2,2) mode uses). */
export function setupPhenomXP(params: WaveformParams): PhenomXPSetup {
  const system = setupPhenomXSystem(params);
  const prec = setupPrecession(params, system);
  const xas = setupPhenomX({ ...params, phiRef: 0 }, { ...system, aFinal: prec.aFinal, fRing: prec.fRing, fDamp: prec.fDamp });
  return { xas, prec };
}

/** Write bins [kLo, kHi) of h+ (and hx when given): co-precessing h22 into hp, then twisted up in place. */
function fillPhenomXP(s: PhenomXPSetup, grid: FrequencyGrid, fMinHz: number, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const r = phenomXBins(grid, fMinHz, s.xas.fEndHz);
  fillPhenomX(s.xas, grid.frequencies, r.start, r.stop, r.fLoHz, r.fHiHz, BARE_22, hp, null, kLo, kHi);
  const freqs = grid.frequencies;
  const prec = s.prec;
  const ang = new Float64Array(3);
  const work = new Float64Array(2);
  const tw = new Float64Array(4);
  const cz = Math.cos(2 * prec.zetaPolarization);
  const sz = Math.sin(2 * prec.zetaPolarization);
  // the interpolant spans [0.9 f_min, f_cut] whatever f_max, the grid and [kLo, kHi): generate, generateInto and
  // generateAt give the same values; bins below 0.9 f_min (df > f_min / 10) are evaluated directly
  const ip = buildAngleInterpolant(prec, INTERPOLANT_LOW * fMinHz, s.xas.system.fCutHz);
  const piM = Math.PI * prec.mSec;
  const k1 = Math.min(kHi, r.stop);
  for (let k = Math.max(kLo, r.start); k < k1; k++) {
    const re = hp[2 * k];
    const im = hp[2 * k + 1];
    if (re === 0 && im === 0) {
      if (hc !== null) hc[2 * k] = hc[2 * k + 1] = 0;
      continue;
    }
    if (ip === null || !interpolatedAnglesAtV(ip, Math.cbrt(piM * freqs[k]), ang)) precessionAnglesAt(prec, freqs[k], ang, work);
    twistUp22(re, im, ang[0], ang[1], ang[2], prec.y2, tw);
    hp[2 * k] = cz * tw[0] + sz * tw[2];
    hp[2 * k + 1] = cz * tw[1] + sz * tw[3];
    if (hc !== null) {
      hc[2 * k] = cz * tw[2] - sz * tw[0];
      hc[2 * k + 1] = cz * tw[3] - sz * tw[1];
    }
  }
  if (hc !== null) {
    for (let k = kLo; k < kHi; k++) {
      if (k < r.start || k >= r.stop) hc[2 * k] = hc[2 * k + 1] = 0;
    }
  }
}

/**
 * IMRPhenomXP h+ and hx on a grid (interleaved complex, 1/Hz), LAL conventions (see the file header).
 * @throws MbankError on unphysical parameters or f_min at or above the cutoff 0.3/M
 */
export function generateIMRPhenomXP(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  validateParams(params, NAME, false);
  const s = setupPhenomXP(params);
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fillPhenomXP(s, grid, params.fMinHz, hp, hc, 0, n);
  return { hp, hc };
}

/**
 * IMRPhenomXP into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and out.hc
 * when given) get bitwise the values of generateIMRPhenomXP; other bins are untouched.
 * @throws MbankError as generateIMRPhenomXP, or when an output array is shorter than 2 kHi
 */
export function generateIMRPhenomXPInto(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  validateParams(params, NAME, false);
  const s = setupPhenomXP(params);
  const { kLo, kHi, hc } = intoRange(grid.frequencies.length, out, opts);
  fillPhenomXP(s, grid, params.fMinHz, out.hp, hc, kLo, kHi);
}

/** The IMRPhenomXP model for the registry (the twisted-up 22: one slowly modulated phase, so generateAt is valid). */
export const imrPhenomXP: FrequencyListModel = {
  name: NAME,
  precessing: true,
  only22: false,
  generate: generateIMRPhenomXP,
  generateInto: generateIMRPhenomXPInto,
  generateAt: (freqs, params) => generateIMRPhenomXP({ frequencies: freqs }, params),
  generateAtInto: (freqs, params, out) => generateIMRPhenomXPInto({ frequencies: freqs }, params, out),
  supportEndHz: (params) => Math.min(params.fMaxHz, setupPhenomXSystem(params).fCutHz),
};
