/**
 * Metric speed: evaluations per second on one core (IMRPhenomD, Mq_s1z_s2z, hessian, 4097 bins:
 * f-max 1024 Hz, df 0.25 Hz, aligo_O3actual_H1, f-min 15 Hz), for each stencil order, plus the
 * time of one waveform for reference; then the dataset throughput on every core (worker pool).
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

const pts = points(quick ? 50 : 200);
{
  const ws = new MetricWorkspace(base);
  for (const p of pts.slice(0, 20)) ws.waveform(p);
  const t = performance.now();
  for (const p of pts) ws.waveform(p);
  console.log(`IMRPhenomD waveform, ${ws.grid.frequencies.length} bins: ${((performance.now() - t) / pts.length).toFixed(3)} ms`);
}
for (const order of [2, 4]) {
  const ws = new MetricWorkspace({ ...base, order });
  for (const p of pts.slice(0, 10)) computeMetric(ws, p, 'hessian');
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (const p of pts) computeMetric(ws, p, 'hessian');
  const ms = (performance.now() - t) / pts.length;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / pts.length;
  console.log(`metric hessian Mq_s1z_s2z IMRPhenomD 4097 bins, FD order ${order} (${1 + order * 4} waveforms): ` +
    `${ms.toFixed(2)} ms/metric wall = ${(1000 / ms).toFixed(0)} metrics/s; ${cpuMs.toFixed(2)} ms CPU = ${(1000 / cpuMs).toFixed(0)} metrics/s per core (CPU time, load-independent)`);
}
{
  const ws = new MetricWorkspace(base);
  const sub = pts.slice(0, quick ? 10 : 40);
  const t = performance.now();
  for (const p of sub) computeMetric(ws, p, 'parabolic_fit_hessian');
  console.log(`metric parabolic_fit_hessian: ${((performance.now() - t) / sub.length).toFixed(2)} ms/metric`);
}
{
  const workers = availableParallelism();
  const n = quick ? 200 : 2000;
  const dir = mkdtempSync(join(tmpdir(), 'mbank-bench-'));
  const t = performance.now();
  await generateDataset({
    path: join(dir, 'bench.h5'), nPoints: n, workers,
    spec: { metric: base, metricType: 'hessian', ranges: { mtot: [10, 100], q: [1, 8] }, seed: 1, chunkSize: 50 },
  });
  const s = (performance.now() - t) / 1000;
  console.log(`dataset ${n} rows (hessian, Mq_s1z_s2z, 4097 bins) on ${workers} workers: ${s.toFixed(1)} s = ${(n / s).toFixed(0)} rows/s (incl. worker start-up)`);
}
