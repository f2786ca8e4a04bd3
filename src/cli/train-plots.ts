/**
 * Figures of `mbank-ts train --plot` (mbank bin/mbank_train_flow): loss curves, the loss per step
 * with its running spread, flow samples against the data (corner layout), the flow's log-pdf
 * against the dataset's on the validation set, and for 2D flows the learned density next to the
 * target on a grid. `train-from-metric --plot` writes the spread and 2D figures. Returns the files written.
 */
import { makeDirectory } from '../core/atomic-write.js';
import { join } from 'node:path';
import type { STDFlow } from '../flow/std-flow.js';
import type { TrainingHistory } from '../flow/history.js';
import { logProbChunked } from '../flow/train-data.js';
import type { Samples } from '../flow/train-data.js';
import { saveBandChart } from '../plot/band-chart.js';
import { saveCornerPlot } from '../plot/corner.js';
import { binMean, gridPoints, saveHeatmaps, type HeatmapGrid } from '../plot/heatmap.js';
import { saveHistogramChart } from '../plot/histogram-chart.js';
import { saveLineChart } from '../plot/line-chart.js';
import { saveScatterChart } from '../plot/scatter-chart.js';

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
  /** 2D flows: the points whose log-pdf (or, without one, whose histogram) is the target panel; default `validation`. */
  target?: Samples;
}

/** The flow's box, or the range of the points. */
function plotBox(flow: STDFlow, pts: Samples): { low: number[]; high: number[] } {
  const b = flow.box();
  if (b) return { low: Array.from(b.low), high: Array.from(b.high) };
  const low = [Infinity, Infinity];
  const high = [-Infinity, -Infinity];
  for (let i = 0; i < pts.n; i++) {
    for (let d = 0; d < 2; d++) {
      low[d] = Math.min(low[d], pts.x[2 * i + d]);
      high[d] = Math.max(high[d], pts.x[2 * i + d]);
    }
  }
  return { low, high };
}

/**
 * 2D only: the learned density next to the target on a 40 x 40 grid over the flow's box, one colour
 * scale. With a log-pdf l on the target points: exp(log q + C) against the per-cell mean of exp(l)
 * (the same units when C is trained, ll_mse); `normalise` (forward KL, no C) or without a log-pdf
 * (the target is then the histogram of the points): each panel divided by its maximum.
 */
export function writeDensityPair(path: string, flow: STDFlow, target: Samples, names: readonly string[], normalise: boolean, title = 'learned vs target density'): void {
  const box = plotBox(flow, target);
  const grid: HeatmapGrid = { x: [box.low[0], box.high[0]], y: [box.low[1], box.high[1]], nx: 40, ny: 40 };
  const centres = gridPoints(grid);
  const c = normalise || !target.logPdf ? 0 : flow.constant.dataSync()[0];
  const learned = Float64Array.from(logProbChunked(flow, centres, centres.length / 2, 16384), (v) => Math.exp(v + c));
  let tv: Float64Array;
  if (target.logPdf) {
    // target density at the points, averaged per cell (the points need not be drawn from it)
    const l = Float64Array.from(target.logPdf);
    const shift = normalise ? Math.max(...l.filter((v) => Number.isFinite(v))) : 0;
    tv = binMean(target.x, l.map((v) => Math.exp(v - shift)), grid);
  } else {
    const count = new Float64Array(grid.nx * grid.ny);
    for (let i = 0; i < target.n; i++) {
      const a = Math.floor(((target.x[2 * i] - grid.x[0]) / (grid.x[1] - grid.x[0])) * grid.nx);
      const b = Math.floor(((target.x[2 * i + 1] - grid.y[0]) / (grid.y[1] - grid.y[0])) * grid.ny);
      if (a >= 0 && a < grid.nx && b >= 0 && b < grid.ny) count[b * grid.nx + a] += 1;
    }
    tv = count;
  }
  const scaled = (v: Float64Array) => {
    if (!normalise && target.logPdf) return v;
    const m = Math.max(...v.filter((x) => Number.isFinite(x)));
    return v.map((x) => x / m);
  };
  saveHeatmaps(path, [{ title: 'flow', values: scaled(learned) }, { title: target.logPdf ? 'target (mean per cell)' : 'target (histogram)', values: scaled(tv) }], grid, {
    title, xLabel: names[0], yLabel: names[1], colorLabel: normalise || !target.logPdf ? 'density / max' : 'exp(log-pdf)',
  });
}

/** The loss of every step with its running mean, +-1 std and min-max band; `markers`: e.g. round starts. */
export function writeLossSpread(path: string, loss: readonly number[], o: { title: string; validation?: { x: readonly number[]; y: readonly number[] }; markers?: readonly number[] }): void {
  const positive = [...loss, ...(o.validation?.y ?? [])].every((v) => !Number.isFinite(v) || v > 0);
  saveBandChart(path, [{ y: loss, label: 'train' }], o.validation ? [{ x: o.validation.x, y: o.validation.y, label: 'validation' }] : [], {
    title: o.title, xLabel: 'step', yLabel: 'loss', logY: positive, markers: o.markers,
  });
}

function every<T extends Float32Array | Float64Array>(a: T, dim: number, m: number): T {
  const n = a.length / dim;
  if (n <= m) return a;
  const stride = n / m;
  const out = new (a.constructor as new (k: number) => T)(m * dim);
  for (let i = 0; i < m; i++) out.set(a.subarray(Math.floor(i * stride) * dim, (Math.floor(i * stride) + 1) * dim), i * dim);
  return out;
}

/** Write loss.png, loss_spread.png, flow_samples.png, flow_accuracy.png, logpdf_validation.png (and density_2d.png for 2D flows) into `dir`. */
export function writeTrainPlots(p: TrainPlotInput): string[] {
  makeDirectory(p.dir);
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
  const spread = join(p.dir, 'loss_spread.png');
  writeLossSpread(spread, h.trainLoss, { title: `${h.loss} loss per step`, validation: { x: h.validationSteps, y: h.validationLoss } });
  files.push(spread);
  if (p.flow.dim === 2) {
    const dens = join(p.dir, 'density_2d.png');
    const target = p.target ?? p.validation;
    writeDensityPair(dens, p.flow, target, p.names, h.loss === 'forward_KL');
    files.push(dens);
  }

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
