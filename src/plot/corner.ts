/**
 * Corner plots (D x D grid, as corner.py): 1-D histograms on the diagonal, 2-D scatter or 2-D
 * histogram density below it (the first dataset shaded, 1- and 2-sigma contours of every dataset);
 * several datasets overlaid in their colours (e.g. flow samples vs the training set) with a legend in
 * the empty upper triangle. Points with any non-finite coordinate are skipped.
 */
import { Axes, type LegendEntry, type Rect } from './axes.js';
import { binEdges, histogram, histogram2d } from './binning.js';
import { seriesColor, viridisCss, withAlpha } from './colors.js';
import { contourRings, levelForMass, SIGMA_LEVELS, smooth3 } from './contour.js';
import { createFigure, font, savePng, smallTheme, toPng } from './figure.js';
import { drawColorbar, drawTitle, widestTickLabel } from './layout.js';
import { extent, paddedDomain, Scale } from './scale.js';
import { invalid } from '../core/errors.js';

/** One dataset: N points as rows of D values, or flat row-major N*D values. */
export interface CornerDataset {
  samples: ArrayLike<ArrayLike<number>> | ArrayLike<number>;
  label?: string;
  color?: string;
  /** Draw its 1-D histograms on the diagonal (default true; false for a dataset that only marks points). */
  histogram?: boolean;
  /** Opacity of its scatter points (default 0.5 alone, 0.35 overlaid). */
  alpha?: number;
  /** One value per sample: scatter points coloured by it (viridis over `CornerOptions.valueRange`), lowest on top. */
  values?: ArrayLike<number>;
}

/** Options of `cornerPlot`. */
export interface CornerOptions {
  /** Axis names, one per dimension (D = names.length). */
  names: readonly string[];
  /** Pixel size of one panel (default 250). */
  panelSize?: number;
  /** Bins of the 1-D and 2-D histograms (default 30). */
  bins?: number;
  /** Lower panels: points or 2-D histogram density (default: scatter up to 5000 points per dataset). */
  lower?: 'scatter' | 'hist2d';
  /** Per-dimension plot ranges (default: the finite values of all datasets, padded). */
  ranges?: ReadonlyArray<readonly [number, number] | undefined>;
  /** Largest number of points drawn per dataset in scatter panels (evenly strided; default 4000). */
  maxPoints?: number;
  /** Colour range of datasets with values (default: their extent), shown as a colour bar in the upper triangle. */
  valueRange?: readonly [number, number];
  /** Label of the colour bar. */
  valueLabel?: string;
  title?: string;
}

/** Colour buckets of value-coloured scatter points. */
const VALUE_BUCKETS = 32;

/** Split samples into D columns, dropping rows with a non-finite value. */
export function sampleColumns(samples: CornerDataset['samples'], d: number): Float64Array[] {
  const rows = samples.length > 0 && typeof samples[0] !== 'number';
  const n = rows ? samples.length : Math.floor(samples.length / d);
  if (!rows && samples.length !== n * d) invalid('samples.length', samples.length, `must be a multiple of D = ${d} for flat samples`);
  const get = rows
    ? (i: number, j: number) => (samples as ArrayLike<ArrayLike<number>>)[i][j]
    : (i: number, j: number) => (samples as ArrayLike<number>)[i * d + j];
  if (rows) for (let i = 0; i < n; i++) if ((samples as ArrayLike<ArrayLike<number>>)[i].length !== d) invalid(`samples[${i}].length`, (samples as ArrayLike<ArrayLike<number>>)[i].length, `must equal D = ${d}`);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let j = 0; j < d && ok; j++) ok = Number.isFinite(get(i, j));
    if (ok) keep.push(i);
  }
  return Array.from({ length: d }, (_, j) => Float64Array.from(keep, (i) => get(i, j)));
}

/** One drawn panel of a corner plot: grid row and column, pixel box, data ranges of its axes. */
export interface CornerPanel {
  row: number;
  col: number;
  rect: Rect;
  x: readonly [number, number];
  y: readonly [number, number];
}

