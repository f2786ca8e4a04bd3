/**
 * Plumbing shared by the placement methods: option checks, drawing points inside the domain,
 * metric evaluation in batches (with a positive-definiteness check), and yielding to the event loop
 * so an AbortSignal raised by a signal handler is seen during long loops.
 */
import { invalid, MbankError } from '../core/errors.js';
import { isPositiveDefinite } from './geometry.js';
import type { PlacementCommon, PlacementStats } from './types.js';

/** Fresh zeroed counters. */
export function newStats(): PlacementStats {
  return { sampled: 0, outsideDomain: 0, metricEvaluations: 0, nonPositiveDefinite: 0, distanceChecks: 0, proposals: 0, pruned: 0, timeMs: {} };
}

/** Validate the options common to every method; returns D. */
export function checkCommon(o: PlacementCommon): number {
  if (!(o.minimalMatch > 0 && o.minimalMatch < 1)) invalid('minimalMatch', o.minimalMatch, 'must be in (0, 1)');
  const d = o.sampler.dim;
  if (!Number.isInteger(d) || d < 1) invalid('sampler.dim', d, 'must be a positive integer');
  if (o.metric.dim !== d) invalid('metric.dim', o.metric.dim, `must equal sampler.dim = ${d}`);
  if (typeof o.inside !== 'function') invalid('inside', o.inside, 'must be a function (theta row) => boolean');
  if (o.metricBatch !== undefined && !(Number.isInteger(o.metricBatch) && o.metricBatch >= 1)) {
    invalid('metricBatch', o.metricBatch, 'must be a positive integer');
  }
  return d;
}

/** Let pending events (timers, signal handlers) run. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Draw `n` points from the sampler that pass the boundary checker (sampler order kept).
 * Throws when a round of sampling yields nothing inside the domain 50 times in a row.
 */
export async function drawInside(o: PlacementCommon, dim: number, n: number, stats: PlacementStats): Promise<Float64Array> {
  const out = new Float64Array(n * dim);
  let filled = 0;
  let emptyRounds = 0;
  let acceptance = 1;
  while (filled < n) {
    const want = Math.min(1 << 18, Math.ceil((n - filled) / Math.max(acceptance, 0.01)));
    const rows = await o.sampler.sample(want, o.rng);
    if (rows.length !== want * dim) invalid('sampler.sample(n).length', rows.length, `must be n x dim = ${want * dim}`);
    stats.sampled += want;
    let kept = 0;
    for (let i = 0; i < want && filled < n; i++) {
      const row = rows.subarray(i * dim, (i + 1) * dim);
      if (o.inside(row)) {
        out.set(row, filled * dim);
        filled++;
        kept++;
      } else {
        stats.outsideDomain++;
      }
    }
    emptyRounds = kept === 0 ? emptyRounds + 1 : 0;
    if (emptyRounds >= 50) throw new MbankError(`sampler: no point inside the domain in 50 rounds (${stats.sampled} drawn); check the box and the sampler`);
    acceptance = Math.max(0.5 * acceptance, kept / want);
  }
  return out;
}

/**
 * Metrics at the rows of `rows` (n x D), `batch` rows per call; entries that are not positive
 * definite (or have the wrong size) come back as null and are counted in `stats.nonPositiveDefinite`.
 */
export async function evaluateMetrics(
  o: PlacementCommon,
  dim: number,
  rows: Float64Array,
  stats: PlacementStats,
  onBatch?: (done: number, total: number) => void,
): Promise<(Float64Array | null)[]> {
  const n = rows.length / dim;
  const batch = o.metricBatch ?? 256;
  const out: (Float64Array | null)[] = [];
  for (let start = 0; start < n; start += batch) {
    const end = Math.min(n, start + batch);
    const ms = await o.metric.metric(rows.slice(start * dim, end * dim));
    if (ms.length !== end - start) invalid('metric.metric(theta).length', ms.length, `must equal the number of rows ${end - start}`);
    stats.metricEvaluations += end - start;
    for (const m of ms) {
      if (isPositiveDefinite(m, dim)) out.push(m);
      else {
        stats.nonPositiveDefinite++;
        out.push(null);
      }
    }
    onBatch?.(end, n);
    if (o.signal?.aborted) break;
  }
  return out;
}

/**
 * One-sigma binomial error of a fraction f estimated from n trials: sqrt(f (1 - f) / (n - 1))
 * (arXiv:2302.00436, Sec. on random placement); at f = 0 or 1 it returns 1/n instead of 0.
 */
export function binomialError(f: number, n: number): number {
  if (n <= 1) return 1;
  const v = f * (1 - f);
  return v > 0 ? Math.sqrt(v / (n - 1)) : 1 / n;
}
