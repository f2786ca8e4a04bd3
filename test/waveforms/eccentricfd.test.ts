import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { uniformGridN } from '../../src/core/grid.js';
import { eccentricFD, generateEccentricFD, generateEccentricFDInto } from '../../src/waveforms/eccentricfd/index.js';
import type { WaveformParams } from '../../src/waveforms/types.js';
import { compare, differing, lalAgreementSuite, lalCases, lalSeries, paramsOf } from './lal-vectors.js';

const FIXTURE = 'waveforms/lal-fd-EccentricFD.json';
const grid = uniformGridN(0.25, 4097);
const base: WaveformParams = {
  m1: 10, m2: 5, s1x: 0, s1y: 0, s1z: 0, s2x: 0, s2y: 0, s2z: 0, distanceMpc: 300, inclination: 1.1, phiRef: 0.3,
  fMinHz: 10, fMaxHz: 1024, fRefHz: 10, eccentricity: 0.3, longAscNodes: 0.5,
};

lalAgreementSuite(FIXTURE, eccentricFD, 5, generateEccentricFD, { precessing: false, only22: false });

describe('EccentricFD against LALSimulation, tightly', () => {
  it.each(lalCases(FIXTURE, 'EccentricFD').map((c) => [c.id, c] as const))('%s: h+ and hx agree with LAL to 3e-9 of max|h|', (_id, c) => {
    const { hp, hc } = generateEccentricFD(uniformGridN(c.params.delta_f, c.n), paramsOf(c));
    // achieved 2.2e-11 (BNS, phase ~1e6 rad in the 10th harmonic), 1.5e-13 .. 9.4e-12 for the others
    expect(compare(hp, lalSeries(c, 'hp')).rel).toBeLessThanOrEqual(3e-9);
    expect(compare(hc, lalSeries(c, 'hc')).rel).toBeLessThanOrEqual(3e-9);
  });
});

describe('EccentricFD conventions', () => {
  it('gives the bit-identical waveform with m1 and m2 swapped', () => {
    const a = generateEccentricFD(grid, base);
    const b = generateEccentricFD(grid, { ...base, m1: base.m2, m2: base.m1 });
    expect(differing(a.hp, b.hp)).toBe(0);
    expect(differing(a.hc, b.hc)).toBe(0);
  });

  it('fills bins ceil(f_min/df) .. floor(10 f_ISCO/df) and nothing else', () => {
    const p = { ...base, m1: 30, m2: 20, fMinHz: 15.1 };
    const { hp } = generateEccentricFD(grid, p);
    const fIsco = 6 ** -1.5 / (Math.PI * 50 * 4.925490947641267e-6);
    const first = Math.ceil(15.1 / 0.25);
    const last = Math.floor((10 * fIsco) / 0.25);
    let wrong = 0;
    for (let k = 0; k < 4097; k++) if ((hp[2 * k] !== 0 || hp[2 * k + 1] !== 0) !== (k >= first && k <= last)) wrong++;
    expect(wrong).toBe(0);
  });

  it('is circular TaylorF2-like at e = 0 and longAscNodes = 0: hx = i 2 cos(iota)/(1 + cos^2 iota) h+', () => {
    const p = { ...base, eccentricity: 0, longAscNodes: 0 };
    const { hp, hc } = generateEccentricFD(grid, p);
    const ci = Math.cos(p.inclination);
    const r = (2 * ci) / (1 + ci * ci);
    let worst = 0;
    let scale = 0;
    for (let k = 0; k < 4097; k++) {
      worst = Math.max(worst, Math.hypot(hc[2 * k] + r * hp[2 * k + 1], hc[2 * k + 1] - r * hp[2 * k]));
      scale = Math.max(scale, Math.hypot(hp[2 * k], hp[2 * k + 1]));
    }
    expect(worst / scale).toBeLessThan(3e-14); // achieved 2.4e-16
  });

  it('rotates (h+, hx) by 2 longAscNodes as ChooseFDWaveform does when e = 0', () => {
    const a = generateEccentricFD(grid, { ...base, eccentricity: 0, longAscNodes: 0 });
    const b = generateEccentricFD(grid, { ...base, eccentricity: 0, longAscNodes: 0.4 });
    // EccentricFD's azimuth gives exp(2 i beta); the final rotation mixes h+ and hx by 2 beta
    const c = Math.cos(0.8);
    const s = Math.sin(0.8);
    const rotated = new Float64Array(a.hp.length);
    for (let j = 0; j < a.hp.length; j += 2) {
      const pr = c * a.hp[j] - s * a.hp[j + 1];
      const pi = s * a.hp[j] + c * a.hp[j + 1];
      const xr = c * a.hc[j] - s * a.hc[j + 1];
      const xi = s * a.hc[j] + c * a.hc[j + 1];
      rotated[j] = c * pr + s * xr;
      rotated[j + 1] = c * pi + s * xi;
    }
    expect(compare(b.hp, rotated).rel).toBeLessThan(3e-14); // achieved 3.1e-16
  });

  it('generateInto writes bitwise the values of generate on any bin range and leaves the rest alone', () => {
    const ref = generateEccentricFD(grid, base);
    const hp = new Float64Array(ref.hp.length).fill(7);
    const hc = new Float64Array(ref.hc.length).fill(7);
    generateEccentricFDInto(grid, base, { hp, hc }, { kLo: 30, kHi: 2000 });
    expect(differing(hp.subarray(60, 4000), ref.hp.subarray(60, 4000))).toBe(0);
    expect(differing(hc.subarray(60, 4000), ref.hc.subarray(60, 4000))).toBe(0);
    expect(hp[59]).toBe(7);
    expect(hp[4000]).toBe(7);
    const onlyPlus = new Float64Array(ref.hp.length);
    generateEccentricFDInto(grid, base, { hp: onlyPlus });
    expect(differing(onlyPlus, ref.hp)).toBe(0);
  });

  it('rejects eccentricity outside [0, 1) and spins with a message naming them', () => {
    expect(() => generateEccentricFD(grid, { ...base, eccentricity: 1.2 })).toThrow(MbankError);
    expect(() => generateEccentricFD(grid, { ...base, eccentricity: -0.1 })).toThrow(/eccentricity/);
    expect(() => generateEccentricFD(grid, { ...base, s1z: 0.2 })).toThrow(/s1z/);
  });
});
