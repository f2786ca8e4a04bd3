/**
 * The per-worker computation of `mbank-ts injections`: built once per worker from plain data
 * (settings, template columns, optional metric settings and bank coordinates), then called with
 * batches of injections. The same handler runs in the main thread when --workers 0.
 */
import type { BankTemplates } from '../../bank/bank.js';
import type { BBHComponents } from '../../coordinates/components.js';
import { FittingFactorEvaluator, type FittingFactorResult, type FittingFactorSettings } from '../../injections/fitting-factor.js';
import { MetricMatchEstimator } from '../../injections/metric-estimate.js';
import { NearestSelector, type NearestData, type NearestSettings } from '../../injections/nearest-candidates.js';
import type { SkyLocation } from '../../injections/sky.js';
import type { MetricOptions } from '../../metric/workspace.js';
import type { WaveformParams } from '../../waveforms/types.js';

/** What every worker receives once. */
export interface InjectionWorkerData {
  settings: FittingFactorSettings;
  templates: BankTemplates;
  /** Metric settings and bank coordinates (with --metric-match or --preselect metric). */
  metric?: { options: MetricOptions; coordinates: Float64Array; type?: 'hessian' | 'symphony' };
  /** Record the metric-match estimate (--metric-match). */
  recordMetric?: boolean;
  /**
   * Candidates: the nearest in chirp-phase coordinates (needs `nearest`), a chirp-mass window, or the
   * settings.minCandidates nearest in metric distance (needs `metric`).
   */
  preselect?: Preselect;
  /** The bank's chirp-phase index (shared arrays) and the ball settings, for preselect 'nearest'. */
  nearest?: { data: NearestData; settings: NearestSettings };
}

/** The candidate selections of `injections`. */
export type Preselect = 'nearest' | 'mchirp' | 'metric';

/** One injection of a task. */
export interface InjectionItem {
  index: number;
  params: WaveformParams;
  sky: SkyLocation;
  components: BBHComponents;
}

/** The numbers computed for one injection. */
export interface InjectionOutcome {
  index: number;
  ff: number;
  template: number;
  gridMatch: number;
  candidates: number;
  window: number;
  /** Position of the best template among the candidates. */
  rank?: number;
  metricMatch?: number;
  metricTemplate?: number;
}

/** Share of the candidate list beyond which a best template sends the preselection wider. */
export const WIDEN_AT = 0.8;

/**
 * Fitting factor among the metric-nearest candidates, widened while the best template sits in the
 * last 20% of the list: the list doubles (the new, farther templates only are evaluated) until the
 * best is well inside it or the bank is exhausted, as the chirp-mass window widens until enough
 * templates qualify. So the candidate count adapts to how well the metric at the injection ranks
 * the bank, instead of trusting --min-candidates.
 */
function widenedAmong(ev: FittingFactorEvaluator, est: MetricMatchEstimator, it: InjectionItem, first: Int32Array): FittingFactorResult {
  let list = first;
  let r = ev.evaluateAmong(it.params, it.sky, list);
  while (r.rank + 1 > WIDEN_AT * list.length && list.length < est.size) {
    const wider = est.nearestAgain(2 * list.length);
    const extra = ev.evaluateAmong(it.params, it.sky, wider.subarray(list.length));
    r = extra.ff > r.ff ? { ...extra, rank: extra.rank + list.length } : r;
    r = { ...r, candidates: wider.length };
    list = wider;
  }
  return r;
}

/** Build the batch handler of one worker. */
export function injectionHandler(data: InjectionWorkerData): (items: InjectionItem[]) => InjectionOutcome[] {
  const ev = new FittingFactorEvaluator(data.settings, data.templates);
  const est = data.metric ? new MetricMatchEstimator(data.metric.options, data.metric.coordinates, data.metric.type) : undefined;
  const byMetric = data.preselect === 'metric' && est !== undefined;
  const near = data.preselect === 'nearest' && data.nearest ? new NearestSelector(data.nearest.data, data.nearest.settings) : undefined;
  return (items) => items.map((it) => {
    const m = est?.estimate(it.components, byMetric ? data.settings.minCandidates : 0);
    // a non-positive-definite metric at the injection falls back to the chirp-mass window
    const r = near ? near.search(ev, it.components, ev.signal(it.params, it.sky)).result
      : m?.nearest ? widenedAmong(ev, est!, it, m.nearest) : ev.evaluate(it.params, it.sky);
    const out: InjectionOutcome = { index: it.index, ff: r.ff, template: r.template, gridMatch: r.gridMatch, candidates: r.candidates, window: r.window, rank: r.rank };
    if (m && data.recordMetric) {
      out.metricMatch = m.metricMatch;
      out.metricTemplate = m.template;
    }
    return out;
  });
}
