/**
 * Metric dataset generation (mbank bin/mbank_generate_flow_dataset): N points drawn flat
 * in the chirp times inside the region, the metric and logPdf = 0.5 ln det M at each, written to an
 * HDF5 file (./dataset-file.ts).
 *
 * - Parallel: chunks of `chunkSize` rows on a worker pool (src/core/worker-pool.ts), one metric
 *   workspace per worker; workers = 0 computes in-process.
 * - Reproducible: chunk k uses the random stream k of the seed, so the file depends only on the seed,
 *   the settings and N, not on the worker count or scheduling.
 * - Resumable: an existing file with the same settings is continued: its complete chunks are kept and
 *   only the missing ones computed. Finished chunks are written (atomically, with their chunk index)
 *   every `flushSeconds` and at the end, also when the run is aborted (AbortSignal), so an interrupted
 *   run keeps every finished row, even chunks that finished out of order; a completed file is sorted
 *   by chunk and equals the file of an uninterrupted run.
 * - Sharded (`shard` K/N): only the block of chunks src/core/shard.ts gives shard K is computed and
 *   the file records "K/N"; the N shard files merged (./dataset-merge.ts) equal the unsharded file.
 * Differs from mbank: parallel, chunked, resumable; rows whose metric is not positive definite keep
 * the metric but get logPdf NaN and positiveDefinite 0 (mbank stores 0.5 ln|det M| regardless).
 */
import { existsSync } from 'node:fs';
import { MbankError } from '../core/errors.js';
import { shardLabel, shardRange, type Shard } from '../core/shard.js';
import { TaskCancelled, WorkerPool } from '../core/worker-pool.js';
import { getVariableFormat } from '../coordinates/format.js';
import { regionFromRanges } from '../coordinates/box.js';
import { chunkComputer, type ChunkRows, type DatasetSpec } from './dataset-chunk.js';
import { readDataset, writeDataset, type DatasetAttributes, type MetricDataset } from './dataset-file.js';

/** Options of generateDataset. */
export interface GenerateDatasetOptions {
  /** HDF5 output (continued if it exists with the same settings). */
  path: string;
  spec: DatasetSpec;
  /** Total number of rows wanted in the file. */
  nPoints: number;
  /** Worker threads (0: in this thread). */
  workers: number;
  /** Seconds between writes of the finished rows (default 30). */
  flushSeconds?: number;
  /** Called after each finished chunk with (rows done, rows wanted). */
  onProgress?: (done: number, total: number) => void;
  /** Abort: stop, write every finished row, resolve with interrupted = true. */
  signal?: AbortSignal;
  /** Compute only this shard's block of chunks (default: all). */
  shard?: Shard;
}

/** Outcome of generateDataset. */
export interface GenerateDatasetResult {
  dataset: MetricDataset;
  /** Rows found in the file before this run. */
  resumedFrom: number;
  interrupted: boolean;
  /** Rows of the file whose metric failed (logPdf NaN), and rows with a non-positive-definite metric. */
  failures: number;
  nonPositiveDefinite: number;
}

/** The attributes a dataset of this spec carries. */
export function datasetAttributes(spec: DatasetSpec, nTarget: number, shard?: Shard): DatasetAttributes {
  const format = getVariableFormat(spec.metric.variableFormat);
  const region = regionFromRanges(format, spec.ranges);
  return {
    variableFormat: format.name, names: [...format.names],
    boxLo: Array.from(region.box.lo), boxHi: Array.from(region.box.hi),
    massCuts: Object.fromEntries(Object.entries(region.cuts).map(([k, v]) => [k, [v[0], v[1]]])),
    psd: spec.metric.psd, asd: spec.metric.asd, approximant: spec.metric.approximant,
    fMin: spec.metric.fMinHz, fMax: spec.metric.fMaxHz, df: spec.metric.df,
    metricType: spec.metricType, seed: spec.seed, chunkSize: spec.chunkSize, nTarget,
    ...(shard !== undefined ? { shard: shardLabel(shard) } : {}),
  };
}

function checkCompatible(path: string, old: DatasetAttributes, now: DatasetAttributes): void {
  const keys: (keyof DatasetAttributes)[] = ['variableFormat', 'boxLo', 'boxHi', 'massCuts', 'psd', 'asd', 'approximant', 'fMin', 'fMax', 'df', 'metricType', 'seed', 'chunkSize', 'shard'];
  for (const k of keys) {
    if (JSON.stringify(old[k]) !== JSON.stringify(now[k])) {
      throw new MbankError(`dataset ${path} exists with ${k} = ${JSON.stringify(old[k])}, this run has ${JSON.stringify(now[k])}: use the same settings to continue it, or another file`);
    }
  }
}

