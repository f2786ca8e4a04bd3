import { describe, it, expect } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { C_SI } from '../../src/core/constants.js';
import { antennaPatterns, randomSkyLocations } from '../../src/injections/sky.js';
import { DETECTOR_LOCATIONS, greenwichMeanSiderealTime, leapSeconds, timeDelayFromEarthCenter } from '../../src/injections/time.js';

describe('sky locations and antenna patterns', () => {
  it('F+^2 + Fx^2 never exceeds 1 and equals 1 for a source overhead of the north-pole detector', () => {
    for (const s of randomSkyLocations(500, new Rng(3))) {
      const { fPlus, fCross } = antennaPatterns(s);
      expect(fPlus * fPlus + fCross * fCross).toBeLessThanOrEqual(1 + 1e-12);
    }
    const { fPlus, fCross } = antennaPatterns({ longitude: 0.7, latitude: Math.PI / 2, polarization: 0.3 });
    expect(fPlus * fPlus + fCross * fCross).toBeCloseTo(1, 12);
  });

  it('random sky locations are isotropic: sin(dec) and ra uniform, polarisation in [0, 2 pi)', () => {
    const s = randomSkyLocations(20000, new Rng(5));
    const meanSinDec = s.reduce((a, x) => a + Math.sin(x.latitude), 0) / s.length;
    const meanSin2Dec = s.reduce((a, x) => a + Math.sin(x.latitude) ** 2, 0) / s.length;
    expect(Math.abs(meanSinDec)).toBeLessThan(0.02);
    expect(meanSin2Dec).toBeCloseTo(1 / 3, 1);
    expect(s.every((x) => x.longitude >= -Math.PI && x.longitude < Math.PI && x.polarization >= 0 && x.polarization < 2 * Math.PI)).toBe(true);
  });

  it('the same seed gives the same sky locations', () => {
    expect(randomSkyLocations(5, new Rng(9))).toEqual(randomSkyLocations(5, new Rng(9)));
  });
});

describe('GPS times', () => {
  it('GMST at GPS 6e8 is LAL\'s -2238.39417156 rad (python-ligo-lw SimInspiral doctest)', () => {
    expect(greenwichMeanSiderealTime(6e8)).toBeCloseTo(-2238.39417156, 7);
  });

  it('GMST advances by 2 pi per sidereal day (86164.0905 s)', () => {
    const t = 1e9;
    expect(greenwichMeanSiderealTime(t + 86164.0905) - greenwichMeanSiderealTime(t)).toBeCloseTo(2 * Math.PI, 4);
  });

  it('GPS - UTC is 18 s after 2017 and 0 at the GPS epoch', () => {
    expect(leapSeconds(0)).toBe(0);
    expect(leapSeconds(1.3e9)).toBe(18);
  });

  it('site delays are bounded by the site radius over c and H-L by the 10 ms light travel time', () => {
    const sky = randomSkyLocations(200, new Rng(1));
    for (const s of sky) {
      const h = timeDelayFromEarthCenter(DETECTOR_LOCATIONS.h, s.longitude, s.latitude, 1e9);
      const l = timeDelayFromEarthCenter(DETECTOR_LOCATIONS.l, s.longitude, s.latitude, 1e9);
      expect(Math.abs(h)).toBeLessThanOrEqual(Math.hypot(...DETECTOR_LOCATIONS.h) / C_SI + 1e-12);
      expect(Math.abs(h - l)).toBeLessThan(0.0101);
    }
  });

  it('a source above a site arrives there earlier than at the geocentre by |r|/c', () => {
    const r = DETECTOR_LOCATIONS.v;
    const gps = 1e9;
    const dec = Math.asin(r[2] / Math.hypot(...r));
    const ra = greenwichMeanSiderealTime(gps) + Math.atan2(r[1], r[0]);
    expect(timeDelayFromEarthCenter(r, ra, dec, gps)).toBeCloseTo(-Math.hypot(...r) / C_SI, 12);
  });
});
