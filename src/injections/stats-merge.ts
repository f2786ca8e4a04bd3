/**
 * Merge the stat files of the shards of one injection run (`injections --shard K/N`) into the stat
 * file of the unsharded run: the same settings apart from the shard, the same injection count,
 * shards 1..N each exactly once (no gap, no overlap), each shard's block complete and nothing
 * outside it. Wall times add up.
 */
import { MbankError } from '../core/errors.js';
import { parseShard, shardRange, type Shard } from '../core/shard.js';
import type { InjectionStats } from './stats.js';

/** A stat file to merge and the name it is reported under. */
export interface NamedStats {
  name: string;
  stats: InjectionStats;
}

/** The per-injection arrays of a stat file. */
const PER_INJECTION = ['ff', 'template', 'gridMatch', 'candidates', 'window', 'rank', 'metricMatch', 'metricTemplate'] as const;

function withoutShard(settings: Record<string, unknown>): Record<string, unknown> {
  const { shard: _s, ...rest } = settings;
  return rest;
}

/** Throw MbankError unless the stat file has every injection of its shard's block done and none outside it. */
export function checkStatsShard(name: string, s: InjectionStats, shard: Shard): void {
  const [first, end] = shardRange(s.n, shard);
  for (let i = 0; i < s.n; i++) {
    const inside = i >= first && i < end;
    if (inside && s.ff[i] === null) throw new MbankError(`stat file ${name} (shard ${s.shard}) is unfinished: injection ${i} not done; run its job again`);
    if (!inside && s.ff[i] !== null) throw new MbankError(`stat file ${name} (shard ${s.shard}) has injection ${i}, outside its block [${first}, ${end}) (overlap)`);
  }
}

/** The stat file of the unsharded run; throws MbankError naming a mismatch, gap, overlap or unfinished shard. */
export function mergeInjectionStats(parts: readonly NamedStats[]): InjectionStats {
  if (parts.length === 0) throw new MbankError('merge --injection-stat: no files given');
  const ref = parts[0];
  const refSettings = JSON.stringify(withoutShard(ref.stats.settings));
  const slots = new Map<number, NamedStats>();
  let count = 0;
  for (const p of parts) {
    const s = p.stats;
    if (s.format !== 'mbank-ts-injection-stats' || !Array.isArray(s.ff)) throw new MbankError(`stat file ${p.name}: not an mbank-ts injection stat file`);
    if (s.shard === undefined) throw new MbankError(`stat file ${p.name} is not a shard (no "shard" entry): merge --injection-stat joins the files of injections --shard K/N`);
    if (JSON.stringify(withoutShard(s.settings)) !== refSettings) {
      const keys = new Set([...Object.keys(s.settings), ...Object.keys(ref.stats.settings)]);
      const k = [...keys].find((key) => key !== 'shard' && JSON.stringify(s.settings[key]) !== JSON.stringify(ref.stats.settings[key]));
      throw new MbankError(`stat file ${p.name} has ${k} = ${JSON.stringify(s.settings[k!])}, ${ref.name} has ${JSON.stringify(ref.stats.settings[k!])}: not shards of one injection run`);
    }
    if (s.n !== ref.stats.n) throw new MbankError(`stat file ${p.name} holds ${s.n} injections, ${ref.name} ${ref.stats.n}: not shards of one injection run`);
    if ((s.metricMatch === undefined) !== (ref.stats.metricMatch === undefined)) throw new MbankError(`stat file ${p.name} and ${ref.name}: one has the metric match, the other not`);
    const shard = parseShard(s.shard, `shard of ${p.name}`);
    if (count === 0) count = shard.count;
    if (shard.count !== count) throw new MbankError(`stat file ${p.name} is shard ${s.shard}, ${ref.name} is shard ${ref.stats.shard}: different shard counts`);
    const other = slots.get(shard.index);
    if (other) throw new MbankError(`stat files ${other.name} and ${p.name} are both shard ${s.shard} (overlap)`);
    checkStatsShard(p.name, s, shard);
    slots.set(shard.index, p);
  }
  const missing = Array.from({ length: count }, (_, j) => j + 1).filter((k) => !slots.has(k));
  if (missing.length > 0) throw new MbankError(`merge --injection-stat: shard(s) ${missing.map((k) => `${k}/${count}`).join(', ')} missing (gap)`);
  const n = ref.stats.n;
  const { shard: _s, ...base } = ref.stats;
  const out: InjectionStats = { ...base, settings: withoutShard(ref.stats.settings), seconds: 0 };
  for (const key of PER_INJECTION) {
    if (ref.stats[key] === undefined) continue;
    const merged = new Array<number | null>(n).fill(null);
    for (const [k, p] of slots) {
      const [first, end] = shardRange(n, { index: k, count });
      const src = p.stats[key];
      if (src === undefined) throw new MbankError(`stat file ${p.name} lacks the ${key} entries ${ref.name} has`);
      for (let i = first; i < end; i++) merged[i] = src[i];
    }
    out[key] = merged;
  }
  out.seconds = parts.reduce((t, p) => t + p.stats.seconds, 0);
  return out;
}
