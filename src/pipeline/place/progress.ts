/**
 * How the stages of a `place` run report progress: one stage at a time, started, updated and stopped.
 * The command line passes a terminal bar (src/cli/place/progress.ts); a library caller may pass its
 * own reporter or {@link silentStages}.
 */

/** Receives the progress of one stage at a time. */
export interface StageReporter {
  /** A stage of `total` units (`unit` names them) begins. */
  start(stage: string, total: number, unit: string): void;
  /** `done` units of `total` (total may change), with a short text. */
  update(done: number, total: number, info?: string): void;
  /** The current stage ended. */
  stop(): void;
  /** A message line. */
  log(line: string): void;
}

/** A reporter that ignores everything. */
export const silentStages: StageReporter = { start: () => undefined, update: () => undefined, stop: () => undefined, log: () => undefined };
