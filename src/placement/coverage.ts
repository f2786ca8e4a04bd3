/**
 * Livepoint coverage bookkeeping for random placement (Messenger et al. 2009, arXiv:0809.5223;
 * Coogan et al. 2022, arXiv:2202.09380; mbank place_random_flow). A livepoint l with metric M_l is
 * covered by a template t when (t - l)^T M_l (t - l) <= 1 - MM (metric at the livepoint, as mbank).
 * Each new template is checked only against the still-uncovered livepoints that a k-d tree
 * preselects: the tree holds the livepoints in whitened coordinates with the bounding box of each
 * livepoint's ellipse, so a stabbing query returns a superset of the covered ones; the exact metric
 * distance decides.
 * Optional importance weights w_i turn the covered count into the self-normalised covered fraction
 * of the target measure, sum_covered w / sum w, with its delta-method error and Kish's effective
 * sample size (Owen, "Monte Carlo theory, methods and examples", 2013, ch. 9).
 */
import { invalid } from '../core/errors.js';
import { slogdet } from '../core/linalg.js';
import { KDTree } from './kdtree.js';
import { metricDistance2, Whitening } from './geometry.js';
import { binomialError } from './sampling.js';
import type { WeightedCoverage } from './types.js';

/** Livepoints, their metrics and which of them are still uncovered. */
export class LivepointCover {
  readonly dim: number;
  readonly total: number;
  private coveredCount = 0;
  private readonly tree: KDTree;
  private readonly y: Float64Array;
  private readonly cands: number[] = [];
  /** Exact metric-distance checks done so far. */
  distanceChecks = 0;
  private readonly w: Float64Array | undefined;
  private readonly totalW: number = 0;
  private readonly totalW2: number = 0;
  private coveredW = 0;
  private coveredW2 = 0;

  /**
   * @param points livepoints, n x dim row-major
   * @param metrics their metrics (each dim x dim, positive definite)
   * @param whitening coordinates in which ellipses are roughly round
   * @param d2 squared metric radius 1 - MM
   * @param weights optional importance weight of each livepoint (finite, >= 0, not all 0); default 1 each
   */
  constructor(
    private readonly points: Float64Array,
    private readonly metrics: Float64Array[],
    private readonly whitening: Whitening,
    private readonly d2: number,
    weights?: Float64Array,
  ) {
    const d = whitening.dim;
    this.dim = d;
    this.total = metrics.length;
    if (weights !== undefined) {
      if (weights.length !== this.total) invalid('weights.length', weights.length, `must equal the number of livepoints ${this.total}`);
      for (const v of weights) {
        if (!(v >= 0 && Number.isFinite(v))) invalid('weights', v, 'must be finite and >= 0');
        this.totalW += v;
        this.totalW2 += v * v;
      }
      if (!(this.totalW > 0)) invalid('weights', 'all zero', 'need at least one positive weight');
      this.w = weights;
    }
    const half = new Float64Array(points.length);
    for (let i = 0; i < this.total; i++) whitening.ellipseHalfWidths(metrics[i], d2, half.subarray(i * d, (i + 1) * d));
    this.tree = KDTree.build(whitening.applyAll(points), d, half);
    this.y = new Float64Array(d);
  }

  /** Number of covered livepoints. */
  get covered(): number {
    return this.coveredCount;
  }

  /** Number of still-uncovered livepoints. */
  get uncovered(): number {
    return this.total - this.coveredCount;
  }

  /** Covered fraction. */
  get fraction(): number {
    return this.total > 0 ? this.coveredCount / this.total : 0;
  }

  /** One-sigma binomial error of `fraction`. */
  get fractionError(): number {
    return binomialError(this.fraction, this.total);
  }

  /** Weighted covered fraction sum_covered w / sum w (the count fraction without weights). */
  get weightedFraction(): number {
    return this.w === undefined ? this.fraction : this.coveredW / this.totalW;
  }

  /** Weight of the still-uncovered livepoints over the total weight (1 - weightedFraction, without round-off). */
  get uncoveredWeightFraction(): number {
    return this.w === undefined ? this.uncovered / this.total : (this.totalW - this.coveredW) / this.totalW;
  }

