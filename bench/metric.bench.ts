/**
 * Metric speed: evaluations per second on one core (IMRPhenomD, Mq_s1z_s2z, hessian, f-max 1024 Hz,
 * df 0.25 Hz, aligo_O3actual_H1, f-min 15 Hz) on the uniform grid (4097 bins) and on the quadrature grid
 * (--metric-grid, ~320 nodes), for each stencil order, plus the time of one waveform for reference; the
 * precessing symphony metric (IMRPhenomPv2, Mq_s1xz_s2z_iota, same PSD) on both grids, and on the uniform grid
 * also through generate and a copy; then the dataset throughput on every core (worker pool), both grids.
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
import type { Polarizations } from '../src/waveforms/types.js';

const quick = process.argv.includes('--quick');
const base = { variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25 };

function points(n: number): number[][] {
  const rng = new Rng(1);
  return Array.from({ length: n }, () => [rng.uniformIn(10, 100), rng.uniformIn(1.1, 8), rng.uniformIn(-0.9, 0.9), rng.uniformIn(-0.9, 0.9)]);
}

/** Random precessing points (M, q, s1, theta1, s2z, iota): M 20-50, q 1-4, s1 0-0.9, theta1 0-pi, s2z +-0.9, iota 0-pi. */
function precessingPoints(n: number): number[][] {
  const rng = new Rng(2);
  return Array.from({ length: n }, () => [
    rng.uniformIn(20, 50), rng.uniformIn(1, 4), rng.uniformIn(0, 0.9), rng.uniformIn(0, Math.PI), rng.uniformIn(-0.9, 0.9), rng.uniformIn(0, Math.PI),
  ]);
}

/** A workspace whose overridden `waveform` makes waveformBandInto take the generate-and-copy path. */
class GenerateCopyWorkspace extends MetricWorkspace {
  override waveform(theta: ArrayLike<number>): Polarizations {
    return super.waveform(theta);
  }
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
const grids = ['uniform', 'quadrature'] as const;
/** "4097 bins" or "quadrature, N nodes" for a workspace. */
const gridLabel = (ws: MetricWorkspace) => (ws.quadrature ? `quadrature ${ws.quadrature.fullCount} nodes` : `uniform ${ws.grid.frequencies.length} bins`);
for (const order of [2, 4]) {
  for (const metricGrid of grids) {
    const ws = new MetricWorkspace({ ...base, order, metricGrid });
    for (let w = 0; w < 3; w++) for (const p of pts) computeMetric(ws, p, 'hessian');
    const t = time(pts, repeats, (p) => computeMetric(ws, p, 'hessian'));
    console.log(`metric hessian Mq_s1z_s2z IMRPhenomD ${gridLabel(ws)}, FD order ${order} (${1 + order * 4} waveforms): ` +
      `${t.cpu.toFixed(3)} ms CPU = ${(1000 / t.cpu).toFixed(0)} metrics/s per core (median of ${repeats} x ${pts.length}; wall ${t.wall.toFixed(3)} ms)`);
  }
}
for (const metricGrid of grids) {
  const ws = new MetricWorkspace({ ...base, metricGrid });
  const sub = pts.slice(0, quick ? 5 : 20);
  const t = time(sub, quick ? 1 : 3, (p) => computeMetric(ws, p, 'parabolic_fit_hessian'));
  console.log(`metric parabolic_fit_hessian (${gridLabel(ws)} for the hessian; true matches on the uniform grid): ${t.cpu.toFixed(2)} ms CPU/metric (wall ${t.wall.toFixed(2)} ms)`);
}
{
  const precessing = { ...base, variableFormat: 'Mq_s1xz_s2z_iota', approximant: 'IMRPhenomPv2' };
  const pp = precessingPoints(quick ? 10 : 30);
  const variants = [
    ['quadrature, generateAtInto', new MetricWorkspace({ ...precessing, metricGrid: 'quadrature' })],
    ['uniform, generateInto', new MetricWorkspace({ ...precessing, metricGrid: 'uniform' })],
    ['uniform, generate + copy', new GenerateCopyWorkspace({ ...precessing, metricGrid: 'uniform' })],
  ] as const;
  for (const [label, ws] of variants) {
    // warm-up: ~1500 waveforms, until V8 settles (see bench/waveforms.bench.ts)
    for (let w = 0; w < 4; w++) for (const p of pp) computeMetric(ws, p, 'symphony');
    const t = time(pp, repeats, (p) => computeMetric(ws, p, 'symphony'));
    const nWaveforms = 1 + 2 * ws.format.D;
    console.log(`metric symphony Mq_s1xz_s2z_iota IMRPhenomPv2 ${gridLabel(ws)}, FD order 2 (${nWaveforms} waveforms, h+ and hx at the centre), ` +
      `waveforms by ${label}: ${t.cpu.toFixed(3)} ms CPU = ${(1000 / t.cpu).toFixed(0)} metrics/s per core ` +
      `(median of ${repeats} x ${pp.length} points; wall ${t.wall.toFixed(2)} ms)`);
  }
}
for (const metricGrid of grids) {
  const workers = availableParallelism();
  const n = quick ? 200 : metricGrid === 'uniform' ? 2000 : 10000;
  const dir = mkdtempSync(join(tmpdir(), 'mbank-bench-'));
  const c0 = process.cpuUsage(); // worker threads included
  const t = performance.now();
  await generateDataset({
    path: join(dir, 'bench.h5'), nPoints: n, workers,
    spec: { metric: { ...base, metricGrid }, metricType: 'hessian', ranges: { mtot: [10, 100], q: [1, 8] }, seed: 1, chunkSize: 50 },
  });
  const s = (performance.now() - t) / 1000;
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  console.log(`dataset ${n} rows (hessian, Mq_s1z_s2z, ${metricGrid}) on ${workers} workers: ${(n / cpuS).toFixed(0)} rows per CPU-second ` +
    `= ${((2 * n) / cpuS).toFixed(0)} rows/s on 2 fully available cores (${cpuS.toFixed(1)} s CPU, all threads, incl. worker start-up); ` +
    `wall ${s.toFixed(1)} s = ${(n / s).toFixed(0)} rows/s on this (shared) machine`);
}
