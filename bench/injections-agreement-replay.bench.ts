/**
 * Agreement of the nearest-template fitting factor with brute force at thousands of injections,
 * for half the CPU of bench/injections-agreement.bench.ts: per injection, brute force over EVERY
 * template (chirp-mass order, time-refined within --brute-refine-within of the best grid match so far;
 * 1 refines all) records each template's grid and refined match of this signal, then the production
 * NearestSelector.search runs against the same evaluator with the matches memoised (a refinement brute
 * force skipped is computed when the search asks for it), so the nearest FF is exactly what
 * `mbank-ts injections --preselect nearest` returns, without a second pass over the templates.
 * One thread per process: split the injections with --range A:B over processes, then --summary.
 * Results go to a JSON-lines file (one line per injection, appended: a rerun continues).
 *   npx tsx bench/injections-agreement-replay.bench.ts --bank B.h5 --inj I.h5 --out R.jsonl [--range A:B]
 *     [--ball-scale S] [--min-candidates M] [--brute-refine-within R]
 *   npx tsx bench/injections-agreement-replay.bench.ts --summary R1.jsonl R2.jsonl ...
 * Without --bank or --summary it prints its usage and exits (npm run bench runs every bench file).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { BankTemplates } from '../src/bank/bank.js';
import { readBank } from '../src/bank/io.js';
import { chirpMass } from '../src/coordinates/components.js';
import { nearestDefaults, nearestSetup } from '../src/cli/injections/nearest.js';
import { ChirpMassIndex } from '../src/injections/candidates.js';
import { defaultRefineWithin, FittingFactorEvaluator, type FittingFactorSettings } from '../src/injections/fitting-factor.js';
import { readInjections } from '../src/injections/io.js';
import { NearestSelector } from '../src/injections/nearest-candidates.js';
import { embed } from '../src/injections/phase-embedding.js';
import { percentile } from '../src/injections/stats.js';
import { getModel } from '../src/waveforms/registry.js';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const k = argv.indexOf(name);
  return k >= 0 ? argv[k + 1] : undefined;
};

/** One injection's outcome (a line of the results file). */
interface Row {
  i: number;
  brute: number;
  bruteT: number;
  near: number;
  nearT: number;
  candidates: number;
  /** |dz|^2 of the brute-force best template over 1 - FF: the ball scale this injection needed. */
  ratio: number;
  /** CPU seconds of the brute-force pass. */
  cpu: number;
}

/** The matches of every template against one signal, shared by the brute-force and nearest evaluators. */
class Memo {
  s: Float64Array = new Float64Array(0);
  readonly grid: Float64Array;
  readonly refined: Float64Array;
  constructor(n: number) {
    this.grid = new Float64Array(n);
    this.refined = new Float64Array(n);
  }

  reset(s: Float64Array): void {
    this.s = s;
    this.grid.fill(NaN);
    this.refined.fill(NaN);
  }
}

/** An evaluator whose per-template matches of the memo's signal are computed once. */
class MemoEvaluator extends FittingFactorEvaluator {
  constructor(settings: FittingFactorSettings, templates: Readonly<BankTemplates>, private readonly memo: Memo) {
    super(settings, templates);
  }

  override matchOf(i: number, s: Float64Array): { grid: number; refined: () => number } {
    const m = this.memo;
    if (s !== m.s) throw new Error('memo holds another signal');
    const fresh = Number.isNaN(m.grid[i]) ? super.matchOf(i, s) : undefined;
    if (fresh) m.grid[i] = fresh.grid;
    const refined = () => {
      if (Number.isNaN(m.refined[i])) m.refined[i] = (fresh ?? super.matchOf(i, s)).refined();
      return m.refined[i];
    };
    return { grid: m.grid[i], refined };
  }
}

function summary(files: string[]): void {
  // one row per injection (processes whose ranges overlap wrote some twice, identically)
  const byIndex = new Map(files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row)).map((r) => [r.i, r]));
  const rows = [...byIndex.values()];
  const n = rows.length;
  let equal = 0, above = 0, worst = 0, cands = 0, cpu = 0;
  const differ: string[] = [];
  for (const r of rows) {
    const d = r.brute - r.near;
    if (Math.abs(d) <= 1e-9) equal++;
    else differ.push(`injection ${r.i}: brute ${r.brute.toFixed(6)} (template ${r.bruteT}, ratio ${r.ratio.toFixed(2)}), nearest ${r.near.toFixed(6)} (template ${r.nearT}, ${r.candidates} candidates)`);
    if (d < -1e-9) above++;
    worst = Math.max(worst, d);
    cands += r.candidates;
    cpu += r.cpu;
  }
  const ffs = rows.map((r) => r.brute), ratios = rows.map((r) => r.ratio);
  console.log(`${files.join(', ')}: ${n} injections; brute-force FF median ${percentile(ffs, 50).toFixed(4)}, 1% ${percentile(ffs, 1).toFixed(4)}, ${(cpu / n * 1000).toFixed(0)} ms CPU per injection`);
  console.log(`  nearest: ${(cands / n).toFixed(0)} candidates per injection; equal to brute force (1e-9): ${equal}/${n} (${(100 * equal / n).toFixed(2)}%); below: ${n - equal - above}; above: ${above}; largest shortfall ${worst.toExponential(2)}`);
  for (const line of differ.slice(0, 10)) console.log(`    ${line}`);
  console.log(`  ball scale needed, |dz_best|^2 / (1 - FF): median ${percentile(ratios, 50).toFixed(2)}, 99% ${percentile(ratios, 99).toFixed(2)}, 99.9% ${percentile(ratios, 99.9).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`);
}

