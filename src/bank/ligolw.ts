/**
 * Minimal LIGO_LW XML tables (the document structure python-ligo-lw writes and GstLAL/PyCBC read):
 *
 *   <LIGO_LW>
 *     <Table Name="sngl_inspiral:table">
 *       <Column Name="process:process_id" Type="int_8s"/>   (foreign keys keep their table prefix)
 *       <Column Name="mass1" Type="real_4"/>
 *       <Stream Name="sngl_inspiral:table" Delimiter="," Type="Local">
 *         0,1.4,...,
 *         0,1.3,...
 *       </Stream>
 *     </Table>
 *   </LIGO_LW>
 *
 * Tokens are separated by the delimiter (rows are not marked: every token but the last is followed by
 * one); strings are double-quoted with backslash escapes; an empty token is NULL. The reader also
 * accepts the legacy format: prefixed column names ("sngl_inspiral:mass1") and ilwd:char ids
 * ("process:process_id:0" -> 0). Gzip is handled by the callers.
 */
import { MbankError } from '../core/errors.js';

/** A LIGO_LW cell value: number (ints, reals (real_4 read as float32 values), ids), string, or null (empty token). */
export type LigolwValue = number | string | null;

/** A column: its name as written (e.g. "process:process_id", "mass1") and LIGO_LW type. */
export interface LigolwColumn {
  name: string;
  type: string;
}

/** A table: name without ":table", columns and rows (rows[i][j] is column j of row i). */
export interface LigolwTable {
  name: string;
  columns: LigolwColumn[];
  rows: LigolwValue[][];
}

const STRING_TYPES = new Set(['lstring', 'char_s', 'char_v', 'string', 'ilwd:char_u', 'blob']);
const REAL_TYPES = new Set(['real_4', 'real_8', 'float', 'double']);

/** The column's short name as python-ligo-lw uses it: the part after the last ':' ("process:process_id" -> "process_id"). */
export function columnKey(name: string): string {
  const i = name.lastIndexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name];
  });
}

/**
 * A real_4 value as text: python-ligo-lw's "%.8g" of the float32 value, or 9 significant digits when
 * 8 do not read back to the same float32 (so our reader recovers the float32 exactly).
 */
export function formatReal4(x: number): string {
  const f = Math.fround(x);
  if (f === 0) return '0';
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'nan' : f > 0 ? 'inf' : '-inf';
  const s8 = Number(f.toPrecision(8));
  return (Math.fround(s8) === f ? s8 : Number(f.toPrecision(9))).toString();
}

