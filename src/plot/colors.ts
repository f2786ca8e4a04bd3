/** Colours: the category10 cycle (matplotlib's tab10) for series and the viridis colormap for values (d3-scale-chromatic). */
import { interpolateViridis, schemeCategory10 } from 'd3-scale-chromatic';

/** Categorical colours, in cycle order (d3 category10 = matplotlib tab10). */
export const PALETTE: readonly string[] = schemeCategory10;

/** Colour i of the cycle. */
export function seriesColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** viridis RGB (0..255) at t in [0, 1] (clamped; non-finite: 0), from d3-scale-chromatic. */
export function viridis(t: number): [number, number, number] {
  const hex = interpolateViridis(Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0))); // '#rrggbb'
  return [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) as [number, number, number];
}

/** CSS rgba() of a viridis value. */
export function viridisCss(t: number, alpha = 1): string {
  const [r, g, b] = viridis(t);
  return `rgba(${r},${g},${b},${alpha})`;
}

/** '#rrggbb' + alpha -> CSS rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) return hex;
  return `rgba(${parseInt(m[1], 16)},${parseInt(m[2], 16)},${parseInt(m[3], 16)},${alpha})`;
}
