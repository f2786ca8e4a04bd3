import { describe, expect, it } from 'vitest';
import { uniformGrid } from '../../src/core/grid.js';
import { interpolatePsd } from '../../src/psd/interpolate.js';
import { parsePsdText } from '../../src/psd/read.js';

describe('PSD interpolation onto a grid', () => {
  const table = parsePsdText('10 1e-23\n20 3e-23\n40 1e-22\n', 't.txt', { asd: true });

  it('is linear in the PSD (not the ASD) between table points', () => {
    const out = interpolatePsd(table, Float64Array.from([15, 12.5, 30]));
    expect(out[0]).toBeCloseTo(0.5 * (1e-46 + 9e-46), 60);
    expect(out[0] / (0.5 * (1e-46 + 9e-46))).toBeCloseTo(1, 14);
    expect(out[1] / (0.75 * 1e-46 + 0.25 * 9e-46)).toBeCloseTo(1, 14);
    expect(out[2] / (0.5 * (9e-46 + 1e-44))).toBeCloseTo(1, 14);
    // the ASD-linear value would differ by far more than rounding
    expect(Math.abs(out[0] - Math.pow(2e-23, 2)) / out[0]).toBeGreaterThan(0.1);
  });

  it('reproduces the table exactly at its own frequencies, including both ends', () => {
    const out = interpolatePsd(table, table.frequencies);
    expect(Array.from(out)).toEqual(Array.from(table.psd));
  });

  it('marks bins outside the table range as excluded (Infinity), never extrapolated', () => {
    const grid = uniformGrid(2.5, 50);
    const out = interpolatePsd(table, grid.frequencies);
    grid.frequencies.forEach((f, k) => {
      if (f < 10 || f > 40) expect(out[k]).toBe(Infinity);
      else expect(Number.isFinite(out[k])).toBe(true);
    });
  });

  it('gives the same values for an unsorted grid', () => {
    const f = Float64Array.from([37, 11, 25, 5, 19.9]);
    const sorted = Float64Array.from([...f].sort((a, b) => a - b));
    const a = interpolatePsd(table, f), b = interpolatePsd(table, sorted);
    f.forEach((x, i) => expect(a[i]).toBe(b[sorted.indexOf(x)]));
  });
});
