/**
 * Shared pieces of IMRPhenomXHM's multibanding (LAL's LALSimIMRPhenomXHM_multiband.c): the fine-grid frame,
 * the inspiral spacing coefficient, GSL-style linear interpolation of the coarse amplitude, and the loop that
 * carries exp(i phi) over the fine bins of each coarse interval (arXiv:2001.10897 eq. 2.32).
 */
import type { CoarseFrequencies } from './multiband-grid.js';
import { PI_POWERS } from './powers.js';
import { sinCosTable } from '../../core/sincos.js';

/** The fine grid of one mode: bins offset .. offset + count - 1, frequencies (M f) and exp(i phi). */
export interface FineGrid {
  count: number;
  freqs: Float64Array;
  expRe: Float64Array;
  expIm: Float64Array;
}

/** Per-waveform constants of the multibanding: fine spacing, first bin, end of the band, threshold. */
export interface MultibandFrame {
  evaldMf: number;
  offset: number;
  iStop: number;
  mfMin: number;
  mfMax: number;
  threshold: number;
}

/** LAL's dfcoefficient of the inspiral spacing criterion for azimuthal number m (eq. 2.9). */
export function dfCoefficient(emm: number, threshold: number, eta: number): number {
  return ((8 * Math.sqrt(3 / 5) * Math.PI * PI_POWERS.mOneSixth * Math.sqrt(2) * Math.cbrt(2)) / (Math.cbrt(emm) * emm)) * Math.sqrt(threshold * eta);
}

/** Linear interpolation of (xs, ys) at x (GSL's linear spline; x within [xs[0], xs[n-1]]), moving index hint in idx[0]. */
export function linearAt(xs: Float64Array, ys: Float64Array, n: number, x: number, idx: Int32Array): number {
  let i = idx[0];
  if (i > n - 2 || xs[i] > x) i = 0;
  while (i < n - 2 && xs[i + 1] <= x) i++;
  idx[0] = i;
  const xlo = xs[i];
  const d = (ys[i + 1] - ys[i]) / (xs[i + 1] - xlo);
  return ys[i] + (x - xlo) * d;
}

/** An upper bound on the number of fine bins fineLoop writes for coarse grids cf. */
export function fineLength(cf: CoarseFrequencies): number {
  let len = 2;
  for (const g of cf.grids) len += (g.length - 1) * g.intdfRatio + 2 * g.intdfRatio;
  return len;
}

/** interpolate's value at one x, `previous` being its value at the fine bin before. */
function interpolatedAt(xs: Float64Array, ys: Float64Array, x: number, previous: number): number {
  if (x < xs[0] || x > xs[xs.length - 1]) return previous;
  return linearAt(xs, ys, xs.length, x, new Int32Array(1));
}

/** Interpolate (xs, ys) at fine[from .. from + len) into out[0 .. len) (LAL's interpolateAmplitude). */
export function interpolate(xs: Float64Array, ys: Float64Array, fine: Float64Array, from: number, len: number, out: Float64Array): void {
  const n = xs.length;
  const idx = new Int32Array(1);
  for (let k = 0; k < len; k++) {
    const x = fine[from + k];
    if (x < xs[0] || x > xs[n - 1]) out[k] = k > 0 ? out[k - 1] : 0;
    else out[k] = linearAt(xs, ys, n, x, idx);
  }
}

/** Coarse frequencies in M f as LAL evaluates the model there (Mf -> Hz -> Mf), written to out. */
export function roundTrip(points: Float64Array, mSec: number, out: Float64Array): Float64Array {
  const divis = 1 / mSec;
  for (let i = 0; i < points.length; i++) out[i] = mSec * (points[i] * divis);
  return out;
}

/**
 * Growable Float64Array slots reused from call to call, so that the multibanded generateInto allocates nothing
 * of the grid's size; one call owns one Scratch at a time (ScratchPool).
 */
export class Scratch {
  private readonly slots = new Map<string, Float64Array>();

  /** The first `size` numbers of slot `name` (zeroed when `zero`, else left as the last call wrote them). */
  get(name: string, size: number, zero = false): Float64Array {
    let b = this.slots.get(name);
    if (b === undefined || b.length < size) {
      b = new Float64Array(Math.max(size, 2 * (b?.length ?? 0)));
      this.slots.set(name, b);
    }
    const v = b.subarray(0, size);
    if (zero) v.fill(0);
    return v;
  }
}

