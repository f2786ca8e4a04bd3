import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { uniformGridN } from '../../src/core/grid.js';
import { MTSUN_SI } from '../../src/core/constants.js';
import { generateIMRPhenomD } from '../../src/waveforms/imrphenomd/index.js';
import {
  evalSplineDerivative, finalSpinPv2, generateIMRPhenomPv2, imrPhenomPv2, nnloAngle, nnloAngleCoefficients, peakTimeShift,
  phenomPSourceFrame, setupPhenomPv2, spinWeightedY2,
} from '../../src/waveforms/imrphenomp/index.js';
import { finalSpin0815, naturalCubicSpline } from '../../src/waveforms/imrphenomd/qnm.js';
import type { WaveformParams } from '../../src/waveforms/types.js';
import { lalAgreementSuite, swapAndFrefConventions } from './lal-vectors.js';

const base: WaveformParams = {
  m1: 30, m2: 20, s1x: 0.4, s1y: -0.2, s1z: 0.3, s2x: 0.05, s2y: 0.1, s2z: -0.1,
  distanceMpc: 400, inclination: 0.7, phiRef: 0.9, fMinHz: 15, fMaxHz: 1024, fRefHz: 20,
};
const grid = uniformGridN(0.25, 4097);

lalAgreementSuite('waveforms/lal-fd-IMRPhenomPv2.json', imrPhenomPv2, 4, generateIMRPhenomPv2, { precessing: true, only22: false });

describe('IMRPhenomPv2 conventions', () => {
  swapAndFrefConventions(generateIMRPhenomPv2, base, grid);

  it('fills bins floor(f_min/df) .. floor(min(f_max, 0.2/M)/df) - 1 and nothing else (cutoff inside the band)', () => {
    const p = { ...base, m1: 100, m2: 80, fMinHz: 15.3 };
    const { hp, hc } = generateIMRPhenomPv2(grid, p);
    const fCut = 0.2 / (180 * MTSUN_SI);
    expect(setupPhenomPv2(p).fEndHz).toBe(fCut);
    const first = Math.floor(15.3 / 0.25);
    const last = Math.floor(fCut / 0.25) - 1;
    const wrong: number[] = [];
    for (let k = 0; k < grid.frequencies.length; k++) {
      const expected = k >= first && k <= last;
      if ((hp[2 * k] !== 0 || hp[2 * k + 1] !== 0) !== expected || (hc[2 * k] !== 0 || hc[2 * k + 1] !== 0) !== expected) wrong.push(k);
    }
    expect(wrong).toEqual([]);
  });

  it('evaluates each frequency independently of the grid: a halved df and a shuffled non-uniform grid reproduce the bins to 1e-10', () => {
    const ref = generateIMRPhenomPv2(grid, base);
    const scale = ref.hp.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const fine = generateIMRPhenomPv2(uniformGridN(0.125, 8193), base);
    const order = Array.from({ length: 4097 }, (_, k) => (k * 1237) % 4097);
    const shuffled = generateIMRPhenomPv2({ frequencies: Float64Array.from(order, (k) => grid.frequencies[k]) }, base);
    const fEnd = setupPhenomPv2(base).fEndHz;
    let worst = 0;
    let misplaced = 0;
    for (let j = 0; j < order.length; j++) {
      const k = order[j];
      const f = grid.frequencies[k];
      // (the uniform grid leaves out the last bin below f_end, LAL's floor(f_end/df) - 1 convention)
      for (const c of ref.hp[2 * k] === 0 ? [] : [0, 1]) {
        worst = Math.max(worst, Math.abs(fine.hp[2 * (2 * k) + c] - ref.hp[2 * k + c]), Math.abs(fine.hc[2 * (2 * k) + c] - ref.hc[2 * k + c]));
        worst = Math.max(worst, Math.abs(shuffled.hp[2 * j + c] - ref.hp[2 * k + c]), Math.abs(shuffled.hc[2 * j + c] - ref.hc[2 * k + c]));
      }
      if ((shuffled.hp[2 * j] !== 0) !== (f >= base.fMinHz && f < fEnd)) misplaced++;
    }
    expect(worst / scale).toBeLessThan(1e-10);
    expect(misplaced).toBe(0);
  });

  it('throws MbankError for f_min above the cutoff and for spin magnitudes >= 1', () => {
    expect(() => generateIMRPhenomPv2(grid, { ...base, m1: 600, m2: 400, fMinHz: 50 })).toThrow(MbankError);
    expect(() => generateIMRPhenomPv2(grid, { ...base, s1x: 0.9, s1z: 0.5 })).toThrow(MbankError);
  });
});

