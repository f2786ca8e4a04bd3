import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bank } from '../../src/bank/bank.js';
import { Rng } from '../../src/core/rng.js';
import { parseShard, shardRange } from '../../src/core/shard.js';
import { injectionsFromComponents } from '../../src/injections/draw.js';
import type { FittingFactorSettings } from '../../src/injections/fitting-factor.js';
import { mergeInjectionStats } from '../../src/injections/stats-merge.js';
import type { InjectionStats } from '../../src/injections/stats.js';
import { runFittingFactors } from '../../src/cli/injections/run.js';
import { generateDataset } from '../../src/metric/dataset.js';
import type { DatasetSpec } from '../../src/metric/dataset-chunk.js';
import { readDataset, writeDatasetText, type MetricDataset } from '../../src/metric/dataset-file.js';
import { mergeDatasetShards } from '../../src/metric/dataset-merge.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';

/** Run the merge command quietly. */
async function merge(args: Record<string, unknown>): Promise<string> {
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { err += String(c); return true; });
  try {
    await mergeCommand.handler({ 'prune-seams': false, 'seam-width': 0.1, 'seam-candidates': 5, ...args } as never);
  } finally {
    spy.mockRestore();
  }
  return err;
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'mbank-shards-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shards', () => {
  it('K/N parses, and the N blocks partition 0..n-1 for every n and N', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2']) expect(() => parseShard(bad)).toThrow(/--shard = .*K\/N/);
    for (const n of [1, 7, 10, 64]) {
      for (let N = 1; N <= Math.min(n, 9); N++) {
        const covered: number[] = [];
        for (let k = 1; k <= N; k++) { const [a, b] = shardRange(n, { index: k, count: N }); for (let i = a; i < b; i++) covered.push(i); }
        expect(covered).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });
});

describe('dataset --shard', () => {
  const spec: DatasetSpec = {
    metric: { variableFormat: 'logMq_chi', psd: 'aligo_O3actual_H1', asd: true, approximant: 'IMRPhenomD', fMinHz: 20, fMaxHz: 512, df: 0.5 },
    metricType: 'hessian', ranges: { mtot: [20, 80], q: [1, 4] } as DatasetSpec['ranges'], seed: 5, chunkSize: 3,
  };
  const nPoints = 11; // 4 chunks, the last one short
  let full: MetricDataset;
  const shardFiles: string[] = [];
  beforeAll(async () => {
    full = (await generateDataset({ path: join(dir, 'full.h5'), spec, nPoints, workers: 0 })).dataset;
    for (let k = 1; k <= 3; k++) {
      const path = join(dir, `ds-${k}.h5`);
      await generateDataset({ path, spec, nPoints, workers: 0, shard: { index: k, count: 3 } });
      shardFiles.push(path);
    }
  });

  it('the merged shards equal the unsharded run row for row (theta, logPdf, metric, chunk index, settings)', async () => {
    const parts = await Promise.all(shardFiles.map(async (name) => ({ name, dataset: await readDataset(name) })));
    expect(parts.map((p) => p.dataset.n)).toEqual([3, 3, 5]); // chunks {0}, {1}, {2, 3}
    const merged = mergeDatasetShards(parts);
    const ref = await readDataset(join(dir, 'full.h5'));
    expect(merged.n).toBe(nPoints);
    expect(merged.attributes).toEqual(ref.attributes);
    expect(Array.from(merged.theta)).toEqual(Array.from(full.theta));
    expect(Array.from(merged.logPdf)).toEqual(Array.from(full.logPdf));
    expect(Array.from(merged.metric!)).toEqual(Array.from(full.metric!));
    expect(Array.from(merged.chunkIndex!)).toEqual(Array.from(ref.chunkIndex!));
  });

  it('merge --dataset writes the unsharded file and a byte-identical text export', async () => {
    expect(await merge({ dataset: [...shardFiles].reverse(), out: join(dir, 'merged.h5') })).toMatch(/3 dataset shards, 11 rows/);
    const m = await readDataset(join(dir, 'merged.h5'));
    const ref = await readDataset(join(dir, 'full.h5'));
    expect(m.attributes).toEqual(ref.attributes);
    expect(Array.from(m.metric!)).toEqual(Array.from(ref.metric!));
    writeDatasetText(join(dir, 'full.txt'), ref);
    expect(readFileSync(join(dir, 'merged.txt')).equals(readFileSync(join(dir, 'full.txt')))).toBe(true);
    await expect(merge({ dataset: shardFiles, 'injection-stat': ['a.json'], out: join(dir, 'x.h5') })).rejects.toThrow(/exactly one of --bank, --injection-stat, --dataset/);
  });

  it('a shard run again is left as it is, and a file of another shard is not continued', async () => {
    const before = readFileSync(shardFiles[1]);
    const again = await generateDataset({ path: shardFiles[1], spec, nPoints, workers: 0, shard: { index: 2, count: 3 } });
    expect(again.resumedFrom).toBe(3);
    expect(readFileSync(shardFiles[1]).equals(before)).toBe(true);
    await expect(generateDataset({ path: shardFiles[1], spec, nPoints, workers: 0, shard: { index: 1, count: 3 } })).rejects.toThrow(/shard = "2\/3".*"1\/3"/);
    await expect(generateDataset({ path: join(dir, 'x.h5'), spec, nPoints, workers: 0, shard: { index: 1, count: 5 } })).rejects.toThrow(/at most 4 shards/);
  });

  it('merge refuses a gap, an overlap, shards of another run and the unsharded file', async () => {
    const parts = await Promise.all(shardFiles.map(async (name) => ({ name, dataset: await readDataset(name) })));
    expect(() => mergeDatasetShards([parts[0], parts[2]])).toThrow(/2\/3 missing \(gap\)/);
    expect(() => mergeDatasetShards([parts[0], parts[1], parts[1], parts[2]])).toThrow(/both shard 2\/3 \(overlap\)/);
    const other = { name: 'other', dataset: { ...parts[1].dataset, attributes: { ...parts[1].dataset.attributes, seed: 6 } } };
    expect(() => mergeDatasetShards([parts[0], other, parts[2]])).toThrow(/other has seed = 6.*not shards of one run/);
    expect(() => mergeDatasetShards([{ name: 'full', dataset: full }])).toThrow(/not a shard/);
    const cut = { name: 'cut', dataset: { ...parts[2].dataset, n: 3, theta: parts[2].dataset.theta.slice(0, 6), logPdf: parts[2].dataset.logPdf.slice(0, 3), chunkIndex: parts[2].dataset.chunkIndex!.slice(0, 3) } };
    expect(() => mergeDatasetShards([parts[0], parts[1], cut])).toThrow(/cut \(shard 3\/3\) is incomplete/);
  });
});

