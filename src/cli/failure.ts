/**
 * The one error path of the command line: every failure (main thread, worker thread, file system,
 * HDF5, tfjs) ends here as one line on stderr and an exit status: 2 for bad input, 1 for an internal
 * or environment failure (full disk), 130/143 after SIGINT/SIGTERM (./signals.ts), 141 for a closed
 * pipe. `MBANK_DEBUG=1` adds the stack of internal errors.
 */
import { MbankError, fileError, isSystemError } from '../core/errors.js';

/** What a syscall was doing, in words, for a file-system error line. */
const ACTIONS: Record<string, string> = {
  open: 'open', read: 'read', write: 'write', mkdir: 'create directory', rename: 'rename', scandir: 'list',
  stat: 'read', lstat: 'read', unlink: 'remove', fsync: 'write', close: 'write', copyfile: 'copy',
};

/** The one line and exit status of a failure. */
export function describeFailure(err: unknown): { line: string; exitCode: number } {
  if (err instanceof MbankError) return { line: err.message, exitCode: err.exitCode };
  if (err instanceof Error && err.name === 'MbankError') return { line: err.message, exitCode: 2 };
  if (err instanceof Error && err.name === 'YError') return { line: `${err.message} (see --help)`, exitCode: 2 };
  if (isSystemError(err)) {
    const translated = fileError(err, ACTIONS[err.syscall ?? ''] ?? err.syscall ?? 'access', err.path ?? '');
    if (translated instanceof MbankError) return { line: translated.message, exitCode: translated.exitCode };
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const first = message.split('\n')[0].slice(0, 500);
  return { line: `internal error: ${first}`, exitCode: 1 };
}

/** Print the failure as one line (plus the stack with MBANK_DEBUG=1) and exit with its status. */
export function exitWithFailure(err: unknown): never {
  const { line, exitCode } = describeFailure(err);
  // one line whatever a message quotes (a JSON parser's excerpt of a file holds its newlines)
  process.stderr.write(`mbank-ts: ${line.replace(/\s*\n\s*/g, ' ')}\n`);
  if (process.env.MBANK_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(exitCode);
}

/**
 * Route the failures that escape every await (an 'error' event, a rejected promise nobody holds, a
 * closed stdout pipe) to the same one line, before libraries that dump their source on them (tfjs-wasm).
 */
let installed = false;

export function installFailureHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (err) => exitWithFailure(err));
  process.on('unhandledRejection', (err) => exitWithFailure(err));
  const onPipe = (err: Error & { code?: string }) => {
    if (err.code === 'EPIPE') process.exit(141); // the reader went away (`| head`): stop quietly, like SIGPIPE
    exitWithFailure(err);
  };
  process.stdout.on('error', onPipe);
  process.stderr.on('error', () => process.exit(141));
}
