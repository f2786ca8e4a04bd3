/**
 * Metric geometry used by the placement: metric distances, a reference metric and the linear
 * whitening y = L^T x (M_ref = L L^T) under which metric ellipses are roughly round, and bounds
 * (bounding boxes, eigenvalue bounds) that let a Euclidean spatial index preselect candidates
 * before the exact metric check. Metric match of a displacement dθ: 1 - dθ^T M dθ (arXiv:2302.00436 eq. 7).
 */
import { invalid } from '../core/errors.js';
import { cholesky, inverse, slogdet, symmetricEigen } from '../core/linalg.js';

/** Squared metric distance dθ^T M dθ between rows a and b (M dim x dim row-major). */
export function metricDistance2(metric: Float64Array, a: ArrayLike<number>, b: ArrayLike<number>, dim: number): number {
  let s = 0;
  for (let i = 0; i < dim; i++) {
    const di = a[i] - b[i];
    let row = 0;
    for (let j = 0; j < dim; j++) row += metric[i * dim + j] * (a[j] - b[j]);
    s += di * row;
  }
  return s;
}

/**
 * Reference metric: the mean of the metrics scaled to unit determinant, M_i / det(M_i)^(1/D), so the
 * shape of typical ellipses, not their size, sets the whitening. Non positive-definite inputs are skipped.
 */
export function referenceMetric(metrics: Float64Array[], dim: number): Float64Array {
  const ref = new Float64Array(dim * dim);
  let used = 0;
  for (const m of metrics) {
    const { sign, logAbsDet } = slogdet(m, dim);
    if (sign <= 0 || !Number.isFinite(logAbsDet) || cholesky(m, dim) === null) continue;
    const s = Math.exp(-logAbsDet / dim);
    for (let k = 0; k < dim * dim; k++) ref[k] += s * m[k];
    used++;
  }
  if (used === 0) invalid('metrics', `${metrics.length} matrices`, 'need at least one positive-definite metric');
  for (let k = 0; k < dim * dim; k++) ref[k] /= used;
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (ref[i * dim + j] + ref[j * dim + i]);
      ref[i * dim + j] = v;
      ref[j * dim + i] = v;
    }
  }
  return ref;
}

/** The linear map y = L^T x with L L^T = M_ref, so |y_a - y_b|^2 = (x_a - x_b)^T M_ref (x_a - x_b). */
export class Whitening {
  readonly dim: number;
  /** L^T, row-major. */
  private readonly lt: Float64Array;
  /** L (lower Cholesky factor of M_ref), row-major. */
  private readonly l: Float64Array;

  constructor(reference: Float64Array, dim: number) {
    const l = cholesky(reference, dim);
    if (l === null) invalid('reference metric', reference, 'must be positive definite');
    this.dim = dim;
    this.l = l;
    this.lt = new Float64Array(dim * dim);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) this.lt[i * dim + j] = l[j * dim + i];
  }

  /** y = L^T x for one row x; written into `out` (length dim). */
  apply(x: ArrayLike<number>, out: Float64Array): Float64Array {
    const d = this.dim;
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = i; j < d; j++) s += this.lt[i * d + j] * x[j];
      out[i] = s;
    }
    return out;
  }

  /** y = L^T x for every row of `rows` (n x dim). */
  applyAll(rows: Float64Array): Float64Array {
    const d = this.dim;
    const n = rows.length / d;
    const out = new Float64Array(rows.length);
    for (let r = 0; r < n; r++) this.apply(rows.subarray(r * d, (r + 1) * d), out.subarray(r * d, (r + 1) * d));
    return out;
  }

  /**
   * Half-widths, in whitened coordinates, of the bounding box of the ellipse {dθ : dθ^T M dθ <= d2}:
   * h_k = sqrt(d2 (L^T M^-1 L)_kk) = sqrt(d2) |C^-1 l_k| with M = C C^T (Cholesky) and l_k the k-th column of L.
   * Any point of the ellipse lies within the box (exact bound). Through the Cholesky factor, not an LU inverse:
   * a nearly flat direction (TaylorF2Ecc's e at e = 0, where dh/de = 0) gives a wide box instead of a zero pivot.
   * @throws MbankError when M is not positive definite
   */
  ellipseHalfWidths(metric: Float64Array, d2: number, out: Float64Array = new Float64Array(this.dim)): Float64Array {
    const d = this.dim;
    const c = cholesky(metric, d);
    if (c === null) invalid('metric', metric, 'must be positive definite');
    const z = new Float64Array(d);
    for (let k = 0; k < d; k++) {
      // z = C^-1 l_k by forward substitution
      let norm2 = 0;
      for (let i = 0; i < d; i++) {
        let s = this.l[i * d + k];
        for (let j = 0; j < i; j++) s -= c[i * d + j] * z[j];
        z[i] = s / c[i * d + i];
        norm2 += z[i] * z[i];
      }
      out[k] = Math.sqrt(d2 * norm2);
    }
    return out;
  }

  /**
   * Smallest eigenvalue of L^-1 M L^-T (the metric M seen in whitened coordinates), so that
   * dθ^T M dθ >= λ_min |dy|^2: a metric ball of squared radius d2 lies within the Euclidean ball
   * of radius sqrt(d2 / λ_min) in whitened coordinates.
   */
  minRelativeEigenvalue(metric: Float64Array): number {
    const d = this.dim;
    const linv = inverse(this.l, d);
    const tmp = new Float64Array(d * d);
    const w = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += linv[i * d + k] * metric[k * d + j];
      tmp[i * d + j] = s;
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += tmp[i * d + k] * linv[j * d + k];
      w[i * d + j] = s;
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) {
      const v = 0.5 * (w[i * d + j] + w[j * d + i]);
      w[i * d + j] = v;
      w[j * d + i] = v;
    }
    return symmetricEigen(w, d).values[0];
  }
}

/** Whether a symmetric dim x dim metric is positive definite (Cholesky succeeds) and finite. */
export function isPositiveDefinite(metric: Float64Array, dim: number): boolean {
  if (metric.length !== dim * dim) return false;
  for (let k = 0; k < metric.length; k++) if (!Number.isFinite(metric[k])) return false;
  return cholesky(metric, dim) !== null;
}
