/**
 * Spin layouts of mbank (mbank/handlers.py): nonspinning, chi, s1z, s1z_s2z, s1xz, s1xyz, s1xz_s2z,
 * s1xyz_s2z, fullspins. Aligned spins are the signed z components; a generic spin is spherical
 * (s, theta, phi): sx = s sin(theta) cos(phi), sy = s sin(theta) sin(phi), sz = s cos(theta), with
 * mbank's current ranges theta in (-pi, pi] and phi in (-pi/2, pi/2) (the sign of sin(theta) carries
 * the sign of sx, so the default box covers every direction).
 *
 * Differences from mbank: the inverse handles sx = 0 with sy != 0 (mbank's sign(sx) = 0 then drops the
 * in-plane spin); small components are not zeroed (mbank sets |s| < 1e-10 to 0, which would bend
 * finite differences); `chi` is the mass-weighted effective spin, invertible only when s1z = s2z.
 */
import type { BBHComponents } from './components.js';
import { domain, type CoordinatePart } from './part.js';

const ALIGNED = domain(-1, 1, true, true);
const MAGNITUDE = domain(0, 1, false, true);
const POLAR = domain(-Math.PI, Math.PI, false, false, true);
const AZIMUTH = domain(-Math.PI, Math.PI, false, false, true);

/** Spherical angles (theta, phi) of a vector in mbank's convention; phi = 0 when there is no in-plane part. */
export function sphericalAngles(x: number, y: number, z: number): [number, number] {
  const rho = Math.hypot(x, y);
  if (rho === 0) return [Math.atan2(0, z), 0];
  const sgn = x !== 0 ? Math.sign(x) : Math.sign(y);
  const phi = x !== 0 ? Math.atan(y / x) : Math.PI / 2;
  return [Math.atan2(rho * sgn, z), phi];
}

function setSpin1(c: BBHComponents, s: number, th: number, ph: number): void {
  const st = Math.sin(th);
  c.s1x = s * st * Math.cos(ph);
  c.s1y = s * st * Math.sin(ph);
  c.s1z = s * Math.cos(th);
}

function setSpin2(c: BBHComponents, s: number, th: number, ph: number): void {
  const st = Math.sin(th);
  c.s2x = s * st * Math.cos(ph);
  c.s2y = s * st * Math.sin(ph);
  c.s2z = s * Math.cos(th);
}

/** nonspinning: no spin coordinates. */
export const nonspinning: CoordinatePart = {
  key: 'nonspinning', names: [], domains: [], ranges: [],
  toPhysical() { /* all spins stay 0 */ },
  fromPhysical() { /* nothing to write */ },
};

/** chi: s1z = s2z = chi; inverse chi = (m1 s1z + m2 s2z)/(m1 + m2). */
export const chi: CoordinatePart = {
  key: 'chi', names: ['chi'], domains: [ALIGNED], ranges: [['chi', 'identity']],
  toPhysical(t, o, c) { c.s1z = t[o]; c.s2z = t[o]; },
  fromPhysical(c, out, o) { out[o] = (c.m1 * c.s1z + c.m2 * c.s2z) / (c.m1 + c.m2); },
};

/** s1z: aligned spin of the heavier body only. */
export const s1z: CoordinatePart = {
  key: 's1z', names: ['s1z'], domains: [ALIGNED], ranges: [['s1', 'identity']],
  toPhysical(t, o, c) { c.s1z = t[o]; },
  fromPhysical(c, out, o) { out[o] = c.s1z; },
};

/** s1z_s2z: both aligned spins. */
export const s1zS2z: CoordinatePart = {
  key: 's1z_s2z', names: ['s1z', 's2z'], domains: [ALIGNED, ALIGNED], ranges: [['s1', 'identity'], ['s2', 'identity']],
  toPhysical(t, o, c) { c.s1z = t[o]; c.s2z = t[o + 1]; },
  fromPhysical(c, out, o) { out[o] = c.s1z; out[o + 1] = c.s2z; },
};

