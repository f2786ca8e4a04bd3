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
 */
import { invalid } from '../core/errors.js';
import { LivepointCover, predictCount } from './coverage.js';
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
}

/** Place templates at random until a fraction eta of the livepoints is covered; see the module comment. */
export async function placeRandom(o: RandomOptions): Promise<PlacementResult> {
  const dim = checkCommon(o);
  if (!(Number.isInteger(o.livepoints) && o.livepoints >= 2)) invalid('livepoints', o.livepoints, 'must be an integer >= 2');
  const eta = o.coveringFraction;
  if (!(eta > 0 && eta <= 1)) invalid('coveringFraction', eta, 'must be in (0, 1]');
  const maxTemplates = o.maxTemplates ?? Infinity;
  if (!(maxTemplates >= 1)) invalid('maxTemplates', maxTemplates, 'must be >= 1');
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
  stats.timeMs.livepoints = performance.now() - t0;
  const empty = (): PlacementResult => ({
    method: 'random', dim, templates: new Float64Array(0), count: 0, coveringFraction: 0, coveringFractionError: 1,
    livepoints: liveMetrics.length, predictedCount: null, aborted: true, stats,
  });
  if (o.signal?.aborted) return empty();
  if (liveMetrics.length < 2) invalid('livepoints with a positive-definite metric', liveMetrics.length, 'need at least 2');

  t0 = performance.now();
  const whitening = new Whitening(referenceMetric(liveMetrics, dim), dim);
  const cover = new LivepointCover(live, liveMetrics, whitening, d2);
  let bank = new Float64Array(Math.max(64, 4 * dim) * dim);
  let count = 0;
  const uncovered: number[] = [cover.uncovered];
  let predicted: number | null = null;
  let aborted = false;
  const target = Math.ceil(eta * cover.total - 1e-9);
  let batch = 16;
  while (cover.covered < target && count < maxTemplates) {
    if (o.signal?.aborted) {
      aborted = true;
      break;
    }
    const rows = await drawInside(o, dim, batch, stats);
    for (let i = 0; i < batch && cover.covered < target && count < maxTemplates; i++) {
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
      uncovered.push(cover.uncovered);
      if ((count & 255) === 0) report('placing', count, cover.fraction, cover.fractionError, predictCount(uncovered, cover.total, eta));
    }
    predicted = predictCount(uncovered, cover.total, eta);
    report('placing', count, cover.fraction, cover.fractionError, predicted);
    const remaining = predicted === null ? 2 * batch : predicted - count;
    batch = Math.min(2048, Math.max(16, Math.ceil(0.25 * remaining)));
    await yieldToLoop();
  }
  stats.distanceChecks += cover.distanceChecks;
  stats.timeMs.placing = performance.now() - t0;
  let templates: Float64Array = bank.slice(0, count * dim);
  let fraction = cover.fraction;
  let fractionError = cover.fractionError;

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
      const recheck = new LivepointCover(live, liveMetrics, whitening, d2);
      for (let i = 0; i < count; i++) recheck.cover(templates.subarray(i * dim, (i + 1) * dim));
      stats.distanceChecks += recheck.distanceChecks;
      fraction = recheck.fraction;
      fractionError = recheck.fractionError;
      report('pruning', count, fraction, fractionError, predicted);
    } else {
      aborted = true;
    }
    stats.timeMs.pruning = performance.now() - t0;
  }

  return {
    method: 'random', dim, templates, count, coveringFraction: fraction, coveringFractionError: fractionError,
    livepoints: cover.total, predictedCount: predicted, aborted, stats,
  };
}
