/**
 * Chart.js on a @napi-rs/canvas (no browser: Chart.js picks its basic platform off the DOM): one
 * render call per figure, with animation and responsiveness off, a white background, our fonts, a
 * dark title fitted to the canvas, and a plugin for vertical reference lines. Returns the PNG and
 * what was laid out (scale ranges, plot area, title box), so tests can check a figure by content.
 */
import { Chart, registerables, type ChartConfiguration, type ChartDataset, type Plugin } from 'chart.js';
import { DEFAULT_THEME, FONT_FAMILY, createFigure } from './figure.js';
import { logTickLabel, type ScaleType } from './scale.js';

let registered = false;

/** A vertical line at data x drawn across the plot area. */
export interface VerticalLine {
  x: number;
  color: string;
  dash?: number[];
  width?: number;
}

/** A rendered chart: its PNG and where things went (pixels; scale ranges in data units). */
export interface ChartRender {
  png: Buffer;
  width: number;
  height: number;
  /** Plot area in pixels. */
  area: { left: number; top: number; right: number; bottom: number };
  /** Final range of each scale by id (x, y, y2). */
  scales: Record<string, { min: number; max: number }>;
  /** Box of the title block, when there is a title. */
  title?: { left: number; top: number; right: number; bottom: number };
}

/** Axis options shared by the charts. */
export interface AxisSpec {
  type: ScaleType;
  label?: string;
  /** Fixed [min, max]; default: the data, extended to round ticks. */
  range?: [number, number];
  /** Least range the axis shows (it grows to the data). */
  suggested?: [number, number];
  position?: 'left' | 'right' | 'bottom';
  grid?: boolean;
}

const font = (size: number, weight: 'normal' | 'bold' = 'normal') => ({ family: FONT_FAMILY, size, weight });

/** Chart.js scale options of one axis. */
function scaleOptions(a: AxisSpec): Record<string, unknown> {
  return {
    type: a.type === 'log' ? 'logarithmic' : 'linear',
    position: a.position,
    min: a.range?.[0],
    max: a.range?.[1],
    suggestedMin: a.suggested?.[0],
    suggestedMax: a.suggested?.[1],
    grid: { display: a.grid !== false, color: '#e6e6e6' },
    border: { display: true, color: '#000000' },
    ticks: {
      color: '#222222', font: font(DEFAULT_THEME.tickFont), maxRotation: 0, autoSkipPadding: 12,
      ...(a.type === 'log' ? { callback: (v: number | string, _i: number, all: { value: number }[]) => logTickLabel(Number(v), all.map((t) => t.value)) } : {}),
    },
    title: { display: a.label !== undefined, text: a.label ?? '', color: '#000000', font: font(DEFAULT_THEME.labelFont) },
  };
}

/** {x, y} points of a series; non-finite values (and <= 0 on log axes) become gaps. */
export function points(x: ArrayLike<number>, y: ArrayLike<number>, logX = false, logY = false): { x: number; y: number }[] {
  const n = Math.min(x.length, y.length);
  const ok = (v: number, log: boolean) => Number.isFinite(v) && (!log || v > 0);
  return Array.from({ length: n }, (_, i) => (ok(x[i], logX) && ok(y[i], logY) ? { x: x[i], y: y[i] } : { x: ok(x[i], logX) ? x[i] : NaN, y: NaN }));
}

/** Render one chart: datasets on the given axes, with a legend of the labelled datasets. */
export function renderChart(o: {
  width: number;
  height: number;
  title?: string;
  axes: Record<string, AxisSpec>;
  datasets: ChartDataset<'line' | 'scatter'>[];
  legend?: 'upper right' | 'upper left' | 'lower right' | 'lower left';
  vlines?: readonly VerticalLine[];
  /** Extra room right of the plot area [px] (e.g. for a colour bar a plugin draws there). */
  padRight?: number;
  /** More Chart.js plugins, drawn after ours. */
  plugins?: Plugin[];
}): ChartRender {
  if (!registered) {
    Chart.register(...registerables);
    registered = true;
  }
  const { canvas } = createFigure(o.width, o.height); // validates the size like every other figure
  const background: Plugin = {
    id: 'mbankBackground',
    beforeDraw: (c) => {
      c.ctx.save();
      c.ctx.fillStyle = '#ffffff';
      c.ctx.fillRect(0, 0, c.width, c.height);
      c.ctx.restore();
    },
  };
  const vlines: Plugin = {
    id: 'mbankVerticalLines',
    afterDatasetsDraw: (c) => {
      const { ctx, chartArea: a, scales } = c;
      ctx.save();
      ctx.beginPath();
      ctx.rect(a.left, a.top, a.right - a.left, a.bottom - a.top);
      ctx.clip();
      for (const l of o.vlines ?? []) {
        const px = scales.x.getPixelForValue(l.x);
        if (!Number.isFinite(px)) continue;
        ctx.strokeStyle = l.color;
        ctx.lineWidth = l.width ?? 2;
        ctx.setLineDash(l.dash ?? []);
        ctx.beginPath();
        ctx.moveTo(px, a.top);
        ctx.lineTo(px, a.bottom);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
  const [vertical, horizontal] = (o.legend ?? 'upper right').split(' ');
  const config: ChartConfiguration<'line' | 'scatter'> = {
    type: 'line',
    data: { datasets: o.datasets },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      parsing: false,
      normalized: true,
      layout: { padding: { left: 6, right: o.padRight ?? 14, top: 4, bottom: 4 } },
      elements: { point: { radius: 0 }, line: { borderWidth: DEFAULT_THEME.lineWidth } },
      scales: Object.fromEntries(Object.entries(o.axes).map(([id, a]) => [id, scaleOptions(a)])) as never,
      plugins: {
        title: { display: o.title !== undefined, text: o.title ?? '', color: '#000000', font: font(DEFAULT_THEME.titleFont, 'bold'), padding: { top: 8, bottom: 8 } },
        legend: {
          display: o.datasets.some((d) => d.label),
          position: vertical === 'lower' ? 'bottom' : 'top',
          align: horizontal === 'left' ? 'start' : 'end',
          labels: { color: '#000000', font: font(DEFAULT_THEME.legendFont), boxWidth: 28, filter: (item) => item.text !== undefined && item.text !== '', usePointStyle: false },
        },
        tooltip: { enabled: false },
      },
    },
    plugins: [background, vlines, ...(o.plugins ?? [])],
  };
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  try {
    const a = chart.chartArea;
    const scales = Object.fromEntries(Object.entries(chart.scales).map(([id, s]) => [id, { min: s.min, max: s.max }]));
    const t = (chart as unknown as { titleBlock?: { left: number; top: number; right: number; bottom: number } }).titleBlock;
    return {
      png: canvas.toBuffer('image/png'),
      width: o.width,
      height: o.height,
      area: { left: a.left, top: a.top, right: a.right, bottom: a.bottom },
      scales,
      ...(o.title !== undefined && t ? { title: { left: t.left, top: t.top, right: t.right, bottom: t.bottom } } : {}),
    };
  } finally {
    chart.destroy();
  }
}
