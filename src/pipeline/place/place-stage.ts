/**
 * Stage 3 of `place`: templates from the flow with src/placement (random with livepoints, or
 * stochastic), the metric on worker threads, progress per sub-stage (livepoint metrics, placing,
 * pruning), then the volume estimate and the flow accuracy from flow samples with their metrics.
 * With --uniform-fraction a > 0 livepoints and proposals come from the defensive mixture
 * (1 - a) flow + a uniform(region), random placement stops on the importance-weighted covering
 * fraction, and the volume is importance-sampled with the mixture's density.
 */
import { Rng } from '../../core/rng.js';
import type { TransformFlow } from '../../flow/transform-flow.js';
import { regionChecker } from '../../placement/adapters.js';
import { DefensiveMixtureSampler } from '../../placement/mixture.js';
import { placeRandom } from '../../placement/random.js';
import { placeStochastic } from '../../placement/stochastic.js';
import type { PlacementProgress, PlacementResult } from '../../placement/types.js';
import { completeBank, type CompletionResult } from '../../placement/complete.js';
import { PoolMatchOracle } from './match-pool.js';
import { regionProbeSource } from './probe-source.js';
import { estimateVolume, flowAccuracy, halfLogDet, type FlowAccuracy, type VolumeEstimate } from '../diagnostics.js';
import { flowConstant, flowLogProb, flowSampler } from '../flow-sampler.js';
import { PoolMetricField } from '../metric-pool.js';
import type { StageReporter } from './progress.js';
import type { PlaceSettings } from './settings.js';

/** Outcome of the placement stage. */
export interface PlaceStage {
  result: PlacementResult;
  volume: VolumeEstimate;
  /** Residuals at the flow samples used for the volume (the livepoints of a random placement). */
  accuracy: FlowAccuracy;
  timeSeconds: Record<string, number>;
  /** The completion stage (when --completion): templates added and the completeness it verified. */
  completion?: CompletionResult;
  /** Templates of the metric placement before completion. */
  placedBeforeCompletion: number;
}

/** Rng streams of the run (one per use, so adding a use never changes another). */
const PLACEMENT_STREAM = 11;
const VOLUME_STREAM = 12;
const COMPLETION_STREAM = 13;

/** Points for the volume when the placement has no livepoints (stochastic). */
const STOCHASTIC_VOLUME_POINTS = 500;

/** The start of a cover: no template, no livepoint. */
function emptyPlacement(D: number): PlacementResult {
  return {
    method: 'cover', dim: D, templates: new Float64Array(0), count: 0, coveringFraction: 0, coveringFractionError: 1, livepoints: 0,
    predictedCount: null, aborted: false,
    stats: { sampled: 0, outsideDomain: 0, metricEvaluations: 0, nonPositiveDefinite: 0, distanceChecks: 0, proposals: 0, pruned: 0, timeMs: {} },
  };
}

