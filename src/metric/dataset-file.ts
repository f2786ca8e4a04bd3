/**
 * Metric dataset files: rows (theta, logPdf) for flow training, with the settings that made them.
 *
 * HDF5 layout (h5wasm): 2-D float64 dataset `theta` (N x D), 1-D float64 `logPdf` (N, -Infinity
 * outside the region), optional `metric` (N x D*D, row-major), `positiveDefinite` (N, 1/0) and
 * `chunkIndex` (N, int32: the generation chunk of each row; rows of an interrupted run may be out of
 * chunk order, a finished run is sorted); file
 * attributes: variable_format, coordinate_names, box (2 x D: lo row, hi row), mass_cuts (JSON),
 * psd, asd, approximant, f_min, f_max, df, metric_type, seed, chunk_size, n_target, and shard ("K/N")
 * in the file of one shard of a run (src/core/shard.ts).
 * Plain-text export: header `# name1 ... nameD logPdf`, one row per point.
 *
 * Differs from mbank (bin/mbank_generate_flow_dataset), which writes a numpy text file
 * `theta | metric | log_pdf` with the variable format in its header only.
 * Writes go to `<path>.tmp-<pid>` and are renamed, so a file is never half-written.
 */
import { readFileSync, existsSync } from 'node:fs';
import h5wasm from 'h5wasm/node';
import { MbankError, invalid } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { expectRows, readHdf5, writeHdf5Atomic } from '../core/hdf5.js';

/** Settings stored with a dataset. */
export interface DatasetAttributes {
  variableFormat: string;
  names: string[];
  /** Box edges, length D each. */
  boxLo: number[];
  boxHi: number[];
  /** Mass cuts as {key: [min, max]} (see src/coordinates/box.ts MassCuts). */
  massCuts: Record<string, [number, number]>;
  psd: string;
  asd: boolean;
  approximant: string;
  fMin: number;
  fMax: number;
  df: number;
  metricType: string;
  seed: number;
  /** Rows per reproducible chunk (chunk k uses the random stream k of the seed). */
  chunkSize: number;
  /** Number of rows the run was asked for. */
  nTarget: number;
  /** "K/N" when the file holds shard K of N of the run's chunks (absent: the whole run). */
  shard?: string;
}

/** A dataset in memory: n rows of D coordinates, logPdf, and optionally the metric. */
export interface MetricDataset {
  attributes: DatasetAttributes;
  D: number;
  n: number;
  /** Row-major n x D. */
  theta: Float64Array;
  /** Length n: 0.5 ln|det M| inside the region, -Infinity outside or where M is unusable. */
  logPdf: Float64Array;
  /** Row-major n x D*D metric tensors, when stored. */
  metric?: Float64Array;
  /** Length n, 1 when the metric is positive definite, when stored. */
  positiveDefinite?: Uint8Array;
  /** Length n: the generation chunk of each row, when stored. */
  chunkIndex?: Int32Array;
}

function checkShapes(ds: MetricDataset): void {
  const { n, D } = ds;
  if (ds.theta.length !== n * D) invalid('dataset theta length', ds.theta.length, `must be n*D = ${n * D}`);
  if (ds.logPdf.length !== n) invalid('dataset logPdf length', ds.logPdf.length, `must be n = ${n}`);
  if (ds.metric && ds.metric.length !== n * D * D) invalid('dataset metric length', ds.metric.length, `must be n*D*D = ${n * D * D}`);
  if (ds.positiveDefinite && ds.positiveDefinite.length !== n) invalid('dataset positiveDefinite length', ds.positiveDefinite.length, `must be n = ${n}`);
  if (ds.chunkIndex && ds.chunkIndex.length !== n) invalid('dataset chunkIndex length', ds.chunkIndex.length, `must be n = ${n}`);
  if (ds.attributes.names.length !== D) invalid('dataset coordinate names', ds.attributes.names, `must have D = ${D} names`);
}

/**
 * Write the dataset as HDF5 at `path` atomically: built in a temporary file, close status checked,
 * reopened and its row counts verified before the rename; on failure `path` keeps its old content.
 */
export async function writeDataset(path: string, ds: MetricDataset): Promise<void> {
  checkShapes(ds);
  await writeHdf5Atomic(path, (f) => {
    const a = ds.attributes;
    f.create_dataset({ name: 'theta', data: ds.theta, shape: [ds.n, ds.D] });
    f.create_dataset({ name: 'logPdf', data: ds.logPdf, shape: [ds.n] });
    if (ds.metric) f.create_dataset({ name: 'metric', data: ds.metric, shape: [ds.n, ds.D * ds.D] });
    if (ds.positiveDefinite) f.create_dataset({ name: 'positiveDefinite', data: ds.positiveDefinite, shape: [ds.n] });
    if (ds.chunkIndex) f.create_dataset({ name: 'chunkIndex', data: ds.chunkIndex, shape: [ds.n] });
    const num = (name: string, v: number) => f.create_attribute(name, new Float64Array([v]), []);
    f.create_attribute('variable_format', a.variableFormat);
    f.create_attribute('coordinate_names', a.names);
    f.create_attribute('box', Float64Array.from([...a.boxLo, ...a.boxHi]), [2, ds.D]);
    f.create_attribute('mass_cuts', JSON.stringify(a.massCuts));
    f.create_attribute('psd', a.psd);
    num('asd', a.asd ? 1 : 0);
    f.create_attribute('approximant', a.approximant);
    num('f_min', a.fMin);
    num('f_max', a.fMax);
    num('df', a.df);
    f.create_attribute('metric_type', a.metricType);
    num('seed', a.seed);
    num('chunk_size', a.chunkSize);
    num('n_target', a.nTarget);
    if (a.shard !== undefined) f.create_attribute('shard', a.shard);
  }, (f) => {
    expectRows(f, 'theta', ds.n, ds.D);
    expectRows(f, 'logPdf', ds.n);
    if (ds.metric) expectRows(f, 'metric', ds.n, ds.D * ds.D);
    if (ds.chunkIndex) expectRows(f, 'chunkIndex', ds.n);
    if (typeof f.attrs.n_target?.value === 'undefined') throw new MbankError('attributes missing after writing', 1);
  });
}

