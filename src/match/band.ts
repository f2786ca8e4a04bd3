/**
 * Band of frequency bins used by every inner product, pycbc's get_cutoff_indices
 * (pycbc/filter/matchedfilter.py): the half-open [kmin, kmax) with kmin = floor(fLow/df) and
 * kmax = min(floor(fHigh/df), n - 1), so the Nyquist bin n - 1 of a length-n one-sided series is
 * never included (the LAL test vectors use exactly this band).
 */
import { invalid } from '../core/errors.js';

/** Half-open bin range [kmin, kmax). */
export interface Band {
  readonly kmin: number;
  readonly kmax: number;
}

/**
 * Band indices for a one-sided series of n bins spaced df [Hz] and the band [fLowHz, fHighHz]:
 * kmin = floor(fLowHz/df), kmax = min(floor(fHighHz/df), n - 1). Throws if the band is empty.
 */
export function bandIndices(df: number, n: number, fLowHz: number, fHighHz: number): Band {
  if (!(df > 0) || !Number.isFinite(df)) invalid('df', df, 'must be a positive finite frequency spacing in Hz');
  if (!Number.isInteger(n) || n < 2) invalid('n', n, 'must be an integer >= 2 (number of frequency bins)');
  if (!(fLowHz >= 0) || !Number.isFinite(fLowHz)) invalid('fLow', fLowHz, 'must be a finite frequency >= 0 Hz');
  if (!(fHighHz > fLowHz) || !Number.isFinite(fHighHz)) invalid('fHigh', fHighHz, `must be finite and larger than fLow = ${fLowHz} Hz`);
  const kmin = Math.floor(fLowHz / df);
  const kmax = Math.min(Math.floor(fHighHz / df), n - 1);
  if (kmin >= kmax) {
    invalid('fLow', fLowHz, `leaves no bins below fHigh = ${fHighHz} Hz and the Nyquist bin ${(n - 1) * df} Hz (df = ${df} Hz, n = ${n})`);
  }
  return { kmin, kmax };
}
