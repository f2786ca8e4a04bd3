/**
 * Completion of a bank: fill the holes a metric placement leaves (q -> 1, where det M -> 0; corners;
 * box faces; anti-aligned spins), deciding coverage by the TRUE match, not the quadratic metric.
 *
 * A set of probe points (uniform in the coordinates, uniform in the component masses, on the
 * boundary, at the corners, from the flow: whatever the ProbeSource draws) is held with each probe's
 * best match to the bank. Candidate templates of a probe are those within metric distance
 * dθ^T M_t dθ <= K (1 - MM) of it, with M_t the template's own metric (a generous superset: the true
 * match decides). Then, greedily (farthest point first, as a k-centre cover):
 *   1. the uncovered probes (best match < MM) are ordered by how badly they are covered (1 - best
 *      match; probes with no candidate at all first, by their distance to the nearest template);
 *   2. a batch of them, mutually separated, becomes templates (their metrics computed; a pick
 *      within metric distance 1 - MM of an earlier pick of the batch waits for the next batch);
 *   3. the uncovered probes within K (1 - MM) of each new template get its true match;
 * until at most 80% of the misses the target allows are left on the probe set, none deeper than
 * MM - (MM - worstAllowed)/2. A round ends with a validation set of fresh probes: its covered
 * fraction is an unbiased estimate of the bank's completeness; while it is below the target (or
 * its worst match is below `worstAllowed`), the validation probes join the set and the greedy pass
 * runs again: after a missed target on more probes, with fewer misses allowed (x 0.7); after a
 * missed worst match alone, on the deep holes only (no new probes: a few templates, not a layer). Templates are only ever added: every point covered before
 * completion stays covered. Deterministic for a given rng (ties broken by probe index).
 */
import { invalid } from '../core/errors.js';
import { slogdet } from '../core/linalg.js';
import type { Rng } from '../core/rng.js';
import { isPositiveDefinite, metricDistance2, referenceMetric, Whitening } from './geometry.js';
import { ellipsoidProbes } from './hole-probes.js';
import { KDTree } from './kdtree.js';
import { binomialError, yieldToLoop } from './sampling.js';
import type { BoundaryChecker, MaybePromise, MetricField, PlacementProgress } from './types.js';

/** True matches between probes and templates (the caller owns waveforms and the match). */
export interface MatchOracle {
  /**
   * Match of pair i: probe row i (n x D, id probeIds[i]) against template row i (id templateIds[i]).
   * Ids let the oracle cache waveforms; results must not depend on the order or grouping of pairs.
   */
  matchPairs(probes: Float64Array, probeIds: Int32Array, templates: Float64Array, templateIds: Int32Array): MaybePromise<Float64Array>;
}

/** Probe rows (n x D row-major) and the kind of each (an index into ProbeSource.kinds). */
export interface ProbeDraw {
  rows: Float64Array;
  kind: Uint8Array;
}

/**
 * Draws probe points inside the region; `corners` are added once, first. Probes come in kinds
 * (e.g. uniform in the coordinates, in the component masses, on the boundary, from the flow): the
 * completeness is measured per kind, and the kinds listed in `validated` together must reach the
 * target (the others, such as boundary probes, only steer the cover and count for the worst match).
 */
export interface ProbeSource {
  readonly dim: number;
  readonly kinds: readonly string[];
  readonly validated: readonly string[];
  draw(n: number, rng: Rng): MaybePromise<ProbeDraw>;
  corners?(): Float64Array;
}

