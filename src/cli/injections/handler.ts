/**
 * The per-worker computation of `mbank-ts injections`: built once per worker from plain data
 * (settings, template columns, optional metric settings and bank coordinates), then called with
 * batches of injections. The same handler runs in the main thread when --workers 0.
 */
import type { BankTemplates } from '../../bank/bank.js';
import type { BBHComponents } from '../../coordinates/components.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../../injections/fitting-factor.js';
import { MetricMatchEstimator } from '../../injections/metric-estimate.js';
import type { SkyLocation } from '../../injections/sky.js';
import type { MetricOptions } from '../../metric/workspace.js';
import type { WaveformParams } from '../../waveforms/types.js';

/** What every worker receives once. */
export interface InjectionWorkerData {
  settings: FittingFactorSettings;
  templates: BankTemplates;
  /** Metric-match estimate settings (with --metric-match). */
  metric?: { options: MetricOptions; coordinates: Float64Array };
}

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
  metricMatch?: number;
  metricTemplate?: number;
}

/** Build the batch handler of one worker. */
export function injectionHandler(data: InjectionWorkerData): (items: InjectionItem[]) => InjectionOutcome[] {
  const ev = new FittingFactorEvaluator(data.settings, data.templates);
  const est = data.metric ? new MetricMatchEstimator(data.metric.options, data.metric.coordinates) : undefined;
  return (items) => items.map((it) => {
    const r = ev.evaluate(it.params, it.sky);
    const out: InjectionOutcome = { index: it.index, ff: r.ff, template: r.template, gridMatch: r.gridMatch, candidates: r.candidates, window: r.window };
    if (est) {
      const m = est.estimate(it.components);
      out.metricMatch = m.metricMatch;
      out.metricTemplate = m.template;
    }
    return out;
  });
}
