import { existsSync, readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { cornerPlot, renderCornerPlot, saveCornerPlot } from '../../src/plot/corner.js';
import { pngSize } from '../../src/plot/figure.js';
import { histogramChart, renderHistogramChart, saveHistogramChart } from '../../src/plot/histogram-chart.js';
import { lineChart, renderLineChart, saveLineChart } from '../../src/plot/line-chart.js';
import { renderBandChart, runningStats } from '../../src/plot/band-chart.js';
import { binEdges, histogram } from '../../src/plot/binning.js';
import { seriesColor, viridis } from '../../src/plot/colors.js';
import { renderScatterChart, saveScatterChart, scatterChart } from '../../src/plot/scatter-chart.js';
import { decodePng, topInkBand } from './pixels.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const rng = new Rng(21);
const normals = (n: number) => Array.from({ length: n }, () => rng.normal());

function expectPng(png: Buffer, width: number, height: number): void {
  expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
  expect(pngSize(png)).toEqual({ width, height });
}

describe('charts render PNGs of the requested size', () => {
  it('line chart with log y and a secondary learning-rate axis', () => {
    const epochs = Array.from({ length: 200 }, (_, i) => i);
    const png = lineChart(
      [{ x: epochs, y: epochs.map((e) => Math.exp(-e / 50) + 0.01), label: 'train' }, { x: epochs, y: epochs.map((e) => Math.exp(-e / 60) + 0.02), label: 'validation' }],
      { logY: true, xLabel: 'epoch', yLabel: 'loss', title: 'loss', right: { series: [{ x: epochs, y: epochs.map((e) => 1e-3 * 0.5 ** Math.floor(e / 70)), label: 'lr' }], label: 'learning rate', logY: true } },
    );
    expectPng(png, 800, 600);
    expectPng(lineChart([{ y: [1, 2, 3] }], { width: 640, height: 480 }), 640, 480);
  });

  it('histogram with cumulative log-y and a minimal-match line', () => {
    const ff = Array.from({ length: 1000 }, () => 1 - Math.abs(0.02 * rng.normal()));
    expectPng(histogramChart({ values: ff, label: 'FF' }, { cumulative: true, density: true, logY: true, lines: [{ x: 0.97, label: 'MM' }] }), 800, 600);
    expectPng(histogramChart([{ values: normals(500) }, { values: normals(300), label: 'b' }], { width: 500, height: 400, bins: 20 }), 500, 400);
  });

  it('scatter coloured by value with a colorbar, and predicted vs true with y = x', () => {
    const x = normals(400);
    expectPng(scatterChart({ x, y: normals(400) }, { colorBy: { values: x.map((v) => Math.exp(v)), label: 'FF', log: true } }), 800, 600);
    expectPng(scatterChart([{ x, y: x.map((v) => v + 0.1 * rng.normal()), label: 'val' }], { diagonal: { label: 'y = x' } }), 800, 600);
  });

  it('corner plot for D = 3 with two datasets has D panels of 250 px plus margins, in both lower-panel modes', () => {
    const rows = (n: number) => Array.from({ length: n }, () => [rng.normal(), rng.normal() * 2, Math.exp(rng.normal())]);
    for (const lower of ['scatter', 'hist2d'] as const) {
      const png = cornerPlot([{ samples: rows(2000), label: 'dataset' }, { samples: rows(2000), label: 'flow' }], { names: ['M', 'q', 's1z'], lower, title: 'flow vs data' });
      const { width, height } = pngSize(png);
      expect(width).toBeGreaterThan(3 * 250);
      expect(width).toBeLessThan(3 * 250 + 250);
      expect(height).toBeGreaterThan(3 * 250);
      expect(height).toBeLessThan(3 * 250 + 250);
    }
    const flat = new Float64Array(3 * 100).map(() => rng.normal());
    expect(pngSize(cornerPlot({ samples: flat }, { names: ['a', 'b', 'c'], panelSize: 120 })).width).toBeGreaterThan(360);
    expect(pngSize(cornerPlot({ samples: [[1], [2], [2.5]] }, { names: ['x'] })).width).toBeGreaterThan(250);
  });
});

describe('titles are drawn whole on the canvas', () => {
  // the place command's flow_vs_dataset.png title (src/cli/place/plots.ts), once cut at both edges at D = 2
  const long = 'flow samples (~ sqrt|det M|) vs its training dataset (chirp-time flat)';
  const rows = (n: number, d: number) => Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));

  it.each([2, 3, 4])('a long corner-plot title at D = %i has ink, and blank margins of >= 6 px on both sides', async (d) => {
    const names = ['M', 'q', 's1z', 's2z'].slice(0, d);
    const band = await topInkBand(cornerPlot([{ samples: rows(300, d), label: 'dataset' }, { samples: rows(300, d), label: 'flow' }], { names, title: long }));
    expect(band).toBeDefined();
    expect(band!.bottom - band!.top).toBeGreaterThan(5);
    expect(band!.right - band!.left).toBeGreaterThan(0.5 * band!.width);
    expect(band!.left).toBeGreaterThanOrEqual(6);
    expect(band!.right).toBeLessThanOrEqual(band!.width - 1 - 6);
  });

  it('a short title keeps its size and stays centred over the plot area', async () => {
    const wide = await topInkBand(lineChart([{ y: [1, 2, 3] }], { title: 'loss' }));
    const narrow = await topInkBand(lineChart([{ y: [1, 2, 3] }], { title: 'loss', width: 300 }));
    expect(wide!.bottom - wide!.top).toBe(narrow!.bottom - narrow!.top);
    expect(wide!.right - wide!.left).toBe(narrow!.right - narrow!.left);
    expect(wide!.left).toBeGreaterThan(300);
  });

  it('a line-chart title longer than the canvas is shrunk inside it', async () => {
    const band = await topInkBand(lineChart([{ y: [1, 2, 3] }], { title: long, width: 480, height: 360 }));
    expect(band!.left).toBeGreaterThanOrEqual(6);
    expect(band!.right).toBeLessThanOrEqual(480 - 1 - 6);
  });
});

