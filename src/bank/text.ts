/**
 * Plain-text bank files: whitespace-separated columns, one template per row, readable by
 * `numpy.loadtxt` (every non-data line starts with '#'):
 *
 *   # mbank-ts template bank
 *   # variable_format = Mq_s1z_s2z            (one "# key = value" line per known metadata field)
 *   # extra.covering_fraction = 0.9           (metadata.extra entries, values as JSON)
 *   # mass1 mass2 spin1x ... spin2z [inclination phiRef eccentricity meanAnomaly] | M q s1z s2z
 *   30.5 12.25 0 0 0.5 0 0 -0.4 | ...          (no '|' in data rows: coordinates follow directly)
 *
 * The last comment line is the header: physical column names, then '|' and the coordinate names
 * (if the bank has coordinates). Numbers are written in shortest round-trip form (exact in float64).
 * The reader also accepts a header line without '#'.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic-write.js';
import { invalid, MbankError } from '../core/errors.js';
import { Bank, PHYSICAL_COLUMNS, SPIN_COLUMNS, type BankMetadata, type BankTemplatesInput, type PhysicalColumn } from './bank.js';

const METADATA_KEYS: ReadonlyArray<[keyof BankMetadata, string, 'string' | 'number']> = [
  ['variableFormat', 'variable_format', 'string'], ['minimalMatch', 'minimal_match', 'number'], ['psd', 'psd', 'string'],
  ['fMin', 'f_min', 'number'], ['fMax', 'f_max', 'number'], ['df', 'df', 'number'], ['approximant', 'approximant', 'string'],
  ['method', 'method', 'string'], ['seed', 'seed', 'number'], ['ifo', 'ifo', 'string'], ['programVersion', 'program_version', 'string'],
];

/** The text of a bank file (see the module comment). */
export function bankToText(bank: Bank): string {
  const lines = ['# mbank-ts template bank'];
  for (const [key, name] of METADATA_KEYS) {
    const v = bank.metadata[key];
    if (v !== undefined) lines.push(`# ${name} = ${String(v).replace(/\s+/g, ' ')}`);
  }
  for (const [key, value] of Object.entries(bank.metadata.extra ?? {})) lines.push(`# extra.${key} = ${JSON.stringify(value)}`);
  const phys: PhysicalColumn[] = ['mass1', 'mass2', ...SPIN_COLUMNS, ...bank.optionalColumns];
  const coordNames = bank.coordinates?.names ?? [];
  for (const name of coordNames) {
    if (/\s|\|/.test(name) || name === '') invalid('coordinate name', name, 'must be non-empty without whitespace or "|" for a text bank');
  }
  lines.push(`# ${phys.join(' ')}${coordNames.length > 0 ? ` | ${coordNames.join(' ')}` : ''}`);
  const d = coordNames.length;
  for (let i = 0; i < bank.size; i++) {
    const row = phys.map((name) => String(bank.templates[name]![i]));
    for (let j = 0; j < d; j++) row.push(String(bank.coordinates!.values[i * d + j]));
    lines.push(row.join(' '));
  }
  return lines.join('\n') + '\n';
}

/** Write a bank as plain text (atomically). */
export function writeBankText(path: string, bank: Bank): void {
  writeFileAtomic(path, bankToText(bank));
}

function parseExtra(text: string, path: string): string | number {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new MbankError(`${path}: extra metadata value ${text} is not JSON (a quoted string or a number)`);
  }
  if (typeof v !== 'string' && typeof v !== 'number') throw new MbankError(`${path}: extra metadata value ${text} must be a string or a number`);
  return v;
}

/** Parse bank text (see the module comment); `path` only names the source in errors. */
export function bankFromText(text: string, path = '<text>'): Bank {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const metadata: Record<string, unknown> = {};
  const extra: Record<string, string | number> = {};
  let header: string[] | undefined;
  let k = 0;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (line.startsWith('#')) {
      const body = line.slice(1).trim();
      const kv = /^([A-Za-z_.0-9]+)\s*=\s*(.*)$/.exec(body);
      const entry = kv === null ? undefined : METADATA_KEYS.find(([, name]) => name === kv[1]);
      if (entry !== undefined && kv !== null) metadata[entry[0]] = entry[2] === 'number' ? Number(kv[2]) : kv[2];
      else if (kv !== null && kv[1].startsWith('extra.')) extra[kv[1].slice(6)] = parseExtra(kv[2], path);
      else if (body !== '') header = body.split(/\s+/);
      continue;
    }
    if (header === undefined && Number.isNaN(Number(line.split(/\s+/)[0]))) {
      header = line.split(/\s+/);
      continue;
    }
    break;
  }
  if (header === undefined || !header.includes('mass1') || !header.includes('mass2')) {
    invalid('bank file', path, 'needs a header line naming the columns (at least mass1 and mass2); mbank raw coordinate files need the coordinates module to convert');
  }
  const bar = header.indexOf('|');
  const physNames = bar < 0 ? header : header.slice(0, bar);
  const coordNames = bar < 0 ? [] : header.slice(bar + 1);
  for (const name of physNames) {
    if (!(PHYSICAL_COLUMNS as readonly string[]).includes(name)) invalid(`column ${JSON.stringify(name)} of ${path}`, name, `must be one of ${PHYSICAL_COLUMNS.join(', ')} (coordinates go after "|")`);
  }
  const nCols = physNames.length + coordNames.length;
  const cols = physNames.map(() => [] as number[]);
  const coords: number[] = [];
  for (let r = k; r < lines.length; r++) {
    if (lines[r].startsWith('#')) continue;
    const tokens = lines[r].split(/\s+/);
    if (tokens.length !== nCols) throw new MbankError(`${path}: data line ${r + 1} has ${tokens.length} values for ${nCols} columns`);
    tokens.forEach((tok, j) => {
      const v = Number(tok);
      if (tok === '' || Number.isNaN(v)) throw new MbankError(`${path}: data line ${r + 1} value ${JSON.stringify(tok)} is not a number`);
      if (j < physNames.length) cols[j].push(v);
      else coords.push(v);
    });
  }
  if (Object.keys(extra).length > 0) metadata.extra = extra;
  const templates = Object.fromEntries(physNames.map((name, j) => [name, cols[j]]));
  return new Bank({
    templates: templates as unknown as BankTemplatesInput,
    coordinates: coordNames.length > 0 ? { names: coordNames, values: coords } : undefined,
    metadata: metadata as BankMetadata,
  });
}

/** Read a plain-text bank file. */
export function readBankText(path: string): Bank {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    invalid('bank file', path, 'cannot be read');
  }
  return bankFromText(text, path);
}
