import { describe, expect, it } from 'vitest';
import { formatLinearTicks, formatLogTicks, formatPowerOfTen, linearTicks, logTicks, niceStep } from '../../src/plot/ticks.js';
import { Scale } from '../../src/plot/scale.js';
import { Rng } from '../../src/core/rng.js';

describe('nice-number ticks', () => {
  it('rounds raw steps up to 1, 2 or 5 times a power of ten', () => {
    const cases: Array<[number, number]> = [[1, 1], [1.3, 2], [2, 2], [2.01, 5], [4.9, 5], [5.5, 10], [0.13, 0.2], [0.0021, 0.005], [730, 1000], [0.2 / 0.1 / 10, 0.2]];
    for (const [raw, nice] of cases) expect(niceStep(raw)).toBeCloseTo(nice, 12);
  });

  it('puts ticks on multiples of the step, inside the interval, about target of them', () => {
    expect(linearTicks(0, 10, 5).ticks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(linearTicks(-0.03, 0.97, 5).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    // A coarse step would leave only 0 inside: the step is refined to keep two labelled ticks.
    expect(linearTicks(-4.3e-4, 4.3e-4, 3).ticks).toEqual([-4e-4, -2e-4, 0, 2e-4, 4e-4]);
    const rng = new Rng(11);
    for (let trial = 0; trial < 200; trial++) {
      const lo = (rng.uniform() - 0.5) * Math.pow(10, 6 * rng.uniform() - 3);
      const hi = lo + Math.pow(10, 8 * rng.uniform() - 4);
      const target = 2 + Math.floor(8 * rng.uniform());
      const { ticks, step } = linearTicks(lo, hi, target);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(2 * target + 1);
      const mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
      for (const t of ticks) {
        expect(t).toBeGreaterThanOrEqual(lo - 1e-9 * step);
        expect(t).toBeLessThanOrEqual(hi + 1e-9 * step);
        expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-6);
        expect(Object.is(t, -0)).toBe(false);
      }
    }
  });

  it('labels linear ticks with the decimals the step needs and exponents for extreme values', () => {
    expect(formatLinearTicks([0, 0.5, 1], 0.5)).toEqual(['0.0', '0.5', '1.0']);
    expect(formatLinearTicks([0.94, 0.96, 0.98], 0.02)).toEqual(['0.94', '0.96', '0.98']);
    expect(formatLinearTicks([-20, 0, 20], 20)).toEqual(['-20', '0', '20']);
    expect(formatLinearTicks([0, 2e5, 4e5], 2e5)).toEqual(['0', '2e5', '4e5']);
  });
});

describe('log-axis ticks', () => {
  it('puts major ticks on every power of ten and minor ticks on 2..9 times them', () => {
    const t = logTicks(1e-3, 1e2);
    expect(t.major).toEqual([1e-3, 1e-2, 1e-1, 1, 10, 100]);
    expect(t.decades).toBe(true);
    expect(t.minor).toContain(2e-3);
    expect(t.minor).toContain(90);
    expect(t.minor.length).toBe(8 * 5);
    for (const m of t.minor) expect(t.major).not.toContain(m);
    expect(formatLogTicks([1e-3, 1, 100], true)).toEqual(['10\u207b\u00b3', '10\u2070', '10\u00b2']);
    expect(formatPowerOfTen(1e12)).toBe('10\u00b9\u00b2');
  });

  it('thins decades on very wide ranges and drops minor ticks there', () => {
    const t = logTicks(1e-20, 1e20, 5);
    expect(t.major.length).toBeLessThanOrEqual(6);
    expect(t.major[0]).toBe(1e-20);
    expect(t.minor).toEqual([]);
    for (let k = 1; k < t.major.length; k++) expect(Math.log10(t.major[k] / t.major[k - 1])).toBeCloseTo(Math.log10(t.major[1] / t.major[0]), 9);
  });

  it('uses 1-2-5 ticks within a decade and linear ticks within a narrower range', () => {
    expect(logTicks(1.5e-4, 1.2e-3).major).toEqual([2e-4, 5e-4, 1e-3]);
    expect(logTicks(1.5e-4, 1.2e-3).decades).toBe(false);
    const narrow = logTicks(0.3, 0.7);
    expect(narrow.major.length).toBeGreaterThanOrEqual(2);
    for (const v of narrow.major) { expect(v).toBeGreaterThanOrEqual(0.3); expect(v).toBeLessThanOrEqual(0.7); }
  });

  it('maps decades to equal pixel distances on a log scale and non-positive values to NaN', () => {
    const s = new Scale('log', [1, 1000], [0, 300]);
    expect(s.map(1)).toBeCloseTo(0, 12);
    expect(s.map(10)).toBeCloseTo(100, 12);
    expect(s.map(100)).toBeCloseTo(200, 12);
    expect(s.map(0)).toBeNaN();
    expect(s.map(-5)).toBeNaN();
    expect(s.map(NaN)).toBeNaN();
    expect(s.ticks().labels).toEqual(['10\u2070', '10\u00b9', '10\u00b2', '10\u00b3']);
  });
});