/** A rendered corner plot: its PNG and where each panel went, so tests can check a figure by content. */
export interface CornerRender {
  png: Buffer;
  width: number;
  height: number;
  panels: CornerPanel[];
}

/** Render a corner plot as PNG (about panelSize x D pixels square plus margins); see {@link renderCornerPlot}. */
export function cornerPlot(data: CornerDataset | readonly CornerDataset[], options: CornerOptions): Buffer {
  return renderCornerPlot(data, options).png;
}

/** Render a corner plot and report its panels. */
export function renderCornerPlot(data: CornerDataset | readonly CornerDataset[], options: CornerOptions): CornerRender {
  const datasets = Array.isArray(data) ? (data as readonly CornerDataset[]) : [data as CornerDataset];
  const d = options.names.length;
  if (d < 1) invalid('names', options.names, 'must name at least one dimension');
  const P = options.panelSize ?? 250;
  if (!(P >= 60 && P <= 2000)) invalid('panelSize', P, 'must be in [60, 2000] pixels');
  const bins = options.bins ?? 30;
  // a dataset with values carries them as a last column, so rows dropped as non-finite drop their value too
  const withValues = datasets.map((ds) => sampleColumns(ds.values === undefined ? ds.samples : appendColumn(ds.samples, ds.values, d), ds.values === undefined ? d : d + 1));
  const cols = withValues.map((c) => c.slice(0, d));
  const vals = withValues.map((c, k) => (datasets[k].values === undefined ? undefined : c[d]));
  const valueDomain = options.valueRange ?? extent(vals.flatMap((v) => (v === undefined ? [] : Array.from(v))));
  const maxPoints = options.maxPoints ?? 4000;
  // the points each dataset draws in scatter panels (evenly strided), and for value-coloured ones their
  // indices grouped by colour bucket, highest bucket first (low values end up on top); the same in every panel
  const strides = cols.map((c) => Math.max(1, Math.ceil((c[0]?.length ?? 0) / maxPoints)));
  const buckets = vals.map((v, k) => (v === undefined || valueDomain === undefined ? undefined : bucketed(v, strides[k], valueDomain)));
  const domains = options.names.map((_, j) => {
    const given = options.ranges?.[j];
    if (given !== undefined) return [given[0], given[1]] as [number, number];
    const ext = cols.map((c) => extent(c[j])).filter((e) => e !== undefined) as Array<[number, number]>;
    return paddedDomain(ext.flat(), 'linear', 0.03);
  });
  const scales = domains.map((dom) => new Scale('linear', dom, [0, 1]));
  const theme = smallTheme(P);
  const gap = Math.round(P * 0.03);
  const probe = createFigure(16, 16).ctx;
  const widest = scales.reduce((m, s) => Math.max(m, widestTickLabel(probe, s, P, theme)), 0);
  const left = Math.round(14 + theme.labelFont * 1.5 + widest + theme.tickLength + 8);
  const bottom = Math.round(theme.tickLength + theme.tickFont * 1.25 + 12 + theme.labelFont * 1.6 + 10);
  const top = options.title ? Math.round(theme.titleFont * 2.6) : 16;
  const right = 20;
  const width = left + d * P + (d - 1) * gap + right;
  const height = top + d * P + (d - 1) * gap + bottom;
  const fig = createFigure(width, height);
  const ctx = fig.ctx;
  const panel = (i: number, j: number): Rect => ({ x: left + j * (P + gap), y: top + i * (P + gap), w: P, h: P });
  const colors = datasets.map((ds, k) => ds.color ?? seriesColor(k));
  const maxN = cols.reduce((m, c) => Math.max(m, c[0]?.length ?? 0), 0);
  const lower = options.lower ?? (maxN <= 5000 ? 'scatter' : 'hist2d');
  const edges = domains.map(([lo, hi]) => binEdges(lo, hi, bins));
  const drawn: CornerPanel[] = [];

  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      const rect = panel(i, j);
      let ax: Axes;
      if (i === j) {
        const hs = cols.map((c, k) => (datasets[k].histogram === false ? undefined : histogram(c[j], { bins: edges[j], density: true })));
        const top1 = hs.reduce((m, h) => Math.max(m, (h && extent(h.counts)?.[1]) ?? 0), 0);
        ax = new Axes(ctx, rect, scales[j], new Scale('linear', [0, top1 > 0 ? top1 * 1.1 : 1], [0, 1]), theme);
        hs.forEach((h, k) => { if (h) ax.bars(h.edges, h.counts, { color: colors[k], fillAlpha: k === 0 ? 0.3 : 0, width: 1.5 }); });
      } else {
        ax = new Axes(ctx, rect, scales[j], scales[i], theme);
        ax.grid();
        if (lower === 'scatter') {
          cols.forEach((c, k) => {
            const xs = c[j].filter((_, t) => t % strides[k] === 0);
            const ys = c[i].filter((_, t) => t % strides[k] === 0);
            const radius = xs.length > 1000 ? 1.2 : 2;
            const groups = buckets[k];
            if (groups === undefined) {
              ax.points(xs, ys, { color: colors[k], radius, alpha: datasets[k].alpha ?? (datasets.length > 1 ? 0.35 : 0.5) });
              return;
            }
            for (const { bucket, idx } of groups) {
              ax.points(idx.map((t) => xs[t]), idx.map((t) => ys[t]), { color: viridisCss((bucket + 0.5) / VALUE_BUCKETS), radius });
            }
          });
        } else {
          drawDensity(ax, cols[0][j], cols[0][i], edges[j], edges[i], colors[0]);
          cols.forEach((c, k) => drawContours(ax, c[j], c[i], edges[j], edges[i], colors[k]));
        }
      }
      drawn.push({ row: i, col: j, rect, x: ax.x.domain, y: ax.y.domain });
      ax.frame();
      if (j < d - 1) ax.xLabelOverhang.right = gap / 2;
      if (j > 0) ax.xLabelOverhang.left = gap / 2;
      ax.xAxis(i === d - 1 ? options.names[j] : undefined, i === d - 1);
      if (i !== j) ax.yAxis(j === 0 ? options.names[i] : undefined, 'left', j === 0);
    }
  }
  const kindOf = (k: number): LegendEntry['kind'] => (lower === 'scatter' ? 'point' : k === 0 ? 'patch' : 'line');
  const entries: LegendEntry[] = datasets.flatMap((ds, k) => (ds.label ? [{ label: ds.label, color: colors[k], kind: kindOf(k) }] : []));
  if (entries.length > 0) {
    const legendRect = d >= 2 ? panel(0, d - 1) : panel(0, 0);
    const lax = new Axes(ctx, legendRect, scales[0], scales[0], { ...theme, legendFont: Math.max(11, theme.legendFont) });
    lax.legend(entries, 'upper right');
  }
  if (valueDomain !== undefined && vals.some((v) => v !== undefined) && d >= 2) {
    const r = panel(0, d - 1);
    const bar = { x: r.x + 12, y: r.y + 12, w: Math.max(10, Math.round(P * 0.06)), h: r.h - 24 };
    drawColorbar(ctx, bar, new Scale('linear', [valueDomain[0], valueDomain[1]], [0, 1]), options.valueLabel, theme);
  }
  if (options.title) {
    drawTitle(ctx, { x: left, y: top, w: d * P + (d - 1) * gap, h: 0 }, options.title, { ...theme, titleFont: 18 });
  }
  ctx.font = font(theme.tickFont);
  return { png: toPng(fig), width, height, panels: drawn };
}

