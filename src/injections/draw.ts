/**
 * Drawing injections (mbank bin/mbank_injections step 3, utils.save_injs): points in a variable
 * format (from a trained flow, uniform in a region, or the templates of a bank) become physical
 * components; each injection gets an isotropic sky location and polarisation, a distance
 * ~ U(dMin, dMax) [Mpc] and a geocentric time gpsStart + i timeStep. Seeded: the rng is forked into
 * independent streams for positions (1), sky (2) and distances (3).
 */
import { invalid } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { Bank } from '../bank/bank.js';
import { zeroComponents, type BBHComponents } from '../coordinates/components.js';
import type { VariableFormat } from '../coordinates/format.js';
import { InjectionSet, type InjectionMetadata } from './injection-set.js';
import { randomSkyLocations } from './sky.js';

/** How distances and times are assigned (defaults: mbank's 100 Mpc, GPS 0, step 10 s). */
export interface InjectionExtrinsics {
  /** Distance range [Mpc]; a single value d means [d, 1.001 d] as in mbank. */
  distanceMpc?: number | readonly [number, number];
  gpsStart?: number;
  timeStep?: number;
}

/** Injections from physical components: sky, distance and time drawn/assigned (see module comment). */
export function injectionsFromComponents(components: readonly BBHComponents[], rng: Rng, extrinsics: InjectionExtrinsics = {}, metadata: InjectionMetadata = {}): InjectionSet {
  const n = components.length;
  if (n === 0) invalid('number of injections', 0, 'must be at least 1');
  const d = extrinsics.distanceMpc ?? 100;
  const [dLo, dHi] = typeof d === 'number' ? [d, 1.001 * d] : d;
  if (!(dLo > 0 && dHi >= dLo)) invalid('distance range', [dLo, dHi], 'must be 0 < min <= max (Mpc)');
  const start = extrinsics.gpsStart ?? 0;
  const step = extrinsics.timeStep ?? 10;
  if (!(step > 0) || !Number.isFinite(start)) invalid('time step', step, 'must be > 0 s with a finite GPS start');
  const sky = randomSkyLocations(n, rng.fork(2));
  const rd = rng.fork(3);
  const col = () => new Float64Array(n);
  const c = {
    mass1: col(), mass2: col(), spin1x: col(), spin1y: col(), spin1z: col(), spin2x: col(), spin2y: col(), spin2z: col(),
    eccentricity: col(), meanAnomaly: col(), inclination: col(), coaPhase: col(),
    longitude: col(), latitude: col(), polarization: col(), distance: col(), geocentTime: col(),
  };
  components.forEach((b, i) => {
    c.mass1[i] = b.m1; c.mass2[i] = b.m2;
    c.spin1x[i] = b.s1x; c.spin1y[i] = b.s1y; c.spin1z[i] = b.s1z;
    c.spin2x[i] = b.s2x; c.spin2y[i] = b.s2y; c.spin2z[i] = b.s2z;
    c.eccentricity[i] = b.e; c.meanAnomaly[i] = b.meanano; c.inclination[i] = b.iota; c.coaPhase[i] = b.phi;
    c.longitude[i] = sky[i].longitude; c.latitude[i] = sky[i].latitude; c.polarization[i] = sky[i].polarization;
    c.distance[i] = rd.uniformIn(dLo, dHi);
    c.geocentTime[i] = start + i * step;
  });
  return new InjectionSet(c, metadata);
}

/** How injection inclinations are distributed: as drawn (flat in iota) or isotropic (flat in cos iota). */
export type IotaDistribution = 'uniform' | 'cos';

/**
 * Replace every component's iota by a draw flat in cos iota within [lo, hi] (0 <= lo < hi <= pi):
 * iota = arccos(cos lo - u (cos lo - cos hi)), u ~ U(0, 1), the isotropic orientation of the paper's
 * injections (uniform in log M, q, cos iota, phi; arXiv:2302.00436 Sec. V) restricted to the iota range.
 */
