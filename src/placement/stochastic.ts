/**
 * Stochastic template placement (mbank `place_stochastically_flow`; Babak 2008, arXiv:0801.4070;
 * Harry et al. 2009, arXiv:0908.2090): propose points from the sampler, keep a proposal only if its
 * metric match 1 - dθ^T M dθ with every template is below MM, stop after `emptyIterations`
 * consecutive rejected proposals.
 * Which metric: `metricAt: 'template'` (default) uses each template's own metric M_t, evaluated once
 * when the template is accepted, so proposals cost no metric evaluation; `'proposal'` uses the metric
 * at the proposal, as mbank (one evaluation per proposal). Neighbours come from a k-d tree over the
 * templates in coordinates whitened by a reference metric (the shape-normalised mean of the first
 * batch's metrics): with the template metric each template carries the bounding box of its ellipse
 * and a stabbing query returns the candidates; with the proposal metric the query radius is
 * sqrt((1 - MM) / λ_min) where λ_min is the smallest eigenvalue of M_p in whitened coordinates, which
 * bounds the ellipse. Both preselections are supersets; the exact metric distance decides.
 * Proposals are processed strictly in sampler order; batches only group sampler and metric calls
 * (in 'template' mode only proposals that survive the existing bank get a metric).
 */
import { invalid } from '../core/errors.js';
import { KDTree } from './kdtree.js';
import { isPositiveDefinite, metricDistance2, referenceMetric, Whitening } from './geometry.js';
import { binomialError, checkCommon, drawInside, evaluateMetrics, newStats, yieldToLoop } from './sampling.js';
import type { PlacementCommon, PlacementResult } from './types.js';

/** Options of {@link placeStochastic}. */
export interface StochasticOptions extends PlacementCommon {
  /** Stop after this many consecutive rejected proposals (mbank CLI default 100). */
  emptyIterations: number;
  /** Metric used in the match test: at the template (default) or at the proposal (mbank). */
  metricAt?: 'template' | 'proposal';
  /** Templates to start from (n x dim); rows outside the domain are dropped. */
  seedBank?: Float64Array;
  /** Stop after this many templates (default: no limit). */
  maxTemplates?: number;
}

