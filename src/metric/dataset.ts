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
 *   by chunk and equals the file of an uninterrupted run. Each finished chunk is also appended to
 *   the fsync'd journal `<path>.journal` (./dataset-journal.ts) at once, so a SIGKILL loses only the
 *   chunks being computed; the next run folds the journal in, and it is emptied once the file holds it.
 * - Sharded (`shard` K/N): only the block of chunks src/core/shard.ts gives shard K is computed and
 *   the file records "K/N"; the N shard files merged (./dataset-merge.ts) equal the unsharded file.
 * Differs from mbank: parallel, chunked, resumable; rows whose metric is not positive definite keep
 * the metric but get logPdf NaN and positiveDefinite 0 (mbank stores 0.5 ln|det M| regardless).
 */
import { existsSync } from 'node:fs';
import { MbankError } from '../core/errors.js';
import { removeQuietly, syncToDisk } from '../core/atomic-write.js';
import { shardLabel, shardRange, type Shard } from '../core/shard.js';
import { TaskCancelled, WorkerPool } from '../core/worker-pool.js';
import { getVariableFormat } from '../coordinates/format.js';
import { regionFromRanges } from '../coordinates/box.js';
import { chunkComputer, type ChunkRows, type DatasetSpec } from './dataset-chunk.js';
import { readDataset, writeDataset, type DatasetAttributes, type MetricDataset } from './dataset-file.js';
import { DatasetJournal, journalPath, readJournal } from './dataset-journal.js';

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
  /** Told when the journal cannot be written (the run goes on with the periodic writes only). */
  onWarning?: (message: string) => void;
}

/** Outcome of generateDataset. */
export interface GenerateDatasetResult {
  dataset: MetricDataset;
  /** Rows found in the file (and its journal) before this run. */
  resumedFrom: number;
  /** Of those, rows found only in the journal (chunks a killed run finished after its last write). */
  journalRows: number;
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

/** The settings a continued file must share with the run (every attribute but nTarget). */
const SAME: (keyof DatasetAttributes)[] = ['variableFormat', 'boxLo', 'boxHi', 'massCuts', 'psd', 'asd', 'approximant', 'fMin', 'fMax', 'df', 'metricType', 'seed', 'chunkSize', 'shard'];

function checkCompatible(path: string, old: Partial<DatasetAttributes>, now: DatasetAttributes): void {
  for (const k of SAME) {
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
  let resumedFrom = 0, journalRows = 0;
  const keep = (k: number, c: ChunkRows) => {
    if (k < first || k >= end || finished.has(k) || c.logPdf.length < rowsOf(k, cs, nPoints)) return false;
    finished.set(k, c);
    resumedFrom += rowsOf(k, cs, nPoints);
    return true;
  };
  const jfile = journalPath(path);
  if (existsSync(path)) {
    const base = await readDataset(path);
    checkCompatible(path, base.attributes, attributes);
    const sorted = base.chunkIndex === undefined || base.chunkIndex.every((k, i) => k === first + Math.floor(i / cs));
    const whole = opts.shard === undefined ? base.n >= nPoints : base.n === rowsBetween(first, end, cs, nPoints);
    if (whole && sorted) {
      removeQuietly(jfile); // left by a run killed between its last write and the journal's removal
      return { dataset: base, resumedFrom: base.n, journalRows: 0, interrupted: false, failures: 0, nonPositiveDefinite: 0 };
    }
    for (const [k, c] of chunksOf(base, cs)) keep(k, c);
  }
  // chunks a killed run finished after its last write are in the journal
  const content = readJournal(jfile, D);
  if (content.settings !== undefined) checkCompatible(jfile, JSON.parse(content.settings) as Partial<DatasetAttributes>, attributes);
  for (const c of content.chunks) if (keep(c.index, c)) journalRows += rowsOf(c.index, cs, nPoints);
  const settings = JSON.stringify(Object.fromEntries(SAME.map((k) => [k, attributes[k]])));
  let journal: DatasetJournal | undefined;
  try {
    journal = DatasetJournal.open(jfile, D, settings, content);
  } catch (err) {
    opts.onWarning?.(`${(err as Error).message}: finished rows are kept only by the writes every ${opts.flushSeconds ?? 30} s`);
  }
  try {
    return await computeChunks(opts, { computer, attributes, D, first, end, finished, resumedFrom, journalRows, journal });
  } finally {
    journal?.close();
  }
}

/** What generateDataset found before computing: the chunks already finished, the open journal. */
interface RunState {
  computer: ReturnType<typeof chunkComputer>;
  attributes: DatasetAttributes;
  D: number;
  first: number;
  end: number;
  finished: Map<number, ChunkRows>;
  resumedFrom: number;
  journalRows: number;
  journal: DatasetJournal | undefined;
}

/** Compute the missing chunks of [first, end): each journaled when finished, the file written periodically and at the end. */
async function computeChunks(opts: GenerateDatasetOptions, st: RunState): Promise<GenerateDatasetResult> {
  const { spec, nPoints, path } = opts;
  const { computer, attributes, D, first, end, finished, journal } = st;
  const cs = spec.chunkSize;
  const todo = Array.from({ length: end - first }, (_, j) => first + j).filter((k) => !finished.has(k));
  const rowsWanted = rowsBetween(first, end, cs, nPoints);
  const rowsDone = () => [...finished.keys()].reduce((s, k) => s + rowsOf(k, cs, nPoints), 0);
  let lastFlush = Date.now();
  const flushMs = 1000 * (opts.flushSeconds ?? 30);
  let flushing: Promise<void> = Promise.resolve();
  // writes are serialised; a failed periodic write (full disk) leaves the old file and is retried by
  // the next one, the final write's failure is thrown; no rows, no file (a 0-row file would refuse
  // the corrected command); once the file holds every journaled chunk (and is on disk), the journal is emptied
  const flush = () => {
    if (finished.size === 0) return flushing;
    const ds = assemble(attributes, D, finished.values(), cs, nPoints);
    const written = new Set(finished.keys());
    flushing = flushing.catch(() => {}).then(() => writeDataset(path, ds)).then(() => {
      if (journal?.open && [...journal.indices].every((k) => written.has(k))) {
        try {
          syncToDisk(path);
          journal.reset();
        } catch {
          // not known to be on disk: the journal keeps the rows (a later run folds them again, harmlessly)
        }
      }
    });
    flushing.catch(() => {});
    return flushing;
  };
  const accept = (rows: ChunkRows) => {
    if (journal?.open) {
      try {
        journal.append(rows);
      } catch (err) {
        opts.onWarning?.(`${(err as Error).message}: finished rows are kept only by the writes every ${opts.flushSeconds ?? 30} s`);
      }
    }
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
  journal?.remove();
  const dataset = assemble(attributes, D, finished.values(), cs, nPoints);
  let failures = 0, nonPd = 0;
  for (let i = 0; i < dataset.n; i++) {
    if (Number.isNaN(dataset.metric![i * D * D])) failures++;
    else if (dataset.positiveDefinite![i] === 0) nonPd++;
  }
  return { dataset, resumedFrom: st.resumedFrom, journalRows: st.journalRows, interrupted, failures, nonPositiveDefinite: nonPd };
}
