/**
 * Files of a `place` run: the run directory (mbank: `--run-dir`, default `./out_<run-name>/`) and
 * the names inside it; every output is written atomically (`<path>.tmp-<pid>` then rename).
 */
import { join } from 'node:path';
import { makeDirectory, writeFileAtomic } from '../../core/atomic-write.js';
import { invalid } from '../../core/errors.js';

/** The run directory: `--run-dir`, else `./out_<run-name>` (mbank's default). */
export function runDirectory(runDir: string | undefined, runName: string): string {
  if (runDir !== undefined && runDir.trim() === '') invalid('--run-dir', runDir, 'must be a directory name (omit it for ./out_<run-name>)');
  return runDir ?? `out_${runName}`;
}

/** A file name inside the run directory unless it contains a `/` (mbank's rule). */
export function inRunDir(runDir: string, name: string): string {
  return name.includes('/') ? name : join(runDir, name);
}

/** The file names of one run. */
export interface RunPaths {
  runDir: string;
  dataset: string;
  datasetText: string;
  flow: string;
  bank: string;
  summary: string;
  args: string;
}

/** Paths of a run from the (optional) names given on the command line. */
export function runPaths(runDir: string, names: { dataset?: string; flow?: string; bank: string }): RunPaths {
  const dataset = inRunDir(runDir, names.dataset ?? 'dataset.h5');
  return {
    runDir,
    dataset,
    datasetText: dataset.replace(/\.(h5|hdf5|hdf)$/i, '') + '.txt',
    flow: inRunDir(runDir, names.flow ?? 'flow.safetensors'),
    bank: inRunDir(runDir, names.bank),
    summary: join(runDir, 'summary.json'),
    args: join(runDir, 'args.json'),
  };
}

/** Where an interrupted run writes its bank: `bank.h5` -> `bank.partial.h5` (never the final name). */
export function partialBankPath(bank: string): string {
  const m = /(\.xml\.gz|\.[^./]+)$/i.exec(bank);
  return m ? `${bank.slice(0, m.index)}.partial${m[1]}` : `${bank}.partial`;
}

/** Create the run directory (and parents). */
export function ensureDir(dir: string): void {
  makeDirectory(dir);
}

/** Write a value as indented JSON, atomically; non-finite numbers become strings ("NaN", "Infinity"). */
export function writeJson(path: string, value: unknown): void {
  const text = JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);
  writeFileAtomic(path, `${text}\n`);
}
