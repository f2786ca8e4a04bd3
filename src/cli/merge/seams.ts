/**
 * Seam pruning of a merged multi-flow bank (arXiv:2302.00436 Sec. VI: the all-sky bank joins banks
 * placed with separate flows on neighbouring regions). Each bank is placed to cover its own region,
 * so near a shared boundary both banks cover the same strip: a template of a later bank is dropped
 * when a kept template of an earlier bank already covers it, i.e. its metric match (metric at the
 * template, 1 - dθᵀ M dθ) to the nearest earlier template is >= MM and the true match confirms it.
 * Only templates of the later bank within `width` (a fraction of the earlier banks' extent per
 * coordinate) of the earlier banks' bounding box are examined (the seam strip), against the earlier
 * templates within the same widening of the later bank's box.
 */
import { MbankError } from '../../core/errors.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../../injections/fitting-factor.js';
import { metricDistancesSq, nearestIndices } from '../../injections/metric-estimate.js';
import { computeMetric } from '../../metric/compute.js';
import type { MetricType } from '../../metric/metric.js';
import { MetricWorkspace, type MetricOptions } from '../../metric/workspace.js';
import type { Bank } from '../../bank/bank.js';

/** Settings of the seam pruning. */
export interface SeamOptions {
  metric: MetricOptions;
  metricType: MetricType;
  /** Minimal match: a template whose neighbourhood is covered to this match is dropped. */
  mm: number;
  /** Width of the examined strip, as a fraction of the earlier banks' extent per coordinate. */
  width: number;
  /** Nearest earlier templates (in metric distance) whose true match is computed. */
  candidates: number;
  /** Band and PSD of the match (the metric's by default). */
  match: FittingFactorSettings;
}

/** What the pruning did, per later bank. */
export interface SeamReport {
  /** Templates of the strip examined, dropped by the metric test alone, and dropped after the match confirmed it. */
  examined: number;
  metricCovered: number;
  dropped: number;
}

/**
 * Keep-mask over the merged bank (`ranges[j]` = index range of input bank j): templates of bank j > 0
 * covered by the kept templates of banks 0..j-1 get 0. Needs the bank's coordinates.
 */
export function pruneSeams(bank: Bank, ranges: ReadonlyArray<[number, number]>, o: SeamOptions, onProgress?: (done: number, total: number) => void): { keep: Uint8Array; reports: SeamReport[] } {
  if (bank.coordinates === undefined) throw new MbankError('merge --prune-seams: the banks carry no coordinates (write them with mbank-ts place, or give banks in a variable format)');
  const D = bank.dimension;
  const X = bank.coordinates.values;
  const keep = new Uint8Array(bank.size).fill(1);
  const ws = new MetricWorkspace(o.metric);
  if (ws.format.D !== D) throw new MbankError(`merge --prune-seams: variable format ${o.metric.variableFormat} has D = ${ws.format.D}, the banks' coordinates D = ${D}`);
  const ev = new FittingFactorEvaluator(o.match, bank.templates);
  const sky = { longitude: 0, latitude: 0, polarization: 0 };
  const reports: SeamReport[] = [];
  const total = ranges.slice(1).reduce((s, [a, b]) => s + b - a, 0);
  let done = 0;
  for (let j = 1; j < ranges.length; j++) {
    const [lo, hi] = widenedBox(X, D, (function* () { for (let b = 0; b < j; b++) for (let i = ranges[b][0]; i < ranges[b][1]; i++) if (keep[i]) yield i; })(), o.width);
    const [blo, bhi] = widenedBox(X, D, (function* () { for (let i = ranges[j][0]; i < ranges[j][1]; i++) yield i; })(), o.width);
    // earlier templates that can cover the strip: those within the widened box of bank j
    const earlier: number[] = [];
    for (let b = 0; b < j; b++) for (let i = ranges[b][0]; i < ranges[b][1]; i++) if (keep[i] && inBox(X.subarray(i * D, (i + 1) * D), blo, bhi)) earlier.push(i);
    const pts = new Float64Array(earlier.length * D);
    earlier.forEach((i, r) => pts.set(X.subarray(i * D, (i + 1) * D), r * D));
    const dist = new Float64Array(earlier.length);
    const report: SeamReport = { examined: 0, metricCovered: 0, dropped: 0 };
    for (let i = ranges[j][0]; i < ranges[j][1]; i++, done++) {
      onProgress?.(done, total);
      const theta = X.subarray(i * D, (i + 1) * D);
      if (earlier.length === 0 || !inBox(theta, lo, hi)) continue;
      report.examined++;
      const m = computeMetric(ws, theta, o.metricType);
      if (!m.positiveDefinite) continue;
      const arg = metricDistancesSq(pts, theta, m.metric, dist);
      if (1 - dist[arg] < o.mm) continue;
      report.metricCovered++;
      const near = Int32Array.from(nearestIndices(dist, o.candidates), (r) => earlier[r]);
      if (ev.evaluateAmong(ev.templateParams(i), sky, near).ff >= o.mm) {
        keep[i] = 0;
        report.dropped++;
      }
    }
    reports.push(report);
  }
  onProgress?.(total, total);
  return { keep, reports };
}

/** Bounding box of the rows `idx` of X (N x D), each side widened by `width` times its extent. */
function widenedBox(X: Float64Array, D: number, idx: Iterable<number>, width: number): [Float64Array, Float64Array] {
  const lo = new Float64Array(D).fill(Infinity), hi = new Float64Array(D).fill(-Infinity);
  for (const i of idx) for (let a = 0; a < D; a++) { lo[a] = Math.min(lo[a], X[i * D + a]); hi[a] = Math.max(hi[a], X[i * D + a]); }
  for (let a = 0; a < D; a++) { const w = width * (hi[a] - lo[a]); lo[a] -= w; hi[a] += w; }
  return [lo, hi];
}

function inBox(x: ArrayLike<number>, lo: Float64Array, hi: Float64Array): boolean {
  for (let a = 0; a < lo.length; a++) if (!(x[a] >= lo[a] && x[a] <= hi[a])) return false;
  return true;
}
