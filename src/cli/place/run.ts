/**
 * The `place` job end to end (mbank bin/mbank_place_templates, with mbank_generate_flow_dataset and
 * mbank_train_flow folded in when no flow file exists): settings -> flow (loaded, reused, or
 * dataset -> train) -> placement -> bank file -> volume and flow checks -> plots -> summary.json.
 * Every file goes to the run directory, written atomically; an AbortSignal stops the current stage
 * and whatever is placed is written, marked incomplete in the bank attributes and the summary.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { selectBackend, type BackendName } from '../../flow/backend.js';
import { bankFromTemplates, programVersion, saveBank } from './bank-output.js';
import { runFlowStage } from './flow-stage.js';
import { DEFAULT_CONFIG, parsePlaceArgs, placeDefaults, placeOptions } from './options.js';
import { ensureDir, partialBankPath, runDirectory, runPaths, writeJson, type RunPaths } from './paths.js';
import { bankFormatOf } from '../../bank/io.js';
import { lockOutputs } from '../lock.js';
import { removeQuietly } from '../../core/atomicWrite.js';
import { runPlaceStage } from './place-stage.js';
import { writePlacePlots } from './plots.js';
import { StageProgress } from './progress.js';
import { placeSettings } from './settings.js';
import type { PlaceSummary } from './summary.js';
import { flowAccuracy } from './diagnostics.js';
import { flowConstant, flowLogProb } from './flow-sampler.js';
import { loadAnyFlow as loadFlowWithMetadata } from '../../flow/family-weights.js';
import { rangeOptionName } from '../../coordinates/box.js';
import type { RangeKey } from '../../coordinates/part.js';

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
    return await runLocked(args, s, paths, runDir, tStart, log, progress, signal);
  } finally {
    release();
  }
}

/** The job once its outputs are locked. */
async function runLocked(
  args: Record<string, unknown>, s: ReturnType<typeof placeSettings>, paths: RunPaths, runDir: string,
  tStart: number, log: (line: string) => void, progress: StageProgress, signal: AbortSignal,
): Promise<PlaceSummary> {
  writeJson(paths.args, Object.fromEntries(Object.keys(placeOptions).filter((k) => args[k] !== undefined).map((k) => [k, args[k]])));
  const backend = await selectBackend((s.backend ?? 'auto') as BackendName);

  const fs = await runFlowStage(s, paths, args['flow-file'] !== undefined && existsSync(paths.flow), args.dataset as string | undefined, backend, progress, signal, log);
  const timeSeconds: Record<string, number> = { ...fs.timeSeconds };
  const summary: PlaceSummary = {
    runName: s.runName, runDir, complete: true, variableFormat: s.format.name, approximant: s.metric.approximant, psd: s.metric.psd,
    minimalMatch: s.minimalMatch, method: s.method, seed: s.seed, templates: 0, coveringFraction: 0, coveringFractionError: 1,
    targetCoveringFraction: s.coveringFraction, livepoints: 0, predictedCount: null, pruned: 0, flowAccuracy: {},
    flow: { file: paths.flow, trained: fs.trained, reused: fs.reused, stopReason: fs.history?.stopReason, steps: fs.history?.trainLoss.length },
    dataset: fs.dataset, timeSeconds, placementStats: { sampled: 0, outsideDomain: 0, metricEvaluations: 0, nonPositiveDefinite: 0, distanceChecks: 0, proposals: 0, pruned: 0, timeMs: {} },
    files: { args: paths.args, summary: paths.summary, flow: paths.flow, ...(fs.dataset ? { dataset: paths.dataset, datasetText: paths.datasetText } : {}) },
  };
  const finish = (): PlaceSummary => {
    timeSeconds.total = (Date.now() - tStart) / 1000;
    writeJson(paths.summary, summary);
    return summary;
  };
  const flow = fs.flow;
  if (fs.interrupted !== undefined || flow === undefined) {
    summary.complete = false;
    summary.interruptedDuring = fs.interrupted ?? 'dataset';
    flow?.dispose();
    return finish();
  }
  try {
    if (fs.validation?.logPdf) {
      const a = flowAccuracy(flowLogProb(flow, Float64Array.from(fs.validation.x)), flowConstant(flow), fs.validation.logPdf);
      summary.flowAccuracy.validation = { points: a.points, mean: a.mean, std: a.std };
    }
    const ps = await runPlaceStage(s, flow, progress, signal);
    Object.assign(timeSeconds, ps.timeSeconds);
    const r = ps.result;
    Object.assign(summary, {
      templates: r.count, coveringFraction: r.coveringFraction, coveringFractionError: r.coveringFractionError, livepoints: r.livepoints,
      predictedCount: r.predictedCount, pruned: r.stats.pruned, volume: ps.volume, placementStats: r.stats,
      ...(r.weighted ? { weightedCoverage: { ...r.weighted, uniformFraction: s.uniformFraction } } : {}),
    });
    summary.flowAccuracy.livepoints = { points: ps.accuracy.points, mean: ps.accuracy.mean, std: ps.accuracy.std };
    if (ps.completion) {
      const c = ps.completion;
      summary.completion = {
        placed: ps.placedBeforeCompletion, added: c.added, rounds: c.rounds, converged: c.converged, fraction: c.completeness.fraction,
        error: c.completeness.error, probes: c.completeness.probes, worst: c.completeness.worst, target: s.completeness,
        matches: c.stats.matches, totalProbes: c.stats.probes, byKind: c.completeness.byKind,
      };
    }
    if (r.aborted) {
      summary.complete = false;
      summary.interruptedDuring = 'placement';
    }
    let t0 = Date.now();
    if (r.count > 0) {
      const bank = bankFromTemplates(s.format, r.templates, {
        variableFormat: s.format.name, minimalMatch: s.minimalMatch, psd: s.metric.psd, fMin: s.metric.fMinHz, fMax: s.metric.fMaxHz,
        df: s.metric.df, approximant: s.metric.approximant, method: s.method, seed: s.seed, programVersion: programVersion(), ifo: String(args.ifo),
        extra: {
          runName: s.runName, complete: summary.complete ? 1 : 0, coveringFraction: r.coveringFraction, coveringFractionError: r.coveringFractionError,
          targetCoveringFraction: s.coveringFraction, livepoints: r.livepoints, metricType: s.metricType, asd: s.metric.asd ? 1 : 0,
          flowFile: paths.flow, pruned: r.stats.pruned,
          ...(ps.completion ? { completionAdded: ps.completion.added, completeness: ps.completion.completeness.fraction, completenessProbes: ps.completion.completeness.probes } : {}),
          ...(Number.isFinite(ps.volume.volume) ? { volume: ps.volume.volume, volumeError: ps.volume.volumeError } : {}),
        },
      });
      // an interrupted run never takes the final name: a complete bank from an earlier run stays intact
      const bankPath = summary.complete ? paths.bank : partialBankPath(paths.bank);
      for (const w of await saveBank(bankPath, bank)) log(`place: ${w}`);
      if (!summary.complete) log(`place: interrupted: the ${r.count} templates placed so far are in ${bankPath} (marked incomplete)`);
      else removeQuietly(partialBankPath(paths.bank)); // the finished bank replaces an earlier interrupted one
      summary.files.bank = bankPath;
      timeSeconds.write = (Date.now() - t0) / 1000;
      if (s.plot) {
        t0 = Date.now();
        summary.files.plots = writePlacePlots({
          dir: runDir, bank, names: s.format.names, flow, seed: s.seed, history: fs.history, dataset: fs.datasetTheta,
          residuals: [
            { label: 'livepoints', values: ps.accuracy.residuals },
            ...(fs.validation?.logPdf ? [{ label: 'validation set', values: flowAccuracy(flowLogProb(flow, Float64Array.from(fs.validation.x)), flowConstant(flow), fs.validation.logPdf).residuals }] : []),
          ],
        });
        timeSeconds.plots = (Date.now() - t0) / 1000;
      }
    } else {
      log('place: no template placed: no bank written');
    }
  } finally {
    flow.dispose();
  }
  return finish();
}
