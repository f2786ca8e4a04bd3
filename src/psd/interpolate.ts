/**
 * Interpolation of a tabulated PSD onto the frequencies of a grid.
 *
 * Linear in the PSD (not the ASD, not log): S(f) = S_i + (S_{i+1} - S_i)(f - f_i)/(f_{i+1} - f_i)
 * for f_i <= f <= f_{i+1}, as the LAL test vectors (lal-matches.json) do. A bin outside the table's
 * range [f_0, f_last] is never extrapolated: it gets S = +Infinity, which the match workspace turns
 * into 1/S = 0, i.e. the bin is excluded from every inner product. (LAL's XLALSimNoisePSDFromFile
 * instead interpolates log ASD; the difference is far below the table's own accuracy.)
 */
import type { PsdTable } from './read.js';

/** PSD [1/Hz] at each of `frequencies` [Hz] (any order); +Infinity outside the table's range. */
export function interpolatePsd(table: PsdTable, frequencies: Float64Array): Float64Array {
  const fx = table.frequencies;
  const sx = table.psd;
  const m = fx.length;
  const lo = fx[0];
  const hi = fx[m - 1];
  const out = new Float64Array(frequencies.length);
  let i = 0; // segment index hint: fx[i] <= f < fx[i+1]; a monotone grid never restarts the search
  for (let k = 0; k < frequencies.length; k++) {
    const f = frequencies[k];
    if (!(f >= lo && f <= hi)) {
      out[k] = Infinity;
      continue;
    }
    if (f === hi) {
      out[k] = sx[m - 1];
      continue;
    }
    if (!(fx[i] <= f && f < fx[i + 1])) {
      let a = 0, b = m - 1; // binary search: fx[a] <= f < fx[b]
      while (b - a > 1) {
        const c = (a + b) >> 1;
        if (fx[c] <= f) a = c;
        else b = c;
      }
      i = a;
    }
    const t = (f - fx[i]) / (fx[i + 1] - fx[i]);
    out[k] = sx[i] + t * (sx[i + 1] - sx[i]);
  }
  return out;
}