/** Samples (rows or flat, D per row) with `values` appended as column D + 1, flat row-major. */
function appendColumn(samples: CornerDataset['samples'], values: ArrayLike<number>, d: number): Float64Array {
  const rows = samples.length > 0 && typeof samples[0] !== 'number';
  const n = rows ? samples.length : Math.floor(samples.length / d);
  if (values.length !== n) invalid('values.length', values.length, `must equal the number of samples, ${n}`);
  const out = new Float64Array(n * (d + 1));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[i * (d + 1) + j] = rows ? (samples as ArrayLike<ArrayLike<number>>)[i][j] : (samples as ArrayLike<number>)[i * d + j];
    out[i * (d + 1) + d] = values[i];
  }
  return out;
}

/** Indices (after striding) of the values grouped by colour bucket over [lo, hi] (clamped), highest bucket first. */
function bucketed(values: Float64Array, stride: number, [lo, hi]: readonly [number, number]): { bucket: number; idx: number[] }[] {
  const groups: number[][] = Array.from({ length: VALUE_BUCKETS }, () => []);
  for (let t = 0; t * stride < values.length; t++) {
    const u = hi > lo ? (values[t * stride] - lo) / (hi - lo) : 0.5;
    groups[Math.min(VALUE_BUCKETS - 1, Math.max(0, Math.floor(u * VALUE_BUCKETS)))].push(t);
  }
  return groups.map((idx, bucket) => ({ bucket, idx })).filter((g) => g.idx.length > 0).reverse();
}

