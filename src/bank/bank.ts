/**
 * The `Bank` type: N templates as columns of physical parameters (PyCBC/LAL names and units), the
 * same templates in the bank's coordinates (optional, N x D row-major with D names), and metadata.
 * Plain data: it does not know the variable formats; callers convert with src/coordinates.
 */
import { invalid, MbankError } from '../core/errors.js';

/** Spin columns always present (0 for formats without them), dimensionless, LAL source frame. */
export const SPIN_COLUMNS = ['spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z'] as const;
/** Optional angle/eccentricity columns: [rad], [rad], [-], [rad]. */
export const OPTIONAL_COLUMNS = ['inclination', 'phiRef', 'eccentricity', 'meanAnomaly'] as const;
/** Every physical column in storage order. */
export const PHYSICAL_COLUMNS = ['mass1', 'mass2', ...SPIN_COLUMNS, ...OPTIONAL_COLUMNS] as const;

/** Name of a spin column. */
export type SpinColumn = (typeof SPIN_COLUMNS)[number];
/** Name of an optional column. */
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
/** Name of any physical column. */
export type PhysicalColumn = (typeof PHYSICAL_COLUMNS)[number];

/** Per-template physical parameters, one Float64Array of length N per column. Masses [Msun]. */
export type BankTemplates = { [K in 'mass1' | 'mass2' | SpinColumn]: Float64Array } & {
  [K in OptionalColumn]?: Float64Array;
};

/** Constructor input: masses required; missing spins are zero; optional columns stay absent. */
export type BankTemplatesInput = { mass1: ArrayLike<number>; mass2: ArrayLike<number> } & {
  [K in SpinColumn | OptionalColumn]?: ArrayLike<number>;
};

/** One template as a record (same names as the columns). */
export type TemplateRecord = { [K in 'mass1' | 'mass2']: number } & { [K in SpinColumn | OptionalColumn]?: number };

/** The templates in the bank's variable format: `values[i * names.length + j]` is coordinate j of template i. */
export interface BankCoordinates {
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/** Coordinates as given to the constructor: flat row-major N*D values, or N rows of D values. */
export interface BankCoordinatesInput {
  names: readonly string[];
  values: ArrayLike<number> | ArrayLike<ArrayLike<number>>;
}

/** How the bank was made; every field optional (files from other codes carry only some). */
export interface BankMetadata {
  /** mbank variable format of the coordinates, e.g. "Mq_s1z_s2z". */
  variableFormat?: string;
  /** Minimal match the bank was placed for (0..1). */
  minimalMatch?: number;
  /** PSD used for the metric (file name or analytic curve name). */
  psd?: string;
  /** Low-frequency cutoff of the metric and of the templates [Hz] (PyCBC `f_lower`). */
  fMin?: number;
  /** High-frequency cutoff [Hz] (PyCBC `f_final`, mbank `f_max`). */
  fMax?: number;
  /** Frequency resolution of the metric grid [Hz]. */
  df?: number;
  /** LALSimulation approximant name, e.g. "IMRPhenomD". */
  approximant?: string;
  /** Placement method, e.g. "random", "stochastic". */
  method?: string;
  /** Seed of the placement run. */
  seed?: number;
  /** Version string of the program that wrote the bank. */
  programVersion?: string;
  /** Interferometer for LIGO_LW `sngl_inspiral.ifo` (mbank default "L1"). */
  ifo?: string;
  /**
   * Further run information kept in every format (e.g. covering fraction, livepoints, flow file):
   * keys are identifiers ([A-Za-z][A-Za-z0-9_]*), values strings or finite numbers.
   */
  extra?: Readonly<Record<string, string | number>>;
}

/** Everything a `Bank` is built from. */
export interface BankInit {
  templates: BankTemplatesInput;
  coordinates?: BankCoordinatesInput;
  metadata?: BankMetadata;
  /**
   * Keep (instead of copying) columns and coordinates that are Float64Arrays on SharedArrayBuffers:
   * file readers hand over fresh arrays (1e7 templates: 80 MB a column not doubled). The caller
   * must not keep them.
   */
  adoptShared?: boolean;
}

/** A zeroed column on a SharedArrayBuffer: worker threads given the bank read it without a copy (1e7 templates: 80 MB a column). */
function sharedColumn(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * Math.max(1, n)), 0, n);
}