/**
 * The fine-grid loop over the coarse sub-grids (LAL's ratio rules and stop at Mfmax). `slot(j, out)` writes, for
 * coarse index j, its phase and slope to out[0], out[1]; `onStart` is told each coarse point before its fine bins.
 * With `amp` (values at the coarse points) the fine amplitudes are interpolated in the same pass into `fineAmp`
 * (the values and bits of interpolate(points, amp, freqs, 0, count, fineAmp)).
 */
export function fineLoop(
  cf: CoarseFrequencies, fr: MultibandFrame, scratch: Scratch, slot: (j: number, out: Float64Array) => void,
  onStart?: ((j: number, count: number, mfHere: number) => void) | null, amp?: Float64Array, fineAmp?: Float64Array,
): FineGrid {
  const { grids, points } = cf;
  const lenWF = fineLength(cf);
  const freqs = scratch.get('fine.freqs', lenWF);
  const expRe = scratch.get('fine.re', lenWF);
  const expIm = scratch.get('fine.im', lenWF);
  const dMf = fr.evaldMf;
  const po = scratch.get('fine.slot', 2);
  const cs = scratch.get('fine.sincos', 2);
  let count = 0;
  let processed = 0;
  let stop = false;
  for (let i = 0; i < grids.length && !stop; i++) {
    let lc = grids[i].length;
    if (lc === 0) break;
    if (i === grids.length - 1) lc--;
    for (let j = 0; j < lc && !stop; j++) {
      const mfHere = points[processed + j];
      const mfNext = points[processed + j + 1];
      let ratio = j === lc - 1 && i < grids.length - 1 ? grids[i + 1].intdfRatio : grids[i].intdfRatio;
      if (mfNext + dMf >= fr.mfMax) {
        const dratio = (fr.mfMax - mfHere) / dMf + 1;
        ratio = Math.trunc(dratio);
        const roundratio = Math.round((fr.mfMax - mfHere) / dMf) + 1;
        if (Math.abs(dratio - roundratio) < 0.0001) ratio = roundratio;
        stop = true;
      }
      onStart?.(processed + j, count, mfHere);
      const withAmp = amp !== undefined && fineAmp !== undefined;
      const jj = processed + j;
      const aHere = withAmp ? amp[jj] : 0;
      const slope = withAmp ? (amp[jj + 1] - aHere) / (mfNext - mfHere) : 0;
      slot(processed + j, po);
      const phi0 = po[0];
      const omega = po[1];
      let qRe = 1;
      let qIm = 0;
      if (ratio > 1) {
        sinCosTable(dMf * omega, cs);
        qRe = cs[0];
        qIm = cs[1];
      }
      sinCosTable(phi0, cs);
      let pr = cs[0];
      let pi = cs[1];
      freqs[count] = mfHere;
      expRe[count] = pr;
      expIm[count] = pi;
      if (withAmp) fineAmp[count] = aHere;
      count++;
      for (let kk = 1; kk < ratio; kk++) {
        const x = mfHere + dMf * kk;
        freqs[count] = x;
        const re = qRe * pr - qIm * pi;
        pi = qRe * pi + qIm * pr;
        pr = re;
        expRe[count] = pr;
        expIm[count] = pi;
        // past the next coarse point (only at Mfmax): interpolate's own search and clamp. Two stores, not one of a
        // conditional: that merged the line's double with the call's tagged result and boxed every fine amplitude
        // (0.16 MB of garbage per waveform)
        if (withAmp) {
          if (x < mfNext) fineAmp[count] = aHere + (x - mfHere) * slope;
          else fineAmp[count] = interpolatedAt(points, amp, x, fineAmp[count - 1]);
        }
        count++;
      }
    }
    processed += lc;
  }
  return { count, freqs, expRe, expIm };
}

/** Trim the fine grid to Mfmax and to the output length (LAL's two while loops). */
export function trimmed(fg: FineGrid, fr: MultibandFrame): number {
  let count = fg.count;
  while (fg.freqs[count - 1] > fr.mfMax) count--;
  while (count + fr.offset > fr.iStop) count--;
  return count;
}

/**
 * Free Scratch sets: a call acquires one (a new one when none is free) and releases it when done, so that
 * nested or interleaved calls never share arrays (the WaveformModel interface has no workspace argument),
 * while a sequence of calls reuses the same arrays and allocates nothing.
 */
export class ScratchPool {
  private readonly free: Scratch[] = [];

  /** A Scratch owned by the caller until release. */
  acquire(): Scratch {
    return this.free.pop() ?? new Scratch();
  }

  /** Give back a Scratch from acquire. */
  release(s: Scratch): void {
    this.free.push(s);
  }
}