describe('injections --shard', () => {
  const settings: FittingFactorSettings = {
    approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 1, mchirpWindow: 0.1, minCandidates: 4,
  };
  const rng = new Rng(8);
  const bank = new Bank({
    templates: { mass1: Array.from({ length: 12 }, () => rng.uniformIn(8, 12)), mass2: Array.from({ length: 12 }, () => rng.uniformIn(5, 8)) },
    metadata: { fMin: 20, fMax: 512, df: 1, psd: 'aLIGOZeroDetHighPower', approximant: 'TaylorF2' },
  });
  const comps = Array.from({ length: 10 }, () => ({ m1: rng.uniformIn(8, 12), m2: rng.uniformIn(5, 8), s1x: 0, s1y: 0, s1z: 0, s2x: 0, s2y: 0, s2z: 0, e: 0, meanano: 0, iota: 0, phi: 0 }));
  const injections = injectionsFromComponents(comps, new Rng(4));
  const identity = { bank: 'b.h5', injFile: 'i.h5', nInjections: 10 };
  const run = (statPath: string, shard?: { index: number; count: number }) => runFittingFactors({
    bank, injections, settings, statPath, workers: 0, batch: 2, shard, identity: shard ? { ...identity, shard: `${shard.index}/${shard.count}` } : identity,
  });

  it('the merged stat files of 3 shards equal the unsharded one (every FF, template, rank; settings without the shard)', async () => {
    const full = (await run(join(dir, 'full.json'))).stats;
    const parts: { name: string; stats: InjectionStats }[] = [];
    for (let k = 1; k <= 3; k++) {
      const r = await run(join(dir, `s${k}.json`), { index: k, count: 3 });
      expect(r.computed).toBe([3, 3, 4][k - 1]);
      expect(r.interrupted).toBe(false);
      parts.push({ name: `s${k}.json`, stats: JSON.parse(readFileSync(join(dir, `s${k}.json`), 'utf8')) as InjectionStats });
    }
    const merged = mergeInjectionStats(parts);
    const ref = JSON.parse(readFileSync(join(dir, 'full.json'), 'utf8')) as InjectionStats;
    expect({ ...merged, seconds: 0 }).toEqual({ ...ref, seconds: 0 });
    expect(merged.ff).toEqual(full.ff);
    expect(merged.ff.every((x) => x !== null)).toBe(true);
    await merge({ 'injection-stat': [2, 3, 1].map((k) => join(dir, `s${k}.json`)), out: join(dir, 'merged.json') });
    expect({ ...JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')), seconds: 0 }).toEqual({ ...ref, seconds: 0 });
  });

  it('merge refuses a gap, an overlap, an unfinished shard and shards of other settings', () => {
    const parts = [1, 2, 3].map((k) => ({ name: `s${k}.json`, stats: JSON.parse(readFileSync(join(dir, `s${k}.json`), 'utf8')) as InjectionStats }));
    expect(() => mergeInjectionStats([parts[0], parts[2]])).toThrow(/2\/3 missing \(gap\)/);
    expect(() => mergeInjectionStats([...parts, parts[0]])).toThrow(/both shard 1\/3 \(overlap\)/);
    const unfinished = { name: 'u', stats: { ...parts[1].stats, ff: parts[1].stats.ff.map((x, i) => (i === 4 ? null : x)) } };
    expect(() => mergeInjectionStats([parts[0], unfinished, parts[2]])).toThrow(/u \(shard 2\/3\) is unfinished: injection 4/);
    const other = { name: 'o', stats: { ...parts[1].stats, settings: { ...parts[1].stats.settings, bank: 'c.h5' } } };
    expect(() => mergeInjectionStats([parts[0], other, parts[2]])).toThrow(/o has bank = "c.h5"/);
    const stray = { name: 'stray', stats: { ...parts[1].stats, ff: parts[1].stats.ff.map((x, i) => (i === 0 ? 0.5 : x)) } };
    expect(() => mergeInjectionStats([parts[0], stray, parts[2]])).toThrow(/injection 0, outside its block \[3, 6\)/);
  });
});
