import { describe, it, expect } from 'vitest';
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../src/core/rng.js';
import { getVariableFormat, regionFromRanges, isInside, chirpMass, symmetricMassRatio } from '../../src/coordinates/index.js';
import { sampleChirpTimeFlat } from '../../src/metric/mass-sampler.js';
import { generateDataset } from '../../src/metric/dataset.js';
import { readDataset, writeDataset } from '../../src/metric/dataset-file.js';
import type { DatasetSpec } from '../../src/metric/dataset-chunk.js';

/** Kolmogorov-Smirnov distance between samples and a CDF. */
function ksDistance(xs: number[], cdf: (x: number) => number): number {
  const s = [...xs].sort((a, b) => a - b);
  let d = 0;
  s.forEach((x, i) => { const F = cdf(x); d = Math.max(d, Math.abs(F - i / s.length), Math.abs(F - (i + 1) / s.length)); });
  return d;
}

const powerCdf = (a: number, lo: number, hi: number) => (x: number) => (x ** (a + 1) - lo ** (a + 1)) / (hi ** (a + 1) - lo ** (a + 1));

describe('chirp-time-flat mass sampling', () => {
  it('draws Mc and eta from p ∝ Mc^(-10/3) eta^(-8/5) on an (Mc, eta) box (KS test)', () => {
    const region = regionFromRanges(getVariableFormat('mceta_chi'), { mc: [5, 20], eta: [0.1, 0.25] });
    const n = 4000;
    const pts = sampleChirpTimeFlat(region, n, new Rng(3));
    const mc = Array.from({ length: n }, (_, i) => pts[3 * i]);
    const eta = Array.from({ length: n }, (_, i) => pts[3 * i + 1]);
    const chi = Array.from({ length: n }, (_, i) => pts[3 * i + 2]);
    const crit = 1.63 / Math.sqrt(n); // 1% level
    expect(ksDistance(mc, powerCdf(-10 / 3, 5, 20))).toBeLessThan(crit);
    expect(ksDistance(eta, powerCdf(-8 / 5, 0.1, 0.25))).toBeLessThan(crit);
    expect(ksDistance(chi, (x) => (x + 0.99) / 1.98)).toBeLessThan(crit);
  });

  it('carries the Jacobian into Mq coordinates: cell probabilities match the integrated density', () => {
    const region = regionFromRanges(getVariableFormat('Mq_nonspinning'), { mtot: [10, 60], q: [1, 6], m2: [3, 100] });
    const n = 20000;
    const pts = sampleChirpTimeFlat(region, n, new Rng(11));
    let outside = 0;
    for (let i = 0; i < n; i++) if (!isInside(region, [pts[2 * i], pts[2 * i + 1]])) outside++;
    expect(outside).toBe(0);
    // density in (M, q): Mc^(-10/3) eta^(-8/5) |d(Mc, eta)/d(M, q)|, integrated on a fine grid over the region
    const density = (M: number, q: number) => {
      const m1 = (M * q) / (1 + q), m2 = M / (1 + q);
      const h = 1e-6;
      const mc = (a: number, b: number) => chirpMass((a * b) / (1 + b), a / (1 + b));
      const et = (a: number, b: number) => symmetricMassRatio((a * b) / (1 + b), a / (1 + b));
      const j = ((mc(M + h, q) - mc(M - h, q)) * (et(M, q + h) - et(M, q - h)) - (mc(M, q + h) - mc(M, q - h)) * (et(M + h, q) - et(M - h, q))) / (4 * h * h);
      return chirpMass(m1, m2) ** (-10 / 3) * symmetricMassRatio(m1, m2) ** (-8 / 5) * Math.abs(j);
    };
    const cells = [[10, 30, 1, 3], [30, 60, 1, 3], [10, 30, 3, 6], [30, 60, 3, 6]];
    const mass = cells.map(([a, b, c, d]) => {
      let s = 0;
      const g = 120;
      for (let i = 0; i < g; i++) for (let k = 0; k < g; k++) {
        const M = a + ((b - a) * (i + 0.5)) / g, q = c + ((d - c) * (k + 0.5)) / g;
        if (isInside(region, [M, q])) s += density(M, q);
      }
      return (s * (b - a) * (d - c)) / (g * g);
    });
    const total = mass.reduce((x, y) => x + y, 0);
    cells.forEach(([a, b, c, d], idx) => {
      let count = 0;
      for (let i = 0; i < n; i++) if (pts[2 * i] >= a && pts[2 * i] < b && pts[2 * i + 1] >= c && pts[2 * i + 1] < d) count++;
      const p = mass[idx] / total;
      expect(Math.abs(count / n - p), `cell ${idx}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-3);
    });
  });
});

describe('dataset generation', () => {
  const spec: DatasetSpec = {
    metric: { variableFormat: 'Mq_chi', approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 20, fMaxHz: 512, df: 0.5 },
    metricType: 'hessian',
    ranges: { mtot: [20, 80], q: [1, 5] },
    seed: 42,
    chunkSize: 5,
  };

  it('writes the same file with 2 workers as in-process, with logPdf = 0.5 ln det M of positive-definite metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-gen-'));
    const a = await generateDataset({ path: join(dir, 'a.h5'), spec, nPoints: 12, workers: 2 });
    const b = await generateDataset({ path: join(dir, 'b.h5'), spec, nPoints: 12, workers: 0 });
    expect(a.dataset.n).toBe(12);
    expect(Array.from(a.dataset.theta)).toEqual(Array.from(b.dataset.theta));
    expect(Array.from(a.dataset.logPdf)).toEqual(Array.from(b.dataset.logPdf));
    const back = await readDataset(join(dir, 'a.h5'));
    expect(Array.from(back.theta)).toEqual(Array.from(a.dataset.theta));
    expect(back.attributes.variableFormat).toBe('Mq_chi');
    expect(back.attributes.seed).toBe(42);
    for (let i = 0; i < back.n; i++) {
      expect(back.positiveDefinite![i]).toBe(1);
      const m = back.metric!.subarray(9 * i, 9 * i + 9);
      const det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
      expect(back.logPdf[i]).toBeCloseTo(0.5 * Math.log(det), 6);
    }
  });

  it('continues an interrupted dataset to the same file as an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-gen-'));
    const full = await generateDataset({ path: join(dir, 'full.h5'), spec, nPoints: 13, workers: 0 });
    // an "interrupted" run: abort after the first chunk
    const ctl = new AbortController();
    const part = await generateDataset({
      path: join(dir, 'part.h5'), spec, nPoints: 13, workers: 0, signal: ctl.signal,
      onProgress: (done) => { if (done >= 5) ctl.abort(); },
    });
    expect(part.interrupted).toBe(true);
    expect((await readDataset(join(dir, 'part.h5'))).n).toBe(5);
    copyFileSync(join(dir, 'part.h5'), join(dir, 'resumed.h5'));
    const resumed = await generateDataset({ path: join(dir, 'resumed.h5'), spec, nPoints: 13, workers: 1 });
    expect(resumed.resumedFrom).toBe(5);
    expect(resumed.dataset.n).toBe(13);
    expect(Array.from(resumed.dataset.theta)).toEqual(Array.from(full.dataset.theta));
    expect(Array.from(resumed.dataset.logPdf)).toEqual(Array.from(full.dataset.logPdf));
    await expect(generateDataset({ path: join(dir, 'resumed.h5'), spec: { ...spec, seed: 7 }, nPoints: 20, workers: 0 })).rejects.toThrow(/seed/);
  });

  it('keeps chunks that finished out of order and fills only the gap when continued', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-gen-'));
    const full = await generateDataset({ path: join(dir, 'full.h5'), spec, nPoints: 13, workers: 0 });
    const ds = full.dataset;
    // a file as an interrupted parallel run leaves it: chunks 0 and 2 finished, chunk 1 not
    const keep = Array.from({ length: ds.n }, (_, i) => i).filter((i) => ds.chunkIndex![i] !== 1);
    const D = ds.D;
    await writeDataset(join(dir, 'gap.h5'), {
      ...ds, n: keep.length,
      theta: Float64Array.from(keep.flatMap((i) => Array.from(ds.theta.subarray(i * D, (i + 1) * D)))),
      logPdf: Float64Array.from(keep.map((i) => ds.logPdf[i])),
      metric: Float64Array.from(keep.flatMap((i) => Array.from(ds.metric!.subarray(i * D * D, (i + 1) * D * D)))),
      positiveDefinite: Uint8Array.from(keep.map((i) => ds.positiveDefinite![i])),
      chunkIndex: Int32Array.from(keep.map((i) => ds.chunkIndex![i])),
    });
    let computed = 0;
    const resumed = await generateDataset({ path: join(dir, 'gap.h5'), spec, nPoints: 13, workers: 0, onProgress: () => { computed++; } });
    expect(resumed.resumedFrom).toBe(8);
    expect(computed).toBe(2); // the initial report and the one missing chunk
    expect(Array.from(resumed.dataset.theta)).toEqual(Array.from(ds.theta));
    expect(Array.from(resumed.dataset.chunkIndex!)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2]);
  });
});
