/**
 * Agreement of the nearest-template fitting factor with brute force on any bank: the injections'
 * FFs over EVERY template of the bank (the brute-force stat file is kept beside the injections and
 * reused), then over the nearest-template selection, and the counts that matter: how many FFs equal
 * brute force (to 1e-9), how many exceed it (must be 0), and the ball scale each injection needed
 * (|dz|^2 of the brute-force best template over 1 - FF: the selection is exact for every injection
 * whose ratio is <= --ball-scale). Settings come from the bank's metadata, as `mbank-ts injections`.
 * Rates are CPU-based (process.cpuUsage over every thread) and the machine may be shared.
 *   npx tsx bench/injections-agreement.bench.ts --bank B.h5 --inj I.h5 [--n K] [--ball-scale S] [--min-candidates M]
 *     [--refine-within R] [--brute-refine-within R] [--workers W]
 * Without --bank it prints its usage and exits (npm run bench runs every bench file).
 */
import { existsSync, rmSync } from 'node:fs';
import { readBank } from '../src/bank/io.js';
import { nearestDefaults, nearestSetup, preselectOf } from '../src/cli/injections/nearest.js';
import { runFittingFactors } from '../src/cli/injections/run.js';
import { readInjections } from '../src/injections/io.js';
import { defaultRefineWithin, type FittingFactorSettings } from '../src/injections/fitting-factor.js';
import { embed } from '../src/injections/phase-embedding.js';
import { percentile } from '../src/injections/stats.js';
import { getModel } from '../src/waveforms/registry.js';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const k = argv.indexOf(name);
  return k >= 0 ? argv[k + 1] : undefined;
};

async function main(): Promise<void> {
  const bankPath = opt('--bank'), injPath = opt('--inj');
  if (bankPath === undefined || injPath === undefined) {
    console.log('injections-agreement: pass --bank B.h5 --inj I.h5 (see the file comment); nothing to measure');
    return;
  }
  const workers = Number(opt('--workers') ?? 2);
  const bank = await readBank(bankPath);
  let injections = await readInjections(injPath);
  if (opt('--n') !== undefined) injections = injections.head(Number(opt('--n')));
  const m = bank.metadata;
  const approximant = m.approximant ?? 'IMRPhenomD';
  const defaults = nearestDefaults(bank, approximant);
  const settings: FittingFactorSettings = {
    approximant, psd: m.psd!, asd: [1, 'true'].includes(m.extra?.asd as never), fMinHz: m.fMin ?? 15, fMaxHz: m.fMax ?? 1024, df: m.df ?? 0.25,
    mchirpWindow: 0.1, minCandidates: Number(opt('--min-candidates') ?? defaults.minCandidates),
  };
  const n = injections.size;
  const cpu = async (f: () => Promise<void>) => {
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  // brute force: a chirp-mass window that must widen until it holds the whole bank, every template
  // refined in time by default (--brute-refine-within 1; 0.02 made the maximum depend on the order when
  // refinement gains more: precessing banks at f-max 512 Hz). With R < 1 every template whose grid match
  // is within R of the best grid match so far is refined, a superset of those within R of the final best:
  // the maximum is brute force's whenever refinement gains less than R (measured <= 0.026 at f-max 512 Hz)
  const bruteRefine = Number(opt('--brute-refine-within') ?? 1);
  const brutePath = `${injPath}.brute-${bank.size}-${bruteRefine === 1 ? 'refined' : `refine${bruteRefine}`}.json`;
  const bruteSettings = { ...settings, minCandidates: bank.size, refineWithin: bruteRefine };
  settings.refineWithin = opt('--refine-within') !== undefined ? Number(opt('--refine-within')) : defaultRefineWithin(!getModel(approximant).only22);
  let brute!: Awaited<ReturnType<typeof runFittingFactors>>;
  const reused = existsSync(brutePath);
  const bruteCpu = await cpu(async () => {
    brute = await runFittingFactors({ bank, injections, settings: bruteSettings, preselect: 'mchirp', statPath: brutePath, identity: { bank: bankPath, n, bruteSettings }, workers });
  });
  const ball = { scale: Number(opt('--ball-scale') ?? defaults.scale), floor: 0, maxCandidates: defaults.maxCandidates };
  const nearest = nearestSetup(bankPath, bank, settings, ball, (line) => console.log(`  ${line}`));
  const statPath = `${injPath}.nearest-${process.pid}.json`;
  let near!: Awaited<ReturnType<typeof runFittingFactors>>;
  const nearCpu = await cpu(async () => {
    near = await runFittingFactors({ bank, injections, settings, preselect: 'nearest', nearest, statPath, identity: {}, workers });
  });
  rmSync(statPath, { force: true });
  const e = nearest.data.embedding, t = bank.templates, c = injections.columns;
  const zi = new Float64Array(e.dim), zt = new Float64Array(e.dim);
  let equal = 0, above = 0, worst = 0, cands = 0;
  const ratios: number[] = [];
  const differ: string[] = [];
  for (let i = 0; i < n; i++) {
    const b = brute.stats.ff[i]!, f = near.stats.ff[i]!, d = b - f;
    if (Math.abs(d) <= 1e-9) equal++;
    if (d < -1e-9) above++;
    worst = Math.max(worst, d);
    cands += near.stats.candidates[i] ?? 0;
    const k = brute.stats.template[i]!;
    embed(e, c.mass1[i], c.mass2[i], c.spin1z[i], c.spin2z[i], zi);
    embed(e, t.mass1[k], t.mass2[k], t.spin1z[k], t.spin2z[k], zt);
    let d2 = 0;
    for (let a = 0; a < e.dim; a++) d2 += (zi[a] - zt[a]) ** 2;
    ratios.push(d2 / Math.max(1 - b, 1e-12));
    if (Math.abs(d) > 1e-9) differ.push(`injection ${i}: brute ${b.toFixed(6)} (template ${k}, ratio ${ratios[i].toFixed(2)}), nearest ${f.toFixed(6)} (template ${near.stats.template[i]}, ${near.stats.candidates[i]} candidates)`);
  }
  const ffs = Array.from(brute.stats.ff, (x) => x ?? NaN);
  console.log(`${bankPath}: ${bank.size} templates (${approximant}, preselect by default: ${preselectOf(undefined, bank, approximant)}), ${n} injections; brute-force FF median ${percentile(ffs, 50).toFixed(4)}, 1% ${percentile(ffs, 1).toFixed(4)}`);
  console.log(`  brute force (refine within ${bruteRefine}) ${reused ? '(reused) ' : ''}${(bruteCpu / n * 1000).toFixed(0)} ms CPU per injection; nearest (ball scale ${ball.scale}, at least ${settings.minCandidates}, refine within ${settings.refineWithin}): ${(nearCpu / n * 1000).toFixed(0)} ms CPU, ${(cands / n).toFixed(0)} candidates per injection`);
  console.log(`  equal to brute force (1e-9): ${equal}/${n} (${(100 * equal / n).toFixed(2)}%); above brute force: ${above}; largest shortfall ${worst.toExponential(2)}`);
  for (const line of differ.slice(0, 10)) console.log(`    ${line}`);
  console.log(`  ball scale needed, |dz_best|^2 / (1 - FF): median ${percentile(ratios, 50).toFixed(2)}, 99% ${percentile(ratios, 99).toFixed(2)}, 99.9% ${percentile(ratios, 99.9).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`);
}

await main();
