/**
 * HDF5 bank files in PyCBC's template-bank layout (pycbc/waveform/bank.py `TemplateBank`,
 * `write_to_hdf`; pycbc/tmpltbank/bank_output_utils.py `output_bank_to_hdf`), written with h5wasm.
 *
 * Layout (N templates):
 *  - one 1-D dataset of length N per parameter, float64: mass1, mass2, spin1x, spin1y, spin1z, spin2x,
 *    spin2y, spin2z, and where the bank has them inclination, coa_phase, eccentricity, mean_per_ano;
 *  - f_lower, f_final (float64, the bank's fMin/fMax repeated), template_duration (float64, 2PN chirp
 *    time from f_lower, see chirp-time.ts), approximant (fixed-length ASCII bytes, numpy 'S' when read by
 *    h5py; size = longest name + 1, null-terminated), template_hash (int64, PyCBC's BLAKE2b recipe);
 *  - attribute `parameters`: the names of those 1-D datasets (variable-length strings, as h5py writes a
 *    list of str); PyCBC loads exactly these;
 *  - our attributes: program, program_version, variable_format, minimal_match, psd, f_min, f_max, df,
 *    approximant, method, seed, ifo (only those known), and `extra.<key>` for each `metadata.extra` entry;
 *  - `coordinates`: N x D float64 dataset of the templates in the bank's variable format, with attributes
 *    `names` (D strings) and `variable_format`. It is not listed in `parameters`, so PyCBC ignores it.
 */
import h5wasm from 'h5wasm/node';
import { expectRows, readHdf5, writeHdf5Atomic } from '../core/hdf5.js';
import { invalid, MbankError } from '../core/errors.js';
import { Bank, type BankMetadata, type BankTemplatesInput, type OptionalColumn } from './bank.js';
import { templateDurations } from './chirp-time.js';
import { pycbcTemplateHashes } from './template-hash.js';

/** Our column name -> PyCBC dataset name for the optional columns. */
export const PYCBC_OPTIONAL_NAMES: Readonly<Record<OptionalColumn, string>> = {
  inclination: 'inclination',
  phiRef: 'coa_phase',
  eccentricity: 'eccentricity',
  meanAnomaly: 'mean_per_ano',
};

/** Attribute-name prefix of `metadata.extra` entries. */
export const EXTRA_PREFIX = 'extra.';

/** Program name stored in the `program` attribute. */
export const PROGRAM_NAME = 'mbank-ts';

type H5File = InstanceType<typeof h5wasm.File>;
type H5Dataset = InstanceType<typeof h5wasm.Dataset>;

/** The datasets and attributes `writeBankHdf5` will write for this bank, in writing order. */
function pycbcColumns(bank: Bank): Array<[string, Float64Array]> {
  const t = bank.templates;
  const cols: Array<[string, Float64Array]> = [
    ['mass1', t.mass1], ['mass2', t.mass2],
    ['spin1x', t.spin1x], ['spin1y', t.spin1y], ['spin1z', t.spin1z],
    ['spin2x', t.spin2x], ['spin2y', t.spin2y], ['spin2z', t.spin2z],
  ];
  for (const name of bank.optionalColumns) cols.push([PYCBC_OPTIONAL_NAMES[name], t[name]!]);
  return cols;
}

function metadataAttributes(m: BankMetadata): Array<[string, string | number, string]> {
  const out: Array<[string, string | number, string]> = [];
  const str = (k: string, v: string | undefined) => { if (v !== undefined) out.push([k, v, 'S']); };
  const num = (k: string, v: number | undefined) => { if (v !== undefined) out.push([k, v, '<d']); };
  str('program', PROGRAM_NAME);
  str('program_version', m.programVersion);
  str('variable_format', m.variableFormat);
  num('minimal_match', m.minimalMatch);
  str('psd', m.psd);
  num('f_min', m.fMin);
  num('f_max', m.fMax);
  num('df', m.df);
  str('approximant', m.approximant);
  str('method', m.method);
  if (m.seed !== undefined) out.push(['seed', m.seed, '<q']);
  str('ifo', m.ifo);
  for (const [key, value] of Object.entries(m.extra ?? {})) {
    out.push([`${EXTRA_PREFIX}${key}`, value, typeof value === 'number' ? '<d' : 'S']);
  }
  return out;
}

/**
 * Write `bank` to `path` (.h5/.hdf5/.hdf) in PyCBC's layout (see the module comment). Requires
 * `bank.metadata.fMin` (PyCBC needs f_lower). Written to `<path>.tmp-<pid>`, verified by re-opening
 * (every dataset present with N rows), then renamed onto `path`.
 */
