import { describe, expect, it } from 'vitest';
import { nnloAnglesAt, orbitalL, setupNnloAngles, type NnloInputs } from '../../src/waveforms/imrphenomxp/nnlo-angles.js';
import { nnloAngle, nnloAngleCoefficients } from '../../src/waveforms/imrphenomp/angles.js';

/** NNLO inputs of a system with masses m1 >= m2, aligned spins and chi_p (Newtonian L unless given). */
function inputs(m1: number, m2: number, chi1L: number, chi2L: number, chip: number, l = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]): NnloInputs {
  const M = m1 + m2;
  const n1 = m1 / M;
  const n2 = m2 / M;
  const eta = n1 * n2;
  return {
    m1: n1, q: m1 / m2, eta, delta: Math.abs(n1 - n2), chiEff: n1 * chi1L + n2 * chi2L, chip, lCoefficients: l,
    sL: chi1L * n1 * n1 + chi2L * n2 * n2, sPerp: chip * n1 * n1,
  };
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('IMRPhenomXP NNLO Euler angles (PrecVersion 102)', () => {
  it('have the coefficients of IMRPhenomPv2\'s NNLO angles (an independent form of the same PN series)', () => {
    let worst = 0;
    for (const [m1, m2, c1, c2, chip] of [[40, 8, 0.5, -0.3, 0.36], [30, 20, 0.2, 0.1, 0.6], [60, 10, 0.3, 0, 0.64], [20, 20, -0.4, 0.7, 0.1]]) {
      const a = setupNnloAngles(inputs(m1, m2, c1, c2, chip));
      const x = inputs(m1, m2, c1, c2, chip);
      const pv2 = nnloAngleCoefficients(m1 / m2, (1 + m1 / m2) * (x.chiEff / (m1 / m2)), chip);
      for (let i = 0; i < 5; i++) {
        worst = Math.max(worst, rel(a.alpha[i], pv2.alpha[i]), rel(a.epsilon[i], pv2.epsilon[i]));
      }
      const out = new Float64Array(3);
      for (const omega of [0.002, 0.01, 0.05]) {
        nnloAnglesAt(a, Math.cbrt(omega), out);
        worst = Math.max(worst, rel(out[0], nnloAngle(pv2.alpha, omega)), rel(out[1], nnloAngle(pv2.epsilon, omega)));
      }
    }
    expect(worst).toBeLessThan(2e-13); // achieved 2.0e-15 (a5 of 60_10)
  });

  it('give alpha = epsilon without in-plane spin, and beta = 0', () => {
    const a = setupNnloAngles(inputs(30, 10, 0.4, -0.2, 0));
    const out = new Float64Array(3);
    nnloAnglesAt(a, 0.3, out);
    expect(out[0]).toBe(out[1]);
    expect(out[2]).toBe(1);
  });

  it('open the cone as tan(beta) = S_perp / (L + S_L) with L = eta/v at Newtonian order', () => {
    const x = inputs(30, 10, 0.4, -0.2, 0.5);
    const a = setupNnloAngles(x);
    const out = new Float64Array(3);
    for (const v of [0.2, 0.35, 0.5]) {
      nnloAnglesAt(a, v, out);
      expect(Math.abs(Math.acos(out[2]) - Math.atan2(x.sPerp, x.eta / v + x.sL))).toBeLessThan(1e-14); // achieved 1.1e-16
    }
  });

  it('flip cos(beta) when L + S_L < 0 and sum the 2PN L as Bohe et al. eq. 4.7', () => {
    const eta = 0.2;
    const l = [1, 0, 1.5 + eta / 6, 0, (81 + (-57 + eta) * eta) / 24, 0, 0, 0, 0, 0];
    const v = 0.3;
    const x = v * v;
    expect(rel(orbitalL(Float64Array.from(l), eta, v), (eta / v) * (1 + x * (1.5 + eta / 6) + x * x * (27 / 8 - (19 * eta) / 8 + (eta * eta) / 24)))).toBeLessThan(1e-15);
    const a = setupNnloAngles({ ...inputs(30, 10, 0, 0, 0.5), sL: -10 });
    const out = new Float64Array(3);
    nnloAnglesAt(a, v, out);
    expect(out[2]).toBeLessThan(0);
  });
});
