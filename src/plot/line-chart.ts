/**
 * Line charts: several series against a shared x axis, optional log axes and an optional secondary
 * right-hand y axis (e.g. training and validation loss on the left, learning rate on the right).
 */
import { Axes, type LegendEntry, type LegendPosition } from './axes.js';
import { seriesColor } from './colors.js';
import { createFigure, DEFAULT_THEME, savePng, toPng } from './figure.js';
import { drawTitle, panelRect, rightAxisWidth } from './layout.js';
import { finiteValues, paddedDomain, Scale } from './scale.js';

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
export interface LineChartOptions {
  width?: number;
  height?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  logX?: boolean;
  logY?: boolean;
  xRange?: [number, number];
  yRange?: [number, number];
  legend?: LegendPosition;
  /** Series on a secondary right-hand y axis, with their own label and scale. */
  right?: { series: LineSeries[]; label?: string; logY?: boolean; range?: [number, number] };
}

function xsOf(s: LineSeries): ArrayLike<number> {
  return s.x ?? Float64Array.from({ length: s.y.length }, (_, i) => i);
}

/** Render a line chart as PNG (default 800 x 600). Non-finite points (and <= 0 on log axes) break the line. */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions = {}): Buffer {
  const { width = 800, height = 600 } = options;
  const fig = createFigure(width, height);
  const theme = DEFAULT_THEME;
  const right = options.right?.series ?? [];
  const all = [...series, ...right];
  const xType = options.logX ? 'log' : 'linear';
  const yType = options.logY ? 'log' : 'linear';
  const xScale = new Scale(xType, options.xRange ?? paddedDomain(finiteValues(all.map(xsOf), xType), xType, 0.02), [0, 1]);
  const yScale = new Scale(yType, options.yRange ?? paddedDomain(finiteValues(series.map((s) => s.y), yType), yType), [0, 1]);
  const rType = options.right?.logY ? 'log' : 'linear';
  const rScale = new Scale(rType, options.right?.range ?? paddedDomain(finiteValues(right.map((s) => s.y), rType), rType), [0, 1]);
  const rightWidth = right.length > 0 ? rightAxisWidth(fig.ctx, rScale, height * 0.8, theme, options.right?.label, 0) : 28;
  const rect = panelRect(fig.ctx, width, height, theme, { title: options.title, xLabel: options.xLabel, yLabel: options.yLabel, yScale, rightWidth });
  const ax = new Axes(fig.ctx, rect, xScale, yScale, theme);
  ax.grid();
  const legend: LegendEntry[] = [];
  series.forEach((s, i) => {
    const color = s.color ?? seriesColor(i);
    ax.line(xsOf(s), s.y, { color, dash: s.dash, width: s.width });
    if (s.label) legend.push({ label: s.label, color, kind: 'line', dash: s.dash });
  });
  if (right.length > 0) {
    const rax = new Axes(fig.ctx, rect, xScale, rScale, theme);
    right.forEach((s, i) => {
      const color = s.color ?? seriesColor(series.length + i);
      const dash = s.dash ?? [6, 4];
      rax.line(xsOf(s), s.y, { color, dash, width: s.width });
      if (s.label) legend.push({ label: s.label, color, kind: 'line', dash });
    });
    rax.yAxis(options.right?.label, 'right');
  }
  ax.frame();
  ax.xAxis(options.xLabel);
  ax.yAxis(options.yLabel);
  ax.legend(legend, options.legend ?? 'upper right');
  drawTitle(fig.ctx, rect, options.title, theme);
  return toPng(fig);
}

/** `lineChart` written to a .png file atomically. */
export function saveLineChart(path: string, series: readonly LineSeries[], options: LineChartOptions = {}): void {
  savePng(path, lineChart(series, options));
}
