/**
 * 1-D histograms of one or more datasets on shared bins (e.g. fitting factors of injections), with
 * optional cumulative/density normalisation, log y, and labelled vertical reference lines (e.g. the
 * minimal match).
 */
import { Axes, type LegendEntry, type LegendPosition } from './axes.js';
import { binEdges, histogram } from './binning.js';
import { seriesColor } from './colors.js';
import { createFigure, DEFAULT_THEME, savePng, toPng } from './figure.js';
import { drawTitle, panelRect } from './layout.js';
import { extent, finiteValues, paddedDomain, Scale } from './scale.js';

/** One dataset to histogram. */
export interface HistogramDataset {
  values: ArrayLike<number>;
  weights?: ArrayLike<number>;
  label?: string;
  color?: string;
}

/** A vertical reference line. */
export interface ReferenceLine {
  x: number;
  label?: string;
  color?: string;
  dash?: number[];
}

/** Options of `histogramChart`. */
export interface HistogramChartOptions {
  width?: number;
  height?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Number of bins (default 30) or explicit edges, shared by all datasets. */
  bins?: number | ArrayLike<number>;
  /** Range of the bins (default: all finite values). */
  range?: [number, number];
  /** Log-spaced bins and a log x axis. */
  logX?: boolean;
  logY?: boolean;
  density?: boolean;
  cumulative?: boolean;
  /** Fill the bars (default true) besides the step outline. */
  fill?: boolean;
  lines?: ReferenceLine[];
  legend?: LegendPosition;
}

/** Render histograms as PNG (default 800 x 600). Non-finite values are skipped. */
export function histogramChart(data: HistogramDataset | readonly HistogramDataset[], options: HistogramChartOptions = {}): Buffer {
  const datasets = Array.isArray(data) ? (data as readonly HistogramDataset[]) : [data as HistogramDataset];
  const { width = 800, height = 600 } = options;
  const xType = options.logX ? 'log' : 'linear';
  let edges: Float64Array;
  if (options.bins !== undefined && typeof options.bins !== 'number') {
    edges = Float64Array.from(options.bins);
  } else {
    const ext = extent(finiteValues(datasets.map((d) => d.values), xType)) ?? (xType === 'log' ? [1, 10] : [0, 1]);
    let lo = options.range?.[0] ?? ext[0];
    let hi = options.range?.[1] ?? ext[1];
    if (!(hi > lo)) { lo = xType === 'log' ? lo / 2 : lo - 0.5; hi = xType === 'log' ? hi * 2 : hi + 0.5; }
    edges = binEdges(lo, hi, options.bins ?? 30, xType === 'log');
  }
  const hists = datasets.map((d) => histogram(d.values, {
    bins: edges, weights: d.weights, density: options.density, cumulative: options.cumulative, logBins: xType === 'log',
  }));
  const fig = createFigure(width, height);
  const theme = DEFAULT_THEME;
  const yType = options.logY ? 'log' : 'linear';
  const counts = hists.flatMap((h) => Array.from(h.counts));
  let yDomain: [number, number];
  if (yType === 'log') {
    const pos = extent(counts.filter((c) => c > 0));
    yDomain = pos !== undefined ? [pos[0] / 2, pos[1] * 2] : [0.5, 10];
  } else {
    const top = extent(counts)?.[1] ?? 1;
    yDomain = [0, top > 0 ? top * 1.08 : 1];
  }
  const xLines = (options.lines ?? []).map((l) => l.x);
  const xDomain = paddedDomain([edges[0], edges[edges.length - 1], ...xLines], xType, 0.02);
  const xScale = new Scale(xType, xDomain, [0, 1]);
  const yScale = new Scale(yType, yDomain, [0, 1]);
  const yLabel = options.yLabel ?? (options.cumulative ? (options.density ? 'cumulative fraction' : 'cumulative count') : options.density ? 'density' : 'count');
  const rect = panelRect(fig.ctx, width, height, theme, { title: options.title, xLabel: options.xLabel, yLabel, yScale });
  const ax = new Axes(fig.ctx, rect, xScale, yScale, theme);
  ax.grid();
  const legend: LegendEntry[] = [];
  hists.forEach((h, i) => {
    const color = datasets[i].color ?? seriesColor(i);
    ax.bars(h.edges, h.counts, { color, fillAlpha: options.fill === false ? 0 : datasets.length > 1 ? 0.25 : 0.35 });
    if (datasets[i].label) legend.push({ label: datasets[i].label!, color, kind: 'patch' });
  });
  (options.lines ?? []).forEach((l) => {
    const color = l.color ?? '#d62728';
    const dash = l.dash ?? [7, 4];
    ax.vline(l.x, { color, dash, width: 2 });
    if (l.label) legend.push({ label: l.label, color, kind: 'line', dash });
  });
  ax.frame();
  ax.xAxis(options.xLabel);
  ax.yAxis(yLabel);
  ax.legend(legend, options.legend ?? 'upper left');
  drawTitle(fig.ctx, rect, options.title, theme);
  return toPng(fig);
}

/** `histogramChart` written to a .png file atomically. */
export function saveHistogramChart(path: string, data: HistogramDataset | readonly HistogramDataset[], options: HistogramChartOptions = {}): void {
  savePng(path, histogramChart(data, options));
}
