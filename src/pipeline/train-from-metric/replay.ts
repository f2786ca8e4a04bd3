/**
 * The evaluated points of train-from-metric (./active-learning.ts): metric evaluation with the
 * unusable points dropped, row selection, the growing replay set and the error of an older flow on
 * its new samples.
 */
import type { Samples } from '../../flow/train-data.js';
import type { MetricField } from '../../placement/types.js';
import { flowAccuracy, halfLogDet } from '../diagnostics.js';

/** Points with their 0.5 ln det M (and their log q_old), the unusable ones (NaN, not positive definite) dropped. */
export async function evaluatePoints(field: MetricField, x: Float64Array, D: number, logq: Float64Array): Promise<{ x: Float64Array; logPdf: Float64Array; logq: Float64Array; dropped: number }> {
  const half = halfLogDet(await field.metric(x), D);
  const keep: number[] = [];
  half.forEach((v, i) => {
    if (Number.isFinite(v)) keep.push(i);
  });
  const out = new Float64Array(keep.length * D);
  keep.forEach((i, j) => out.set(x.subarray(i * D, (i + 1) * D), j * D));
  return { x: out, logPdf: Float64Array.from(keep, (i) => half[i]), logq: Float64Array.from(keep, (i) => logq[i]), dropped: half.length - keep.length };
}

/** Std of log q_old - l over the rows with a finite log q_old (NaN if fewer than 2). */
export function freshStd(logq: Float64Array, l: Float64Array): number {
  return flowAccuracy(logq, 0, l).std;
}

/** The rows i of `r` with keep(i). */
export function pickRows(r: { x: Float64Array; logPdf: Float64Array; logq: Float64Array }, D: number, keep: (i: number) => boolean): { x: Float64Array; logPdf: Float64Array; logq: Float64Array } {
  const idx = [...r.logPdf.keys()].filter(keep);
  const x = new Float64Array(idx.length * D);
  idx.forEach((i, j) => x.set(r.x.subarray(i * D, (i + 1) * D), j * D));
  return { x, logPdf: Float64Array.from(idx, (i) => r.logPdf[i]), logq: Float64Array.from(idx, (i) => r.logq[i]) };
}

/** A growing set of (θ, l) pairs, with the log-density of the flow each point was drawn from (reverse-kl). */
export class Replay {
  n = 0;
  /** The parts, shared with the loop's checkpointed state. */
  constructor(readonly dim: number, private readonly xs: Float64Array[], private readonly ls: Float64Array[], private readonly qs: Float64Array[]) {
    this.n = ls.reduce((a, l) => a + l.length, 0);
  }
  add(x: Float64Array, l: Float64Array, logq?: Float64Array): void {
    this.xs.push(x);
    this.ls.push(l);
    this.qs.push(logq ?? new Float64Array(l.length).fill(NaN));
    this.n += l.length;
  }
  private cat(parts: Float64Array[], width: number): Float64Array {
    const out = new Float64Array(this.n * width);
    let k = 0;
    for (const a of parts) {
      out.set(a, k);
      k += a.length;
    }
    return out;
  }
  samples(): Samples {
    return { x: this.cat(this.xs, this.dim), n: this.n, dim: this.dim, logPdf: this.cat(this.ls, 1) };
  }
  /** log q_old of every point (NaN for prior points). */
  logProposal(): Float64Array {
    return this.cat(this.qs, 1);
  }
}
