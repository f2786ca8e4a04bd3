/**
 * Heatmaps of 2-D densities on a regular grid, several panels side by side on one shared viridis
 * colour scale with one colorbar (e.g. a learned density next to its target, as in the zuko and
 * PyMC flow tutorials). Cells without a value (NaN) are light grey. Plus the two grid helpers the
 * callers need: the cell centres to evaluate a density at, and the per-cell mean of scattered values.
 */
import { Axes, type Rect } from './axes.js';
import { viridisCss } from './colors.js';
import { createFigure, DEFAULT_THEME, font, savePng, toPng } from './figure.js';
import { drawColorbar, drawTitle, rightAxisWidth, colorPosition, widestTickLabel } from './layout.js';
import { Scale } from './scale.js';
import { invalid } from '../core/errors.js';

/** A regular nx x ny grid of cells over [x0, x1] x [y0, y1]; cell k = j nx + i (i along x, j along y, from the bottom). */
export interface HeatmapGrid {
  x: readonly [number, number];
  y: readonly [number, number];
  nx: number;
  ny: number;
}

function checkGrid(g: HeatmapGrid): void {
  for (const [name, n] of [['nx', g.nx], ['ny', g.ny]] as const) if (!Number.isInteger(n) || n < 1 || n > 2000) invalid(`grid ${name}`, n, 'must be an integer in [1, 2000]');
  for (const [name, r] of [['x', g.x], ['y', g.y]] as const) if (!(Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[1] > r[0])) invalid(`grid ${name} range`, r, 'must be two finite numbers, low < high');
}

/** Cell centres as nx ny row-major (x, y) points, in the cell order of {@link HeatmapGrid}. */
export function gridPoints(g: HeatmapGrid): Float64Array {
  checkGrid(g);
  const out = new Float64Array(2 * g.nx * g.ny);
  for (let j = 0; j < g.ny; j++) {
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      out[2 * k] = g.x[0] + ((i + 0.5) * (g.x[1] - g.x[0])) / g.nx;
      out[2 * k + 1] = g.y[0] + ((j + 0.5) * (g.y[1] - g.y[0])) / g.ny;
    }
  }
  return out;
}

/** Mean of `values` over the points (row-major (x, y)) falling in each cell; NaN for empty cells. */
export function binMean(points: ArrayLike<number>, values: ArrayLike<number>, g: HeatmapGrid): Float64Array {
  checkGrid(g);
  if (points.length !== 2 * values.length) invalid('points length', points.length, `must be 2 x the number of values (${2 * values.length})`);
  const sum = new Float64Array(g.nx * g.ny);
  const count = new Float64Array(g.nx * g.ny);
  for (let p = 0; p < values.length; p++) {
    const i = Math.floor(((points[2 * p] - g.x[0]) / (g.x[1] - g.x[0])) * g.nx);
    const j = Math.floor(((points[2 * p + 1] - g.y[0]) / (g.y[1] - g.y[0])) * g.ny);
    if (!(i >= 0 && i < g.nx && j >= 0 && j < g.ny) || !Number.isFinite(values[p])) continue;
    sum[j * g.nx + i] += values[p];
    count[j * g.nx + i] += 1;
  }
  return sum.map((s, k) => (count[k] > 0 ? s / count[k] : NaN));
}

/** One panel: a title and one value per grid cell (NaN: no value). */
export interface HeatmapPanel {
  title?: string;
  values: ArrayLike<number>;
}

/** Options of {@link renderHeatmaps}. */
export interface HeatmapOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  colorLabel?: string;
  /** Side of each (square) panel in pixels; default 360. */
  panelSize?: number;
  /** Colour range (default: the finite values of all panels). */
  range?: readonly [number, number];
  /** Logarithmic colour scale (non-positive values shown as missing); default false. */
  logColor?: boolean;
}

/** The PNG and where each panel's plot area lies in it (pixels), for callers that annotate or check it. */
export interface HeatmapFigure {
  png: Buffer;
  width: number;
  height: number;
  rects: Rect[];
}

