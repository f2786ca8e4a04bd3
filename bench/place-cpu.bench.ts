/**
 * CPU time per stage of a `place` run (process.cpuUsage: user + system of every thread, the metric
 * and match workers included), which a shared machine leaves meaningful where wall time is not.
 * Runs in-process in a temporary run directory (or `--run-dir`), with the completion's counters.
 * Run: `npx tsx bench/place-cpu.bench.ts [place options...]`, e.g. `data/configs/precessing-xp-small.ini`
 * or nothing (the default problem). A stage's CPU is counted from its first progress report to the next stage's.
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlaceArgs } from '../src/cli/place/options.js';
import { StageProgress } from '../src/cli/place/progress.js';
import { explicitOptionNames, runPlace } from '../src/cli/place/run.js';
import { summaryText } from '../src/pipeline/place/summary.js';

/** A progress reporter that books process CPU to the stage running. */
class CpuStages extends StageProgress {
  readonly cpu = new Map<string, number>();
  private current = 'setup';
  private last = process.cpuUsage();

  private book(): void {
    const c = process.cpuUsage(this.last);
    this.last = process.cpuUsage();
    this.cpu.set(this.current, (this.cpu.get(this.current) ?? 0) + (c.user + c.system) / 1e6);
  }

  override start(stage: string, total: number, unit: string): void {
    this.book();
    this.current = stage;
    super.start(stage, total, unit);
  }

  /** Close the last stage. */
  finish(): void {
    this.book();
  }
}

const argv = process.argv.slice(2);
const withDir = argv.includes('--run-dir') ? argv : ['--run-dir', mkdtempSync(join(tmpdir(), 'mbank-place-cpu-')), ...argv];
const { args } = parsePlaceArgs(withDir);
const progress = new CpuStages(process.stderr, 60000);
const load0 = loadavg()[0];
const c0 = process.cpuUsage();
const t0 = Date.now();
const s = await runPlace(args, { progress, explicit: explicitOptionNames(withDir) });
progress.finish();
const c = process.cpuUsage(c0);
process.stdout.write(summaryText(s));
for (const [k, v] of progress.cpu) process.stdout.write(`cpu ${k.padEnd(12)} ${v.toFixed(1)} s\n`);
const c1 = s.completion;
if (c1) process.stdout.write(`completion: ${c1.totalProbes} probes, ${c1.matches} true matches, ${c1.rounds} rounds\n`);
process.stdout.write(`total: ${((c.user + c.system) / 1e6).toFixed(1)} s CPU, ${((Date.now() - t0) / 1000).toFixed(1)} s wall, load ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)}\n`);
