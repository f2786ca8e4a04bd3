/**
 * Orchestration of `mbank-ts injections`: the pending injections (all, or those a previous stat
 * file lacks) are sorted by chirp mass and cut into small batches (so each worker's template cache
 * sees neighbouring templates), run on a worker pool (or in this thread with 0 workers), and the
 * stat file is rewritten atomically every `flushSeconds` and at the end. An AbortSignal stops
 * dispatching new batches; finished ones are kept, so a rerun continues where this one stopped.
 */
import { shardLabel, shardRange, type Shard } from '../../core/shard.js';
import { WorkerPool } from '../../core/worker-pool.js';
import type { Bank } from '../../bank/bank.js';
import { chirpMass } from '../../coordinates/components.js';
import type { FittingFactorSettings } from '../../injections/fitting-factor.js';
import type { InjectionSet } from '../../injections/injection-set.js';
import { openStats, pendingIndices, saveStats, type InjectionStats } from '../../injections/stats.js';
import type { MetricOptions } from '../../metric/workspace.js';
import type { NearestData, NearestSettings } from '../../injections/nearest-candidates.js';
import { injectionHandler, type InjectionItem, type InjectionOutcome, type InjectionWorkerData, type Preselect } from './handler.js';

/** Inputs of a run. */
export interface FittingFactorRunOptions {
  bank: Bank;
  injections: InjectionSet;
  settings: FittingFactorSettings;
  /** Metric settings and bank coordinates in `options.variableFormat` (metric estimate / preselection). */
  metric?: { options: MetricOptions; coordinates: Float64Array; type?: 'hessian' | 'symphony' };
  /** Record the metric-match estimate (default: whenever `metric` is given). */
  recordMetric?: boolean;
  /** Candidate preselection (default 'mchirp'; 'metric' needs `metric`, 'nearest' needs `nearest`). */
  preselect?: Preselect;
  /** The bank's chirp-phase index and ball settings (preselect 'nearest'). */
  nearest?: { data: NearestData; settings: NearestSettings };
  /** Stat file (JSON); continued when it exists with the same identity. */
  statPath: string;
  /** Everything that identifies the run in the stat file (paths, settings). */
  identity: Record<string, unknown>;
  /** Worker threads (0: this thread). */
  workers: number;
  /** Injections per task (default 4). */
  batch?: number;
  /** Seconds between stat-file writes (default 15). */
  flushSeconds?: number;
  signal?: AbortSignal;
  /** Compute only this shard's block of the injections (the stat file keeps all n entries, null outside). */
  shard?: Shard;
  /** Called after every finished batch with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** What a run returns. */
export interface FittingFactorRunResult {
  stats: InjectionStats;
  /** Injections already in the stat file when the run started. */
  resumed: number;
  /** Injections computed by this run, and its wall time [s]. */
  computed: number;
  seconds: number;
  interrupted: boolean;
}

function item(set: InjectionSet, i: number, s: FittingFactorSettings): InjectionItem {
  const c = set.columns;
  return {
    index: i,
    params: set.waveformParams(i, s.fMinHz, s.fMaxHz),
    sky: { longitude: c.longitude[i], latitude: c.latitude[i], polarization: c.polarization[i] },
    components: set.components(i),
  };
}

function store(stats: InjectionStats, o: InjectionOutcome): void {
  const i = o.index;
  stats.ff[i] = o.ff;
  stats.template[i] = o.template;
  stats.gridMatch[i] = o.gridMatch;
  stats.candidates[i] = o.candidates;
  stats.window[i] = Number.isFinite(o.window) ? o.window : null;
  if (stats.rank) stats.rank[i] = o.rank ?? null;
  if (stats.metricMatch && o.metricMatch !== undefined) {
    stats.metricMatch[i] = Number.isFinite(o.metricMatch) ? o.metricMatch : null;
    stats.metricTemplate![i] = o.metricTemplate ?? null;
  }
}

/** The template columns on SharedArrayBuffers (a Bank's already are; others are copied): every worker reads one copy (1e7 templates: 640 MB). */
function sharedColumns(t: InjectionWorkerData['templates']): InjectionWorkerData['templates'] {
  const out: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(t) as [string, Float64Array | undefined][]) {
    if (v === undefined) continue;
    if (v.buffer instanceof SharedArrayBuffer) {
      out[k] = v;
      continue;
    }
    const a = new Float64Array(new SharedArrayBuffer(Math.max(8, v.byteLength)), 0, v.length);
    a.set(v);
    out[k] = a;
  }
  return out as unknown as InjectionWorkerData['templates'];
}

/** Compute the fitting factors of every pending injection; see module comment. */
export async function runFittingFactors(o: FittingFactorRunOptions): Promise<FittingFactorRunResult> {
  const n = o.injections.size;
  const recordMetric = o.metric !== undefined && (o.recordMetric ?? true);
  const { stats, resumed } = openStats(o.statPath, n, o.identity, recordMetric);
  const [first, end] = o.shard === undefined ? [0, n] : shardRange(n, o.shard);
  if (o.shard !== undefined) stats.shard = shardLabel(o.shard);
  const c = o.injections.columns;
  const pending = pendingIndices(stats, first, end).sort((a, b) => chirpMass(c.mass1[a], c.mass2[a]) - chirpMass(c.mass1[b], c.mass2[b]) || a - b);
  const batch = o.batch ?? 4;
  const tasks: number[][] = [];
  for (let s = 0; s < pending.length; s += batch) tasks.push(pending.slice(s, s + batch));
  const t0 = Date.now();
  const seconds0 = stats.seconds;
  let lastFlush = Date.now();
  const total = end - first;
  let done = total - pending.length;
  let computed = 0;
  const flush = () => {
    stats.seconds = seconds0 + (Date.now() - t0) / 1000;
    saveStats(o.statPath, stats);
    lastFlush = Date.now();
  };
  const finish = (outs: InjectionOutcome[]) => {
    for (const r of outs) store(stats, r);
    done += outs.length;
    computed += outs.length;
    o.onProgress?.(done, total);
    if (Date.now() - lastFlush > 1000 * (o.flushSeconds ?? 15)) flush();
  };
  const templates = o.bank.templates as InjectionWorkerData['templates'];
  const data: InjectionWorkerData = { settings: o.settings, templates: o.workers > 0 ? sharedColumns(templates) : templates, metric: o.metric,
    recordMetric, preselect: o.preselect, nearest: o.nearest };
  o.onProgress?.(done, total);
  if (o.workers <= 0) {
    const handle = injectionHandler(data);
    for (const t of tasks) {
      if (o.signal?.aborted) break;
      finish(handle(t.map((i) => item(o.injections, i, o.settings))));
      await new Promise((r) => setImmediate(r));
    }
  } else {
    const pool = new WorkerPool<InjectionItem[], InjectionOutcome[]>(new URL('./worker.ts', import.meta.url), Math.min(o.workers, Math.max(1, tasks.length)), data);
    try {
      let next = 0;
      const lane = async () => {
        while (next < tasks.length && !o.signal?.aborted) {
          const t = tasks[next++];
          finish(await pool.run(t.map((i) => item(o.injections, i, o.settings))));
        }
      };
      await Promise.all(Array.from({ length: pool.size }, lane));
    } finally {
      await pool.close();
    }
  }
  flush();
  return { stats, resumed, computed, seconds: (Date.now() - t0) / 1000, interrupted: done < total };
}
