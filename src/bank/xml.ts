/**
 * LIGO_LW XML bank files (`sngl_inspiral` table), for GstLAL/PyCBC users, as mbank writes them
 * (mbank/bank.py `_save_xml`): a `process` table (program, comment), a `process_params` table (ours:
 * the bank metadata, mbank option names, `--extra-<key>` for metadata.extra) and a `sngl_inspiral` table with every column of python-ligo-lw's
 * SnglInspiralTable, all defaulting to 0 / "" (mbank's `DefaultSnglInspiralTable`), then per template:
 * mass1, mass2, spin1x..spin2z, alpha3 = inclination, alpha5 = reference phase, mtotal, eta,
 * mchirp = (m1 m2)^(3/5) / M^(1/5), chi = (m1 s1z + m2 s2z) / M, f_final = fMax (mbank default 1024 Hz),
 * ifo (default "L1"), process_id = 0, event_id = i, Gamma0 = i (GstLAL's template id).
 * Beyond mbank: alpha6 = f_lower (PyCBC reads f_lower from alpha6) and template_duration (2PN chirp
 * time) when fMin is known. Masses and spins are real_4 in the schema: they round-trip to float32.
 * Eccentricity and mean periastron anomaly: LIGO_LW's sngl_inspiral has no such columns (and python-ligo-lw
 * refuses unknown ones), so they travel in psi0 and psi3, the columns mbank's sim_inspiral injection files use
 * for them (src/injections/xml.ts); the HDF5 bank has them under PyCBC's names (`eccentricity`, `mean_per_ano`).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic-write.js';
import { invalid, MbankError } from '../core/errors.js';
import { Bank, type BankMetadata, type BankTemplatesInput } from './bank.js';
import { chirpTime2PN } from './chirp-time.js';
import { PROGRAM_NAME } from './hdf5.js';
import {
  formatLigolwDocument, parseLigolwDocument, tableRecords, type LigolwColumn, type LigolwTable, type LigolwValue,
} from './ligolw.js';

/** python-ligo-lw SnglInspiralTable.validcolumns, in its order (name, LIGO_LW type). */
export const SNGL_INSPIRAL_COLUMNS: readonly LigolwColumn[] = [
  ['process:process_id', 'int_8s'], ['ifo', 'lstring'], ['search', 'lstring'], ['channel', 'lstring'],
  ['end_time', 'int_4s'], ['end_time_ns', 'int_4s'], ['end_time_gmst', 'real_8'], ['impulse_time', 'int_4s'],
  ['impulse_time_ns', 'int_4s'], ['template_duration', 'real_8'], ['event_duration', 'real_8'], ['amplitude', 'real_4'],
  ['eff_distance', 'real_4'], ['coa_phase', 'real_4'], ['mass1', 'real_4'], ['mass2', 'real_4'], ['mchirp', 'real_4'],
  ['mtotal', 'real_4'], ['eta', 'real_4'], ['kappa', 'real_4'], ['chi', 'real_4'], ['tau0', 'real_4'], ['tau2', 'real_4'],
  ['tau3', 'real_4'], ['tau4', 'real_4'], ['tau5', 'real_4'], ['ttotal', 'real_4'], ['psi0', 'real_4'], ['psi3', 'real_4'],
  ['alpha', 'real_4'], ['alpha1', 'real_4'], ['alpha2', 'real_4'], ['alpha3', 'real_4'], ['alpha4', 'real_4'],
  ['alpha5', 'real_4'], ['alpha6', 'real_4'], ['beta', 'real_4'], ['f_final', 'real_4'], ['snr', 'real_4'],
  ['chisq', 'real_4'], ['chisq_dof', 'int_4s'], ['bank_chisq', 'real_4'], ['bank_chisq_dof', 'int_4s'],
  ['cont_chisq', 'real_4'], ['cont_chisq_dof', 'int_4s'], ['sigmasq', 'real_8'], ['rsqveto_duration', 'real_4'],
  ['Gamma0', 'real_4'], ['Gamma1', 'real_4'], ['Gamma2', 'real_4'], ['Gamma3', 'real_4'], ['Gamma4', 'real_4'],
  ['Gamma5', 'real_4'], ['Gamma6', 'real_4'], ['Gamma7', 'real_4'], ['Gamma8', 'real_4'], ['Gamma9', 'real_4'],
  ['spin1x', 'real_4'], ['spin1y', 'real_4'], ['spin1z', 'real_4'], ['spin2x', 'real_4'], ['spin2y', 'real_4'],
  ['spin2z', 'real_4'], ['event_id', 'int_8s'],
].map(([name, type]) => ({ name, type }));

