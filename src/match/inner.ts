/**
 * Noise-weighted inner products over the band of a MatchWorkspace (pycbc sigmasq, overlap_cplx):
 * <a|b> = 4 df sum_{k in [kmin, kmax)} conj(a_k) b_k / S_k, for interleaved complex series of n bins.
 */
import { MbankError } from '../core/errors.js';
import type { MatchWorkspace } from './workspace.js';

/** A complex number. */
export interface Complex {
  re: number;
  im: number;
}

/** <a|b> = 4 df sum_band conj(a_k) b_k / S_k (complex, strain^2 units of a, b times 1/Hz^-1). */
export function innerProduct(ws: MatchWorkspace, a: Float64Array, b: Float64Array): Complex {
  ws.checkSeries('a', a);
  ws.checkSeries('b', b);
  const w = ws.invPsd;
  let re = 0, im = 0;
  for (let k = ws.kmin, i = 0; k < ws.kmax; k++, i++) {
    const ar = a[2 * k], ai = a[2 * k + 1], br = b[2 * k], bi = b[2 * k + 1];
    re += w[i] * (ar * br + ai * bi);
    im += w[i] * (ar * bi - ai * br);
  }
  const c = 4 * ws.df;
  return { re: c * re, im: c * im };
}

/** sigma^2 = <h|h> = 4 df sum_band |h_k|^2 / S_k (pycbc sigmasq); sqrt is the optimal SNR. */
export function sigmaSq(ws: MatchWorkspace, h: Float64Array): number {
  ws.checkSeries('h', h);
  return 4 * ws.df * bandNormSq(ws, h);
}

/** sum_band |h_k|^2 / S_k (sigma^2 without 4 df); no length check (internal kernel). */
export function bandNormSq(ws: MatchWorkspace, h: Float64Array): number {
  const w = ws.invPsd;
  let s = 0;
  for (let k = ws.kmin, i = 0; k < ws.kmax; k++, i++) {
    const r = h[2 * k], m = h[2 * k + 1];
    s += w[i] * (r * r + m * m);
  }
  return s;
}

/** Normalised complex overlap <a|b>/sqrt(<a|a><b|b>) (pycbc overlap_cplx with normalized=True); 0 if a norm is 0. */
export function overlapComplex(ws: MatchWorkspace, a: Float64Array, b: Float64Array): Complex {
  const ab = innerProduct(ws, a, b);
  const norm = Math.sqrt(sigmaSq(ws, a) * sigmaSq(ws, b));
  if (!(norm > 0)) return { re: 0, im: 0 }; // a series that is zero over the band overlaps nothing
  return { re: ab.re / norm, im: ab.im / norm };
}

/** Overlap |<a|b>|/sqrt(<a|a><b|b>): maximised over a constant phase, not over time. */
export function overlap(ws: MatchWorkspace, a: Float64Array, b: Float64Array): number {
  const c = overlapComplex(ws, a, b);
  return Math.hypot(c.re, c.im);
}

/**
 * Copy of `h` scaled to unit norm, h / sqrt(sum_band |h_k|^2/S_k), for `matchNormalised`
 * (computed once per template when a template meets many signals).
 */
export function normaliseTemplate(ws: MatchWorkspace, h: Float64Array): Float64Array {
  ws.checkSeries('template', h);
  const s = bandNormSq(ws, h);
  if (!(s > 0)) throw new MbankError(`template: zero norm over the band [${ws.kmin * ws.df}, ${ws.kmax * ws.df}) Hz; a template must be non-zero there`);
  const out = new Float64Array(h.length);
  const c = 1 / Math.sqrt(s);
  for (let i = 0; i < h.length; i++) out[i] = c * h[i];
  return out;
}
