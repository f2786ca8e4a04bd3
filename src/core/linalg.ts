/**
 * Small dense float64 linear algebra for D x D matrices (D <= ~20), row-major Float64Array:
 * LU with partial pivoting, linear solve, log|det|, inverse, Cholesky, symmetric eigen-decomposition (Jacobi).
 */
import { MbankError } from './errors.js';

/**
 * LU decomposition with partial pivoting of a copy of A (n x n; the copy is a typed-array slice: a
 * generic copy made it ~20% of the IMRPhenomXAS set-up, whose collocation systems go through solveLinear).
 */
export function luDecompose(a: Float64Array, n: number): { lu: Float64Array; perm: Int32Array; sign: number; singular: boolean } {
  const lu = a.slice(0, n * n);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    let maxv = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]);
      if (v > maxv) { maxv = v; p = i; }
    }
    if (maxv === 0) { singular = true; continue; }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]; lu[k * n + j] = lu[p * n + j]; lu[p * n + j] = t;
      }
      const t = perm[k]; perm[k] = perm[p]; perm[p] = t;
      sign = -sign;
    }
    const piv = lu[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k] /= piv);
      if (f !== 0) for (let j = k + 1; j < n; j++) lu[i * n + j] -= f * lu[k * n + j];
    }
  }
  return { lu, perm, sign, singular };
}

/**
 * x with A x = b (A n x n, row-major) by LU with partial pivoting, as LAL solves the PhenomX collocation
 * systems (GSL LU); throws MbankError naming `what` when A is singular.
 */
export function solveLinear(a: Float64Array, b: ArrayLike<number>, n: number, what = 'linear system'): Float64Array {
  const { lu, perm, singular } = luDecompose(a, n);
  if (singular) throw new MbankError(`${what} of size ${n} is singular`);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[perm[i]];
  substitute(lu, n, x);
  return x;
}

/** Solve L U x = x in place (forward then back substitution; L has a unit diagonal, both stored in `lu`). */
function substitute(lu: Float64Array, n: number, x: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let j = 0; j < i; j++) s -= lu[i * n + j] * x[j];
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j] * x[j];
    x[i] = s / lu[i * n + i];
  }
}

/** sign and log|det A| of an n x n matrix. */
export function slogdet(a: Float64Array, n: number): { sign: number; logAbsDet: number } {
  const { lu, sign, singular } = luDecompose(a, n);
  if (singular) return { sign: 0, logAbsDet: -Infinity };
  let s = sign;
  let l = 0;
  for (let i = 0; i < n; i++) {
    const d = lu[i * n + i];
    if (d < 0) s = -s;
    l += Math.log(Math.abs(d));
  }
  return { sign: s, logAbsDet: l };
}

/** Inverse of an n x n matrix; throws MbankError when singular. */
export function inverse(a: Float64Array, n: number): Float64Array {
  const { lu, perm, singular } = luDecompose(a, n);
  if (singular) throw new MbankError('matrix is singular and has no inverse');
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) col[i] = perm[i] === j ? 1 : 0;
    substitute(lu, n, col);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i];
  }
  return inv;
}

/** Lower Cholesky factor L (A = L L^T) of a symmetric matrix, or null when A is not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  return l;
}

/**
 * Eigen-decomposition of a symmetric n x n matrix by cyclic Jacobi rotations.
 * Returns eigenvalues ascending and eigenvectors as columns of `vectors` (row-major n x n).
 */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      scale += m[i * n + i] ** 2;
      for (let j = i + 1; j < n; j++) off += m[i * n + j] ** 2;
    }
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p], mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k], mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i * n + i] - m[j * n + j]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  return { values, vectors };
}