function formatValue(value: LigolwValue, type: string): string {
  if (value === null) return '';
  if (STRING_TYPES.has(type)) {
    const s = String(value);
    return `"${xmlEscape(s.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
  }
  if (typeof value !== 'number') throw new MbankError(`LIGO_LW column of type ${type}: value ${JSON.stringify(value)} is not a number`);
  if (type === 'real_4' || type === 'float') return formatReal4(value);
  if (REAL_TYPES.has(type)) return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  if (!Number.isInteger(value)) throw new MbankError(`LIGO_LW column of type ${type}: value ${value} is not an integer`);
  return String(value);
}

/** Serialise one table (indented with tabs, as python-ligo-lw does). */
export function formatLigolwTable(table: LigolwTable): string {
  const lines = [`\t<Table Name="${table.name}:table">`];
  for (const c of table.columns) lines.push(`\t\t<Column Name="${c.name}" Type="${c.type}"/>`);
  lines.push(`\t\t<Stream Name="${table.name}:table" Delimiter="," Type="Local">`);
  const body = table.rows.map((row, i) => {
    if (row.length !== table.columns.length) throw new MbankError(`LIGO_LW table ${table.name}: row ${i} has ${row.length} values for ${table.columns.length} columns`);
    return '\t\t\t' + row.map((v, j) => formatValue(v, table.columns[j].type)).join(',');
  });
  if (body.length > 0) lines.push(body.join(',\n'));
  lines.push('\t\t</Stream>', '\t</Table>');
  return lines.join('\n');
}

/** A whole LIGO_LW document with the given tables. */
export function formatLigolwDocument(tables: readonly LigolwTable[]): string {
  return [
    "<?xml version='1.0' encoding='utf-8'?>",
    '<!DOCTYPE LIGO_LW SYSTEM "http://ldas-sw.ligo.caltech.edu/doc/ligolwAPI/html/ligolw_dtd.txt">',
    '<LIGO_LW>',
    ...tables.map(formatLigolwTable),
    '</LIGO_LW>',
    '',
  ].join('\n');
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m === null ? undefined : xmlUnescape(m[1] ?? m[2]);
}

/** Split a Stream body into tokens; `null` for an empty unquoted token. */
export function tokenizeStream(text: string, delimiter: string): Array<{ text: string; quoted: boolean } | null> {
  const tokens: Array<{ text: string; quoted: boolean } | null> = [];
  let i = 0;
  const n = text.length;
  const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r';
  while (i < n) {
    while (i < n && isSpace(text[i])) i++;
    if (i >= n) break;
    let token: { text: string; quoted: boolean } | null;
    if (text[i] === '"') {
      let s = '';
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) i++;
        s += text[i++];
      }
      if (i >= n) throw new MbankError('LIGO_LW stream: unterminated quoted string');
      i++;
      token = { text: s, quoted: true };
      while (i < n && isSpace(text[i])) i++;
    } else {
      const start = i;
      const next = text.indexOf(delimiter, i);
      i = next < 0 ? n : next;
      const s = text.slice(start, i).trim();
      token = s === '' ? null : { text: s, quoted: false };
    }
    tokens.push(token);
    if (i < n) {
      if (text[i] !== delimiter) throw new MbankError(`LIGO_LW stream: expected delimiter ${JSON.stringify(delimiter)} at character ${i}`);
      i++;
      // A delimiter followed only by whitespace ends the stream (trailing delimiter).
    }
  }
  return tokens;
}

function parseValue(token: { text: string; quoted: boolean } | null, type: string): LigolwValue {
  if (token === null) return null;
  if (STRING_TYPES.has(type)) return token.text;
  if (type === 'ilwd:char') {
    const id = Number(columnKey(token.text));
    if (!Number.isInteger(id)) throw new MbankError(`LIGO_LW ilwd:char value ${JSON.stringify(token.text)} has no integer id`);
    return id;
  }
  const t = token.text.toLowerCase();
  const v = t === 'nan' ? NaN : t === 'inf' || t === '+inf' ? Infinity : t === '-inf' ? -Infinity : Number(token.text);
  if (Number.isNaN(v) && t !== 'nan') throw new MbankError(`LIGO_LW value ${JSON.stringify(token.text)} is not a number (column type ${type})`);
  return type === 'real_4' || type === 'float' ? Math.fround(v) : v;
}

/** Parse every Table of a LIGO_LW document (XML text, already gunzipped). */
export function parseLigolwDocument(xml: string): LigolwTable[] {
  if (!/<LIGO_LW[\s>]/.test(xml)) throw new MbankError('not a LIGO_LW document (no <LIGO_LW> element)');
  const tables: LigolwTable[] = [];
  const tableRe = /<Table\b([^>]*)>([\s\S]*?)<\/Table>/g;
  for (let m = tableRe.exec(xml); m !== null; m = tableRe.exec(xml)) {
    const rawName = attribute(m[1], 'Name') ?? '';
    const name = rawName.replace(/:table$/, '');
    const columns: LigolwColumn[] = [];
    const colRe = /<Column\b([^>]*?)\/?>/g;
    for (let c = colRe.exec(m[2]); c !== null; c = colRe.exec(m[2])) {
      columns.push({ name: attribute(c[1], 'Name') ?? '', type: attribute(c[1], 'Type') ?? 'lstring' });
    }
    const stream = /<Stream\b([^>]*)>([\s\S]*?)<\/Stream>/.exec(m[2]);
    const rows: LigolwValue[][] = [];
    if (stream !== null && columns.length > 0) {
      const delimiter = attribute(stream[1], 'Delimiter') ?? ',';
      const tokens = tokenizeStream(xmlUnescape(stream[2]), delimiter);
      if (tokens.length % columns.length !== 0) {
        throw new MbankError(`LIGO_LW table ${name}: ${tokens.length} values is not a multiple of ${columns.length} columns`);
      }
      for (let r = 0; r < tokens.length; r += columns.length) {
        rows.push(columns.map((col, j) => parseValue(tokens[r + j], col.type)));
      }
    }
    tables.push({ name, columns, rows });
  }
  return tables;
}

/** Rows of a table as records keyed by short column name (see `columnKey`). */
export function tableRecords(table: LigolwTable): Array<Record<string, LigolwValue>> {
  const keys = table.columns.map((c) => columnKey(c.name));
  return table.rows.map((row) => Object.fromEntries(keys.map((k, j) => [k, row[j]])));
}