export async function writeBankHdf5(path: string, bank: Bank): Promise<void> {
  const m = bank.metadata;
  if (m.fMin === undefined) invalid('bank.metadata.fMin', m.fMin, 'is required for a PyCBC HDF5 bank (f_lower)');
  if (bank.size === 0) invalid('bank.size', 0, 'cannot write an empty bank');
  const n = bank.size;
  const cols = pycbcColumns(bank);
  const extra: Array<[string, Float64Array]> = [['f_lower', new Float64Array(n).fill(m.fMin)]];
  if (m.fMax !== undefined) extra.push(['f_final', new Float64Array(n).fill(m.fMax)]);
  extra.push(['template_duration', templateDurations(bank.templates.mass1, bank.templates.mass2, m.fMin)]);
  const hashColumns: Record<string, Float64Array> = Object.fromEntries(cols);
  const hashes = pycbcTemplateHashes(hashColumns, n);
  const parameters = [...cols, ...extra].map(([name]) => name);
  if (m.approximant !== undefined) parameters.push('approximant');
  parameters.push('template_hash');

  await writeHdf5Atomic(path, (file) => {
    for (const [name, data] of [...cols, ...extra]) file.create_dataset({ name, data, dtype: '<d' });
    if (m.approximant !== undefined) {
      const size = new TextEncoder().encode(m.approximant).length + 1;
      file.create_dataset({ name: 'approximant', data: new Array<string>(n).fill(m.approximant), dtype: `A${size}` });
    }
    file.create_dataset({ name: 'template_hash', data: hashes, dtype: '<q' });
    file.create_attribute('parameters', parameters);
    for (const [key, value, dtype] of metadataAttributes(m)) {
      file.create_attribute(key, value, null, dtype === 'S' ? null : dtype);
    }
    if (bank.coordinates !== undefined) {
      const d = bank.dimension;
      const ds = file.create_dataset({ name: 'coordinates', data: bank.coordinates.values, shape: [n, d], dtype: '<d' });
      ds.create_attribute('names', [...bank.coordinates.names]);
      if (m.variableFormat !== undefined) ds.create_attribute('variable_format', m.variableFormat);
    }
  }, (file) => {
    for (const name of parameters) expectRows(file, name, n);
    if (bank.coordinates !== undefined) expectRows(file, 'coordinates', n, bank.dimension);
  });
}

/** HDF5 type classes of numeric datasets (H5Tpublic.h H5T_class_t: H5T_INTEGER = 0, H5T_FLOAT = 1). */
const H5T_INTEGER = 0, H5T_FLOAT = 1;

/** Rows read per h5wasm call: HDF5's buffer in the WebAssembly heap stays 512 KB (the heap never shrinks) and the slices' garbage small (1e7 templates: 0.44 GiB peak reading, 0.51 with 2^20 rows). */
export const SLICE_ROWS = 1 << 16;

function numericDataset(file: H5File, name: string, path: string): H5Dataset | undefined {
  const ds = file.get(name);
  if (ds === null) return undefined;
  if (!(ds instanceof h5wasm.Dataset)) throw new MbankError(`${path}: ${name} is not a dataset`);
  const t = (ds as H5Dataset).metadata.type;
  if (t !== H5T_FLOAT && t !== H5T_INTEGER) {
    throw new MbankError(`${path}: dataset ${name} is not numeric (dtype ${JSON.stringify((ds as H5Dataset).dtype)})`);
  }
  return ds as H5Dataset;
}

/** Rows [a, b) of a numeric dataset (all columns of a 2-D one), widened to float64. */
function readRows(ds: H5Dataset, a: number, b: number): ArrayLike<number> {
  const shape = ds.shape ?? [];
  const v = ds.slice(shape.length > 1 ? [[a, b], [0, shape[1]]] : [[a, b]]) as unknown;
  return v instanceof BigInt64Array || v instanceof BigUint64Array ? Float64Array.from(v, Number) : (v as ArrayLike<number>);
}

/**
 * Dataset `name` (N or N x D rows) read `sliceRows` rows at a time into a SharedArrayBuffer the Bank
 * adopts: no whole-column copy in the WebAssembly heap or in JS. With `dropZero`, a column of zeros
 * is returned as undefined (the Bank's zero column is never written, so it costs no resident memory:
 * the in-plane spins of an aligned bank, 320 MB at 1e7 templates). Undefined when absent.
 */
function readShared(file: H5File, name: string, path: string, sliceRows: number, dropZero = false): Float64Array | undefined {
  const ds = numericDataset(file, name, path);
  if (ds === undefined) return undefined;
  const shape = ds.shape ?? [];
  const rows = shape[0] ?? 0, width = shape.length > 1 ? shape[1] : 1;
  let out: Float64Array | undefined;
  const alloc = () => new Float64Array(new SharedArrayBuffer(8 * Math.max(1, rows * width)), 0, rows * width);
  if (!dropZero) out = alloc();
  for (let a = 0; a < rows; a += sliceRows) {
    const v = readRows(ds, a, Math.min(rows, a + sliceRows));
    if (out === undefined) {
      let zero = true;
      for (let k = 0; k < v.length && zero; k++) zero = v[k] === 0;
      if (zero) continue; // the rows stay zero in a column allocated later
      out = alloc();
    }
    out.set(v, a * width);
  }
  return out ?? (rows === 0 ? alloc() : undefined);
}

