/**
 * Optional eccentricity (`e`, `emeanano`) and angle (`iota`, `iotaphi`) layouts of mbank
 * (mbank/handlers.py); in theta they follow the spins in the order e, meanano, iota, phi.
 */
import { domain, type CoordinatePart } from './part.js';

const ECC = domain(0, 1, false, true);
const ANOMALY = domain(0, 2 * Math.PI, false, false, true);
const INCLINATION = domain(0, Math.PI, false, false);
const PHASE = domain(-Infinity, Infinity, true, true, true);

/** No eccentricity coordinates. */
export const noEccentricity: CoordinatePart = {
  key: '', names: [], domains: [], ranges: [], toPhysical() { /* e = 0 */ }, fromPhysical() { /* nothing */ },
};

/** e: orbital eccentricity at the reference frequency. */
export const eccentricity: CoordinatePart = {
  key: 'e', names: ['e'], domains: [ECC], ranges: [['e', 'identity']],
  toPhysical(t, o, c) { c.e = t[o]; },
  fromPhysical(c, out, o) { out[o] = c.e; },
};

/** emeanano: eccentricity and mean periastron anomaly [rad]. */
export const eccentricityMeanAnomaly: CoordinatePart = {
  key: 'emeanano', names: ['e', 'meanano'], domains: [ECC, ANOMALY], ranges: [['e', 'identity'], ['meanano', 'identity']],
  toPhysical(t, o, c) { c.e = t[o]; c.meanano = t[o + 1]; },
  fromPhysical(c, out, o) { out[o] = c.e; out[o + 1] = c.meanano; },
};

/** No angle coordinates. */
export const noAngles: CoordinatePart = {
  key: '', names: [], domains: [], ranges: [], toPhysical() { /* iota = phi = 0 */ }, fromPhysical() { /* nothing */ },
};

/** iota: inclination [rad] in [0, pi]. */
export const iota: CoordinatePart = {
  key: 'iota', names: ['iota'], domains: [INCLINATION], ranges: [['iota', 'identity']],
  toPhysical(t, o, c) { c.iota = t[o]; },
  fromPhysical(c, out, o) { out[o] = c.iota; },
};

/** iotaphi: inclination and reference phase [rad]. */
export const iotaPhi: CoordinatePart = {
  key: 'iotaphi', names: ['iota', 'phi'], domains: [INCLINATION, PHASE], ranges: [['iota', 'identity'], ['refPhase', 'identity']],
  toPhysical(t, o, c) { c.iota = t[o]; c.phi = t[o + 1]; },
  fromPhysical(c, out, o) { out[o] = c.iota; out[o + 1] = c.phi; },
};

/** Eccentricity layouts ("" = none first). */
export const ECCENTRICITY_PARTS: readonly CoordinatePart[] = [noEccentricity, eccentricity, eccentricityMeanAnomaly];
/** Angle layouts ("" = none first). */
export const ANGLE_PARTS: readonly CoordinatePart[] = [noAngles, iota, iotaPhi];
