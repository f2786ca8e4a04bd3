import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { uniformGridN, type FrequencyGrid } from '../../src/core/grid.js';
import {
  AMP_F_JOIN_INS, PHI_F_JOIN_INS, FDAMP_SPLINE, FRING_SPLINE, ampInspiral, ampIntermediate, ampMergerRingdown,
  dAmpInspiral, dAmpMergerRingdown, dPhaseInspiral, dPhaseMergerRingdown, evalSpline, generateIMRPhenomD, imrPhenomD,
  naturalCubicSpline, phaseInspiral, phaseIntermediate, phaseMergerRingdown, setupPhenomD,
} from '../../src/waveforms/imrphenomd/index.js';
import { QNM_FDAMP, QNM_FRING, QNM_SPIN } from '../../src/waveforms/imrphenomd/qnm-table.js';
import { sinCosTable as sinCos } from '../../src/core/sincos.js';
import { ALIGNED_BASE, lalAgreementSuite } from './lal-vectors.js';

const base = ALIGNED_BASE;
const grid = uniformGridN(0.25, 4097);

lalAgreementSuite('lal-fd-waveforms.json', imrPhenomD, 7, generateIMRPhenomD, { precessing: false, only22: true });

describe('IMRPhenomD conventions', () => {
  it('gives the bit-identical waveform when the bodies (mass and spin) are swapped', () => {
    const a = generateIMRPhenomD(grid, { ...base, m1: 12, m2: 4, s1z: 0.5, s2z: 0.9 });
    const b = generateIMRPhenomD(grid, { ...base, m1: 4, m2: 12, s1z: 0.9, s2z: 0.5 });
    expect(b.hp).toEqual(a.hp);
    expect(b.hc).toEqual(a.hc);
  });

  it('treats f_ref = 0 exactly as f_ref = f_min', () => {
    const a = generateIMRPhenomD(grid, { ...base, fRefHz: 0 });
    const b = generateIMRPhenomD(grid, { ...base, fRefHz: base.fMinHz });
    expect(a.hp).toEqual(b.hp);
  });

  it('fills bins floor(f_min/df) .. floor(min(f_max, 0.2/M)/df) - 1 and nothing else', () => {
    const p = { ...base, fMinHz: 15.3 };
    const { hp } = generateIMRPhenomD(grid, p);
    const fCut = setupPhenomD(p).fEndHz;
    const first = Math.floor(15.3 / 0.25);
    const last = Math.floor(fCut / 0.25) - 1;
    for (let k = 0; k < grid.frequencies.length; k++) {
      const filled = hp[2 * k] !== 0 || hp[2 * k + 1] !== 0;
      expect(filled).toBe(k >= first && k <= last);
    }
  });

  it('gives arg h+(f_ref) = 0 for phi_ref = 0 and iota = 0, and phi_ref multiplies h by exp(2 i phi_ref)', () => {
    const p0 = { ...base, phiRef: 0, inclination: 0 };
    const k = 30 / 0.25;
    const h0 = generateIMRPhenomD(grid, p0).hp;
    expect(Math.abs(Math.atan2(h0[2 * k + 1], h0[2 * k]))).toBeLessThan(1e-12);
    const h1 = generateIMRPhenomD(grid, { ...p0, phiRef: 0.4 }).hp;
    const c = Math.cos(0.8);
    const s = Math.sin(0.8);
    let err = 0;
    let scale = 0;
    for (let j = 0; j < h0.length / 2; j++) {
      const re = c * h0[2 * j] - s * h0[2 * j + 1];
      const im = s * h0[2 * j] + c * h0[2 * j + 1];
      err = Math.max(err, Math.hypot(h1[2 * j] - re, h1[2 * j + 1] - im));
      scale = Math.max(scale, Math.hypot(h0[2 * j], h0[2 * j + 1]));
    }
    expect(err / scale).toBeLessThan(1e-11);
  });

  it('on a non-uniform grid gives the same values as on the uniform grid at the same frequencies (to 1e-10 of max|h|)', () => {
    // Not bitwise: f^{1/3} and ln f come from per-bin recurrences re-anchored on Math.cbrt / Math.log.
    const uniform = generateIMRPhenomD(grid, base);
    const picked: number[] = [];
    const freqs: number[] = [];
    for (let k = 40; k < 3600; k += 7) {
      picked.push(k);
      freqs.push(grid.frequencies[k]);
      freqs.push(grid.frequencies[k] + 0.1); // off-grid points in between
    }
    const nonUniform: FrequencyGrid = { frequencies: Float64Array.from(freqs) };
    const { hp, hc } = generateIMRPhenomD(nonUniform, base);
    const fEnd = setupPhenomD(base).fEndHz;
    let scale = 0;
    for (let k = 0; k < grid.frequencies.length; k++) scale = Math.max(scale, Math.hypot(uniform.hp[2 * k], uniform.hp[2 * k + 1]));
    let err = 0;
    picked.forEach((k, i) => {
      const j = 2 * i; // index of grid.frequencies[k] in the non-uniform grid
      const f = grid.frequencies[k];
      if (f >= base.fMinHz && f < fEnd) {
        err = Math.max(err, Math.hypot(hp[2 * j] - uniform.hp[2 * k], hp[2 * j + 1] - uniform.hp[2 * k + 1]),
          Math.hypot(hc[2 * j] - uniform.hc[2 * k], hc[2 * j + 1] - uniform.hc[2 * k + 1]));
      } else {
        expect([hp[2 * j], hp[2 * j + 1], hc[2 * j], hc[2 * j + 1]]).toEqual([0, 0, 0, 0]);
      }
    });
    expect(err / scale).toBeLessThan(1e-10);
    // the same grid in reverse order gives the same values, reversed
    const reversed = generateIMRPhenomD({ frequencies: Float64Array.from(freqs).reverse() }, base);
    const m = freqs.length;
    let errRev = 0;
    for (let i = 0; i < m; i++) {
      const r = m - 1 - i;
      errRev = Math.max(errRev, Math.hypot(reversed.hp[2 * r] - hp[2 * i], reversed.hp[2 * r + 1] - hp[2 * i + 1]));
      expect(reversed.hp[2 * r] === 0).toBe(hp[2 * i] === 0);
    }
    expect(errRev / scale).toBeLessThan(1e-10);
  });

  it('rejects in-plane spins, f_min above the cutoff and unphysical masses and spins with a MbankError', () => {
    expect(() => generateIMRPhenomD(grid, { ...base, s1x: 0.1 })).toThrow(MbankError);
    expect(() => generateIMRPhenomD(grid, { ...base, m1: 300, m2: 300, fMinHz: 100 })).toThrow(/cutoff/);
    expect(() => generateIMRPhenomD(grid, { ...base, m2: 0 })).toThrow(MbankError);
    expect(() => generateIMRPhenomD(grid, { ...base, s1z: 1 })).toThrow(MbankError);
    expect(() => generateIMRPhenomD(grid, { ...base, fMaxHz: 10 })).toThrow(MbankError);
  });
});

