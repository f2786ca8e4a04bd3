import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { uniformGridN } from '../../src/core/grid.js';
import { approximantNames, getModel } from '../../src/waveforms/registry.js';
import type { WaveformParams } from '../../src/waveforms/types.js';

const params: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
  distanceMpc: 100, inclination: 0.9, phiRef: 0.3, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
};
const grid = uniformGridN(0.25, 4097);
/** The shared parameters, without spins for the non-spinning models. */
const paramsFor = (name: string): WaveformParams => (getModel(name).nonSpinning ? { ...params, s1z: 0, s2z: 0 } : params);

describe('waveform registry', () => {
  it('lists TaylorF2 among the approximants, sorted, and returns the model by its name', () => {
    const names = approximantNames();
    expect(names).toContain('TaylorF2');
    expect([...names].sort()).toEqual(names);
    for (const name of names) expect(getModel(name).name).toBe(name);
  });

  it('throws a MbankError for an unknown approximant naming it and listing the known ones', () => {
    expect(() => getModel('TaylorF3')).toThrow(MbankError);
    try {
      getModel('TaylorF3');
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('"TaylorF3"');
      for (const name of approximantNames()) expect(message).toContain(name);
    }
  });

  it.each(approximantNames())('%s returns finite h+ and hx of length 2n, non-zero in band, zero at f = 0', (name) => {
    const { hp, hc } = getModel(name).generate(grid, paramsFor(name));
    expect(hp).toBeInstanceOf(Float64Array);
    expect(hc).toBeInstanceOf(Float64Array);
    expect(hp.length).toBe(2 * grid.frequencies.length);
    expect(hc.length).toBe(2 * grid.frequencies.length);
    expect(hp.every(Number.isFinite) && hc.every(Number.isFinite)).toBe(true);
    expect([hp[0], hp[1], hc[0], hc[1]]).toEqual([0, 0, 0, 0]);
    const k = 100 / 0.25;
    expect(Math.hypot(hp[2 * k], hp[2 * k + 1])).toBeGreaterThan(0);
  });

  it.each(approximantNames().filter((n) => getModel(n).only22))(
    '%s (22-only) satisfies hx = -i 2 cos(iota)/(1 + cos^2 iota) h+',
    (name) => {
      const { hp, hc } = getModel(name).generate(grid, params);
      const r = (2 * Math.cos(params.inclination)) / (1 + Math.cos(params.inclination) ** 2);
      let diff = 0;
      let scale = 0;
      for (let k = 0; k < hp.length / 2; k++) {
        diff = Math.max(diff, Math.hypot(hc[2 * k] - r * hp[2 * k + 1], hc[2 * k + 1] + r * hp[2 * k]));
        scale = Math.max(scale, Math.hypot(hc[2 * k], hc[2 * k + 1]));
      }
      expect(diff / scale).toBeLessThan(1e-14);
    },
  );

  it.each(approximantNames())('%s rejects unphysical parameters with a message naming the value', (name) => {
    const model = getModel(name);
    expect(() => model.generate(grid, { ...params, m1: 0 })).toThrow(/m1 = 0/);
    expect(() => model.generate(grid, { ...params, m2: -3 })).toThrow(/m2 = -3/);
    expect(() => model.generate(grid, { ...params, s1z: 1 })).toThrow(/\|s1\| = 1/);
    expect(() => model.generate(grid, { ...params, s2z: -1.5 })).toThrow(/\|s2\| = 1\.5/);
    expect(() => model.generate(grid, { ...params, fMinHz: 2000 })).toThrow(/f_max = 1024/);
  });
});
