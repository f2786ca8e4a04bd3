/**
 * mbank-style `.ini` files (mbank/parser.py: updates_args_from_ini), read into command-line tokens.
 *
 * Each ini file holds exactly one `[section]`; its name becomes `--run-name`. Every `key: value`
 * becomes `--key v1 v2 ...` (values split on white space); `false` (any case) means "not given",
 * `true` means a bare flag. Values of `*range*` keys may use `pi` (`-pi pi`, `0 pi`, `pi/2`, `2*pi`),
 * evaluated by a small arithmetic reader (mbank calls Python's eval).
 *
 * Syntax errors name the file and line; a key given twice is an error; inline `; comments` are
 * stripped (configparser reads them as part of the value).
 * Differences from mbank, on purpose: keys keep their case (Python's configparser lower-cases them,
 * mbank bug); an option given on the command line always wins over the ini, even when its value equals
 * the default (mbank lets the ini override such values); with several ini files the last one wins
 * for a key; keys the command does not know (mbank's `ifo`, `use-ray`, `make-sub`, ...) are listed
 * in a warning and skipped, so an mbank user's ini runs unchanged; a mistyped option on the command
 * line is an error naming it (mbank takes it for an ini file name).
 */
import fs from 'node:fs';
import { MbankError, fileError, invalid } from '../core/errors.js';

/** Tokens of one ini file and its run name. */
export interface IniTokens {
  runName: string;
  /** option name (kebab-case, no dashes) -> values (empty for a flag). */
  options: Map<string, string[]>;
}

/** Evaluate a number written with `pi`: `pi`, `-pi`, `pi/2`, `2*pi`, `-3pi/4`, `1e-3`. */
export function evalPiNumber(text: string): number {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^([+-]?)(\d*\.?\d*(?:e[+-]?\d+)?)\*?(pi)?(?:\/(\d*\.?\d+(?:e[+-]?\d+)?))?$/.exec(t);
  if (!m || (m[2] === '' && !m[3])) invalid('range value', text, "must be a number, optionally with 'pi' (e.g. -pi, pi/2, 2*pi)");
  const sign = m[1] === '-' ? -1 : 1;
  const coef = m[2] === '' ? 1 : Number(m[2]);
  const value = sign * coef * (m[3] ? Math.PI : 1) / (m[4] ? Number(m[4]) : 1);
  if (!Number.isFinite(value)) invalid('range value', text, 'must be a finite number');
  return value;
}

/** One `[section]` of an ini file: its keys (case kept) -> raw values, in file order. */
type IniSections = Map<string, Map<string, string>>;

/** Strip an inline comment: `;` or `#` after white space (`mm: 0.97 ; the minimal match`). */
function stripInlineComment(line: string): string {
  const m = /\s[;#]/.exec(line);
  return m ? line.slice(0, m.index) : line;
}

/**
 * Parse ini text (Python configparser's syntax: `[section]`, `key: value` or `key = value`, indented
 * continuation lines, full-line and inline `;`/`#` comments). Every error names the file and line;
 * a key or section given twice is an error (configparser's strict mode), not a silent override.
 */
export function parseIni(text: string, path: string): IniSections {
  const sections: IniSections = new Map();
  const firstLine = new Map<string, number>();
  let current: Map<string, string> | undefined;
  let section = '';
  let lastKey: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const where = `ini file ${path}, line ${i + 1}`;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) { lastKey = trimmed === '' ? undefined : lastKey; return; }
    if (/^\s/.test(raw) && lastKey !== undefined && current !== undefined) {
      current.set(lastKey, `${current.get(lastKey)} ${stripInlineComment(raw).trim()}`.trim());
      return;
    }
    const header = /^\[([^\]]+)\]$/.exec(stripInlineComment(trimmed).trim());
    if (header) {
      section = header[1].trim();
      if (sections.has(section)) throw new MbankError(`${where}: section [${section}] appears twice (first at line ${firstLine.get(`[${section}]`)})`);
      current = new Map();
      sections.set(section, current);
      firstLine.set(`[${section}]`, i + 1);
      lastKey = undefined;
      return;
    }
    const kv = /^([^:=]+?)\s*[:=]\s*(.*)$/.exec(trimmed);
    if (!kv) throw new MbankError(`${where}: ${JSON.stringify(trimmed)} is neither [section] nor "key: value"`);
    if (current === undefined) throw new MbankError(`${where}: "${kv[1]}" comes before any [section] header`);
    const key = kv[1].trim();
    if (current.has(key)) throw new MbankError(`${where}: key "${key}" appears twice in [${section}] (first at line ${firstLine.get(`${section}/${key}`)}); keep one`);
    current.set(key, stripInlineComment(` ${kv[2]}`).trim());
    firstLine.set(`${section}/${key}`, i + 1);
    lastKey = key;
  });
  return sections;
}

