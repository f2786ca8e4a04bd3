/**
 * A noisy per-step series (e.g. a training loss) shown with its spread, on Chart.js: the running mean over a
 * trailing window of steps as a line, a light band from the running minimum to the running maximum
 * and a darker band of mean +- one running standard deviation (clipped to [min, max]); other
 * series (e.g. the validation loss) drawn as plain lines on top.
 */
import type { ChartDataset } from 'chart.js';
import { points, renderChart, type ChartRender } from './chartjs.js';
import { seriesColor, withAlpha } from './colors.js';
import { savePng } from './figure.js';
import type { LineSeries } from './line-chart.js';
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

/** Render the series with their running spread, plus plain `lines` (default 800 x 600), and report the layout. */
export function renderBandChart(bands: readonly BandSeries[], lines: readonly LineSeries[] = [], options: BandChartOptions = {}): ChartRender {
  const { width = 800, height = 600 } = options;
  const logY = options.logY === true;
  const xs = (s: { x?: ArrayLike<number>; y: ArrayLike<number> }) => s.x ?? Float64Array.from({ length: s.y.length }, (_, i) => i);
  const datasets: ChartDataset<'line'>[] = [];
  const quiet = { pointRadius: 0, borderWidth: 0, label: '' };
  bands.forEach((b, k) => {
    const color = b.color ?? seriesColor(k);
    const s = runningStats(b.y, options.window ?? Math.max(5, Math.round(b.y.length / 50)));
    const x = xs(b);
    const lo = s.mean.map((m, i) => Math.max(s.min[i], m - s.std[i]));
    const hi = s.mean.map((m, i) => Math.min(s.max[i], m + s.std[i]));
    // each band fills down to the dataset before it (Chart.js fill '-1'): min..max light, mean +- std darker
    datasets.push({ ...quiet, data: points(x, s.min, false, logY) });
    datasets.push({ ...quiet, data: points(x, s.max, false, logY), fill: '-1', backgroundColor: withAlpha(color, 0.15) });
    datasets.push({ ...quiet, data: points(x, lo, false, logY) });
    datasets.push({ ...quiet, data: points(x, hi, false, logY), fill: '-1', backgroundColor: withAlpha(color, 0.35) });
    datasets.push({ label: b.label ? `${b.label} (running mean)` : '', data: points(x, s.mean, false, logY), borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0 });
    if (b.label) datasets.push({ label: '± 1 std / min-max', data: [], borderWidth: 0, backgroundColor: withAlpha(color, 0.35) });
  });
  lines.forEach((l, k) => {
    const color = l.color ?? seriesColor(bands.length + k);
    datasets.push({ label: l.label ?? '', data: points(xs(l), l.y, false, logY), borderColor: color, backgroundColor: color, borderDash: l.dash, borderWidth: l.width ?? 2, pointRadius: 0 });
  });
  return renderChart({
    width, height, title: options.title, datasets, legend: 'upper right',
    vlines: (options.markers ?? []).map((m) => ({ x: m, color: '#555555', dash: [3, 4], width: 1 })),
    axes: { x: { type: 'linear', label: options.xLabel, position: 'bottom' }, y: { type: logY ? 'log' : 'linear', label: options.yLabel, position: 'left' } },
  });
}

/** Render the series with their running spread, plus plain `lines`, as PNG; see {@link renderBandChart}. */
export function bandChart(bands: readonly BandSeries[], lines: readonly LineSeries[] = [], options: BandChartOptions = {}): Buffer {
  return renderBandChart(bands, lines, options).png;
}

/** {@link bandChart} written to a .png file atomically. */
export function saveBandChart(path: string, bands: readonly BandSeries[], lines: readonly LineSeries[] = [], options: BandChartOptions = {}): void {
  savePng(path, bandChart(bands, lines, options));
}
