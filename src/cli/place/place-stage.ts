/**
 * Stage 3 of `place`: templates from the flow with src/placement (random with livepoints, or
 * stochastic), the metric on worker threads, progress per sub-stage (livepoint metrics, placing,
 * pruning), then the volume estimate and the flow accuracy from flow samples with their metrics.
 * With --uniform-fraction a > 0 livepoints and proposals come from the defensive mixture
 * (1 - a) flow + a uniform(region), random placement stops on the importance-weighted covering
 * fraction, and the volume is importance-sampled with the mixture's density.
 */
import { Rng } from '../../core/rng.js';
import type { FamilyFlow } from '../../flow/families.js';
import { regionChecker } from '../../placement/adapters.js';
import { DefensiveMixtureSampler } from '../../placement/mixture.js';
import { placeRandom } from '../../placement/random.js';
import { placeStochastic } from '../../placement/stochastic.js';
import type { PlacementProgress, PlacementResult } from '../../placement/types.js';
import { estimateVolume, flowAccuracy, halfLogDet, type FlowAccuracy, type VolumeEstimate } from './diagnostics.js';
import { flowConstant, flowLogProb, flowSampler } from './flow-sampler.js';
import { PoolMetricField } from './metric-pool.js';
import type { StageProgress } from './progress.js';
import type { PlaceSettings } from './settings.js';

/** Outcome of the placement stage. */
export interface PlaceStage {
  result: PlacementResult;
  volume: VolumeEstimate;
  /** Residuals at the flow samples used for the volume (the livepoints of a random placement). */
  accuracy: FlowAccuracy;
  timeSeconds: Record<string, number>;
}

/** Rng streams of the run (one per use, so adding a use never changes another). */
const PLACEMENT_STREAM = 11;
const VOLUME_STREAM = 12;

/** Points for the volume when the placement has no livepoints (stochastic). */
const STOCHASTIC_VOLUME_POINTS = 500;

/** Place templates from `flow`; see the module comment. */
export async function runPlaceStage(s: PlaceSettings, flow: FamilyFlow, progress: StageProgress, signal: AbortSignal): Promise<PlaceStage> {
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
      progress.start(name, total, name === 'livepoints' ? 'metrics' : name === 'placing' ? 'templates' : 'done');
    }
    if (name === 'livepoints') progress.update(p.done ?? 0, p.total ?? s.livepoints);
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
    result = s.method === 'random'
      ? await placeRandom({
        ...common, livepoints: s.livepoints, coveringFraction: s.coveringFraction, prune: s.prune, coverage: a > 0 ? 'weighted' : 'count',
      })
      : await placeStochastic({ ...common, emptyIterations: s.emptyIterations });
    progress.stop();
    for (const [k, v] of Object.entries(result.stats.timeMs)) timeSeconds[k === 'livepoints' ? 'livepointMetrics' : k] = v / 1000;

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
    return { result, volume, accuracy, timeSeconds };
  } finally {
    progress.stop();
    await field.close();
  }
}
