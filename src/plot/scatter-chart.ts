/**
 * 2-D scatter plots on Chart.js: one or more point sets, optionally coloured by a value with a
 * viridis colour bar (e.g. injections coloured by fitting factor), optional y = x line (predicted vs
 * true log-pdf). Chart.js has no colour bar: a small plugin draws ours right of the plot area.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { ChartDataset, Plugin } from 'chart.js';
import { points, renderChart, type ChartRender } from './chartjs.js';
import { seriesColor, viridisCss, withAlpha } from './colors.js';
import { DEFAULT_THEME, savePng, type XYChartOptions } from './figure.js';
import { colorPosition, drawColorbar, rightAxisWidth } from './layout.js';
import { extent, finiteValues, paddedDomain, Scale } from './scale.js';

/** One set of points. */
export interface ScatterSet {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  label?: string;
  color?: string;
  /** Point radius [px] (default 3, or 2 above 2000 points). */
  radius?: number;
  alpha?: number;
}

/** Colour points by a value (applies to the first set). */
export interface ColorBy {
  values: ArrayLike<number>;
  label?: string;
  log?: boolean;
  /** Colour range (default: the finite values). */
  range?: [number, number];
  /** Which points are drawn last (on top): 'high' (default) or 'low' values. */
  onTop?: 'high' | 'low';
}

/** Options of `scatterChart`. */
export interface ScatterChartOptions extends XYChartOptions {
  colorBy?: ColorBy;
  /** Draw y = x (true, or with a legend label). */
  diagonal?: boolean | { label?: string; color?: string };
}

/** A rendered scatter chart; `colorbar` is the bar's box [px] when the points are coloured by value. */
export interface ScatterRender extends ChartRender {
  colorbar?: { left: number; top: number; right: number; bottom: number };
}

const BAR_WIDTH = 18;
const BAR_GAP = 24;

/** Render a scatter plot (default 800 x 600) and report its layout. Points with a non-finite coordinate are skipped. */
export function renderScatterChart(data: ScatterSet | readonly ScatterSet[], options: ScatterChartOptions = {}): ScatterRender {
  const sets = Array.isArray(data) ? (data as readonly ScatterSet[]) : [data as ScatterSet];
  const { width = 800, height = 600 } = options;
  const cb = options.colorBy;
  const cType = cb?.log ? 'log' : 'linear';
  const cExt = cb === undefined ? undefined : cb.range ?? extent(finiteValues([cb.values], cType));
  const cScale = new Scale(cType, cExt !== undefined && cExt[1] > cExt[0] ? cExt : paddedDomain(cExt ?? [], cType), [0, 1]);
  const datasets: ChartDataset<'line'>[] = sets.map((s, i) => {
    const n = Math.min(s.x.length, s.y.length);
    const radius = s.radius ?? (n > 2000 ? 2 : 3);
    const common = { label: s.label, showLine: false, pointRadius: radius, pointBorderWidth: 0, borderWidth: 0, parsing: { xAxisKey: 'x', yAxisKey: 'y' } };
    const xy = points(s.x, s.y, options.logX, options.logY);
    if (i === 0 && cb !== undefined) {
      // drawn in value order so the chosen end of the colour range lies on top
      const key = (k: number) => (Number.isFinite(cb.values[k]) ? cb.values[k] : -Infinity);
      const order = Array.from({ length: n }, (_, k) => k)
        .filter((k) => !Number.isNaN(colorPosition(cScale, cb.values[k])))
        .sort((a, b) => (cb.onTop === 'low' ? key(b) - key(a) : key(a) - key(b)));
      const colors = order.map((k) => viridisCss(colorPosition(cScale, cb.values[k]), s.alpha ?? 0.9));
      return { ...common, label: undefined, data: order.map((k) => xy[k]), pointBackgroundColor: colors, backgroundColor: colors[colors.length - 1] };
    }
    const color = withAlpha(s.color ?? seriesColor(i), s.alpha ?? (n > 2000 ? 0.5 : 0.8));
    return { ...common, data: xy, pointBackgroundColor: color, backgroundColor: color, borderColor: color };
  });
  if (options.diagonal) {
    const d = typeof options.diagonal === 'object' ? options.diagonal : {};
    const color = d.color ?? '#444444';
    const ends = extent([...finiteValues(sets.map((s) => s.x), options.logX ? 'log' : 'linear'), ...finiteValues(sets.map((s) => s.y), options.logY ? 'log' : 'linear')]);
    if (ends !== undefined) datasets.push({ label: d.label, data: [{ x: ends[0], y: ends[0] }, { x: ends[1], y: ends[1] }], borderColor: color,
      backgroundColor: color, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 });
  }
  const theme = DEFAULT_THEME;
  let bar: ScatterRender['colorbar'];
  const plugins: Plugin[] = [];
  let padRight: number | undefined;
  if (cb !== undefined) {
    const measure = createCanvas(1, 1).getContext('2d');
    padRight = BAR_GAP + rightAxisWidth(measure, cScale, height * 0.8, theme, cb.label, BAR_WIDTH);
    plugins.push({
      id: 'mbankColorbar',
      afterDraw: (c) => {
        const a = c.chartArea;
        bar = { left: a.right + BAR_GAP, top: a.top, right: a.right + BAR_GAP + BAR_WIDTH, bottom: a.bottom };
        drawColorbar(c.ctx as unknown as SKRSContext2D, { x: bar.left, y: bar.top, w: BAR_WIDTH, h: bar.bottom - bar.top }, cScale, cb.label, theme);
      },
    });
  }
  // a 4% margin keeps edge points whole (Chart.js may round further out to ticks)
  const xType = options.logX ? 'log' : 'linear';
  const yType = options.logY ? 'log' : 'linear';
  let xPad = paddedDomain(finiteValues(sets.map((s) => s.x), xType), xType);
  let yPad = paddedDomain(finiteValues(sets.map((s) => s.y), yType), yType);
  if (options.diagonal && xType === yType) xPad = yPad = [Math.min(xPad[0], yPad[0]), Math.max(xPad[1], yPad[1])];
  const r = renderChart({
    width, height, title: options.title, legend: options.legend ?? 'upper left', datasets, padRight, plugins,
    axes: {
      x: { type: xType, label: options.xLabel, range: options.xRange, suggested: xPad, position: 'bottom' },
      y: { type: yType, label: options.yLabel, range: options.yRange, suggested: yPad, position: 'left' },
    },
  });
  return bar === undefined ? r : { ...r, colorbar: bar };
}

/** Render a scatter plot as PNG (default 800 x 600); see {@link renderScatterChart}. */
export function scatterChart(data: ScatterSet | readonly ScatterSet[], options: ScatterChartOptions = {}): Buffer {
  return renderScatterChart(data, options).png;
}

/** `scatterChart` written to a .png file atomically. */
export function saveScatterChart(path: string, data: ScatterSet | readonly ScatterSet[], options: ScatterChartOptions = {}): void {
  savePng(path, scatterChart(data, options));
}
