/** The algorithms that join stages: the `place` job, training a flow from the metric, flow checks. */
export { placePipeline, type PlacePipelineOptions, type PlacePlotInput } from './place/run.js';
export type { PlaceSettings, TrainSettings } from './place/settings.js';
export { summaryText, type PlaceSummary, type AccuracyStats } from './place/summary.js';
export { runDirectory, runPaths, type RunPaths } from './place/paths.js';
export { silentStages, type StageReporter } from './place/progress.js';
export { PoolMatchOracle } from './place/match-pool.js';
export { regionProbeSource } from './place/probe-source.js';
export {
  trainFromMetric, flowForRegion, heldOutError, FROM_METRIC_OBJECTIVES,
  type FromMetricObjective, type FromMetricOptions, type FromMetricResult, type RoundRecord, type RegionFlowOptions,
} from './train-from-metric/active-learning.js';
export { PoolMetricField, type MetricRecord } from './metric-pool.js';
export type { MetricFieldSpec } from './metric-block.js';
export { flowSampler, flowLogProb } from './flow-sampler.js';
export { flowAccuracy, estimateVolume, halfLogDet, type FlowAccuracy, type VolumeEstimate } from './diagnostics.js';
