/**
 * Solve a small dense linear system A x = b (row-major n x n) by LU decomposition with partial
 * pivoting, as the PhenomX collocation systems are solved in LAL (GSL LU). The elimination is
 * core/linalg luDecompose's, operation for operation (same pivots, same rounding), inlined here on
 * a plain copy of A: luDecompose's generic copy made it ~20% of the IMRPhenomXAS set-up.
 */
import { MbankError } from '../../core/errors.js';

/** x with A x = b; throws MbankError when A is singular. */
export function solveLinear(a: Float64Array, b: ArrayLike<number>, n: number): Float64Array {
  const lu = a.slice(0, n * n);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k;
    let maxv = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]);
      if (v > maxv) { maxv = v; p = i; }
    }
    if (maxv === 0) throw new MbankError(`IMRPhenomX collocation system of size ${n} is singular`);
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]; lu[k * n + j] = lu[p * n + j]; lu[p * n + j] = t;
      }
      const t = perm[k]; perm[k] = perm[p]; perm[p] = t;
    }
    const piv = lu[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k] /= piv);
      if (f !== 0) for (let j = k + 1; j < n; j++) lu[i * n + j] -= f * lu[k * n + j];
    }
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]];
    for (let j = 0; j < i; j++) s -= lu[i * n + j] * x[j];
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j] * x[j];
    x[i] = s / lu[i * n + i];
  }
  return x;
}
