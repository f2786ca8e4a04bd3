/**
 * A noisy per-step series (e.g. a training loss) shown with its spread: the running mean over a
 * trailing window of steps as a line, a light band from the running minimum to the running maximum
 * and a darker band of mean +- one running standard deviation (clipped to [min, max]); other
 * series (e.g. the validation loss) drawn as plain lines on top.
 */
import { Axes, type LegendEntry } from './axes.js';
import { seriesColor, withAlpha } from './colors.js';
import { createFigure, DEFAULT_THEME, savePng, toPng } from './figure.js';
import { drawTitle, panelRect } from './layout.js';
import type { LineSeries } from './line-chart.js';
import { finiteValues, paddedDomain, Scale } from './scale.js';
import { invalid } from '../core/errors.js';

/** Running statistics of a series over trailing windows (NaN where the window holds no finite value). */
export interface RunningStats {
  mean: Float64Array;
  std: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/**
 * Mean, standard deviation (1/(m-1), 0 for m = 1), minimum and maximum of the finite values among
 * y[i - window + 1 .. i], for every i. O(n window).
 */
export function runningStats(y: ArrayLike<number>, window: number): RunningStats {
  if (!Number.isInteger(window) || window < 1) invalid('window', window, 'must be an integer >= 1');
  const n = y.length;
  const out: RunningStats = { mean: new Float64Array(n), std: new Float64Array(n), min: new Float64Array(n), max: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    let m = 0;
    let s = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = Math.max(0, i - window + 1); k <= i; k++) {
      const v = y[k];
      if (!Number.isFinite(v)) continue;
      m += 1;
      s += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const mean = m > 0 ? s / m : NaN;
    let v2 = 0;
    for (let k = Math.max(0, i - window + 1); k <= i; k++) if (Number.isFinite(y[k])) v2 += (y[k] - mean) ** 2;
    out.mean[i] = mean;
    out.std[i] = m > 1 ? Math.sqrt(v2 / (m - 1)) : m === 1 ? 0 : NaN;
    out.min[i] = m > 0 ? lo : NaN;
    out.max[i] = m > 0 ? hi : NaN;
  }
  return out;
}

/** One noisy series; x defaults to 0, 1, ..., n - 1. */
export interface BandSeries {
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
  label?: string;
  color?: string;
}

/** Options of {@link bandChart}. */
export interface BandChartOptions {
  width?: number;
  height?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  logY?: boolean;
  /** Trailing window in points; default max(5, n / 50). */
  window?: number;
  /** Vertical dashed markers (e.g. the start of each training round). */
  markers?: readonly number[];
}

/** Render the series with their running spread, plus plain `lines`, as PNG (default 800 x 600). */
export function bandChart(bands: readonly BandSeries[], lines: readonly LineSeries[] = [], options: BandChartOptions = {}): Buffer {
  const { width = 800, height = 600 } = options;
  const fig = createFigure(width, height);
  const theme = DEFAULT_THEME;
  const xs = (s: { x?: ArrayLike<number>; y: ArrayLike<number> }) => s.x ?? Float64Array.from({ length: s.y.length }, (_, i) => i);
  const stats = bands.map((b) => runningStats(b.y, options.window ?? Math.max(5, Math.round(b.y.length / 50))));
  const yType = options.logY ? 'log' : 'linear';
  const xScale = new Scale('linear', paddedDomain(finiteValues([...bands, ...lines].map(xs)), 'linear', 0.02), [0, 1]);
  const yValues = finiteValues([...stats.flatMap((s) => [s.min, s.max]), ...lines.map((l) => l.y)], yType);
  const yScale = new Scale(yType, paddedDomain(yValues, yType), [0, 1]);
  const rect = panelRect(fig.ctx, width, height, theme, { title: options.title, xLabel: options.xLabel, yLabel: options.yLabel, yScale });
  const ax = new Axes(fig.ctx, rect, xScale, yScale, theme);
  ax.grid();
  const ctx = fig.ctx;
  const legend: LegendEntry[] = [];
  const fill = (x: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, color: string) => {
    ax.clipped(() => {
      ctx.fillStyle = color;
      ctx.beginPath();
      let open = false;
      const close = (from: number, to: number) => {
        for (let k = to; k >= from; k--) ctx.lineTo(ax.x.map(x[k]), ax.y.map(lo[k]));
        ctx.closePath();
      };
      let start = 0;
      for (let i = 0; i <= x.length; i++) {
        const ok = i < x.length && Number.isFinite(ax.y.map(lo[i])) && Number.isFinite(ax.y.map(hi[i]));
        if (ok && !open) {
          ctx.moveTo(ax.x.map(x[i]), ax.y.map(hi[i]));
          open = true;
          start = i;
        } else if (ok) ctx.lineTo(ax.x.map(x[i]), ax.y.map(hi[i]));
        else if (open) {
          close(start, i - 1);
          open = false;
        }
      }
      ctx.fill();
    });
  };
  bands.forEach((b, k) => {
    const color = b.color ?? seriesColor(k);
    const s = stats[k];
    const x = xs(b);
    fill(x, s.min, s.max, withAlpha(color, 0.15));
    const lo = s.mean.map((m, i) => Math.max(s.min[i], m - s.std[i]));
    const hi = s.mean.map((m, i) => Math.min(s.max[i], m + s.std[i]));
    fill(x, lo, hi, withAlpha(color, 0.35));
    ax.line(x, s.mean, { color, width: 2 });
    if (b.label) {
      legend.push({ label: `${b.label} (running mean)`, color, kind: 'line' });
      legend.push({ label: '± 1 std / min-max', color: withAlpha(color, 0.35), kind: 'patch' } as LegendEntry);
    }
  });
  lines.forEach((l, k) => {
    const color = l.color ?? seriesColor(bands.length + k);
    ax.line(xs(l), l.y, { color, dash: l.dash, width: l.width });
    if (l.label) legend.push({ label: l.label, color, kind: 'line', dash: l.dash });
  });
  for (const m of options.markers ?? []) ax.vline(m, { color: '#555555', dash: [3, 4], width: 1 });
  ax.frame();
  ax.xAxis(options.xLabel);
  ax.yAxis(options.yLabel);
  ax.legend(legend, 'upper right');
  drawTitle(ctx, rect, options.title, theme);
  return toPng(fig);
}

/** {@link bandChart} written to a .png file atomically. */
export function saveBandChart(path: string, bands: readonly BandSeries[], lines: readonly LineSeries[] = [], options: BandChartOptions = {}): void {
  savePng(path, bandChart(bands, lines, options));
}
