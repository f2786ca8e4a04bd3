/**
 * Pruning of over-covering (random) banks: remove templates whose whole cell is covered by others.
 * Each template's cell, its ellipse {x : (x - t)^T M_t (x - t) <= 1 - MM}, is probed by
 * `pointsPerTemplate` points drawn uniformly inside it (points outside the domain need no cover and
 * are dropped). A probe x is covered by template t when (t - x)^T M_x (t - x) <= 1 - MM with the
 * metric at the probe, as livepoints and injections are judged; M_x is taken from the nearest point
 * whose metric is known (the templates, plus the extra probes), nearest in whitened coordinates, so
 * no metric is evaluated at the probes (evaluating the metric of the covering template instead loses
 * several per cent of coverage where the metric changes fast across a cell, e.g. q -> 1).
 * A template is redundant when every probe it covers is also covered by another kept template.
 * Greedy order (documented, deterministic): templates sorted by decreasing mean cover multiplicity
 * of their own cell's probes (the most over-covered first), ties by increasing index; each is removed
 * if still redundant, and the multiplicities are updated. So every probe that was covered stays
 * covered; what is lost is only the cover of unprobed slivers between probes.
 * Optional extra probes with their own metrics (the livepoints of a random placement) take part in
 * the same bookkeeping, so their covered count is exactly preserved.
 * Templates whose metric is not positive definite have no cell: they are kept (and may cover probes).
 * (arXiv:2302.00436, known limitations: random banks over-cover; post-processing is suggested.)
 */
import { invalid } from '../core/errors.js';
import { cholesky } from '../core/linalg.js';
import { KDTree } from './kdtree.js';
import { metricDistance2, referenceMetric, Whitening } from './geometry.js';
import { checkCommon, evaluateMetrics, newStats, yieldToLoop } from './sampling.js';
import type { PlacementCommon, PlacementStats } from './types.js';

/** Options of {@link pruneBank} (the sampler is not used; the common options give MM, metric, domain, rng). */
export interface PruneOptions extends PlacementCommon {
  /** Probe points drawn inside each cell (default 64). */
  pointsPerTemplate?: number;
  /**
   * Extra probe points with their own metrics (e.g. the livepoints of a random placement): a probe p
   * is covered by t when (t - p)^T M_p (t - p) <= 1 - MM, so the count of covered probes is unchanged
   * by the pruning.
   */
  probes?: { points: Float64Array; metrics: Float64Array[] };
}

/** Result of {@link pruneBank}. */
export interface PruneResult {
  /** Kept templates, count x dim. */
  templates: Float64Array;
  count: number;
  /** Indices (into the input) of the kept templates, increasing. */
  kept: Int32Array;
  removed: number;
  aborted: boolean;
  stats: PlacementStats;
}

/**
 * Greedy removal of templates whose cell is covered by the others; see the module comment.
 * Cost: n metric evaluations, n x pointsPerTemplate nearest-neighbour and radius queries; memory about
 * 8 bytes x pointsPerTemplate x (mean cover multiplicity, ~2-4 for random banks) per template.
 */
