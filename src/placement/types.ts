/**
 * The small interfaces through which the placement sees the world: a Sampler (the CLI wraps a trained
 * flow in one), a MetricField (the CLI wraps the metric code in one), a boundary checker, and the
 * options, progress events and result shared by the placement methods.
 */
import type { Rng } from '../core/rng.js';

/** A value or a promise of it (a worker pool may answer asynchronously). */
export type MaybePromise<T> = T | Promise<T>;

/** Draws points in the bank coordinates, ideally with density ∝ sqrt|det M| (what a trained flow approximates). */
export interface Sampler {
  /** Dimension D of the points. */
  readonly dim: number;
  /** n points as an n x D row-major Float64Array, already inside the coordinate box. */
  sample(n: number, rng: Rng): MaybePromise<Float64Array>;
  /**
   * Optional: log of the normalised density (nats, coordinate measure) of what `sample` returns,
   * before any boundary check, at each row of an n x D array; -Infinity where it never draws.
   * Random placement uses it for importance weights sqrt|det M| / q of its livepoints.
   */
  logDensity?(rows: Float64Array): MaybePromise<Float64Array>;
}

/** The metric tensor field: 1 - match(θ, θ + dθ) ≈ dθ^T M(θ) dθ (arXiv:2302.00436 eq. 7). */
export interface MetricField {
  /** Dimension D. */
  readonly dim: number;
  /** Metrics at every row of `theta` (n x D row-major): n matrices D x D row-major, symmetric; positive definite where valid. */
  metric(theta: Float64Array): MaybePromise<Float64Array[]>;
}

/** true when a row θ (length D) is inside the coordinate box and the physical domain (strict, as mbank). */
export type BoundaryChecker = (theta: Float64Array) => boolean;

/** One progress report; `stage` says which phase of the placement is running. */
export interface PlacementProgress {
  stage: 'livepoints' | 'metric' | 'placing' | 'pruning' | 'completion';
  /** Templates placed so far. */
  templates: number;
  /** Estimated covering fraction so far (0 before placing). */
  coveringFraction: number;
  /** One-sigma binomial error of `coveringFraction`. */
  coveringFractionError: number;
  /** Predicted final template count, or null while no prediction is possible. */
  predictedCount: number | null;
  /** Work done / total in the current stage (metric evaluations, pruning templates), when known. */
  done?: number;
  total?: number;
}

/** Options shared by every placement method. */
export interface PlacementCommon {
  /** Minimal match MM in (0, 1): neighbouring cells are dθ^T M dθ <= 1 - MM. */
  minimalMatch: number;
  sampler: Sampler;
  metric: MetricField;
  /** Rows where this is false are never used as livepoints nor returned as templates. */
  inside: BoundaryChecker;
  /** Seeded generator: the same seed gives the same bank. */
  rng: Rng;
  /** Stop early, keeping what is placed (result.aborted = true). */
  signal?: AbortSignal;
  /** Called after each batch and stage (synchronously). */
  onProgress?: (p: PlacementProgress) => void;
  /** Rows per metric call (the caller may parallelise inside a call); default 256. */
  metricBatch?: number;
}

/** Counters kept by the placement (never used for decisions outside the algorithm). */
export interface PlacementStats {
  /** Points drawn from the sampler. */
  sampled: number;
  /** Sampled points rejected by the boundary checker. */
  outsideDomain: number;
  /** Rows passed to the metric field. */
  metricEvaluations: number;
  /** Metrics that were not positive definite (their points were dropped). */
  nonPositiveDefinite: number;
  /** Exact metric-distance checks done after the spatial-index preselection. */
  distanceChecks: number;
  /** Proposals considered (stochastic) or templates drawn (random). */
  proposals: number;
  /** Templates removed by pruning (0 when pruning is off). */
  pruned: number;
  /** Wall time in milliseconds, per stage. */
  timeMs: Record<string, number>;
}

/**
 * Self-normalised importance-weighted covering fraction of the livepoints (random placement):
 * f = sum_covered w_i / sum_i w_i with w_i = sqrt|det M(x_i)| / q(x_i), q the sampler's density, so f
 * estimates the covered fraction of the metric volume whatever q is (where q > 0).
 */
export interface WeightedCoverage {
  fraction: number;
  /** One-sigma delta-method error sqrt(sum_i w_i^2 (I_i - f)^2) / sum_i w_i (I_i = 1 when covered). */
  error: number;
  /** Kish's effective sample size (sum w)^2 / sum w^2 of the livepoint weights. */
  effectiveSampleSize: number;
}

/** What a placement returns. */
export interface PlacementResult {
  method: 'random' | 'stochastic' | 'cover';
  dim: number;
  /** Templates, count x dim row-major; all inside the checker's domain. */
  templates: Float64Array;
  count: number;
  /** Estimated covered fraction of the space (by the sampler's measure for the count, by the metric volume when weighted). */
  coveringFraction: number;
  /**
   * One-sigma error of `coveringFraction`: binomial sqrt(f (1 - f) / (N - 1)) for the count,
   * `weighted.error` for the weighted estimate.
   */
  coveringFractionError: number;
  /** Points the estimate rests on (livepoints for random, recent proposals for stochastic). */
  livepoints: number;
  /**
   * Which estimate `coveringFraction` is and placement stopped on (random): the plain livepoint
   * count, or the importance-weighted fraction of `weighted`.
   */
  coverageEstimate?: 'count' | 'weighted';
  /** Importance-weighted covering fraction (random, when the sampler reports its log density). */
  weighted?: WeightedCoverage;
  /** Predicted template count for the requested covering fraction (random), or null. */
  predictedCount: number | null;
  /** True when stopped by the AbortSignal. */
  aborted: boolean;
  stats: PlacementStats;
}