  /**
   * Weighted fraction f with its one-sigma error sqrt((1 - f)^2 S2c + f^2 (S2 - S2c)) / S1 (S1 = sum w,
   * S2 = sum w^2, S2c over the covered) and effective sample size S1^2 / S2; unit weights give the
   * binomial error sqrt(f (1 - f) / N).
   */
  weighted(): WeightedCoverage {
    const s1 = this.w === undefined ? this.total : this.totalW;
    const s2 = this.w === undefined ? this.total : this.totalW2;
    const s2c = this.w === undefined ? this.coveredCount : this.coveredW2;
    const f = this.weightedFraction;
    const v = (1 - f) ** 2 * s2c + f * f * Math.max(0, s2 - s2c);
    return { fraction: f, error: s1 > 0 ? Math.sqrt(v) / s1 : 1, effectiveSampleSize: s2 > 0 ? (s1 * s1) / s2 : 0 };
  }

  /** Mark every uncovered livepoint within metric distance of `template` as covered; returns how many. */
  cover(template: ArrayLike<number>): number {
    const d = this.dim;
    this.whitening.apply(template, this.y);
    this.cands.length = 0;
    this.tree.stab(this.y, this.cands);
    let n = 0;
    for (const c of this.cands) {
      this.distanceChecks++;
      if (metricDistance2(this.metrics[c], template, this.points.subarray(c * d, (c + 1) * d), d) <= this.d2) {
        this.tree.remove(c);
        n++;
        if (this.w !== undefined) {
          this.coveredW += this.w[c];
          this.coveredW2 += this.w[c] * this.w[c];
        }
      }
    }
    this.coveredCount += n;
    return n;
  }
}

/**
 * Predicted number of templates for covering fraction `eta`, from the decay of the uncovered count.
 * For random placement the uncovered fraction falls as u(N) ≈ exp(-N V_cell / V) where the sampler
 * matches the volume element (a mixture of exponentials otherwise, whose late rate is the slowest),
 * so the local rate over the last half of the history, r = ln(u(N/2) / u(N)) / (N - N/2), gives
 * N_pred = N + ln(u(N) / (1 - eta)) / r. `uncovered[k]` is the uncovered count after k templates
 * (uncovered[0] = total). Returns null while the rate is not measurable.
 */
export function predictCount(uncovered: ArrayLike<number>, total: number, eta: number): number | null {
  const n = uncovered.length - 1;
  if (n < 2 || total <= 0) return null;
  const un = uncovered[n];
  if (un <= total * (1 - eta)) return n;
  const h = n >> 1;
  const uh = uncovered[h];
  if (un <= 0 || uh <= un) return null;
  const rate = Math.log(uh / un) / (n - h);
  return Math.ceil(n + Math.log(un / (total * (1 - eta))) / rate);
}

/**
 * Importance weights w_i ∝ sqrt|det M_i| / q(x_i) of livepoints x_i drawn from density q
 * (`logQ` = log q, nats), scaled so the largest is 1 (self-normalised estimates do not see the
 * scale). Points whose log weight is not finite get weight 0. Returns null when no weight is positive.
 */
export function importanceWeights(metrics: readonly Float64Array[], logQ: ArrayLike<number>, dim: number): Float64Array | null {
  if (logQ.length !== metrics.length) invalid('logQ.length', logQ.length, `must equal the number of metrics ${metrics.length}`);
  const lw = new Float64Array(metrics.length);
  let max = -Infinity;
  for (let i = 0; i < lw.length; i++) {
    const { sign, logAbsDet } = slogdet(metrics[i], dim);
    lw[i] = sign > 0 ? 0.5 * logAbsDet - logQ[i] : NaN;
    if (Number.isFinite(lw[i]) && lw[i] > max) max = lw[i];
  }
  if (max === -Infinity) return null;
  return lw.map((v) => (Number.isFinite(v) ? Math.exp(v - max) : 0));
}