describe('IMRPhenomPv2 with zero in-plane spins and IMRPhenomD', () => {
  const aligned = { ...base, s1x: 0, s1y: 0, s2x: 0, s2y: 0, s1z: 0.3, s2z: -0.2 };

  it.each([0, 0.9, 2.5])('at iota = %s: |h+| equals IMRPhenomD\'s and h+_Pv2/h+_D = exp(i (a + b f)) (time and phase shift only)', (iota) => {
    const p = { ...aligned, inclination: iota };
    const P = generateIMRPhenomPv2(grid, p);
    const D = generateIMRPhenomD(grid, p);
    const phases: number[] = [];
    const freqs: number[] = [];
    let zeroMismatch = 0;
    let ampError = 0;
    for (let k = 0; k < grid.frequencies.length; k++) {
      const pr = P.hp[2 * k], pi = P.hp[2 * k + 1], dr = D.hp[2 * k], di = D.hp[2 * k + 1];
      const aD = Math.hypot(dr, di);
      if ((Math.hypot(pr, pi) === 0) !== (aD === 0)) zeroMismatch++;
      if (aD === 0) continue;
      ampError = Math.max(ampError, Math.abs(Math.hypot(pr, pi) / aD - 1));
      phases.push(Math.atan2(pi * dr - pr * di, pr * dr + pi * di));
      freqs.push(grid.frequencies[k]);
    }
    for (let i = 1; i < phases.length; i++) phases[i] -= 2 * Math.PI * Math.round((phases[i] - phases[i - 1]) / (2 * Math.PI));
    expect(zeroMismatch).toBe(0);
    expect(ampError).toBeLessThan(1e-12);
    const n = phases.length;
    const slope = (phases[n - 1] - phases[0]) / (freqs[n - 1] - freqs[0]);
    let residual = 0;
    for (let i = 0; i < n; i++) residual = Math.max(residual, Math.abs(phases[i] - phases[0] - slope * (freqs[i] - freqs[0])));
    expect(residual).toBeLessThan(1e-9);
  });

  it('obeys the 22-only relation hx = -i 2 cos(iota)/(1 + cos^2 iota) h+ in the aligned limit', () => {
    for (const iota of [0.4, 1.3, 2.8]) {
      const { hp, hc } = generateIMRPhenomPv2(grid, { ...aligned, inclination: iota });
      const r = (2 * Math.cos(iota)) / (1 + Math.cos(iota) ** 2);
      let worst = 0;
      for (let k = 0; k < grid.frequencies.length; k++) {
        const a = Math.hypot(hp[2 * k], hp[2 * k + 1]);
        if (a === 0) continue;
        worst = Math.max(worst, Math.hypot(hc[2 * k] - r * hp[2 * k + 1], hc[2 * k + 1] + r * hp[2 * k]) / a);
      }
      expect(worst).toBeLessThan(1e-13);
    }
  });

  it('does not obey that relation once the spins precess', () => {
    const { hp, hc } = generateIMRPhenomPv2(grid, base);
    const r = (2 * Math.cos(base.inclination)) / (1 + Math.cos(base.inclination) ** 2);
    let worst = 0;
    for (let k = 0; k < grid.frequencies.length; k++) {
      const a = Math.hypot(hp[2 * k], hp[2 * k + 1]);
      if (a > 0) worst = Math.max(worst, Math.hypot(hc[2 * k] - r * hp[2 * k + 1], hc[2 * k + 1] + r * hp[2 * k]) / a);
    }
    expect(worst).toBeGreaterThan(0.01);
  });
});

