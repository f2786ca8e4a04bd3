import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bank } from '../../src/bank/bank.js';
import { writeBank } from '../../src/bank/io.js';
import { Rng } from '../../src/core/rng.js';
import { componentsFromBank, injectionsFromComponents } from '../../src/injections/draw.js';
import { readInjections } from '../../src/injections/io.js';
import type { FittingFactorSettings } from '../../src/injections/fitting-factor.js';
import type { InjectionStats } from '../../src/injections/stats.js';
import { runFittingFactors } from '../../src/cli/injections/run.js';
import { injfileCommand } from '../../src/cli/commands/injfile.js';
import { injectionsCommand } from '../../src/cli/commands/injections.js';

const settings: FittingFactorSettings = {
  approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 1, mchirpWindow: 0.1, minCandidates: 4,
};
const rng = new Rng(21);
const bank = new Bank({
  templates: {
    mass1: Array.from({ length: 10 }, () => rng.uniformIn(8, 12)),
    mass2: Array.from({ length: 10 }, () => rng.uniformIn(5, 8)),
    spin1z: Array.from({ length: 10 }, () => rng.uniformIn(-0.3, 0.3)),
  },
  metadata: { fMin: 20, fMax: 512, df: 1, psd: 'aLIGOZeroDetHighPower', approximant: 'TaylorF2', minimalMatch: 0.97, variableFormat: 'Mq_s1z_s2z' },
});
const comps = Array.from({ length: 12 }, () => ({
  m1: rng.uniformIn(8, 12), m2: rng.uniformIn(5, 8), s1x: 0, s1y: 0, s1z: rng.uniformIn(-0.3, 0.3), s2x: 0, s2y: 0, s2z: 0, e: 0, meanano: 0, iota: 0, phi: 0,
}));
const injections = injectionsFromComponents(comps, new Rng(3));
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'mbank-cli-inj-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (statPath: string, extra: Partial<Parameters<typeof runFittingFactors>[0]> = {}) =>
  runFittingFactors({ bank, injections, settings, statPath, identity: { test: 1 }, workers: 0, batch: 2, ...extra });

describe('injections runner', () => {
  let full: InjectionStats;
  beforeAll(async () => { full = (await run(join(dir, 'full.json'))).stats; });

  it('computes every injection once, FF <= 1, best template a valid index', () => {
    for (const x of full.ff) { expect(x).not.toBeNull(); expect(x!).toBeLessThanOrEqual(1 + 1e-9); expect(x!).toBeGreaterThan(0); }
    expect(full.template.every((t) => t !== null && t >= 0 && t < bank.size)).toBe(true);
  });

  it('an interrupted run (AbortSignal) keeps finished injections and a resumed run gives the same result as an uninterrupted one', async () => {
    const path = join(dir, 'resumed.json');
    const ctl = new AbortController();
    const first = await run(path, { signal: ctl.signal, onProgress: (done) => { if (done >= 4) ctl.abort(); } });
    expect(first.interrupted).toBe(true);
    const partial = JSON.parse(readFileSync(path, 'utf8')) as InjectionStats;
    const kept = partial.ff.filter((x) => x !== null).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(injections.size);
    const second = await run(path);
    expect(second.resumed).toBe(kept);
    expect(second.computed).toBe(injections.size - kept);
    expect(second.stats.ff).toEqual(full.ff);
    expect(second.stats.template).toEqual(full.template);
  });

  it('worker threads give the same numbers as this thread', async () => {
    const r = await run(join(dir, 'workers.json'), { workers: 2 });
    expect(r.stats.ff).toEqual(full.ff);
    expect(r.stats.template).toEqual(full.template);
  });

  it('metric preselection takes the K templates nearest in metric distance: injections equal to templates keep FF = 1', async () => {
    const t = bank.templates;
    const coordinates = Float64Array.from({ length: bank.size * 4 }, (_, k) => {
      const i = Math.floor(k / 4);
      return [t.mass1[i] + t.mass2[i], t.mass1[i] / t.mass2[i], t.spin1z[i], t.spin2z[i]][k % 4];
    });
    const own = injectionsFromComponents(componentsFromBank(bank, 4, new Rng(1)).components, new Rng(1));
    const metric = { options: { variableFormat: 'Mq_s1z_s2z', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 1 }, coordinates };
    const r = await runFittingFactors({
      bank, injections: own, settings: { ...settings, minCandidates: 3 }, statPath: join(dir, 'metric.json'), identity: {}, workers: 0,
      metric, preselect: 'metric', recordMetric: true,
    });
    for (let i = 0; i < own.size; i++) {
      expect(r.stats.ff[i]!).toBeCloseTo(1, 6);
      expect(r.stats.candidates[i]).toBe(1); // the nearest of the 3 is the template itself: the search stops at FF >= 1 - 1e-6
      expect(r.stats.metricMatch![i]!).toBeCloseTo(1, 9);
      expect(r.stats.metricTemplate![i]).toBe(r.stats.template[i]);
    }
  });

  it('metric preselection widens the candidate list while the best template sits in its last 20%', async () => {
    const t = bank.templates;
    const coordinates = Float64Array.from({ length: bank.size * 4 }, (_, k) => {
      const i = Math.floor(k / 4);
      return [t.mass1[i] + t.mass2[i], t.mass1[i] / t.mass2[i], t.spin1z[i], t.spin2z[i]][k % 4];
    });
    const metric = { options: { variableFormat: 'Mq_s1z_s2z', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 1 }, coordinates };
    const common = { bank, injections, identity: {}, workers: 0, metric, preselect: 'metric' as const };
    const widened = await runFittingFactors({ ...common, settings: { ...settings, minCandidates: 1 }, statPath: join(dir, 'widen.json') });
    const all = await runFittingFactors({ ...common, settings: { ...settings, minCandidates: bank.size }, statPath: join(dir, 'widen-all.json') });
    let grew = 0;
    for (let i = 0; i < injections.size; i++) {
      const k = widened.stats.candidates[i]!, rank = widened.stats.rank![i]!;
      expect(rank + 1 <= 0.8 * k || k === bank.size).toBe(true); // stopped only with the best well inside, or the whole bank
      expect(k).toBeGreaterThanOrEqual(2); // one candidate is always its own last 20%
      if (k > 2) grew++;
      if (k === bank.size) expect(widened.stats.ff[i]!).toBeCloseTo(all.stats.ff[i]!, 12);
      else expect(widened.stats.ff[i]!).toBeLessThanOrEqual(all.stats.ff[i]! + 1e-12);
    }
    expect(grew).toBeGreaterThan(0);
  });

  it('a stat file made with other settings is refused, naming the setting', async () => {
    const path = join(dir, 'other.json');
    writeFileSync(path, readFileSync(join(dir, 'full.json')));
    await expect(runFittingFactors({ bank, injections, settings, statPath: path, identity: { test: 2 }, workers: 0 })).rejects.toThrow(/test/);
  });
});