const PROCESS_COLUMNS: readonly LigolwColumn[] = [
  ['program', 'lstring'], ['version', 'lstring'], ['cvs_repository', 'lstring'], ['cvs_entry_time', 'int_4s'],
  ['comment', 'lstring'], ['is_online', 'int_4s'], ['node', 'lstring'], ['username', 'lstring'], ['unix_procid', 'int_4s'],
  ['start_time', 'int_4s'], ['end_time', 'int_4s'], ['jobid', 'int_4s'], ['domain', 'lstring'], ['ifos', 'lstring'],
  ['process_id', 'int_8s'],
].map(([name, type]) => ({ name, type }));

const PROCESS_PARAMS_COLUMNS: readonly LigolwColumn[] = [
  ['program', 'lstring'], ['process:process_id', 'int_8s'], ['param', 'lstring'], ['type', 'lstring'], ['value', 'lstring'],
].map(([name, type]) => ({ name, type }));

/** Bank metadata <-> process_params rows (mbank option names). */
const METADATA_PARAMS: ReadonlyArray<[keyof BankMetadata, string, 'lstring' | 'real_8' | 'int_8s']> = [
  ['variableFormat', '--variable-format', 'lstring'], ['minimalMatch', '--mm', 'real_8'], ['psd', '--psd', 'lstring'],
  ['fMin', '--f-min', 'real_8'], ['fMax', '--f-max', 'real_8'], ['df', '--df', 'real_8'],
  ['approximant', '--approximant', 'lstring'], ['method', '--placing-method', 'lstring'], ['seed', '--seed', 'int_8s'],
  ['ifo', '--ifo', 'lstring'], ['programVersion', '--program-version', 'lstring'],
];

/** process_params name prefix of `metadata.extra` entries: "--extra-<key>". */
export const EXTRA_PARAM_PREFIX = '--extra-';

/** mbank's default `f_final` when the bank has no fMax [Hz]. */
export const DEFAULT_F_FINAL = 1024;

/** Build the LIGO_LW document text of a bank; returns it with the warnings (columns it cannot hold: none at present). */
export function bankToLigolw(bank: Bank): { xml: string; warnings: string[] } {
  if (bank.size === 0) invalid('bank.size', 0, 'cannot write an empty bank');
  const warnings: string[] = [];
  const t = bank.templates;
  const m = bank.metadata;
  const ifo = m.ifo ?? 'L1';
  const fFinal = m.fMax ?? DEFAULT_F_FINAL;
  const process: LigolwTable = {
    name: 'process',
    columns: [...PROCESS_COLUMNS],
    rows: [[PROGRAM_NAME, m.programVersion ?? null, null, null, 'A bank of BBH, generated using a metric approach', 0, null, null, null, null, null, 0, null, ifo, 0]],
  };
  const params: LigolwTable = { name: 'process_params', columns: [...PROCESS_PARAMS_COLUMNS], rows: [] };
  for (const [key, param, type] of METADATA_PARAMS) {
    const v = m[key];
    if (v !== undefined) params.rows.push([PROGRAM_NAME, 0, param, type, String(v)]);
  }
  for (const [key, value] of Object.entries(m.extra ?? {})) {
    params.rows.push([PROGRAM_NAME, 0, `${EXTRA_PARAM_PREFIX}${key}`, typeof value === 'number' ? 'real_8' : 'lstring', String(value)]);
  }
  const index = new Map(SNGL_INSPIRAL_COLUMNS.map((c, j) => [c.name, j]));
  const defaults: LigolwValue[] = SNGL_INSPIRAL_COLUMNS.map((c) => (c.type === 'lstring' ? '' : 0));
  const rows: LigolwValue[][] = [];
  for (let i = 0; i < bank.size; i++) {
    const row = defaults.slice();
    const set = (name: string, v: LigolwValue) => { row[index.get(name)!] = v; };
    const m1 = t.mass1[i];
    const m2 = t.mass2[i];
    const mt = m1 + m2;
    set('mass1', m1); set('mass2', m2);
    set('spin1x', t.spin1x[i]); set('spin1y', t.spin1y[i]); set('spin1z', t.spin1z[i]);
    set('spin2x', t.spin2x[i]); set('spin2y', t.spin2y[i]); set('spin2z', t.spin2z[i]);
    if (t.inclination !== undefined) set('alpha3', t.inclination[i]);
    if (t.phiRef !== undefined) set('alpha5', t.phiRef[i]);
    if (t.eccentricity !== undefined) set('psi0', t.eccentricity[i]);
    if (t.meanAnomaly !== undefined) set('psi3', t.meanAnomaly[i]);
    set('mtotal', mt);
    set('eta', (m1 * m2) / (mt * mt));
    set('mchirp', Math.pow(m1 * m2, 0.6) / Math.pow(mt, 0.2));
    set('chi', (m1 * t.spin1z[i] + m2 * t.spin2z[i]) / mt);
    set('f_final', fFinal);
    if (m.fMin !== undefined) {
      set('alpha6', m.fMin);
      set('template_duration', chirpTime2PN(m1, m2, m.fMin));
    }
    set('ifo', ifo);
    set('process:process_id', 0);
    set('event_id', i);
    set('Gamma0', i);
    rows.push(row);
  }
  const sngl: LigolwTable = { name: 'sngl_inspiral', columns: [...SNGL_INSPIRAL_COLUMNS], rows };
  return { xml: formatLigolwDocument([process, params, sngl]), warnings };
}

