/**
 * Command-line tokens made safe for yargs before parsing: a negative number in exponent notation
 * (`--fd-step -1e-6`) is rewritten in plain decimals (yargs would read it as the flags -1 -e -6),
 * and an empty value of a numeric option (`--mtot-range '' 50`, which yargs reads as 0) is refused.
 */
import { invalid } from '../core/errors.js';

/** `-1.5e-7` -> `-0.00000015`, `-2e3` -> `-2000`: the same number, exactly, without an exponent. */
export function plainDecimal(token: string): string {
  const m = /^(-?)(\d*)\.?(\d*)e([+-]?\d+)$/i.exec(token);
  if (!m) return token;
  const [, sign, int, frac, expText] = m;
  const digits = `${int}${frac}`;
  const point = int.length + Number(expText);
  if (Math.abs(point) > 400) return token; // beyond double range: leave it for the option check to refuse
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = `${digits}${'0'.repeat(point - digits.length)}`;
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  text = text.replace(/^0+(?=\d)/, '');
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return `${sign}${text === '' ? '0' : text}`;
}

/**
 * Normalise a command's tokens (see module comment). `numeric` holds the kebab-case names of its
 * number options; `arity(name)` their value count (2 for ranges).
 */
export function normalizeTokens(tokens: readonly string[], numeric: ReadonlySet<string>, arity: (name: string) => number): string[] {
  const out: string[] = [];
  let option: string | undefined;
  let left = 0;
  for (const tok of tokens) {
    if (/^-\d*\.?\d*e[+-]?\d+$/i.test(tok) && /\d/.test(tok)) {
      out.push(plainDecimal(tok));
      left--;
      continue;
    }
    if (tok.startsWith('--')) {
      const name = tok.slice(2).split('=')[0];
      option = numeric.has(name) && !tok.includes('=') ? name : undefined;
      left = option === undefined ? 0 : arity(name);
      if (numeric.has(name) && tok.includes('=') && tok.split('=')[1] === '') invalid(`--${name}`, '', 'must be a number');
      out.push(tok);
      continue;
    }
    if (option !== undefined && left > 0 && tok.trim() === '') invalid(`--${option}`, '', 'must be a number, not empty');
    left--;
    out.push(tok);
  }
  return out;
}
