import { describe, expect, it } from 'vitest';
import { uniformGridN } from '../../src/core/grid.js';
import { MbankError } from '../../src/core/errors.js';
import { nnloAngleCoefficients } from '../../src/waveforms/imrphenomp/index.js';
import { buildAngleInterpolant, interpolatedAnglesAtV } from '../../src/waveforms/imrphenomxp/interpolant.js';
import { Rng } from '../../src/core/rng.js';
import {
  ellipticF, nnloCoefficients, precessionAnglesAt, generateIMRPhenomXP, generateIMRPhenomXPInto, imrPhenomXP, jacobiSn, precessionAngles, setupPhenomXP,
} from '../../src/waveforms/imrphenomxp/index.js';
import type { WaveformParams } from '../../src/waveforms/types.js';
import { differing, lalAgreementSuite, swapAndFrefConventions } from './lal-vectors.js';

const base: WaveformParams = {
  m1: 30, m2: 20, s1x: 0.4, s1y: -0.2, s1z: 0.3, s2x: 0.05, s2y: 0.1, s2z: -0.1,
  distanceMpc: 400, inclination: 0.7, phiRef: 0.9, fMinHz: 15, fMaxHz: 1024, fRefHz: 20,
};
const grid = uniformGridN(0.25, 4097);

lalAgreementSuite('waveforms/lal-fd-IMRPhenomXP.json', imrPhenomXP, 3, generateIMRPhenomXP, { precessing: true, only22: false });

describe('IMRPhenomXP conventions', () => {
  swapAndFrefConventions(generateIMRPhenomXP, base, grid);

  it('generateInto writes bitwise the values of generate on [kLo, kHi) and leaves other bins alone (h+ alone too)', () => {
    const ref = generateIMRPhenomXP(grid, base);
    const hp = new Float64Array(2 * 4097).fill(7);
    const hc = new Float64Array(2 * 4097).fill(7);
    generateIMRPhenomXPInto(grid, base, { hp, hc }, { kLo: 100, kHi: 3000 });
    expect(differing(hp.subarray(200, 6000), ref.hp.subarray(200, 6000))).toBe(0);
    expect(differing(hc.subarray(200, 6000), ref.hc.subarray(200, 6000))).toBe(0);
    expect(hp[199]).toBe(7);
    expect(hc[6000]).toBe(7);
    const hpOnly = new Float64Array(2 * 4097);
    generateIMRPhenomXPInto(grid, base, { hp: hpOnly });
    expect(differing(hpOnly, ref.hp)).toBe(0);
  });

  it('evaluates each frequency independently of the grid: generateAt on shuffled frequencies reproduces the bins to 1e-12', () => {
    const ref = generateIMRPhenomXP(grid, base);
    const scale = ref.hp.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const ks = Array.from({ length: 500 }, (_, j) => 60 + ((j * 1237) % 3900));
    const at = imrPhenomXP.generateAt(Float64Array.from(ks, (k) => grid.frequencies[k]), base);
    let worst = 0;
    ks.forEach((k, j) => {
      worst = Math.max(worst, Math.hypot(at.hp[2 * j] - ref.hp[2 * k], at.hp[2 * j + 1] - ref.hp[2 * k + 1]) / scale);
      worst = Math.max(worst, Math.hypot(at.hc[2 * j] - ref.hc[2 * k], at.hc[2 * j + 1] - ref.hc[2 * k + 1]) / scale);
    });
    expect(worst).toBeLessThan(1e-12); // achieved 6e-16 (the kernel's carried powers differ from fresh ones by rounding)
  });

  it('has alpha and epsilon vanish at f_ref up to alpha0 = pi - kappa and epsilon0 = phiJ - pi, and |cos beta| <= 1', () => {
    const { prec } = setupPhenomXP(base);
    const a = precessionAngles(prec, Float64Array.of(base.fRefHz, 30, 100, 500));
    expect(prec.precVersion).toBe(223);
    expect(a.alpha[0]).toBeCloseTo(prec.alpha0, 12);
    expect(a.epsilon[0]).toBeCloseTo(prec.epsilon0, 12);
    for (const c of a.cosBeta) expect(Math.abs(c)).toBeLessThanOrEqual(1);
  });
});

