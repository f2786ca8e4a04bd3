/**
 * Stage 2 of `place` without a flow: train an STDFlow on the dataset (src/flow trainFlow, as
 * `mbank-ts train` does: finite rows inside the box, first `train-fraction` rows train, the rest
 * validate, flow box = dataset box widened by 1% per side) and save it with its loss history, the
 * dataset it was trained on and the settings that decide whether a later run may reuse it.
 * As `train`, it writes `<flow>.checkpoint.json` after every validation (and when interrupted), and an
 * interrupted run continues from it to the weights an uninterrupted run ends with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { MbankError } from '../../core/errors.js';
import { removeQuietly, writeFileAtomic } from '../../core/atomic-write.js';
import { checkpointFromJson, checkpointToJson } from '../../flow/checkpoint.js';
import { historyToJSON, type TrainingHistory } from '../../flow/history.js';
import { STDFlow } from '../../flow/std-flow.js';
import { trainFlow } from '../../flow/trainer.js';
import type { Samples } from '../../flow/train-data.js';
import { saveFlow } from '../../flow/weights.js';
import type { MetricDataset } from '../../metric/dataset-file.js';
import type { PlaceSettings } from './settings.js';
import type { StageReporter } from './progress.js';

/** Training and validation rows of a dataset. */
export interface SplitRows {
  train: Samples;
  validation: Samples;
  dropped: number;
}

/** Finite rows inside the dataset box, at most `limit`, split at `fraction` (no shuffling, as mbank). */
export function splitDataset(ds: MetricDataset, limit: number, fraction: number): SplitRows {
  const D = ds.D;
  const lo = ds.attributes.boxLo;
  const hi = ds.attributes.boxHi;
  const keep: number[] = [];
  for (let i = 0; i < ds.n && keep.length < limit; i++) {
    let ok = Number.isFinite(ds.logPdf[i]);
    for (let d = 0; ok && d < D; d++) {
      const v = ds.theta[i * D + d];
      ok = Number.isFinite(v) && (lo.length !== D || (v >= lo[d] && v <= hi[d]));
    }
    if (ok) keep.push(i);
  }
  const nTrain = Math.floor(fraction * keep.length);
  if (nTrain < 1 || keep.length - nTrain < 1) {
    throw new MbankError(`dataset: ${keep.length} usable rows (of ${ds.n}) leave ${nTrain} for training and ${keep.length - nTrain} for validation: need at least 1 each (raise --n-datapoints)`);
  }
  const take = (idx: number[]): Samples => {
    const x = new Float64Array(idx.length * D);
    idx.forEach((i, j) => x.set(ds.theta.subarray(i * D, (i + 1) * D), j * D));
    return { x, n: idx.length, dim: D, logPdf: Float64Array.from(idx, (i) => ds.logPdf[i]) };
  };
  return { train: take(keep.slice(0, nTrain)), validation: take(keep.slice(nTrain)), dropped: ds.n - keep.length };
}

/** The settings a flow depends on (stored in its file; a run reuses a flow only if they are equal). */
export function flowSettingsKey(s: PlaceSettings): string {
  return JSON.stringify({
    variableFormat: s.format.name, ranges: s.ranges, psd: s.metric.psd, asd: s.metric.asd, approximant: s.metric.approximant,
    fMin: s.metric.fMinHz, fMax: s.metric.fMaxHz, df: s.metric.df, order: s.metric.order, step: s.metric.step,
    metricGrid: s.metric.metricGrid, metricType: s.metricType, seed: s.seed, chunkSize: s.chunkSize, nDatapoints: s.nDatapoints, train: s.train,
  });
}

/** Outcome of the training stage. */
export interface TrainStage {
  flow: STDFlow;
  history: TrainingHistory;
  validation: Samples;
}

/** Train a flow on `ds` and save it at `flowPath` (atomically), with metadata; see module comment. */
export async function runTrainStage(
  s: PlaceSettings, ds: MetricDataset, datasetPath: string, flowPath: string, backend: string, progress: StageReporter, signal: AbortSignal,
): Promise<TrainStage> {
  const t = s.train;
  const rows = splitDataset(ds, s.nDatapoints, t.trainFraction);
  const eps = 0.01;
  const low = ds.attributes.boxLo.map((l, d) => l - eps * (ds.attributes.boxHi[d] - l));
  const high = ds.attributes.boxHi.map((h, d) => h + eps * (h - ds.attributes.boxLo[d]));
  const flow = new STDFlow({ dim: ds.D, nLayers: t.nLayers, hiddenFeatures: t.hiddenFeatures.length === 1 ? t.hiddenFeatures[0] : t.hiddenFeatures, box: { low, high }, seed: s.seed });
  // the checkpoint holds for the same settings and the same rows (a continued dataset changes them)
  const ckptPath = `${flowPath}.checkpoint.json`;
  const settings = JSON.stringify({ place: flowSettingsKey(s), rows: ds.n, nTrain: rows.train.n, backend });
  const resume = existsSync(ckptPath) ? checkpointFromJson(readFileSync(ckptPath, 'utf8'), settings, ckptPath) : undefined;
  if (resume) progress.log(`place: resuming the flow training from the checkpoint of step ${resume.step} (${ckptPath})`);
  progress.start('train', t.nEpochs, 'steps');
  const show = (v: number) => (Number.isFinite(v) ? v.toPrecision(4) : String(v));
  let history: TrainingHistory;
  try {
    history = await trainFlow(flow, {
      loss: t.loss, train: rows.train, validation: rows.validation, steps: t.nEpochs, batchSize: Math.min(t.batchSize, rows.train.n),
      learningRate: t.learningRate, validationStep: t.validationStep, patience: t.patience, minDelta: t.minDelta, seed: s.seed, signal,
      onProgress: (p) => progress.update(p.step + 1, p.steps, `loss ${show(p.trainLoss)} val ${show(p.validationLoss)}`),
      resume, onCheckpoint: (c) => writeFileAtomic(ckptPath, checkpointToJson(c, settings)),
    });
  } finally {
    progress.stop();
  }
  if (history.stopReason !== 'aborted') removeQuietly(ckptPath);
  saveFlow(flow, flowPath, {
    history: historyToJSON(history),
    training: {
      datasets: [relative(dirname(flowPath), datasetPath) || basename(datasetPath)], loss: t.loss, nTrain: rows.train.n, nValidation: rows.validation.n,
      learningRate: t.learningRate, batchSize: t.batchSize, nEpochs: t.nEpochs, validationStep: t.validationStep, patience: t.patience,
      minDelta: t.minDelta, seed: s.seed, backend, trainFraction: t.trainFraction,
    },
    variableFormat: s.format.name,
    coordinates: [...s.format.names],
    place_settings: flowSettingsKey(s),
    complete: history.stopReason === 'aborted' ? 'false' : 'true',
  });
  return { flow, history, validation: rows.validation };
}
