/**
 * Variable formats: `<mass>_<spin>[_<ecc>][_<angles>]` (mbank/handlers.py: variable_handler), e.g.
 * `Mq_s1z_s2z`, `logMq_chi_iota`, `mceta_s1xz_s2z_e_iotaphi`, plus `BBH_components` (the 12 components).
 * Each format is {names, toPhysical, fromPhysical, defaultBox} composed from parts (./part.ts).
 *
 * Differences from mbank (its handlers.py variable_handler and is_theta_ok): Mq/logMq with q < 1 are invalid instead of folded
 * without swapping spins; the validity check (./box.ts thetaProblem) covers every coordinate (mbank's
 * is_theta_ok raises KeyError for logm1logm2 and fullspins: missing logm1, logm2, phi2); spherical
 * angles with sx = 0 keep the in-plane spin; fullspins' 4th name is "s2" (mbank: "s2z"); there is no
 * switch_BBH (whose s1xz_s2z / s1xyz_s2z column swaps are wrong in mbank) since m1 >= m2 always holds.
 */
import { MbankError } from '../core/errors.js';
import { COMPONENT_NAMES, zeroComponents, type BBHComponents } from './components.js';
import { ANGLE_PARTS, ECCENTRICITY_PARTS } from './extra-parts.js';
import { MASS_PARTS } from './mass-parts.js';
import { domain, type CoordinatePart, type Domain, type RangeKey, type RangeMap } from './part.js';
import { SPIN_PARTS } from './spin-parts.js';
import { boxFromRanges, type Box } from './box.js';

/** A variable format: D coordinates theta <-> the 12 physical components. */
export interface VariableFormat {
  /** Format string, e.g. "Mq_s1z_s2z". */
  readonly name: string;
  /** Coordinate names in theta order (mbank labels). */
  readonly names: readonly string[];
  /** Number of coordinates D. */
  readonly D: number;
  /** Physical domain of each coordinate (validity checks and one-sided stencils). */
  readonly domains: readonly Domain[];
  /** Range option (and mapping) giving each coordinate's box edges. */
  readonly ranges: readonly (readonly [RangeKey, RangeMap])[];
  /** Key of the mass layout ("Mq", "mceta", ...; "BBH_components" for the 12-D format). */
  readonly massFormat: string;
  /** Key of the spin layout ("s1z_s2z", ...). */
  readonly spinFormat: string;
  /** theta (length D) -> components (unused components 0). */
  toPhysical(theta: ArrayLike<number>): BBHComponents;
  /** theta -> components written into `out` (no allocation; every field overwritten). */
  toPhysicalInto(theta: ArrayLike<number>, out: BBHComponents): BBHComponents;
  /** components -> theta (length D). */
  fromPhysical(c: BBHComponents): Float64Array;
  /** The box of mbank's default ranges (see ./box.ts DEFAULT_RANGES). */
  defaultBox(): Box;
}

function compose(name: string, parts: readonly CoordinatePart[], massFormat: string, spinFormat: string): VariableFormat {
  const names = parts.flatMap((p) => p.names);
  const offsets: number[] = [];
  let d = 0;
  for (const p of parts) { offsets.push(d); d += p.names.length; }
  const fmt: VariableFormat = {
    name,
    names,
    D: d,
    domains: parts.flatMap((p) => p.domains),
    ranges: parts.flatMap((p) => p.ranges),
    massFormat,
    spinFormat,
    toPhysicalInto(theta, out) {
      out.m1 = 0; out.m2 = 0; out.s1x = 0; out.s1y = 0; out.s1z = 0; out.s2x = 0; out.s2y = 0; out.s2z = 0;
      out.e = 0; out.meanano = 0; out.iota = 0; out.phi = 0;
      for (let i = 0; i < parts.length; i++) parts[i].toPhysical(theta, offsets[i], out);
      return out;
    },
    toPhysical(theta) { return fmt.toPhysicalInto(theta, zeroComponents()); },
    fromPhysical(c) {
      const out = new Float64Array(d);
      for (let i = 0; i < parts.length; i++) parts[i].fromPhysical(c, out, offsets[i]);
      return out;
    },
    defaultBox() { return boxFromRanges(fmt, {}); },
  };
  return fmt;
}

const ANY = domain(-Infinity, Infinity, true, true);
const BBH_PART: CoordinatePart = {
  key: 'BBH_components',
  names: [...COMPONENT_NAMES],
  domains: [
    domain(0, Infinity, true, true, false, true), domain(0, Infinity, true, true, false, true),
    domain(-1, 1, true, true), domain(-1, 1, true, true), domain(-1, 1, true, true),
    domain(-1, 1, true, true), domain(-1, 1, true, true), domain(-1, 1, true, true),
    domain(0, 1, false, true), domain(0, 2 * Math.PI, false, false, true), domain(0, Math.PI, false, false), ANY,
  ],
  ranges: [['m1', 'identity'], ['m2', 'identity'], ['s1', 'identity'], ['s1', 'identity'], ['s1', 'identity'],
    ['s2', 'identity'], ['s2', 'identity'], ['s2', 'identity'], ['e', 'identity'], ['meanano', 'identity'],
    ['iota', 'identity'], ['refPhase', 'identity']],
  toPhysical(t, o, c) { COMPONENT_NAMES.forEach((k, i) => { c[k] = t[o + i]; }); },
  fromPhysical(c, out, o) { COMPONENT_NAMES.forEach((k, i) => { out[o + i] = c[k]; }); },
};

function buildAll(): ReadonlyMap<string, VariableFormat> {
  const all = new Map<string, VariableFormat>();
  for (const m of MASS_PARTS) for (const s of SPIN_PARTS) for (const e of ECCENTRICITY_PARTS) for (const a of ANGLE_PARTS) {
    const name = [m.key, s.key, e.key, a.key].filter((k) => k !== '').join('_');
    all.set(name, compose(name, [m, s, e, a], m.key, s.key));
  }
  all.set('BBH_components', compose('BBH_components', [BBH_PART], 'BBH_components', 'BBH_components'));
  return all;
}

const FORMATS = buildAll();

/** Every valid format string (5 mass x 9 spin x 3 eccentricity x 3 angle layouts, plus BBH_components). */
export function variableFormatNames(): string[] {
  return [...FORMATS.keys()];
}

/**
 * The format called `name`; throws MbankError naming the grammar and the valid layouts.
 */
export function getVariableFormat(name: string): VariableFormat {
  const f = FORMATS.get(name);
  if (f) return f;
  const keys = (ps: readonly CoordinatePart[]) => ps.map((p) => p.key).filter((k) => k !== '').join(', ');
  throw new MbankError(
    `variable-format = ${JSON.stringify(name)}: unknown; use <mass>_<spin>[_<ecc>][_<angles>] with mass in {${keys(MASS_PARTS)}}, ` +
      `spin in {${keys(SPIN_PARTS)}}, ecc in {${keys(ECCENTRICITY_PARTS)}}, angles in {${keys(ANGLE_PARTS)}} ` +
      `(e.g. Mq_s1z_s2z, logMq_chi_iota), or BBH_components`,
  );
}
