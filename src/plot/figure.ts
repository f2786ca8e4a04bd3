/**
 * Figure basics: a white canvas, the theme (fonts and sizes), PNG encoding and atomic saving.
 * Canvas: @napi-rs/canvas (Skia, no browser); fonts: DejaVu Sans (installed with the system).
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { writeFileAtomic } from '../core/atomic-write.js';
import { invalid } from '../core/errors.js';
import type { LegendPosition } from './legend.js';

/** Font family list used for all text. */
export const FONT_FAMILY = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';

/** Sizes in pixels. */
export interface Theme {
  tickFont: number;
  labelFont: number;
  titleFont: number;
  legendFont: number;
  lineWidth: number;
  tickLength: number;
}

/** Theme for an 800 x 600 figure. */
export const DEFAULT_THEME: Theme = { tickFont: 14, labelFont: 16, titleFont: 18, legendFont: 14, lineWidth: 2, tickLength: 6 };

/** Theme scaled for small panels (corner plots). */
export function smallTheme(panelPx: number): Theme {
  const s = Math.max(0.75, Math.min(1, panelPx / 320));
  return { tickFont: Math.round(14 * s), labelFont: Math.round(16 * s), titleFont: 18, legendFont: 14, lineWidth: 1.5, tickLength: Math.round(5 * s) };
}

/** Options every x-y chart takes: size in pixels, title, axis labels, log axes, fixed ranges, legend corner. */
export interface XYChartOptions {
  width?: number;
  height?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  logX?: boolean;
  logY?: boolean;
  xRange?: [number, number];
  yRange?: [number, number];
  legend?: LegendPosition;
}

/** A canvas and its 2-D context. */
export interface Figure {
  canvas: Canvas;
  ctx: SKRSContext2D;
  width: number;
  height: number;
}

/** A white figure of the given size (integer pixels in [16, 10000]). */
export function createFigure(width: number, height: number): Figure {
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v < 16 || v > 10000) invalid(name, v, 'must be an integer number of pixels in [16, 10000]');
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  return { canvas, ctx, width, height };
}

/** CSS font string. */
export function font(sizePx: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${sizePx}px ${FONT_FAMILY}`;
}

/** Encode a figure as PNG bytes. */
export function toPng(fig: Figure): Buffer {
  return fig.canvas.toBuffer('image/png');
}

/** Write PNG bytes to `path` atomically (tmp file + rename). */
export function savePng(path: string, png: Uint8Array): void {
  if (!path.toLowerCase().endsWith('.png')) invalid('plot file', path, 'must end in .png');
  writeFileAtomic(path, png);
}

/** Width and height of a PNG from its IHDR chunk (throws if the bytes are not a PNG). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) invalid('png', `${png.length} bytes`, 'does not start with the PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
