/**
 * HDF5 bank files in PyCBC's template-bank layout (pycbc/waveform/bank.py `TemplateBank`,
 * `write_to_hdf`; pycbc/tmpltbank/bank_output_utils.py `output_bank_to_hdf`), written with h5wasm.
 *
 * Layout (N templates):
 *  - one 1-D dataset of length N per parameter, float64: mass1, mass2, spin1x, spin1y, spin1z, spin2x,
 *    spin2y, spin2z, and where the bank has them inclination, coa_phase, eccentricity, mean_per_ano;
 *  - f_lower, f_final (float64, the bank's fMin/fMax repeated), template_duration (float64, 2PN chirp
 *    time from f_lower, see chirpTime.ts), approximant (fixed-length ASCII bytes, numpy 'S' when read by
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
import { templateDurations } from './chirpTime.js';
import { pycbcTemplateHashes } from './templateHash.js';

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

function readColumn(file: H5File, name: string, path: string): Float64Array | undefined {
  const ds = file.get(name);
  if (ds === null) return undefined;
  if (!(ds instanceof h5wasm.Dataset)) throw new MbankError(`${path}: ${name} is not a dataset`);
  const v = (ds as H5Dataset).value;
  if (v instanceof Float64Array) return v;
  if (v instanceof Float32Array || v instanceof Int32Array || v instanceof Int16Array || v instanceof Uint32Array) return Float64Array.from(v);
  if (v instanceof BigInt64Array) return Float64Array.from(v, Number);
  throw new MbankError(`${path}: dataset ${name} is not numeric (dtype ${JSON.stringify((ds as H5Dataset).dtype)})`);
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
 * the approximant from the attribute or the first row of `approximant`.
 */
export async function readBankHdf5(path: string): Promise<Bank> {
  return readHdf5(path, 'bank file', (file) => {
    const mass1 = readColumn(file, 'mass1', path);
    const mass2 = readColumn(file, 'mass2', path);
    if (mass1 === undefined || mass2 === undefined) invalid('bank file', path, 'has no mass1/mass2 datasets (not a template bank)');
    const templates: Record<string, Float64Array> = { mass1, mass2 };
    for (const name of ['spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z']) {
      const c = readColumn(file, name, path);
      if (c !== undefined) templates[name] = c;
    }
    for (const [ours, theirs] of Object.entries(PYCBC_OPTIONAL_NAMES)) {
      const c = readColumn(file, theirs, path);
      if (c !== undefined) templates[ours] = c;
    }
    const metadata: BankMetadata = {};
    const fLower = readColumn(file, 'f_lower', path);
    const fFinal = readColumn(file, 'f_final', path);
    const minOf = (a: Float64Array | undefined) => (a === undefined || a.length === 0 ? undefined : a.reduce((x, y) => Math.min(x, y)));
    const fMin = asNumber(attr(file, 'f_min')) ?? minOf(fLower);
    const fMax = asNumber(attr(file, 'f_max')) ?? minOf(fFinal);
    if (fMin !== undefined && fMin > 0) metadata.fMin = fMin;
    if (fMax !== undefined && fMax > 0) metadata.fMax = fMax;
    const apxDs = file.get('approximant');
    const apxValue = apxDs instanceof h5wasm.Dataset ? apxDs.value : undefined;
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
      const values = cds.value;
      if (!Array.isArray(names) || !(values instanceof Float64Array)) throw new MbankError(`${path}: coordinates dataset without names attribute or not float64`);
      coordinates = { names: names.map(String), values };
    }
    return new Bank({ templates: templates as unknown as BankTemplatesInput, coordinates, metadata });
  });
}
