/**
 * The cheap metric estimate of the fitting factor (mbank utils.compute_injections_metric_match):
 * the injection is projected to the bank's variable format, the metric M is computed there, and
 * FF_metric = max over templates of 1 - dtheta^T M dtheta, dtheta = theta_template - theta_inj
 * (arXiv:2302.00436 Eq. 7). mbank takes M from the tile holding the injection; we compute it at the
 * injection itself. Values can be negative far from every template.
 */
import { invalid } from '../core/errors.js';
import type { BBHComponents } from '../coordinates/components.js';
import { computeMetric } from '../metric/compute.js';
import type { MetricType } from '../metric/metric.js';
import { MetricWorkspace, type MetricOptions } from '../metric/workspace.js';

/** Metric-match estimate for one injection: the best value, its template, and the metric's validity. */
export interface MetricMatchResult {
  metricMatch: number;
  template: number;
  /** False when the metric at the injection was not positive definite (metricMatch is then NaN). */
  valid: boolean;
  /** Indices of the `nearest` templates in metric distance, closest first (when asked for and valid). */
  nearest?: Int32Array;
}

/** Metric-match estimates against a bank given by its coordinates (N x D row-major). */
export class MetricMatchEstimator {
  readonly ws: MetricWorkspace;
  private readonly coords: Float64Array;
  private readonly type: MetricType;
  /** Reused per injection: squared metric distances to every template, and the quickselect copy. */
  private dist = new Float64Array(0);
  private scratch = new Float64Array(0);

  constructor(options: MetricOptions, coordinates: Float64Array, type: MetricType = 'hessian') {
    this.ws = new MetricWorkspace(options);
    if (coordinates.length === 0 || coordinates.length % this.ws.format.D !== 0) {
      invalid('bank coordinates', coordinates.length, `must be N x D values with D = ${this.ws.format.D} (${this.ws.format.names.join(', ')})`);
    }
    this.coords = coordinates;
    this.type = type;
  }

  /**
   * Estimate for an injection given by its physical components; with `nearest` > 0 also the indices
   * of that many templates closest in metric distance (a candidate preselection for the true match).
   */
  estimate(c: BBHComponents, nearest = 0): MetricMatchResult {
    const theta = this.ws.format.fromPhysical(c);
    const r = computeMetric(this.ws, theta, this.type);
    if (!r.positiveDefinite) return { metricMatch: NaN, template: -1, valid: false };
    const N = this.coords.length / this.ws.format.D;
    if (this.dist.length !== N) this.dist = new Float64Array(N);
    const arg = metricDistancesSq(this.coords, theta, r.metric, this.dist);
    const out: MetricMatchResult = { metricMatch: 1 - this.dist[arg], template: arg, valid: true };
    if (nearest > 0) {
      if (this.scratch.length !== N) this.scratch = new Float64Array(N);
      out.nearest = nearestIndices(this.dist, nearest, this.scratch);
    }
    return out;
  }

  /** Number of templates of the bank. */
  get size(): number {
    return this.coords.length / this.ws.format.D;
  }

  /**
   * The k templates nearest in metric distance to the point of the last {@link estimate} call that
   * asked for neighbours (its first entries are that call's list: same order, ties by index).
   */
  nearestAgain(k: number): Int32Array {
    return nearestIndices(this.dist, k, this.scratch);
  }
}

/**
 * out[i] = dtheta^T M dtheta with dtheta = points[i] - theta (points N x D row-major, M D x D
 * symmetric) written as sum_a M_aa d_a^2 + 2 sum_{a<b} M_ab d_a d_b; returns the index of the
 * smallest (first on ties). The hot loop of the metric preselection: millions of templates per
 * injection, so it allocates nothing and touches each coordinate once.
 */
export function metricDistancesSq(points: Float64Array, theta: ArrayLike<number>, M: ArrayLike<number>, out: Float64Array): number {
  const D = theta.length;
  const N = points.length / D;
  const w = new Float64Array((D * (D + 1)) / 2);
  for (let a = 0, k = 0; a < D; a++) for (let b = a; b < D; b++, k++) w[k] = (a === b ? 1 : 2) * M[a * D + b];
  const t = Float64Array.from(theta);
  const d = new Float64Array(D);
  let best = Infinity, arg = 0;
  for (let i = 0, o = 0; i < N; i++, o += D) {
    for (let a = 0; a < D; a++) d[a] = points[o + a] - t[a];
    let q = 0;
    for (let a = 0, k = 0; a < D; a++) {
      const da = d[a];
      let row = 0;
      for (let b = a; b < D; b++, k++) row += w[k] * d[b];
      q += da * row;
    }
    out[i] = q;
    if (q < best) { best = q; arg = i; }
  }
  return arg;
}

/**
 * Indices of the k smallest values of `dist`, smallest first (ties by index): the k-th smallest value
 * by quickselect on a copy (O(N), so a bank of millions costs milliseconds per injection), then only
 * the indices at or below it are sorted. `scratch` (length >= N) avoids allocating the copy.
 */
export function nearestIndices(dist: Float64Array, k: number, scratch?: Float64Array): Int32Array {
  const N = dist.length;
  k = Math.min(k, N);
  if (k <= 0) return new Int32Array(0);
  const copy = scratch && scratch.length >= N ? scratch.subarray(0, N) : new Float64Array(N);
  copy.set(dist);
  const threshold = kthSmallest(copy, k - 1);
  const picked: number[] = [];
  for (let i = 0; i < N; i++) if (dist[i] <= threshold) picked.push(i);
  picked.sort((a, b) => dist[a] - dist[b] || a - b);
  return Int32Array.from(picked.slice(0, k));
}

/** The value of rank r (0-based) of `a` (reordered in place): Hoare quickselect with median-of-three pivots. */
function kthSmallest(a: Float64Array, r: number): number {
  let lo = 0, hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const x = a[lo], y = a[mid], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i]; a[i] = a[j]; a[j] = t;
        i++; j--;
      }
    }
    if (r <= j) hi = j;
    else if (r >= i) lo = i;
    else return a[r];
  }
  return a[r];
}