function scalar(attrs: Record<string, { value: unknown }>, name: string, path: string): number {
  const v = attrs[name]?.value;
  const x = typeof v === 'number' ? v : ArrayBuffer.isView(v) ? Number((v as Float64Array)[0]) : typeof v === 'bigint' ? Number(v) : NaN;
  if (!Number.isFinite(x)) throw new MbankError(`dataset ${path}: attribute ${name} = ${String(v)}: missing or not a number`);
  return x;
}

function text(attrs: Record<string, { value: unknown }>, name: string, path: string): string {
  const v = attrs[name]?.value;
  if (typeof v !== 'string') throw new MbankError(`dataset ${path}: attribute ${name} = ${String(v)}: missing or not a string`);
  return v;
}

/** Read an HDF5 dataset written by writeDataset. Throws MbankError naming the file and what is wrong. */
export async function readDataset(path: string): Promise<MetricDataset> {
  return readHdf5(path, 'dataset', (f) => {
    const thetaDs = f.get('theta');
    const logDs = f.get('logPdf');
    if (!(thetaDs instanceof h5wasm.Dataset) || !(logDs instanceof h5wasm.Dataset)) {
      throw new MbankError(`dataset = ${JSON.stringify(path)}: needs the HDF5 datasets theta (N x D) and logPdf (N)`);
    }
    const shape = thetaDs.shape ?? [];
    if (shape.length !== 2) throw new MbankError(`dataset ${path}: theta has shape [${shape}], must be N x D`);
    const [n, D] = shape;
    const attrs = f.attrs as unknown as Record<string, { value: unknown }>;
    const names = attrs.coordinate_names?.value;
    const boxV = attrs.box?.value as Float64Array | undefined;
    const attributes: DatasetAttributes = {
      variableFormat: text(attrs, 'variable_format', path),
      names: Array.isArray(names) ? names.map(String) : typeof names === 'string' ? [names] : [],
      boxLo: boxV ? Array.from(boxV.subarray(0, D)) : [],
      boxHi: boxV ? Array.from(boxV.subarray(D, 2 * D)) : [],
      massCuts: JSON.parse(text(attrs, 'mass_cuts', path)) as Record<string, [number, number]>,
      psd: text(attrs, 'psd', path),
      asd: scalar(attrs, 'asd', path) !== 0,
      approximant: text(attrs, 'approximant', path),
      fMin: scalar(attrs, 'f_min', path),
      fMax: scalar(attrs, 'f_max', path),
      df: scalar(attrs, 'df', path),
      metricType: text(attrs, 'metric_type', path),
      seed: scalar(attrs, 'seed', path),
      chunkSize: scalar(attrs, 'chunk_size', path),
      nTarget: scalar(attrs, 'n_target', path),
      ...(attrs.shard !== undefined ? { shard: text(attrs, 'shard', path) } : {}),
    };
    const ds: MetricDataset = {
      attributes, D, n,
      theta: Float64Array.from(thetaDs.value as Float64Array),
      logPdf: Float64Array.from(logDs.value as Float64Array),
    };
    const m = f.get('metric');
    if (m instanceof h5wasm.Dataset) ds.metric = Float64Array.from(m.value as Float64Array);
    const pd = f.get('positiveDefinite');
    if (pd instanceof h5wasm.Dataset) ds.positiveDefinite = Uint8Array.from(pd.value as Uint8Array);
    const ci = f.get('chunkIndex');
    if (ci instanceof h5wasm.Dataset) ds.chunkIndex = Int32Array.from(ci.value as Int32Array);
    checkShapes(ds);
    return ds;
  });
}

/** Plain-text export: `# name1 ... nameD logPdf` then one row per point (atomic write). */
export function writeDatasetText(path: string, ds: MetricDataset): void {
  checkShapes(ds);
  const lines = [`# ${[...ds.attributes.names, 'logPdf'].join(' ')}`];
  for (let i = 0; i < ds.n; i++) {
    const row: string[] = [];
    for (let j = 0; j < ds.D; j++) row.push(String(ds.theta[i * ds.D + j]));
    row.push(String(ds.logPdf[i]));
    lines.push(row.join(' '));
  }
  writeFileAtomic(path, lines.join('\n') + '\n');
}

/** Read a plain-text export: returns names, theta (n x D) and logPdf. */
export function readDatasetText(path: string): { names: string[]; D: number; n: number; theta: Float64Array; logPdf: Float64Array } {
  if (!existsSync(path)) throw new MbankError(`dataset = ${JSON.stringify(path)}: file not found`);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = lines.find((l) => l.startsWith('#'));
  if (!header) throw new MbankError(`dataset ${path}: missing header line "# name1 ... logPdf"`);
  const cols = header.slice(1).trim().split(/\s+/);
  const D = cols.length - 1;
  const rows = lines.filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => l.trim().split(/\s+/).map(Number));
  const theta = new Float64Array(rows.length * D);
  const logPdf = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    if (r.length !== D + 1) throw new MbankError(`dataset ${path}: row ${i + 1} has ${r.length} columns, expected ${D + 1}`);
    for (let j = 0; j < D; j++) theta[i * D + j] = r[j];
    logPdf[i] = r[D];
  });
  return { names: cols.slice(0, D), D, n: rows.length, theta, logPdf };
}
