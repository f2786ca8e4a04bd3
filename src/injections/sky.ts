/**
 * Sky locations and antenna patterns as mbank uses them (mbank/utils.py get_random_sky_loc,
 * get_antenna_patterns): an interferometer at the north pole with arms along x and y (pycbc
 * detector.py convention), sources at longitude alpha (right ascension), latitude delta
 * (declination) and polarisation angle psi.
 */
import type { Rng } from '../core/rng.js';

/** One sky location: longitude (ra) [rad], latitude (dec) [rad], polarisation angle psi [rad]. */
export interface SkyLocation {
  longitude: number;
  latitude: number;
  polarization: number;
}

/**
 * n sky locations isotropic on the sphere (mbank get_random_sky_loc): alpha ~ U(-pi, pi),
 * delta = arcsin U(-1, 1), psi ~ U(0, 2 pi). Drawn in that order per row from `rng`.
 */
export function randomSkyLocations(n: number, rng: Rng): SkyLocation[] {
  const out: SkyLocation[] = [];
  for (let i = 0; i < n; i++) {
    const longitude = rng.uniformIn(-Math.PI, Math.PI);
    const latitude = Math.asin(rng.uniformIn(-1, 1));
    const polarization = rng.uniformIn(0, 2 * Math.PI);
    out.push({ longitude, latitude, polarization });
  }
  return out;
}

/**
 * Antenna patterns of mbank's north-pole detector, with th = pi/2 - delta:
 *   F+ = -1/2 (1 + cos^2 th) cos 2alpha cos 2psi - cos th sin 2alpha sin 2psi,
 *   Fx =  1/2 (1 + cos^2 th) cos 2alpha sin 2psi - cos th sin 2alpha cos 2psi.
 * F+^2 + Fx^2 <= 1, with equality for a source overhead (delta = +-pi/2).
 */
export function antennaPatterns(sky: SkyLocation): { fPlus: number; fCross: number } {
  const ct = Math.cos(Math.PI / 2 - sky.latitude);
  const a = 0.5 * (1 + ct * ct) * Math.cos(2 * sky.longitude);
  const b = ct * Math.sin(2 * sky.longitude);
  const c2p = Math.cos(2 * sky.polarization), s2p = Math.sin(2 * sky.polarization);
  return { fPlus: -a * c2p - b * s2p, fCross: a * s2p - b * c2p };
}
