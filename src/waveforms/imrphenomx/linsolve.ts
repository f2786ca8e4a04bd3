/**
 * Solve a small dense linear system A x = b (row-major n x n) by LU decomposition with partial
 * pivoting (core/linalg luDecompose), as the PhenomX collocation systems are solved in LAL (GSL LU).
 */
import { MbankError } from '../../core/errors.js';
import { luDecompose } from '../../core/linalg.js';

/** x with A x = b; throws MbankError when A is singular. */
export function solveLinear(a: Float64Array, b: ArrayLike<number>, n: number): Float64Array {
  const { lu, perm, singular } = luDecompose(a, n);
  if (singular) throw new MbankError(`IMRPhenomX collocation system of size ${n} is singular`);
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
