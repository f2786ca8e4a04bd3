/**
 * Scales: a data interval (domain) mapped linearly or logarithmically onto a pixel interval (range)
 * by d3-scale, with d3-scale's ticks; labels as a scientist reads them (decades as 10ⁿ, exponents for
 * huge or tiny linear values). Non-finite values (and non-positive ones on a log scale) map to NaN,
 * which the drawing code skips.
 */
import { extent as d3Extent } from 'd3-array';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';

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

  /**
   * Ticks inside the domain, about `target` of them (d3-scale). On a log axis d3 gives 1..9 x 10^k
   * over a few decades and blanks the labels it would crowd: the labelled ones are major (10ⁿ when
   * at least two decades show), the others minor. Linear labels take d3's decimals for the step, or
   * exponents ("2e5", "4e−4") for values >= 1e5 or steps below 1e-3 near zero.
   */
  ticks(target = 5): ScaleTicks {
    const values = this.d3.ticks(target);
    if (this.type === 'log') {
      const decades = values.filter(isPowerOfTen).length >= 2;
      const short = (v: number) => (decades ? (isPowerOfTen(v) ? formatPowerOfTen(v) : '') : shortNumber(v));
      const f = this.d3.tickFormat(target, short as unknown as string); // d3 takes a formatter function here
      const labels = values.map((v) => f(v));
      const major = values.filter((_, k) => labels[k] !== '');
      return { values: major, labels: labels.filter((l) => l !== ''), minor: values.filter((_, k) => labels[k] === '') };
    }
    const maxAbs = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const step = values.length > 1 ? values[1] - values[0] : 1;
    if (maxAbs >= 1e5 || (step < 1e-3 && maxAbs < 1e-2)) {
      const f = this.d3.tickFormat(target, '~e');
      return { values, labels: values.map((v) => (v === 0 ? '0' : f(v).replace('e+', 'e'))), minor: [] };
    }
    const f = this.d3.tickFormat(target);
    return { values, labels: values.map((v) => f(v).replace(/,/g, '')), minor: [] }; // 1000, not 1,000
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

const SUPERSCRIPT: Record<string, string> = {
  '0': '\u2070', '1': '\u00b9', '2': '\u00b2', '3': '\u00b3', '4': '\u2074', '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079', '-': '\u207b',
};

/** True when v is 10^k for an integer k (to 1e-9 in log10). */
export function isPowerOfTen(v: number): boolean {
  const k = Math.log10(v);
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/** "10⁻³"-style label of a power of ten (Unicode superscripts). */
export function formatPowerOfTen(v: number): string {
  return '10' + String(Math.round(Math.log10(v))).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** A tick value in short plain form (0.0005, 2, 300). */
export function shortNumber(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/**
 * Label of a log-axis tick among `all` ticks: 10ⁿ for powers of ten and nothing between them when at
 * least two decades show, else the plain number (Chart.js's own log labels read "1,000.0000").
 */
export function logTickLabel(v: number, all: readonly number[]): string {
  if (all.filter(isPowerOfTen).length >= 2) return isPowerOfTen(v) ? formatPowerOfTen(v) : '';
  return shortNumber(v);
}
