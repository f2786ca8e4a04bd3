/**
 * A set of injections: N simulated signals as columns of physical parameters (LAL/PyCBC names and
 * units, as the sim_inspiral table holds them), plus the settings they were drawn for.
 * Plain data, validated at construction.
 */
import { invalid } from '../core/errors.js';
import type { BBHComponents } from '../coordinates/components.js';
import type { WaveformParams } from '../waveforms/types.js';

/** Every column, in storage order. Masses [Msun], spins dimensionless, angles [rad], distance [Mpc], time GPS [s]. */
export const INJECTION_COLUMNS = [
  'mass1', 'mass2', 'spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z',
  'eccentricity', 'meanAnomaly', 'inclination', 'coaPhase',
  'longitude', 'latitude', 'polarization', 'distance', 'geocentTime',
] as const;

/** Name of an injection column. */
export type InjectionColumn = (typeof INJECTION_COLUMNS)[number];

/** The columns, one Float64Array of length N each. */
export type InjectionColumns = Record<InjectionColumn, Float64Array>;

/** Settings stored with the injections (sim_inspiral waveform, f_lower, f_final). */
export interface InjectionMetadata {
  approximant?: string;
  fMin?: number;
  fMax?: number;
  /** Variable format the injections were drawn in, and how ("flow", "uniform", "bank"). */
  variableFormat?: string;
  source?: string;
  seed?: number;
}

/** N injections; construct with `new InjectionSet(columns, metadata)` (missing columns are 0). */
export class InjectionSet {
  readonly size: number;
  readonly columns: Readonly<InjectionColumns>;
  readonly metadata: Readonly<InjectionMetadata>;

  constructor(columns: Partial<Record<InjectionColumn, ArrayLike<number>>> & { mass1: ArrayLike<number>; mass2: ArrayLike<number> }, metadata: InjectionMetadata = {}) {
    const n = columns.mass1.length;
    const out: Partial<InjectionColumns> = {};
    for (const name of INJECTION_COLUMNS) {
      const c = columns[name];
      if (c !== undefined && c.length !== n) invalid(`injections.${name}.length`, c.length, `must equal mass1.length = ${n}`);
      out[name] = c === undefined ? new Float64Array(n) : Float64Array.from(c);
      for (let i = 0; i < n; i++) if (!Number.isFinite(out[name]![i])) invalid(`injections.${name}[${i}]`, out[name]![i], 'must be a finite number');
    }
    const o = out as InjectionColumns;
    for (let i = 0; i < n; i++) {
      if (!(o.mass1[i] > 0 && o.mass2[i] > 0)) invalid(`injection ${i} masses`, [o.mass1[i], o.mass2[i]], 'must be > 0 (solar masses)');
      if (Math.hypot(o.spin1x[i], o.spin1y[i], o.spin1z[i]) > 1 + 1e-6) invalid(`|spin1| of injection ${i}`, Math.hypot(o.spin1x[i], o.spin1y[i], o.spin1z[i]), 'must be <= 1');
      if (Math.hypot(o.spin2x[i], o.spin2y[i], o.spin2z[i]) > 1 + 1e-6) invalid(`|spin2| of injection ${i}`, Math.hypot(o.spin2x[i], o.spin2y[i], o.spin2z[i]), 'must be <= 1');
    }
    this.size = n;
    this.columns = o;
    this.metadata = { ...metadata };
  }

  /** Injection i as mbank's 12 BBH components (m1, m2, spins, e, meanano, iota, phi). */
  components(i: number): BBHComponents {
    const c = this.columns;
    return {
      m1: c.mass1[i], m2: c.mass2[i], s1x: c.spin1x[i], s1y: c.spin1y[i], s1z: c.spin1z[i],
      s2x: c.spin2x[i], s2y: c.spin2y[i], s2z: c.spin2z[i], e: c.eccentricity[i], meanano: c.meanAnomaly[i],
      iota: c.inclination[i], phi: c.coaPhase[i],
    };
  }

  /** Waveform parameters of injection i (distance 1 Mpc: it cancels in matches; f_ref = fMinHz). */
  waveformParams(i: number, fMinHz: number, fMaxHz: number): WaveformParams {
    const c = this.columns;
    return {
      m1: c.mass1[i], m2: c.mass2[i], s1x: c.spin1x[i], s1y: c.spin1y[i], s1z: c.spin1z[i],
      s2x: c.spin2x[i], s2y: c.spin2y[i], s2z: c.spin2z[i], distanceMpc: 1,
      inclination: c.inclination[i], phiRef: c.coaPhase[i], fMinHz, fMaxHz, fRefHz: fMinHz,
      eccentricity: c.eccentricity[i], meanAnomaly: c.meanAnomaly[i],
    };
  }

  /** The first n injections (or all when n >= size). */
  head(n: number): InjectionSet {
    if (n >= this.size) return this;
    const cols = Object.fromEntries(INJECTION_COLUMNS.map((k) => [k, this.columns[k].subarray(0, n)])) as unknown as InjectionColumns;
    return new InjectionSet(cols, this.metadata);
  }
}