describe('charts survive bad numbers', () => {
  it('skips NaN and Infinity in every chart instead of crashing', () => {
    const bad = [1, NaN, 2, Infinity, -Infinity, 3, 0, -1];
    expectPng(lineChart([{ x: bad, y: bad }, { y: [NaN, NaN] }], { logY: true, logX: true }), 800, 600);
    expectPng(histogramChart({ values: bad }, { logY: true }), 800, 600);
    expectPng(histogramChart({ values: [NaN, Infinity] }), 800, 600);
    expectPng(histogramChart({ values: [] }), 800, 600);
    expectPng(scatterChart({ x: bad, y: bad.slice().reverse() }, { colorBy: { values: bad }, logX: true }), 800, 600);
    expectPng(scatterChart({ x: [NaN], y: [NaN] }, { colorBy: { values: [NaN] } }), 800, 600);
    expect(pngSize(cornerPlot({ samples: [[1, NaN], [Infinity, 2], [0.5, 0.7], [1.5, 0.2]] }, { names: ['a', 'b'] })).width).toBeGreaterThan(500);
    expect(pngSize(cornerPlot({ samples: [[NaN, NaN]] }, { names: ['a', 'b'], lower: 'hist2d' })).height).toBeGreaterThan(500);
  });

  it('rejects impossible sizes and wrongly shaped samples with a message naming the argument', () => {
    expect(() => lineChart([{ y: [1, 2] }], { width: 0 })).toThrow(/width/);
    expect(() => cornerPlot({ samples: [[1, 2, 3]] }, { names: ['a', 'b'] })).toThrow(/samples\[0\]/);
    expect(() => cornerPlot({ samples: [1, 2, 3] }, { names: ['a', 'b'] })).toThrow(/multiple of D/);
  });
});