/** s1xz: spin 1 in the x-z plane, (s1, theta1). */
export const s1xz: CoordinatePart = {
  key: 's1xz', names: ['s1', 'theta1'], domains: [MAGNITUDE, POLAR], ranges: [['s1', 'nonnegative'], ['theta', 'identity']],
  toPhysical(t, o, c) { setSpin1(c, t[o], t[o + 1], 0); },
  fromPhysical(c, out, o) { out[o] = Math.hypot(c.s1x, c.s1z); out[o + 1] = Math.atan2(c.s1x, c.s1z); },
};

/** s1xyz: generic spin 1, (s1, theta1, phi1). */
export const s1xyz: CoordinatePart = {
  key: 's1xyz', names: ['s1', 'theta1', 'phi1'], domains: [MAGNITUDE, POLAR, AZIMUTH],
  ranges: [['s1', 'nonnegative'], ['theta', 'identity'], ['phi', 'identity']],
  toPhysical(t, o, c) { setSpin1(c, t[o], t[o + 1], t[o + 2]); },
  fromPhysical(c, out, o) {
    const [th, ph] = sphericalAngles(c.s1x, c.s1y, c.s1z);
    out[o] = Math.hypot(c.s1x, c.s1y, c.s1z); out[o + 1] = th; out[o + 2] = ph;
  },
};

/** s1xz_s2z: (s1, theta1, s2z). */
export const s1xzS2z: CoordinatePart = {
  key: 's1xz_s2z', names: ['s1', 'theta1', 's2z'], domains: [MAGNITUDE, POLAR, ALIGNED],
  ranges: [['s1', 'nonnegative'], ['theta', 'identity'], ['s2', 'identity']],
  toPhysical(t, o, c) { setSpin1(c, t[o], t[o + 1], 0); c.s2z = t[o + 2]; },
  fromPhysical(c, out, o) { out[o] = Math.hypot(c.s1x, c.s1z); out[o + 1] = Math.atan2(c.s1x, c.s1z); out[o + 2] = c.s2z; },
};

/** s1xyz_s2z: (s1, theta1, phi1, s2z). */
export const s1xyzS2z: CoordinatePart = {
  key: 's1xyz_s2z', names: ['s1', 'theta1', 'phi1', 's2z'], domains: [MAGNITUDE, POLAR, AZIMUTH, ALIGNED],
  ranges: [['s1', 'nonnegative'], ['theta', 'identity'], ['phi', 'identity'], ['s2', 'identity']],
  toPhysical(t, o, c) { setSpin1(c, t[o], t[o + 1], t[o + 2]); c.s2z = t[o + 3]; },
  fromPhysical(c, out, o) {
    const [th, ph] = sphericalAngles(c.s1x, c.s1y, c.s1z);
    out[o] = Math.hypot(c.s1x, c.s1y, c.s1z); out[o + 1] = th; out[o + 2] = ph; out[o + 3] = c.s2z;
  },
};

/** fullspins: (s1, theta1, phi1, s2, theta2, phi2). mbank labels the 4th coordinate "s2z" (a typo); here "s2". */
export const fullspins: CoordinatePart = {
  key: 'fullspins', names: ['s1', 'theta1', 'phi1', 's2', 'theta2', 'phi2'],
  domains: [MAGNITUDE, POLAR, AZIMUTH, MAGNITUDE, POLAR, AZIMUTH],
  ranges: [['s1', 'nonnegative'], ['theta', 'identity'], ['phi', 'identity'], ['s2', 'nonnegative'], ['theta', 'identity'], ['phi', 'identity']],
  toPhysical(t, o, c) { setSpin1(c, t[o], t[o + 1], t[o + 2]); setSpin2(c, t[o + 3], t[o + 4], t[o + 5]); },
  fromPhysical(c, out, o) {
    const [th1, ph1] = sphericalAngles(c.s1x, c.s1y, c.s1z);
    const [th2, ph2] = sphericalAngles(c.s2x, c.s2y, c.s2z);
    out[o] = Math.hypot(c.s1x, c.s1y, c.s1z); out[o + 1] = th1; out[o + 2] = ph1;
    out[o + 3] = Math.hypot(c.s2x, c.s2y, c.s2z); out[o + 4] = th2; out[o + 5] = ph2;
  },
};

/** Every spin layout, in mbank's order. */
export const SPIN_PARTS: readonly CoordinatePart[] = [nonspinning, chi, s1z, s1zS2z, s1xz, s1xyz, s1xzS2z, s1xyzS2z, fullspins];
