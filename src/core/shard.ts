/**
 * Shards of a run: shard K of N (K = 1..N) takes the contiguous block [floor((K-1) n / N),
 * floor(K n / N)) of n work items (dataset chunks, injections). The N blocks partition 0..n-1, so
 * with per-item random streams the union of the shards is exactly the unsharded run.
 */
import { invalid } from './errors.js';

/** Shard K of N (1-based index). */
export interface Shard {
  index: number;
  count: number;
}

/** Parse "K/N" (1 <= K <= N); the option name goes into the error message. */
export function parseShard(text: string, option = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) invalid(option, text, 'must be K/N with integers 1 <= K <= N, e.g. 2/8');
  const index = Number(m[1]), count = Number(m[2]);
  if (!(count >= 1 && index >= 1 && index <= count)) invalid(option, text, 'must be K/N with integers 1 <= K <= N, e.g. 2/8');
  return { index, count };
}

/** "K/N". */
export function shardLabel(s: Shard): string {
  return `${s.index}/${s.count}`;
}

/** The half-open block [first, end) of n items that shard s takes. */
export function shardRange(n: number, s: Shard): [number, number] {
  return [Math.floor(((s.index - 1) * n) / s.count), Math.floor((s.index * n) / s.count)];
}
