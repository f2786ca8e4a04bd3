/**
 * Injection-study speed: true matches per second with 4097-bin IMRPhenomD waveforms (df = 0.25 Hz,
 * f in [20, 1024) Hz, aLIGOZeroDetHighPower), in one thread (grid match, refined match, symphony)
 * and on all cores (injections against a ~150-template bank, every template a candidate).
 *   npx tsx bench/injections.bench.ts [nInjections=60] [workers=cores]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bank } from '../src/bank/bank.js';
import { Rng } from '../src/core/rng.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../src/injections/fitting-factor.js';
import { injectionsFromComponents } from '../src/injections/draw.js';
import { normaliseTemplate } from '../src/match/inner.js';
import { matchNormalised } from '../src/match/match.js';
import { matchRefined } from '../src/match/refine.js';
import { symphonyMatch } from '../src/match/symphony.js';
import { runFittingFactors } from '../src/cli/injections/run.js';

const nInj = Number(process.argv[2] ?? 60);
const workers = Number(process.argv[3] ?? availableParallelism());
const rng = new Rng(7);
const nT = 150;
const cols = { mass1: [] as number[], mass2: [] as number[], spin1z: [] as number[], spin2z: [] as number[] };
for (let i = 0; i < nT; i++) {
  const a = rng.uniformIn(15, 25), b = rng.uniformIn(15, 25);
  cols.mass1.push(Math.max(a, b)); cols.mass2.push(Math.min(a, b)); cols.spin1z.push(rng.uniformIn(0, 0.5)); cols.spin2z.push(rng.uniformIn(0, 0.5));
}
const bank = new Bank({ templates: cols, metadata: { fMin: 20, fMax: 1024, df: 0.25 } });
const settings: FittingFactorSettings = {
  approximant: 'IMRPhenomD', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 1024, df: 0.25,
  mchirpWindow: 0.1, minCandidates: nT,
};
const ev = new FittingFactorEvaluator(settings, bank.templates);
const ws = ev.ws;
const time = (label: string, reps: number, f: () => void) => {
  f();
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) f();
  const ms = (performance.now() - t0) / reps;
  console.log(`${label}: ${ms.toFixed(3)} ms (${(1000 / ms).toFixed(0)} /s per thread)`);
  return ms;
};
console.log(`grid: ${ws.n} bins, ${ws.fftLength} lags, band [${ws.kmin}, ${ws.kmax})`);
const p0 = ev.templateParams(0), p1 = ev.templateParams(1);
time('IMRPhenomD waveform (h+, hx)', 50, () => { ev.model.generate(ev.grid, p0); });
const t = normaliseTemplate(ws, ev.model.generate(ev.grid, p0).hp);
const w1 = ev.model.generate(ev.grid, p1);
time('match (grid, pre-normalised template)', 200, () => { matchNormalised(ws, t, w1.hp); });
time('matchRefined (sub-sample time)', 100, () => { matchRefined(ws, t, w1.hp); });
const w0 = ev.model.generate(ev.grid, p0);
time('symphony match', 100, () => { symphonyMatch(ws, w0.hp, w0.hc, w1.hp); });

const comps = [];
for (let i = 0; i < nInj; i++) {
  const a = rng.uniformIn(15, 25), b = rng.uniformIn(15, 25);
  comps.push({ m1: Math.max(a, b), m2: Math.min(a, b), s1x: 0, s1y: 0, s1z: rng.uniformIn(0, 0.5), s2x: 0, s2y: 0, s2z: rng.uniformIn(0, 0.5), e: 0, meanano: 0, iota: 0, phi: 0 });
}
const injections = injectionsFromComponents(comps, rng);
const dir = mkdtempSync(join(tmpdir(), 'mbank-inj-bench-'));
try {
  const r = await runFittingFactors({ bank, injections, settings, statPath: join(dir, 'stat.json'), identity: {}, workers });
  const cands = r.stats.candidates.reduce((s: number, x) => s + (x ?? 0), 0);
  console.log(`${nInj} injections x ${nT} templates on ${workers} workers: ${r.seconds.toFixed(2)} s wall (incl. worker start-up and template generation), ` +
    `${(nInj / r.seconds).toFixed(2)} injections/s, ${(cands / r.seconds).toFixed(0)} true matches/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
