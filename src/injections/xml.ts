/**
 * LIGO_LW injection files (`sim_inspiral` table) for search pipelines, as mbank writes them
 * (mbank/utils.py save_injs): a `process` table and a `sim_inspiral` table with every
 * column of python-ligo-lw's SimInspiralTable, all 0 / "" by default, then per injection i:
 * simulation_id = i, waveform = approximant, f_lower, f_final, taper = "TAPER_START", bandpass = 0,
 * psi0 = eccentricity, psi3 = mean anomaly (mbank's carrier columns), inclination, coa_phase,
 * longitude, latitude, polarization, distance [Mpc], masses, spins, mchirp, eta,
 * geocent_end_time(_ns), end_time_gmst (GMST [rad]), and for sites h, l, v:
 * <site>_end_time(_ns) = geocentric time + delay from the geocentre, eff_dist_<site> = distance.
 * The schema stores masses, spins, angles and distance as real_4: they read back as float32.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic-write.js';
import { invalid, MbankError } from '../core/errors.js';
import { formatLigolwDocument, parseLigolwDocument, tableRecords, type LigolwColumn, type LigolwTable, type LigolwValue } from '../bank/ligolw.js';
import { InjectionSet, type InjectionMetadata } from './injection-set.js';
import { DETECTOR_LOCATIONS, greenwichMeanSiderealTime, timeDelayFromEarthCenter } from './time.js';

/** python-ligo-lw SimInspiralTable.validcolumns, in its order (name, LIGO_LW type). */
export const SIM_INSPIRAL_COLUMNS: readonly LigolwColumn[] = [
  ['process:process_id', 'int_8s'], ['waveform', 'lstring'], ['geocent_end_time', 'int_4s'], ['geocent_end_time_ns', 'int_4s'],
  ['h_end_time', 'int_4s'], ['h_end_time_ns', 'int_4s'], ['l_end_time', 'int_4s'], ['l_end_time_ns', 'int_4s'],
  ['g_end_time', 'int_4s'], ['g_end_time_ns', 'int_4s'], ['t_end_time', 'int_4s'], ['t_end_time_ns', 'int_4s'],
  ['v_end_time', 'int_4s'], ['v_end_time_ns', 'int_4s'], ['end_time_gmst', 'real_8'], ['source', 'lstring'],
  ['mass1', 'real_4'], ['mass2', 'real_4'], ['mchirp', 'real_4'], ['eta', 'real_4'], ['distance', 'real_4'],
  ['longitude', 'real_4'], ['latitude', 'real_4'], ['inclination', 'real_4'], ['coa_phase', 'real_4'], ['polarization', 'real_4'],
  ['psi0', 'real_4'], ['psi3', 'real_4'], ['alpha', 'real_4'], ['alpha1', 'real_4'], ['alpha2', 'real_4'], ['alpha3', 'real_4'],
  ['alpha4', 'real_4'], ['alpha5', 'real_4'], ['alpha6', 'real_4'], ['beta', 'real_4'],
  ['spin1x', 'real_4'], ['spin1y', 'real_4'], ['spin1z', 'real_4'], ['spin2x', 'real_4'], ['spin2y', 'real_4'], ['spin2z', 'real_4'],
  ['theta0', 'real_4'], ['phi0', 'real_4'], ['f_lower', 'real_4'], ['f_final', 'real_4'],
  ['eff_dist_h', 'real_4'], ['eff_dist_l', 'real_4'], ['eff_dist_g', 'real_4'], ['eff_dist_t', 'real_4'], ['eff_dist_v', 'real_4'],
  ['numrel_mode_min', 'int_4s'], ['numrel_mode_max', 'int_4s'], ['numrel_data', 'lstring'], ['amp_order', 'int_4s'],
  ['taper', 'lstring'], ['bandpass', 'int_4s'], ['simulation_id', 'int_8s'],
].map(([name, type]) => ({ name, type }));

const PROCESS_COLUMNS: readonly LigolwColumn[] = [
  ['program', 'lstring'], ['version', 'lstring'], ['cvs_repository', 'lstring'], ['cvs_entry_time', 'int_4s'],
  ['comment', 'lstring'], ['is_online', 'int_4s'], ['node', 'lstring'], ['username', 'lstring'], ['unix_procid', 'int_4s'],
  ['start_time', 'int_4s'], ['end_time', 'int_4s'], ['jobid', 'int_4s'], ['domain', 'lstring'], ['ifos', 'lstring'],
  ['process_id', 'int_8s'],
].map(([name, type]) => ({ name, type }));

/** mbank's default f_lower and f_final of save_injs [Hz]. */
export const DEFAULT_INJECTION_F_MIN = 10;
export const DEFAULT_INJECTION_F_MAX = 1024;

/** GPS time [s] as integer seconds and nanoseconds (0 <= ns < 1e9). */
export function gpsSplit(t: number): [number, number] {
  let s = Math.floor(t);
  let ns = Math.round((t - s) * 1e9);
  if (ns >= 1e9) { s += 1; ns -= 1e9; }
  return [s, ns];
}

