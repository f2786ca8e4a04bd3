/**
 * 2-D density heatmaps (learned next to target) and the loss-with-spread chart: files written with
 * the expected size, and pixel colours that follow the density (viridis: brighter = denser).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { bandChart, runningStats } from '../../src/plot/band-chart.js';
import { pngSize } from '../../src/plot/figure.js';
import { binMean, gridPoints, renderHeatmaps, saveHeatmaps, type HeatmapGrid } from '../../src/plot/heatmap.js';

/** RGBA of the pixel (px, py) of a PNG. */
async function pixel(png: Buffer, px: number, py: number): Promise<number[]> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return Array.from(ctx.getImageData(Math.round(px), Math.round(py), 1, 1).data);
}
const luminance = ([r, g, b]: number[]) => 0.299 * r + 0.587 * g + 0.114 * b;

describe('density heatmaps', () => {
  // exp(-E) of a banana energy E = (x1 - 0.5)^2 / 0.5 + (x2 - x1^2 + 1)^2 / 0.1 on [-2, 2]^2 (mode (0.5, -0.75))
  const grid: HeatmapGrid = { x: [-2, 2], y: [-2, 2], nx: 50, ny: 50 };
  const pts = gridPoints(grid);
  const energy = (a: number, b: number) => (a - 0.5) ** 2 / 0.5 + (b - a * a + 1) ** 2 / 0.1;
  const density = Float64Array.from({ length: pts.length / 2 }, (_, k) => Math.exp(-energy(pts[2 * k], pts[2 * k + 1])));

  it('writes a PNG of the reported size, panels square and side by side, the mode brighter than the tails in both panels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heatmap-'));
    const path = join(dir, 'density.png');
    // the "learned" panel: the same density with a hole (missing cells) in a corner
    const learned = density.map((v, k) => (pts[2 * k] > 1.5 && pts[2 * k + 1] > 1.5 ? NaN : v));
    const f = saveHeatmaps(path, [{ title: 'flow', values: learned }, { title: 'exp(-E)', values: density }], grid, { title: 'banana', xLabel: 'x1', yLabel: 'x2', colorLabel: 'density', panelSize: 300 });
    const png = readFileSync(path);
    expect(pngSize(png)).toEqual({ width: f.width, height: f.height });
    expect(f.rects).toHaveLength(2);
    for (const r of f.rects) expect([r.w, r.h]).toEqual([300, 300]);
    expect(f.rects[1].x).toBeGreaterThan(f.rects[0].x + 300);
    expect(f.width).toBeGreaterThan(2 * 300);
    expect(f.height).toBeGreaterThan(300);
    const at = (r: { x: number; y: number; w: number; h: number }, a: number, b: number) => [r.x + ((a + 2) / 4) * r.w, r.y + (1 - (b + 2) / 4) * r.h] as const;
    for (const r of f.rects) {
      const mode = luminance(await pixel(png, ...at(r, 0.5, -0.75)));
      const shoulder = luminance(await pixel(png, ...at(r, 0, -1.0))); // E = 0.5: density e^-0.5
      const tail = luminance(await pixel(png, ...at(r, -1.5, 1.5)));
      expect(mode).toBeGreaterThan(shoulder + 20);
      expect(shoulder).toBeGreaterThan(tail + 20);
    }
    // the x tick labels of neighbouring panels keep the middle of the gap between them blank (at 360 px
    // panels they once ran into each other: "2.0−2.0")
    const wide = renderHeatmaps([{ values: density }, { values: density }], grid);
    const mid = (wide.rects[0].x + wide.rects[0].w + wide.rects[1].x) / 2;
    for (let dy = 4; dy < 30; dy += 1) expect((await pixel(wide.png, mid, wide.rects[0].y + wide.rects[0].h + dy)).slice(0, 3)).toEqual([255, 255, 255]);
    // a missing cell is light grey, not a colour of the map
    const hole = await pixel(png, ...at(f.rects[0], 1.8, 1.8));
    expect(hole.slice(0, 3)).toEqual([230, 230, 230]);
  });

  it('bins scattered values into per-cell means, NaN where a cell holds no point', () => {
    const g: HeatmapGrid = { x: [0, 2], y: [0, 1], nx: 2, ny: 1 };
    const m = binMean([0.2, 0.5, 0.7, 0.1, 5, 0.5], [1, 3, 100], g);
    expect(Array.from(m.slice(0, 1))).toEqual([2]);
    expect(Number.isNaN(m[1])).toBe(true);
  });
});

describe('loss with its spread', () => {
  it('computes running mean, std, min and max over trailing windows', () => {
    const s = runningStats([1, 3, NaN, 5, 7], 2);
    expect(Array.from(s.mean)).toEqual([1, 2, 3, 5, 6]);
    expect(s.std[1]).toBeCloseTo(Math.SQRT2, 12);
    expect(s.std[2]).toBe(0);
    expect(Array.from(s.min)).toEqual([1, 1, 3, 5, 5]);
    expect(Array.from(s.max)).toEqual([1, 3, 3, 5, 7]);
  });

  it('draws the spread band: pixels inside the min-max band of a noisy loss are tinted, outside it white', async () => {
    // loss alternating 1 and 3 around 2: the band spans [1, 3] at every step (window >= 2)
    const y = Float64Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 1 : 3));
    const png = bandChart([{ y, label: 'train', color: '#1f77b4' }], [], { window: 10, width: 600, height: 400 });
    expect(pngSize(png)).toEqual({ width: 600, height: 400 });
    const img = await loadImage(png);
    const c = createCanvas(600, 400);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, 600, 400).data;
    // in the middle column, count tinted (blue-ish) pixels: the band covers a tall run of rows
    let tinted = 0;
    for (let py = 0; py < 400; py++) {
      const k = 4 * (py * 600 + 300);
      if (data[k + 2] > data[k] + 20) tinted++;
    }
    expect(tinted).toBeGreaterThan(100);
  });
});