/** Write a bank as LIGO_LW XML (gzipped when `path` ends in .gz), atomically. Returns warnings. */
export function writeBankXml(path: string, bank: Bank): string[] {
  const { xml, warnings } = bankToLigolw(bank);
  writeFileAtomic(path, path.endsWith('.gz') ? gzipSync(Buffer.from(xml, 'utf8')) : xml);
  return warnings;
}

function numberColumn(records: Array<Record<string, LigolwValue>>, key: string, path: string): Float64Array | undefined {
  if (records.length === 0 || !(key in records[0])) return undefined;
  return Float64Array.from(records, (r, i) => {
    const v = r[key];
    if (v === null) return 0;
    if (typeof v !== 'number') throw new MbankError(`${path}: sngl_inspiral row ${i} column ${key} is not a number`);
    return v;
  });
}

/**
 * Parse LIGO_LW text into a bank: masses, spins, inclination = alpha3, phiRef = alpha5, eccentricity = psi0,
 * meanAnomaly = psi3 (each when non-zero somewhere).
 */
export function bankFromLigolw(xml: string, path = '<xml>'): Bank {
  const tables = parseLigolwDocument(xml);
  const sngl = tables.find((tb) => tb.name.endsWith('sngl_inspiral'));
  if (sngl === undefined) invalid('bank file', path, 'has no sngl_inspiral table');
  const records = tableRecords(sngl);
  const mass1 = numberColumn(records, 'mass1', path);
  const mass2 = numberColumn(records, 'mass2', path);
  if (mass1 === undefined || mass2 === undefined) invalid('bank file', path, 'sngl_inspiral table has no mass1/mass2 columns');
  const templates: Record<string, Float64Array> = { mass1, mass2 };
  for (const s of ['spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z']) {
    const c = numberColumn(records, s, path);
    if (c !== undefined) templates[s] = c;
  }
  const alpha3 = numberColumn(records, 'alpha3', path);
  const alpha5 = numberColumn(records, 'alpha5', path);
  if (alpha3 !== undefined && alpha3.some((x) => x !== 0)) templates.inclination = alpha3;
  if (alpha5 !== undefined && alpha5.some((x) => x !== 0)) templates.phiRef = alpha5;
  const psi0 = numberColumn(records, 'psi0', path);
  const psi3 = numberColumn(records, 'psi3', path);
  if (psi0 !== undefined && psi0.some((x) => x !== 0)) templates.eccentricity = psi0;
  if (psi3 !== undefined && psi3.some((x) => x !== 0)) templates.meanAnomaly = psi3;

  const metadata: Record<string, unknown> = {};
  const extra: Record<string, string | number> = {};
  const params = tables.find((tb) => tb.name.endsWith('process_params'));
  if (params !== undefined) {
    for (const r of tableRecords(params)) {
      if (r.program !== PROGRAM_NAME) continue;
      if (typeof r.param === 'string' && r.param.startsWith(EXTRA_PARAM_PREFIX) && typeof r.value === 'string') {
        extra[r.param.slice(EXTRA_PARAM_PREFIX.length)] = r.type === 'lstring' ? r.value : Number(r.value);
        continue;
      }
      const entry = METADATA_PARAMS.find(([, param]) => param === r.param);
      if (entry === undefined || typeof r.value !== 'string') continue;
      metadata[entry[0]] = entry[2] === 'lstring' ? r.value : Number(r.value);
    }
  }
  if (Object.keys(extra).length > 0) metadata.extra = extra;
  if (metadata.ifo === undefined && records.length > 0 && typeof records[0].ifo === 'string' && records[0].ifo !== '') metadata.ifo = records[0].ifo;
  const fFinal = numberColumn(records, 'f_final', path);
  if (metadata.fMax === undefined && fFinal !== undefined && fFinal.length > 0 && fFinal[0] > 0) metadata.fMax = fFinal[0];
  const alpha6 = numberColumn(records, 'alpha6', path);
  if (metadata.fMin === undefined && alpha6 !== undefined && alpha6.length > 0 && alpha6[0] > 0) metadata.fMin = alpha6[0];
  return new Bank({ templates: templates as unknown as BankTemplatesInput, metadata: metadata as BankMetadata });
}

/** Read a LIGO_LW XML bank (.xml or gzipped, detected by the gzip magic bytes). */
export function readBankXml(path: string): Bank {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    invalid('bank file', path, 'cannot be read');
  }
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return bankFromLigolw(text, path);
}
