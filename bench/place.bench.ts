/**
 * The default `mbank-ts place` run (data/configs/default.ini: Mq_s1z_s2z, IMRPhenomD, O3 H1 ASD,
 * MM 0.97, random placement) from scratch in a temporary run directory, in-process: wall time per
 * stage (dataset, train, livepoint metrics, placing, volume, write, plots), templates placed per
 * second, and the bank's numbers (templates, covering fraction, volume, flow accuracy).
 * Run: `npx tsx bench/place.bench.ts [extra place options...]` (e.g. `--plot false --workers 1`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlaceArgs } from '../src/cli/place/options.js';
import { runPlace } from '../src/cli/place/run.js';
import { summaryText } from '../src/pipeline/place/summary.js';

const dir = mkdtempSync(join(tmpdir(), 'mbank-place-bench-'));
const { args } = parsePlaceArgs(['--run-dir', dir, ...process.argv.slice(2)]);
const t0 = Date.now();
const s = await runPlace(args);
const wall = (Date.now() - t0) / 1000;
process.stdout.write(summaryText(s));
const t = s.timeSeconds;
for (const [k, v] of Object.entries(t)) process.stdout.write(`stage ${k.padEnd(17)} ${v.toFixed(1)} s\n`);
process.stdout.write(`default run total: ${wall.toFixed(1)} s wall (in-process, without the CLI start-up)\n`);
if (t.placing > 0) process.stdout.write(`placing: ${(s.templates / t.placing).toFixed(0)} templates/s (${s.templates} templates, ${s.livepoints} livepoints)\n`);
if (t.livepointMetrics > 0) process.stdout.write(`livepoint metrics: ${(s.livepoints / t.livepointMetrics).toFixed(1)} metrics/s\n`);
if (t.dataset > 0 && s.dataset) process.stdout.write(`dataset: ${(s.dataset.rows / t.dataset).toFixed(1)} rows/s\n`);
if (t.train > 0 && s.flow.steps) process.stdout.write(`train: ${(s.flow.steps / t.train).toFixed(1)} steps/s\n`);