function isShared(values: unknown): values is Float64Array {
  return values instanceof Float64Array && values.buffer instanceof SharedArrayBuffer;
}

function toColumn(name: string, values: ArrayLike<number>, n: number, adopt = false): Float64Array {
  if (values.length !== n) invalid(`${name}.length`, values.length, `must equal mass1.length = ${n}`);
  const out = adopt && isShared(values) ? values : sharedColumn(n);
  if (out !== values) out.set(values);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i])) invalid(`${name}[${i}]`, out[i], 'must be a finite number');
  }
  return out;
}

function flattenCoordinates(input: BankCoordinatesInput, n: number, adopt: boolean): BankCoordinates {
  const d = input.names.length;
  if (d === 0) invalid('coordinates.names', input.names, 'must name at least one coordinate');
  if (new Set(input.names).size !== d) invalid('coordinates.names', input.names, 'must be distinct');
  const rows = input.values;
  let values: Float64Array;
  if (rows.length > 0 && typeof rows[0] !== 'number') {
    const asRows = rows as ArrayLike<ArrayLike<number>>;
    if (asRows.length !== n) invalid('coordinates rows', asRows.length, `must equal the number of templates ${n}`);
    values = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const row = asRows[i];
      if (row.length !== d) invalid(`coordinates row ${i} length`, row.length, `must equal ${d} (${input.names.join(', ')})`);
      for (let j = 0; j < d; j++) values[i * d + j] = row[j];
    }
  } else {
    if (rows.length !== n * d) invalid('coordinates.values.length', rows.length, `must equal N*D = ${n}*${d}`);
    values = adopt && isShared(rows) ? rows : Float64Array.from(rows as ArrayLike<number>);
  }
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) invalid(`coordinates[${Math.floor(k / d)}][${k % d}]`, values[k], 'must be finite');
  }
  return { names: [...input.names], values };
}

/** Tolerance on |chi| <= 1 (file round trips through float32 may land a hair above 1). */
const SPIN_TOLERANCE = 1e-6;

/**
 * A template bank. Validates at construction: equal column lengths, finite values, masses > 0,
 * spin magnitudes |chi_i| <= 1, coordinates N x D. Columns are copied (the bank owns its arrays) unless `adoptShared`.
 */
export class Bank {
  /** Number of templates N. */
  readonly size: number;
  readonly templates: Readonly<BankTemplates>;
  readonly coordinates: BankCoordinates | undefined;
  readonly metadata: Readonly<BankMetadata>;

  constructor(init: BankInit) {
    const t = init.templates;
    if (t === undefined || t.mass1 === undefined || t.mass2 === undefined) {
      throw new MbankError('templates: mass1 and mass2 are required');
    }
    const n = t.mass1.length;
    const cols: Partial<BankTemplates> = {};
    const adopt = init.adoptShared === true;
    cols.mass1 = toColumn('mass1', t.mass1, n, adopt);
    cols.mass2 = toColumn('mass2', t.mass2, n, adopt);
    for (const name of SPIN_COLUMNS) cols[name] = t[name] === undefined ? sharedColumn(n) : toColumn(name, t[name]!, n, adopt);
    for (const name of OPTIONAL_COLUMNS) if (t[name] !== undefined) cols[name] = toColumn(name, t[name]!, n, adopt);
    const c = cols as BankTemplates;
    for (let i = 0; i < n; i++) {
      if (!(c.mass1[i] > 0)) invalid(`mass1[${i}]`, c.mass1[i], 'must be > 0 (solar masses)');
      if (!(c.mass2[i] > 0)) invalid(`mass2[${i}]`, c.mass2[i], 'must be > 0 (solar masses)');
      const chi1 = Math.hypot(c.spin1x[i], c.spin1y[i], c.spin1z[i]);
      const chi2 = Math.hypot(c.spin2x[i], c.spin2y[i], c.spin2z[i]);
      if (chi1 > 1 + SPIN_TOLERANCE) invalid(`|spin1| of template ${i}`, chi1, 'must be <= 1');
      if (chi2 > 1 + SPIN_TOLERANCE) invalid(`|spin2| of template ${i}`, chi2, 'must be <= 1');
      if (c.eccentricity !== undefined && !(c.eccentricity[i] >= 0 && c.eccentricity[i] < 1)) {
        invalid(`eccentricity[${i}]`, c.eccentricity[i], 'must be in [0, 1)');
      }
    }
    this.size = n;
    this.templates = c;
    this.coordinates = init.coordinates === undefined ? undefined : flattenCoordinates(init.coordinates, n, adopt);
    const metadata: BankMetadata = { ...(init.metadata ?? {}) };
    if (metadata.extra !== undefined) metadata.extra = { ...metadata.extra };
    this.metadata = metadata;
    validateMetadata(this.metadata);
  }

