import { describe, expect, it } from 'vitest';
import { MTSUN_SI } from '../../src/core/constants.js';
import { MbankError } from '../../src/core/errors.js';
import { uniformGridN } from '../../src/core/grid.js';
import { taylorF2AlignedPhasing } from '../../src/waveforms/pn-phasing.js';
import { generateTaylorF2, iscoFrequencyHz } from '../../src/waveforms/taylorf2.js';
import type { WaveformParams } from '../../src/waveforms/types.js';
import { compare, lalCases, lalSeries, paramsOf } from './lal-vectors.js';

const cases = lalCases('lal-fd-waveforms.json', 'TaylorF2');

const maxRelError = (a: Float64Array, b: Float64Array): number => compare(a, b).rel;

const isZero = (h: Float64Array, k: number) => h[2 * k] === 0 && h[2 * k + 1] === 0;

const base: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
  distanceMpc: 100, inclination: 0.7, phiRef: 0, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
};
const grid = uniformGridN(0.25, 4097);

describe('TaylorF2 against LALSimulation ChooseFDWaveform', () => {
  it('has the four TaylorF2 reference cases in the fixture', () => {
    expect(cases.map((c) => c.id).sort()).toEqual([
      'TaylorF2_BBH_15_7_spin0.9', 'TaylorF2_BBH_30_20', 'TaylorF2_BNS_1.4_1.4', 'TaylorF2_NSBH_10_1.4_fref40',
    ]);
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s: h+ and hx agree with LAL to 1e-9 of max|h| and are zero exactly where LAL is zero',
    (_id, c) => {
      const g = uniformGridN(c.params.delta_f, c.n);
      const { hp, hc } = generateTaylorF2(g, paramsOf(c));
      const lalHp = lalSeries(c, 'hp');
      const lalHc = lalSeries(c, 'hc');
      expect(maxRelError(hp, lalHp)).toBeLessThanOrEqual(1e-9); // achieved 1.2e-11 (TaylorF2_BNS_1.4_1.4)
      expect(maxRelError(hc, lalHc)).toBeLessThanOrEqual(1e-9); // achieved 1.2e-11
      for (let k = 0; k < c.n; k++) {
        expect(isZero(hp, k)).toBe(isZero(lalHp, k));
        expect(isZero(hc, k)).toBe(isZero(lalHc, k));
      }
    },
  );
});

describe('TaylorF2 conventions', () => {
  it('multiplies h+ and hx by exp(2i phi_ref) when phi_ref changes from 0', () => {
    const phi = 0.4;
    const a = generateTaylorF2(grid, base);
    const b = generateTaylorF2(grid, { ...base, phiRef: phi });
    const cr = Math.cos(2 * phi);
    const ci = Math.sin(2 * phi);
    const rotated = new Float64Array(a.hp.length);
    for (const [x, y] of [[a.hp, b.hp], [a.hc, b.hc]]) {
      for (let k = 0; k < x.length / 2; k++) {
        rotated[2 * k] = cr * x[2 * k] - ci * x[2 * k + 1];
        rotated[2 * k + 1] = ci * x[2 * k] + cr * x[2 * k + 1];
      }
      expect(maxRelError(rotated, y)).toBeLessThan(1e-11);
    }
  });

  it('gives hx = -i 2 cos(iota) / (1 + cos^2 iota) h+ at every bin', () => {
    const iota = 2.2;
    const { hp, hc } = generateTaylorF2(grid, { ...base, inclination: iota });
    const r = (2 * Math.cos(iota)) / (1 + Math.cos(iota) ** 2);
    const expected = new Float64Array(hp.length);
    for (let k = 0; k < hp.length / 2; k++) {
      expected[2 * k] = r * hp[2 * k + 1];
      expected[2 * k + 1] = -r * hp[2 * k];
    }
    expect(maxRelError(hc, expected)).toBeLessThan(1e-15);
  });

  it('puts phase -3pi/4 at a bin exactly at f_ref for phi_ref = 0 and iota = 0', () => {
    const { hp } = generateTaylorF2(grid, { ...base, inclination: 0, fRefHz: 30 });
    const k = 30 / 0.25;
    expect(Math.atan2(hp[2 * k + 1], hp[2 * k])).toBeCloseTo((-3 * Math.PI) / 4, 10);
  });

  it('differs between f_ref = 0 and f_ref = f_min by a constant phase factor only', () => {
    const a = generateTaylorF2(grid, { ...base, fRefHz: 0 });
    const b = generateTaylorF2(grid, { ...base, fRefHz: base.fMinHz });
    const k0 = 200;
    const phase0 = Math.atan2(b.hp[2 * k0 + 1], b.hp[2 * k0]) - Math.atan2(a.hp[2 * k0 + 1], a.hp[2 * k0]);
    expect(Math.abs(Math.sin(phase0))).toBeGreaterThan(1e-3);
    const rotated = new Float64Array(a.hp.length);
    for (let k = 0; k < a.hp.length / 2; k++) {
      rotated[2 * k] = Math.cos(phase0) * a.hp[2 * k] - Math.sin(phase0) * a.hp[2 * k + 1];
      rotated[2 * k + 1] = Math.sin(phase0) * a.hp[2 * k] + Math.cos(phase0) * a.hp[2 * k + 1];
    }
    expect(maxRelError(rotated, b.hp)).toBeLessThan(1e-9);
  });

  it('accepts m1 < m2 and gives the waveform of the swapped bodies', () => {
    const a = generateTaylorF2(grid, base);
    const b = generateTaylorF2(grid, { ...base, m1: base.m2, m2: base.m1, s1z: base.s2z, s2z: base.s1z });
    expect(maxRelError(b.hp, a.hp)).toBeLessThan(1e-10);
    expect(maxRelError(b.hc, a.hc)).toBeLessThan(1e-10);
  });

  it('starts at bin ceil(f_min/df), includes the bin at f_max, and leaves bins past f_max zero', () => {
    const { hp } = generateTaylorF2(grid, { ...base, fMinHz: 19.9, fMaxHz: 700 });
    expect(isZero(hp, 79)).toBe(true);
    expect(isZero(hp, 80)).toBe(false);
    expect(isZero(hp, 2800)).toBe(false);
    expect(isZero(hp, 2801)).toBe(true);
    expect(isZero(hp, 4096)).toBe(true);
  });

  it('stops at the Schwarzschild ISCO only when f_max = 0', () => {
    const fIsco = iscoFrequencyHz(base.m1 + base.m2);
    expect(fIsco).toBeCloseTo(1 / (6 ** 1.5 * Math.PI * 50 * MTSUN_SI), 9);
    const kIsco = Math.floor(fIsco / 0.25);
    const { hp } = generateTaylorF2(grid, { ...base, fMaxHz: 0 });
    expect(isZero(hp, kIsco)).toBe(false);
    expect(isZero(hp, kIsco + 1)).toBe(true);
    const full = generateTaylorF2(grid, base);
    expect(isZero(full.hp, kIsco + 1)).toBe(false);
  });

  it('gives the same values on a non-uniform grid as on the uniform grid at the same frequencies', () => {
    const uniform = generateTaylorF2(grid, base);
    const picks = [59, 60, 61, 333, 1000, 2500, 4096];
    const frequencies = Float64Array.from(picks, (k) => k * 0.25);
    const sparse = generateTaylorF2({ frequencies }, base);
    picks.forEach((k, i) => {
      const scale = Math.hypot(uniform.hp[2 * k], uniform.hp[2 * k + 1]);
      if (scale === 0) {
        expect(isZero(sparse.hp, i)).toBe(true);
        return;
      }
      const d = Math.hypot(sparse.hp[2 * i] - uniform.hp[2 * k], sparse.hp[2 * i + 1] - uniform.hp[2 * k + 1]);
      expect(d / scale).toBeLessThan(1e-9);
    });
  });

  it.each([
    ['30+20 from 15 Hz', base],
    ['1.4+1.4 from 10 Hz (phase ~1e6 rad)', { ...base, m1: 1.4, m2: 1.4, s1z: 0.05, s2z: 0, fMinHz: 10 }],
    ['3+2 from 1 Hz', { ...base, m1: 3, m2: 2, fMinHz: 1 }],
  ] as const)('%s: the uniform-grid fast path agrees with per-bin evaluation to 1e-9 of max|h|', (_name, p) => {
    const fast = generateTaylorF2(grid, p);
    const direct = generateTaylorF2({ frequencies: grid.frequencies }, p);
    expect(maxRelError(fast.hp, direct.hp)).toBeLessThan(1e-9);
    expect(maxRelError(fast.hc, direct.hc)).toBeLessThan(1e-9);
  });

  it('has the Newtonian amplitude |h| proportional to f^(-7/6) and inversely to distance', () => {
    const a = generateTaylorF2(grid, { ...base, inclination: 0 });
    const b = generateTaylorF2(grid, { ...base, inclination: 0, distanceMpc: 2 * base.distanceMpc });
    const amp = (h: Float64Array, k: number) => Math.hypot(h[2 * k], h[2 * k + 1]);
    expect(amp(a.hp, 400) / amp(a.hp, 100)).toBeCloseTo(4 ** (-7 / 6), 12);
    expect(amp(a.hp, 300) / amp(b.hp, 300)).toBeCloseTo(2, 12);
  });
});

describe('TaylorF2 phasing coefficients', () => {
  it('have the 1PN term 3715/756 + 55 eta/9 and the 1.5PN term -16 pi + sum chi_i (113/3 (m_i/M)^2 + 25 eta)', () => {
    const [m1, m2, c1, c2] = [12, 5, 0.6, -0.3];
    const eta = (m1 * m2) / (m1 + m2) ** 2;
    const pfaN = 3 / (128 * eta);
    const s = taylorF2AlignedPhasing(m1, m2, c1, c2);
    expect(s.v[0]).toBeCloseTo(pfaN, 14);
    expect(s.v[1]).toBe(0);
    expect(s.v[2] / pfaN).toBeCloseTo(3715 / 756 + (55 / 9) * eta, 12);
    const x1 = m1 / (m1 + m2);
    const x2 = m2 / (m1 + m2);
    const beta4 = c1 * ((113 / 3) * x1 * x1 + 25 * eta) + c2 * ((113 / 3) * x2 * x2 + 25 * eta);
    expect(s.v[3] / pfaN).toBeCloseTo(-16 * Math.PI + beta4, 12);
    expect(s.vlogv[6] / pfaN).toBeCloseTo(-6848 / 21, 12);
  });

  it('are symmetric under exchange of the bodies', () => {
    const a = taylorF2AlignedPhasing(7, 3, 0.4, 0.8);
    const b = taylorF2AlignedPhasing(3, 7, 0.8, 0.4);
    for (let k = 0; k < 8; k++) {
      expect(b.v[k]).toBeCloseTo(a.v[k], 9);
      expect(b.vlogv[k]).toBeCloseTo(a.vlogv[k], 9);
    }
  });
});

describe('TaylorF2 parameter checks', () => {
  const cases: [string, Partial<WaveformParams>, RegExp][] = [
    ['m1 <= 0', { m1: -1 }, /m1 = -1/],
    ['m2 = 0', { m2: 0 }, /m2 = 0/],
    ['|s1| >= 1', { s1z: 1 }, /\|s1\| = 1/],
    ['|s2| >= 1', { s2z: -1.2 }, /\|s2\| = 1\.2/],
    ['f_min >= f_max', { fMinHz: 1024 }, /f_max = 1024/],
    ['in-plane spins', { s1x: 0.1 }, /in-plane spins/],
    ['f_min above ISCO with f_max = 0', { fMinHz: 200, fMaxHz: 0 }, /f_min = 200/],
  ];
  it.each(cases)('throws MbankError naming the value for %s', (_what, change, message) => {
    expect(() => generateTaylorF2(grid, { ...base, ...change })).toThrow(MbankError);
    expect(() => generateTaylorF2(grid, { ...base, ...change })).toThrow(message);
  });
});
