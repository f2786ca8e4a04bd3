/**
 * Per-mode quantities of IMRPhenomXHM (LAL's IMRPhenomXHM_SetHMWaveformVariables for the default release
 * 122022): the mode's QNM ringdown and damping frequencies, its MECO frequency m/2 f_MECO, the reconstruction
 * versions of the amplitude (inspiral: collocation points 1, 2, 3; intermediate: 6 equispaced nodes with the
 * digits of 211112, 110102 for the (2,1); ringdown: 3 collocation values, fitted coefficients for the (3,2))
 * and the time shift of the hybrids. Frequencies are geometric (M f). Conventions: m1 >= m2.
 */
import type { PhenomXSystem } from '../imrphenomx/setup.js';
import { psi4ToStrain } from '../imrphenomx/final-state.js';
import {
  qnmFdamp21, qnmFdamp32, qnmFdamp33, qnmFdamp44, qnmFring21, qnmFring32, qnmFring33, qnmFring44,
} from './qnm-fits.js';

/** The four higher modes (l, m) of IMRPhenomXHM, in LAL's order of modeInt. */
export const HM_MODES = [[2, 1], [3, 3], [3, 2], [4, 4]] as const;

/** Scalars of one (l, m) mode. */
export interface HMMode {
  ell: number;
  emm: number;
  /** 10 l + m, and LAL's index 0..3 of (21, 33, 32, 44). */
  tag: number;
  modeInt: number;
  /** True for the (3,2) (spheroidal-spherical mixing with the 22). */
  mixing: boolean;
  /** True when the mode vanishes (odd m, equal masses and spins). */
  zero: boolean;
  /** m/2 f_MECO of the 22. */
  fMECOlm: number;
  /** Ringdown and damping frequencies of the mode (units of 1/M). */
  fRing: number;
  fDamp: number;
  /** Digits of the intermediate-amplitude version: 0 skip, 1 value, 2 value and slope, per node. */
  interNodes: readonly number[];
  /** Ringdown-amplitude ansatz version (1: fitted coefficients, 2: three collocation values). */
  rdAmpVersion: 1 | 2;
  /** Number of intermediate-phase collocation points (6 for the (3,2), else 5). */
  nInterPhase: number;
  /** Time shift of the hybrids, -2 pi (500 + psi4-to-strain) (LAL's DeltaT). */
  deltaT: number;
  /** Boundary between comparable and extreme mass ratios of the phase (eta). */
  etaEMR: number;
}

const FRING = [qnmFring21, qnmFring33, qnmFring32, qnmFring44];
const FDAMP = [qnmFdamp21, qnmFdamp33, qnmFdamp32, qnmFdamp44];

/** The (l, m) mode of a system; `modeInt` indexes HM_MODES. */
export function setupMode(s: PhenomXSystem, modeInt: number): HMMode {
  const [ell, emm] = HM_MODES[modeInt];
  const tag = 10 * ell + emm;
  const equal = s.eta === 0.25 && s.chi1 === s.chi2;
  return {
    ell, emm, tag, modeInt,
    mixing: tag === 32,
    zero: (tag === 21 || tag === 33) && equal,
    fMECOlm: s.fMECO * emm * 0.5,
    fRing: FRING[modeInt](s.aFinal) / s.mFinal,
    fDamp: FDAMP[modeInt](s.aFinal) / s.mFinal,
    interNodes: tag === 21 ? [1, 1, 0, 1, 0, 2] : [2, 1, 1, 1, 1, 2],
    rdAmpVersion: tag === 32 ? 1 : 2,
    nInterPhase: tag === 32 ? 6 : 5,
    deltaT: -2 * Math.PI * (500 + psi4ToStrain(s.eta, s.sTotR, s.dchi)),
    etaEMR: 0.05,
  };
}
