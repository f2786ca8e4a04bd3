/**
 * Boxes and mass cuts (mbank/utils.py: get_boundaries_from_ranges; mbank/parser.py: boundary_keeper).
 * A box is [lo_i, hi_i] per coordinate, built from the `--<var>-range` options; a region is a box plus
 * the mass cuts (every mass range given, applied to the components: m1, m2, mtot, q, mc, eta).
 */
import { invalid } from '../core/errors.js';
import { chirpMass, symmetricMassRatio, zeroComponents, type BBHComponents } from './components.js';
import { inDomain, type RangeKey } from './part.js';
import type { VariableFormat } from './format.js';

/** Closed box lo_i <= theta_i <= hi_i (length D each). */
export interface Box {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** Values of the range options, each [min, max]. */
export type RangeOptions = Partial<Record<RangeKey, readonly [number, number]>>;

/** The mass ranges that act as cuts on the components. */
export const MASS_CUT_KEYS = ['m1', 'm2', 'mtot', 'q', 'mc', 'eta'] as const;
/** Mass cuts: each given range must hold (closed) for the binary's m1, m2, M, q = m1/m2, Mc, eta. */
export type MassCuts = Partial<Record<(typeof MASS_CUT_KEYS)[number], readonly [number, number]>>;

/**
 * Defaults of the range options: mbank's parser defaults for spins and angles (s1, s2, chi
 * [-0.99, 0.99], theta [-pi, pi], phi [-pi/2, pi/2], e [0, 0.5], meanano [0, 1], iota [0, pi],
 * ref-phase [-pi, pi]). mbank has no mass defaults (they are required); ours are only used by
 * `defaultBox()`: m1, m2 [1, 100], mtot [2, 200], q [1, 20], mc [1, 50], eta [0.05, 0.25].
 */
export const DEFAULT_RANGES: Readonly<Record<RangeKey, readonly [number, number]>> = {
  mtot: [2, 200], q: [1, 20], mc: [1, 50], eta: [0.05, 0.25], m1: [1, 100], m2: [1, 100],
  s1: [-0.99, 0.99], s2: [-0.99, 0.99], chi: [-0.99, 0.99], theta: [-Math.PI, Math.PI], phi: [-Math.PI / 2, Math.PI / 2],
  iota: [0, Math.PI], refPhase: [-Math.PI, Math.PI], e: [0, 0.5], meanano: [0, 1],
};

/** CLI option name of a range key: "mtot-range", "ref-phase-range", ... */
export function rangeOptionName(key: RangeKey): string {
  return `${key === 'refPhase' ? 'ref-phase' : key}-range`;
}

/** The physical domain of each range: [lo, hi] with open or closed ends, and what it means. */
const DOMAIN: Partial<Record<RangeKey, { lo: number; hi: number; openLo?: boolean; openHi?: boolean; text: string }>> = {
  mtot: { lo: 0, hi: Infinity, openLo: true, text: 'masses are > 0 (solar masses)' },
  m1: { lo: 0, hi: Infinity, openLo: true, text: 'masses are > 0 (solar masses)' },
  m2: { lo: 0, hi: Infinity, openLo: true, text: 'masses are > 0 (solar masses)' },
  mc: { lo: 0, hi: Infinity, openLo: true, text: 'masses are > 0 (solar masses)' },
  q: { lo: 1, hi: Infinity, text: 'q = m1/m2 >= 1' },
  eta: { lo: 0, hi: 0.25, openLo: true, text: 'the symmetric mass ratio is in (0, 0.25]' },
  s1: { lo: -1, hi: 1, openLo: true, openHi: true, text: 'spins are in (-1, 1)' },
  s2: { lo: -1, hi: 1, openLo: true, openHi: true, text: 'spins are in (-1, 1)' },
  chi: { lo: -1, hi: 1, openLo: true, openHi: true, text: 'the effective spin is in (-1, 1)' },
  e: { lo: 0, hi: 1, openHi: true, text: 'the eccentricity is in [0, 1)' },
};

/** Check one range option: two finite numbers min < max inside the key's physical domain (and > 0 when `positive`); else one MbankError line. */
export function checkRange(key: RangeKey, r: readonly [number, number], positive = false): void {
  if (r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[0] < r[1])) {
    invalid(`--${rangeOptionName(key)}`, [...r], 'must be two finite numbers min < max');
  }
  const d = DOMAIN[key];
  if (d !== undefined) {
    const loOk = d.openLo ? r[0] > d.lo : r[0] >= d.lo;
    const hiOk = d.openHi ? r[1] < d.hi : r[1] <= d.hi;
    if (!loOk || !hiOk) invalid(`--${rangeOptionName(key)}`, [...r], `must lie in the physical domain: ${d.text}`);
  }
  if (positive && !(r[0] > 0)) invalid(`--${rangeOptionName(key)}`, [...r], 'must be positive (its log10 is a coordinate)');
}

