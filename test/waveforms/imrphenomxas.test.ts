import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { uniformGridN, type FrequencyGrid } from '../../src/core/grid.js';
import {
  ampInspiral, ampIntermediate, ampPhenomX, ampRingdown, dAmpInspiral, dAmpRingdown, dPhaseInspiral, dPhaseIntermediate,
  dPhasePhenomX, dPhaseRingdown, generateIMRPhenomXAS, imrPhenomXAS, phaseInspiral, phaseIntermediate, phasePhenomX,
  phaseRingdown, setupPhenomX,
} from '../../src/waveforms/imrphenomx/index.js';
import { ALIGNED_BASE, differing, lalAgreementSuite } from './lal-vectors.js';

const base = ALIGNED_BASE;
const grid = uniformGridN(0.25, 4097);

lalAgreementSuite('waveforms/lal-fd-IMRPhenomXAS.json', imrPhenomXAS, 3, generateIMRPhenomXAS, { precessing: false, only22: true });

describe('IMRPhenomXAS conventions', () => {
  it('gives the bit-identical waveform when the bodies (mass and spin) are swapped', () => {
    const a = generateIMRPhenomXAS(grid, { ...base, m1: 12, m2: 4, s1z: 0.5, s2z: 0.9 });
    const b = generateIMRPhenomXAS(grid, { ...base, m1: 4, m2: 12, s1z: 0.9, s2z: 0.5 });
    expect(differing(b.hp, a.hp)).toBe(0);
    expect(differing(b.hc, a.hc)).toBe(0);
  });

  it('treats f_ref = 0 exactly as f_ref = f_min', () => {
    const a = generateIMRPhenomXAS(grid, { ...base, fRefHz: 0 });
    const b = generateIMRPhenomXAS(grid, { ...base, fRefHz: base.fMinHz });
    expect(differing(a.hp, b.hp)).toBe(0);
    expect(differing(a.hc, b.hc)).toBe(0);
  });

  it('fills bins floor(f_min/df) .. floor(min(f_max, 0.3/M)/df) (included) and nothing else', () => {
    for (const p of [{ ...base, fMinHz: 15.3 }, { ...base, m1: 100, m2: 80, fMinHz: 15.3 }]) {
      const { hp } = generateIMRPhenomXAS(grid, p);
      const fEnd = setupPhenomX(p).fEndHz;
      const first = Math.floor(15.3 / 0.25);
      const last = Math.min(Math.floor(fEnd / 0.25), grid.frequencies.length - 1);
      let wrong = 0;
      for (let k = 0; k < grid.frequencies.length; k++) {
        const filled = hp[2 * k] !== 0 || hp[2 * k + 1] !== 0;
        if (filled !== (k >= first && k <= last)) wrong++;
      }
      expect(wrong).toBe(0);
    }
  });

  it('gives arg h+(f_ref) = -3 pi/4 for phi_ref = 0 and iota = 0, and phi_ref multiplies h by exp(2 i phi_ref)', () => {
    const p0 = { ...base, phiRef: 0, inclination: 0 };
    const k = 30 / 0.25;
    const h0 = generateIMRPhenomXAS(grid, p0).hp;
    expect(Math.abs(Math.atan2(h0[2 * k + 1], h0[2 * k]) + (3 * Math.PI) / 4)).toBeLessThan(1e-10);
    const h1 = generateIMRPhenomXAS(grid, { ...p0, phiRef: 0.4 }).hp;
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

  it('gives hx = -i 2 cos(iota)/(1 + cos^2 iota) h+ in every bin', () => {
    const { hp, hc } = generateIMRPhenomXAS(grid, base);
    const ci = Math.cos(base.inclination);
    const r = (2 * ci) / (1 + ci * ci);
    let err = 0;
    let scale = 0;
    for (let k = 0; k < hp.length / 2; k++) {
      err = Math.max(err, Math.hypot(hc[2 * k] - r * hp[2 * k + 1], hc[2 * k + 1] + r * hp[2 * k]));
      scale = Math.max(scale, Math.hypot(hp[2 * k], hp[2 * k + 1]));
    }
    expect(err / scale).toBeLessThan(1e-15);
  });

  it('on a non-uniform grid (any order) gives the values of the scalar region functions, zero outside [f_min, f_end]', () => {
    const s = setupPhenomX(base);
    const freqs = Float64Array.from([1200, 14.9, 15, 17.3, 55.55, 140.2, 260.7, 399.9, 811.1, 1024, 1024.5, 3]);
    const { hp } = generateIMRPhenomXAS({ frequencies: freqs } satisfies FrequencyGrid, { ...base, inclination: 0 });
    const eta = s.system.eta;
    const ylm = -2 * Math.sqrt(5 / (64 * Math.PI));
    freqs.forEach((fHz, i) => {
      if (fHz < base.fMinHz || fHz > s.fEndHz) {
        expect([hp[2 * i], hp[2 * i + 1]]).toEqual([0, 0]);
        return;
      }
      const f = fHz * s.system.mSec;
      const a = ylm * s.system.amp0 * ampPhenomX(s.amp, f) * Math.pow(f, -7 / 6);
      const phi = phasePhenomX(s.phase, f) / eta + s.tShift * f + s.phiOffset;
      const scale = Math.abs(a);
      expect(Math.abs(hp[2 * i] - a * Math.cos(phi)) / scale).toBeLessThan(1e-9);
      expect(Math.abs(hp[2 * i + 1] - a * Math.sin(phi)) / scale).toBeLessThan(1e-9);
    });
  });

  it('rejects in-plane spins, f_min above the cutoff and unphysical masses and spins with a MbankError', () => {
    expect(() => generateIMRPhenomXAS(grid, { ...base, s1x: 0.1 })).toThrow(MbankError);
    expect(() => generateIMRPhenomXAS(grid, { ...base, m1: 300, m2: 300, fMinHz: 110 })).toThrow(/cutoff/);
    expect(() => generateIMRPhenomXAS(grid, { ...base, m2: 0 })).toThrow(MbankError);
    expect(() => generateIMRPhenomXAS(grid, { ...base, s1z: 1 })).toThrow(MbankError);
    expect(() => generateIMRPhenomXAS(grid, { ...base, m1: 2000, m2: 1 })).toThrow(/q = 1000/);
  });
});

describe('IMRPhenomXAS internals', () => {
  const systems = [base, { ...base, m1: 50, m2: 5, s1z: -0.8, s2z: 0.1 }, { ...base, m1: 8, m2: 8, s1z: 0.98, s2z: 0.98 }, { ...base, m1: 12, m2: 4, s1z: 0.5, s2z: 0.9 }];
  const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

  it('amplitude is continuous with continuous slope at both region joins', () => {
    for (const p of systems) {
      const { amp } = setupPhenomX(p);
      const h = 1e-7;
      const dInt = (f: number): number => (ampIntermediate(amp, f + h) - ampIntermediate(amp, f - h)) / (2 * h);
      expect(rel(ampIntermediate(amp, amp.fInsEnd), ampInspiral(amp, amp.fInsEnd))).toBeLessThan(1e-12);
      expect(rel(dInt(amp.fInsEnd), dAmpInspiral(amp, amp.fInsEnd))).toBeLessThan(1e-6);
      expect(rel(ampIntermediate(amp, amp.fPeak), ampRingdown(amp, amp.fPeak))).toBeLessThan(1e-12);
      const slopeScale = ampRingdown(amp, amp.fPeak) / amp.fPeak;
      expect(Math.abs(dInt(amp.fPeak) - dAmpRingdown(amp, amp.fPeak)) / slopeScale).toBeLessThan(1e-6);
      // analytic derivatives agree with finite differences
      expect(rel((ampInspiral(amp, 0.005 + h) - ampInspiral(amp, 0.005 - h)) / (2 * h), dAmpInspiral(amp, 0.005))).toBeLessThan(1e-6);
      const fr = amp.fPeak * 1.3;
      expect(rel((ampRingdown(amp, fr + h) - ampRingdown(amp, fr - h)) / (2 * h), dAmpRingdown(amp, fr))).toBeLessThan(1e-6);
    }
  });

  it('phase and its derivative are continuous at both region joins and the derivative ansatze integrate to the phase ansatze', () => {
    for (const p of systems) {
      const { phase: c } = setupPhenomX(p);
      const h = 1e-7;
      const fd = (g: (f: number) => number, f: number): number => (g(f + h) - g(f - h)) / (2 * h);
      for (const f of [c.fInsEnd, c.fIntEnd]) {
        expect(rel(phasePhenomX(c, f - 1e-13), phasePhenomX(c, f))).toBeLessThan(1e-9);
        expect(rel(dPhasePhenomX(c, f - 1e-13), dPhasePhenomX(c, f))).toBeLessThan(1e-9);
      }
      const fIns = 0.6 * c.fInsEnd;
      const fInt = 0.5 * (c.fInsEnd + c.fIntEnd);
      const fRd = 1.2 * c.fIntEnd;
      expect(rel(fd((f) => phaseInspiral(c, f), fIns), dPhaseInspiral(c, fIns))).toBeLessThan(1e-6);
      expect(rel(fd((f) => phaseIntermediate(c, f), fInt), dPhaseIntermediate(c, fInt))).toBeLessThan(1e-6);
      expect(rel(fd((f) => phaseRingdown(c, f), fRd), dPhaseRingdown(c, fRd))).toBeLessThan(1e-6);
    }
  });
});
