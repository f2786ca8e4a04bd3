/**
 * `mbank-ts dataset`: N points drawn flat in the chirp times inside the box and mass cuts, with
 * the metric and logPdf = 0.5 ln det M at each, written to an HDF5 dataset (+ a text export)
 * for flow training (mbank bin/mbank_generate_flow_dataset). Parallel on worker threads,
 * reproducible with --seed, resumable (an existing file with the same settings is continued),
 * Ctrl+C keeps every finished row, and so does SIGKILL (each finished chunk is journaled at once).
 */
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { CommandModule } from 'yargs';
import { availableParallelism } from 'node:os';
import { invalid } from '../../core/errors.js';
import { parseShard } from '../../core/shard.js';
import { checkMetricType } from '../../metric/metric.js';
import { generateDataset } from '../../metric/dataset.js';
import { writeDatasetText } from '../../metric/dataset-file.js';
import { catchInterrupts } from '../signals.js';
import { checkOutputPath, removeStaleTemporaries } from '../../core/atomic-write.js';
import { lockOutputs } from '../lock.js';
import { generalOptions, metricOptions, rangeOptions } from '../options.js';
import { fdOptions, metricOptionsFromArgs, rangesFromArgs, warnRangesUnusedByFormat } from './metric.js';
import { getVariableFormat } from '../../coordinates/format.js';

/** The text export next to an HDF5 file: `x.h5` -> `x.txt`. */
export function textPath(path: string): string {
  return path.replace(/\.(h5|hdf5|hdf)$/i, '') + '.txt';
}

/** generalOptions without those dataset does not use (it makes no plots, names no run, has one progress output). */
const { plot: _plot, 'run-name': _runName, verbose: _verbose, ...datasetGeneral } = generalOptions;

/** The `dataset` command. */
export const datasetCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'dataset',
  describe: 'draw points flat in the chirp times and write (theta, logPdf, metric) to an HDF5 dataset for flow training',
  builder: (y) =>
    y
      .options(datasetGeneral)
      .options(metricOptions)
      .options(rangeOptions)
      .options(fdOptions)
      .option('n-points', { type: 'number', alias: 'n-datapoints', default: 10000, describe: 'number of rows the file should hold' })
      .option('dataset', { type: 'string', demandOption: true, describe: 'HDF5 output (names without "/" go inside --run-dir); continued if it exists' })
      .option('text-file', { type: 'string', describe: 'plain-text export "# names logPdf" (default: the dataset name with .txt)' })
      .option('chunk-size', { type: 'number', default: 64, describe: 'rows per reproducible chunk (stored in the file; keep it to continue a file)' })
      .option('shard', { type: 'string', describe: 'compute only shard K of N (K/N, 1 <= K <= N) of the chunks; `merge --dataset` joins the N files into the unsharded one' })
      .option('flush-seconds', { type: 'number', default: 30, describe: 'seconds between rewrites of the HDF5 file (each finished chunk is journaled at once in <dataset>.journal)' }) as never,
  handler: async (args) => {
    const metric = metricOptionsFromArgs(args);
    const ranges = rangesFromArgs(args);
    warnRangesUnusedByFormat('dataset', ranges, getVariableFormat(metric.variableFormat));
    const metricType = checkMetricType(String(args['metric-type']));
    const nPoints = args['n-points'] as number;
    if (!Number.isInteger(nPoints) || nPoints < 1) invalid('--n-points', nPoints, 'must be a positive integer');
    const seed = args.seed as number;
    if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) invalid('--seed', seed, 'must be an integer in [0, 2^32 - 1]');
    const workers = args.workers === undefined ? availableParallelism() : (args.workers as number);
    if (!Number.isInteger(workers) || workers < 0) invalid('--workers', workers, 'must be an integer >= 0 (0: no worker threads)');
    const runDir = args['run-dir'] as string | undefined;
    const name = args.dataset as string;
    const path = runDir !== undefined && !name.includes('/') ? join(runDir, name) : name;
    checkOutputPath('--dataset', path);
    const text = (args['text-file'] as string | undefined) ?? textPath(path);
    checkOutputPath('--text-file', text);
    const release = lockOutputs([path, text], 'dataset');
    for (const f of [path, text]) for (const t of removeStaleTemporaries(f)) process.stderr.write(`dataset: removed ${t}, left by a killed run\n`);
    const interrupts = catchInterrupts('writing the finished rows');
    const tty = process.stderr.isTTY === true;
    const bar = tty ? new cliProgress.SingleBar({ format: 'dataset |{bar}| {value}/{total} rows | {rate} rows/s | eta {eta_formatted}', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
    const t0 = Date.now();
    let lastLine = 0;
    let started = false;
    try {
      const result = await generateDataset({
        path, nPoints, workers, signal: interrupts.signal, ...(args.shard !== undefined ? { shard: parseShard(String(args.shard)) } : {}), flushSeconds: args['flush-seconds'] as number,
        spec: { metric, metricType, ranges, seed, chunkSize: args['chunk-size'] as number },
        onWarning: (message) => process.stderr.write(`dataset: ${message}\n`),
        onProgress: (done, total) => {
          const rate = (done / Math.max(1e-3, (Date.now() - t0) / 1000)).toFixed(1);
          if (bar) {
            if (!started) { bar.start(total, done, { rate }); started = true; } else bar.update(done, { rate });
          } else if (Date.now() - lastLine > 10000 || done === total) {
            lastLine = Date.now();
            process.stderr.write(`dataset: ${done}/${total} rows (${rate} rows/s)\n`);
          }
        },
      });
      bar?.stop();
      writeDatasetText(text, result.dataset);
      const secs = (Date.now() - t0) / 1000;
      process.stderr.write(
        `dataset: ${result.dataset.n} rows in ${path} (text: ${text}); ${result.resumedFrom > 0 ? `continued from ${result.resumedFrom} rows${result.journalRows > 0 ? ` (${result.journalRows} from the journal of an earlier run)` : ''}; ` : ''}` +
          `${result.failures} failed metrics, ${result.nonPositiveDefinite} non-positive-definite (logPdf NaN); ${secs.toFixed(1)} s` +
          `${result.interrupted ? '; interrupted: run the same command again to continue' : ''}\n`,
      );
    } finally {
      bar?.stop();
      interrupts.release();
      release();
    }
  },
};
