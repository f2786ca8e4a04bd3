import { describe, it, expect } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { sinCosTable } from '../../src/core/sincos.js';

describe('sinCosTable', () => {
  it('gives cos and sin within 3e-16 of Math.cos / Math.sin for |x| < 4, and within 1e-16 |x| beyond (phases up to 1e7 rad)', () => {
    const rng = new Rng(11);
    const out = new Float64Array(2);
    let worstSmall = 0;
    let worstLarge = 0;
    for (let i = 0; i < 200000; i++) {
      const x = (rng.uniform() - 0.5) * 10 ** rng.uniformIn(-4, 7);
      sinCosTable(x, out);
      const err = Math.max(Math.abs(out[0] - Math.cos(x)), Math.abs(out[1] - Math.sin(x)));
      if (Math.abs(x) < 4) worstSmall = Math.max(worstSmall, err);
      else worstLarge = Math.max(worstLarge, err / Math.abs(x));
    }
    expect(worstSmall).toBeLessThan(3e-16);
    expect(worstLarge).toBeLessThan(1e-16);
  });

  it('is exact at the table nodes k pi/2 and symmetric: cos(-x) = cos x, sin(-x) = -sin x', () => {
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    sinCosTable(0, a);
    expect([a[0], a[1]]).toEqual([1, 0]);
    for (const x of [0.3, 1.7, 12.5, 3e4, 2e6]) {
      sinCosTable(x, a);
      sinCosTable(-x, b);
      expect(b[0]).toBe(a[0]);
      expect(b[1]).toBe(-a[1]);
    }
  });

  it('stays within 1e-15 of Math.cos / Math.sin on each reduction path: two-part, three-part (|x| > ~1e5) and Math (|x| > ~4.9e6)', () => {
    const out = new Float64Array(2);
    const worst = [0, 0, 0];
    const check = (x: number) => {
      sinCosTable(x, out);
      const k = Math.abs(Math.round((x * 32) / Math.PI));
      const path = k < 2 ** 20 ? 0 : k < 2 ** 25 ? 1 : 2;
      worst[path] = Math.max(worst[path], Math.abs(out[0] - Math.cos(x)), Math.abs(out[1] - Math.sin(x)));
    };
    for (let i = 0; i < 20000; i++) check(-10 + i * 0.001 + 1e-7);
    for (let i = 0; i < 20000; i++) check((i - 10000) * 81.37 + 0.123);
    for (let i = 0; i < 20000; i++) check(1.1e5 + i * 241.3 + 0.37);
    for (const x of [0, -0, 1e-300, Math.PI / 4, 1e5 * Math.PI, 8.2e5, 2e6, -3e7, 1e300]) check(x);
    for (const w of worst) expect(w).toBeLessThan(1e-15); // achieved 2.2e-16 on both reductions (1 ulp of 1)
  });

  it('returns NaN for non-finite input', () => {
    const out = new Float64Array(2);
    sinCosTable(Number.POSITIVE_INFINITY, out);
    expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
  });
});
