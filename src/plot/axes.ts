/**
 * Axes of the panels Chart.js does not lay out (corner plot, heatmap): a rectangle of the canvas with
 * an x and a y scale, and what those panels draw (grid, frame, ticks and labels, points, bars, legend).
 * Points that map to NaN (non-finite data, non-positive data on log scales) are skipped.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { font, type Theme } from './figure.js';
import { drawLegend, type LegendEntry, type LegendPosition } from './legend.js';
import { Scale, type ScaleTicks } from './scale.js';

/** Legend types, re-exported for the charts. */
export type { LegendEntry, LegendPosition } from './legend.js';

/** A pixel rectangle: top-left corner, width, height. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Tick count that fits a pixel length (about one tick per `perTick` pixels, at least 2). */
export function tickTarget(lengthPx: number, perTick: number): number {
  return Math.max(2, Math.floor(lengthPx / perTick));
}

/**
 * A plot area with its scales (x range left to right, y range bottom to top, in pixels) and the
 * drawing primitives; draw data first, then `frame`, `xAxis`, `yAxis`, `legend`.
 */
export class Axes {
  readonly x: Scale;
  readonly y: Scale;
  /** How far [px] an x tick label may reach beyond the plot area on each side (a panel with a neighbour there sets the gap / 2). */
  readonly xLabelOverhang = { left: Infinity, right: Infinity };

  constructor(
    readonly ctx: SKRSContext2D,
    readonly rect: Rect,
    x: Scale,
    y: Scale,
    readonly theme: Theme,
  ) {
    this.x = x.withRange([rect.x, rect.x + rect.w]);
    this.y = y.withRange([rect.y + rect.h, rect.y]);
  }

  /** X ticks whose labels do not overlap: fewer ticks until the widest label fits its slot. */
  xTicks(): ScaleTicks {
    const ctx = this.ctx;
    ctx.font = font(this.theme.tickFont);
    for (let target = Math.max(3, tickTarget(this.rect.w, this.rect.w > 400 ? 90 : 60)); ; target--) {
      const t = this.x.ticks(target);
      const widest = t.labels.reduce((m, l) => Math.max(m, ctx.measureText(l).width), 0);
      const slots = t.values.map((v) => this.x.map(v));
      let fits = true;
      for (let k = 1; k < slots.length; k++) if (Math.abs(slots[k] - slots[k - 1]) < widest + 10) fits = false;
      if (fits || target <= 2) return t;
    }
  }

  /** Y ticks (about one per 55 px). */
  yTicks(): ScaleTicks {
    return this.y.ticks(tickTarget(this.rect.h, 55));
  }