/** The smallest value of a numeric 1-D dataset, read in slices (undefined when absent or empty). */
function minOfDataset(file: H5File, name: string, path: string, sliceRows: number): number | undefined {
  const ds = numericDataset(file, name, path);
  const rows = ds?.shape?.[0] ?? 0;
  let m = Infinity;
  for (let a = 0; a < rows; a += sliceRows) {
    const v = readRows(ds!, a, Math.min(rows, a + sliceRows));
    for (let k = 0; k < v.length; k++) if (v[k] < m) m = v[k];
  }
  return rows > 0 ? m : undefined;
}

function attr(file: H5File | H5Dataset, key: string): unknown {
  const a = file.attrs[key];
  if (a === undefined) return undefined;
  const v = a.value;
  return typeof v === 'bigint' ? Number(v) : v;
}

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') return v[0];
  return undefined;
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (ArrayBuffer.isView(v) && (v as unknown as ArrayLike<number>).length === 1) return Number((v as unknown as ArrayLike<number>)[0]);
  return undefined;
}

/**
 * Read a bank from an HDF5 file in PyCBC's layout: ours, PyCBC's (`pycbc_brute_bank`,
 * `pycbc_geom_aligned_bank`, `pycbc_coinc_bank2hdf`) or sbank's (float32 columns are widened).
 * Missing spins are zero; fMin/fMax come from our attributes or else the min of `f_lower` / `f_final`;
 * the approximant from the attribute or the first row of `approximant`. Columns are read `sliceRows`
 * rows at a time into shared arrays the Bank keeps (1e7 templates: 1.0 GB resident instead of 2.7 GB).
 */
export async function readBankHdf5(path: string, sliceRows = SLICE_ROWS): Promise<Bank> {
  if (!(Number.isInteger(sliceRows) && sliceRows >= 1)) invalid('sliceRows', sliceRows, 'must be an integer >= 1');
  return readHdf5(path, 'bank file', (file) => {
    const mass1 = readShared(file, 'mass1', path, sliceRows);
    const mass2 = readShared(file, 'mass2', path, sliceRows);
    if (mass1 === undefined || mass2 === undefined) invalid('bank file', path, 'has no mass1/mass2 datasets (not a template bank)');
    const templates: Record<string, Float64Array> = { mass1, mass2 };
    for (const name of ['spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z']) {
      const c = readShared(file, name, path, sliceRows, true);
      if (c !== undefined) templates[name] = c;
    }
    for (const [ours, theirs] of Object.entries(PYCBC_OPTIONAL_NAMES)) {
      const c = readShared(file, theirs, path, sliceRows);
      if (c !== undefined) templates[ours] = c;
    }
    const metadata: BankMetadata = {};
    const fMin = asNumber(attr(file, 'f_min')) ?? minOfDataset(file, 'f_lower', path, sliceRows);
    const fMax = asNumber(attr(file, 'f_max')) ?? minOfDataset(file, 'f_final', path, sliceRows);
    if (fMin !== undefined && fMin > 0) metadata.fMin = fMin;
    if (fMax !== undefined && fMax > 0) metadata.fMax = fMax;
    const apxDs = file.get('approximant');
    // the first row only: 1e7 names as JS strings took ~0.5 GB
    const apxValue = apxDs instanceof h5wasm.Dataset && (apxDs.shape?.[0] ?? 0) > 0 ? apxDs.slice([[0, 1]]) : undefined;
    const approximant = asString(attr(file, 'approximant')) ?? (Array.isArray(apxValue) ? String(apxValue[0]) : undefined);
    if (approximant !== undefined) metadata.approximant = approximant;
    const strings: Array<[keyof BankMetadata, string]> = [
      ['programVersion', 'program_version'], ['variableFormat', 'variable_format'], ['psd', 'psd'], ['method', 'method'], ['ifo', 'ifo'],
    ];
    for (const [ours, key] of strings) {
      const v = asString(attr(file, key));
      if (v !== undefined) (metadata as Record<string, unknown>)[ours] = v;
    }
    const numbers: Array<[keyof BankMetadata, string]> = [['minimalMatch', 'minimal_match'], ['df', 'df'], ['seed', 'seed']];
    for (const [ours, key] of numbers) {
      const v = asNumber(attr(file, key));
      if (v !== undefined) (metadata as Record<string, unknown>)[ours] = v;
    }
    const extra: Record<string, string | number> = {};
    for (const key of Object.keys(file.attrs)) {
      if (!key.startsWith(EXTRA_PREFIX)) continue;
      const v = attr(file, key);
      const value = asString(v) ?? asNumber(v);
      if (value !== undefined) extra[key.slice(EXTRA_PREFIX.length)] = value;
    }
    if (Object.keys(extra).length > 0) metadata.extra = extra;
    let coordinates: { names: string[]; values: Float64Array } | undefined;
    const cds = file.get('coordinates');
    if (cds instanceof h5wasm.Dataset) {
      const names = attr(cds, 'names');
      if (!Array.isArray(names) || cds.metadata.type !== H5T_FLOAT || cds.metadata.size !== 8) throw new MbankError(`${path}: coordinates dataset without names attribute or not float64`);
      coordinates = { names: names.map(String), values: readShared(file, 'coordinates', path, sliceRows)! };
    }
    return new Bank({ templates: templates as unknown as BankTemplatesInput, coordinates, metadata, adoptShared: true });
  });
}
