/**
 * Scales: a data interval (domain) mapped linearly or logarithmically onto a pixel interval (range)
 * by d3-scale, with our ticks and labels (./ticks.ts: superscript decades, thinned wide log axes). Non-finite values (and non-positive ones on a log scale) map to NaN,
 * which the drawing code skips.
 */
import { extent as d3Extent } from 'd3-array';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { formatLinearTicks, formatLogTicks, linearTicks, logTicks } from './ticks.js';

/** Linear or base-10 logarithmic. */
export type ScaleType = 'linear' | 'log';

/** Ticks of a scale: major values with labels, minor values without. */
export interface ScaleTicks {
  values: number[];
  labels: string[];
  minor: number[];
}

/** A 1-D scale from domain [d0, d1] to pixels [r0, r1] (r0 > r1 for a y axis). */
export class Scale {

  private readonly d3: ScaleContinuousNumeric<number, number>;

  constructor(
    readonly type: ScaleType,
    readonly domain: readonly [number, number],
    readonly range: readonly [number, number],
  ) {
    this.d3 = (type === 'log' ? scaleLog() : scaleLinear()).domain([...domain]).range([...range]);
  }

  /** Pixel position of v (NaN when v cannot be shown). */
  map(v: number): number {
    if (!Number.isFinite(v) || (this.type === 'log' && !(v > 0))) return NaN;
    return this.d3(v);
  }

  /** True when v lies inside the domain (inclusive, with a small tolerance). */
  contains(v: number): boolean {
    const [d0, d1] = this.domain;
    const tol = this.type === 'log' ? 1e-9 * d1 : 1e-9 * (d1 - d0);
    return v >= d0 - tol && v <= d1 + tol;
  }

  /** Ticks inside the domain, about `target` of them. */
  ticks(target = 5): ScaleTicks {
    const [d0, d1] = this.domain;
    if (this.type === 'log') {
      const t = logTicks(d0, d1, target);
      return { values: t.major, labels: formatLogTicks(t.major, t.decades), minor: t.minor };
    }
    const t = linearTicks(d0, d1, target);
    return { values: t.ticks, labels: formatLinearTicks(t.ticks, t.step), minor: [] };
  }

  /** The same scale onto another pixel range. */
  withRange(range: readonly [number, number]): Scale {
    return new Scale(this.type, this.domain, range);
  }
}

/** Finite values (and > 0 for log) of several arrays. */
export function finiteValues(arrays: ReadonlyArray<ArrayLike<number>>, type: ScaleType = 'linear'): number[] {
  const out: number[] = [];
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (Number.isFinite(v) && (type === 'linear' || v > 0)) out.push(v);
    }
  }
  return out;
}

/**
 * A domain covering the finite values with a margin (fraction of the span, in log10 units on a log
 * scale); a single value gets a +-10% (or +-1) window; no values give [0, 1] ([1, 10] for log).
 */
export function paddedDomain(values: readonly number[], type: ScaleType, margin = 0.04): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (type === 'log' && !(v > 0))) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return type === 'log' ? [1, 10] : [0, 1];
  if (type === 'log') {
    let a = Math.log10(lo);
    let b = Math.log10(hi);
    if (b - a < 1e-12) { a -= 0.5; b += 0.5; }
    const pad = (b - a) * margin;
    return [Math.pow(10, a - pad), Math.pow(10, b + pad)];
  }
  if (hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) {
    const w = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - w, hi + w];
  }
  const pad = (hi - lo) * margin;
  return [lo - pad, hi + pad];
}

/** [min, max] of finite numbers (undefined when there are none); safe for large arrays. */
export function extent(values: ArrayLike<number>): [number, number] | undefined {
  const [lo, hi] = d3Extent(Array.prototype.filter.call(values, Number.isFinite) as number[]);
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}
