/**
 * The validated settings of one `place` run: what the dataset, training and placement stages read.
 * The command line builds them from its arguments (src/cli/place/settings.ts); a library caller
 * builds them directly.
 */
import type { VariableFormat } from '../../coordinates/format.js';
import type { RangeOptions, Region } from '../../coordinates/box.js';
import type { MetricType } from '../../metric/metric.js';
import type { MetricOptions } from '../../metric/workspace.js';

/** Flow architecture and training settings. */
export interface TrainSettings {
  nLayers: number;
  hiddenFeatures: number[];
  nEpochs: number;
  learningRate: number;
  batchSize: number;
  trainFraction: number;
  validationStep: number;
  patience: number;
  minDelta: number;
  loss: 'll_mse' | 'forward_KL' | 'weighted_ll_mse';
}

/** Everything a `place` run needs, validated. */
export interface PlaceSettings {
  runName: string;
  format: VariableFormat;
  metric: MetricOptions;
  metricType: MetricType;
  ranges: RangeOptions;
  region: Region;
  minimalMatch: number;
  method: 'random' | 'stochastic' | 'cover';
  livepoints: number;
  coveringFraction: number;
  emptyIterations: number;
  prune: boolean;
  maxTemplates: number | undefined;
  /** Complete the bank with true matches after placement (src/placement/complete.ts). */
  completion: boolean;
  /** Target completeness (fraction of fresh probes covered) and probe counts of the completion. */
  completeness: number;
  completionProbes: number | undefined;
  validationProbes: number;
  /** Completion rounds at most, and the worst fresh-probe match it needs (undefined: MM - 0.02). */
  completionRounds: number;
  /** K of the completion's candidate reach K (1 - MM) in metric distance. */
  completionReach: number;
  completionWorst: number | undefined;
  /** Second look of uncovered validation probes, in units of 1 - MM (undefined: none), and probes per hole (0: none). */
  validationNeighbourhood: number | undefined;
  holeProbes: number;
  /** Share a of livepoints and proposals drawn uniformly in the region (defensive mixture); 0: flow only. */
  uniformFraction: number;
  seed: number;
  workers: number;
  nDatapoints: number;
  chunkSize: number;
  train: TrainSettings;
  plot: boolean;
  backend: string | undefined;
}
