/**
 * The one typed error of the library: raised at the edges (CLI, file readers, public constructors)
 * with a one-line message that names the argument, the bad value and what is allowed.
 */
export class MbankError extends Error {
  override readonly name = 'MbankError';
  /** Process exit status the CLI uses: 2 for bad input (the default), 1 for a failing environment (full disk, I/O). */
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Error codes of a failing environment (not the user's input): exit status 1. */
const ENVIRONMENT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EMFILE', 'ENFILE', 'ENOMEM', 'EFBIG', 'EPIPE']);

const CODE_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', EPERM: 'operation not permitted',
  EISDIR: 'is a directory', ENOTDIR: 'a parent is not a directory', ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded', EROFS: 'read-only file system', EEXIST: 'already exists', EIO: 'I/O error',
  EPIPE: 'the reader closed the pipe', ENAMETOOLONG: 'name too long', EFBIG: 'file too large', ELOOP: 'too many symbolic links',
};

/** True for a Node system error (fs, net): it carries a string `code` such as ENOENT. */
export function isSystemError(err: unknown): err is Error & { code: string; path?: string; syscall?: string } {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/**
 * A file-system error as one MbankError line naming what was done, the path and the code:
 * `cannot write "out/bank.h5": ENOSPC (no space left on device)`; other errors pass through.
 */
export function fileError(err: unknown, action: string, path: string): unknown {
  if (err instanceof MbankError || !isSystemError(err)) return err;
  const text = CODE_TEXT[err.code] ?? err.message.replace(/^[A-Z0-9]+: /, '').replace(/,.*$/, '');
  return new MbankError(`cannot ${action} ${JSON.stringify(path)}: ${err.code} (${text})`, ENVIRONMENT_CODES.has(err.code) ? 1 : 2);
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
