import { describe, expect, it } from 'vitest';
import { chirpTime0PN, chirpTime2PN, templateDurations } from '../../src/bank/chirp-time.js';
import { MTSUN_SI } from '../../src/core/constants.js';

describe('chirp-time template durations', () => {
  it('0PN equals the chirp-mass form 5/256 (pi f)^(-8/3) Mc^(-5/3)', () => {
    for (const [m1, m2, f] of [[1.4, 1.4, 10], [30, 10, 20], [5, 1.2, 15]]) {
      const mc = Math.pow(m1 * m2, 0.6) / Math.pow(m1 + m2, 0.2) * MTSUN_SI;
      const expected = (5 / 256) * Math.pow(Math.PI * f, -8 / 3) * Math.pow(mc, -5 / 3);
      expect(chirpTime0PN(m1, m2, f)).toBeCloseTo(expected, 8);
    }
  });

  it('a binary neutron star from 10 Hz lasts about 17 minutes and the 2PN terms add 1-3 percent', () => {
    const t0 = chirpTime0PN(1.4, 1.4, 10);
    const t2 = chirpTime2PN(1.4, 1.4, 10);
    expect(t0).toBeGreaterThan(950);
    expect(t0).toBeLessThan(1050);
    expect(t2 / t0).toBeGreaterThan(1.0);
    expect(t2 / t0).toBeLessThan(1.03);
  });

  it('durations are positive and shrink with total mass and with the starting frequency', () => {
    const m = new Float64Array([2, 10, 50, 150, 300]);
    const d = templateDurations(m, m, 15);
    for (let i = 0; i < m.length; i++) expect(d[i]).toBeGreaterThan(0);
    for (let i = 1; i < m.length; i++) expect(d[i]).toBeLessThan(d[i - 1]);
    expect(chirpTime2PN(10, 10, 30)).toBeLessThan(chirpTime2PN(10, 10, 15));
  });

  it('rejects non-positive masses and frequencies', () => {
    expect(() => chirpTime2PN(0, 1, 10)).toThrow(/mass1/);
    expect(() => chirpTime2PN(1, 1, -5)).toThrow(/fLowHz/);
  });
});
