import { describe, it, expect } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { sinCosTable } from '../../src/waveforms/sincos-table.js';

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
});