/** Rows of chunk k that a run of nPoints keeps: min(chunkSize, nPoints - k chunkSize). */
export function rowsOf(k: number, chunkSize: number, nPoints: number): number {
  return Math.max(0, Math.min(chunkSize, nPoints - k * chunkSize));
}

/** The chunk indices [first, end) that a shard of a run of nPoints rows computes (all without a shard). */
export function shardChunks(nPoints: number, chunkSize: number, shard?: Shard): [number, number] {
  const nChunks = Math.ceil(nPoints / chunkSize);
  return shard === undefined ? [0, nChunks] : shardRange(nChunks, shard);
}

/** The chunks held by an existing file (rows grouped by chunkIndex, or by position when it is absent). */
function chunksOf(base: MetricDataset, chunkSize: number): Map<number, ChunkRows> {
  const D = base.D;
  const ci = base.chunkIndex ?? Int32Array.from({ length: base.n }, (_, i) => Math.floor(i / chunkSize));
  const rows = new Map<number, number[]>();
  for (let i = 0; i < base.n; i++) {
    const list = rows.get(ci[i]) ?? [];
    list.push(i);
    rows.set(ci[i], list);
  }
  const out = new Map<number, ChunkRows>();
  for (const [k, list] of rows) {
    const m = list.length;
    const c: ChunkRows = {
      index: k, theta: new Float64Array(m * D), logPdf: new Float64Array(m), metric: new Float64Array(m * D * D).fill(NaN),
      positiveDefinite: new Uint8Array(m), failures: 0,
    };
    list.forEach((i, j) => {
      c.theta.set(base.theta.subarray(i * D, (i + 1) * D), j * D);
      c.logPdf[j] = base.logPdf[i];
      if (base.metric) c.metric.set(base.metric.subarray(i * D * D, (i + 1) * D * D), j * D * D);
      if (base.positiveDefinite) c.positiveDefinite[j] = base.positiveDefinite[i];
    });
    out.set(k, c);
  }
  return out;
}

/** Rows of the chunks [first, end) in a run of nPoints. */
function rowsBetween(first: number, end: number, chunkSize: number, nPoints: number): number {
  let n = 0;
  for (let k = first; k < end; k++) n += rowsOf(k, chunkSize, nPoints);
  return n;
}

/** The dataset of every given chunk, sorted by chunk index, chunk k cut to the rows a run of nPoints keeps. */
function assemble(attributes: DatasetAttributes, D: number, chunks: Iterable<ChunkRows>, chunkSize: number, nPoints: number): MetricDataset {
  const sorted = [...chunks].sort((a, b) => a.index - b.index);
  const counts = sorted.map((c) => Math.min(c.logPdf.length, rowsOf(c.index, chunkSize, nPoints)));
  const n = counts.reduce((a, b) => a + b, 0);
  const theta = new Float64Array(n * D), logPdf = new Float64Array(n), metric = new Float64Array(n * D * D);
  const pd = new Uint8Array(n), chunkIndex = new Int32Array(n);
  let row = 0;
  sorted.forEach((c, j) => {
    const m = counts[j];
    theta.set(c.theta.subarray(0, m * D), row * D);
    logPdf.set(c.logPdf.subarray(0, m), row);
    metric.set(c.metric.subarray(0, m * D * D), row * D * D);
    pd.set(c.positiveDefinite.subarray(0, m), row);
    chunkIndex.fill(c.index, row, row + m);
    row += m;
  });
  return { attributes, D, n, theta, logPdf, metric, positiveDefinite: pd, chunkIndex };
}

