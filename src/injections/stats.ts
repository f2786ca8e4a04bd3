/**
 * The injection statistics file (mbank's inj_stat_dict, as JSON): per injection the fitting factor,
 * best template, grid match, candidate count and window (and optionally the metric-match estimate),
 * null until computed, plus the settings they were computed with. A file whose settings match is
 * continued (only null entries are computed), which makes runs resumable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic-write.js';
import { MbankError } from '../core/errors.js';

/** Per-injection arrays; entry i is null until injection i is done. */
export interface InjectionStats {
  format: 'mbank-ts-injection-stats';
  version: 1;
  /** Settings that determine the numbers (bank, injections, PSD, band, approximant, windows...). */
  settings: Record<string, unknown>;
  n: number;
  ff: (number | null)[];
  template: (number | null)[];
  gridMatch: (number | null)[];
  candidates: (number | null)[];
  window: (number | null)[];
  metricMatch?: (number | null)[];
  metricTemplate?: (number | null)[];
  /**
   * Position of the best template in the candidate list (0 = first; with the metric preselection the
   * list is ordered by metric distance, so ranks far below the candidate count show it was wide enough).
   * Absent in files written before it existed.
   */
  rank?: (number | null)[];
  /** Wall time spent so far over all sessions [s]. */
  seconds: number;
  /** "K/N" when the file holds shard K of N of the injections (src/core/shard.ts); absent: all of them. */
  shard?: string;
}

/** Empty statistics for n injections. */
export function emptyStats(n: number, settings: Record<string, unknown>, withMetric: boolean): InjectionStats {
  const nulls = () => new Array<number | null>(n).fill(null);
  return {
    format: 'mbank-ts-injection-stats', version: 1, settings, n,
    ff: nulls(), template: nulls(), gridMatch: nulls(), candidates: nulls(), window: nulls(), rank: nulls(),
    ...(withMetric ? { metricMatch: nulls(), metricTemplate: nulls() } : {}),
    seconds: 0,
  };
}

/** Indices in [first, end) (default: all) of the injections not done yet. */
export function pendingIndices(stats: InjectionStats, first = 0, end = stats.n): number[] {
  const out: number[] = [];
  for (let i = first; i < end; i++) if (stats.ff[i] === null || (stats.metricMatch !== undefined && stats.metricMatch[i] === null)) out.push(i);
  return out;
}

function stable(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
}

/**
 * Statistics to continue: the file at `path` when it exists with the same settings and size, else
 * fresh ones. A file with other settings throws (naming the first differing key) rather than mixing runs.
 */
export function openStats(path: string, n: number, settings: Record<string, unknown>, withMetric: boolean): { stats: InjectionStats; resumed: number } {
  if (!existsSync(path)) return { stats: emptyStats(n, settings, withMetric), resumed: 0 };
  let old: InjectionStats;
  try {
    old = JSON.parse(readFileSync(path, 'utf8')) as InjectionStats;
  } catch (e) {
    throw new MbankError(`stat file ${path}: not readable JSON (${(e as Error).message}); remove it or choose another --out`);
  }
  if (old.format !== 'mbank-ts-injection-stats' || !Array.isArray(old.ff)) throw new MbankError(`stat file ${path}: not an mbank-ts injection stat file; remove it or choose another --out`);
  const keys = new Set([...Object.keys(old.settings ?? {}), ...Object.keys(settings)]);
  for (const k of keys) {
    if (stable(old.settings?.[k]) !== stable(settings[k])) {
      throw new MbankError(`stat file ${path} was computed with ${k} = ${stable(old.settings?.[k])}, this run has ${stable(settings[k])}; remove it or choose another --out`);
    }
  }
  if (old.n !== n) throw new MbankError(`stat file ${path} holds ${old.n} injections, this run has ${n}; remove it or choose another --out`);
  if (withMetric && old.metricMatch === undefined) {
    old.metricMatch = new Array<number | null>(n).fill(null);
    old.metricTemplate = new Array<number | null>(n).fill(null);
  }
  const resumed = old.ff.filter((x) => x !== null).length;
  return { stats: old, resumed };
}

/** Write the statistics atomically (JSON, NaN written as null). */
export function saveStats(path: string, stats: InjectionStats): void {
  writeFileAtomic(path, `${JSON.stringify(stats, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1)}\n`);
}

/** q-th percentile (0..100) of values, linear interpolation between order statistics (numpy's default). */
export function percentile(values: ArrayLike<number>, q: number): number {
  const v = Float64Array.from(values).sort();
  if (v.length === 0) return NaN;
  const pos = (q / 100) * (v.length - 1);
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

/** Summary of the finished fitting factors: count, fraction below MM, percentiles 0.1, 1, 5, 10, 50, the worst. */
export interface FittingFactorSummary {
  done: number;
  total: number;
  fractionBelow: number;
  percentiles: Record<'0.1' | '1' | '5' | '10' | '50', number>;
  /** Smallest fitting factor. */
  worst: number;
}

/** Summary of `ff` (nulls skipped) against minimal match `mm`. */
export function summarize(ff: readonly (number | null)[], mm: number): FittingFactorSummary {
  const done = ff.filter((x): x is number => x !== null);
  const below = done.filter((x) => x < mm).length;
  return {
    done: done.length, total: ff.length, fractionBelow: done.length > 0 ? below / done.length : NaN,
    percentiles: { '0.1': percentile(done, 0.1), 1: percentile(done, 1), 5: percentile(done, 5), 10: percentile(done, 10), 50: percentile(done, 50) },
    worst: done.length > 0 ? Math.min(...done) : NaN,
  };
}

/** Indices of the `k` smallest finished fitting factors, worst first (ties by index). */
export function worstIndices(ff: readonly (number | null)[], k: number): number[] {
  const idx: number[] = [];
  ff.forEach((x, i) => { if (x !== null) idx.push(i); });
  idx.sort((a, b) => (ff[a] as number) - (ff[b] as number) || a - b);
  return idx.slice(0, k);
}
