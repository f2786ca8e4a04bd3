/**
 * Histogram binning, numpy.histogram conventions: bins are [e_k, e_{k+1}) except the last, which
 * is closed [e_{n-1}, e_n]; values outside the range and non-finite values (or weights) are skipped.
 */
import { bisectRight } from 'd3-array';
import { invalid } from '../core/errors.js';

/** Options of `histogram`. */
export interface BinningOptions {
  /** Number of equal bins (default 30) or explicit increasing edges. */
  bins?: number | ArrayLike<number>;
  /** [min, max] of the bins (default: min and max of the finite values). */
  range?: readonly [number, number];
  /** Log-spaced bins (range must be > 0; non-positive values are skipped). */
  logBins?: boolean;
  /** Per-value weights (default 1). */
  weights?: ArrayLike<number>;
  /** Normalise to a probability density (sum counts x width = 1, before `cumulative`). */
  density?: boolean;
  /** Running sum over the bins (normalised to end at 1 when `density` is set). */
  cumulative?: boolean;
}

/** Bin edges (length n + 1) and counts (length n). */
export interface Histogram {
  edges: Float64Array;
  counts: Float64Array;
}

/** Equal bins on [lo, hi] (log-spaced when `log`). */
export function binEdges(lo: number, hi: number, n: number, log = false): Float64Array {
  if (!Number.isInteger(n) || n < 1) invalid('bins', n, 'must be an integer >= 1');
  if (log && !(lo > 0)) invalid('range[0]', lo, 'must be > 0 for log-spaced bins');
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  const edges = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    edges[k] = log ? Math.pow(10, Math.log10(lo) + ((Math.log10(hi) - Math.log10(lo)) * k) / n) : lo + ((hi - lo) * k) / n;
  }
  edges[0] = lo;
  edges[n] = hi;
  return edges;
}

/** Index of the bin holding v (-1 if outside; the last edge belongs to the last bin): d3-array's bisection over increasing edges. */
export function binIndex(edges: ArrayLike<number>, v: number): number {
  const n = edges.length - 1;
  if (!(v >= edges[0] && v <= edges[n])) return -1;
  return v === edges[n] ? n - 1 : bisectRight(edges, v) - 1;
}

/** Histogram of the finite values (see `BinningOptions`). */
export function histogram(values: ArrayLike<number>, options: BinningOptions = {}): Histogram {
  const { weights, logBins = false } = options;
  if (weights !== undefined && weights.length !== values.length) invalid('weights.length', weights.length, `must equal values.length = ${values.length}`);
  const ok = (i: number) => Number.isFinite(values[i]) && (!logBins || values[i] > 0) && (weights === undefined || Number.isFinite(weights[i]));
  let edges: Float64Array;
  if (options.bins !== undefined && typeof options.bins !== 'number') {
    edges = Float64Array.from(options.bins);
    if (edges.length < 2) invalid('bins', options.bins, 'must have at least 2 edges');
    for (let k = 1; k < edges.length; k++) if (!(edges[k] > edges[k - 1])) invalid('bins', options.bins, 'edges must be strictly increasing');
  } else {
    let lo = options.range?.[0] ?? Infinity;
    let hi = options.range?.[1] ?? -Infinity;
    if (options.range === undefined) {
      for (let i = 0; i < values.length; i++) if (ok(i)) { lo = Math.min(lo, values[i]); hi = Math.max(hi, values[i]); }
      if (!(lo <= hi)) { lo = logBins ? 1 : 0; hi = logBins ? 10 : 1; }
    } else if (!(hi >= lo)) invalid('range', options.range, 'must be [min, max] with max >= min');
    edges = binEdges(lo, hi, options.bins ?? 30, logBins);
  }
  const n = edges.length - 1;
  const counts = new Float64Array(n);
  for (let i = 0; i < values.length; i++) {
    if (!ok(i)) continue;
    const k = binIndex(edges, values[i]);
    if (k >= 0) counts[k] += weights === undefined ? 1 : weights[i];
  }
  if (options.density) {
    let total = 0;
    for (let k = 0; k < n; k++) total += counts[k];
    if (total > 0) for (let k = 0; k < n; k++) counts[k] /= options.cumulative ? total : total * (edges[k + 1] - edges[k]);
  }
  if (options.cumulative) for (let k = 1; k < n; k++) counts[k] += counts[k - 1];
  return { edges, counts };
}

/** 2-D histogram: counts[i * nx + j] for x bin j and y bin i; non-finite pairs skipped. */
export function histogram2d(x: ArrayLike<number>, y: ArrayLike<number>, xEdges: ArrayLike<number>, yEdges: ArrayLike<number>): Float64Array {
  if (x.length !== y.length) invalid('y.length', y.length, `must equal x.length = ${x.length}`);
  const nx = xEdges.length - 1;
  const ny = yEdges.length - 1;
  const counts = new Float64Array(nx * ny);
  for (let i = 0; i < x.length; i++) {
    const j = binIndex(xEdges, x[i]);
    const k = binIndex(yEdges, y[i]);
    if (j >= 0 && k >= 0) counts[k * nx + j] += 1;
  }
  return counts;
}
