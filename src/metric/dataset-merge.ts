/**
 * Merge the shard files of one dataset run (`dataset --shard K/N`, ./dataset.ts) into the file the
 * unsharded run writes: same settings, every shard 1..N exactly once (no gap, no overlap), each shard
 * complete; rows concatenated in chunk order, the shard attribute dropped.
 */
import { MbankError } from '../core/errors.js';
import { parseShard, shardLabel, type Shard } from '../core/shard.js';
import { rowsOf, shardChunks } from './dataset.js';
import type { DatasetAttributes, MetricDataset } from './dataset-file.js';

/** A dataset to merge and the name it is reported under. */
export interface NamedDataset {
  name: string;
  dataset: MetricDataset;
}

function settingsOf(a: DatasetAttributes): string {
  const { shard: _s, ...rest } = a;
  return JSON.stringify(rest);
}

/** Throw MbankError unless the shard file holds exactly the chunks of `shard`, complete and in order. */
export function checkDatasetShard(name: string, ds: MetricDataset, shard: Shard): void {
  const a = ds.attributes;
  const [first, end] = shardChunks(a.nTarget, a.chunkSize, shard);
  const expected: number[] = [];
  for (let k = first; k < end; k++) for (let j = 0; j < rowsOf(k, a.chunkSize, a.nTarget); j++) expected.push(k);
  const got = ds.chunkIndex;
  if (got === undefined || got.length !== expected.length || expected.some((k, i) => got[i] !== k)) {
    const have = got === undefined ? 'no chunk index' : `${new Set(got).size} of ${end - first} chunks (${got.length}/${expected.length} rows)`;
    throw new MbankError(`dataset ${name} (shard ${shardLabel(shard)}) is incomplete: ${have}; run its job again to finish it`);
  }
}

/** The unsharded dataset of the given shard files; throws MbankError naming a mismatch, gap, overlap or unfinished shard. */
export function mergeDatasetShards(parts: readonly NamedDataset[]): MetricDataset {
  if (parts.length === 0) throw new MbankError('merge --dataset: no files given');
  const ref = parts[0];
  const bySlot = new Map<number, NamedDataset>();
  let count = 0;
  for (const p of parts) {
    const a = p.dataset.attributes;
    if (a.shard === undefined) throw new MbankError(`dataset ${p.name} is not a shard (no shard attribute): merge --dataset joins the files of dataset --shard K/N`);
    if (settingsOf(a) !== settingsOf(ref.dataset.attributes)) {
      const k = (Object.keys(a) as (keyof DatasetAttributes)[]).find((key) => key !== 'shard' && JSON.stringify(a[key]) !== JSON.stringify(ref.dataset.attributes[key]));
      throw new MbankError(`dataset ${p.name} has ${String(k)} = ${JSON.stringify(a[k!])}, ${ref.name} has ${JSON.stringify(ref.dataset.attributes[k!])}: not shards of one run`);
    }
    const s = parseShard(a.shard, `shard attribute of ${p.name}`);
    if (count === 0) count = s.count;
    if (s.count !== count) throw new MbankError(`dataset ${p.name} is shard ${a.shard}, ${ref.name} is shard ${ref.dataset.attributes.shard}: different shard counts`);
    const other = bySlot.get(s.index);
    if (other) throw new MbankError(`datasets ${other.name} and ${p.name} are both shard ${a.shard} (overlap)`);
    checkDatasetShard(p.name, p.dataset, s);
    bySlot.set(s.index, p);
  }
  const missing = Array.from({ length: count }, (_, j) => j + 1).filter((k) => !bySlot.has(k));
  if (missing.length > 0) throw new MbankError(`merge --dataset: shard(s) ${missing.map((k) => `${k}/${count}`).join(', ')} missing (gap)`);
  const ordered = Array.from({ length: count }, (_, j) => bySlot.get(j + 1)!.dataset);
  const D = ref.dataset.D;
  const n = ordered.reduce((s, d) => s + d.n, 0);
  const out: MetricDataset = {
    attributes: (() => { const { shard: _s, ...rest } = ref.dataset.attributes; return rest; })(),
    D, n, theta: new Float64Array(n * D), logPdf: new Float64Array(n), metric: new Float64Array(n * D * D),
    positiveDefinite: new Uint8Array(n), chunkIndex: new Int32Array(n),
  };
  let row = 0;
  for (const d of ordered) {
    out.theta.set(d.theta, row * D);
    out.logPdf.set(d.logPdf, row);
    if (d.metric) out.metric!.set(d.metric, row * D * D); else out.metric!.fill(NaN, row * D * D, (row + d.n) * D * D);
    if (d.positiveDefinite) out.positiveDefinite!.set(d.positiveDefinite, row);
    out.chunkIndex!.set(d.chunkIndex!, row);
    row += d.n;
  }
  return out;
}
