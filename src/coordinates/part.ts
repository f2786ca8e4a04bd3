/**
 * Shared machinery of the variable formats: a format is the concatenation of parts (mass, spin,
 * eccentricity, angles), each a (forward, inverse) pair on its own slice of theta
 * (STYLE.md example 9; mbank/handlers.py: variable_handler).
 */
import type { BBHComponents } from './components.js';

/** The mbank `--<var>-range` options (kebab-case on the CLI: mtot-range, ref-phase-range, ...). */
export type RangeKey =
  | 'mtot' | 'q' | 'mc' | 'eta' | 'm1' | 'm2'
  | 's1' | 's2' | 'chi' | 'theta' | 'phi' | 'iota' | 'refPhase' | 'e' | 'meanano';

/** Every range key, in the order the CLI lists them. */
export const RANGE_KEYS: readonly RangeKey[] = [
  'mtot', 'q', 'mc', 'eta', 'm1', 'm2', 's1', 's2', 'chi', 'theta', 'phi', 'iota', 'refPhase', 'e', 'meanano',
];

/**
 * Physical domain of one coordinate: lo <= x <= hi (an open end excludes equality). Finite-difference
 * stencils stay inside it (one-sided near an end); `periodic` angles have no boundary for stencils.
 */
export interface Domain {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
  readonly periodic?: boolean;
  /** True for scale-type coordinates (masses, q, eta): finite-difference steps are relative to |x|. */
  readonly relative?: boolean;
}

/** Domain constructor: `[lo, hi]`, `(lo, hi)` etc. */
export function domain(lo: number, hi: number, loOpen: boolean, hiOpen: boolean, periodic = false, relative = false): Domain {
  return { lo, hi, loOpen, hiOpen, periodic, relative };
}

/** True when x lies in the domain. */
export function inDomain(d: Domain, x: number): boolean {
  if (!Number.isFinite(x)) return false;
  if (d.loOpen ? !(x > d.lo) : !(x >= d.lo)) return false;
  if (d.hiOpen ? !(x < d.hi) : !(x <= d.hi)) return false;
  return true;
}

/** How the box edge of a coordinate follows from its range option: copied, or log10 of it. */
export type RangeMap = 'identity' | 'log10' | 'nonnegative';

/** One part of a variable format (a mass, spin, eccentricity or angle layout). */
export interface CoordinatePart {
  /** The part's token in the format string, e.g. "Mq", "s1xz_s2z", "iotaphi" ("" for none). */
  readonly key: string;
  /** Coordinate names, mbank's labels (e.g. M, q, s1, theta1, s2z). */
  readonly names: readonly string[];
  /** Physical domain of each coordinate. */
  readonly domains: readonly Domain[];
  /** The range option that gives each coordinate's box, and how it maps. */
  readonly ranges: readonly (readonly [RangeKey, RangeMap])[];
  /** Write this part's physical components from theta[offset .. offset + names.length). */
  toPhysical(theta: ArrayLike<number>, offset: number, out: BBHComponents): void;
  /** Write this part's coordinates into out[offset ..] from the components. */
  fromPhysical(c: BBHComponents, out: Float64Array, offset: number): void;
}
