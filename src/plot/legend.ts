/** Legends: a box of keyed labels in a corner of a plot area. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Rect } from './axes.js';
import { font, type Theme } from './figure.js';

/** One legend entry. */
export interface LegendEntry {
  label: string;
  color: string;
  kind: 'line' | 'patch' | 'point';
  dash?: number[];
}

/** Legend corner. */
export type LegendPosition = 'upper right' | 'upper left' | 'lower right' | 'lower left';

/** A legend box (white, translucent) in a corner of `rect`: a key (line, patch or point) and a label per entry. */
export function drawLegend(ctx: SKRSContext2D, rect: Rect, entries: readonly LegendEntry[], position: LegendPosition, theme: Theme): void {
  if (entries.length === 0) return;
  ctx.save();
  ctx.font = font(theme.legendFont);
  const rowH = theme.legendFont * 1.5;
  const keyW = 28;
  const pad = 8;
  const textW = entries.reduce((m, e) => Math.max(m, ctx.measureText(e.label).width), 0);
  const w = pad * 2 + keyW + 8 + textW;
  const h = pad * 2 + rowH * entries.length - (rowH - theme.legendFont * 1.1);
  const x0 = position.endsWith('right') ? rect.x + rect.w - w - 10 : rect.x + 10;
  const y0 = position.startsWith('upper') ? rect.y + 10 : rect.y + rect.h - h - 10;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.strokeStyle = '#bbbbbb';
  ctx.lineWidth = 1;
  ctx.fillRect(x0, y0, w, h);
  ctx.strokeRect(x0 + 0.5, y0 + 0.5, w, h);
  entries.forEach((e, k) => {
    const cy = y0 + pad + theme.legendFont * 0.55 + k * rowH;
    const kx = x0 + pad;
    if (e.kind === 'line') {
      ctx.strokeStyle = e.color;
      ctx.lineWidth = theme.lineWidth;
      ctx.setLineDash(e.dash ?? []);
      ctx.beginPath();
      ctx.moveTo(kx, cy);
      ctx.lineTo(kx + keyW, cy);
      ctx.stroke();
      ctx.setLineDash([]);
    } else if (e.kind === 'patch') {
      ctx.fillStyle = e.color;
      ctx.globalAlpha = 0.6;
      ctx.fillRect(kx, cy - theme.legendFont * 0.4, keyW, theme.legendFont * 0.8);
      ctx.globalAlpha = 1;
    } else {
      ctx.fillStyle = e.color;
      ctx.beginPath();
      ctx.arc(kx + keyW / 2, cy, 4, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = '#222222';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(e.label, kx + keyW + 8, cy);
  });
  ctx.restore();
}
