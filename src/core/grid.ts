/**
 * Frequency grids and complex arrays.
 *
 * Complex series are interleaved Float64Arrays: element k is (a[2k], a[2k+1]) = (re, im).
 * A grid is a list of frequencies [Hz]; the uniform grid f_k = k df, k = 0..n-1 (starting at 0 Hz,
 * as LALSimulation's frequency-domain output) is the common case and carries `df` so that FFT-based
 * code can rely on it. Models that take a grid must read frequencies from `frequencies`, so a
 * non-uniform grid (e.g. multibanding) can be passed later.
 */
import { invalid } from './errors.js';

/** Interleaved complex array (re, im, re, im, ...). */
export type ComplexArray = Float64Array;

/** A frequency grid; `df` is set only when f_k = k df exactly. */
export interface FrequencyGrid {
  /** Frequencies [Hz], length n. */
  readonly frequencies: Float64Array;
  /** Spacing [Hz] when the grid is uniform from 0 Hz, else undefined. */
  readonly df?: number;
}

/** Largest frequency grid accepted (2^24 bins: 128 MiB per complex array); a smaller df is a typo, not a plan. */
export const MAX_GRID_BINS = 2 ** 24;

/** The uniform grid f_k = k df, k = 0 .. floor(fMaxHz/df) (so n = floor(fMaxHz/df) + 1 bins). */
export function uniformGrid(df: number, fMaxHz: number): FrequencyGrid {
  if (!(df > 0) || !Number.isFinite(df)) invalid('df', df, 'must be a positive finite frequency spacing in Hz');
  if (!(fMaxHz > 0) || !Number.isFinite(fMaxHz)) invalid('fMax', fMaxHz, 'must be a positive finite frequency in Hz');
  const n = Math.floor(fMaxHz / df + 1e-9) + 1;
  if (n > MAX_GRID_BINS) invalid('df', df, `gives ${n} frequency bins up to ${fMaxHz} Hz: at most ${MAX_GRID_BINS} (raise df or lower f-max)`);
  return uniformGridN(df, n);
}

/** The uniform grid f_k = k df with exactly n bins. */
export function uniformGridN(df: number, n: number): FrequencyGrid {
  if (!Number.isInteger(n) || n < 2) invalid('n', n, 'must be an integer >= 2');
  const frequencies = new Float64Array(n);
  for (let k = 0; k < n; k++) frequencies[k] = k * df;
  return { frequencies, df };
}