/** Place templates stochastically; see the module comment. */
export async function placeStochastic(o: StochasticOptions): Promise<PlacementResult> {
  const dim = checkCommon(o);
  const emptyIterations = o.emptyIterations;
  if (!(Number.isInteger(emptyIterations) && emptyIterations >= 1)) invalid('emptyIterations', emptyIterations, 'must be a positive integer');
  const mode = o.metricAt ?? 'template';
  if (mode !== 'template' && mode !== 'proposal') invalid('metricAt', mode, "must be 'template' or 'proposal'");
  const maxTemplates = o.maxTemplates ?? Infinity;
  if (!(maxTemplates >= 1)) invalid('maxTemplates', maxTemplates, 'must be >= 1');
  const d2 = 1 - o.minimalMatch;
  const stats = newStats();
  const t0 = performance.now();

  let bank = new Float64Array(64 * dim);
  const bankMetrics: Float64Array[] = [];
  let count = 0;
  let tree: KDTree | null = null;
  let whitening: Whitening | null = null;
  const y = new Float64Array(dim);
  const half = new Float64Array(dim);
  const cands: number[] = [];

  const add = (row: Float64Array, metric: Float64Array | null): void => {
    if ((count + 1) * dim > bank.length) {
      const b = new Float64Array(2 * bank.length);
      b.set(bank);
      bank = b;
    }
    bank.set(row, count * dim);
    count++;
    const w = whitening as Whitening;
    w.apply(row, y);
    if (mode === 'template') {
      const m = metric as Float64Array;
      bankMetrics.push(m);
      (tree as KDTree).insert(y, w.ellipseHalfWidths(m, d2, half));
    } else {
      (tree as KDTree).insert(y);
    }
  };
  /** Whether `row` is within a cell of a template with index >= `from` (metric `mp` at the proposal in 'proposal' mode). */
  const covered = (row: Float64Array, mp: Float64Array | null, from: number): boolean => {
    const w = whitening as Whitening;
    const t = tree as KDTree;
    w.apply(row, y);
    cands.length = 0;
    if (mode === 'template') t.stab(y, cands);
    else t.radius(y, Math.sqrt(d2 / w.minRelativeEigenvalue(mp as Float64Array)) * (1 + 1e-9), cands);
    for (const c of cands) {
      if (c < from) continue;
      stats.distanceChecks++;
      const m = mode === 'template' ? bankMetrics[c] : (mp as Float64Array);
      if (metricDistance2(m, row, bank.subarray(c * dim, (c + 1) * dim), dim) <= d2) return true;
    }
    return false;
  };

  // Seed bank: kept in its order, checked against the domain only (it is trusted to be a bank).
  let seeds = new Float64Array(0);
  if (o.seedBank !== undefined) {
    if (o.seedBank.length % dim !== 0) invalid('seedBank.length', o.seedBank.length, `must be a multiple of dim = ${dim}`);
    const rows: number[] = [];
    for (let i = 0; i < o.seedBank.length / dim; i++) {
      const row = o.seedBank.subarray(i * dim, (i + 1) * dim);
      if (o.inside(row)) rows.push(...row);
      else stats.outsideDomain++;
    }
    seeds = Float64Array.from(rows);
  }

  const window = Math.max(10 * emptyIterations, 1000);
  const outcomes = new Uint8Array(window);
  let seen = 0;
  let rejectedInWindow = 0;
  const record = (rejected: boolean) => {
    const slot = seen % window;
    if (seen >= window) rejectedInWindow -= outcomes[slot];
    outcomes[slot] = rejected ? 1 : 0;
    rejectedInWindow += outcomes[slot];
    seen++;
  };
  const estimate = () => {
    const n = Math.min(seen, window);
    const f = n > 0 ? rejectedInWindow / n : 0;
    return { f, err: binomialError(f, n), n };
  };

  let empty = 0;
  let aborted = false;
  let survival = 1;
  while (empty < emptyIterations && count < maxTemplates) {
    if (o.signal?.aborted) {
      aborted = true;
      break;
    }
    const metricBatch = o.metricBatch ?? 256;
    const size = mode === 'proposal' || whitening === null
      ? Math.max(16, Math.min(metricBatch, emptyIterations - empty))
      : Math.min(4096, Math.max(32, Math.ceil(32 / Math.max(survival, 1e-3))));
    const rows = await drawInside(o, dim, size, stats);
    const alive = new Uint8Array(size).fill(1);
    const prefiltered = mode === 'template' && tree !== null;
    if (prefiltered) {
      for (let i = 0; i < size; i++) if (covered(rows.subarray(i * dim, (i + 1) * dim), null, 0)) alive[i] = 0;
    }
    const survivors: number[] = [];
    for (let i = 0; i < size; i++) if (alive[i]) survivors.push(i);
    survival = survivors.length / size;
    const subset = new Float64Array(survivors.length * dim);
    survivors.forEach((src, dst) => subset.set(rows.subarray(src * dim, (src + 1) * dim), dst * dim));
    const ms = await evaluateMetrics(o, dim, subset, stats);
    if (o.signal?.aborted && ms.length < survivors.length) {
      aborted = true;
      break;
    }
    const metricOf = new Map<number, Float64Array | null>();
    survivors.forEach((src, k) => metricOf.set(src, ms[k]));

    if (whitening === null) {
      const good = ms.filter((m): m is Float64Array => m !== null);
      if (good.length === 0) {
        // No usable metric yet: the whole batch counts as rejected proposals.
        for (let i = 0; i < size; i++) record(true);
        stats.proposals += size;
        empty += size;
        continue;
      }
      whitening = new Whitening(referenceMetric(good, dim), dim);
      tree = new KDTree(dim, mode === 'template');
      if (seeds.length > 0) {
        const sm = mode === 'template' ? await evaluateMetrics(o, dim, seeds, stats) : [];
        for (let i = 0; i < seeds.length / dim; i++) {
          const m = mode === 'template' ? sm[i] : null;
          if (mode === 'template' && (m === null || m === undefined)) continue;
          add(seeds.subarray(i * dim, (i + 1) * dim), m ?? null);
        }
      }
    }
    const batchStart = count;
    for (let i = 0; i < size && empty < emptyIterations && count < maxTemplates; i++) {
      stats.proposals++;
      const row = rows.subarray(i * dim, (i + 1) * dim);
      let accept = alive[i] === 1;
      const m = accept ? (metricOf.get(i) ?? null) : null;
      if (accept && (m === null || !isPositiveDefinite(m, dim))) accept = false;
      // Prefiltered survivors were already checked against the bank as it was before this batch.
      if (accept) accept = !covered(row, m, prefiltered ? batchStart : 0);
      record(!accept);
      if (accept) {
        add(row, m);
        empty = 0;
      } else {
        empty++;
      }
    }
    const e = estimate();
    o.onProgress?.({ stage: 'placing', templates: count, coveringFraction: e.f, coveringFractionError: e.err, predictedCount: null, done: empty, total: emptyIterations });
    await yieldToLoop();
  }
  stats.timeMs.placing = performance.now() - t0;
  const e = estimate();
  return {
    method: 'stochastic', dim, templates: bank.slice(0, count * dim), count, coveringFraction: e.f, coveringFractionError: e.err,
    livepoints: e.n, predictedCount: null, aborted, stats,
  };
}