/** Render the panels side by side (one colour scale, one colorbar on the right) as PNG. */
export function renderHeatmaps(panels: readonly HeatmapPanel[], grid: HeatmapGrid, options: HeatmapOptions = {}): HeatmapFigure {
  checkGrid(grid);
  if (panels.length < 1) invalid('panels', panels.length, 'must hold at least one panel');
  panels.forEach((p, k) => {
    if (p.values.length !== grid.nx * grid.ny) invalid(`panel ${k} values length`, p.values.length, `must be nx * ny = ${grid.nx * grid.ny}`);
  });
  const theme = DEFAULT_THEME;
  const size = options.panelSize ?? 360;
  const type = options.logColor ? 'log' : 'linear';
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of panels) {
    for (let k = 0; k < p.values.length; k++) {
      const v = p.values[k];
      if (Number.isFinite(v) && (type === 'linear' || v > 0)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  let domain: [number, number] = options.range ? [options.range[0], options.range[1]] : [lo, hi];
  if (!(domain[1] > domain[0])) domain = Number.isFinite(domain[0]) ? [domain[0] - (type === 'log' ? domain[0] / 2 : 0.5), domain[0] + (type === 'log' ? domain[0] : 0.5)] : [0, 1];
  const colour = new Scale(type, domain, [0, 1]);
  const xScale = new Scale('linear', grid.x, [0, 1]);
  const yScale = new Scale('linear', grid.y, [0, 1]);

  // measure the margins on a scratch figure, then draw on the real one
  const probe = createFigure(64, 64).ctx;
  const top = Math.round((options.title ? theme.titleFont * 2.2 : 8) + theme.titleFont * 2);
  const bottom = Math.round(theme.tickLength + theme.tickFont * 1.25 + 10 + (options.xLabel ? theme.labelFont * 1.5 : 0) + 8);
  const left = Math.round(12 + (options.yLabel ? theme.labelFont * 1.5 : 0) + widestTickLabel(probe, yScale, size, theme) + theme.tickLength + 8);
  const gap = 24;
  const barW = 18;
  const right = Math.round(gap + rightAxisWidth(probe, colour, size, theme, options.colorLabel, barW));
  const width = left + panels.length * size + (panels.length - 1) * gap + right;
  const height = top + size + bottom;
  const fig = createFigure(width, height);
  const ctx = fig.ctx;
  const rects: Rect[] = [];
  panels.forEach((p, k) => {
    const rect: Rect = { x: left + k * (size + gap), y: top, w: size, h: size };
    rects.push(rect);
    const cw = rect.w / grid.nx;
    const ch = rect.h / grid.ny;
    for (let j = 0; j < grid.ny; j++) {
      for (let i = 0; i < grid.nx; i++) {
        const t = colorPosition(colour, p.values[j * grid.nx + i]);
        ctx.fillStyle = Number.isNaN(t) ? '#e6e6e6' : viridisCss(t);
        // whole-pixel edges: cells tile the area exactly, no antialiased seams between them
        const x0 = Math.round(rect.x + i * cw);
        const y0 = Math.round(rect.y + rect.h - (j + 1) * ch);
        ctx.fillRect(x0, y0, Math.round(rect.x + (i + 1) * cw) - x0, Math.round(rect.y + rect.h - j * ch) - y0);
      }
    }
    const ax = new Axes(ctx, rect, xScale, yScale, theme);
    // the end labels of neighbouring panels ran into each other ("2.0−2.0")
    if (k < panels.length - 1) ax.xLabelOverhang.right = gap / 2;
    if (k > 0) ax.xLabelOverhang.left = gap / 2;
    ax.frame();
    ax.xAxis(options.xLabel);
    ax.yAxis(k === 0 ? options.yLabel : undefined, 'left', k === 0);
    drawTitle(ctx, rect, p.title, theme);
  });
  drawColorbar(ctx, { x: width - right + gap, y: top, w: barW, h: size }, colour, options.colorLabel, theme);
  if (options.title) {
    ctx.save();
    ctx.font = font(theme.titleFont, true);
    ctx.fillStyle = '#111111';
    ctx.textAlign = 'center';
    ctx.fillText(options.title, (left + width - right) / 2, theme.titleFont * 1.4);
    ctx.restore();
  }
  return { png: toPng(fig), width, height, rects };
}

/** {@link renderHeatmaps} written to a .png file atomically. */
export function saveHeatmaps(path: string, panels: readonly HeatmapPanel[], grid: HeatmapGrid, options: HeatmapOptions = {}): HeatmapFigure {
  const f = renderHeatmaps(panels, grid, options);
  savePng(path, f.png);
  return f;
}
