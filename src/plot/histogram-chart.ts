/**
 * 1-D histograms on Chart.js (a filled step outline per dataset) of one or more datasets on shared bins (e.g. fitting factors of injections), with
 * optional cumulative/density normalisation, log y, and labelled vertical reference lines (e.g. the
 * minimal match).
 */
import type { ChartDataset } from 'chart.js';
import { binEdges, histogram } from './binning.js';
import { points, renderChart, type ChartRender } from './chartjs.js';
import { seriesColor, withAlpha } from './colors.js';
import { savePng } from './figure.js';
import type { LegendPosition } from './legend.js';
import { extent, finiteValues } from './scale.js';

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

/** Render histograms (default 800 x 600) and report the layout. Non-finite values are skipped. */
export function renderHistogramChart(data: HistogramDataset | readonly HistogramDataset[], options: HistogramChartOptions = {}): ChartRender {
  const sets = Array.isArray(data) ? (data as readonly HistogramDataset[]) : [data as HistogramDataset];
  const { width = 800, height = 600 } = options;
  const xType = options.logX ? 'log' : 'linear';
  let edges: Float64Array;
  if (options.bins !== undefined && typeof options.bins !== 'number') {
    edges = Float64Array.from(options.bins);
  } else {
    const ext = extent(finiteValues(sets.map((d) => d.values), xType)) ?? (xType === 'log' ? [1, 10] : [0, 1]);
    let lo = options.range?.[0] ?? ext[0];
    let hi = options.range?.[1] ?? ext[1];
    if (!(hi > lo)) { lo = xType === 'log' ? lo / 2 : lo - 0.5; hi = xType === 'log' ? hi * 2 : hi + 0.5; }
    edges = binEdges(lo, hi, options.bins ?? 30, xType === 'log');
  }
  const hists = sets.map((d) => histogram(d.values, {
    bins: edges, weights: d.weights, density: options.density, cumulative: options.cumulative, logBins: xType === 'log',
  }));
  const yType = options.logY ? 'log' : 'linear';
  const yLabel = options.yLabel ?? (options.cumulative ? (options.density ? 'cumulative fraction' : 'cumulative count') : options.density ? 'density' : 'count');
  const legendOf: ChartDataset<'line'>[] = [];
  const datasets: ChartDataset<'line'>[] = hists.map((h, i) => {
    const color = sets[i].color ?? seriesColor(i);
    // a step outline over the bin edges: each bin's count holds from its left edge to its right edge
    const n = h.counts.length;
    const x = [h.edges[0], ...Array.from(h.edges.subarray(0, n)), h.edges[n], h.edges[n]];
    const y = [0, ...Array.from(h.counts), h.counts[n - 1] ?? 0, 0];
    return {
      label: sets[i].label, data: points(x, y, options.logX, options.logY), stepped: true, borderColor: color, borderWidth: 1.5, pointRadius: 0,
      backgroundColor: withAlpha(color, options.fill === false ? 0 : sets.length > 1 ? 0.25 : 0.35), fill: yType === 'log' ? 'start' : 'origin',
    };
  });
  const lines = (options.lines ?? []).map((l) => ({ x: l.x, color: l.color ?? '#d62728', dash: l.dash ?? [7, 4], width: 2 }));
  (options.lines ?? []).forEach((l, k) => {
    if (l.label) legendOf.push({ label: l.label, data: [], borderColor: lines[k].color, backgroundColor: 'rgba(0,0,0,0)', borderDash: lines[k].dash, borderWidth: 2 });
  });
  const xs = [edges[0], edges[edges.length - 1], ...lines.map((l) => l.x)].filter((v) => Number.isFinite(v) && (xType !== 'log' || v > 0));
  return renderChart({
    width, height, title: options.title, legend: options.legend ?? 'upper left', vlines: lines, datasets: [...datasets, ...legendOf],
    axes: {
      x: { type: xType, label: options.xLabel, suggested: [Math.min(...xs), Math.max(...xs)], position: 'bottom' },
      y: { type: yType, label: yLabel, position: 'left', ...(yType === 'linear' ? { suggested: [0, 1] as [number, number] } : {}) },
    },
  });
}

/** Render histograms as PNG (default 800 x 600); see {@link renderHistogramChart}. */
export function histogramChart(data: HistogramDataset | readonly HistogramDataset[], options: HistogramChartOptions = {}): Buffer {
  return renderHistogramChart(data, options).png;
}

/** `histogramChart` written to a .png file atomically. */
export function saveHistogramChart(path: string, data: HistogramDataset | readonly HistogramDataset[], options: HistogramChartOptions = {}): void {
  savePng(path, histogramChart(data, options));
}
