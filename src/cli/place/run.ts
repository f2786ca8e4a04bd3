/**
 * The `place` command: arguments (bundled default configuration, settings stored in a flow file)
 * -> settings -> locked outputs -> the pipeline (src/pipeline/place/run.ts) with progress bars,
 * log lines on stderr and the figures of src/cli/place/plots.ts.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { bankFormatOf } from '../../bank/io.js';
import { rangeOptionName } from '../../coordinates/box.js';
import type { RangeKey } from '../../coordinates/part.js';
import { loadAnyFlow as loadFlowWithMetadata } from '../../flow/family-weights.js';
import { ensureDir, partialBankPath, runDirectory, runPaths, writeJson } from '../../pipeline/place/paths.js';
import { placePipeline } from '../../pipeline/place/run.js';
import type { PlaceSummary } from '../../pipeline/place/summary.js';
import { lockOutputs } from '../lock.js';
import { DEFAULT_CONFIG, parsePlaceArgs, placeDefaults, placeOptions } from './options.js';
import { writePlacePlots } from './plots.js';
import { StageProgress } from './progress.js';
import { placeSettings } from './settings.js';

/** How the job reports and stops. */
export interface RunPlaceOptions {
  signal?: AbortSignal;
  progress?: StageProgress;
  /** One line of information (default: stderr). */
  log?: (line: string) => void;
  /**
   * Options the user typed (kebab names): they win over the bundled default configuration even when
   * their value equals the option's default (e.g. `--plot false`). See {@link explicitOptionNames}.
   */
  explicit?: ReadonlySet<string>;
}

/**
 * Names of the options given on a command line (`--name`, `--name=value`, `--no-name`), kebab case.
 */
export function explicitOptionNames(argv: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const token of argv) {
    if (token === '--') break;
    if (!token.startsWith('--')) continue;
    const name = token.slice(2).split('=')[0];
    out.add(name);
    if (name.startsWith('no-')) out.add(name.slice(3));
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Arguments with the bundled default configuration filled in when neither a variable format nor a
 * flow file is given: each option still at its default takes the ini value (mbank's ini rule),
 * except the options in `explicit` (typed by the user).
 */
export function withDefaultConfig(args: Record<string, unknown>, explicit: ReadonlySet<string> = new Set()): { args: Record<string, unknown>; usedDefault: boolean } {
  if (args['variable-format'] !== undefined || args['flow-file'] !== undefined) return { args, usedDefault: false };
  const ini = parsePlaceArgs([DEFAULT_CONFIG]).args;
  const defaults = placeDefaults();
  const out: Record<string, unknown> = { ...args };
  for (const key of Object.keys(placeOptions)) {
    if (explicit.has(key)) continue;
    if (ini[key] !== undefined && (args[key] === undefined || sameValue(args[key], defaults[key]))) out[key] = ini[key];
  }
  return { args: out, usedDefault: true };
}

/**
 * With an existing --flow-file: options still at their defaults (or missing) are taken from the
 * settings stored in the flow file (variable format always; PSD, frequencies, approximant, metric
 * type and ranges when the flow was trained by `place`), so `place --flow-file f` alone works.
 */
function settingsFromFlow(args: Record<string, unknown>): Record<string, unknown> {
  const file = args['flow-file'];
  if (typeof file !== 'string') return args;
  const dir = runDirectory(args['run-dir'] as string | undefined, String(args['run-name']));
  const path = runPaths(dir, { flow: file, bank: 'bank.h5' }).flow;
  if (!existsSync(path)) return args;
  const { flow, metadata } = loadFlowWithMetadata(path);
  flow.dispose();
  const stored: Record<string, unknown> = {};
  if (metadata.variable_format) stored['variable-format'] = metadata.variable_format;
  let own: Record<string, unknown> = {};
  try {
    own = metadata.place_settings ? (JSON.parse(metadata.place_settings) as Record<string, unknown>) : {};
  } catch {
    own = {};
  }
  const names: Record<string, string> = { psd: 'psd', asd: 'asd', approximant: 'approximant', fMin: 'f-min', fMax: 'f-max', df: 'df', metricType: 'metric-type', order: 'fd-order', step: 'fd-step', metricGrid: 'metric-grid' };
  for (const [k, option] of Object.entries(names)) if (own[k] !== undefined && own[k] !== null) stored[option] = own[k];
  for (const [k, r] of Object.entries((own.ranges ?? {}) as Record<string, unknown>)) stored[rangeOptionName(k as RangeKey)] = r;
  const defaults = placeDefaults();
  const out = { ...args };
  for (const [k, v] of Object.entries(stored)) if (args[k] === undefined || sameValue(args[k], defaults[k])) out[k] = v;
  return out;
}

/** Run the job; returns the summary (also written to summary.json). */
export async function runPlace(argsIn: Record<string, unknown>, o: RunPlaceOptions = {}): Promise<PlaceSummary> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const progress = o.progress ?? new StageProgress();
  const signal = o.signal ?? new AbortController().signal;
  const tStart = Date.now();
  const def = withDefaultConfig(argsIn, o.explicit);
  if (def.usedDefault) log(`place: no --variable-format and no --flow-file: running the bundled default ${DEFAULT_CONFIG}`);
  const args = settingsFromFlow(def.args);
  const s = placeSettings(args, availableParallelism());
  const runDir = runDirectory(args['run-dir'] as string | undefined, s.runName);
  const paths = runPaths(runDir, { dataset: args.dataset as string | undefined, flow: args['flow-file'] as string | undefined, bank: String(args['bank-file']) });
  bankFormatOf(paths.bank); // an unknown bank extension fails now, not after the placement
  ensureDir(runDir);
  // the dataset and flow are locked when they live in the run directory (elsewhere they may be read-only inputs)
  const mine = [paths.dataset, paths.flow].filter((p) => resolve(dirname(p)) === resolve(runDir));
  const release = lockOutputs([paths.bank, partialBankPath(paths.bank), paths.summary, paths.args, ...mine], 'place');
  try {
    writeJson(paths.args, Object.fromEntries(Object.keys(placeOptions).filter((k) => args[k] !== undefined).map((k) => [k, args[k]])));
    return await placePipeline(s, paths, runDir, {
      signal, progress, log, startedAt: tStart, plots: writePlacePlots, ifo: String(args.ifo),
      existingFlow: args['flow-file'] !== undefined && existsSync(paths.flow), dataset: args.dataset as string | undefined,
    });
  } finally {
    release();
  }
}
