/**
 * Template duration estimates from the post-Newtonian chirp time: the time a non-spinning binary
 * takes to go from frequency f to coalescence (point-particle inspiral, no merger/ringdown).
 * Reference: Allen, Anderson, Brady, Brown, Creighton, "FINDCHIRP", PRD 85 122006 (2012),
 * arXiv:gr-qc/0509116 (the chirp time PyCBC's `spa_length_in_time` computes for TaylorF2).
 */
import { MTSUN_SI } from '../core/constants.js';
import { invalid } from '../core/errors.js';

function checkInputs(mass1: number, mass2: number, fLowHz: number): void {
  if (!(mass1 > 0) || !Number.isFinite(mass1)) invalid('mass1', mass1, 'must be a finite number > 0 (solar masses)');
  if (!(mass2 > 0) || !Number.isFinite(mass2)) invalid('mass2', mass2, 'must be a finite number > 0 (solar masses)');
  if (!(fLowHz > 0) || !Number.isFinite(fLowHz)) invalid('fLowHz', fLowHz, 'must be a finite number > 0 (Hz)');
}

/**
 * Newtonian (0PN) chirp time tau0 = 5 / (256 eta) M v^-8 [s], v = (pi M f)^(1/3), M = (m1 + m2) G/c^3.
 * Equivalently 5/256 (pi f)^(-8/3) Mc^(-5/3) with the chirp mass Mc in seconds.
 */
export function chirpTime0PN(mass1: number, mass2: number, fLowHz: number): number {
  checkInputs(mass1, mass2, fLowHz);
  const mTot = (mass1 + mass2) * MTSUN_SI;
  const eta = (mass1 * mass2) / (mass1 + mass2) ** 2;
  const v = Math.cbrt(Math.PI * mTot * fLowHz);
  return (5 / (256 * eta)) * mTot / v ** 8;
}

/**
 * 2PN chirp time [s]: tau0 [1 + (743/252 + 11/3 eta) v^2 - 32 pi/5 v^3 + (3058673/508032 + 5429/504 eta
 * + 617/72 eta^2) v^4]. Spins are ignored. Where the bracket is not positive (very high masses at
 * high v, where the series is meaningless) the 0PN value is returned instead.
 */
export function chirpTime2PN(mass1: number, mass2: number, fLowHz: number): number {
  checkInputs(mass1, mass2, fLowHz);
  const mTot = (mass1 + mass2) * MTSUN_SI;
  const eta = (mass1 * mass2) / (mass1 + mass2) ** 2;
  const v = Math.cbrt(Math.PI * mTot * fLowHz);
  const v2 = v * v;
  const bracket = 1 + (743 / 252 + (11 / 3) * eta) * v2 - ((32 * Math.PI) / 5) * v2 * v
    + (3058673 / 508032 + (5429 / 504) * eta + (617 / 72) * eta * eta) * v2 * v2;
  const tau0 = (5 / (256 * eta)) * mTot / v ** 8;
  return bracket > 0 ? tau0 * bracket : tau0;
}

/** Template durations [s] for a bank: the 2PN chirp time from fLowHz of each template (see `chirpTime2PN`). */
export function templateDurations(mass1: Float64Array, mass2: Float64Array, fLowHz: number): Float64Array {
  const out = new Float64Array(mass1.length);
  for (let i = 0; i < out.length; i++) out[i] = chirpTime2PN(mass1[i], mass2[i], fLowHz);
  return out;
}
