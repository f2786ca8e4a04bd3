/**
 * The `place` job once its settings are known (mbank bin/mbank_place_templates, with
 * mbank_generate_flow_dataset and mbank_train_flow folded in when no flow file exists): flow
 * (loaded, reused, or dataset -> train) -> placement -> bank file -> volume and flow checks ->
 * plots -> summary.json. Every file goes to the run directory, written atomically; an AbortSignal
 * stops the current stage and whatever is placed is written, marked incomplete in the bank
 * attributes and the summary.
 */
import type { Bank } from '../../bank/bank.js';
import { removeQuietly } from '../../core/atomic-write.js';
import { selectBackend, type BackendName } from '../../flow/backend.js';
import type { TransformFlow } from '../../flow/transform-flow.js';
import type { TrainingHistory } from '../../flow/history.js';
import { flowAccuracy } from '../diagnostics.js';
import { flowConstant, flowLogProb } from '../flow-sampler.js';
import { bankFromTemplates, programVersion, saveBank } from './bank-output.js';
import { runFlowStage } from './flow-stage.js';
import { partialBankPath, writeJson, type RunPaths } from './paths.js';
import { runPlaceStage } from './place-stage.js';
import { silentStages, type StageReporter } from './progress.js';
import type { PlaceSettings } from './settings.js';
import type { PlaceSummary } from './summary.js';

/** What the figures of a run need (the command line draws them: src/cli/place/plots.ts). */
export interface PlacePlotInput {
  dir: string;
  bank: Bank;
  names: readonly string[];
  flow: TransformFlow;
  seed: number;
  history?: TrainingHistory;
  /** Dataset rows the flow was trained on (n x D), when known. */
  dataset?: Float64Array;
  /** Residuals log q + C - 0.5 ln det M: at the livepoints, and on the validation set when known. */
  residuals: { label: string; values: Float64Array }[];
  maxPoints?: number;
}

/** How the job reports, stops and draws. */
export interface PlacePipelineOptions {
  signal?: AbortSignal;
  progress?: StageReporter;
  /** One line of information (default: none). */
  log?: (line: string) => void;
  /** Load the flow from paths.flow instead of training one. */
  existingFlow?: boolean;
  /** The --dataset file the user named, if any (resumed or reused). */
  dataset?: string;
  /** Interferometer stored in the bank attributes (default L1). */
  ifo?: string;
  /** Draw the figures when settings.plot is set; returns the files written. */
  plots?: (input: PlacePlotInput) => string[];
  /** Date.now() when the job started (for the total time; default: now). */
  startedAt?: number;
}

/**
 * Run the job in `runDir` (files at `paths`, which the caller may have locked): flow (loaded from
 * paths.flow when `o.existingFlow`, else dataset -> train), placement, bank file, flow checks, plots
 * through `o.plots`, summary.json. Returns the summary.
 */
export async function placePipeline(s: PlaceSettings, paths: RunPaths, runDir: string, o: PlacePipelineOptions = {}): Promise<PlaceSummary> {
  const tStart = o.startedAt ?? Date.now();
  const log = o.log ?? (() => undefined);
  const progress = o.progress ?? silentStages;
  const signal = o.signal ?? new AbortController().signal;
  const backend = await selectBackend((s.backend ?? 'auto') as BackendName);

  const fs = await runFlowStage(s, paths, o.existingFlow === true, o.dataset, backend, progress, signal, log);
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
        df: s.metric.df, approximant: s.metric.approximant, method: s.method, seed: s.seed, programVersion: programVersion(), ifo: o.ifo ?? 'L1',
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
      if (s.plot && o.plots) {
        t0 = Date.now();
        summary.files.plots = o.plots({
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
