/**
 * Stage 1 of `place` without a flow: the metric dataset (src/metric generateDataset: chirp-time-flat
 * points, metric and logPdf = 0.5 ln det M at each) on the worker pool, continued when the file
 * exists with the same settings, with its plain-text export next to it.
 */
import { existsSync } from 'node:fs';
import { generateDataset, type GenerateDatasetResult } from '../../metric/dataset.js';
import { writeDatasetText, type MetricDataset } from '../../metric/dataset-file.js';
import type { PlaceSettings } from './settings.js';
import type { StageReporter } from './progress.js';

/** Outcome of the dataset stage. */
export interface DatasetStage {
  dataset: MetricDataset;
  /** Rows already in the file before this run. */
  resumedFrom: number;
  interrupted: boolean;
  result: GenerateDatasetResult;
}

/** Generate (or continue, or just read) the dataset at `path`; writes the text export to `textPath`. */
export async function runDatasetStage(
  s: PlaceSettings, path: string, textPath: string, progress: StageReporter, signal: AbortSignal,
): Promise<DatasetStage> {
  const t0 = Date.now();
  progress.start('dataset', s.nDatapoints, 'rows');
  let result: GenerateDatasetResult;
  try {
    result = await generateDataset({
      path, nPoints: s.nDatapoints, workers: s.workers, signal, flushSeconds: 30,
      spec: { metric: s.metric, metricType: s.metricType, ranges: s.ranges, seed: s.seed, chunkSize: s.chunkSize },
      onProgress: (done, total) => progress.update(done, total, `${(done / Math.max(1e-3, (Date.now() - t0) / 1000)).toFixed(1)} rows/s`),
    });
  } finally {
    progress.stop();
  }
  if (!existsSync(textPath) || result.resumedFrom < result.dataset.n) writeDatasetText(textPath, result.dataset);
  return { dataset: result.dataset, resumedFrom: result.resumedFrom, interrupted: result.interrupted, result };
}