/** Options of {@link completeBank}. */
export interface CompletionOptions {
  /** Minimal match MM in (0, 1). */
  minimalMatch: number;
  /** The bank to complete (n0 x D row-major; may be empty). */
  templates: Float64Array;
  metric: MetricField;
  matches: MatchOracle;
  probes: ProbeSource;
  /** Rows where this is false never become templates. */
  inside: BoundaryChecker;
  rng: Rng;
  /** Stop when this fraction of a fresh validation set is covered (default 0.99). */
  completeness?: number;
  /** ... and its worst match is at least this (default MM - 0.02). */
  worstAllowed?: number;
  /** Probes of the first round (default max(1000, 4 n0)); each further round adds half the set again (at least 16 per template in all). */
  probesPerRound?: number;
  /**
   * Fresh probes of each validation (default 3000: its worst probe bounds the 0.1% quantile of the FF,
   * which 1000 probes leave unchecked: a hole of 5e-4 of the measure passed them on sbank's problem).
   */
  validationProbes?: number;
  /** K: candidate templates lie within K (1 - MM) in metric distance (default {@link NEIGHBOURHOOD}). */
  neighbourhood?: number;
  /**
   * Validation probes that no template within K (1 - MM) covers are matched (nearest first, up to the
   * first >= MM) against the templates within this many (1 - MM) (default K: no second look; Infinity:
   * every template). For metrics that misjudge the match away from the template (the precessing
   * symphony metric), where a validation would count covered probes as holes.
   */
  validationNeighbourhood?: number;
  /** Rounds at most (default 12; a round that only fills deep holes costs one validation set). */
  maxRounds?: number;
  /** New templates per greedy batch (default 32). */
  batch?: number;
  /** Stop after this many templates in all (default: no limit). */
  maxTemplates?: number;
  /** Put each new template at the centroid of the uncovered probes of its estimated cell (default true). */
  recentre?: boolean;
  /** Probes drawn around each uncovered validation probe for the next round (default 0: none). See hole-probes.ts. */
  holeProbes?: number;
  /**
   * Keep each uncovered probe's cell between greedy batches and recount only its uncovered members
   * (default true; false rescans every cell in every batch: the same bank, slower).
   */
  incrementalScores?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: PlacementProgress) => void;
}

/** The last validation of a completion. */
export interface Completeness {
  /** Fraction of the fresh validation probes of the validated kinds with true match >= MM. */
  fraction: number;
  /** Its one-sigma binomial error. */
  error: number;
  /** Validation probes (all kinds). */
  probes: number;
  /** Worst true match among them (all kinds). */
  worst: number;
  /** Per kind: covered fraction, its error, probes. */
  byKind: Record<string, { fraction: number; error: number; probes: number }>;
}

/** What {@link completeBank} returns. */
export interface CompletionResult {
  /** The completed bank: the input templates first, in order, then the added ones. */
  templates: Float64Array;
  count: number;
  added: number;
  rounds: number;
  completeness: Completeness;
  /** True when the target was met (false: stopped by maxRounds, maxTemplates or the signal). */
  converged: boolean;
  aborted: boolean;
  /** Counters; the wall times of the oracle, metric and probe calls apart (the rest is the greedy's bookkeeping). */
  stats: { probes: number; matches: number; metricEvaluations: number; timeMs: number; matchMs: number; metricMs: number; drawMs: number };
}

/**
 * Default K of the candidate reach K (1 - MM). The true match of a template stays >= MM out to 9-25 (1 - MM)
 * in metric distance along the directions the metric calls almost flat (q at fixed chirp mass, the spin
 * difference; sbank's CI problem, 30 template positions x 10,000 uniform probes), so a small reach never
 * credits a template with probes it covers and the greedy places others there. sbank-ci, one flow,
 * seeds 0-2, mean templates: K 4: 226.7, 9: 214.7, 16: 207.7, 25: 208.0 (completeness unchanged within
 * noise; +40% true matches at 16).
 */
const NEIGHBOURHOOD = 16;

/** Probe density a round asks for after a failed validation (the converged banks measured hold 12-40 per template). */
const PROBES_PER_TEMPLATE = 16;

/** Lloyd steps of a new template towards the centroid of the uncovered probes of its cell. */
const LLOYD_STEPS = 3;

/**
 * Misses the greedy leaves on the probe set, as a share of those the target allows, and the factor
 * applied after a round that missed the target. sbank's CI problem, one flow: 0.5 and 0.5 placed
 * 245 templates, 0.8 and 0.7 (with deep-hole rounds) 223, both with >= 99.6% of fresh probes covered.
 */
const PROBE_MISS_SHARE = 0.8;
const PROBE_MISS_SHRINK = 0.7;

/** Growable n x D rows. */
class Rows {
  data: Float64Array;
  count = 0;
  constructor(readonly dim: number, capacity = 64) {
    this.data = new Float64Array(Math.max(1, capacity) * dim);
  }
  push(row: ArrayLike<number>): number {
    if ((this.count + 1) * this.dim > this.data.length) {
      const d = new Float64Array(2 * this.data.length);
      d.set(this.data);
      this.data = d;
    }
    this.data.set(row, this.count * this.dim);
    return this.count++;
  }
  row(i: number): Float64Array {
    return this.data.subarray(i * this.dim, (i + 1) * this.dim);
  }
}