/** The LIGO_LW document text of an injection set (see module comment). */
export function injectionsToLigolw(set: InjectionSet): string {
  if (set.size === 0) invalid('injections', 0, 'cannot write an empty injection set');
  const m = set.metadata;
  const process: LigolwTable = {
    name: 'process',
    columns: [...PROCESS_COLUMNS],
    rows: [['mbank-ts', null, null, null, '', 0, null, null, null, null, null, 0, null, null, 0]],
  };
  const index = new Map(SIM_INSPIRAL_COLUMNS.map((c, j) => [c.name, j]));
  const defaults: LigolwValue[] = SIM_INSPIRAL_COLUMNS.map((c) => (c.type === 'lstring' ? '' : 0));
  const c = set.columns;
  const rows: LigolwValue[][] = [];
  for (let i = 0; i < set.size; i++) {
    const row = defaults.slice();
    const put = (name: string, v: LigolwValue) => { row[index.get(name)!] = v; };
    const m1 = c.mass1[i], m2 = c.mass2[i], mt = m1 + m2;
    put('process:process_id', 0);
    put('simulation_id', i);
    put('waveform', m.approximant ?? '');
    put('f_lower', m.fMin ?? DEFAULT_INJECTION_F_MIN);
    put('f_final', m.fMax ?? DEFAULT_INJECTION_F_MAX);
    put('taper', 'TAPER_START');
    put('bandpass', 0);
    put('psi0', c.eccentricity[i]);
    put('psi3', c.meanAnomaly[i]);
    put('inclination', c.inclination[i]);
    put('coa_phase', c.coaPhase[i]);
    put('longitude', c.longitude[i]);
    put('latitude', c.latitude[i]);
    put('polarization', c.polarization[i]);
    put('distance', c.distance[i]);
    put('mass1', m1); put('mass2', m2);
    put('spin1x', c.spin1x[i]); put('spin1y', c.spin1y[i]); put('spin1z', c.spin1z[i]);
    put('spin2x', c.spin2x[i]); put('spin2y', c.spin2y[i]); put('spin2z', c.spin2z[i]);
    put('eta', (m1 * m2) / (mt * mt));
    put('mchirp', Math.pow(m1 * m2, 0.6) / Math.pow(mt, 0.2));
    const t = c.geocentTime[i];
    const [s, ns] = gpsSplit(t);
    put('geocent_end_time', s);
    put('geocent_end_time_ns', ns);
    put('end_time_gmst', greenwichMeanSiderealTime(t));
    for (const site of ['h', 'l', 'v'] as const) {
      const [ss, sns] = gpsSplit(t + timeDelayFromEarthCenter(DETECTOR_LOCATIONS[site], c.longitude[i], c.latitude[i], t));
      put(`${site}_end_time`, ss);
      put(`${site}_end_time_ns`, sns);
      put(`eff_dist_${site}`, c.distance[i]);
    }
    rows.push(row);
  }
  return formatLigolwDocument([process, { name: 'sim_inspiral', columns: [...SIM_INSPIRAL_COLUMNS], rows }]);
}

/** Write injections as LIGO_LW XML (gzipped when `path` ends in .gz), atomically. */
export function writeInjectionsXml(path: string, set: InjectionSet): void {
  const xml = injectionsToLigolw(set);
  writeFileAtomic(path, path.endsWith('.gz') ? gzipSync(Buffer.from(xml, 'utf8')) : xml);
}

/** Parse a LIGO_LW document's sim_inspiral table into injections (mbank read_xml + sky locations and times). */
export function injectionsFromLigolw(xml: string, path = '<xml>'): InjectionSet {
  const table = parseLigolwDocument(xml).find((t) => t.name.endsWith('sim_inspiral'));
  if (table === undefined) invalid('injection file', path, 'has no sim_inspiral table');
  const records = tableRecords(table);
  if (records.length === 0) invalid('injection file', path, 'has an empty sim_inspiral table');
  const num = (key: string) => Float64Array.from(records, (r, i) => {
    const v = r[key];
    if (v === undefined || v === null) return 0;
    if (typeof v !== 'number') throw new MbankError(`${path}: sim_inspiral row ${i} column ${key} is not a number`);
    return v;
  });
  if (!('mass1' in records[0]) || !('mass2' in records[0])) invalid('injection file', path, 'sim_inspiral has no mass1/mass2 columns');
  const sec = num('geocent_end_time'), ns = num('geocent_end_time_ns');
  const metadata: InjectionMetadata = {};
  const w = records[0].waveform;
  if (typeof w === 'string' && w !== '') metadata.approximant = w;
  const fl = records[0].f_lower, ff = records[0].f_final;
  if (typeof fl === 'number' && fl > 0) metadata.fMin = fl;
  if (typeof ff === 'number' && ff > 0) metadata.fMax = ff;
  return new InjectionSet({
    mass1: num('mass1'), mass2: num('mass2'), spin1x: num('spin1x'), spin1y: num('spin1y'), spin1z: num('spin1z'),
    spin2x: num('spin2x'), spin2y: num('spin2y'), spin2z: num('spin2z'), eccentricity: num('psi0'), meanAnomaly: num('psi3'),
    inclination: num('inclination'), coaPhase: num('coa_phase'), longitude: num('longitude'), latitude: num('latitude'),
    polarization: num('polarization'), distance: num('distance'), geocentTime: sec.map((s, i) => s + ns[i] * 1e-9),
  }, metadata);
}

/** Read a LIGO_LW injection file (.xml or gzipped, detected by the gzip magic bytes). */
export function readInjectionsXml(path: string): InjectionSet {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    invalid('injection file', path, 'cannot be read');
  }
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return injectionsFromLigolw(text, path);
}