/** The box of a format from range options (missing ones from DEFAULT_RANGES). */
export function boxFromRanges(format: VariableFormat, ranges: RangeOptions): Box {
  const lo = new Float64Array(format.D);
  const hi = new Float64Array(format.D);
  format.ranges.forEach(([key, map], i) => {
    const r = ranges[key] ?? DEFAULT_RANGES[key];
    checkRange(key, r, map === 'log10');
    if (map === 'log10') {
      lo[i] = Math.log10(r[0]);
      hi[i] = Math.log10(r[1]);
    } else {
      lo[i] = map === 'nonnegative' ? Math.max(0, r[0]) : r[0];
      hi[i] = r[1];
    }
    if (!(lo[i] < hi[i])) invalid(`--${rangeOptionName(key)}`, [...r], `gives an empty interval for coordinate ${format.names[i]}`);
  });
  return { lo, hi };
}

/** Every mass range present in the options, as cuts. */
export function massCutsFromRanges(ranges: RangeOptions): MassCuts {
  const cuts: MassCuts = {};
  for (const k of MASS_CUT_KEYS) {
    const r = ranges[k];
    if (r !== undefined) { checkRange(k, r, false); cuts[k] = [r[0], r[1]]; }
  }
  return cuts;
}

/** True when the components satisfy every cut (closed intervals). */
export function passesMassCuts(c: BBHComponents, cuts: MassCuts): boolean {
  const inR = (r: readonly [number, number] | undefined, x: number) => r === undefined || (x >= r[0] && x <= r[1]);
  return inR(cuts.m1, c.m1) && inR(cuts.m2, c.m2) && inR(cuts.mtot, c.m1 + c.m2) && inR(cuts.q, c.m1 / c.m2)
    && inR(cuts.mc, chirpMass(c.m1, c.m2)) && inR(cuts.eta, symmetricMassRatio(c.m1, c.m2));
}

/**
 * Why theta is not a valid point of the format, or null: each coordinate in its domain, m1 >= m2 > 0
 * (the q >= 1 convention), |s1|, |s2| < 1, e in [0, 1), angles in range.
 */
export function thetaProblem(format: VariableFormat, theta: ArrayLike<number>, scratch: BBHComponents = zeroComponents()): string | null {
  if (theta.length !== format.D) return `has ${theta.length} values, the format ${format.name} needs ${format.D}`;
  for (let i = 0; i < format.D; i++) {
    const d = format.domains[i];
    if (!inDomain(d, theta[i])) {
      return `${format.names[i]} = ${theta[i]} is outside ${d.loOpen ? '(' : '['}${d.lo}, ${d.hi}${d.hiOpen ? ')' : ']'}`;
    }
  }
  const c = format.toPhysicalInto(theta, scratch);
  if (!(c.m2 > 0) || !(c.m1 >= c.m2)) return `masses m1 = ${c.m1}, m2 = ${c.m2} break m1 >= m2 > 0 (q >= 1)`;
  if (!(Math.hypot(c.s1x, c.s1y, c.s1z) < 1)) return `|s1| = ${Math.hypot(c.s1x, c.s1y, c.s1z)} must be < 1`;
  if (!(Math.hypot(c.s2x, c.s2y, c.s2z) < 1)) return `|s2| = ${Math.hypot(c.s2x, c.s2y, c.s2z)} must be < 1`;
  return null;
}

/** A region of parameter space: format, box and mass cuts. */
export interface Region {
  readonly format: VariableFormat;
  readonly box: Box;
  readonly cuts: MassCuts;
}

/** Region from range options: box (with defaults) plus every given mass range as a cut. */
export function regionFromRanges(format: VariableFormat, ranges: RangeOptions): Region {
  return { format, box: boxFromRanges(format, ranges), cuts: massCutsFromRanges(ranges) };
}

/** True when theta is inside the box, valid, and passes the mass cuts (mbank's boundary_keeper, closed). */
export function isInside(region: Region, theta: ArrayLike<number>, scratch: BBHComponents = zeroComponents()): boolean {
  const { box, format } = region;
  for (let i = 0; i < format.D; i++) if (!(theta[i] >= box.lo[i] && theta[i] <= box.hi[i])) return false;
  if (thetaProblem(format, theta, scratch) !== null) return false;
  return passesMassCuts(scratch, region.cuts);
}
