/**
 * Figures of `mbank-ts train --plot` (mbank bin/mbank_train_flow): loss curves, flow samples
 * against the data (corner layout), and the flow's log-pdf against the dataset's on the
 * validation set. Returns the files written.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { STDFlow } from '../flow/std-flow.js';
import type { TrainingHistory } from '../flow/history.js';
import { logProbChunked } from '../flow/train-data.js';
import type { Samples } from '../flow/train-data.js';
import { saveCornerPlot } from '../plot/corner.js';
import { saveHistogramChart } from '../plot/histogramChart.js';
import { saveLineChart } from '../plot/lineChart.js';
import { saveScatterChart } from '../plot/scatterChart.js';

/** What the plots need. */
export interface TrainPlotInput {
  dir: string;
  flow: STDFlow;
  history: TrainingHistory;
  validation: Samples;
  names: string[];
  seed: number;
  /** Rows at most used from the validation set and drawn from the flow. */
  maxPoints?: number;
}

function every<T extends Float32Array | Float64Array>(a: T, dim: number, m: number): T {
  const n = a.length / dim;
  if (n <= m) return a;
  const stride = n / m;
  const out = new (a.constructor as new (k: number) => T)(m * dim);
  for (let i = 0; i < m; i++) out.set(a.subarray(Math.floor(i * stride) * dim, (Math.floor(i * stride) + 1) * dim), i * dim);
  return out;
}

/** Write loss.png, flow_samples.png, flow_accuracy.png and logpdf_validation.png into `dir`. */
export function writeTrainPlots(p: TrainPlotInput): string[] {
  mkdirSync(p.dir, { recursive: true });
  const files: string[] = [];
  const h = p.history;
  const m = p.maxPoints ?? 10000;
  const allPositive = [...h.trainLoss, ...h.validationLoss].every((v) => !Number.isFinite(v) || v > 0);
  const loss = join(p.dir, 'loss.png');
  saveLineChart(
    loss,
    [
      { x: h.trainLoss.map((_, i) => i), y: h.trainLoss, label: 'train', width: 1 },
      { x: h.validationSteps, y: h.validationLoss, label: 'validation' },
    ],
    {
      title: `${h.loss} loss`, xLabel: 'step', yLabel: 'loss', logY: allPositive,
      right: { series: [{ x: h.learningRate.map((_, i) => i), y: h.learningRate, label: 'learning rate' }], label: 'learning rate', logY: true },
    },
  );
  files.push(loss);

  const dim = p.flow.dim;
  const data = every(p.validation.x, dim, m);
  const { x: samples } = p.flow.sampleWithinBox(Math.min(m, data.length / dim), { seed: p.seed });
  const corner = join(p.dir, 'flow_samples.png');
  saveCornerPlot(corner, [{ samples: data, label: 'validation data' }, { samples, label: 'flow' }], { names: p.names, title: 'flow samples vs data' });
  files.push(corner);

  if (p.validation.logPdf) {
    const n = Math.min(m, p.validation.n);
    const x = every(p.validation.x, dim, n);
    const l = every(p.validation.logPdf, 1, n);
    const logq = logProbChunked(p.flow, x, l.length, 16384);
    const c = p.flow.constant.dataSync()[0];
    const pred = Float64Array.from(logq, (q) => q + c);
    const resid = Float64Array.from(pred, (v, i) => (v - l[i]) / Math.LN10);
    const acc = join(p.dir, 'flow_accuracy.png');
    saveHistogramChart(acc, { values: resid, label: 'validation' }, {
      title: 'flow accuracy', xLabel: 'log10 p_flow + C/ln10 - log10 p_true', yLabel: 'points', bins: 50,
      lines: [{ x: 0, color: '#000000', dash: [4, 4] }],
    });
    files.push(acc);
    const sc = join(p.dir, 'logpdf_validation.png');
    saveScatterChart(sc, { x: l, y: pred, label: 'validation' }, {
      title: 'predicted vs true log-pdf', xLabel: 'true log pdf', yLabel: 'log q + C', diagonal: { label: 'y = x' },
    });
    files.push(sc);
  }
  return files;
}
