import { describe, it, expect } from 'vitest';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { estimateVolume, flowAccuracy, halfLogDet } from '../../src/pipeline/diagnostics.js';
import { bankFromTemplates } from '../../src/pipeline/place/bank-output.js';
import { PoolMetricField } from '../../src/pipeline/metric-pool.js';
import { requiredMassRanges } from '../../src/cli/place/settings.js';
import { runPaths } from '../../src/pipeline/place/paths.js';
import { pycbcTemplateHashes } from '../../src/bank/template-hash.js';

describe('place: volume and flow accuracy', () => {
  it('estimates the volume exactly (up to the inside fraction) when the flow density is proportional to sqrt|det M|', () => {
    const n = 50;
    const logQ = Float64Array.from({ length: n }, (_, i) => -1 - 0.1 * i);
    const half = Float64Array.from(logQ, (l) => l + Math.log(3));
    const v = estimateVolume(half, logQ, 0.8, 1000, 0.97, 2);
    expect(v.volume).toBeCloseTo(0.8 * 3, 12);
    expect(v.volumeError).toBeCloseTo(0.8 * 3 * Math.sqrt(0.2 / (0.8 * 1000)), 12);
    expect(v.predictedTemplates).toBeCloseTo(2.4 / (2 * Math.sqrt(0.03 / 2)) ** 2, 9);
  });

  it('gives residual mean and standard deviation of log q + C - 0.5 ln det M, skipping unusable points', () => {
    const D = 2;
    const metrics = [Float64Array.of(4, 0, 0, 1), Float64Array.of(1, 0, 0, 1), Float64Array.of(1, 2, 2, 1), Float64Array.of(NaN, 0, 0, 1)];
    const half = halfLogDet(metrics, D);
    expect(half[0]).toBeCloseTo(Math.log(2), 12);
    expect(half[1]).toBeCloseTo(0, 12);
    expect(Number.isNaN(half[2])).toBe(true);
    expect(Number.isNaN(half[3])).toBe(true);
    const a = flowAccuracy(Float64Array.of(0.5, -0.5, 0, 0), 0.25, half);
    expect(a.points).toBe(2);
    const r = [0.75 - Math.log(2), -0.25];
    expect(a.mean).toBeCloseTo((r[0] + r[1]) / 2, 12);
    expect(a.std).toBeCloseTo(Math.abs(r[0] - r[1]) / Math.SQRT2, 12);
  });
});

describe('place: bank, settings, paths', () => {
  it('converts templates to physical columns, with inclination and eccentricity where the format has them', () => {
    const fmt = getVariableFormat('m1m2_nonspinning_e_iota');
    const rows = Float64Array.of(30, 20, 0.1, 0.5, 12, 11, 0.3, 2.0);
    const bank = bankFromTemplates(fmt, rows, { variableFormat: fmt.name, fMin: 15 });
    expect(bank.size).toBe(2);
    expect(Array.from(bank.templates.mass1)).toEqual([30, 12]);
    expect(Array.from(bank.templates.mass2)).toEqual([20, 11]);
    expect(Array.from(bank.templates.eccentricity!)).toEqual([0.1, 0.3]);
    expect(Array.from(bank.templates.inclination!)).toEqual([0.5, 2.0]);
    expect(bank.templates.meanAnomaly).toBeUndefined();
    expect(Array.from(bank.coordinates!.values)).toEqual(Array.from(rows));
  });

  it('gives templates that differ only in eccentricity distinct PyCBC hashes (mass1 of the later twins one ulp up)', () => {
    const fmt = getVariableFormat('m1m2_chi_e');
    const rows = Float64Array.of(30, 20, 0.5, 0, 30, 20, 0.5, 0.2, 30, 20, 0.5, 0.1, 25, 20, 0.5, 0);
    const bank = bankFromTemplates(fmt, rows, { variableFormat: fmt.name, fMin: 15 });
    const m1 = bank.templates.mass1;
    expect(m1[0]).toBe(30);
    expect(m1[1] > 30 && m1[1] - 30 < 1e-14).toBe(true);
    expect(m1[2] > m1[1] && m1[2] - 30 < 1e-14).toBe(true);
    expect(m1[3]).toBe(25);
    expect(Array.from(bank.templates.eccentricity!)).toEqual([0, 0.2, 0.1, 0]);
    const t = bank.templates;
    expect(() => pycbcTemplateHashes({ mass1: t.mass1, mass2: t.mass2, spin1z: t.spin1z, spin2z: t.spin2z }, 4)).not.toThrow();
  });

  it('gives higher-mode templates that differ only in the reference phase distinct PyCBC hashes', () => {
    const fmt = getVariableFormat('logMq_nonspinning_iotaphi');
    const rows = Float64Array.of(2, 1, 0, 0, 2, 1, 0, 6.28, 2, 1, 0.5, 0);
    const bank = bankFromTemplates(fmt, rows, { variableFormat: fmt.name, fMin: 10 });
    const t = bank.templates;
    expect(t.mass1[1] > t.mass1[0] && t.mass1[1] - t.mass1[0] < 1e-13).toBe(true);
    expect(t.mass1[2]).toBe(t.mass1[0]);
    expect(() => pycbcTemplateHashes({ mass1: t.mass1, mass2: t.mass2, inclination: t.inclination! }, 3)).not.toThrow();
  });

  it('names the mass ranges a format needs and keeps relative file names inside the run directory', () => {
    expect(requiredMassRanges(getVariableFormat('Mq_s1z_s2z'))).toEqual(['--mtot-range', '--q-range']);
    expect(requiredMassRanges(getVariableFormat('mceta_chi'))).toEqual(['--mc-range', '--eta-range']);
    const p = runPaths('out_x', { bank: 'bank.xml.gz', flow: '/abs/flow.safetensors' });
    expect(p.bank).toBe('out_x/bank.xml.gz');
    expect(p.flow).toBe('/abs/flow.safetensors');
    expect(p.dataset).toBe('out_x/dataset.h5');
    expect(p.datasetText).toBe('out_x/dataset.txt');
  });
});

describe('place: parallel metric field', () => {
  it('returns the metrics of the serial field in row order on 2 workers and records the first rows evaluated', async () => {
    const spec = {
      metric: { variableFormat: 'Mq_nonspinning', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 0.5 },
      metricType: 'hessian' as const,
      ranges: { mtot: [20, 40] as [number, number], q: [1, 3] as [number, number] },
    };
    const rows = Float64Array.of(25, 1.5, 30, 2, 35, 2.5, 22, 1.1, 39, 2.9, 50, 2);
    const serial = new PoolMetricField(spec, 2, 0);
    const pool = new PoolMetricField(spec, 2, 2, 4);
    try {
      const a = await serial.metric(rows);
      const b = await pool.metric(rows);
      expect(b.length).toBe(6);
      for (let i = 0; i < 6; i++) expect(Array.from(b[i])).toEqual(Array.from(a[i]));
      expect(a[0][0]).toBeGreaterThan(0);
      expect(a[5].every(Number.isNaN)).toBe(true);
      expect(pool.record.theta.length).toBe(4);
      expect(Array.from(pool.record.theta[3])).toEqual([22, 1.1]);
      expect(pool.evaluations).toBe(6);
    } finally {
      await serial.close();
      await pool.close();
    }
  });
});