export async function pruneBank(templates: Float64Array, o: PruneOptions): Promise<PruneResult> {
  const dim = checkCommon(o);
  const m = o.pointsPerTemplate ?? 64;
  if (!(Number.isInteger(m) && m >= 1)) invalid('pointsPerTemplate', m, 'must be a positive integer');
  const n = templates.length / dim;
  if (!Number.isInteger(n)) invalid('templates.length', templates.length, `must be a multiple of dim = ${dim}`);
  const d2 = 1 - o.minimalMatch;
  const stats = newStats();
  const t0 = performance.now();
  const progress = (done: number, total: number, count: number) =>
    o.onProgress?.({ stage: 'pruning', templates: count, coveringFraction: 0, coveringFractionError: 1, predictedCount: null, done, total });

  const metrics = await evaluateMetrics(o, dim, templates, stats, (done) => progress(done, 2 * n, n));
  const all = (aborted: boolean): PruneResult => ({
    templates: templates.slice(), count: n, kept: Int32Array.from({ length: n }, (_, i) => i), removed: 0, aborted, stats,
  });
  if (o.signal?.aborted) return all(true);
  const good = metrics.filter((x): x is Float64Array => x !== null);
  if (good.length === 0) return all(false);

  const whitening = new Whitening(referenceMetric(good, dim), dim);
  const tree = KDTree.build(whitening.applyAll(templates), dim);

  // Points with a known metric: the templates with a valid metric, then the extra probes.
  const extra = o.probes ?? { points: new Float64Array(0), metrics: [] };
  if (extra.points.length !== extra.metrics.length * dim) {
    invalid('probes.points.length', extra.points.length, `must be probes.metrics.length x dim = ${extra.metrics.length * dim}`);
  }
  const validIdx: number[] = [];
  metrics.forEach((mt, i) => {
    if (mt !== null) validIdx.push(i);
  });
  const knownMetric: Float64Array[] = [...validIdx.map((i) => metrics[i] as Float64Array), ...extra.metrics];
  const knownRows = new Float64Array(knownMetric.length * dim);
  validIdx.forEach((src, dst) => knownRows.set(templates.subarray(src * dim, (src + 1) * dim), dst * dim));
  knownRows.set(extra.points, validIdx.length * dim);
  const knownLam = Float64Array.from(knownMetric, (mt) => whitening.minRelativeEigenvalue(mt));
  const known = KDTree.build(whitening.applyAll(knownRows), dim);

  // (template, probe) cover pairs, turned into per-template lists (CSR) after probing.
  const pairT = new IntList();
  const pairP = new IntList();
  const multiplicity = new IntList();
  const ownSum = new Float64Array(n);
  const ownCount = new Int32Array(n);
  const owners = new IntList();
  const x = new Float64Array(dim);
  const y = new Float64Array(dim);
  const z = new Float64Array(dim);
  const cands: number[] = [];
  /** Record which templates cover probe x (metric mt at the probe, λ_min lam); returns how many. */
  const probe = (xp: Float64Array, mt: Float64Array, lam: number): number => {
    const p = multiplicity.length;
    cands.length = 0;
    tree.radius(whitening.apply(xp, y), Math.sqrt(d2 / lam) * (1 + 1e-9), cands);
    let c = 0;
    for (const t of cands) {
      stats.distanceChecks++;
      if (metricDistance2(mt, xp, templates.subarray(t * dim, (t + 1) * dim), dim) <= d2) {
        pairT.push(t);
        pairP.push(p);
        c++;
      }
    }
    multiplicity.push(c);
    return c;
  };
  const r = Math.sqrt(d2);
  for (let j = 0; j < n; j++) {
    const mt = metrics[j];
    if (mt === null) continue;
    const l = cholesky(mt, dim) as Float64Array;
    const tj = templates.subarray(j * dim, (j + 1) * dim);
    for (let s = 0; s < m; s++) {
      uniformInBall(o, z, dim);
      // x = t + r L^-T z, so (x - t)^T M (x - t) = r^2 |z|^2.
      for (let i = dim - 1; i >= 0; i--) {
        let v = r * z[i];
        for (let k = i + 1; k < dim; k++) v -= l[k * dim + i] * (x[k] - tj[k]);
        x[i] = tj[i] + v / l[i * dim + i];
      }
      if (!o.inside(x)) continue;
      const near = known.nearest(whitening.apply(x, y)).index;
      probe(x, knownMetric[near], knownLam[near]);
      owners.push(j);
    }
    if ((j & 255) === 255) {
      progress(n + j + 1, 2 * n, n);
      await yieldToLoop();
      if (o.signal?.aborted) return all(true);
    }
  }
  for (let i = 0; i < extra.metrics.length; i++) {
    const k = validIdx.length + i;
    probe(extra.points.subarray(i * dim, (i + 1) * dim), knownMetric[k], knownLam[k]);
  }
  const start = new Int32Array(n + 1);
  for (let k = 0; k < pairT.length; k++) start[pairT.data[k] + 1]++;
  for (let t = 0; t < n; t++) start[t + 1] += start[t];
  const fill = start.slice(0, n);
  const covers = new Int32Array(pairT.length);
  for (let k = 0; k < pairT.length; k++) covers[fill[pairT.data[k]]++] = pairP.data[k];
  const mult = multiplicity.data;
  for (let p = 0; p < owners.length; p++) {
    ownSum[owners.data[p]] += mult[p];
    ownCount[owners.data[p]]++;
  }

  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => metrics[i] !== null)
    .sort((a, b) => score(b) - score(a) || a - b);
  function score(i: number): number {
    return ownCount[i] > 0 ? ownSum[i] / ownCount[i] : Infinity;
  }
  const removed = new Uint8Array(n);
  let nRemoved = 0;
  for (const j of order) {
    let redundant = true;
    for (let k = start[j]; k < start[j + 1] && redundant; k++) redundant = mult[covers[k]] >= 2;
    if (!redundant) continue;
    for (let k = start[j]; k < start[j + 1]; k++) mult[covers[k]]--;
    removed[j] = 1;
    nRemoved++;
  }
  const kept = new Int32Array(n - nRemoved);
  const out = new Float64Array((n - nRemoved) * dim);
  for (let i = 0, k = 0; i < n; i++) {
    if (removed[i]) continue;
    kept[k] = i;
    out.set(templates.subarray(i * dim, (i + 1) * dim), k * dim);
    k++;
  }
  stats.pruned = nRemoved;
  stats.timeMs.pruning = performance.now() - t0;
  return { templates: out, count: n - nRemoved, kept, removed: nRemoved, aborted: false, stats };
}

/** A growable list of int32 (`data` is valid up to `length`). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(2 * this.data.length);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
}

/** A point uniform in the unit ball of R^dim (Gaussian direction, radius u^(1/dim)), written into z. */
function uniformInBall(o: PlacementCommon, z: Float64Array, dim: number): void {
  let norm = 0;
  for (let i = 0; i < dim; i++) {
    z[i] = o.rng.normal();
    norm += z[i] * z[i];
  }
  const s = Math.pow(o.rng.uniform(), 1 / dim) / Math.sqrt(norm);
  for (let i = 0; i < dim; i++) z[i] *= s;
}