/** Generate (or continue) a metric dataset; see module comment. */
export async function generateDataset(opts: GenerateDatasetOptions): Promise<GenerateDatasetResult> {
  const { spec, nPoints, path } = opts;
  if (!Number.isInteger(nPoints) || nPoints < 1) throw new MbankError(`n-points = ${nPoints}: must be an integer >= 1`);
  if (!Number.isInteger(spec.chunkSize) || spec.chunkSize < 1) throw new MbankError(`chunk-size = ${spec.chunkSize}: must be an integer >= 1`);
  // every setting (PSD, band, approximant, ranges) is checked here, in the caller's thread, before a worker starts
  const computer = chunkComputer(spec);
  const attributes = datasetAttributes(spec, nPoints, opts.shard);
  const D = attributes.names.length;
  const cs = spec.chunkSize;
  const [first, end] = shardChunks(nPoints, cs, opts.shard);
  if (opts.shard !== undefined && opts.shard.count > Math.ceil(nPoints / cs)) {
    throw new MbankError(`shard = ${shardLabel(opts.shard)}: at most ${Math.ceil(nPoints / cs)} shards (the chunks of ${cs} rows in ${nPoints} points); use fewer shards or a smaller chunk-size`);
  }
  // chunks already in the file and complete for this run are kept; the others are (re)computed
  const finished = new Map<number, ChunkRows>();
  let resumedFrom = 0;
  if (existsSync(path)) {
    const base = await readDataset(path);
    checkCompatible(path, base.attributes, attributes);
    const sorted = base.chunkIndex === undefined || base.chunkIndex.every((k, i) => k === first + Math.floor(i / cs));
    const whole = opts.shard === undefined ? base.n >= nPoints : base.n === rowsBetween(first, end, cs, nPoints);
    if (whole && sorted) return { dataset: base, resumedFrom: base.n, interrupted: false, failures: 0, nonPositiveDefinite: 0 };
    for (const [k, c] of chunksOf(base, cs)) {
      if (k >= first && k < end && c.logPdf.length >= rowsOf(k, cs, nPoints)) {
        finished.set(k, c);
        resumedFrom += rowsOf(k, cs, nPoints);
      }
    }
  }
  const todo = Array.from({ length: end - first }, (_, j) => first + j).filter((k) => !finished.has(k));
  const rowsWanted = rowsBetween(first, end, cs, nPoints);
  const rowsDone = () => [...finished.keys()].reduce((s, k) => s + rowsOf(k, cs, nPoints), 0);
  let lastFlush = Date.now();
  const flushMs = 1000 * (opts.flushSeconds ?? 30);
  let flushing: Promise<void> = Promise.resolve();
  // writes are serialised; a failed periodic write (full disk) leaves the old file and is retried by
  // the next one, the final write's failure is thrown; no rows, no file (a 0-row file would refuse
  // the corrected command)
  const flush = () => {
    if (finished.size === 0) return flushing;
    const ds = assemble(attributes, D, finished.values(), cs, nPoints);
    flushing = flushing.catch(() => {}).then(() => writeDataset(path, ds));
    flushing.catch(() => {});
    return flushing;
  };
  const accept = (rows: ChunkRows) => {
    finished.set(rows.index, rows);
    opts.onProgress?.(rowsDone(), rowsWanted);
    if (Date.now() - lastFlush > flushMs) { lastFlush = Date.now(); void flush(); }
  };
  let interrupted = false;
  opts.onProgress?.(rowsDone(), rowsWanted);
  if (opts.workers === 0) {
    for (const k of todo) {
      await new Promise((r) => setImmediate(r)); // let an abort (Ctrl+C) through between chunks
      if (opts.signal?.aborted) { interrupted = true; break; }
      accept(computer.compute(k));
    }
  } else if (todo.length > 0) {
    const pool = new WorkerPool<number, ChunkRows>(new URL('./dataset-worker.ts', import.meta.url), Math.min(opts.workers, todo.length), spec);
    // an abort drops the chunks not started and keeps the running ones: they finish and are written
    const onAbort = () => { interrupted = true; pool.cancelQueued(); };
    let failure: unknown;
    opts.signal?.addEventListener('abort', onAbort);
    if (opts.signal?.aborted) onAbort();
    try {
      await Promise.all(todo.map((k) => pool.run(k).then(accept, (e) => {
        if (e instanceof TaskCancelled || failure !== undefined) return;
        failure = e;
        pool.cancelQueued();
      })));
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await pool.close();
    }
    if (failure !== undefined) { await flush(); throw failure; }
  }
  await flush();
  const dataset = assemble(attributes, D, finished.values(), cs, nPoints);
  let failures = 0, nonPd = 0;
  for (let i = 0; i < dataset.n; i++) {
    if (Number.isNaN(dataset.metric![i * D * D])) failures++;
    else if (dataset.positiveDefinite![i] === 0) nonPd++;
  }
  return { dataset, resumedFrom, interrupted, failures, nonPositiveDefinite: nonPd };
}
