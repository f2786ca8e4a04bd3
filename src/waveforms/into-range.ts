/**
 * The argument handling every model's `generateInto` shares (WaveformModel.generateInto): the bin range
 * [kLo, kHi) clipped to the grid, and the check that the caller's arrays hold it.
 */
import { invalid } from '../core/errors.js';
import type { GenerateIntoOptions, PolarizationBuffers } from './types.js';

/** Bins [kLo, kHi) to write and the hx array (null when hx is not wanted). */
export interface IntoRange {
  kLo: number;
  kHi: number;
  hc: Float64Array | null;
}

/**
 * kLo = max(0, opts.kLo ?? 0), kHi = min(n, opts.kHi ?? n) for a grid of n bins, and out.hc or null.
 * @throws MbankError when out.hp (or out.hc, when given) holds fewer than 2 kHi numbers
 */
export function intoRange(n: number, out: PolarizationBuffers, opts?: GenerateIntoOptions): IntoRange {
  const kLo = Math.max(0, opts?.kLo ?? 0);
  const kHi = Math.min(n, opts?.kHi ?? n);
  const hc = out.hc ?? null;
  if (out.hp.length < 2 * kHi || (hc !== null && hc.length < 2 * kHi)) {
    invalid('out', `arrays of length ${out.hp.length}${hc !== null ? `, ${hc.length}` : ''}`, `must hold 2 kHi = ${2 * kHi} numbers`);
  }
  return { kLo, kHi, hc };
}