/** 2-D histogram drawn as cells whose opacity grows with the count (sqrt scaling). */
function drawDensity(ax: Axes, x: Float64Array, y: Float64Array, xEdges: Float64Array, yEdges: Float64Array, color: string): void {
  const counts = histogram2d(x, y, xEdges, yEdges);
  const top = extent(counts)?.[1] ?? 0;
  if (!(top > 0)) return;
  const nx = xEdges.length - 1;
  ax.clipped(() => {
    for (let k = 0; k < counts.length; k++) {
      if (counts[k] === 0) continue;
      const j = k % nx;
      const i = Math.floor(k / nx);
      const x0 = ax.x.map(xEdges[j]);
      const x1 = ax.x.map(xEdges[j + 1]);
      const y0 = ax.y.map(yEdges[i]);
      const y1 = ax.y.map(yEdges[i + 1]);
      ax.ctx.fillStyle = withAlpha(color, 0.08 + 0.8 * Math.sqrt(counts[k] / top));
      ax.ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 0.5, Math.abs(y1 - y0) + 0.5);
    }
  });
}

/** Contours enclosing the 1- and 2-sigma 2-D mass (`SIGMA_LEVELS`) of the 2-D histogram smoothed twice by `smooth3`. */
function drawContours(ax: Axes, x: Float64Array, y: Float64Array, xEdges: Float64Array, yEdges: Float64Array, color: string): void {
  const nx = xEdges.length - 1;
  const ny = yEdges.length - 1;
  const grid = smooth3(smooth3(histogram2d(x, y, xEdges, yEdges), nx, ny), nx, ny);
  const dx = (xEdges[nx] - xEdges[0]) / nx;
  const dy = (yEdges[ny] - yEdges[0]) / ny;
  ax.clipped(() => {
    const ctx = ax.ctx;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.6;
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    for (const fraction of SIGMA_LEVELS) {
      const level = levelForMass(grid, fraction);
      if (!Number.isFinite(level)) continue;
      ctx.beginPath();
      for (const ring of contourRings(grid, nx, ny, level)) {
        ring.forEach(([gx, gy], k) => {
          const px = ax.x.map(xEdges[0] + (gx + 0.5) * dx);
          const py = ax.y.map(yEdges[0] + (gy + 0.5) * dy);
          if (k === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        });
        ctx.closePath();
      }
      ctx.stroke();
    }
  });
}

/** `cornerPlot` written to a .png file atomically. */
export function saveCornerPlot(path: string, data: CornerDataset | readonly CornerDataset[], options: CornerOptions): void {
  savePng(path, cornerPlot(data, options));
}