/** Read one mbank ini file into option tokens. */
export function readIni(path: string): IniTokens {
  if (!fs.existsSync(path)) invalid('ini file', path, 'does not exist');
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError(err, 'read', path);
  }
  const parsed = parseIni(text, path);
  const sections = [...parsed.keys()];
  if (sections.length !== 1) invalid(`ini file ${path} sections`, sections, 'must contain exactly one [section] (its name is the run name)');
  const runName = sections[0];
  const options = new Map<string, string[]>();
  for (const [rawKey, rawValue] of parsed.get(runName)!) {
    const key = rawKey.trim().replace(/^--/, '');
    const value = rawValue.trim();
    if (value.toLowerCase() === 'false') continue;
    if (value.toLowerCase() === 'true' || value === '') {
      options.set(key, []);
      continue;
    }
    let values = value.split(/\s+/);
    if (key.includes('range') || key === 'fixed-sky-loc-polarization') {
      values = values.map((v) => {
        try {
          return String(evalPiNumber(v));
        } catch (err) {
          throw new MbankError(`ini file ${path}, key ${key}: ${(err as Error).message}`);
        }
      });
    }
    options.set(key, values);
  }
  return { runName, options };
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Option names (kebab-case) that a token list sets explicitly (`--x`, `--x=v`, `--no-x`). */
export function explicitOptionNames(tokens: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const tok of tokens) {
    if (!tok.startsWith('--') || tok === '--') continue;
    const name = tok.slice(2).split('=')[0];
    if (name.startsWith('no-')) names.add(kebab(name.slice(3)));
    names.add(kebab(name));
  }
  return names;
}

/**
 * Expand the ini files named among a command's tokens (positional arguments ending in `.ini`) into
 * option tokens placed before the command-line ones. Options given on the command line are not
 * taken from the ini; `--run-name` comes from the (last) ini section unless given.
 */
export function expandIniTokens(
  tokens: readonly string[],
  known?: ReadonlySet<string>,
  namesOf: (name: string) => readonly string[] = (name) => [name],
): { tokens: string[]; ignored: string[] } {
  const iniPaths: string[] = [];
  const rest: string[] = [];
  for (const tok of tokens) {
    if (!tok.startsWith('-') && tok.toLowerCase().endsWith('.ini')) iniPaths.push(tok);
    else rest.push(tok);
  }
  if (iniPaths.length === 0) return { tokens: [...tokens], ignored: [] };
  const explicit = explicitOptionNames(rest);
  const merged = new Map<string, string[]>();
  for (const path of iniPaths) {
    const ini = readIni(path);
    merged.set('run-name', [ini.runName]);
    for (const [k, v] of ini.options) merged.set(k, v);
  }
  const out: string[] = [];
  const ignored: string[] = [];
  for (const [k, v] of merged) {
    // the command line wins, also when it names the option by an alias (`--n-points` for `n-datapoints`)
    if (namesOf(k).some((n) => explicit.has(n))) continue;
    if (known && !known.has(k)) {
      // run-name comes from the section name of every ini, not from the user's keys: no note for it
      if (k !== 'run-name') ignored.push(k);
      continue;
    }
    out.push(`--${k}`, ...v);
  }
  return { tokens: [...out, ...rest], ignored };
}
