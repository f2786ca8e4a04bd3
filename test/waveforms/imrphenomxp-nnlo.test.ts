import { describe, expect, it } from 'vitest';
import { precessionAnglesAtV } from '../../src/waveforms/imrphenomxp/angles.js';
import { setupPhenomXP } from '../../src/waveforms/imrphenomxp/model.js';
import { nnloAlpha, nnloCoefficients, nnloEpsilon } from '../../src/waveforms/imrphenomxp/nnlo.js';
import { lOfV, type PrecessionSetup } from '../../src/waveforms/imrphenomxp/setup.js';
import { nnloAngle, nnloAngleCoefficients } from '../../src/waveforms/imrphenomp/angles.js';
import type { WaveformParams } from '../../src/waveforms/types.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** The PrecVersion 102 (NNLO) set-up of a system with in-plane spin on the heavier body. */
function nnloSetup(m1: number, m2: number, chi1z: number, chi2z: number, chi1x: number): PrecessionSetup {
  const p: WaveformParams = {
    m1, m2, s1x: chi1x, s1y: 0, s1z: chi1z, s2x: 0, s2y: 0, s2z: chi2z, distanceMpc: 100, inclination: 0.5, phiRef: 0,
    fMinHz: 20, fMaxHz: 1024, fRefHz: 20, precVersion: 102,
  };
  const prec = setupPhenomXP(p).prec;
  expect(prec.precVersion).toBe(102);
  return prec;
}

describe('IMRPhenomXP NNLO Euler angles (PrecVersion 102)', () => {
  it('give IMRPhenomPv2\'s NNLO alpha and epsilon (an independent form of the same PN series)', () => {
    let worst = 0;
    for (const [m1, m2, c1, c2, chip] of [[40, 8, 0.5, -0.3, 0.36], [30, 20, 0.2, 0.1, 0.6], [60, 10, 0.3, 0, 0.64], [20, 20, -0.4, 0.7, 0.1]]) {
      const M = m1 + m2;
      const n1 = m1 / M;
      const n2 = m2 / M;
      const chiEff = n1 * c1 + n2 * c2;
      const q = m1 / m2;
      const c = nnloCoefficients(n1, n1 * n2, Math.abs(n1 - n2), chiEff, chip, q);
      const pv2 = nnloAngleCoefficients(q, (1 + q) * (chiEff / q), chip);
      for (const omega of [0.002, 0.01, 0.05]) {
        worst = Math.max(worst, rel(nnloAlpha(c, omega), nnloAngle(pv2.alpha, omega)), rel(nnloEpsilon(c, omega), nnloAngle(pv2.epsilon, omega)));
      }
    }
    expect(worst).toBeLessThan(1e-13); // achieved 5.8e-16
  });

  it('give alpha = epsilon without in-plane spin', () => {
    const c = nnloCoefficients(0.75, 0.1875, 0.5, 0.25, 0, 3);
    expect(nnloAlpha(c, 0.01)).toBe(nnloEpsilon(c, 0.01));
  });

  it('open the cone as tan(beta) = S_perp / (L + S_L) with L = eta/v at Newtonian order', () => {
    const prec = nnloSetup(30, 10, 0.4, -0.2, 0.5);
    const newtonian = { ...prec, lCoeffs: Float64Array.of(1, 0, 0, 0, 0, 0, 0) };
    const out = new Float64Array(3);
    const work = new Float64Array(2);
    for (const v of [0.2, 0.35, 0.5]) {
      precessionAnglesAtV(newtonian, v, out, work);
      expect(Math.abs(Math.acos(out[1]) - Math.atan2(prec.sPerp, prec.eta / v + prec.sL))).toBeLessThan(1e-13); // achieved 5.0e-16
    }
  });

  it('flip cos(beta) when L + S_L < 0 and sum the 2PN L as Bohe et al. eq. 4.7', () => {
    const eta = 0.2;
    const l = Float64Array.of(1, 0, 1.5 + eta / 6, 0, (81 + (-57 + eta) * eta) / 24, 0, 0);
    const v = 0.3;
    const x = v * v;
    expect(rel(lOfV(l, v, eta / v), (eta / v) * (1 + x * (1.5 + eta / 6) + x * x * (27 / 8 - (19 * eta) / 8 + (eta * eta) / 24)))).toBeLessThan(1e-15);
    const out = new Float64Array(3);
    precessionAnglesAtV({ ...nnloSetup(30, 10, 0, 0, 0.5), sL: -10 }, v, out, new Float64Array(2));
    expect(out[1]).toBeLessThan(0);
  });
});
