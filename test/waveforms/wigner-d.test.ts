import { describe, expect, it } from 'vitest';
import { spinWeightedYRow, wignerColumn, wignerColumnAt, wignerD } from '../../src/waveforms/imrphenomxphm/wigner-d.js';
import { ylmMinus2 } from '../../src/waveforms/spin-weighted-ylm.js';

const BETAS = [0.1, 0.7, 1.3, 2.0, 2.9, Math.PI];
const half = (b: number): [number, number] => [Math.cos(b / 2), Math.sin(b / 2)];
const d = (l: number, m: number, mp: number, b: number): number => wignerD(l, m, mp, ...half(b));

describe('Wigner small-d matrices', () => {
  it('are the identity at beta = 0 (exactly)', () => {
    for (const l of [2, 3, 4]) {
      for (let m = -l; m <= l; m++) for (let mp = -l; mp <= l; mp++) expect(d(l, m, mp, 0)).toBe(m === mp ? 1 : 0);
    }
  });

  it('are orthogonal matrices: sum_m d_{m a} d_{m b} = delta_ab', () => {
    let worst = 0;
    for (const l of [2, 3, 4]) {
      for (const b of BETAS) {
        for (let a = -l; a <= l; a++) {
          for (let c = -l; c <= l; c++) {
            let sum = 0;
            for (let m = -l; m <= l; m++) sum += d(l, m, a, b) * d(l, m, c, b);
            worst = Math.max(worst, Math.abs(sum - (a === c ? 1 : 0)));
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-13); // achieved 8.9e-16
  });

  it('compose as rotations about one axis: d(b1) d(b2) = d(b1 + b2)', () => {
    let worst = 0;
    for (const l of [2, 3, 4]) {
      for (let m = -l; m <= l; m++) {
        for (let mp = -l; mp <= l; mp++) {
          let sum = 0;
          for (let k = -l; k <= l; k++) sum += d(l, m, k, 0.4) * d(l, k, mp, 1.1);
          worst = Math.max(worst, Math.abs(sum - d(l, m, mp, 1.5)));
        }
      }
    }
    expect(worst).toBeLessThan(5e-14); // achieved 5.6e-16
  });

  it('obey d_{m m\'} = (-1)^{m - m\'} d_{m\' m} = d_{-m\' -m} and d(-beta) = d(beta)^T', () => {
    let worst = 0;
    for (const l of [2, 3, 4]) {
      for (const b of BETAS) {
        for (let m = -l; m <= l; m++) {
          for (let mp = -l; mp <= l; mp++) {
            const x = d(l, m, mp, b);
            const sign = (m - mp) % 2 === 0 ? 1 : -1;
            worst = Math.max(worst, Math.abs(x - sign * d(l, mp, m, b)), Math.abs(x - d(l, -mp, -m, b)), Math.abs(x - d(l, mp, m, -b)));
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-15); // achieved 0 (the same monomials)
  });

  it('match the closed forms of arXiv:2004.06503 appendix A (LAL\'s d21, d33, d32, d44 rows)', () => {
    const b = 1.234;
    const [c, s] = half(b);
    const closed: [number, number, number, number][] = [
      [2, -1, 1, 3 * c ** 2 * s ** 2 - s ** 4],
      [2, 0, 1, Math.sqrt(6) * (c ** 3 * s - c * s ** 3)],
      [2, 1, 1, c ** 2 * (c ** 2 - 3 * s ** 2)],
      [3, 0, 3, 2 * Math.sqrt(5) * c ** 3 * s ** 3],
      [3, 1, 2, Math.sqrt(10) * c ** 3 * (c ** 2 * s - 2 * s ** 3)],
      [3, 0, 2, Math.sqrt(30) * c ** 2 * (c ** 2 - s ** 2) * s ** 2],
      [3, 3, 2, -Math.sqrt(6) * c ** 5 * s],
      [4, -1, 4, 2 * Math.sqrt(14) * c ** 3 * s ** 5],
      [4, 0, 4, Math.sqrt(70) * c ** 4 * s ** 4],
      [4, 0, 3, 2 * Math.sqrt(35) * (c ** 5 * s ** 3 - c ** 3 * s ** 5)],
    ];
    for (const [l, m, mp, v] of closed) expect(Math.abs(d(l, m, mp, b) - v)).toBeLessThan(1e-15); // achieved 2.2e-16
  });

  it('evaluate a column from the flat table as the scalar function does (to rounding)', () => {
    const cp = new Float64Array(9);
    const sp = new Float64Array(9);
    const out = new Float64Array(9);
    for (const [l, mp] of [[2, 2], [2, 1], [3, 3], [3, 2], [4, 4], [2, -2]]) {
      const col = wignerColumn(l, mp);
      wignerColumnAt(col, ...half(0.8), cp, sp, out);
      for (let m = -l; m <= l; m++) expect(Math.abs(out[m + l] - d(l, m, mp, 0.8))).toBeLessThan(1e-15); // achieved 1.1e-16 (powers by products)
    }
  });

  it('give the spin-weight -2 harmonics of LAL\'s closed forms', () => {
    for (const theta of [0.3, 1.0, 2.5]) {
      for (const [l, m] of [[2, -2], [2, -1], [2, 1], [2, 2], [3, -3], [3, -2], [3, 2], [3, 3], [4, -4], [4, 4]]) {
        expect(Math.abs(spinWeightedYRow(l, theta)[m + l] - ylmMinus2(l, m, theta, 0)[0])).toBeLessThan(1e-15); // achieved 1.1e-16
      }
      const y20 = Math.sqrt(15 / (32 * Math.PI)) * Math.sin(theta) ** 2;
      expect(Math.abs(spinWeightedYRow(2, theta)[2] - y20)).toBeLessThan(1e-15);
    }
  });

  it('rejects an element outside the matrix', () => {
    expect(() => wignerD(2, 3, 0, 1, 0)).toThrow(/\(2, 3, 0\)/);
  });
});
