/**
 * Analytic metric problems for the placement tests and bench (not a test file itself).
 * `warpedMetric`: the flat metric of the map φ(x) = (k e^{a x0}, k (x1 + c x0^2), k x2, ...) pulled
 * back to x, M = J^T J, so sqrt|det M| = k^D a e^{a x0} varies across the box and the ellipses shear.
 */
import type { MatchOracle, ProbeSource } from '../../src/placement/complete.js';
import type { MetricField } from '../../src/placement/types.js';

export interface WarpedProblem {
  field: MetricField;
  /** sqrt|det M| at each row. */
  sqrtDet: (rows: Float64Array) => Float64Array;
  /** max of sqrt|det M| over the box [0, 1]^D (at x0 = 1). */
  sqrtDetMax: number;
  lo: Float64Array;
  hi: Float64Array;
}

/** The warped flat metric on the unit box [0, 1]^dim (see the module comment). */
export function warpedMetric(dim: number, k: number, a = 1.5, c = 0.6): WarpedProblem {
  const metricAt = (x: ArrayLike<number>): Float64Array => {
    const j = new Float64Array(dim * dim);
    j[0] = k * a * Math.exp(a * x[0]);
    if (dim > 1) {
      j[dim] = 2 * k * c * x[0];
      j[dim + 1] = k;
    }
    for (let i = 2; i < dim; i++) j[i * dim + i] = k;
    const m = new Float64Array(dim * dim);
    for (let r = 0; r < dim; r++) for (let s = 0; s < dim; s++) {
      let v = 0;
      for (let q = 0; q < dim; q++) v += j[q * dim + r] * j[q * dim + s];
      m[r * dim + s] = v;
    }
    return m;
  };
  const field: MetricField = {
    dim,
    metric(theta: Float64Array): Float64Array[] {
      const out: Float64Array[] = [];
      for (let i = 0; i < theta.length / dim; i++) out.push(metricAt(theta.subarray(i * dim, (i + 1) * dim)));
      return out;
    },
  };
  const sqrtDet = (rows: Float64Array) => {
    const w = new Float64Array(rows.length / dim);
    for (let i = 0; i < w.length; i++) w[i] = k ** dim * a * Math.exp(a * rows[i * dim]);
    return w;
  };
  return {
    field, sqrtDet, sqrtDetMax: k ** dim * a * Math.exp(a),
    lo: new Float64Array(dim), hi: new Float64Array(dim).fill(1),
  };
}

/** A constant, correlated metric (same everywhere). */
export function constantMetric(m: Float64Array, dim: number): MetricField {
  return { dim, metric: (theta) => Array.from({ length: theta.length / dim }, () => Float64Array.from(m)) };
}

/** Squared metric distance with the metric at `at`. */
export function dist2(m: Float64Array, a: ArrayLike<number>, b: ArrayLike<number>, dim: number): number {
  let s = 0;
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) s += (a[i] - b[i]) * m[i * dim + j] * (a[j] - b[j]);
  return s;
}

/**
 * Brute-force fraction of `points` (n x dim) that have a template with metric match >= mm,
 * the metric evaluated at the point (as an injection's fitting factor would see it).
 */
export async function heldOutCoverage(field: MetricField, points: Float64Array, templates: Float64Array, dim: number, mm: number): Promise<number> {
  const ms = await field.metric(points);
  const n = points.length / dim;
  const nt = templates.length / dim;
  let covered = 0;
  for (let i = 0; i < n; i++) {
    const p = points.subarray(i * dim, (i + 1) * dim);
    for (let t = 0; t < nt; t++) {
      if (1 - dist2(ms[i], p, templates.subarray(t * dim, (t + 1) * dim), dim) >= mm) {
        covered++;
        break;
      }
    }
  }
  return covered / n;
}

/** Number of distinct rows of an n x D array (a bank must not hold a template twice: PyCBC's template_hash would clash). */
export function distinctRows(rows: Float64Array, D: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < rows.length / D; i++) seen.add(Array.from(rows.subarray(i * D, (i + 1) * D)).join(','));
  return seen.size;
}

/** A MatchOracle of 2-D points from a closed-form true match of (probe, template). */
export function pairOracle(trueMatch: (a: ArrayLike<number>, b: ArrayLike<number>) => number): MatchOracle {
  return {
    matchPairs(probes, probeIds, templates) {
      const out = new Float64Array(probeIds.length);
      for (let i = 0; i < out.length; i++) out[i] = trueMatch(probes.subarray(2 * i, 2 * i + 2), templates.subarray(2 * i, 2 * i + 2));
      return out;
    },
  };
}

/** Probes uniform on [0, 1]^2 (one kind, validated), the four corners first. */
export const unitSquareProbes: ProbeSource = {
  dim: 2,
  kinds: ['uniform'],
  validated: ['uniform'],
  corners: () => Float64Array.from([0, 0, 1, 0, 0, 1, 1, 1]),
  draw(n, rng) {
    const rows = new Float64Array(2 * n);
    for (let i = 0; i < 2 * n; i++) rows[i] = rng.uniform();
    return { rows, kind: new Uint8Array(n) };
  },
};
