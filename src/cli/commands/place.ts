/**
 * `mbank-ts place`: the main job (mbank bin/mbank_place_templates). With an existing --flow-file:
 * sample and place. Without one: dataset -> train -> place in one go, every intermediate file kept
 * (and reused on the next run) in --run-dir. Without any argument: the bundled default
 * data/configs/default.ini. Writes the bank, summary.json, args.json, plots (--plot), and prints a
 * one-screen summary on stdout. Ctrl+C stops the current stage and writes what is placed.
 * The job itself lives in ../place/ (one file per stage).
 */
import type { CommandModule } from 'yargs';
import { placeOptions } from '../place/options.js';
import { StageProgress } from '../place/progress.js';
import { explicitOptionNames, runPlace } from '../place/run.js';
import { summaryText } from '../../pipeline/place/summary.js';
import { catchInterrupts } from '../signals.js';

/** The `place` command. */
export const placeCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'place',
  describe: 'place a template bank: load a flow (or build dataset -> flow), place templates, write bank, plots and summary; without arguments: the bundled default data/configs/default.ini',
  builder: (y) => y.options(placeOptions) as never,
  handler: async (args) => {
    const interrupts = catchInterrupts('writing what is done');
    try {
      const progress = new StageProgress(process.stderr, args.verbose ? 2000 : 10000);
      const summary = await runPlace(args, { signal: interrupts.signal, progress, explicit: explicitOptionNames(process.argv.slice(2)) });
      process.stdout.write(summaryText(summary));
    } finally {
      interrupts.release();
    }
  },
};
