import { describe, it, expect } from 'vitest';
import { uniformGrid, uniformGridN, type FrequencyGrid } from '../../src/core/grid.js';
import { computeMetric } from '../../src/metric/compute.js';
import { MetricWorkspace, type MetricOptions } from '../../src/metric/workspace.js';
import { imrPhenomD } from '../../src/waveforms/imrphenomd/model.js';
import { imrPhenomPv2 } from '../../src/waveforms/imrphenomp/index.js';
import { imrPhenomXAS } from '../../src/waveforms/imrphenomx/index.js';
import type { Polarizations, WaveformModel, WaveformParams } from '../../src/waveforms/types.js';
import { lalCases, paramsOf } from './lal-vectors.js';

const SENTINEL = 7;

/**
 * Calls generateInto on [kLo, kHi) into arrays pre-filled with a sentinel, h+ and hx together and h+ alone,
 * and returns the indices where the result is not what it must be: generate's value (bitwise) inside
 * [kLo, kHi), the sentinel outside, and the h+-only call equal to the h+ of the call with both.
 */
function wrongEntries(model: WaveformModel, grid: FrequencyGrid, params: WaveformParams, ref: Polarizations, kLo: number, kHi: number): number[] {
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n).fill(SENTINEL);
  const hc = new Float64Array(2 * n).fill(SENTINEL);
  model.generateInto!(grid, params, { hp, hc }, { kLo, kHi });
  const hpOnly = new Float64Array(2 * n).fill(SENTINEL);
  model.generateInto!(grid, params, { hp: hpOnly }, { kLo, kHi });
  const wrong: number[] = [];
  for (let m = 0; m < 2 * n; m++) {
    const inside = m >= 2 * kLo && m < 2 * kHi;
    if (!Object.is(hp[m], inside ? ref.hp[m] : SENTINEL) || !Object.is(hc[m], inside ? ref.hc[m] : SENTINEL) || !Object.is(hpOnly[m], hp[m])) {
      wrong.push(m);
    }
  }
  return wrong;
}

const models = [
  { model: imrPhenomD, file: 'lal-fd-waveforms.json' },
  { model: imrPhenomPv2, file: 'waveforms/lal-fd-IMRPhenomPv2.json' },
  { model: imrPhenomXAS, file: 'waveforms/lal-fd-IMRPhenomXAS.json' },
];

describe('generateInto of IMRPhenomD, IMRPhenomPv2 and IMRPhenomXAS', () => {
  for (const { model, file } of models) {
    const cases = lalCases(file, model.name);

    it(`${model.name}: the model has generateInto and the LAL fixture has its cases`, () => {
      expect(typeof model.generateInto).toBe('function');
      expect(cases.length).toBeGreaterThanOrEqual(3);
    });

    it.each(cases.map((c) => [c.id, c] as const))(
      `${model.name} %s: bitwise generate's h+ and hx over the whole grid, the model's own bins and ranges cut inside them, other bins untouched`,
      (_id, c) => {
        const grid = uniformGridN(c.params.delta_f, c.n);
        const params = paramsOf(c);
        const ref = model.generate(grid, params);
        const n = c.n;
        const first = c.k_start;
        const last = c.k_start + c.hp_re.length;
        expect(ref.hp.subarray(2 * first, 2 * last).some((v) => v !== 0)).toBe(true);
        // whole grid; the model's support; a band starting inside an anchor block and ending inside the support;
        // a short piece deep inside; a range reaching past the support; below the support (zeros only)
        const ranges: [number, number][] = [
          [0, n], [first, last], [first + 37, last - 101], [first + 1000, first + 1003], [last - 5, n], [0, Math.max(1, first - 3)],
        ];
        for (const [kLo, kHi] of ranges) expect(wrongEntries(model, grid, params, ref, kLo, kHi)).toEqual([]);
      },
    );

    it(`${model.name}: on a non-uniform grid (bins outside [f_min, f_end) included) generateInto equals generate bitwise`, () => {
      const c = cases[0];
      const params = paramsOf(c);
      const grid: FrequencyGrid = { frequencies: Float64Array.from([5, params.fMinHz + 0.5, 21, 30.25, 31, 80, 80.1, 150, 400, 3000]) };
      const ref = model.generate(grid, params);
      expect(ref.hp.some((v) => v !== 0)).toBe(true);
      expect(wrongEntries(model, grid, params, ref, 0, 10)).toEqual([]);
      expect(wrongEntries(model, grid, params, ref, 2, 7)).toEqual([]);
    });

    it(`${model.name}: rejects output arrays shorter than the bins requested`, () => {
      const params = paramsOf(cases[0]);
      const grid = uniformGridN(cases[0].params.delta_f, cases[0].n);
      const n2 = 2 * cases[0].n;
      expect(() => model.generateInto!(grid, params, { hp: new Float64Array(10) })).toThrow(/out = .* must hold 2 kHi = \d+ numbers/);
      expect(() => model.generateInto!(grid, params, { hp: new Float64Array(n2), hc: new Float64Array(n2 - 2) })).toThrow(/must hold 2 kHi/);
      expect(() => model.generateInto!(grid, params, { hp: new Float64Array(10) }, { kLo: 0, kHi: 5 })).not.toThrow();
    });
  }
});

/** A workspace whose `waveform` is overridden: waveformBandInto then takes the generate-and-copy path. */
class GenerateCopyWorkspace extends MetricWorkspace {
  override waveform(theta: ArrayLike<number>): Polarizations {
    return super.waveform(theta);
  }
}

describe('symphony metric of IMRPhenomPv2 through generateInto', () => {
  it('is bitwise the metric computed through generate and a copy, at precessing points of Mq_s1xz_s2z_iota', () => {
    const options: MetricOptions = {
      variableFormat: 'Mq_s1xz_s2z_iota', approximant: 'IMRPhenomPv2', psd: 'aligo_O3actual_H1', asd: true,
      fMinHz: 15, fMaxHz: 1024, df: 0.25, metricGrid: 'uniform', // the two paths of the uniform-grid metric
    };
    const direct = new MetricWorkspace(options);
    const copied = new GenerateCopyWorkspace(options);
    expect(direct.grid.frequencies.length).toBe(uniformGrid(0.25, 1024).frequencies.length);
    // (M, q, s1, theta1, s2z, iota)
    const points = [[35, 2.5, 0.7, 1.1, -0.4, 0.8], [22, 1.3, 0.3, 2.6, 0.6, 2.2]];
    for (const theta of points) {
      const a = computeMetric(direct, theta, 'symphony');
      const b = computeMetric(copied, theta, 'symphony');
      expect(a.metric.every(Number.isFinite)).toBe(true);
      expect(a.positiveDefinite).toBe(true);
      expect(Array.from(a.metric)).toEqual(Array.from(b.metric));
    }
  });
});
