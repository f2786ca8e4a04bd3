import { describe, it, expect } from 'vitest';
import { uniformGrid, type FrequencyGrid } from '../../src/core/grid.js';
import { imrPhenomD } from '../../src/waveforms/imrphenomd/index.js';
import { taylorF2 } from '../../src/waveforms/taylorf2.js';
import type { WaveformModel, WaveformParams } from '../../src/waveforms/types.js';

const params: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
  distanceMpc: 100, inclination: 0.7, phiRef: 0.2, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
};

function check(model: WaveformModel, grid: FrequencyGrid, kLo: number, kHi: number): void {
  const ref = model.generate(grid, params);
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n).fill(7);
  const hc = new Float64Array(2 * n).fill(7);
  model.generateInto!(grid, params, { hp, hc }, { kLo, kHi });
  const hpOnly = new Float64Array(2 * n).fill(7);
  model.generateInto!(grid, params, { hp: hpOnly }, { kLo, kHi });
  const wrong: number[] = [];
  for (let m = 0; m < 2 * n; m++) {
    const inside = m >= 2 * kLo && m < 2 * kHi;
    if (!Object.is(hp[m], inside ? ref.hp[m] : 7) || !Object.is(hc[m], inside ? ref.hc[m] : 7) || !Object.is(hpOnly[m], hp[m])) wrong.push(m);
  }
  expect(wrong).toEqual([]);
  expect(hp.subarray(2 * kLo, 2 * kHi).some((v) => v !== 0) || kHi <= 60).toBe(true);
}

describe('generateInto', () => {
  for (const model of [imrPhenomD, taylorF2]) {
    it(`${model.name}: writes bitwise the values of generate over [kLo, kHi) (zeros included), h+ alone or both, and leaves other bins untouched`, () => {
      const grid = uniformGrid(0.25, 1024);
      check(model, grid, 0, grid.frequencies.length);
      check(model, grid, 60, 3000); // the metric's band starts at the model's first bin
      check(model, grid, 10, 50); // entirely below f_min: zeros only
      const nonUniform: FrequencyGrid = { frequencies: Float64Array.from([5, 20, 20.5, 31, 80, 400, 1200]) };
      check(model, nonUniform, 1, 6);
    });
  }

  it('rejects output arrays shorter than the bins requested', () => {
    const grid = uniformGrid(0.25, 1024);
    expect(() => imrPhenomD.generateInto!(grid, params, { hp: new Float64Array(10) })).toThrow(/out = .* must hold 2 kHi = 8194 numbers/);
    expect(() => taylorF2.generateInto!(grid, params, { hp: new Float64Array(10) })).toThrow(/out = .* must hold 2 kHi = 8194 numbers/);
  });
});
