/**
 * Reader of two-column noise-curve text files: frequency [Hz], then an ASD [1/sqrt(Hz)] or a
 * PSD [1/Hz] value (mbank's `--asd` convention: with `asd` the values are squared).
 *
 * Tolerated: comment lines and trailing comments starting with `#` or `%`, blank lines, CRLF or CR
 * line ends, tabs or spaces between columns, extra columns (ignored, like mbank's `[:, :2]`).
 * Rejected with a one-line MbankError naming the file and line: fewer than two columns, a column
 * that is not a finite decimal number, frequencies that are not strictly increasing, negative
 * frequencies or values, and files with fewer than two data rows.
 */
import { readFileSync } from 'node:fs';
import { MbankError } from '../core/errors.js';

/** A tabulated one-sided PSD: `psd[i]` [1/Hz] at `frequencies[i]` [Hz], strictly increasing. */
export interface PsdTable {
  /** Where the table came from (file path or name), for messages. */
  readonly source: string;
  /** Frequencies [Hz], strictly increasing, length m >= 2. */
  readonly frequencies: Float64Array;
  /** One-sided PSD [1/Hz] (ASD squared when read with `asd`), non-negative, length m. */
  readonly psd: Float64Array;
}

/** Options of the readers. */
export interface PsdReadOptions {
  /** The second column is an ASD: square it (mbank `--asd`). Default false (values are a PSD). */
  asd?: boolean;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function fail(source: string, line: number, problem: string, text: string): never {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  throw new MbankError(`${source}:${line}: ${problem} (line: ${JSON.stringify(shown)})`);
}

/**
 * Parse the text of a two-column noise file (see the module comment for what is accepted).
 * `source` names the file in error messages, which read `<source>:<line>: <problem> (line: "...")`.
 */
export function parsePsdText(text: string, source: string, options: PsdReadOptions = {}): PsdTable {
  const asd = options.asd === true;
  const lines = text.split(/\r\n|\r|\n/);
  const f: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const cut = raw.search(/[#%]/);
    const body = (cut >= 0 ? raw.slice(0, cut) : raw).trim();
    if (body === '') continue;
    const lineNo = i + 1;
    const cols = body.split(/\s+/);
    if (cols.length < 2) fail(source, lineNo, 'expected two columns (frequency [Hz], value), found one', raw.trim());
    for (const c of cols.slice(0, 2)) {
      if (!NUMBER.test(c)) fail(source, lineNo, `${JSON.stringify(c)} is not a number`, raw.trim());
    }
    const freq = Number(cols[0]);
    const val = Number(cols[1]);
    if (!Number.isFinite(freq) || !Number.isFinite(val)) fail(source, lineNo, 'value out of the float64 range', raw.trim());
    if (freq < 0) fail(source, lineNo, `negative frequency ${freq}`, raw.trim());
    if (val < 0) fail(source, lineNo, `negative ${asd ? 'ASD' : 'PSD'} value ${val}`, raw.trim());
    if (f.length > 0 && !(freq > f[f.length - 1])) {
      fail(source, lineNo, `frequency ${freq} is not larger than the previous one (${f[f.length - 1]}); frequencies must be strictly increasing`, raw.trim());
    }
    f.push(freq);
    v.push(asd ? val * val : val);
  }
  if (f.length < 2) {
    throw new MbankError(`${source}: ${f.length} data rows: a noise curve needs at least two (frequency, value) rows`);
  }
  return { source, frequencies: Float64Array.from(f), psd: Float64Array.from(v) };
}

/** Read a two-column noise file from disk (UTF-8); throws MbankError if unreadable or malformed. */
export function readPsdFile(path: string, options: PsdReadOptions = {}): PsdTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new MbankError(`psd file = ${JSON.stringify(path)}: cannot be read (${(err as Error).message.split('\n')[0]})`);
  }
  return parsePsdText(text, path, options);
}
