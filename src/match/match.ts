/**
 * Match maximised over phase and time (pycbc matchedfilter.py `match`, the LAL test vectors'
 * definition):
 *   z_j = sum_{k in [kmin, kmax)} conj(t_k) s_k / S_k exp(+2 pi i k j / N),  N = 2(n-1),
 *   match = max_j |z_j| / sqrt(sum |t_k|^2/S_k  sum |s_k|^2/S_k).
 * Since the band lies below N/2, the length-N transform splits exactly into two of length N/2
 * (one decimation-in-frequency step with a zero upper half):
 *   z_{2m} = conj FFT_{N/2}(conj c)_m,  z_{2m+1} = conj FFT_{N/2}(conj(c_k) e^{-2 pi i k/N})_m,
 * which is faster than one length-N FFT and needs no 1/N rescaling pass (forward transforms of
 * conj c). Every lag of pycbc's grid is computed; nothing is approximated.
 *
 * Conventions of the result (template t first, signal s second, as pycbc's match(template, data)):
 * - `timeShift` tau [s] = j dt wrapped to (-N/2, N/2] dt, dt = 1/(N df): the signal is best matched
 *   by the template delayed by tau, s(t) ~ A e^{i phase} t(t - tau), i.e. s_k ~ A e^{i phase}
 *   e^{-2 pi i f_k tau} t_k. The test vectors' `match_index` j (first = template) gives
 *   tau = j dt for j <= N/2 and (j - N) dt above.
 * - `phase` = arg z_j [rad], the phase by which the signal leads the shifted template.
 * If either series is zero over the band the match is 0 (nothing to correlate).
 */
import type { MatchWorkspace } from './workspace.js';

/** Result of every match function: the maximum, and where it is (time shift [s], phase [rad]). */
export interface MatchResult {
  /** Normalised match in [0, 1]. */
  match: number;
  /** Time shift tau [s] of the template that best fits the signal (see module comment for the sign). */
  timeShift: number;
  /** Phase [rad] of the signal relative to the shifted template. */
  phase: number;
}

/**
 * Fill ws.product with conj(c_k), c_k = conj(t_k) s_k / S_k on the band (zero elsewhere), and
 * ws.productOdd with conj(c_k) e^{-2 pi i k/N}; transform both (see the module comment) and return
 * sum |s|^2/S and, unless `tNormSq` is given, sum |t|^2/S. Internal kernel: no checks.
 */
export function correlateKernel(ws: MatchWorkspace, t: Float64Array, s: Float64Array, tNormSq?: number): { tt: number; ss: number } {
  const w = ws.invPsd;
  const tw = ws.twiddle;
  const a = ws.product;
  const b = ws.productOdd;
  let tt = 0, ss = 0;
  for (let k = ws.kmin, i = 0; k < ws.kmax; k++, i++) {
    const wi = w[i];
    const tr = t[2 * k], ti = t[2 * k + 1], sr = s[2 * k], si = s[2 * k + 1];
    const pr = wi * (tr * sr + ti * si);
    const pi = wi * (ti * sr - tr * si);
    a[2 * k] = pr;
    a[2 * k + 1] = pi;
    const cr = tw[2 * i], ci = tw[2 * i + 1];
    b[2 * k] = pr * cr - pi * ci;
    b[2 * k + 1] = pr * ci + pi * cr;
    tt += wi * (tr * tr + ti * ti);
    ss += wi * (sr * sr + si * si);
  }
  ws.halfFft.forward(ws.seriesEven, a);
  ws.halfFft.forward(ws.seriesOdd, b);
  return { tt: tNormSq ?? tt, ss };
}

/** Lag j of max |z_j|^2 over j = 0..N-1 (first one on ties), and that squared modulus. */
export function peakIndex(ws: MatchWorkspace): { j: number; abs2: number } {
  const e = ws.seriesEven;
  const o = ws.seriesOdd;
  const H = ws.fftLength / 2;
  let best = -1, jBest = 0;
  for (let m = 0; m < H; m++) {
    const er = e[2 * m], ei = e[2 * m + 1];
    const ea = er * er + ei * ei;
    if (ea > best) {
      best = ea;
      jBest = 2 * m;
    }
    const or = o[2 * m], oi = o[2 * m + 1];
    const oa = or * or + oi * oi;
    if (oa > best) {
      best = oa;
      jBest = 2 * m + 1;
    }
  }
  return { j: jBest, abs2: best };
}

function resultAt(ws: MatchWorkspace, tt: number, ss: number): MatchResult {
  const { j, abs2 } = peakIndex(ws);
  const norm = Math.sqrt(tt * ss);
  if (!(norm > 0)) return { match: 0, timeShift: 0, phase: 0 };
  const [re, im] = ws.correlationAt(j);
  return { match: Math.sqrt(abs2) / norm, timeShift: ws.lagToTime(j), phase: Math.atan2(im, re) };
}

/** Match of template `t` and signal `s` (interleaved complex, n bins) over phase and lag j (see module comment). */
export function match(ws: MatchWorkspace, t: Float64Array, s: Float64Array): MatchResult {
  ws.checkSeries('template', t);
  ws.checkSeries('signal', s);
  const { tt, ss } = correlateKernel(ws, t, s);
  return resultAt(ws, tt, ss);
}

/**
 * Match with a pre-normalised template tHat (sum_band |tHat_k|^2/S_k = 1, see normaliseTemplate):
 * the template norm is taken as exactly 1 (not recomputed), so a template normalised once can be
 * reused against many signals; otherwise identical to `match`.
 */
export function matchNormalised(ws: MatchWorkspace, tHat: Float64Array, s: Float64Array): MatchResult {
  ws.checkSeries('template', tHat);
  ws.checkSeries('signal', s);
  const { tt, ss } = correlateKernel(ws, tHat, s, 1);
  return resultAt(ws, tt, ss);
}

/**
 * The correlation series z_j = sum_band conj(t_k) s_k / S_k exp(+2 pi i k j / N), j = 0..N-1
 * (interleaved complex, length 2N, unnormalised: no 4 df, no norms), as defined above.
 */
export function correlation(ws: MatchWorkspace, t: Float64Array, s: Float64Array): Float64Array {
  ws.checkSeries('template', t);
  ws.checkSeries('signal', s);
  correlateKernel(ws, t, s);
  const out = new Float64Array(2 * ws.fftLength);
  for (let j = 0; j < ws.fftLength; j++) {
    const [re, im] = ws.correlationAt(j);
    out[2 * j] = re;
    out[2 * j + 1] = im;
  }
  return out;
}
