/**
 * Metric dataset generation (mbank bin/mbank_generate_flow_dataset, spec 3.9): N points drawn flat
 * in the chirp times inside the region, the metric and logPdf = 0.5 ln det M at each, written to an
 * HDF5 file (./dataset-file.ts).
 *
 * - Parallel: chunks of `chunkSize` rows on a worker pool (src/core/worker-pool.ts), one metric
 *   workspace per worker; workers = 0 computes in-process.
 * - Reproducible: chunk k uses the random stream k of the seed, so the file depends only on the seed,
 *   the settings and N, not on the worker count or scheduling.
 * - Resumable: an existing file with the same settings is continued from its last complete chunk
 *   (its rows are kept); finished chunks are written (atomically) every `flushSeconds` and at the end,
 *   also when the run is aborted (AbortSignal), so an interrupted run keeps every finished row.
 * Differs from mbank: parallel, chunked, resumable; rows whose metric is not positive definite keep
 * the metric but get logPdf NaN and positiveDefinite 0 (mbank stores 0.5 ln|det M| regardless).
 */
import { existsSync } from 'node:fs';
import { MbankError } from '../core/errors.js';
import { WorkerPool } from '../core/worker-pool.js';
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
export function datasetAttributes(spec: DatasetSpec, nTarget: number): DatasetAttributes {
  const format = getVariableFormat(spec.metric.variableFormat);
  const region = regionFromRanges(format, spec.ranges);
  return {
    variableFormat: format.name, names: [...format.names],
    boxLo: Array.from(region.box.lo), boxHi: Array.from(region.box.hi),
    massCuts: Object.fromEntries(Object.entries(region.cuts).map(([k, v]) => [k, [v[0], v[1]]])),
    psd: spec.metric.psd, asd: spec.metric.asd, approximant: spec.metric.approximant,
    fMin: spec.metric.fMinHz, fMax: spec.metric.fMaxHz, df: spec.metric.df,
    metricType: spec.metricType, seed: spec.seed, chunkSize: spec.chunkSize, nTarget,
  };
}

function checkCompatible(path: string, old: DatasetAttributes, now: DatasetAttributes): void {
  const keys: (keyof DatasetAttributes)[] = ['variableFormat', 'boxLo', 'boxHi', 'massCuts', 'psd', 'asd', 'approximant', 'fMin', 'fMax', 'df', 'metricType', 'seed', 'chunkSize'];
  for (const k of keys) {
    if (JSON.stringify(old[k]) !== JSON.stringify(now[k])) {
      throw new MbankError(`dataset ${path} exists with ${k} = ${JSON.stringify(old[k])}, this run has ${JSON.stringify(now[k])}: use the same settings to continue it, or another file`);
    }
  }
}

/** Concatenate the kept rows and the chunk rows into a dataset of at most nMax rows. */
function assemble(attributes: DatasetAttributes, D: number, base: MetricDataset | undefined, keep: number, chunks: ChunkRows[], nMax: number): MetricDataset {
  const n = Math.min(nMax, keep + chunks.reduce((s, c) => s + c.logPdf.length, 0));
  const theta = new Float64Array(n * D), logPdf = new Float64Array(n), metric = new Float64Array(n * D * D), pd = new Uint8Array(n);
  let row = 0;
  const put = (t: Float64Array, l: Float64Array, m: Float64Array | undefined, p: Uint8Array | undefined, count: number) => {
    const c = Math.min(count, n - row);
    if (c <= 0) return;
    theta.set(t.subarray(0, c * D), row * D);
    logPdf.set(l.subarray(0, c), row);
    if (m) metric.set(m.subarray(0, c * D * D), row * D * D); else metric.fill(NaN, row * D * D, (row + c) * D * D);
    if (p) pd.set(p.subarray(0, c), row);
    row += c;
  };
  if (base && keep > 0) put(base.theta, base.logPdf, base.metric, base.positiveDefinite, keep);
  for (const c of chunks) put(c.theta, c.logPdf, c.metric, c.positiveDefinite, c.logPdf.length);
  return { attributes, D, n, theta, logPdf, metric, positiveDefinite: pd };
}

/** Generate (or continue) a metric dataset; see module comment. */
export async function generateDataset(opts: GenerateDatasetOptions): Promise<GenerateDatasetResult> {
  const { spec, nPoints, path } = opts;
  if (!Number.isInteger(nPoints) || nPoints < 1) throw new MbankError(`n-points = ${nPoints}: must be an integer >= 1`);
  if (!Number.isInteger(spec.chunkSize) || spec.chunkSize < 1) throw new MbankError(`chunk-size = ${spec.chunkSize}: must be an integer >= 1`);
  const attributes = datasetAttributes(spec, nPoints);
  const D = attributes.names.length;
  let base: MetricDataset | undefined;
  if (existsSync(path)) {
    base = await readDataset(path);
    checkCompatible(path, base.attributes, attributes);
  }
  const resumedFrom = base?.n ?? 0;
  const cs = spec.chunkSize;
  const keep = Math.min(resumedFrom, Math.floor(resumedFrom / cs) * cs);
  const firstChunk = keep / cs;
  const nChunks = Math.ceil(nPoints / cs);
  const done: ChunkRows[] = [];
  const pending = new Map<number, ChunkRows>();
  let next = firstChunk;
  let lastFlush = Date.now();
  const flushMs = 1000 * (opts.flushSeconds ?? 30);
  let flushing: Promise<void> = Promise.resolve();
  const rowsDone = () => Math.min(nPoints, keep + done.length * cs);
  const flush = () => {
    const ds = assemble(attributes, D, base, keep, done, nPoints);
    flushing = flushing.then(() => writeDataset(path, ds));
    return flushing;
  };
  const accept = (rows: ChunkRows) => {
    pending.set(rows.index, rows);
    while (pending.has(next)) { done.push(pending.get(next)!); pending.delete(next); next++; }
    opts.onProgress?.(rowsDone(), nPoints);
    if (Date.now() - lastFlush > flushMs) { lastFlush = Date.now(); void flush(); }
  };
  const indices = Array.from({ length: Math.max(0, nChunks - firstChunk) }, (_, i) => firstChunk + i);
  let interrupted = false;
  if (resumedFrom >= nPoints) return { dataset: base!, resumedFrom, interrupted, failures: 0, nonPositiveDefinite: 0 };
  opts.onProgress?.(rowsDone(), nPoints);
  if (opts.workers === 0) {
    const computer = chunkComputer(spec);
    for (const i of indices) {
      await new Promise((r) => setImmediate(r)); // let an abort (Ctrl+C) through between chunks
      if (opts.signal?.aborted) { interrupted = true; break; }
      accept(computer.compute(i));
    }
  } else {
    const pool = new WorkerPool<number, ChunkRows>(new URL('./dataset-worker.ts', import.meta.url), opts.workers, spec);
    const onAbort = () => { interrupted = true; void pool.close(); };
    opts.signal?.addEventListener('abort', onAbort);
    try {
      await Promise.all(indices.map((i) => pool.run(i).then(accept)));
    } catch (e) {
      if (!interrupted) { await flush(); throw e; }
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await pool.close();
    }
  }
  await flush();
  const dataset = assemble(attributes, D, base, keep, done, nPoints);
  let failures = 0, nonPd = 0;
  for (let i = 0; i < dataset.n; i++) {
    if (Number.isNaN(dataset.metric![i * D * D])) failures++;
    else if (dataset.positiveDefinite![i] === 0) nonPd++;
  }
  return { dataset, resumedFrom, interrupted, failures, nonPositiveDefinite: nonPd };
}
