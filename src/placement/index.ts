/** Template placement on the metric: random (livepoints), stochastic, pruning; k-d tree; samplers. */
export type { Sampler, MetricField, BoundaryChecker, PlacementProgress, PlacementCommon, PlacementStats, PlacementResult, MaybePromise, WeightedCoverage } from './types.js';
export { KDTree, type Nearest } from './kdtree.js';
export { metricDistance2, referenceMetric, Whitening, isPositiveDefinite } from './geometry.js';
export { UniformBoxSampler, RejectionSampler, boxChecker } from './samplers.js';
export { binomialError } from './sampling.js';
export { LivepointCover, predictCount, importanceWeights } from './coverage.js';
export { DefensiveMixtureSampler, logAddExp, type MixtureOptions } from './mixture.js';
export { placeRandom, type RandomOptions } from './random.js';
export { placeStochastic, type StochasticOptions } from './stochastic.js';
export { pruneBank, type PruneOptions, type PruneResult } from './prune.js';
export { workspaceMetricField, regionChecker } from './adapters.js';
