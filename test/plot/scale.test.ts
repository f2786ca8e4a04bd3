import { describe, expect, it } from 'vitest';
import { formatPowerOfTen, logTickLabel, Scale } from '../../src/plot/scale.js';
import { renderLineChart } from '../../src/plot/line-chart.js';
import { Rng } from '../../src/core/rng.js';

const ticks = (type: 'linear' | 'log', d: [number, number], target?: number) => new Scale(type, d, [0, 1]).ticks(target);

describe('linear ticks (d3-scale) with the labels a scientist expects', () => {
  it('puts about target ticks on multiples of a 1, 2 or 5 x 10^k step, inside the domain', () => {
    expect(ticks('linear', [0, 10], 5).values).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks('linear', [-0.03, 0.97], 5).values).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    const rng = new Rng(11);
    for (let trial = 0; trial < 200; trial++) {
      const lo = (rng.uniform() - 0.5) * Math.pow(10, 6 * rng.uniform() - 3);
      const hi = lo + Math.pow(10, 8 * rng.uniform() - 4);
      const target = 2 + Math.floor(8 * rng.uniform());
      const { values } = ticks('linear', [lo, hi], target);
      expect(values.length).toBeGreaterThanOrEqual(1);
      expect(values.length).toBeLessThanOrEqual(2 * target + 1);
      if (values.length < 2) continue;
      const step = values[1] - values[0];
      const mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
      expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true); // 10: a difference just under 10^k
      for (const t of values) {
        expect(t).toBeGreaterThanOrEqual(lo - 1e-9 * step);
        expect(t).toBeLessThanOrEqual(hi + 1e-9 * step);
        expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-6 * Math.max(1, Math.abs(t / step))); // step from a difference: rounding grows with |t| / step
      }
    }
  });

  it('labels with the decimals the step needs, and exponents for huge values or tiny steps', () => {
    expect(ticks('linear', [-0.03, 0.97], 5).labels).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8']);
    expect(ticks('linear', [0.93, 0.99], 4).labels).toEqual(['0.94', '0.96', '0.98']);
    expect(ticks('linear', [0, 1500], 3).labels).toEqual(['0', '500', '1000', '1500']);
    expect(ticks('linear', [-25, 25], 3).labels).toEqual(['\u221220', '0', '20']);
    expect(ticks('linear', [0, 4e5], 3).labels).toEqual(['0', '1e5', '2e5', '3e5', '4e5']);
    expect(ticks('linear', [-4.3e-4, 4.3e-4], 3).labels).toEqual(['\u22124e-4', '\u22122e-4', '0', '2e-4', '4e-4']);
  });
});

describe('log ticks (d3-scale): decades as 10ⁿ', () => {
  it('puts major ticks on every power of ten and minor ticks on 2..9 times them', () => {
    const t = ticks('log', [1e-3, 1e2], 6);
    expect(t.values).toEqual([1e-3, 1e-2, 1e-1, 1, 10, 100]);
    expect(t.labels).toEqual(['10\u207b\u00b3', '10\u207b\u00b2', '10\u207b\u00b9', '10\u2070', '10\u00b9', '10\u00b2']);
    expect(t.minor).toContain(2e-3);
    expect(t.minor).toContain(90);
    expect(t.minor.length).toBe(8 * 5);
    for (const m of t.minor) expect(t.values).not.toContain(m);
    expect(formatPowerOfTen(1e12)).toBe('10\u00b9\u00b2');
  });

  it('thins decades evenly on very wide ranges, without minor ticks', () => {
    const t = ticks('log', [1e-20, 1e20], 5);
    expect(t.values).toEqual([1e-20, 1e-10, 1, 1e10, 1e20]);
    expect(t.minor).toEqual([]);
  });

  it('labels values within a decade in plain numbers', () => {
    expect(ticks('log', [0.3, 0.7], 4).labels).toEqual(['0.3', '0.4', '0.5', '0.6', '0.7']);
    const t = ticks('log', [1.5e-4, 1.2e-3], 6);
    expect(t.labels[0]).toBe('0.0002');
    expect(t.labels).toContain('0.001');
    for (const v of [...t.values, ...t.minor]) { expect(v).toBeGreaterThanOrEqual(1.5e-4); expect(v).toBeLessThanOrEqual(1.2e-3); }
  });

  it('labels Chart.js log axes by decade too (its own labels read "1,000.0000")', () => {
    const all = [1, 2, 5, 10, 20, 50, 100];
    expect(all.map((v) => logTickLabel(v, all))).toEqual(['10\u2070', '', '', '10\u00b9', '', '', '10\u00b2']);
    expect(logTickLabel(0.0005, [0.0002, 0.0005, 0.001])).toBe('0.0005');
    const r = renderLineChart([{ y: [1e-3, 1e-2, 1e3] }], { logY: true });
    expect(r.scales.y.min).toBeLessThanOrEqual(1e-3);
    expect(r.scales.y.max).toBeGreaterThanOrEqual(1e3);
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
