/**
 * Metric speed: evaluations per second on one core (IMRPhenomD, Mq_s1z_s2z, hessian, 4097 bins:
 * f-max 1024 Hz, df 0.25 Hz, aligo_O3actual_H1, f-min 15 Hz), for each stencil order, plus the
 * time of one waveform for reference; then the dataset throughput on every core (worker pool).
 * Every number is process CPU time (user + system, process.cpuUsage), the median over repeats, which a
 * shared machine inflates far less than wall-clock time (also printed, for reference).
 * Run: npx tsx bench/metric.bench.ts [--quick]
 */
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../src/core/rng.js';
import { MetricWorkspace } from '../src/metric/workspace.js';
import { computeMetric } from '../src/metric/compute.js';
import { generateDataset } from '../src/metric/dataset.js';

const quick = process.argv.includes('--quick');
const base = { variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25 };

function points(n: number): number[][] {
  const rng = new Rng(1);
  return Array.from({ length: n }, () => [rng.uniformIn(10, 100), rng.uniformIn(1.1, 8), rng.uniformIn(-0.9, 0.9), rng.uniformIn(-0.9, 0.9)]);
}

const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];

/** Median over `repeats` of the CPU and wall time [ms] per call of fn over all points. */
function time(pts: number[][], repeats: number, fn: (p: number[]) => void): { cpu: number; wall: number } {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const p of pts) fn(p);
    wall.push((performance.now() - t0) / pts.length);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / pts.length);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

const pts = points(quick ? 20 : 50);
const repeats = quick ? 5 : 11;
{
  const ws = new MetricWorkspace(base);
  const hp = new Float64Array(2 * ws.grid.frequencies.length);
  for (const p of pts) { ws.waveform(p); ws.waveformBandInto(p, hp); }
  const full = time(pts, repeats, (p) => ws.waveform(p));
  const into = time(pts, repeats, (p) => ws.waveformBandInto(p, hp));
  console.log(`IMRPhenomD waveform at the metric's points, ${ws.grid.frequencies.length} bins: generate (h+, hx) ${full.cpu.toFixed(3)} ms CPU ` +
    `(${full.wall.toFixed(3)} ms wall); generateInto over the band, h+ only ${into.cpu.toFixed(3)} ms CPU (${into.wall.toFixed(3)} ms wall)`);
}
for (const order of [2, 4]) {
  const ws = new MetricWorkspace({ ...base, order });
  for (const p of pts) computeMetric(ws, p, 'hessian');
  const t = time(pts, repeats, (p) => computeMetric(ws, p, 'hessian'));
  console.log(`metric hessian Mq_s1z_s2z IMRPhenomD 4097 bins, FD order ${order} (${1 + order * 4} waveforms): ` +
    `${t.cpu.toFixed(2)} ms CPU = ${(1000 / t.cpu).toFixed(0)} metrics/s per core (median of ${repeats} x ${pts.length}; wall ${t.wall.toFixed(2)} ms)`);
}
{
  const ws = new MetricWorkspace(base);
  const sub = pts.slice(0, quick ? 5 : 20);
  const t = time(sub, quick ? 1 : 3, (p) => computeMetric(ws, p, 'parabolic_fit_hessian'));
  console.log(`metric parabolic_fit_hessian: ${t.cpu.toFixed(2)} ms CPU/metric (wall ${t.wall.toFixed(2)} ms)`);
}
{
  const workers = availableParallelism();
  const n = quick ? 200 : 2000;
  const dir = mkdtempSync(join(tmpdir(), 'mbank-bench-'));
  const c0 = process.cpuUsage(); // worker threads included
  const t = performance.now();
  await generateDataset({
    path: join(dir, 'bench.h5'), nPoints: n, workers,
    spec: { metric: base, metricType: 'hessian', ranges: { mtot: [10, 100], q: [1, 8] }, seed: 1, chunkSize: 50 },
  });
  const s = (performance.now() - t) / 1000;
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  console.log(`dataset ${n} rows (hessian, Mq_s1z_s2z, 4097 bins) on ${workers} workers: ${(n / cpuS).toFixed(0)} rows per CPU-second ` +
    `(${cpuS.toFixed(1)} s CPU, all threads, incl. worker start-up); wall ${s.toFixed(1)} s = ${(n / s).toFixed(0)} rows/s`);
}
