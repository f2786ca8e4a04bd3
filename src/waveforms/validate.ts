/**
 * Checks shared by every model: physical masses and spins, frequency ordering. Throws MbankError
 * naming the parameter, its value and what is allowed.
 */
import { invalid } from '../core/errors.js';
import type { WaveformParams } from './types.js';

/** Validate the common parameters; `alignedOnly` rejects in-plane spins for non-precessing models. */
export function validateParams(p: WaveformParams, model: string, alignedOnly: boolean): void {
  for (const key of ['m1', 'm2'] as const) {
    if (!(p[key] > 0) || !Number.isFinite(p[key])) invalid(key, p[key], 'must be a positive mass in solar masses');
  }
  for (const key of ['s1x', 's1y', 's1z', 's2x', 's2y', 's2z', 'inclination', 'phiRef', 'fRefHz'] as const) {
    if (!Number.isFinite(p[key])) invalid(key, p[key], 'must be a finite number');
  }
  const chi1 = Math.hypot(p.s1x, p.s1y, p.s1z);
  const chi2 = Math.hypot(p.s2x, p.s2y, p.s2z);
  if (chi1 >= 1) invalid('|s1|', chi1, 'spin magnitude must be < 1');
  if (chi2 >= 1) invalid('|s2|', chi2, 'spin magnitude must be < 1');
  if (alignedOnly && (p.s1x !== 0 || p.s1y !== 0 || p.s2x !== 0 || p.s2y !== 0)) {
    invalid('in-plane spins (s1x, s1y, s2x, s2y)', [p.s1x, p.s1y, p.s2x, p.s2y], `must be 0 for the aligned-spin model ${model}`);
  }
  if (!(p.distanceMpc > 0) || !Number.isFinite(p.distanceMpc)) invalid('distance', p.distanceMpc, 'must be a positive distance in Mpc');
  if (!(p.fMinHz > 0) || !Number.isFinite(p.fMinHz)) invalid('f_min', p.fMinHz, 'must be a positive frequency in Hz');
  if (!(p.fMaxHz > p.fMinHz)) invalid('f_max', p.fMaxHz, `must be greater than f_min = ${p.fMinHz} Hz`);
  if (p.fRefHz < 0) invalid('f_ref', p.fRefHz, 'must be >= 0 (0 selects the model default)');
}