/** Complete a bank; see the module comment. */
export async function completeBank(o: CompletionOptions): Promise<CompletionResult> {
  const t0 = performance.now();
  const mm = o.minimalMatch;
  if (!(mm > 0 && mm < 1)) invalid('minimalMatch', mm, 'must be in (0, 1)');
  const D = o.metric.dim;
  if (o.probes.dim !== D) invalid('probes.dim', o.probes.dim, `must equal metric.dim = ${D}`);
  if (o.templates.length % D !== 0) invalid('templates.length', o.templates.length, `must be a multiple of D = ${D}`);
  const target = o.completeness ?? 0.99;
  if (!(target > 0 && target <= 1)) invalid('completeness', target, 'must be in (0, 1]');
  const worstAllowed = o.worstAllowed ?? mm - 0.02;
  if (!(worstAllowed > 0 && worstAllowed <= mm)) invalid('worstAllowed', worstAllowed, `must be in (0, MM = ${mm}]`);
  // the greedy pass on the probe set aims a little tighter than the validation target, holes half as deep
  let probeMiss = (1 - target) * PROBE_MISS_SHARE;
  const deepBelow = mm - (mm - worstAllowed) / 2;
  const K = o.neighbourhood ?? NEIGHBOURHOOD;
  if (!(K >= 1)) invalid('neighbourhood', K, 'must be >= 1');
  const batchSize = o.batch ?? 32;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) invalid('batch', batchSize, 'must be a positive integer');
  const maxRounds = o.maxRounds ?? 12;
  const recentre = o.recentre ?? true;
  const incremental = o.incrementalScores ?? true;
  const perHole = o.holeProbes ?? 0;
  if (!(Number.isInteger(perHole) && perHole >= 0)) invalid('holeProbes', perHole, 'must be a non-negative integer');
  const maxTemplates = o.maxTemplates ?? Infinity;
  const n0 = o.templates.length / D;
  const nValidation = o.validationProbes ?? 3000;
  let perRound = o.probesPerRound ?? Math.max(1000, 4 * n0);
  const d2 = 1 - mm;
  const reach = K * d2;
  const wideK = o.validationNeighbourhood ?? K;
  if (!(wideK >= K)) invalid('validationNeighbourhood', wideK, `must be >= neighbourhood = ${K} (Infinity: every template)`);
  const wideReach = wideK * d2;
  const stats = { probes: 0, matches: 0, metricEvaluations: 0, timeMs: 0, matchMs: 0, metricMs: 0, drawMs: 0 };
  /** await `f()`, booking its wall time to stats[key]. */
  const timed = async <T>(key: 'matchMs' | 'metricMs' | 'drawMs', f: () => MaybePromise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    stats[key] += performance.now() - t;
    return r;
  };

  // --- templates with their metrics; the whitening from them (or from probe metrics when empty)
  const templates = new Rows(D, n0 + 64);
  const tMetrics: Float64Array[] = [];
  /** Smallest eigenvalue of each template's metric in whitened coordinates (radius of its cell). */
  const tMinEig: number[] = [];
  const initialMetrics = n0 > 0 ? await timed('metricMs', () => o.metric.metric(o.templates)) : [];
  stats.metricEvaluations += n0;
  let seedMetrics = initialMetrics.filter((m) => isPositiveDefinite(m, D));
  if (seedMetrics.length === 0) {
    const pts = (await timed('drawMs', () => o.probes.draw(64, o.rng.fork(91)))).rows;
    seedMetrics = (await timed('metricMs', () => o.metric.metric(pts))).filter((m) => isPositiveDefinite(m, D));
    stats.metricEvaluations += 64;
  }
  if (seedMetrics.length === 0) invalid('metric', 'no positive-definite metric', 'needs a region where the metric can be computed');
  const ref = referenceMetric(seedMetrics, D);
  const whitening = new Whitening(ref, D);
  // typical size: geometric mean of det^(1/D); fallback metric = ref scaled to it
  let logScale = 0;
  for (const m of seedMetrics) logScale += slogdet(m, D).logAbsDet / D;
  const scale = Math.exp(logScale / seedMetrics.length);
  const fallback = ref.map((v) => v * scale);
  const fallbackMinEig = whitening.minRelativeEigenvalue(fallback);
  const tTree = new KDTree(D, true);
  const y = new Float64Array(D);
  const half = new Float64Array(D);
  const addTemplate = (row: ArrayLike<number>, m: Float64Array | null): number => {
    const metric = m !== null && isPositiveDefinite(m, D) ? m : fallback;
    const i = templates.push(row);
    tMetrics.push(metric);
    tMinEig.push(whitening.minRelativeEigenvalue(metric));
    whitening.apply(row, y);
    tTree.insert(y, whitening.ellipseHalfWidths(metric, reach, half));
    return i;
  };
  for (let i = 0; i < n0; i++) addTemplate(o.templates.subarray(i * D, (i + 1) * D), initialMetrics[i]);

  // --- probes: rows, whitened copies in a tree, best match so far (-1: no candidate evaluated)
  const probes = new Rows(D, 1024);
  let best = new Float64Array(1024).fill(-1);
  let pinned = new Uint8Array(1024);
  const pTree = new KDTree(D);
  const probeKind: number[] = [];
  const addProbes = (rows: Float64Array, kind?: Uint8Array): number[] => {
    const ids: number[] = [];
    for (let i = 0; i < rows.length / D; i++) {
      const row = rows.subarray(i * D, (i + 1) * D);
      if (!o.inside(row)) continue;
      const id = probes.push(row);
      probeKind.push(kind?.[i] ?? 255);
      if (id >= best.length) {
        const b = new Float64Array(2 * best.length).fill(-1);
        b.set(best);
        best = b;
        const q = new Uint8Array(2 * pinned.length);
        q.set(pinned);
        pinned = q;
      }
      pTree.insert(whitening.apply(row, y));
      ids.push(id);
    }
    stats.probes += ids.length;
    return ids;
  };

  const progress = (stage: 'completion', done?: number, total?: number, fraction = 0, err = 1) =>
    o.onProgress?.({ stage, templates: templates.count, coveringFraction: fraction, coveringFractionError: err, predictedCount: null, done, total });

  /** True matches of the listed (probe, template) pairs, in one oracle call. */
  const matchPairs = async (pairs: [number, number][]): Promise<Float64Array> => {
    const n = pairs.length;
    const pr = new Float64Array(n * D), tr = new Float64Array(n * D);
    const pid = new Int32Array(n), tid = new Int32Array(n);
    pairs.forEach(([p, t], k) => {
      pr.set(probes.row(p), k * D);
      tr.set(templates.row(t), k * D);
      pid[k] = p;
      tid[k] = t;
    });
    stats.matches += n;
    return n === 0 ? new Float64Array(0) : timed('matchMs', () => o.matches.matchPairs(pr, pid, tr, tid));
  };

  /** Candidate templates of probe p (metric distance with the template's metric <= K (1 - MM)), nearest first. */
  const candidates = (p: number): number[] => {
    const row = probes.row(p);
    const found = tTree.stab(whitening.apply(row, y), []);
    const scored: [number, number][] = [];
    for (const t of found) {
      const dist = metricDistance2(tMetrics[t], row, templates.row(t), D);
      if (dist <= reach) scored.push([dist, t]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return scored.map((s) => s[1]);
  };

  /**
   * Templates within `wideReach` of probe p (each template's metric) that `candidates` did not list,
   * nearest first (a scan of every template: it runs only for the few validation probes left uncovered).
   */
  const wideCandidates = (p: number): number[] => {
    const row = probes.row(p);
    const scored: [number, number][] = [];
    for (let t = 0; t < templates.count; t++) {
      const dist = metricDistance2(tMetrics[t], row, templates.row(t), D);
      if (dist > reach && dist <= wideReach) scored.push([dist, t]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return scored.map((s) => s[1]);
  };

  /**
   * Best true match of each listed probe over its candidates, stopping at the first >= MM; with
   * `wide`, the probes none of them covers get a second look over the templates within wideReach.
   */
  const evaluate = async (ids: number[], wide = false): Promise<void> => {
    const lists = new Map<number, number[]>();
    for (const p of ids) lists.set(p, candidates(p));
    await matchLists(ids, lists);
    if (!wide || !(wideReach > reach)) return;
    const left = ids.filter((p) => best[p] < mm);
    const more = new Map<number, number[]>();
    for (const p of left) more.set(p, wideCandidates(p));
    await matchLists(left, more);
  };

  /** Match each probe against its list, one depth at a time, until covered or the list ends. */
  const matchLists = async (ids: number[], lists: Map<number, number[]>): Promise<void> => {
    let depth = 0;
    let pending = ids.filter((p) => (lists.get(p) as number[]).length > 0);
    while (pending.length > 0) {
      if (o.signal?.aborted) return;
      const pairs: [number, number][] = pending.map((p) => [p, (lists.get(p) as number[])[depth]]);
      const m = await matchPairs(pairs);
      pending.forEach((p, k) => { if (m[k] > best[p]) best[p] = m[k]; });
      depth++;
      pending = pending.filter((p) => best[p] < mm && depth < (lists.get(p) as number[]).length);
      await yieldToLoop();
    }
  };

  /** Greedy pass until the probe set is covered as the module comment says (or a limit is hit). */
  const greedy = async (deepOnly: boolean): Promise<void> => {
    // cells of the uncovered probes, kept between the batches of this pass (the probe set is fixed in it)
    const cells = incremental ? new Map<number, { template: number; members: number[] }>() : undefined;
    for (;;) {
      if (o.signal?.aborted || templates.count >= maxTemplates) return;
      const uncovered: number[] = [];
      let deep = 0;
      for (let p = 0; p < probes.count; p++) {
        if (best[p] < mm) uncovered.push(p);
        if (best[p] < deepBelow) deep++;
      }
      // partial cover: a few shallow slivers may stay (they cost the most templates), deep holes never
      const fewLeft = deepOnly || uncovered.length <= Math.floor(probeMiss * probes.count);
      if (fewLeft && deep === 0) return;
      // greedy set cover: score each uncovered probe by the uncovered probes it would cover (metric
      // estimate with the metric of its nearest template), pick the best scores first (ties: the worst
      // covered, by 1 - best match, or 1 + whitened distance to the nearest template where no
      // candidate was evaluated); picks of one batch have disjoint estimated cells (no two within
      // twice the radius). One nearest-template query per uncovered probe serves both.
      const U = uncovered.length;
      const uY = new Float64Array(U * D);
      const uTree = new KDTree(D);
      for (let k = 0; k < U; k++) uTree.insert(whitening.apply(probes.row(uncovered[k]), uY.subarray(k * D, (k + 1) * D)));
      const localMetric: Float64Array[] = [];
      const localEig = new Float64Array(U);
      const key = new Float64Array(U);
      const score = new Float64Array(U);
      const nb: number[] = [];
      for (let k = 0; k < U; k++) {
        const yk = uY.subarray(k * D, (k + 1) * D);
        const near = templates.count > 0 ? tTree.nearest(yk) : { index: -1, distance2: 0 };
        const b = best[uncovered[k]];
        key[k] = b >= 0 ? 1 - b : 1 + Math.sqrt(near.distance2);
        localMetric.push(near.index >= 0 ? tMetrics[near.index] : fallback);
        localEig[k] = near.index >= 0 ? tMinEig[near.index] : fallbackMinEig;
        // a cell (probes within the metric of the same nearest template) only loses members as probes
        // get covered: its count is the still-uncovered part of the members found when it was formed
        const cell = cells?.get(uncovered[k]);
        if (cell !== undefined && cell.template === near.index) {
          cell.members = cell.members.filter((j) => best[j] < mm);
          score[k] = cell.members.length;
          continue;
        }
        nb.length = 0;
        uTree.radius(yk, Math.sqrt(d2 / localEig[k]) * (1 + 1e-9), nb);
        const row = probes.row(uncovered[k]);
        const members: number[] = [];
        for (const j of nb) if (metricDistance2(localMetric[k], row, probes.row(uncovered[j]), D) <= d2) members.push(uncovered[j]);
        score[k] = members.length;
        cells?.set(uncovered[k], { template: near.index, members });
      }
      const order = Array.from({ length: U }, (_, k) => k);
      order.sort((a, b) => score[b] - score[a] || key[b] - key[a] || uncovered[a] - uncovered[b]);
      const blocked = new Uint8Array(U);
      const picks: number[] = [];
      const rows = new Float64Array(Math.min(batchSize, U) * D);
      const moved: boolean[] = [];
      const centroid = new Float64Array(D);
      for (const k of order) {
        if (picks.length >= Math.min(batchSize, maxTemplates - templates.count)) break;
        if (blocked[k]) continue;
        const p = uncovered[k];
        if (fewLeft && best[p] >= deepBelow) continue;
        nb.length = 0;
        uTree.radius(uY.subarray(k * D, (k + 1) * D), Math.sqrt(4 * d2 / localEig[k]) * (1 + 1e-9), nb);
        const row = probes.row(p);
        // the template goes to the centroid of the uncovered probes of its estimated cell (when inside),
        // recomputed around the new position (Lloyd steps)
        let inCell = 0;
        for (const j of nb) if (metricDistance2(localMetric[k], row, probes.row(uncovered[j]), D) <= 4 * d2) blocked[j] = 1;
        blocked[k] = 1;
        centroid.set(row);
        for (let it = 0; it < (recentre && !pinned[p] ? LLOYD_STEPS : 0); it++) {
          const c0 = Float64Array.from(centroid);
          if (it > 0) {
            nb.length = 0;
            uTree.radius(whitening.apply(c0, y), Math.sqrt(d2 / localEig[k]) * (1 + 1e-9), nb);
          }
          centroid.fill(0);
          inCell = 0;
          for (const j of nb) {
            const r = probes.row(uncovered[j]);
            if (metricDistance2(localMetric[k], c0, r, D) > d2) continue;
            for (let d = 0; d < D; d++) centroid[d] += r[d];
            inCell++;
          }
          if (inCell === 0) { centroid.set(c0); break; }
          for (let d = 0; d < D; d++) centroid[d] /= inCell;
          if (!o.inside(centroid)) { centroid.set(c0); break; }
        }
        let move = false;
        for (let d = 0; d < D; d++) if (centroid[d] !== row[d]) move = true;
        rows.set(move ? centroid : row, picks.length * D);
        moved.push(move);
        picks.push(p);
      }
      const ms = await timed('metricMs', () => o.metric.metric(rows.subarray(0, picks.length * D)));
      stats.metricEvaluations += picks.length;
      const added: number[] = [];
      picks.forEach((p, k) => {
        const m = ms[k] !== null && ms[k] !== undefined && isPositiveDefinite(ms[k], D) ? ms[k] : fallback;
        const row = rows.subarray(k * D, (k + 1) * D);
        for (const t of added) if (metricDistance2(tMetrics[t], row, templates.row(t), D) <= d2) return;
        if (moved[k] && templates.count > 0) {
          // Lloyd steps may lead a second pick of a cluster the true match left uncovered back to
          // an existing template: pin the pick (placed at the probe itself next time) instead
          const t = tTree.nearest(whitening.apply(row, y)).index;
          if (metricDistance2(tMetrics[t], row, templates.row(t), D) <= 1e-6 * d2) {
            pinned[p] = 1;
            return;
          }
        }
        added.push(addTemplate(row, m));
        if (!moved[k]) best[p] = 1;
        // a probe a moved template left uncovered becomes a template itself when picked again
        pinned[p] = 1;
      });
      // the uncovered probes near each new template get its true match
      const pairs: [number, number][] = [];
      const near: number[] = [];
      for (const t of added) {
        const row = templates.row(t);
        const r = Math.sqrt(reach / tMinEig[t]) * (1 + 1e-9);
        near.length = 0;
        pTree.radius(whitening.apply(row, y), r, near);
        near.sort((a, b) => a - b);
        for (const p of near) {
          if (best[p] >= mm) continue;
          if (metricDistance2(tMetrics[t], probes.row(p), row, D) <= reach) pairs.push([p, t]);
        }
      }
      const m = await matchPairs(pairs);
      pairs.forEach(([p], k) => { if (m[k] > best[p]) best[p] = m[k]; });
      let left = 0;
      for (let p = 0; p < probes.count; p++) if (best[p] < mm) left++;
      progress('completion', probes.count - left, probes.count);
      await yieldToLoop();
    }
  };

  /** Probes in the metric neighbourhood (K (1 - MM)) of each uncovered validation probe; see hole-probes.ts. */
  const holeRng = o.rng.fork(93);
  const holeNeighbourhoods = (val: number[]): Float64Array => {
    const holes = val.filter((p) => best[p] < mm);
    if (perHole === 0 || holes.length === 0) return new Float64Array(0);
    const centres = new Float64Array(holes.length * D);
    const metrics = holes.map((p, i) => {
      centres.set(probes.row(p), i * D);
      const t = templates.count > 0 ? tTree.nearest(whitening.apply(probes.row(p), y)).index : -1;
      return t >= 0 ? tMetrics[t] : fallback;
    });
    return ellipsoidProbes(centres, metrics, reach, perHole, D, holeRng);
  };

  let completeness: Completeness = { fraction: 0, error: 1, probes: 0, worst: 0, byKind: {} };
  let rounds = 0;
  let converged = false;
  const probeRng = o.rng.fork(92);
  const corners = o.probes.corners?.() ?? new Float64Array(0);
  let fresh = addProbes(corners);
  // after a validation that met the fraction target and failed only on its worst match, the next
  // round fills the deep holes that validation found (its probes joined the set) and nothing else
  let deepOnly = false;
  while (rounds < maxRounds) {
    if (o.signal?.aborted) break;
    rounds++;
    if (!deepOnly) {
      const drawn = await timed('drawMs', () => o.probes.draw(perRound, probeRng));
      fresh = fresh.concat(addProbes(drawn.rows, drawn.kind));
    }
    await evaluate(fresh);
    await greedy(deepOnly);
    if (o.signal?.aborted) break;
    // validation on fresh probes, per kind
    const vd = await timed('drawMs', () => o.probes.draw(nValidation, probeRng));
    const val = addProbes(vd.rows, vd.kind);
    await evaluate(val, true);
    if (o.signal?.aborted) break;
    let worst = 1;
    const covered = new Map<number, [number, number]>();
    for (const p of val) {
      const b = Math.max(best[p], 0);
      worst = Math.min(worst, b);
      const c = covered.get(probeKind[p]) ?? [0, 0];
      c[0] += b >= mm ? 1 : 0;
      c[1]++;
      covered.set(probeKind[p], c);
    }
    const byKind: Completeness['byKind'] = {};
    for (const [k, [hit, n]] of covered) {
      const name = o.probes.kinds[k] ?? 'corner';
      byKind[name] = { fraction: hit / n, error: binomialError(hit / n, n), probes: n };
    }
    // the target applies to the validated kinds together (each kind alone has a few hundred probes:
    // requiring every one to pass fails on binomial noise); byKind keeps the per-kind fractions
    let hit = 0, judged = 0;
    for (const k of o.probes.validated) {
      const b = byKind[k];
      if (b === undefined) continue;
      hit += Math.round(b.fraction * b.probes);
      judged += b.probes;
    }
    const f = judged > 0 ? hit / judged : 1;
    completeness = { fraction: f, error: judged > 0 ? binomialError(f, judged) : 0, probes: val.length, worst, byKind };
    progress('completion', Math.round(f * val.length), val.length, f, completeness.error);
    if (f >= target && worst >= worstAllowed) {
      converged = true;
      break;
    }
    if (templates.count >= maxTemplates) break;
    fresh = addProbes(holeNeighbourhoods(val));
    // fresh probes are covered less well than the probe set the cover was built on: a round that
    // missed the target allows fewer misses on the probe set; the set grows by half, and to at
    // least PROBES_PER_TEMPLATE per template (a cover from an empty bank gets there in a round or two)
    if (f < target) probeMiss *= PROBE_MISS_SHRINK;
    deepOnly = f >= target;
    perRound = Math.max(1000, Math.ceil(probes.count / 2), PROBES_PER_TEMPLATE * templates.count - probes.count);
  }
  stats.timeMs = performance.now() - t0;
  return {
    templates: templates.data.slice(0, templates.count * D), count: templates.count, added: templates.count - n0, rounds, completeness,
    converged, aborted: o.signal?.aborted === true, stats,
  };
}