describe('IMRPhenomD internals', () => {
  it('QNM natural cubic splines reproduce every table node (the last one to rounding)', () => {
    const n = QNM_SPIN.length;
    for (let i = 0; i < n - 1; i++) {
      expect(evalSpline(FRING_SPLINE, QNM_SPIN[i])).toBe(QNM_FRING[i]);
      expect(evalSpline(FDAMP_SPLINE, QNM_SPIN[i])).toBe(QNM_FDAMP[i]);
    }
    expect(evalSpline(FRING_SPLINE, QNM_SPIN[n - 1])).toBeCloseTo(QNM_FRING[n - 1], 14);
    expect(evalSpline(FDAMP_SPLINE, QNM_SPIN[n - 1])).toBeCloseTo(QNM_FDAMP[n - 1], 14);
  });

  it('natural cubic spline has continuous slope at the knots, zero curvature at the ends and reproduces a straight line', () => {
    const x = Float64Array.from([0, 0.3, 0.5, 1.2, 2, 2.1]);
    const y = Float64Array.from([1, -2, 0.5, 3, 2, 2.5]);
    const s = naturalCubicSpline(x, y);
    const h = 1e-6;
    for (let i = 1; i < x.length - 1; i++) {
      const left = (evalSpline(s, x[i]) - evalSpline(s, x[i] - h)) / h;
      const right = (evalSpline(s, x[i] + h) - evalSpline(s, x[i])) / h;
      expect(Math.abs(left - right)).toBeLessThan(1e-3); // = h |y''| up to rounding; a kink would be O(1)
    }
    const hh = 1e-4;
    const d2 = (t: number): number => (evalSpline(s, t + hh) - 2 * evalSpline(s, t) + evalSpline(s, t - hh)) / (hh * hh);
    const interior = Math.max(...[0.4, 0.8, 1.5].map((t) => Math.abs(d2(t))));
    expect(interior).toBeGreaterThan(1);
    expect(Math.abs(d2(x[0] + hh))).toBeLessThan(1e-2 * interior);
    expect(Math.abs(d2(x[x.length - 1] - hh))).toBeLessThan(1e-2 * interior);
    const line = naturalCubicSpline(x, x.map((t) => 2 - 3 * t));
    for (const t of [0.1, 0.9, 1.7, 2.05]) expect(evalSpline(line, t)).toBeCloseTo(2 - 3 * t, 13);
  });

  it('amplitude and phase are continuous with continuous slopes at every region join', () => {
    for (const p of [base, { ...base, m1: 50, m2: 5, s1z: -0.8, s2z: 0.1 }, { ...base, m1: 8, m2: 8, s1z: 0.99, s2z: 0.99 }]) {
      const { amp, phase } = setupPhenomD(p);
      const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
      // amplitude: inspiral -> intermediate at 0.014, intermediate -> merger-ringdown at f_peak
      const h = 1e-7;
      expect(rel(ampIntermediate(amp, AMP_F_JOIN_INS), ampInspiral(amp, AMP_F_JOIN_INS))).toBeLessThan(1e-12);
      expect(rel((ampIntermediate(amp, AMP_F_JOIN_INS + h) - ampIntermediate(amp, AMP_F_JOIN_INS - h)) / (2 * h), dAmpInspiral(amp, AMP_F_JOIN_INS))).toBeLessThan(1e-6);
      expect(rel(ampIntermediate(amp, amp.fPeak), ampMergerRingdown(amp, amp.fPeak))).toBeLessThan(1e-12);
      // the MRD slope vanishes at its peak: compare on the scale a(f_peak)/f_peak
      const slopeScale = ampMergerRingdown(amp, amp.fPeak) / amp.fPeak;
      expect(Math.abs((ampIntermediate(amp, amp.fPeak + h) - ampIntermediate(amp, amp.fPeak - h)) / (2 * h) - dAmpMergerRingdown(amp, amp.fPeak)) / slopeScale).toBeLessThan(1e-6);
      expect(Math.abs(dAmpMergerRingdown(amp, amp.fPeak)) / slopeScale).toBeLessThan(1e-9);
      // analytic derivatives agree with finite differences
      expect(rel((ampInspiral(amp, 0.01 + h) - ampInspiral(amp, 0.01 - h)) / (2 * h), dAmpInspiral(amp, 0.01))).toBeLessThan(1e-6);
      // phase: inspiral -> intermediate at 0.018, intermediate -> merger-ringdown at fRD/2
      const fi = PHI_F_JOIN_INS;
      const fm = phase.fMRDJoin;
      expect(rel(phaseIntermediate(phase, fi), phaseInspiral(phase, fi))).toBeLessThan(1e-12);
      expect(rel((phaseIntermediate(phase, fi + h) - phaseIntermediate(phase, fi - h)) / (2 * h), dPhaseInspiral(phase, fi))).toBeLessThan(1e-6);
      expect(rel((phaseInspiral(phase, fi + h) - phaseInspiral(phase, fi - h)) / (2 * h), dPhaseInspiral(phase, fi))).toBeLessThan(1e-6);
      expect(rel(phaseMergerRingdown(phase, fm), phaseIntermediate(phase, fm))).toBeLessThan(1e-12);
      expect(rel((phaseMergerRingdown(phase, fm + h) - phaseMergerRingdown(phase, fm - h)) / (2 * h), dPhaseMergerRingdown(phase, fm) + phase.c2MRD)).toBeLessThan(1e-6);
    }
  });

  it('the shared table sinCos agrees with Math.cos and Math.sin over a wide range of phases', () => {
    const out = new Float64Array(2);
    let err = 0;
    for (let i = 0; i < 20000; i++) {
      const x = (i - 10000) * 73.123456789 + Math.sin(i);
      sinCos(x, out);
      err = Math.max(err, Math.abs(out[0] - Math.cos(x)), Math.abs(out[1] - Math.sin(x)));
    }
    for (const x of [0, Math.PI / 4, Math.PI / 2, -Math.PI, 1e7, -3e6]) {
      sinCos(x, out);
      err = Math.max(err, Math.abs(out[0] - Math.cos(x)), Math.abs(out[1] - Math.sin(x)));
    }
    expect(err).toBeLessThan(1e-15);
  });
});
