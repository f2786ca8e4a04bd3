/**
 * Random template placement with livepoints (mbank's validated method, `place_random_flow`;
 * Messenger et al. 2009, arXiv:0809.5223; Coogan et al. 2022, arXiv:2202.09380).
 * Livepoints are drawn from the sampler and carry their metric; templates are drawn from the same
 * sampler; a livepoint is covered when some template lies within (t - l)^T M_l (t - l) <= 1 - MM
 * (metric at the livepoint); placement stops at the first template that brings the covered fraction
 * of livepoints to eta.
 * Differences from mbank: templates are checked one by one (sampler calls come in adaptive batches
 * sized from the predicted remaining count), so the count is not rounded up to batches of 3000;
 * livepoints with a non positive-definite metric are dropped from the estimate (mbank keeps them
 * in the denominator); the covering fraction comes with its binomial error and a running prediction
 * of the final count; an optional pruning pass removes redundant templates.
 * Robustness to sampler errors: when the sampler reports its log density q, every livepoint gets the
 * importance weight w = sqrt|det M| / q and the result carries the weighted covering fraction (the
 * covered fraction of the metric volume, whatever q is) with its effective sample size;
 * `coverage: 'weighted'` also stops on it. With a defensive mixture sampler (./mixture.ts) a region
 * the flow misses still gets livepoints (whose large weights then keep placement going) and templates.
 * With `coverage: 'count'` (default) the placement is exactly the unweighted one.
 */
import { invalid } from '../core/errors.js';
import { importanceWeights, LivepointCover, predictCount } from './coverage.js';
import { referenceMetric, Whitening } from './geometry.js';
import { pruneBank, type PruneOptions } from './prune.js';
import { checkCommon, drawInside, evaluateMetrics, newStats, yieldToLoop } from './sampling.js';
import type { PlacementCommon, PlacementResult } from './types.js';

/** Options of {@link placeRandom}. */
export interface RandomOptions extends PlacementCommon {
  /** Number of livepoints (mbank default 2000; ~500 already give a converged size, arXiv:2302.00436). */
  livepoints: number;
  /** Requested covering fraction eta in (0, 1] (mbank default 0.9). */
  coveringFraction: number;
  /** Stop after this many templates even if eta is not reached (default: no limit). */
  maxTemplates?: number;
  /**
   * Run the pruning pass after placement (true for defaults). The livepoints are passed to it as
   * extra probes, so the livepoint covering fraction is the same after pruning (it is recomputed).
   */
  prune?: boolean | Pick<PruneOptions, 'pointsPerTemplate'>;
  /**
   * What must reach eta: the fraction of livepoints covered ('count', default, mbank), or the
   * importance-weighted fraction sum_covered w / sum w, w = sqrt|det M| / q ('weighted': needs
   * `sampler.logDensity`; the covered fraction of the metric volume even where q is wrong).
   */
  coverage?: 'count' | 'weighted';
}