  /** Build a bank from per-template records (the optional columns present in the first record are kept). */
  static fromRecords(records: readonly TemplateRecord[], options: Omit<BankInit, 'templates'> = {}): Bank {
    const n = records.length;
    const optional = n > 0 ? OPTIONAL_COLUMNS.filter((name) => records[0][name] !== undefined) : [];
    const names: PhysicalColumn[] = ['mass1', 'mass2', ...SPIN_COLUMNS, ...optional];
    const cols: Record<string, Float64Array> = {};
    for (const name of names) cols[name] = new Float64Array(n);
    records.forEach((r, i) => {
      for (const name of names) {
        const v = r[name];
        if (v === undefined && !(SPIN_COLUMNS as readonly string[]).includes(name)) {
          invalid(`records[${i}].${name}`, v, 'must be given (masses always; optional columns when the first record has them)');
        }
        cols[name][i] = v ?? 0;
      }
    });
    return new Bank({ ...options, templates: cols as unknown as BankTemplatesInput });
  }

  /** Dimension D of the coordinates (0 without coordinates). */
  get dimension(): number {
    return this.coordinates?.names.length ?? 0;
  }

  /** Names of the optional columns this bank carries, in `OPTIONAL_COLUMNS` order. */
  get optionalColumns(): OptionalColumn[] {
    return OPTIONAL_COLUMNS.filter((name) => this.templates[name] !== undefined);
  }

  /** Template i as a record. */
  template(i: number): TemplateRecord {
    this.checkIndex(i);
    const r: TemplateRecord = { mass1: this.templates.mass1[i], mass2: this.templates.mass2[i] };
    for (const name of SPIN_COLUMNS) r[name] = this.templates[name][i];
    for (const name of this.optionalColumns) r[name] = this.templates[name]![i];
    return r;
  }

  /** Coordinates of template i (a copy of length D); throws when the bank has no coordinates. */
  coordinateRow(i: number): Float64Array {
    this.checkIndex(i);
    if (this.coordinates === undefined) throw new MbankError('coordinateRow: this bank has no coordinates (convert with src/coordinates)');
    const d = this.dimension;
    return this.coordinates.values.slice(i * d, (i + 1) * d);
  }

  /** A copy with metadata fields replaced/added. */
  withMetadata(metadata: BankMetadata): Bank {
    return new Bank({ templates: this.templates, coordinates: this.coordinates, metadata: { ...this.metadata, ...metadata } });
  }

  /** A copy with new coordinates (e.g. after converting to another variable format). */
  withCoordinates(coordinates: BankCoordinatesInput | undefined): Bank {
    return new Bank({ templates: this.templates, coordinates, metadata: this.metadata });
  }

  private checkIndex(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) invalid('template index', i, `must be an integer in [0, ${this.size})`);
  }
}

function validateMetadata(m: BankMetadata): void {
  const positive = (name: keyof BankMetadata) => {
    const v = m[name];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) invalid(`metadata.${name}`, v, 'must be a finite number > 0');
  };
  positive('fMin');
  positive('fMax');
  positive('df');
  if (m.minimalMatch !== undefined && !(m.minimalMatch > 0 && m.minimalMatch < 1)) {
    invalid('metadata.minimalMatch', m.minimalMatch, 'must be in (0, 1)');
  }
  if (m.fMin !== undefined && m.fMax !== undefined && !(m.fMax > m.fMin)) {
    invalid('metadata.fMax', m.fMax, `must be > fMin = ${m.fMin}`);
  }
  if (m.seed !== undefined && !Number.isSafeInteger(m.seed)) invalid('metadata.seed', m.seed, 'must be an integer');
  for (const [key, value] of Object.entries(m.extra ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) invalid('metadata.extra key', key, 'must match [A-Za-z][A-Za-z0-9_]*');
    if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
      invalid(`metadata.extra.${key}`, value, 'must be a string or a finite number');
    }
  }
}
