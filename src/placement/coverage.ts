/**
 * Livepoint coverage bookkeeping for random placement (Messenger et al. 2009, arXiv:0809.5223;
 * Coogan et al. 2022, arXiv:2202.09380; mbank place_random_flow). A livepoint l with metric M_l is
 * covered by a template t when (t - l)^T M_l (t - l) <= 1 - MM (metric at the livepoint, as mbank).
 * Each new template is checked only against the still-uncovered livepoints that a k-d tree
 * preselects: the tree holds the livepoints in whitened coordinates with the bounding box of each
 * livepoint's ellipse, so a stabbing query returns a superset of the covered ones; the exact metric
 * distance decides.
 */
import { KDTree } from './kdtree.js';
import { metricDistance2, Whitening } from './geometry.js';
import { binomialError } from './sampling.js';

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

  /**
   * @param points livepoints, n x dim row-major
   * @param metrics their metrics (each dim x dim, positive definite)
   * @param whitening coordinates in which ellipses are roughly round
   * @param d2 squared metric radius 1 - MM
   */
  constructor(
    private readonly points: Float64Array,
    private readonly metrics: Float64Array[],
    private readonly whitening: Whitening,
    private readonly d2: number,
  ) {
    const d = whitening.dim;
    this.dim = d;
    this.total = metrics.length;
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
