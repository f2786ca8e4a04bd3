/**
 * Line charts on Chart.js: several series against a shared x axis, optional log axes and an
 * optional secondary right-hand y axis (e.g. training and validation loss on the left, learning
 * rate on the right).
 */
import type { ChartDataset } from 'chart.js';
import { points, renderChart, type ChartRender } from './chartjs.js';
import { seriesColor } from './colors.js';
import { savePng, type XYChartOptions } from './figure.js';
import type { ScaleType } from './scale.js';

/** One line: y against x (x defaults to 0, 1, ..., n - 1). */
export interface LineSeries {
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
  label?: string;
  /** CSS colour (default: the tab10 cycle). */
  color?: string;
  dash?: number[];
  width?: number;
}

/** Options of `lineChart`. */
export interface LineChartOptions extends XYChartOptions {
  /** Series on a secondary right-hand y axis, with their own label and scale. */
  right?: { series: LineSeries[]; label?: string; logY?: boolean; range?: [number, number] };
}

function xsOf(s: LineSeries): ArrayLike<number> {
  return s.x ?? Float64Array.from({ length: s.y.length }, (_, i) => i);
}

/** Render a line chart (default 800 x 600) and report its layout. Non-finite points (and <= 0 on log axes) break the line. */
export function renderLineChart(series: readonly LineSeries[], options: LineChartOptions = {}): ChartRender {
  const { width = 800, height = 600 } = options;
  const right = options.right?.series ?? [];
  const xType: ScaleType = options.logX ? 'log' : 'linear';
  const yType: ScaleType = options.logY ? 'log' : 'linear';
  const rType: ScaleType = options.right?.logY ? 'log' : 'linear';
  const dataset = (s: LineSeries, color: string, axis: string, dash?: number[]): ChartDataset<'line'> => ({
    label: s.label, data: points(xsOf(s), s.y, options.logX, axis === 'y2' ? options.right?.logY : options.logY), yAxisID: axis,
    borderColor: color, backgroundColor: color, borderDash: dash, borderWidth: s.width ?? 2, pointRadius: 0, spanGaps: false,
  });
  const datasets = [
    ...series.map((s, i) => dataset(s, s.color ?? seriesColor(i), 'y', s.dash)),
    ...right.map((s, i) => dataset(s, s.color ?? seriesColor(series.length + i), 'y2', s.dash ?? [6, 4])),
  ];
  const axes = {
    x: { type: xType, label: options.xLabel, range: options.xRange, position: 'bottom' as const },
    y: { type: yType, label: options.yLabel, range: options.yRange, position: 'left' as const },
    ...(right.length > 0 ? { y2: { type: rType, label: options.right?.label, range: options.right?.range, position: 'right' as const, grid: false } } : {}),
  };
  return renderChart({ width, height, title: options.title, axes, datasets, legend: options.legend ?? 'upper right' });
}

/** Render a line chart as PNG (default 800 x 600); see {@link renderLineChart}. */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions = {}): Buffer {
  return renderLineChart(series, options).png;
}

/** `lineChart` written to a .png file atomically. */
export function saveLineChart(path: string, series: readonly LineSeries[], options: LineChartOptions = {}): void {
  savePng(path, lineChart(series, options));
}