/** Place templates from `flow`; see the module comment. */
export async function runPlaceStage(s: PlaceSettings, flow: TransformFlow, progress: StageReporter, signal: AbortSignal): Promise<PlaceStage> {
  const D = s.format.D;
  const record = s.method === 'random' ? s.livepoints : 0;
  const field = new PoolMetricField({ metric: s.metric, metricType: s.metricType, ranges: s.ranges }, D, s.workers, record);
  const inside = regionChecker(s.region);
  const flowOnly = flowSampler(flow);
  const a = s.uniformFraction;
  const sampler = a > 0
    ? new DefensiveMixtureSampler(flowOnly, { lo: s.region.box.lo, hi: s.region.box.hi, uniformFraction: a, inside })
    : flowOnly;
  const timeSeconds: Record<string, number> = {};
  let stage = '';
  const onProgress = (p: PlacementProgress) => {
    const name = p.stage === 'metric' || p.stage === 'livepoints' ? 'livepoints' : p.stage;
    if (name !== stage) {
      stage = name;
      const total = name === 'livepoints' ? s.livepoints : name === 'placing' ? (p.predictedCount ?? 1) : (p.total ?? 1);
      progress.start(name, total, name === 'livepoints' ? 'metrics' : name === 'placing' ? 'templates' : name === 'completion' ? 'probes covered' : 'done');
    }
    if (name === 'livepoints') progress.update(p.done ?? 0, p.total ?? s.livepoints);
    else if (name === 'completion') progress.update(p.done ?? 0, p.total ?? 1, `${p.templates} templates`);
    else if (name === 'placing') {
      const info = s.method === 'random'
        ? `covered ${p.coveringFraction.toFixed(3)} ± ${p.coveringFractionError.toFixed(3)} (target ${s.coveringFraction})`
        : `${p.done ?? 0}/${p.total ?? s.emptyIterations} rejected in a row`;
      progress.update(p.templates, Math.max(p.templates, Math.round(p.predictedCount ?? p.templates)), info);
    } else if (p.done !== undefined) progress.update(p.done, p.total ?? p.done, `${p.templates} templates`);
  };
  let result: PlacementResult;
  try {
    const common = {
      minimalMatch: s.minimalMatch, sampler, metric: field, inside, rng: new Rng(s.seed, PLACEMENT_STREAM), signal, onProgress,
      maxTemplates: s.maxTemplates,
    };
    result = s.method === 'cover'
      ? emptyPlacement(D)
      : s.method === 'random'
      ? await placeRandom({
        ...common, livepoints: s.livepoints, coveringFraction: s.coveringFraction, prune: s.prune, coverage: a > 0 ? 'weighted' : 'count',
      })
      : await placeStochastic({ ...common, emptyIterations: s.emptyIterations });
    progress.stop();
    for (const [k, v] of Object.entries(result.stats.timeMs)) timeSeconds[k === 'livepoints' ? 'livepointMetrics' : k] = v / 1000;
    const placedBeforeCompletion = result.count;
    let completion: CompletionResult | undefined;
    if ((s.completion || s.method === 'cover') && !result.aborted && (s.maxTemplates === undefined || result.count < s.maxTemplates)) {
      const oracle = new PoolMatchOracle({ metric: s.metric, threshold: s.minimalMatch, skySeed: s.seed }, D, s.workers);
      try {
        completion = await completeBank({
          minimalMatch: s.minimalMatch, templates: result.templates, metric: field, matches: oracle,
          probes: regionProbeSource(s.region, inside, flowOnly), inside, rng: new Rng(s.seed, COMPLETION_STREAM),
          completeness: s.completeness, probesPerRound: s.completionProbes, validationProbes: s.validationProbes,
          maxRounds: s.completionRounds, worstAllowed: s.completionWorst, neighbourhood: s.completionReach,
          validationNeighbourhood: s.validationNeighbourhood, holeProbes: s.holeProbes,
          maxTemplates: s.maxTemplates, signal, onProgress,
        });
      } finally {
        progress.stop();
        await oracle.close();
      }
      timeSeconds.completion = completion.stats.timeMs / 1000;
      result = { ...result, templates: completion.templates, count: completion.count, aborted: completion.aborted };
    }

    // volume and flow accuracy on flow samples inside the region with their metrics
    const t0 = Date.now();
    let theta: Float64Array;
    let metrics: Float64Array[];
    let insideFraction: number;
    let draws: number;
    if (s.method === 'random') {
      theta = new Float64Array(field.record.theta.length * D);
      field.record.theta.forEach((row, i) => theta.set(row, i * D));
      metrics = field.record.metrics;
      draws = result.stats.sampled;
      insideFraction = draws > 0 ? 1 - result.stats.outsideDomain / draws : 1;
    } else {
      const rng = new Rng(s.seed, VOLUME_STREAM);
      const n = STOCHASTIC_VOLUME_POINTS;
      theta = new Float64Array(n * D);
      let kept = 0;
      draws = 0;
      while (kept < n) {
        const rows = await sampler.sample(n, rng);
        for (let i = 0; i < n && kept < n; i++) {
          draws++;
          const row = rows.subarray(i * D, (i + 1) * D);
          if (inside(row)) theta.set(row, D * kept++);
        }
      }
      insideFraction = kept / draws;
      metrics = await field.metric(theta);
    }
    const logQ = flowLogProb(flow, theta);
    const half = halfLogDet(metrics, D);
    // volume: importance sampling with the density the points were drawn from (the flow when a = 0)
    const logQDrawn = sampler instanceof DefensiveMixtureSampler ? await sampler.logDensity(theta) : logQ;
    const volume = estimateVolume(half, logQDrawn, insideFraction, draws, s.minimalMatch, D);
    const accuracy = flowAccuracy(logQ, flowConstant(flow), half);
    timeSeconds.volume = (Date.now() - t0) / 1000;
    return { result, volume, accuracy, timeSeconds, completion, placedBeforeCompletion };
  } finally {
    progress.stop();
    await field.close();
  }
}
