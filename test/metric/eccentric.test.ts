import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { matchRefined } from '../../src/match/refine.js';
import { computeMetric } from '../../src/metric/compute.js';
import { checkFormatForModel } from '../../src/metric/format-model.js';
import { metricDistanceSq } from '../../src/metric/metric-match.js';
import { MetricWorkspace } from '../../src/metric/workspace.js';
import { getModel } from '../../src/waveforms/registry.js';

/**
 * Predicted mismatch of the displacements. The e direction is curved: along it 1 - match / (de^T M de) is
 * 0.99 at 1e-6, 0.95 at 1e-5 and 0.83 at 1e-4 (M = 38.6, q = 4.2, e = 0.145: the eccentric phase at 10 Hz
 * changes by radians that time and phase cannot absorb), while M and q stay within 1% up to 1e-4.
 */
const TARGET = 1e-6;
const SETTINGS = { approximant: 'EccentricFD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 10, fMaxHz: 1024, df: 0.5 };

describe('eccentric formats and models', () => {
  it('accepts an _e format with EccentricFD and refuses coordinates the model ignores, naming format and model', () => {
    const ecc = getModel('EccentricFD');
    expect(() => checkFormatForModel(getVariableFormat('Mq_nonspinning_e'), ecc)).not.toThrow();
    expect(() => checkFormatForModel(getVariableFormat('m1m2_nonspinning_e_iota'), ecc)).not.toThrow();
    expect(() => checkFormatForModel(getVariableFormat('m1m2_chi_e'), ecc)).toThrow(/m1m2_chi_e.*EccentricFD is non-spinning.*TaylorF2Ecc/);
    expect(() => checkFormatForModel(getVariableFormat('Mq_nonspinning_emeanano'), ecc)).toThrow(/mean-anomaly/);
    expect(() => checkFormatForModel(getVariableFormat('Mq_s1z_s2z_e'), getModel('IMRPhenomD'))).toThrow(/IMRPhenomD is quasi-circular/);
    expect(() => new MetricWorkspace({ variableFormat: 'Mq_chi_e', ...SETTINGS })).toThrow(/non-spinning/);
  });

  it('accepts the aligned-spin _e formats with TaylorF2Ecc and still refuses the mean anomaly', () => {
    const f2e = getModel('TaylorF2Ecc');
    for (const name of ['m1m2_chi_e', 'Mq_chi_e', 'Mq_s1z_s2z_e', 'mceta_s1z_s2z_e', 'Mq_nonspinning_e']) {
      expect(() => checkFormatForModel(getVariableFormat(name), f2e), name).not.toThrow();
    }
    expect(() => checkFormatForModel(getVariableFormat('Mq_chi_emeanano'), f2e)).toThrow(/mean-anomaly/);
  });

  it('gives a m1m2_chi_e TaylorF2Ecc metric that predicts true mismatches of 1e-6 within 1% (m1, m2, chi, e random)', () => {
    const ws = new MetricWorkspace({ variableFormat: 'm1m2_chi_e', ...SETTINGS, approximant: 'TaylorF2Ecc' });
    const rng = new Rng(11);
    const ratios: number[] = [];
    for (let p = 0; p < 4; p++) {
      const theta = [rng.uniformIn(15, 30), rng.uniformIn(8, 15), rng.uniformIn(-0.5, 0.5), rng.uniformIn(0.05, 0.3)];
      const m = computeMetric(ws, theta, 'hessian');
      expect(m.positiveDefinite, `metric at [${theta}]`).toBe(true);
      for (let k = 0; k < 3; k++) {
        const d = rng.normals(4);
        const s = Math.sqrt(TARGET / metricDistanceSq(m.metric, d));
        const a = theta.map((v, i) => v - 0.5 * s * d[i]);
        const b = theta.map((v, i) => v + 0.5 * s * d[i]);
        ratios.push((1 - matchRefined(ws.match, ws.waveform(a).hp, ws.waveform(b).hp).match) / TARGET);
      }
    }
    // achieved: ratios 0.99989 .. 0.99999 (the eccentric phase is smooth in e, unlike EccentricFD's harmonics)
    for (const r of ratios) expect(Math.abs(r - 1)).toBeLessThan(0.01);
  });

  it('gives a Mq_nonspinning_e metric that predicts true EccentricFD mismatches of 1e-6 within 5% (M, q, e random)', () => {
    const ws = new MetricWorkspace({ variableFormat: 'Mq_nonspinning_e', ...SETTINGS });
    const rng = new Rng(7);
    const ratios: number[] = [];
    for (let p = 0; p < 4; p++) {
      const theta = [rng.uniformIn(25, 50), rng.uniformIn(1, 5), rng.uniformIn(0.05, 0.35)];
      const m = computeMetric(ws, theta, 'hessian');
      expect(m.positiveDefinite, `metric at [${theta}]`).toBe(true);
      for (let k = 0; k < 3; k++) {
        const d = rng.normals(3);
        const s = Math.sqrt(TARGET / metricDistanceSq(m.metric, d));
        const a = theta.map((v, i) => v - 0.5 * s * d[i]);
        const b = theta.map((v, i) => v + 0.5 * s * d[i]);
        ratios.push((1 - matchRefined(ws.match, ws.waveform(a).hp, ws.waveform(b).hp).match) / TARGET);
      }
    }
    // achieved: ratios 0.98-1.01
    // achieved: ratios 0.981 .. 1.000
    for (const r of ratios) expect(Math.abs(r - 1)).toBeLessThan(0.05);
  });
});
