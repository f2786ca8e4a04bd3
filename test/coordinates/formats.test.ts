import { describe, it, expect } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { MbankError } from '../../src/core/errors.js';
import {
  getVariableFormat, variableFormatNames, thetaProblem, regionFromRanges, isInside, boxFromRanges,
  chirpMass, symmetricMassRatio, COMPONENT_NAMES,
} from '../../src/coordinates/index.js';

describe('variable formats', () => {
  it('lists the 405 composed formats of mbank plus BBH_components', () => {
    const names = variableFormatNames();
    expect(names.length).toBe(5 * 9 * 3 * 3 + 1);
    for (const n of ['Mq_s1z_s2z', 'logMq_chi_iota', 'mceta_s1xz_s2z_e_iotaphi', 'm1m2_nonspinning_e', 'logm1logm2_fullspins_emeanano_iotaphi', 'BBH_components']) {
      expect(names).toContain(n);
    }
  });

  it('round-trips theta -> components -> theta for every format at random points of its default box', () => {
    const rng = new Rng(7);
    for (const name of variableFormatNames()) {
      const f = getVariableFormat(name);
      const box = f.defaultBox();
      expect(f.names.length).toBe(f.D);
      let tested = 0;
      for (let trial = 0; trial < 200 && tested < 10; trial++) {
        const theta = Float64Array.from({ length: f.D }, (_, i) => rng.uniformIn(box.lo[i], box.hi[i]));
        if (thetaProblem(f, theta) !== null) continue;
        const back = f.fromPhysical(f.toPhysical(theta));
        for (let i = 0; i < f.D; i++) {
          const tol = 1e-9 * Math.max(1, Math.abs(theta[i]));
          expect(Math.abs(back[i] - theta[i]), `${name} ${f.names[i]}`).toBeLessThan(tol);
        }
        tested++;
      }
      expect(tested, name).toBeGreaterThan(0);
    }
  });

  it('maps Mq, mceta and spherical spins to the components mbank defines', () => {
    const c = getVariableFormat('Mq_s1xyz_s2z_e_iotaphi').toPhysical([40, 3, 0.5, 0.4, -0.3, 0.2, 0.1, 1.0, 2.0]);
    expect(c.m1).toBeCloseTo(30, 12);
    expect(c.m2).toBeCloseTo(10, 12);
    expect(c.s1x).toBeCloseTo(0.5 * Math.sin(0.4) * Math.cos(-0.3), 14);
    expect(c.s1y).toBeCloseTo(0.5 * Math.sin(0.4) * Math.sin(-0.3), 14);
    expect(c.s1z).toBeCloseTo(0.5 * Math.cos(0.4), 14);
    expect([c.s2z, c.e, c.meanano, c.iota, c.phi]).toEqual([0.2, 0.1, 0, 1.0, 2.0]);
    const m = getVariableFormat('mceta_chi').toPhysical([chirpMass(20, 5), symmetricMassRatio(20, 5), 0.3]);
    expect(m.m1).toBeCloseTo(20, 10);
    expect(m.m2).toBeCloseTo(5, 10);
    expect([m.s1z, m.s2z]).toEqual([0.3, 0.3]);
    const l = getVariableFormat('logMq_nonspinning').toPhysical([2, 1]);
    expect(l.m1 + l.m2).toBeCloseTo(100, 10);
    expect(COMPONENT_NAMES.length).toBe(12);
  });

  it('recovers a negative in-plane spin and an in-plane spin along y (sx = 0)', () => {
    const f = getVariableFormat('Mq_s1xyz');
    const c = { m1: 20, m2: 10, s1x: 0, s1y: -0.4, s1z: 0.1, s2x: 0, s2y: 0, s2z: 0, e: 0, meanano: 0, iota: 0, phi: 0 };
    const back = f.toPhysical(f.fromPhysical(c));
    expect(back.s1x).toBeCloseTo(0, 14);
    expect(back.s1y).toBeCloseTo(-0.4, 14);
    expect(back.s1z).toBeCloseTo(0.1, 14);
    const g = getVariableFormat('Mq_s1xz');
    const t = g.fromPhysical({ ...c, s1x: -0.5, s1y: 0 });
    expect(g.toPhysical(t).s1x).toBeCloseTo(-0.5, 14);
  });

  it('names the grammar and the valid layouts for an unknown format', () => {
    expect(() => getVariableFormat('Mq_s1y')).toThrow(MbankError);
    expect(() => getVariableFormat('Mq_s1y')).toThrow(/Mq_s1y.*mass in \{m1m2, Mq, logMq, logm1logm2, mceta\}.*s1xyz_s2z.*emeanano.*iotaphi/);
  });

  it('flags q < 1, spins of magnitude >= 1, eta > 1/4 and angles out of range as invalid', () => {
    expect(thetaProblem(getVariableFormat('Mq_s1z_s2z'), [40, 2, 0.3, -0.2])).toBeNull();
    expect(thetaProblem(getVariableFormat('Mq_s1z_s2z'), [40, 0.5, 0.3, -0.2])).toMatch(/q/);
    expect(thetaProblem(getVariableFormat('Mq_s1z_s2z'), [40, 2, 1.0, -0.2])).toMatch(/s1z/);
    expect(thetaProblem(getVariableFormat('mceta_chi'), [10, 0.26, 0])).toMatch(/eta/);
    expect(thetaProblem(getVariableFormat('m1m2_nonspinning'), [10, 20])).toMatch(/m1 >= m2/);
    expect(thetaProblem(getVariableFormat('Mq_chi_iota'), [40, 2, 0, 4])).toMatch(/iota/);
    expect(thetaProblem(getVariableFormat('Mq_s1xz'), [40, 2, 0.5, 4])).toMatch(/theta1/);
    expect(thetaProblem(getVariableFormat('Mq_s1z'), [40, 2])).toMatch(/needs 3/);
  });
});

describe('boxes and mass cuts', () => {
  it('builds the box from the range options of the format (log10 for logMq, magnitudes clamped at 0)', () => {
    const f = getVariableFormat('logMq_s1xz_s2z_iotaphi');
    const box = boxFromRanges(f, { mtot: [10, 100], q: [1, 5] });
    expect(Array.from(box.lo)).toEqual([1, 1, 0, -Math.PI, -0.99, 0, -Math.PI]);
    expect(Array.from(box.hi)).toEqual([2, 5, 0.99, Math.PI, 0.99, Math.PI, Math.PI]);
    expect(() => boxFromRanges(f, { mtot: [0, 100] })).toThrow(/--mtot-range.*> 0/);
    expect(() => boxFromRanges(f, { q: [5, 1] })).toThrow(/--q-range/);
  });

  it('keeps a point only inside the box and every mass cut', () => {
    const f = getVariableFormat('Mq_chi');
    const region = regionFromRanges(f, { mtot: [10, 100], q: [1, 10], m2: [5, 100], mc: [0.1, 30] });
    expect(isInside(region, [40, 2, 0.1])).toBe(true);
    expect(isInside(region, [40, 2, 0.995])).toBe(false);
    expect(isInside(region, [40, 9, 0.1])).toBe(false);
    expect(isInside(region, [99, 1.1, 0.1])).toBe(false);
    expect(isInside(region, [9, 2, 0.1])).toBe(false);
  });
});