describe('IMRPhenomPv2 building blocks', () => {
  it('maps an aligned-spin source frame to J along L: thetaJN = iota, alpha0 = pi, phi_aligned = phi_ref - pi/2, zeta = -pi/2', () => {
    const f = phenomPSourceFrame(30, 20, 20, 0.9, 0.7, 0, 0, 0.3, 0, 0, -0.2);
    expect(f.chip).toBe(0);
    expect(f.thetaJN).toBeCloseTo(0.7, 14);
    expect(f.alpha0).toBe(Math.PI);
    expect(f.phiAligned).toBeCloseTo(0.9 - Math.PI / 2, 14);
    expect(f.zetaPolariz).toBeCloseTo(-Math.PI / 2, 14);
  });

  it('gives chi_p = |s_perp| for an in-plane spin on the heavier body alone, and the A_2/A_1-weighted value on the lighter one', () => {
    expect(phenomPSourceFrame(30, 20, 20, 0, 0, 0.3, 0.4, 0, 0, 0, 0).chip).toBeCloseTo(0.5, 15);
    const q = 1.5;
    const expected = ((2 + 1.5 * q) / (q * (2 * q + 1.5))) * 0.5;
    expect(phenomPSourceFrame(30, 20, 20, 0, 0, 0, 0, 0, 0.3, 0.4, 0).chip).toBeCloseTo(expected, 14);
  });

  it('tilts J away from L by the in-plane spin: thetaJN differs from iota and J lies between L and S', () => {
    const f = phenomPSourceFrame(30, 20, 20, 0, 0, 0.8, 0, 0, 0, 0, 0);
    expect(f.thetaJN).toBeGreaterThan(0.01);
    expect(f.thetaJN).toBeLessThan(Math.PI / 2);
  });

  it('has alpha(f_ref) = alpha0 and epsilon(f_ref) = 0 after the offsets, and alpha = epsilon coefficients when chi_p = 0', () => {
    const s = setupPhenomPv2(base);
    const omegaRef = Math.PI * s.mTotal * MTSUN_SI * base.fRefHz;
    expect(nnloAngle(s.angles.alpha, omegaRef) - s.alphaOffset).toBeCloseTo(s.frame.alpha0, 12);
    expect(nnloAngle(s.angles.epsilon, omegaRef) - s.epsilonOffset).toBeCloseTo(0, 12);
    const c = nnloAngleCoefficients(1.5, 0.2, 0);
    expect(c.alpha).toEqual(c.epsilon);
    expect(nnloAngleCoefficients(1.5, 0.2, 0.5).alpha).not.toEqual(nnloAngleCoefficients(1.5, 0.2, 0.5).epsilon);
  });

  it('reduces the final spin to FinalSpin0815 without in-plane spin and adds chi_p m_big^2 in quadrature otherwise', () => {
    const eta = (25 * 10) / 35 ** 2;
    expect(finalSpinPv2(10, 25, 0.1, -0.3, 0)).toBe(finalSpin0815(eta, -0.3, 0.1));
    const aPar = finalSpin0815(eta, -0.3, 0.1);
    const sPerp = 0.4 * (25 / 35) ** 2;
    expect(finalSpinPv2(25, 10, -0.3, 0.1, 0.4)).toBeCloseTo(Math.sign(aPar) * Math.hypot(aPar, sPerp), 15);
  });

  it('has spin-weighted harmonics with sum_m |Y_2m|^2 = 5/(4 pi) at any angle', () => {
    for (const theta of [0, 0.3, 1.7, Math.PI]) {
      const y = spinWeightedY2(theta);
      expect(y.reduce((acc, v) => acc + v * v, 0)).toBeCloseTo(5 / (4 * Math.PI), 14);
    }
  });

  it('recovers the time shift of a linear phasing exactly and differentiates a spline through a quadratic to 1e-3', () => {
    expect(peakTimeShift((f) => 2 * Math.PI * 0.0123 * f + 4, 300, 1000)).toBeCloseTo(0.0123, 12);
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const s = naturalCubicSpline(x, x.map((t) => t * t));
    expect(evalSplineDerivative(s, 4.5)).toBeCloseTo(9, 2);
  });
});