async function main(): Promise<void> {
  const k = argv.indexOf('--summary');
  if (k >= 0) return summary(argv.slice(k + 1));
  const bankPath = opt('--bank'), injPath = opt('--inj'), outPath = opt('--out');
  if (bankPath === undefined || injPath === undefined || outPath === undefined) {
    console.log('injections-agreement-replay: pass --bank B.h5 --inj I.h5 --out R.jsonl (see the file comment); nothing to measure');
    return;
  }
  const bank = await readBank(bankPath);
  const injections = await readInjections(injPath);
  const [a, b] = (opt('--range') ?? `0:${injections.size}`).split(':').map(Number);
  const m = bank.metadata;
  const approximant = m.approximant ?? 'IMRPhenomD';
  const defaults = nearestDefaults(bank, approximant);
  const settings: FittingFactorSettings = {
    approximant, psd: m.psd!, asd: [1, 'true'].includes(m.extra?.asd as never), fMinHz: m.fMin ?? 15, fMaxHz: m.fMax ?? 1024, df: m.df ?? 0.25,
    mchirpWindow: 0.1, minCandidates: Number(opt('--min-candidates') ?? defaults.minCandidates), refineWithin: defaultRefineWithin(!getModel(approximant).only22),
  };
  const memo = new Memo(bank.size);
  const brute = new MemoEvaluator({ ...settings, refineWithin: Number(opt('--brute-refine-within') ?? 1) }, bank.templates, memo);
  const ev = new MemoEvaluator(settings, bank.templates, memo);
  const ball = { scale: Number(opt('--ball-scale') ?? defaults.scale), floor: 0, maxCandidates: defaults.maxCandidates };
  const nearest = nearestSetup(bankPath, bank, settings, ball, (line) => console.log(`  ${line}`));
  const selector = new NearestSelector(nearest.data, nearest.settings);
  const byMc = new ChirpMassIndex(bank.templates.mass1, bank.templates.mass2);
  const done = new Set(existsSync(outPath) ? readFileSync(outPath, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as Row).i) : []);
  const e = nearest.data.embedding, t = bank.templates, c = injections.columns;
  const zi = new Float64Array(e.dim), zt = new Float64Array(e.dim);
  console.log(`  injections ${a}..${b - 1} of ${injPath} (${done.size} done before), ball scale ${ball.scale}, at least ${settings.minCandidates} -> ${outPath}`);
  for (let i = a; i < b; i++) {
    if (done.has(i)) continue;
    const params = injections.waveformParams(i, settings.fMinHz, settings.fMaxHz);
    const c0 = process.cpuUsage();
    const s = ev.signal(params, { longitude: c.longitude[i], latitude: c.latitude[i], polarization: c.polarization[i] });
    memo.reset(s);
    const all = byMc.select(chirpMass(params.m1, params.m2), 0.1, bank.size).indices;
    const rb = brute.fittingFactor(s, all);
    const dc = process.cpuUsage(c0);
    const rn = selector.search(ev, injections.components(i), s).result;
    embed(e, c.mass1[i], c.mass2[i], c.spin1z[i], c.spin2z[i], zi);
    embed(e, t.mass1[rb.template], t.mass2[rb.template], t.spin1z[rb.template], t.spin2z[rb.template], zt);
    let d2 = 0;
    for (let q = 0; q < e.dim; q++) d2 += (zi[q] - zt[q]) ** 2;
    const row: Row = { i, brute: rb.ff, bruteT: rb.template, near: rn.ff, nearT: rn.template, candidates: rn.candidates, ratio: d2 / Math.max(1 - rb.ff, 1e-12), cpu: (dc.user + dc.system) / 1e6 };
    appendFileSync(outPath, `${JSON.stringify(row)}\n`);
  }
  summary([outPath]);
}

await main();
