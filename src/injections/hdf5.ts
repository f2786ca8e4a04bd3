/**
 * Injection files in HDF5, in PyCBC's injection layout (pycbc/inject/injfilterrejector.py,
 * `pycbc_create_injections`): one float64 dataset of length N per parameter with PyCBC names
 * (mass1, mass2, spin1x..spin2z, eccentricity, mean_per_ano, inclination, coa_phase, polarization,
 * ra, dec, distance [Mpc], tc [GPS s]); attributes injtype = "cbc", static_args (approximant,
 * f_lower, f_final when known) and each static argument, plus ours: program, variable_format,
 * source, seed. Written to `<path>.tmp-<pid>` and renamed.
 */
import h5wasm from 'h5wasm/node';
import { expectRows, readHdf5, writeHdf5Atomic } from '../core/hdf5.js';
import { invalid, MbankError } from '../core/errors.js';
import { INJECTION_COLUMNS, InjectionSet, type InjectionColumn, type InjectionMetadata } from './injection-set.js';

/** Our column -> PyCBC dataset name (the reader also takes the names in the second list). */
export const INJECTION_HDF5_NAMES: Readonly<Record<InjectionColumn, readonly string[]>> = {
  mass1: ['mass1'], mass2: ['mass2'], spin1x: ['spin1x'], spin1y: ['spin1y'], spin1z: ['spin1z'],
  spin2x: ['spin2x'], spin2y: ['spin2y'], spin2z: ['spin2z'], eccentricity: ['eccentricity'],
  meanAnomaly: ['mean_per_ano', 'meanano'], inclination: ['inclination'], coaPhase: ['coa_phase'],
  longitude: ['ra', 'longitude'], latitude: ['dec', 'latitude'], polarization: ['polarization'],
  distance: ['distance'], geocentTime: ['tc', 'geocent_time'],
};

/** Write injections as HDF5 (see module comment). */
export async function writeInjectionsHdf5(path: string, set: InjectionSet): Promise<void> {
  await writeHdf5Atomic(path, (file) => {
    for (const k of INJECTION_COLUMNS) file.create_dataset({ name: INJECTION_HDF5_NAMES[k][0], data: set.columns[k], dtype: '<d' });
    const m = set.metadata;
    file.create_attribute('injtype', 'cbc');
    file.create_attribute('program', 'mbank-ts');
    const statics: string[] = [];
    if (m.approximant !== undefined) { statics.push('approximant'); file.create_attribute('approximant', m.approximant); }
    if (m.fMin !== undefined) { statics.push('f_lower'); file.create_attribute('f_lower', m.fMin, null, '<d'); }
    if (m.fMax !== undefined) { statics.push('f_final'); file.create_attribute('f_final', m.fMax, null, '<d'); }
    if (statics.length > 0) file.create_attribute('static_args', statics);
    if (m.variableFormat !== undefined) file.create_attribute('variable_format', m.variableFormat);
    if (m.source !== undefined) file.create_attribute('source', m.source);
    if (m.seed !== undefined) file.create_attribute('seed', m.seed, null, '<q');
  }, (file) => {
    for (const k of INJECTION_COLUMNS) expectRows(file, INJECTION_HDF5_NAMES[k][0], set.columns[k].length);
  });
}

function attrValue(file: InstanceType<typeof h5wasm.File>, key: string): unknown {
  const a = file.attrs[key];
  if (a === undefined) return undefined;
  const v = a.value;
  if (typeof v === 'bigint') return Number(v);
  if (ArrayBuffer.isView(v) && (v as unknown as ArrayLike<number>).length === 1) return Number((v as unknown as ArrayLike<number>)[0]);
  if (Array.isArray(v) && v.length === 1) return v[0];
  return v;
}

/** Read injections from an HDF5 file (ours or PyCBC's); masses are required, other missing columns are 0. */
export async function readInjectionsHdf5(path: string): Promise<InjectionSet> {
  return readHdf5(path, 'injection file', (file) => {
    const cols: Partial<Record<InjectionColumn, Float64Array>> = {};
    for (const k of INJECTION_COLUMNS) {
      for (const name of INJECTION_HDF5_NAMES[k]) {
        const ds = file.get(name);
        if (!(ds instanceof h5wasm.Dataset)) continue;
        const v = ds.value;
        if (!ArrayBuffer.isView(v)) throw new MbankError(`${path}: dataset ${name} is not numeric`);
        cols[k] = v instanceof BigInt64Array ? Float64Array.from(v, Number) : Float64Array.from(v as unknown as ArrayLike<number>);
        break;
      }
    }
    if (cols.mass1 === undefined || cols.mass2 === undefined) invalid('injection file', path, 'has no mass1/mass2 datasets');
    const metadata: InjectionMetadata = {};
    const str = (k: string) => { const v = attrValue(file, k); return typeof v === 'string' ? v : undefined; };
    const num = (k: string) => { const v = attrValue(file, k); return typeof v === 'number' ? v : undefined; };
    if (str('approximant') !== undefined) metadata.approximant = str('approximant');
    if (num('f_lower') !== undefined) metadata.fMin = num('f_lower');
    if (num('f_final') !== undefined) metadata.fMax = num('f_final');
    if (str('variable_format') !== undefined) metadata.variableFormat = str('variable_format');
    if (str('source') !== undefined) metadata.source = str('source');
    if (num('seed') !== undefined) metadata.seed = num('seed');
    return new InjectionSet(cols as { mass1: Float64Array; mass2: Float64Array }, metadata);
  });
}