export function isotropicInclinations(components: BBHComponents[], range: readonly [number, number], rng: Rng): void {
  const [lo, hi] = range;
  if (!(lo >= 0 && hi <= Math.PI && hi > lo)) invalid('inclination range', range, 'must be 0 <= min < max <= pi (rad) to draw flat in cos iota');
  const cLo = Math.cos(lo);
  const cHi = Math.cos(hi);
  for (const b of components) b.iota = Math.acos(Math.min(1, Math.max(-1, cLo - rng.uniform() * (cLo - cHi))));
}

/** How injection spins are distributed: as the variable format draws them, or isotropic ("fully precessing"). */
export type SpinDistribution = 'format' | 'isotropic';

/**
 * The magnitude range of a spin range option: [lo, hi] when lo >= 0 (a magnitude range such as
 * s1 in [0, 0.9]), else [0, max(|lo|, |hi|)] (an aligned-component range such as s2z in [-0.99, 0.99]:
 * the magnitudes it reaches).
 */
export function spinMagnitudeRange(range: readonly [number, number]): [number, number] {
  const [lo, hi] = range;
  if (!(hi >= lo) || Math.max(Math.abs(lo), Math.abs(hi)) > 1) invalid('spin range', range, 'must be min <= max within [-1, 1]');
  return lo >= 0 ? [lo, hi] : [0, Math.max(-lo, Math.abs(hi))];
}

/**
 * The paper's "fully precessing" injections (arXiv:2302.00436 Sec. V): replace both spins of every
 * component by a vector of isotropic direction (cos theta ~ U(-1, 1), phi ~ U(0, 2 pi)) and magnitude
 * ~ U(magnitude range), and phi_ref by a draw ~ U(phaseRange). Ranges as {@link spinMagnitudeRange}.
 */
export function isotropicSpins(components: BBHComponents[], s1Range: readonly [number, number], s2Range: readonly [number, number], phaseRange: readonly [number, number], rng: Rng): void {
  const r1 = spinMagnitudeRange(s1Range);
  const r2 = spinMagnitudeRange(s2Range);
  if (!(phaseRange[1] >= phaseRange[0])) invalid('reference phase range', phaseRange, 'must be min <= max (rad)');
  const spin = (r: readonly [number, number]): [number, number, number] => {
    const a = rng.uniformIn(r[0], r[1]);
    const c = rng.uniformIn(-1, 1);
    const s = Math.sqrt(Math.max(0, 1 - c * c));
    const ph = rng.uniformIn(0, 2 * Math.PI);
    return [a * s * Math.cos(ph), a * s * Math.sin(ph), a * c];
  };
  for (const b of components) {
    [b.s1x, b.s1y, b.s1z] = spin(r1);
    [b.s2x, b.s2y, b.s2z] = spin(r2);
    b.phi = rng.uniformIn(phaseRange[0], phaseRange[1]);
  }
}

/** Components of n points given as an n x D row-major array in `format`. */
export function componentsFromPoints(format: VariableFormat, points: Float64Array): BBHComponents[] {
  if (points.length % format.D !== 0) invalid('points length', points.length, `must be a multiple of D = ${format.D} (${format.names.join(', ')})`);
  const out: BBHComponents[] = [];
  for (let i = 0; i < points.length / format.D; i++) out.push(format.toPhysicalInto(points.subarray(i * format.D, (i + 1) * format.D), zeroComponents()));
  return out;
}

/**
 * Components of n templates of a bank chosen at random without replacement (all of them, in a
 * random order, when n >= bank size); iota and phi from the bank's optional columns or 0.
 */
export function componentsFromBank(bank: Bank, n: number, rng: Rng): { components: BBHComponents[]; indices: number[] } {
  const idx = Array.from({ length: bank.size }, (_, i) => i);
  const m = Math.min(n, bank.size);
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(bank.size - i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const t = bank.templates;
  const indices = idx.slice(0, m);
  const components = indices.map((k) => ({
    m1: t.mass1[k], m2: t.mass2[k], s1x: t.spin1x[k], s1y: t.spin1y[k], s1z: t.spin1z[k],
    s2x: t.spin2x[k], s2y: t.spin2y[k], s2z: t.spin2z[k], e: t.eccentricity?.[k] ?? 0, meanano: t.meanAnomaly?.[k] ?? 0,
    iota: t.inclination?.[k] ?? 0, phi: t.phiRef?.[k] ?? 0,
  }));
  return { components, indices };
}