describe('saving', () => {
  it('writes each chart to its .png atomically, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-ts-plot-'));
    saveLineChart(join(dir, 'loss.png'), [{ y: [3, 2, 1] }]);
    saveHistogramChart(join(dir, 'ff.png'), { values: normals(100) });
    saveScatterChart(join(dir, 'inj.png'), { x: normals(50), y: normals(50) });
    saveCornerPlot(join(dir, 'corner.png'), { samples: normals(60) }, { names: ['a', 'b', 'c'] });
    expect(readdirSync(dir).sort()).toEqual(['corner.png', 'ff.png', 'inj.png', 'loss.png']);
    expect(() => saveLineChart(join(dir, 'loss.jpg'), [{ y: [1] }])).toThrow(/\.png/);
    expect(existsSync(join(dir, 'loss.jpg'))).toBe(false);
  });
});

describe('Chart.js charts by content', () => {
  const inside = (r: { left: number; right: number; top: number; bottom: number }, w: number, h: number) => r.left >= 0 && r.top >= 0 && r.right <= w && r.bottom <= h;

  it('a line chart with a right axis shows every point: each axis range holds its data, the title box lies inside the canvas', () => {
    const x = Array.from({ length: 200 }, (_, i) => i);
    const train = x.map((e) => Math.exp(-e / 50) + 0.01);
    const lr = x.map((e) => 1e-3 * 0.5 ** Math.floor(e / 70));
    const long = 'flow samples (~ sqrt|det M|) vs its training dataset (chirp-time flat)';
    const r = renderLineChart([{ x, y: train, label: 'train' }], { logY: true, title: long, width: 480, height: 360, right: { series: [{ x, y: lr, label: 'lr' }], logY: true } });
    expect(r.scales.x.min).toBeLessThanOrEqual(0);
    expect(r.scales.x.max).toBeGreaterThanOrEqual(199);
    expect(r.scales.y.min).toBeLessThanOrEqual(Math.min(...train));
    expect(r.scales.y.max).toBeGreaterThanOrEqual(Math.max(...train));
    expect(r.scales.y2.min).toBeLessThanOrEqual(Math.min(...lr));
    expect(r.scales.y2.max).toBeGreaterThanOrEqual(Math.max(...lr));
    expect(inside(r.title!, 480, 360)).toBe(true);
    expect(inside(r.area, 480, 360)).toBe(true);
    expect(r.area.top).toBeGreaterThanOrEqual(r.title!.bottom);
  });

  it('a histogram shows its bins and the reference line, y from 0 to at least the largest count', () => {
    const v = Array.from({ length: 500 }, () => 0.98 + 0.01 * rng.normal());
    const r = renderHistogramChart({ values: v }, { bins: 25, lines: [{ x: 0.9, label: 'MM' }] });
    const h = histogram(v, { bins: binEdges(Math.min(...v), Math.max(...v), 25) });
    expect(r.scales.x.min).toBeLessThanOrEqual(0.9);
    expect(r.scales.x.max).toBeGreaterThanOrEqual(Math.max(...v));
    expect(r.scales.y.min).toBe(0);
    expect(r.scales.y.max).toBeGreaterThanOrEqual(Math.max(...h.counts));
  });

  it('a band chart spans the running min and max of its series and every marker', () => {
    const y = Array.from({ length: 300 }, (_, i) => 2 * Math.exp(-i / 100) + 0.3 * rng.normal());
    const r = renderBandChart([{ y, label: 'train' }], [], { window: 10, markers: [100, 200] });
    const s = runningStats(y, 10);
    expect(r.scales.y.min).toBeLessThanOrEqual(Math.min(...s.min));
    expect(r.scales.y.max).toBeGreaterThanOrEqual(Math.max(...s.max));
    expect(r.scales.x.min).toBeLessThanOrEqual(0);
    expect(r.scales.x.max).toBeGreaterThanOrEqual(299);
  });

  it('a scatter coloured by value: axes hold the points, title and colour bar inside, extreme points in the colormap\'s end colours', async () => {
    const n = 300;
    const x = Array.from({ length: n }, () => rng.uniform());
    const y = Array.from({ length: n }, () => rng.uniform());
    const ff = x.map((v, i) => 0.9 + 0.05 * (v + y[i]));
    // the lowest and the highest value sit alone, far from the cloud
    x.push(-1, 2); y.push(-1, 2); ff.push(0.85, 1);
    // edge points stay whole inside the plot area: the axes keep a margin beyond the data
    const r = renderScatterChart({ x, y, radius: 4, alpha: 1 }, { title: 'injections coloured by fitting factor', colorBy: { values: ff, label: 'FF' }, width: 640, height: 480 });
    expect(r.scales.x.min).toBeLessThan(-1);
    expect(r.scales.x.max).toBeGreaterThan(2);
    expect(r.scales.y.min).toBeLessThan(-1);
    expect(r.scales.y.max).toBeGreaterThan(2);
    expect(inside(r.title!, 640, 480)).toBe(true);
    expect(inside(r.colorbar!, 640, 480)).toBe(true);
    expect(r.colorbar!.left).toBeGreaterThan(r.area.right);
    const img = await decodePng(r.png);
    const rgb = (px: number, py: number) => { const i = 4 * (Math.round(py) * img.width + Math.round(px)); return [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]]; };
    const at = (vx: number, vy: number) => rgb(
      r.area.left + ((vx - r.scales.x.min) / (r.scales.x.max - r.scales.x.min)) * (r.area.right - r.area.left),
      r.area.bottom - ((vy - r.scales.y.min) / (r.scales.y.max - r.scales.y.min)) * (r.area.bottom - r.area.top));
    const near = (a: number[], b: number[]) => Math.max(...a.map((v, k) => Math.abs(v - b[k])));
    expect(near(at(-1, -1), viridis(0))).toBeLessThanOrEqual(2); // achieved 0 (of 255)
    expect(near(at(2, 2), viridis(1))).toBeLessThanOrEqual(2); // achieved 0 (of 255)
    const mid = (r.colorbar!.left + r.colorbar!.right) / 2;
    // pixel row k covers [k, k + 1): its centre k + 0.5 lies at t = (bottom - k - 0.5) / h of the bar
    const { top, bottom } = r.colorbar!;
    const tOf = (row: number) => (bottom - row - 0.5) / (bottom - top);
    const low = Math.floor(bottom) - 4;
    const high = Math.ceil(top) + 4;
    expect(near(rgb(mid, low), viridis(tOf(low)))).toBeLessThanOrEqual(6); // achieved 1 (of 255)
    expect(near(rgb(mid, high), viridis(tOf(high)))).toBeLessThanOrEqual(6); // achieved 1 (of 255)
  });

  it('a scatter with y = x puts both axes over every point', () => {
    const x = Array.from({ length: 200 }, () => 3 * rng.normal());
    const y = x.map((v) => v + 0.5 + 0.1 * rng.normal());
    const r = renderScatterChart({ x, y, label: 'validation' }, { diagonal: { label: 'y = x' } });
    const lo = Math.min(...x, ...y);
    const hi = Math.max(...x, ...y);
    for (const id of ['x', 'y']) {
      expect(r.scales[id].min).toBeLessThanOrEqual(lo);
      expect(r.scales[id].max).toBeGreaterThanOrEqual(hi);
    }
    expect(r.colorbar).toBeUndefined();
  });

  it('a corner plot lays out D(D+1)/2 panels inside the canvas, each axis over all the data of its dimension', () => {
    const names = ['M', 'q', 's1z'];
    const rows = (n: number, shift: number) => Array.from({ length: n }, () => [10 + shift + rng.normal(), Math.exp(0.3 * rng.normal()), 0.5 * rng.normal()]);
    const a = rows(800, 0);
    const b = rows(800, 3);
    const r = renderCornerPlot([{ samples: a, label: 'dataset' }, { samples: b, label: 'flow' }], { names, title: 'flow vs data' });
    expect(r.panels).toHaveLength(6);
    const range = (j: number) => [Math.min(...a.map((p) => p[j]), ...b.map((p) => p[j])), Math.max(...a.map((p) => p[j]), ...b.map((p) => p[j]))];
    for (const p of r.panels) {
      expect(p.col).toBeLessThanOrEqual(p.row);
      expect(inside({ left: p.rect.x, top: p.rect.y, right: p.rect.x + p.rect.w, bottom: p.rect.y + p.rect.h }, r.width, r.height)).toBe(true);
      const [lo, hi] = range(p.col);
      expect(p.x[0]).toBeLessThanOrEqual(lo);
      expect(p.x[1]).toBeGreaterThanOrEqual(hi);
      if (p.row !== p.col) {
        const [ylo, yhi] = range(p.row);
        expect(p.y[0]).toBeLessThanOrEqual(ylo);
        expect(p.y[1]).toBeGreaterThanOrEqual(yhi);
      } else {
        expect(p.y[0]).toBe(0); // a density histogram starts at zero
      }
    }
    // panels of one column share the x range, off-diagonal panels of one row the y range
    for (const p of r.panels) {
      for (const q of r.panels) {
        if (p.col === q.col) expect(q.x).toEqual(p.x);
        if (p.row === q.row && p.row !== p.col && q.row !== q.col) expect(q.y).toEqual(p.y);
      }
    }
  });

  it('a corner plot coloured by value paints each point in viridis of its value (lowest on top) and skips rows with a non-finite value', async () => {
    // two points far apart, one at each end of the value range, plus a row whose value is NaN
    const samples = [[0, 0], [1, 1], [0.5, 0.5]];
    const r = renderCornerPlot({ samples, values: [0.9, 1.0, NaN] }, { names: ['x', 'y'], valueRange: [0.9, 1], panelSize: 200 });
    const { width, rgba } = await decodePng(r.png);
    const lower = r.panels.find((p) => p.row === 1 && p.col === 0)!;
    const pixel = (x: number, y: number) => {
      const px = Math.round(lower.rect.x + ((x - lower.x[0]) / (lower.x[1] - lower.x[0])) * lower.rect.w);
      const py = Math.round(lower.rect.y + lower.rect.h - ((y - lower.y[0]) / (lower.y[1] - lower.y[0])) * lower.rect.h);
      const i = 4 * (py * width + px);
      return [rgba[i], rgba[i + 1], rgba[i + 2]];
    };
    // achieved 0 (the bucket colour exactly); neighbouring buckets differ by several units in some channel
    const close = (got: number[], want: number[]) => got.every((v, k) => Math.abs(v - want[k]) <= 2);
    expect(close(pixel(0, 0), viridis(0.5 / 32))).toBe(true);
    expect(close(pixel(1, 1), viridis(31.5 / 32))).toBe(true);
    // the NaN row is dropped: its place stays the panel's background (white or grid grey)
    expect(pixel(0.5, 0.5).every((v) => v > 200)).toBe(true);
    expect(() => renderCornerPlot({ samples, values: [1, 2] }, { names: ['x', 'y'] })).toThrow(/values\.length/);
  });

  it('colours come from d3-scale-chromatic: viridis ends at matplotlib\'s, the cycle is tab10', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    expect(viridis(NaN)).toEqual([68, 1, 84]);
    expect(seriesColor(0)).toBe('#1f77b4');
    expect(seriesColor(13)).toBe('#d62728');
  });
});