  /** Light grid lines at the major ticks. */
  grid(): void {
    const { ctx, rect } = this;
    ctx.save();
    ctx.strokeStyle = '#e6e6e6';
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const v of this.xTicks().values) {
      const px = Math.round(this.x.map(v)) + 0.5;
      if (px > rect.x + 1 && px < rect.x + rect.w - 1) { ctx.moveTo(px, rect.y); ctx.lineTo(px, rect.y + rect.h); }
    }
    for (const v of this.yTicks().values) {
      const py = Math.round(this.y.map(v)) + 0.5;
      if (py > rect.y + 1 && py < rect.y + rect.h - 1) { ctx.moveTo(rect.x, py); ctx.lineTo(rect.x + rect.w, py); }
    }
    ctx.stroke();
    ctx.restore();
  }

  /** The frame around the plot area. */
  frame(): void {
    const { ctx, rect } = this;
    ctx.save();
    ctx.strokeStyle = '#222222';
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    ctx.strokeRect(Math.round(rect.x) + 0.5, Math.round(rect.y) + 0.5, Math.round(rect.w), Math.round(rect.h));
    ctx.restore();
  }

  /** Bottom axis: ticks (major with labels, minor without) and the axis label. */
  xAxis(label?: string, showLabels = true): void {
    const { ctx, rect, theme } = this;
    const t = this.xTicks();
    const y0 = rect.y + rect.h;
    ctx.save();
    ctx.strokeStyle = '#222222';
    ctx.fillStyle = '#222222';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const v of t.values) { const px = Math.round(this.x.map(v)) + 0.5; ctx.moveTo(px, y0); ctx.lineTo(px, y0 + theme.tickLength); }
    for (const v of t.minor) { const px = Math.round(this.x.map(v)) + 0.5; ctx.moveTo(px, y0); ctx.lineTo(px, y0 + theme.tickLength * 0.55); }
    ctx.stroke();
    if (showLabels) {
      ctx.font = font(theme.tickFont);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      t.values.forEach((v, k) => {
        const px = this.x.map(v);
        const half = ctx.measureText(t.labels[k]).width / 2;
        if (px - half < rect.x - this.xLabelOverhang.left || px + half > rect.x + rect.w + this.xLabelOverhang.right) return;
        ctx.fillText(t.labels[k], px, y0 + theme.tickLength + 3);
      });
    }
    if (label !== undefined && label !== '') {
      ctx.font = font(theme.labelFont);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(label, rect.x + rect.w / 2, y0 + theme.tickLength + theme.tickFont * 1.25 + 6);
    }
    ctx.restore();
  }

  /** Left (or right) axis: ticks, labels and the rotated axis label placed beyond the widest tick label. */
  yAxis(label?: string, side: 'left' | 'right' = 'left', showLabels = true): void {
    const { ctx, rect, theme } = this;
    const t = this.yTicks();
    const x0 = side === 'left' ? rect.x : rect.x + rect.w;
    const dir = side === 'left' ? -1 : 1;
    ctx.save();
    ctx.strokeStyle = '#222222';
    ctx.fillStyle = '#222222';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const v of t.values) { const py = Math.round(this.y.map(v)) + 0.5; ctx.moveTo(x0, py); ctx.lineTo(x0 + dir * theme.tickLength, py); }
    for (const v of t.minor) { const py = Math.round(this.y.map(v)) + 0.5; ctx.moveTo(x0, py); ctx.lineTo(x0 + dir * theme.tickLength * 0.55, py); }
    ctx.stroke();
    ctx.font = font(theme.tickFont);
    const widest = showLabels ? t.labels.reduce((m, l) => Math.max(m, ctx.measureText(l).width), 0) : 0;
    if (showLabels) {
      ctx.textAlign = side === 'left' ? 'right' : 'left';
      ctx.textBaseline = 'middle';
      t.values.forEach((v, k) => ctx.fillText(t.labels[k], x0 + dir * (theme.tickLength + 4), this.y.map(v)));
    }
    if (label !== undefined && label !== '') {
      ctx.font = font(theme.labelFont);
      ctx.translate(x0 + dir * (theme.tickLength + 10 + widest + theme.labelFont * 0.5), rect.y + rect.h / 2);
      ctx.rotate(side === 'left' ? -Math.PI / 2 : Math.PI / 2);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(label, 0, 0);
    }
    ctx.restore();
  }

  /** Run `draw` with drawing clipped to the plot area. */
  clipped(draw: () => void): void {
    const { ctx, rect } = this;
    ctx.save();
    ctx.beginPath();
    ctx.rect(rect.x, rect.y, rect.w, rect.h);
    ctx.clip();
    draw();
    ctx.restore();
  }

  /** Filled circles of one colour. */
  points(x: ArrayLike<number>, y: ArrayLike<number>, opts: { color: string; radius?: number; alpha?: number }): void {
    const ctx = this.ctx;
    const r = opts.radius ?? 3;
    this.clipped(() => {
      ctx.globalAlpha = opts.alpha ?? 1;
      ctx.fillStyle = opts.color;
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const px = this.x.map(x[i]);
        const py = this.y.map(y[i]);
        if (Number.isNaN(px) || Number.isNaN(py)) continue;
        ctx.beginPath();
        ctx.arc(px, py, r, 0, 2 * Math.PI);
        ctx.fill();
      }
    });
  }

  /** Histogram bars from edges/counts: filled (alpha) and/or a step outline. */
  bars(edges: ArrayLike<number>, counts: ArrayLike<number>, opts: { color: string; fillAlpha?: number; outline?: boolean; width?: number }): void {
    const ctx = this.ctx;
    const base = this.y.type === 'log' ? this.y.domain[0] : 0;
    const yBase = this.y.map(base);
    this.clipped(() => {
      if ((opts.fillAlpha ?? 0.35) > 0) {
        // One polygon for all bars: separate rectangles leave anti-aliased seams between bins.
        ctx.globalAlpha = opts.fillAlpha ?? 0.35;
        ctx.fillStyle = opts.color;
        ctx.beginPath();
        let open = false;
        let lastX = NaN;
        for (let k = 0; k < counts.length; k++) {
          const x0 = this.x.map(edges[k]);
          const x1 = this.x.map(edges[k + 1]);
          if (Number.isNaN(x0) || Number.isNaN(x1)) continue;
          let y1 = this.y.map(counts[k]);
          if (Number.isNaN(y1)) y1 = yBase;
          if (!open) { ctx.moveTo(x0, yBase); open = true; }
          ctx.lineTo(x0, y1);
          ctx.lineTo(x1, y1);
          lastX = x1;
        }
        if (open) { ctx.lineTo(lastX, yBase); ctx.closePath(); ctx.fill(); }
      }
      if (opts.outline ?? true) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = opts.color;
        ctx.lineWidth = opts.width ?? this.theme.lineWidth;
        ctx.setLineDash([]);
        ctx.beginPath();
        let prev = yBase;
        let started = false;
        for (let k = 0; k < counts.length; k++) {
          const x0 = this.x.map(edges[k]);
          const x1 = this.x.map(edges[k + 1]);
          let y1 = this.y.map(counts[k]);
          if (Number.isNaN(x0) || Number.isNaN(x1)) continue;
          if (Number.isNaN(y1)) y1 = yBase;
          if (!started) { ctx.moveTo(x0, yBase); started = true; }
          ctx.lineTo(x0, Number.isNaN(prev) ? yBase : prev);
          ctx.lineTo(x0, y1);
          ctx.lineTo(x1, y1);
          prev = y1;
        }
        if (started) ctx.lineTo(this.x.map(edges[counts.length]), yBase);
        ctx.stroke();
      }
    });
  }

  /** A legend box in a corner of the plot area (see `drawLegend`). */
  legend(entries: readonly LegendEntry[], position: LegendPosition = 'upper right'): void {
    drawLegend(this.ctx, this.rect, entries, position, this.theme);
  }
}
