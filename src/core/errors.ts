/**
 * The one typed error of the library: raised at the edges (CLI, file readers, public constructors)
 * with a one-line message that names the argument, the bad value and what is allowed.
 */
export class MbankError extends Error {
  override readonly name = 'MbankError';
  constructor(message: string) {
    super(message);
  }
}

/** Format a value for an error message: numbers with full precision, strings quoted, arrays short. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = Array.from(value as ArrayLike<unknown>);
    const head = arr.slice(0, 6).map(showValue).join(', ');
    return `[${head}${arr.length > 6 ? `, ... (${arr.length} values)` : ''}]`;
  }
  return String(value);
}

/** Throw `MbankError("<argument> = <value>: <allowed>")`. */
export function invalid(argument: string, value: unknown, allowed: string): never {
  throw new MbankError(`${argument} = ${showValue(value)}: ${allowed}`);
}

/** Check a finite number, returning it; otherwise throw naming the argument. */
export function requireFinite(argument: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(argument, value, 'must be a finite number');
  return value;
}
