/**
 * Mass layouts of mbank (mbank/handlers.py): m1m2, logm1logm2, Mq, logMq, mceta.
 *
 * Difference from mbank: Mq/logMq with q < 1 are NOT folded to 1/q here (mbank folds the masses but
 * not the spins, which silently describes another binary); q < 1 is outside the domain and flagged by
 * the validity check instead. fromPhysical uses q = max(m1/m2, m2/m1) as mbank does.
 */
import { chirpMass, massesFromMcEta, symmetricMassRatio } from './components.js';
import { domain, type CoordinatePart } from './part.js';

const POSITIVE = domain(0, Infinity, true, true, false, true);
const REAL = domain(-Infinity, Infinity, true, true);
const MASS_RATIO = domain(1, Infinity, false, true, false, true);
const ETA = domain(0, 0.25, true, false, false, true);

/** m1m2: (mass1, mass2) in solar masses. */
export const m1m2: CoordinatePart = {
  key: 'm1m2',
  names: ['mass1', 'mass2'],
  domains: [POSITIVE, POSITIVE],
  ranges: [['m1', 'identity'], ['m2', 'identity']],
  toPhysical(t, o, c) { c.m1 = t[o]; c.m2 = t[o + 1]; },
  fromPhysical(c, out, o) { out[o] = c.m1; out[o + 1] = c.m2; },
};

/** logm1logm2: (log10 m1, log10 m2). */
export const logm1logm2: CoordinatePart = {
  key: 'logm1logm2',
  names: ['logm1', 'logm2'],
  domains: [REAL, REAL],
  ranges: [['m1', 'log10'], ['m2', 'log10']],
  toPhysical(t, o, c) { c.m1 = 10 ** t[o]; c.m2 = 10 ** t[o + 1]; },
  fromPhysical(c, out, o) { out[o] = Math.log10(c.m1); out[o + 1] = Math.log10(c.m2); },
};

/** Mq: total mass M [solar masses] and q = m1/m2 >= 1; m1 = M q/(1+q), m2 = M/(1+q). */
export const mq: CoordinatePart = {
  key: 'Mq',
  names: ['M', 'q'],
  domains: [POSITIVE, MASS_RATIO],
  ranges: [['mtot', 'identity'], ['q', 'identity']],
  toPhysical(t, o, c) {
    const m = t[o], q = t[o + 1];
    c.m1 = (m * q) / (1 + q);
    c.m2 = m / (1 + q);
  },
  fromPhysical(c, out, o) { out[o] = c.m1 + c.m2; out[o + 1] = Math.max(c.m1 / c.m2, c.m2 / c.m1); },
};

/** logMq: log10 of the total mass and q = m1/m2 >= 1. */
export const logMq: CoordinatePart = {
  key: 'logMq',
  names: ['logM', 'q'],
  domains: [REAL, MASS_RATIO],
  ranges: [['mtot', 'log10'], ['q', 'identity']],
  toPhysical(t, o, c) {
    const m = 10 ** t[o], q = t[o + 1];
    c.m1 = (m * q) / (1 + q);
    c.m2 = m / (1 + q);
  },
  fromPhysical(c, out, o) { out[o] = Math.log10(c.m1 + c.m2); out[o + 1] = Math.max(c.m1 / c.m2, c.m2 / c.m1); },
};

/** mceta: chirp mass Mc [solar masses] and symmetric mass ratio eta in (0, 1/4]; m1 >= m2 always. */
export const mceta: CoordinatePart = {
  key: 'mceta',
  names: ['Mc', 'eta'],
  domains: [POSITIVE, ETA],
  ranges: [['mc', 'identity'], ['eta', 'identity']],
  toPhysical(t, o, c) {
    const [m1, m2] = massesFromMcEta(t[o], t[o + 1]);
    c.m1 = m1;
    c.m2 = m2;
  },
  fromPhysical(c, out, o) { out[o] = chirpMass(c.m1, c.m2); out[o + 1] = symmetricMassRatio(c.m1, c.m2); },
};

/** Every mass layout, in mbank's order (plus logm1logm2, present in mbank's current handlers). */
export const MASS_PARTS: readonly CoordinatePart[] = [m1m2, mq, logMq, logm1logm2, mceta];
