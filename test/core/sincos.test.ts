import { describe, expect, it } from 'vitest';
import { sinCosInto } from '../../src/core/sincos.js';

describe('sinCosInto', () => {
  it('agrees with Math.sin and Math.cos to 1e-15 over small, medium and large arguments of both signs', () => {
    const out = new Float64Array(2);
    let worst = 0;
    const check = (x: number) => {
      sinCosInto(x, out);
      worst = Math.max(worst, Math.abs(out[0] - Math.sin(x)), Math.abs(out[1] - Math.cos(x)));
    };
    for (let i = 0; i < 20000; i++) check(-10 + i * 0.001 + 1e-7);
    for (let i = 0; i < 20000; i++) check((i - 10000) * 81.37 + 0.123);
    for (const x of [0, -0, 1e-300, Math.PI / 4, Math.PI / 2, Math.PI, 1e5 * Math.PI, 8.2e5, 2e6, -3e7, 1e300]) check(x);
    expect(worst).toBeLessThan(1e-15);
  });

  it('writes at the offset it is given and is exact at 0', () => {
    const out = new Float64Array(4).fill(7);
    sinCosInto(0, out, 2);
    expect(Array.from(out)).toEqual([7, 7, 0, 1]);
  });

  it('returns NaN for non-finite input', () => {
    const out = new Float64Array(2);
    sinCosInto(Number.POSITIVE_INFINITY, out);
    expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
  });
});
