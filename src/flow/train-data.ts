/**
 * Training points held as tensors for the length of a run, minibatches drawn by walking through a
 * seeded permutation (re-shuffled when fewer than a batch remain), and the copy of variables to and
 * from plain arrays that the optimiser works on.
 */
import * as tf from './tf.js';
import { invalid } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { Flow } from './types.js';
import { fieldsOf, restoreFields, type Fields } from './checkpoint.js';

/** `n` points of dimension `dim`, row-major in `x` (length n * dim), optionally with a log-pdf each. */
export interface Samples {
  x: Float32Array | Float64Array;
  n: number;
  dim: number;
  logPdf?: Float32Array | Float64Array;
}

/** Check the lengths of a {@link Samples}; `name` is used in the error message. */
export function checkSamples(name: string, s: Samples): void {
  if (!Number.isInteger(s.n) || s.n < 1) invalid(`${name} size`, s.n, 'must be an integer >= 1');
  if (s.x.length !== s.n * s.dim) invalid(`${name} x length`, s.x.length, `must be n * dim = ${s.n * s.dim}`);
  if (s.logPdf && s.logPdf.length !== s.n) invalid(`${name} logPdf length`, s.logPdf.length, `must be n = ${s.n}`);
  for (let i = 0; i < s.x.length; i++) if (!Number.isFinite(s.x[i])) invalid(`${name} point ${Math.floor(i / s.dim)}`, s.x[i], 'must be finite');
  if (s.logPdf) for (let i = 0; i < s.n; i++) if (!Number.isFinite(s.logPdf[i])) invalid(`${name} logPdf[${i}]`, s.logPdf[i], 'must be finite');
}

/** log q of `n` row-major points, evaluated `chunk` points at a time (float32 values). */
export function logProbChunked(flow: Flow, x: Float32Array | Float64Array, n: number, chunk: number): Float32Array {
  const out = new Float32Array(n);
  const dim = flow.dim;
  for (let i0 = 0; i0 < n; i0 += chunk) {
    const m = Math.min(chunk, n - i0);
    const lp = tf.tidy(() => flow.logProb(tf.tensor2d(Float32Array.from(x.subarray(i0 * dim, (i0 + m) * dim)), [m, dim])));
    out.set(lp.dataSync(), i0);
    lp.dispose();
  }
  return out;
}

/** The training set on the backend with its minibatch sampler. */
export class DataSet {
  readonly n: number;
  private readonly x: tf.Tensor2D;
  private readonly logPdf: tf.Tensor1D | undefined;
  private readonly hostX: Float32Array;
  private readonly hostLogPdf: Float32Array | undefined;
  private readonly perm: Int32Array;
  private cursor: number;

  constructor(
    private readonly samples: Samples,
    private readonly rng: Rng,
  ) {
    checkSamples('train', samples);
    this.n = samples.n;
    this.hostX = Float32Array.from(samples.x);
    this.hostLogPdf = samples.logPdf ? Float32Array.from(samples.logPdf) : undefined;
    this.x = tf.tensor2d(this.hostX, [samples.n, samples.dim]);
    this.logPdf = this.hostLogPdf ? tf.tensor1d(this.hostLogPdf) : undefined;
    this.perm = Int32Array.from({ length: samples.n }, (_, i) => i);
    this.cursor = samples.n;
  }

  /** The sampler's state (order, position, random stream), for a training checkpoint. */
  state(): { perm: Int32Array; cursor: number; rng: Fields } {
    return { perm: this.perm.slice(), cursor: this.cursor, rng: fieldsOf(this.rng) };
  }

  /** Restore {@link state}. */
  setState(s: { perm: Int32Array; cursor: number; rng: Fields }): void {
    this.perm.set(s.perm);
    this.cursor = s.cursor;
    restoreFields(this.rng, s.rng);
  }

  private shuffle(): void {
    const p = this.perm;
    for (let i = p.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    this.cursor = 0;
  }

  /** Row indices of the next minibatch (advancing the sampler), or undefined for the whole set when `size >= n`. */
  private nextIndices(size: number): Int32Array | undefined {
    if (size >= this.n) return undefined;
    if (this.cursor + size > this.n) this.shuffle();
    this.cursor += size;
    return this.perm.subarray(this.cursor - size, this.cursor);
  }

  /** The next minibatch (new tensors, except the whole set when `size >= n`). */
  nextBatch(size: number): { x: tf.Tensor2D; logPdf?: tf.Tensor1D } {
    const rows = this.nextIndices(size);
    if (!rows) return { x: this.x, logPdf: this.logPdf };
    const idx = tf.tensor1d(rows, 'int32');
    const x = tf.gather(this.x, idx) as tf.Tensor2D;
    const logPdf = this.logPdf ? (tf.gather(this.logPdf, idx) as tf.Tensor1D) : undefined;
    idx.dispose();
    return { x, logPdf };
  }

  /** The next minibatch as host arrays (the same rows {@link nextBatch} would give). */
  nextHostBatch(size: number): { x: Float32Array; n: number; logPdf?: Float32Array } {
    const rows = this.nextIndices(size);
    if (!rows) return { x: this.hostX, n: this.n, logPdf: this.hostLogPdf };
    const dim = this.samples.dim;
    const x = new Float32Array(rows.length * dim);
    rows.forEach((r, i) => x.set(this.hostX.subarray(r * dim, (r + 1) * dim), i * dim));
    return { x, n: rows.length, logPdf: this.hostLogPdf ? Float32Array.from(rows, (r) => (this.hostLogPdf as Float32Array)[r]) : undefined };
  }

  /** Number of points where the flow's log-density is not finite (outside its support). */
  countOutside(flow: Flow, chunk: number): number {
    const lp = logProbChunked(flow, this.samples.x, this.n, chunk);
    let bad = 0;
    for (const v of lp) if (!Number.isFinite(v)) bad += 1;
    return bad;
  }

  dispose(): void {
    this.x.dispose();
    this.logPdf?.dispose();
  }
}

/** Copies of the values of `vars` (float32). */
export function readVariables(vars: readonly tf.Variable[]): Float32Array[] {
  return vars.map((v) => Float32Array.from(v.dataSync() as Float32Array));
}

/** Write `values[k]` into `vars[k]` (same sizes). */
export function writeVariables(vars: readonly tf.Variable[], values: readonly Float32Array[]): void {
  vars.forEach((v, k) => {
    const t = tf.tensor(values[k], v.shape, 'float32');
    v.assign(t);
    t.dispose();
  });
}