describe('injfile and injections commands', () => {
  it('injfile writes HDF5 and XML from a bank and injections reports FF = 1 for injections equal to templates', async () => {
    const bankPath = join(dir, 'bank.h5');
    await writeBank(bankPath, bank);
    const h5 = join(dir, 'b.h5'), xml = join(dir, 'b.xml');
    await injfileCommand.handler({
      'inj-file': [h5, xml], 'n-injs': 6, source: 'bank', bank: bankPath, approximant: 'TaylorF2', 'f-min': 20, 'f-max': 512,
      distance: [100], 'gps-start': 0, 'time-step': 10, seed: 0, 's1-range': [-0.99, 0.99], 's2-range': [-0.99, 0.99],
    } as never);
    const a = await readInjections(h5), b = await readInjections(xml);
    expect(a.size).toBe(6);
    expect(Array.from(b.columns.mass1)).toEqual(Array.from(a.columns.mass1, Math.fround));
    const expected = componentsFromBank(bank, 6, new Rng(0).fork(1)).components.map((c) => c.m1);
    expect(Array.from(a.columns.mass1)).toEqual(expected);
    const out = join(dir, 'stat.json');
    const write = process.stdout.write;
    let printed = '';
    process.stdout.write = ((s: string) => { printed += s; return true; }) as typeof process.stdout.write;
    try {
      await injectionsCommand.handler({ bank: bankPath, 'inj-file': h5, out, workers: 0, 'mchirp-window': 0.1, 'min-candidates': 4, 'refine-within': 0.02, 'cache-mb': 16, 'metric-match': false, preselect: 'mchirp', plot: true } as never);
    } finally {
      process.stdout.write = write;
    }
    const stats = JSON.parse(readFileSync(out, 'utf8')) as InjectionStats;
    for (const x of stats.ff) expect(x!).toBeCloseTo(1, 6);
    expect(printed).toMatch(/fraction with FF < 0.97: 0.0000/);
    expect(existsSync(join(dir, 'FF_hist.png'))).toBe(true);
    expect(existsSync(join(dir, 'injections_corner.png'))).toBe(true);
    expect(existsSync(join(dir, 'injections_ff_corner.png'))).toBe(true);
  });

  it('injections takes the PSD and its ASD flag from the bank when --psd/--asd are not given, and creates its --run-dir', async () => {
    const asdBank = bank.withMetadata({ psd: 'aligo_O3actual_H1', extra: { asd: 1 } });
    const bankPath = join(dir, 'asd-bank.h5');
    await writeBank(bankPath, asdBank);
    const injPath = join(dir, 'asd-inj.h5');
    await injfileCommand.handler({
      'inj-file': [injPath], 'n-injs': 2, source: 'bank', bank: bankPath, approximant: 'TaylorF2', 'f-min': 20, 'f-max': 512,
      distance: [100], 'gps-start': 0, 'time-step': 10, seed: 0,
    } as never);
    const runDir = join(dir, 'new', 'run');
    const out = join(runDir, 'asd-stat.json');
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await injectionsCommand.handler({ bank: bankPath, 'inj-file': injPath, out: 'asd-stat.json', 'run-dir': runDir, workers: 0, 'mchirp-window': 0.1, 'min-candidates': 4, 'refine-within': 0.02, 'cache-mb': 16, 'metric-match': false, preselect: 'mchirp', plot: false } as never);
    } finally {
      process.stdout.write = write;
    }
    const stats = JSON.parse(readFileSync(out, 'utf8')) as InjectionStats;
    expect(stats.settings).toMatchObject({ psd: 'aligo_O3actual_H1', asd: true });
    for (const x of stats.ff) expect(x!).toBeCloseTo(1, 6);
  });
});
