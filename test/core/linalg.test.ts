import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { inverse, solveLinear } from '../../src/core/linalg.js';

describe('solveLinear', () => {
  it('solves a system that needs row pivoting to the rounding of its condition', () => {
    // zero leading pivot: elimination without row exchanges would divide by 0
    const a = Float64Array.from([0, 2, 1, 3, 1, 4, -1, 2, 2, 0, 3, 1, 5, 1, 1, -2]);
    const x = [1.5, -2, 0.25, 3];
    const b = Array.from({ length: 4 }, (_, i) => x.reduce((s, xj, j) => s + a[4 * i + j] * xj, 0));
    const got = solveLinear(a, b, 4);
    for (let i = 0; i < 4; i++) expect(Math.abs(got[i] - x[i])).toBeLessThan(1e-13); // achieved 8.9e-16
  });

  it('throws an MbankError naming the system when A is singular', () => {
    const a = Float64Array.from([1, 2, 2, 4]);
    expect(() => solveLinear(a, [1, 2], 2, 'collocation system')).toThrow(MbankError);
    expect(() => solveLinear(a, [1, 2], 2, 'collocation system')).toThrow(/collocation system of size 2 is singular/);
  });
});

describe('inverse', () => {
  it('gives A A^-1 = I for a matrix that needs row pivoting', () => {
    const a = Float64Array.from([0, 2, 1, 3, 1, 4, -1, 2, 2, 0, 3, 1, 5, 1, 1, -2]);
    const inv = inverse(a, 4);
    let worst = 0;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += a[4 * i + k] * inv[4 * k + j];
        worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-13); // achieved 1.3e-15
  });
});
