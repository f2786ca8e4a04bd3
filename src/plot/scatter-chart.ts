/**
 * 2-D scatter plots: one or more point sets, optionally coloured by a value with a viridis colorbar
 * (e.g. injections coloured by fitting factor), optional y = x line (predicted vs true log-pdf).
 */
import { Axes, type LegendEntry } from './axes.js';
import { seriesColor, viridisCss } from './colors.js';
import { createFigure, DEFAULT_THEME, savePng, toPng, type XYChartOptions } from './figure.js';
import { colorPosition, drawColorbar, drawTitle, panelRect, rightAxisWidth } from './layout.js';
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

/** Render a scatter plot as PNG (default 800 x 600). Points with a non-finite coordinate are skipped. */
export function scatterChart(data: ScatterSet | readonly ScatterSet[], options: ScatterChartOptions = {}): Buffer {
  const sets = Array.isArray(data) ? (data as readonly ScatterSet[]) : [data as ScatterSet];
  const { width = 800, height = 600 } = options;
  const fig = createFigure(width, height);
  const theme = DEFAULT_THEME;
  const xType = options.logX ? 'log' : 'linear';
  const yType = options.logY ? 'log' : 'linear';
  let xDomain = options.xRange ?? paddedDomain(finiteValues(sets.map((s) => s.x), xType), xType);
  let yDomain = options.yRange ?? paddedDomain(finiteValues(sets.map((s) => s.y), yType), yType);
  if (options.diagonal && options.xRange === undefined && options.yRange === undefined && xType === yType) {
    xDomain = yDomain = [Math.min(xDomain[0], yDomain[0]), Math.max(xDomain[1], yDomain[1])];
  }
  const xScale = new Scale(xType, xDomain, [0, 1]);
  const yScale = new Scale(yType, yDomain, [0, 1]);
  const cb = options.colorBy;
  const cType = cb?.log ? 'log' : 'linear';
  const cExt = cb === undefined ? undefined : cb.range ?? extent(finiteValues([cb.values], cType));
  const cScale = new Scale(cType, cExt !== undefined && cExt[1] > cExt[0] ? cExt : paddedDomain(cExt ?? [], cType), [0, 1]);
  const barW = 18;
  const rightWidth = cb !== undefined ? 24 + rightAxisWidth(fig.ctx, cScale, height * 0.8, theme, cb.label, barW) : 28;
  const rect = panelRect(fig.ctx, width, height, theme, { title: options.title, xLabel: options.xLabel, yLabel: options.yLabel, yScale, rightWidth });
  const ax = new Axes(fig.ctx, rect, xScale, yScale, theme);
  ax.grid();
  const legend: LegendEntry[] = [];
  sets.forEach((s, i) => {
    const n = Math.min(s.x.length, s.y.length);
    const radius = s.radius ?? (n > 2000 ? 2 : 3);
    if (i === 0 && cb !== undefined) {
      const colors = Array.from({ length: n }, (_, k) => {
        const t = colorPosition(cScale, cb.values[k]);
        return Number.isNaN(t) ? '' : viridisCss(t);
      });
      const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => {
        const va = Number.isFinite(cb.values[a]) ? cb.values[a] : -Infinity;
        const vb = Number.isFinite(cb.values[b]) ? cb.values[b] : -Infinity;
        return cb.onTop === 'low' ? vb - va : va - vb;
      });
      ax.points(s.x, s.y, { colors, radius, alpha: s.alpha ?? 0.9, order });
    } else {
      const color = s.color ?? seriesColor(i);
      ax.points(s.x, s.y, { color, radius, alpha: s.alpha ?? (n > 2000 ? 0.5 : 0.8) });
      if (s.label) legend.push({ label: s.label, color, kind: 'point' });
    }
  });
  if (options.diagonal) {
    const d = typeof options.diagonal === 'object' ? options.diagonal : {};
    const color = d.color ?? '#444444';
    ax.diagonal({ color, dash: [6, 4], width: 1.5 });
    if (d.label) legend.push({ label: d.label, color, kind: 'line', dash: [6, 4] });
  }
  ax.frame();
  ax.xAxis(options.xLabel);
  ax.yAxis(options.yLabel);
  ax.legend(legend, options.legend ?? 'upper left');
  if (cb !== undefined) drawColorbar(fig.ctx, { x: rect.x + rect.w + 24, y: rect.y, w: barW, h: rect.h }, cScale, cb.label, theme);
  drawTitle(fig.ctx, rect, options.title, theme);
  return toPng(fig);
}

/** `scatterChart` written to a .png file atomically. */
export function saveScatterChart(path: string, data: ScatterSet | readonly ScatterSet[], options: ScatterChartOptions = {}): void {
  savePng(path, scatterChart(data, options));
}
