/**
 * The summary of a `place` run: one JSON object (written to summary.json) and its one-screen text
 * form printed on stdout: templates, covering fraction, volume and predicted count, flow accuracy,
 * time per stage, files.
 */
import type { PlacementResult, WeightedCoverage } from '../../placement/types.js';
import type { FlowAccuracy, VolumeEstimate } from '../diagnostics.js';

/** Residual statistics without the residuals. */
export type AccuracyStats = Omit<FlowAccuracy, 'residuals'>;

/** Everything the summary reports. */
export interface PlaceSummary {
  runName: string;
  runDir: string;
  /** False when the run was interrupted (the bank holds what was placed until then). */
  complete: boolean;
  interruptedDuring?: string;
  variableFormat: string;
  approximant: string;
  psd: string;
  minimalMatch: number;
  method: string;
  seed: number;
  templates: number;
  coveringFraction: number;
  coveringFractionError: number;
  targetCoveringFraction: number;
  livepoints: number;
  /** Importance-weighted covering fraction (random) and the --uniform-fraction of the livepoints' mixture. */
  weightedCoverage?: WeightedCoverage & { uniformFraction: number };
  /** Placement's running prediction of the final count (random). */
  predictedCount: number | null;
  pruned: number;
  /** The completion stage: templates added, the completeness it verified on fresh probes (true match). */
  completion?: {
    placed: number; added: number; rounds: number; converged: boolean; fraction: number; error: number; probes: number; worst: number;
    target: number; matches: number; totalProbes: number; byKind: Record<string, { fraction: number; error: number; probes: number }>;
  };
  volume?: VolumeEstimate;
  flowAccuracy: { livepoints?: AccuracyStats; validation?: AccuracyStats };
  flow: { file: string; trained: boolean; reused: boolean; stopReason?: string; steps?: number };
  dataset?: { file: string; rows: number; resumedFrom: number };
  /** Wall time per stage [s]. */
  timeSeconds: Record<string, number>;
  placementStats: PlacementResult['stats'];
  files: Record<string, string | string[]>;
}

const fmt = (v: number | undefined, digits = 3): string => (v === undefined || !Number.isFinite(v) ? 'n/a' : v.toPrecision(digits));

/** The one-screen text form of a summary. */
export function summaryText(s: PlaceSummary): string {
  const lines: string[] = [];
  lines.push(`== mbank-ts place: ${s.runName} ${s.complete ? '' : `(INCOMPLETE: interrupted during ${s.interruptedDuring ?? 'the run'})`}`.trimEnd());
  lines.push(`  ${s.variableFormat}, ${s.approximant}, PSD ${s.psd}, MM ${s.minimalMatch}, ${s.method} placement, seed ${s.seed}`);
  lines.push(`  templates           ${s.templates}${s.pruned > 0 ? ` (${s.pruned} pruned)` : ''}`);
  if (s.method === 'random') {
    lines.push(`  covering fraction   ${fmt(s.coveringFraction)} ± ${fmt(s.coveringFractionError, 2)} (target ${s.targetCoveringFraction}, ${s.livepoints} livepoints)`);
    const w = s.weightedCoverage;
    if (w) lines.push(`  metric-volume cov.  ${fmt(w.fraction)} ± ${fmt(w.error, 2)} (weights sqrt|det M|/q, ESS ${Math.round(w.effectiveSampleSize)}, uniform fraction ${w.uniformFraction})`);
  } else if (s.method === 'stochastic') {
    lines.push(`  rejection rate      ${fmt(s.coveringFraction)} ± ${fmt(s.coveringFractionError, 2)} (recent proposals already covered)`);
  }
  const c = s.completion;
  if (c) {
    lines.push(`  completion          +${c.added} templates (${c.placed} placed by the metric), ${c.rounds} round(s), ${c.totalProbes} probes, ${c.matches} true matches${c.converged ? '' : ' (NOT converged)'}`);
    const kinds = Object.entries(c.byKind).map(([k, v]) => `${k} ${fmt(v.fraction, 4)} (${v.probes})`).join(', ');
    lines.push(`  completeness        ${fmt(c.fraction, 4)} ± ${fmt(c.error, 2)} (uniform and flow probes; target ${c.target}), worst ${fmt(c.worst, 4)} of ${c.probes} fresh probes`);
    lines.push(`                      true match >= MM: ${kinds}`);
  }
  if (s.predictedCount !== null) lines.push(`  predicted count     ${Math.round(s.predictedCount)} (extrapolated from the coverage curve)`);
  if (s.volume) {
    const v = s.volume;
    lines.push(`  volume              ${fmt(v.volume, 4)} ± ${fmt(v.volumeError, 2)} (${v.points} flow samples, ${(100 * v.insideFraction).toFixed(1)}% inside the mass cuts)`);
    // below one template the estimate says the manifold is thinner than a template in some directions
    const est = v.predictedTemplates >= 10 ? String(Math.round(v.predictedTemplates)) : v.predictedTemplates.toPrecision(2);
    lines.push(`  mbank template est. ${est} = V / (2 sqrt((1-MM)/D))^D`);
  }
  const acc = (name: string, a: AccuracyStats | undefined) => {
    if (a) lines.push(`  flow accuracy       ${name}: std ${fmt(a.std)} nats (${fmt(a.std / Math.LN10, 2)} dex), mean ${fmt(a.mean)} over ${a.points} points`);
  };
  acc('livepoints', s.flowAccuracy.livepoints);
  acc('validation', s.flowAccuracy.validation);
  const f = s.flow;
  lines.push(`  flow                ${f.file} (${f.trained ? `trained now: ${f.stopReason}, ${f.steps} steps` : f.reused ? 'reused from an earlier run' : 'loaded'})`);
  if (s.dataset) lines.push(`  dataset             ${s.dataset.file} (${s.dataset.rows} rows${s.dataset.resumedFrom > 0 ? `, ${s.dataset.resumedFrom} reused` : ''})`);
  const times = Object.entries(s.timeSeconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  lines.push(`  time [s]            ${times}`);
  lines.push(`  bank                ${s.files.bank ?? '(not written: no templates)'}`);
  if (Array.isArray(s.files.plots) && s.files.plots.length > 0) lines.push(`  plots               ${s.files.plots.length} PNG in ${s.runDir}`);
  return `${lines.join('\n')}\n`;
}