describe('IMRPhenomXP precession versions', () => {
  // a point where LAL's MSA system fails (|Omega_z5| > 1000): version 223 falls back to the NNLO angles
  const msaFails: WaveformParams = {
    ...base, fRefHz: 0, m1: 29.74591272746079, m2: 21.422562672907404, s1x: 0.3133257211763813, s1y: -0.2091047945262422, s1z: -0.5530741603222962,
    s2x: 0.26326549232710755, s2y: 0.5962243080809714, s2z: 0.4985225296217183,
  };

  it('falls back from 223 to 102 where the MSA system fails, giving bitwise the precVersion 102 waveform', () => {
    expect(setupPhenomXP(msaFails).prec.precVersion).toBe(102);
    expect(setupPhenomXP(base).prec.precVersion).toBe(223);
    const a = generateIMRPhenomXP(grid, msaFails);
    const b = generateIMRPhenomXP(grid, { ...msaFails, precVersion: 102 });
    expect(differing(a.hp, b.hp)).toBe(0);
    expect(differing(a.hc, b.hc)).toBe(0);
  });

  it('has NNLO coefficients equal to IMRPhenomPv2\'s (LAL-validated) ones for the same q, chi_L and chi_p', () => {
    let worst = 0;
    for (const [q, c1, c2, chip] of [[1.5, 0.3, -0.1, 0.45], [4, -0.6, 0.2, 0.8], [1.01, 0.1, 0.1, 0.2]]) {
      const m1 = q / (1 + q);
      const m2 = 1 / (1 + q);
      const chiEff = m1 * c1 + m2 * c2;
      const x = nnloCoefficients(m1, m1 * m2, m1 - m2, chiEff, chip, q);
      const p = nnloAngleCoefficients(q, ((1 + q) / q) * chiEff, chip);
      const mine = [x.alpha1, x.alpha2, x.alpha3, x.alpha4L, x.alpha5, x.epsilon1, x.epsilon2, x.epsilon3, x.epsilon4L, x.epsilon5];
      [...p.alpha, ...p.epsilon].forEach((v, i) => { worst = Math.max(worst, Math.abs(mine[i] - v) / Math.abs(v)); });
    }
    expect(worst).toBeLessThan(1e-13); // achieved 4e-16
  });

  it('rejects a precession version other than 223 and 102 naming the value', () => {
    expect(() => generateIMRPhenomXP(grid, { ...base, precVersion: 300 })).toThrow(MbankError);
    expect(() => generateIMRPhenomXP(grid, { ...base, precVersion: 300 })).toThrow(/precVersion = 300/);
  });

  it('gives with NNLO angles (102) a waveform close to the MSA one (normalised overlap > 0.9 at moderate precession)', () => {
    const a = generateIMRPhenomXP(grid, base);
    const b = generateIMRPhenomXP(grid, { ...base, precVersion: 102 });
    let re = 0, im = 0, na = 0, nb = 0;
    for (let k = 0; k < 4097; k++) {
      re += a.hp[2 * k] * b.hp[2 * k] + a.hp[2 * k + 1] * b.hp[2 * k + 1];
      im += a.hp[2 * k + 1] * b.hp[2 * k] - a.hp[2 * k] * b.hp[2 * k + 1];
      na += a.hp[2 * k] ** 2 + a.hp[2 * k + 1] ** 2;
      nb += b.hp[2 * k] ** 2 + b.hp[2 * k + 1] ** 2;
    }
    const overlap = Math.hypot(re, im) / Math.sqrt(na * nb);
    expect(overlap).toBeGreaterThan(0.9);
    expect(overlap).toBeLessThan(1 - 1e-6); // the angles do differ
  });
});

describe('IMRPhenomXP angle interpolants', () => {
  it('reproduce the direct MSA angles at every bin of 20 random precessing binaries to 1e-11 of (1 + max|angle|), most bins interpolated', () => {
    const rng = new Rng(11);
    const ex = new Float64Array(3);
    const ap = new Float64Array(3);
    const w = new Float64Array(2);
    let worst = 0;
    let used = 0;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const a1 = rng.uniformIn(0, 0.99);
      const t1 = rng.uniformIn(0, Math.PI);
      const p1 = rng.uniformIn(0, 2 * Math.PI);
      const p: WaveformParams = {
        ...base, m1: rng.uniformIn(8, 70), m2: rng.uniformIn(8, 70), s1x: a1 * Math.sin(t1) * Math.cos(p1), s1y: a1 * Math.sin(t1) * Math.sin(p1),
        s1z: a1 * Math.cos(t1), s2x: 0.1, s2y: -0.05, s2z: rng.uniformIn(-0.99, 0.99), fRefHz: 0,
      };
      const { prec, xas } = setupPhenomXP(p);
      const fs = Array.from(grid.frequencies).filter((f) => f >= 15 && f <= xas.fEndHz);
      const ip = buildAngleInterpolant(prec, fs[0], fs[fs.length - 1]);
      if (ip === null) continue;
      const direct = fs.map((f) => { precessionAnglesAt(prec, f, ex, w); return [ex[0], ex[1], ex[2]]; });
      const scale = 1 + Math.max(...direct.map((a) => Math.max(Math.abs(a[0]), Math.abs(a[2]))));
      fs.forEach((f, k) => {
        total++;
        if (!interpolatedAnglesAtV(ip, Math.cbrt(Math.PI * prec.mSec * f), ap)) return;
        used++;
        worst = Math.max(worst, Math.abs(ap[0] - direct[k][0]) / scale, Math.abs(ap[1] - direct[k][1]), Math.abs(ap[2] - direct[k][2]) / scale);
      });
    }
    expect(worst).toBeLessThan(1e-11); // achieved 6e-13 (the direct evaluation's own rounding noise)
    expect(used / total).toBeGreaterThan(0.75); // achieved 0.86 (pieces with a kink of LAL's |.| or clamps are evaluated directly)
  });
});

describe('elliptic functions (GSL forms)', () => {
  it('sn(F(phi, k) | k^2) = sin(phi), sn(u | 0) = sin u and sn(u | 1) = tanh u', () => {
    let worst = 0;
    for (const m of [0.01, 0.3, 0.7, 0.95, 0.999999]) {
      for (const phi of [-1.4, -0.5, 0.2, 0.9, 1.5]) worst = Math.max(worst, Math.abs(jacobiSn(ellipticF(phi, Math.sqrt(m)), m) - Math.sin(phi)));
    }
    expect(worst).toBeLessThan(1e-13); // achieved 3e-15
    expect(jacobiSn(2.3, 0)).toBe(Math.sin(2.3));
    expect(jacobiSn(0.7, 1)).toBe(Math.tanh(0.7));
  });
});
