/**
 * Layout pieces of the panels Chart.js does not draw (corner plot, heatmap) and the colour bar that
 * Chart.js lacks: measured tick-label widths, room for a right-hand bar, the fitted title, the bar.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { tickTarget, type Rect } from './axes.js';
import { viridisCss } from './colors.js';
import { font, type Theme } from './figure.js';
import { Scale } from './scale.js';

/** Widest tick label of a scale laid over `lengthPx` pixels (about one tick per 55 px). */
export function widestTickLabel(ctx: SKRSContext2D, scale: Scale, lengthPx: number, theme: Theme): number {
  ctx.font = font(theme.tickFont);
  return scale.ticks(tickTarget(lengthPx, 55)).labels.reduce((m, l) => Math.max(m, ctx.measureText(l).width), 0);
}

/** Room a right-hand axis (secondary y axis or colorbar ticks) needs [px], bar width included. */
export function rightAxisWidth(ctx: SKRSContext2D, scale: Scale, lengthPx: number, theme: Theme, label: string | undefined, barWidth: number): number {
  return barWidth + theme.tickLength + 8 + widestTickLabel(ctx, scale, lengthPx, theme) + (label ? theme.labelFont * 1.5 : 0) + 16;
}

/** Smallest font size [px] a title shrinks to before it is allowed to overflow. */
const MIN_TITLE_FONT = 9;
/** Blank margin [px] kept between a title and the left/right canvas edges. */
const TITLE_MARGIN = 8;

/**
 * The title centred over the plot area, kept inside the canvas: a title wider than the canvas less
 * TITLE_MARGIN on each side is drawn in a smaller font, and its centre moves off the plot area's
 * centre as far as needed to keep both ends on the canvas (a long corner-plot title was cut at both edges).
 */
export function drawTitle(ctx: SKRSContext2D, rect: Rect, title: string | undefined, theme: Theme): void {
  if (!title) return;
  const room = ctx.canvas.width - 2 * TITLE_MARGIN;
  let size = theme.titleFont;
  ctx.save();
  ctx.font = font(size, true);
  let width = ctx.measureText(title).width;
  if (width > room) {
    size = Math.max(MIN_TITLE_FONT, Math.floor((size * room) / width));
    ctx.font = font(size, true);
    width = ctx.measureText(title).width;
  }
  const half = width / 2;
  const centre = Math.min(Math.max(rect.x + rect.w / 2, TITLE_MARGIN + half), ctx.canvas.width - TITLE_MARGIN - half);
  ctx.fillStyle = '#111111';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(title, centre, rect.y - theme.titleFont * 0.8);
  ctx.restore();
}

/**
 * A vertical viridis colorbar in `bar` for values on `scale` (linear or log), ticks and label on its
 * right. Colour of value v is viridis(t) with t the scale position of v in [0, 1].
 */
export function drawColorbar(ctx: SKRSContext2D, bar: Rect, scale: Scale, label: string | undefined, theme: Theme): void {
  const s = scale.withRange([bar.y + bar.h, bar.y]);
  ctx.save();
  // one gradient fill (viridis sampled at 64 stops) leaves no seams between rows
  const g = ctx.createLinearGradient(0, bar.y + bar.h, 0, bar.y);
  for (let k = 0; k <= 64; k++) g.addColorStop(k / 64, viridisCss(k / 64));
  ctx.fillStyle = g;
  ctx.fillRect(bar.x, bar.y, bar.w, bar.h);
  ctx.strokeStyle = '#222222';
  ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(bar.x) + 0.5, Math.round(bar.y) + 0.5, Math.round(bar.w), Math.round(bar.h));
  const t = s.ticks(tickTarget(bar.h, 55));
  const x0 = bar.x + bar.w;
  ctx.beginPath();
  for (const v of t.values) { const py = Math.round(s.map(v)) + 0.5; ctx.moveTo(x0, py); ctx.lineTo(x0 + theme.tickLength, py); }
  for (const v of t.minor) { const py = Math.round(s.map(v)) + 0.5; ctx.moveTo(x0, py); ctx.lineTo(x0 + theme.tickLength * 0.55, py); }
  ctx.stroke();
  ctx.font = font(theme.tickFont);
  ctx.fillStyle = '#222222';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  let widest = 0;
  t.values.forEach((v, k) => {
    ctx.fillText(t.labels[k], x0 + theme.tickLength + 4, s.map(v));
    widest = Math.max(widest, ctx.measureText(t.labels[k]).width);
  });
  if (label) {
    ctx.font = font(theme.labelFont);
    ctx.translate(x0 + theme.tickLength + 12 + widest + theme.labelFont * 0.5, bar.y + bar.h / 2);
    ctx.rotate(Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(label, 0, 0);
  }
  ctx.restore();
}

/** Position in [0, 1] of v on a colour scale (clamped; NaN for values the scale cannot show). */
export function colorPosition(scale: Scale, v: number): number {
  const s = scale.withRange([0, 1]);
  const t = s.map(v);
  return Number.isNaN(t) ? NaN : Math.min(1, Math.max(0, t));
}
