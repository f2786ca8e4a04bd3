/**
 * SIGINT (Ctrl+C) and SIGTERM (what Slurm and HTCondor send) for long commands: the first one aborts
 * the command's AbortSignal, so it finishes the current batch and writes what is done; further ones
 * are acknowledged but never kill a write in progress (SIGKILL still does, and loses only what was
 * not yet written). When the command returns, main() exits 130 (SIGINT) or 143 (SIGTERM), so a
 * scheduler or script can tell an interrupted run from a finished one.
 */

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const CODES: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143 };

let received: (typeof SIGNALS)[number] | undefined;
let lateHandler = false;

/** After a command released its handlers its work is written: a signal then only sets the exit status. */
function installLateHandler(): void {
  if (lateHandler) return;
  lateHandler = true;
  for (const s of SIGNALS) process.on(s, () => { received ??= s; });
}

/** Handle of {@link catchInterrupts}: the signal a command passes down, and the release of the handlers. */
export interface Interrupts {
  readonly signal: AbortSignal;
  /** Remove the handlers (the exit status of a received signal is kept for main()). */
  release(): void;
}

/**
 * Catch SIGINT/SIGTERM for one command: the first aborts `signal` after printing `what` ("writing
 * the finished rows"); later ones print that the write is being waited for.
 */
export function catchInterrupts(what: string): Interrupts {
  installLateHandler();
  const ctl = new AbortController();
  const handler = (sig: (typeof SIGNALS)[number]) => {
    if (!ctl.signal.aborted) {
      received ??= sig;
      process.stderr.write(`\nmbank-ts: ${sig}: stopping after the current batch, ${what} (exit ${CODES[sig]})...\n`);
      ctl.abort();
    } else {
      process.stderr.write(`\nmbank-ts: ${sig} again: still writing, waiting for it to finish (SIGKILL loses what is not written)\n`);
    }
  };
  for (const s of SIGNALS) process.on(s, handler);
  return {
    signal: ctl.signal,
    release: () => { for (const s of SIGNALS) process.removeListener(s, handler); },
  };
}

/** The exit status owed to a signal received during the command (130, 143), or undefined. */
export function interruptExitCode(): number | undefined {
  return received === undefined ? undefined : CODES[received];
}
