/**
 * Fitting factors at bank scale (`mbank-ts injections`, nearest-template candidates): injections per
 * second against the default bank (out_default/bank.h5 from `./bin/mbank-ts place`, injections
 * out_default/injs.h5 when present) and against synthetic banks of 1e5 and 1e7 templates drawn
 * uniformly in the default box (M in [25, 50], q in [1, 4], s1z, s2z in [-0.9, 0.9], IMRPhenomD,
 * aligo_O3actual_H1, [15, 1024) Hz, df 0.25), written once with the project's HDF5 bank writer under
 * $MBANK_BENCH_DIR (default: the OS tmp dir). Rates are from CPU time (process.cpuUsage over every
 * thread) divided over the workers, so a shared machine reads as an idle one; wall rates are printed
 * beside them. --brute K also runs brute force over the whole bank for the first K injections and
 * counts how many FFs agree (to 1e-9).
 *   npx tsx bench/injections-scale.bench.ts [default|1e5|1e7 ...] [--n K] [--brute K] [--workers W]
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bank } from '../src/bank/bank.js';
import { readBank, writeBank } from '../src/bank/io.js';
import { Rng } from '../src/core/rng.js';
import { getVariableFormat } from '../src/coordinates/format.js';
import { injectionsFromComponents } from '../src/injections/draw.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../src/injections/fitting-factor.js';
import type { InjectionSet } from '../src/injections/injection-set.js';
import { readInjections } from '../src/injections/io.js';
import { DEFAULT_NEAREST } from '../src/injections/nearest-candidates.js';
import { loadOrBuildPhaseIndex } from '../src/injections/phase-index.js';
import { runFittingFactors } from '../src/cli/injections/run.js';

const argv = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const k = argv.indexOf(name);
  return k >= 0 ? Number(argv.splice(k, 2)[1]) : dflt;
};
const nArg = flag('--n', NaN), brute = flag('--brute', 0), workers = flag('--workers', 2);
const banks = argv.length > 0 ? argv : ['default', '1e5', '1e7'];
const dir = process.env.MBANK_BENCH_DIR ?? join(tmpdir(), 'mbank-ts-bench');
mkdirSync(dir, { recursive: true });
const format = getVariableFormat('Mq_s1z_s2z');
const box: [number, number][] = [[25, 50], [1, 4], [-0.9, 0.9], [-0.9, 0.9]];
const settings: FittingFactorSettings = {
  approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25, mchirpWindow: 0.1, minCandidates: DEFAULT_NEAREST.minCandidates,
};

function uniformComponents(n: number, seed: number) {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => format.toPhysical(box.map(([lo, hi]) => rng.uniformIn(lo, hi))));
}

async function syntheticBank(size: number): Promise<string> {
  const path = join(dir, `uniform-${size.toExponential(0).replace('+', '')}.h5`);
  if (existsSync(path)) return path;
  const t0 = Date.now();
  const cols = { mass1: new Float64Array(size), mass2: new Float64Array(size), spin1z: new Float64Array(size), spin2z: new Float64Array(size) };
  const rng = new Rng(17);
  const c = format.toPhysical(box.map(([lo]) => lo));
  for (let i = 0; i < size; i++) {
    format.toPhysicalInto(box.map(([lo, hi]) => rng.uniformIn(lo, hi)), c);
    cols.mass1[i] = c.m1; cols.mass2[i] = c.m2; cols.spin1z[i] = c.s1z; cols.spin2z[i] = c.s2z;
  }
  const bank = new Bank({
    templates: cols,
    metadata: { approximant: settings.approximant, psd: settings.psd, fMin: settings.fMinHz, fMax: settings.fMaxHz, df: settings.df, variableFormat: 'Mq_s1z_s2z', extra: { asd: 1 } },
  });
  await writeBank(path, bank);
  console.log(`  wrote ${path} (${size} templates, uniform in the box) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return path;
}

async function run(name: string): Promise<void> {
  const size = name === 'default' ? 0 : Number(name);
  const bankPath = size > 0 ? await syntheticBank(size) : 'out_default/bank.h5';
  if (!existsSync(bankPath)) {
    console.log(`${name}: ${bankPath} missing: run ./bin/mbank-ts place first`);
    return;
  }
  let t0 = Date.now();
  const bank = await readBank(bankPath);
  const readSecs = (Date.now() - t0) / 1000;
  const gb = () => (process.memoryUsage().rss / 2 ** 30).toFixed(2);
  const rssRead = gb();
  const nInj = Number.isFinite(nArg) ? nArg : size >= 1e7 ? 40 : size >= 1e5 ? 100 : 300;
  const injPath = 'out_default/injs.h5';
  let injections: InjectionSet = size === 0 && existsSync(injPath) ? (await readInjections(injPath)).head(nInj) : injectionsFromComponents(uniformComponents(nInj, 5), new Rng(5));
  if (injections.size > nInj) injections = injections.head(nInj);
  t0 = Date.now();
  const origin = loadOrBuildPhaseIndex(bankPath, bank.templates, settings);
  const indexSecs = (Date.now() - t0) / 1000;
  const rssIndex = gb();
  let rssRun = 0;
  const sampler = setInterval(() => { rssRun = Math.max(rssRun, process.memoryUsage().rss); }, 200);
  const nearest = { data: { embedding: origin.index.embedding, points: origin.index.points, tree: origin.index.tree }, settings: { ...DEFAULT_NEAREST } };
  const statPath = join(dir, `stat-${name}-${process.pid}.json`);
  const cpu0 = process.cpuUsage();
  t0 = Date.now();
  const r = await runFittingFactors({ bank, injections, settings, preselect: 'nearest', nearest, statPath, identity: {}, workers });
  const wall = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  rmSync(statPath, { force: true });
  const cands = r.stats.candidates.map((x) => x ?? 0);
  const meanCand = cands.reduce((s, x) => s + x, 0) / cands.length;
  const rss = process.resourceUsage().maxRSS / 2 ** 20;
  const rssLine = `RSS ${rssRead} GB after reading the bank, ${rssIndex} GB with the index, ${(rssRun / 2 ** 30).toFixed(2)} GB computing (peak ${rss.toFixed(2)} GB)`;
  console.log(`${name}: ${bank.size} templates (read ${readSecs.toFixed(1)} s; index ${origin.source} in ${indexSecs.toFixed(1)} s, ${origin.index.embedding.dim} dims), ` +
    `${injections.size} injections on ${workers} workers: ${(cpuSecs / injections.size * 1000).toFixed(0)} ms CPU each -> ${(injections.size / (cpuSecs / workers)).toFixed(1)} injections/s on ${workers} idle cores ` +
    `(wall ${(injections.size / wall).toFixed(1)}/s on this machine), candidates mean ${meanCand.toFixed(0)} max ${Math.max(...cands)}; ${rssLine}`);
  if (brute > 0) {
    const ev = new FittingFactorEvaluator(settings, bank.templates);
    const all = Int32Array.from({ length: bank.size }, (_, i) => i);
    let same = 0, above = 0, worst = 0;
    const k = Math.min(brute, injections.size);
    const c = injections.columns;
    for (let i = 0; i < k; i++) {
      const s = ev.signal(injections.waveformParams(i, settings.fMinHz, settings.fMaxHz), { longitude: c.longitude[i], latitude: c.latitude[i], polarization: c.polarization[i] });
      const b = ev.fittingFactor(s, all).ff;
      const d = b - r.stats.ff[i]!;
      if (Math.abs(d) <= 1e-9) same++;
      if (d < -1e-9) above++;
      worst = Math.max(worst, d);
    }
    console.log(`  brute force over all ${bank.size} templates for ${k} injections: ${same} equal (to 1e-9), ${above} above brute force, largest shortfall ${worst.toExponential(2)}`);
  }
}

console.log(`nearest-template fitting factors (ball scale ${DEFAULT_NEAREST.scale}, floor ${DEFAULT_NEAREST.floor}, at least ${DEFAULT_NEAREST.minCandidates}); banks in ${dir}`);
for (const b of banks) await run(b);