/** Place templates at random until a fraction eta of the livepoints is covered; see the module comment. */
export async function placeRandom(o: RandomOptions): Promise<PlacementResult> {
  const dim = checkCommon(o);
  if (!(Number.isInteger(o.livepoints) && o.livepoints >= 2)) invalid('livepoints', o.livepoints, 'must be an integer >= 2');
  const eta = o.coveringFraction;
  if (!(eta > 0 && eta <= 1)) invalid('coveringFraction', eta, 'must be in (0, 1]');
  const maxTemplates = o.maxTemplates ?? Infinity;
  if (!(maxTemplates >= 1)) invalid('maxTemplates', maxTemplates, 'must be >= 1');
  const mode = o.coverage ?? 'count';
  if (mode !== 'count' && mode !== 'weighted') invalid('coverage', mode, "must be 'count' or 'weighted'");
  const logDensity = o.sampler.logDensity?.bind(o.sampler);
  if (mode === 'weighted' && logDensity === undefined) invalid('coverage', mode, 'needs a sampler with logDensity (importance weights sqrt|det M| / q)');
  const d2 = 1 - o.minimalMatch;
  const stats = newStats();
  const report = (stage: 'livepoints' | 'metric' | 'placing' | 'pruning', templates: number, f: number, err: number, pred: number | null, done?: number, total?: number) =>
    o.onProgress?.({ stage, templates, coveringFraction: f, coveringFractionError: err, predictedCount: pred, done, total });

  let t0 = performance.now();
  report('livepoints', 0, 0, 1, null, 0, o.livepoints);
  const raw = await drawInside(o, dim, o.livepoints, stats);
  const rawMetrics = await evaluateMetrics(o, dim, raw, stats, (done, total) => report('metric', 0, 0, 1, null, done, total));
  const keep: number[] = [];
  rawMetrics.forEach((m, i) => {
    if (m !== null) keep.push(i);
  });
  const live = new Float64Array(keep.length * dim);
  keep.forEach((src, dst) => live.set(raw.subarray(src * dim, (src + 1) * dim), dst * dim));
  const liveMetrics = keep.map((i) => rawMetrics[i] as Float64Array);
  const weights = logDensity !== undefined && liveMetrics.length > 0 ? importanceWeights(liveMetrics, await logDensity(live), dim) : null;
  if (mode === 'weighted' && weights === null && liveMetrics.length > 0) invalid('livepoint importance weights', 'none finite', 'need finite sqrt|det M| / q at some livepoint');
  stats.timeMs.livepoints = performance.now() - t0;
  const empty = (): PlacementResult => ({
    method: 'random', dim, templates: new Float64Array(0), count: 0, coveringFraction: 0, coveringFractionError: 1,
    livepoints: liveMetrics.length, predictedCount: null, aborted: true, stats,
  });
  if (o.signal?.aborted) return empty();
  if (liveMetrics.length < 2) invalid('livepoints with a positive-definite metric', liveMetrics.length, 'need at least 2');

  t0 = performance.now();
  const whitening = new Whitening(referenceMetric(liveMetrics, dim), dim);
  const cover = new LivepointCover(live, liveMetrics, whitening, d2, weights ?? undefined);
  const weighted = mode === 'weighted';
  // The estimate placement stops on: covered count, or weighted fraction (uncovered history as a fraction).
  const fractionOf = (c: LivepointCover) => (weighted ? c.weightedFraction : c.fraction);
  const errorOf = (c: LivepointCover) => (weighted ? c.weighted().error : c.fractionError);
  const uncoveredOf = (c: LivepointCover) => (weighted ? c.uncoveredWeightFraction : c.uncovered);
  const scale = weighted ? 1 : cover.total;
  let bank = new Float64Array(Math.max(64, 4 * dim) * dim);
  let count = 0;
  const uncovered: number[] = [uncoveredOf(cover)];
  let predicted: number | null = null;
  let aborted = false;
  const target = Math.ceil(eta * cover.total - 1e-9);
  const reached = () => (weighted ? cover.uncoveredWeightFraction <= 1 - eta + 1e-12 : cover.covered >= target);
  let batch = 16;
  while (!reached() && count < maxTemplates) {
    if (o.signal?.aborted) {
      aborted = true;
      break;
    }
    const rows = await drawInside(o, dim, batch, stats);
    for (let i = 0; i < batch && !reached() && count < maxTemplates; i++) {
      const row = rows.subarray(i * dim, (i + 1) * dim);
      stats.proposals++;
      cover.cover(row);
      if ((count + 1) * dim > bank.length) {
        const b = new Float64Array(2 * bank.length);
        b.set(bank);
        bank = b;
      }
      bank.set(row, count * dim);
      count++;
      uncovered.push(uncoveredOf(cover));
      if ((count & 255) === 0) report('placing', count, fractionOf(cover), errorOf(cover), predictCount(uncovered, scale, eta));
    }
    predicted = predictCount(uncovered, scale, eta);
    report('placing', count, fractionOf(cover), errorOf(cover), predicted);
    const remaining = predicted === null ? 2 * batch : predicted - count;
    batch = Math.min(2048, Math.max(16, Math.ceil(0.25 * remaining)));
    await yieldToLoop();
  }
  stats.distanceChecks += cover.distanceChecks;
  stats.timeMs.placing = performance.now() - t0;
  let templates: Float64Array = bank.slice(0, count * dim);
  let fraction = fractionOf(cover);
  let fractionError = errorOf(cover);
  let weightedCoverage = weights === null ? undefined : cover.weighted();

  if (o.prune !== undefined && o.prune !== false && count > 1 && !aborted) {
    t0 = performance.now();
    const extra = o.prune === true ? {} : o.prune;
    const pr = await pruneBank(templates, {
      ...o, ...extra, probes: { points: live, metrics: liveMetrics },
      onProgress: (p) => o.onProgress?.({ ...p, coveringFraction: fraction, coveringFractionError: fractionError, predictedCount: predicted }),
    });
    stats.metricEvaluations += pr.stats.metricEvaluations;
    stats.nonPositiveDefinite += pr.stats.nonPositiveDefinite;
    stats.distanceChecks += pr.stats.distanceChecks;
    stats.sampled += pr.stats.sampled;
    if (!pr.aborted) {
      templates = pr.templates;
      stats.pruned = count - pr.count;
      count = pr.count;
      const recheck = new LivepointCover(live, liveMetrics, whitening, d2, weights ?? undefined);
      for (let i = 0; i < count; i++) recheck.cover(templates.subarray(i * dim, (i + 1) * dim));
      stats.distanceChecks += recheck.distanceChecks;
      fraction = fractionOf(recheck);
      fractionError = errorOf(recheck);
      weightedCoverage = weights === null ? undefined : recheck.weighted();
      report('pruning', count, fraction, fractionError, predicted);
    } else {
      aborted = true;
    }
    stats.timeMs.pruning = performance.now() - t0;
  }

  return {
    method: 'random', dim, templates, count, coveringFraction: fraction, coveringFractionError: fractionError,
    livepoints: cover.total, coverageEstimate: mode, ...(weightedCoverage ? { weighted: weightedCoverage } : {}),
    predictedCount: predicted, aborted, stats,
  };
}
