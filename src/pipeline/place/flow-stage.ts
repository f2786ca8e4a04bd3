/**
 * Where the flow of a `place` run comes from: an existing flow file (loaded as is when given with
 * --flow-file or written by another program; reused when written by an earlier `place` run with the
 * same dataset and training settings), or dataset -> train in the run directory.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MbankError } from '../../core/errors.js';
import { historyFromJSON, type TrainingHistory } from '../../flow/history.js';
import type { TransformFlow } from '../../flow/transform-flow.js';
import type { Samples } from '../../flow/train-data.js';
import { loadAnyFlow as loadFlowWithMetadata } from '../../flow/family-weights.js';
import { readDataset } from '../../metric/dataset-file.js';
import { runDatasetStage } from './dataset-stage.js';
import { flowSettingsKey, runTrainStage, splitDataset } from './train-stage.js';
import type { RunPaths } from './paths.js';
import type { StageReporter } from './progress.js';
import type { PlaceSettings } from './settings.js';

/** The flow of the run and what is known about its training. */
export interface FlowStage {
  /** The flow; undefined only when the dataset stage was interrupted. */
  flow: TransformFlow | undefined;
  trained: boolean;
  reused: boolean;
  history?: TrainingHistory;
  /** Validation rows of the dataset the flow was trained on, when known. */
  validation?: Samples;
  /** All rows of that dataset (for the plots), when known. */
  datasetTheta?: Float64Array;
  dataset?: { file: string; rows: number; resumedFrom: number };
  /** Set when the run was interrupted in this stage. */
  interrupted?: 'dataset' | 'train';
  timeSeconds: Record<string, number>;
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The dataset a flow file names (relative to the flow file's folder, else to the working directory). */
export function datasetOfFlow(flowPath: string, metadata: Record<string, string>): string | undefined {
  const training = parseJson(metadata.training);
  const list = training?.datasets;
  const first = Array.isArray(list) && typeof list[0] === 'string' ? list[0] : undefined;
  if (first === undefined) return undefined;
  for (const p of [resolve(dirname(flowPath), first), first]) if (existsSync(p)) return p;
  return undefined;
}

/** Load, reuse or train the flow; see the module comment. */
export async function runFlowStage(
  s: PlaceSettings, paths: RunPaths, explicitFlow: boolean, datasetOverride: string | undefined, backend: string,
  progress: StageReporter, signal: AbortSignal, log: (line: string) => void,
): Promise<FlowStage> {
  const timeSeconds: Record<string, number> = {};
  if (existsSync(paths.flow)) {
    const { flow, metadata } = loadFlowWithMetadata(paths.flow);
    const own = metadata.place_settings;
    const usable = explicitFlow || own === undefined || (own === flowSettingsKey(s) && metadata.complete !== 'false');
    if (usable) {
      if (flow.dim !== s.format.D) {
        flow.dispose();
        throw new MbankError(`flow-file ${paths.flow}: the flow has dimension ${flow.dim}, the variable format ${s.format.name} has ${s.format.D}`);
      }
      const history = metadata.history === undefined ? undefined : historyFromJSON(metadata.history);
      const dsPath = datasetOverride ?? datasetOfFlow(paths.flow, metadata);
      let validation: Samples | undefined;
      let datasetTheta: Float64Array | undefined;
      if (dsPath !== undefined && existsSync(dsPath)) {
        const ds = await readDataset(dsPath);
        if (ds.D === flow.dim) {
          const fraction = Number(parseJson(metadata.training)?.trainFraction ?? 0.85);
          try {
            validation = splitDataset(ds, Number.POSITIVE_INFINITY, fraction).validation;
          } catch {
            validation = undefined;
          }
          datasetTheta = ds.theta;
        }
      }
      log(`place: ${own !== undefined && !explicitFlow ? 'reusing' : 'loaded'} the flow ${paths.flow}${dsPath ? ` (trained on ${dsPath})` : ''}`);
      return { flow, trained: false, reused: own !== undefined && !explicitFlow, history, validation, datasetTheta, timeSeconds };
    }
    flow.dispose();
    log(`place: ${paths.flow} was trained with other settings (or interrupted): training a new flow`);
  }
  let t0 = Date.now();
  const ds = await runDatasetStage(s, paths.dataset, paths.datasetText, progress, signal);
  timeSeconds.dataset = (Date.now() - t0) / 1000;
  const dataset = { file: paths.dataset, rows: ds.dataset.n, resumedFrom: ds.resumedFrom };
  log(`place: dataset ${paths.dataset}: ${ds.dataset.n} rows${ds.resumedFrom > 0 ? ` (${ds.resumedFrom} from an earlier run)` : ''}, ` +
    `${ds.result.failures} failed, ${ds.result.nonPositiveDefinite} non-positive-definite metrics (${timeSeconds.dataset.toFixed(1)} s)`);
  if (ds.interrupted) {
    return { flow: undefined, trained: false, reused: false, dataset, interrupted: 'dataset', timeSeconds };
  }
  t0 = Date.now();
  const tr = await runTrainStage(s, ds.dataset, paths.dataset, paths.flow, backend, progress, signal);
  timeSeconds.train = (Date.now() - t0) / 1000;
  log(`place: flow trained (${tr.history.stopReason}, ${tr.history.trainLoss.length} steps, best validation loss ${tr.history.bestValidationLoss.toPrecision(4)}) -> ${paths.flow} (${timeSeconds.train.toFixed(1)} s)`);
  return {
    flow: tr.flow, trained: true, reused: false, history: tr.history, validation: tr.validation, datasetTheta: ds.dataset.theta, dataset,
    interrupted: tr.history.stopReason === 'aborted' ? 'train' : undefined, timeSeconds,
  };
}
