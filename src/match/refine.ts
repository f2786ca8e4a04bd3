/**
 * Sub-sample refinement of the match peak: the correlation has the exact analytic continuation
 *   z(x) = sum_{k in band} c_k exp(+2 pi i k x / N),  x real (lag in samples),
 * so the match over a continuous time shift is max_x |z(x)| / sqrt(tt ss). Around each of the
 * three largest grid values j (as the LAL test vectors' `match_refined`), f(x) = |z(x)|^2 is
 * maximised on [j - 1, j + 1] by safeguarded Newton steps on f'(x) = 0 (f', f'' from one direct
 * pass over the band each), started at the parabola through |z| at j - 1, j, j + 1; a step that
 * leaves the bracket or meets f'' >= 0 is replaced by bisection on the sign of f'. Converges to
 * ~1e-10 samples in 3-6 passes. The refined match is never below the grid match.
 */
import { correlateKernel, type MatchResult } from './match.js';
import type { MatchWorkspace } from './workspace.js';

interface PeakEval {
  f: number;
  df: number;
  d2f: number;
  re: number;
  im: number;
}

/** f = |z(x)|^2 and its first two derivatives in x, from ws.product (= conj c on the band). */
function evalPeak(ws: MatchWorkspace, x: number): PeakEval {
  const p = ws.product;
  const omega = (2 * Math.PI) / ws.fftLength;
  const theta = omega * x;
  const stepRe = Math.cos(theta), stepIm = Math.sin(theta);
  let zr = 0, zi = 0, z1r = 0, z1i = 0, z2r = 0, z2i = 0;
  for (let k0 = ws.kmin; k0 < ws.kmax; k0 += 512) {
    // exact phasor at the start of each block, then the recurrence p <- p e^{i theta}
    let pr = Math.cos(theta * k0), pi = Math.sin(theta * k0);
    const kEnd = Math.min(k0 + 512, ws.kmax);
    for (let k = k0; k < kEnd; k++) {
      const cr = p[2 * k], ci = -p[2 * k + 1];
      const ar = cr * pr - ci * pi, ai = cr * pi + ci * pr; // c_k e^{i theta k}
      const wk = omega * k;
      zr += ar;
      zi += ai;
      z1r -= wk * ai;
      z1i += wk * ar;
      z2r -= wk * wk * ar;
      z2i -= wk * wk * ai;
      const npr = pr * stepRe - pi * stepIm;
      pi = pr * stepIm + pi * stepRe;
      pr = npr;
    }
  }
  return {
    f: zr * zr + zi * zi,
    df: 2 * (zr * z1r + zi * z1i),
    d2f: 2 * (z1r * z1r + z1i * z1i + zr * z2r + zi * z2i),
    re: zr,
    im: zi,
  };
}

/**
 * Maximise f on [lo, hi] from x0 by safeguarded Newton steps on f'(x) = 0 (a step that leaves the
 * bracket or meets f'' >= 0 becomes bisection on the sign of f'); returns the best point seen.
 * Shared by the phase-maximised and the symphony refinements.
 */
export function newtonMaximise<E extends { f: number; df: number; d2f: number }>(evaluate: (x: number) => E, lo: number, hi: number, x0: number): { x: number; e: E } {
  let x = Math.min(Math.max(x0, lo), hi);
  let e = evaluate(x);
  let best = { x, e };
  for (let it = 0; it < 60; it++) {
    if (e.df > 0) lo = x;
    else hi = x;
    let next = x - e.df / e.d2f;
    if (!(e.d2f < 0) || !(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) < 1e-10 || hi - lo < 1e-10) break;
    x = next;
    e = evaluate(x);
    if (e.f > best.e.f) best = { x, e };
  }
  return best;
}

/** Maximise |z(x)|^2 on [j - 1, j + 1] from x0; returns the best point seen. */
function refineAround(ws: MatchWorkspace, j: number, x0: number): { x: number; e: PeakEval } {
  return newtonMaximise((x) => evalPeak(ws, x), j - 1, j + 1, x0);
}

/** |z_j|^2 on the grid (j taken modulo N) from the workspace's last correlation. */
function gridAbs2(ws: MatchWorkspace, j: number): number {
  const N = ws.fftLength;
  const [r, i] = ws.correlationAt(((j % N) + N) % N);
  return r * r + i * i;
}

/**
 * Refine the peak of the correlation currently held by the workspace (after correlateKernel) and
 * return the continuous-time match; `tt`, `ss` are the two band norms.
 */
export function refinedResult(ws: MatchWorkspace, tt: number, ss: number): MatchResult {
  const norm = Math.sqrt(tt * ss);
  if (!(norm > 0)) return { match: 0, timeShift: 0, phase: 0 };
  const N = ws.fftLength;
  const top = [-1, -1, -1];
  const val = [-1, -1, -1];
  for (let j = 0; j < N; j++) {
    const a = gridAbs2(ws, j);
    if (a > val[2]) {
      let q = 2;
      while (q > 0 && a > val[q - 1]) {
        val[q] = val[q - 1];
        top[q] = top[q - 1];
        q--;
      }
      val[q] = a;
      top[q] = j;
    }
  }
  let bestF = val[0], bestX = top[0];
  let [bestRe, bestIm] = ws.correlationAt(top[0]);
  for (const j of top) {
    if (j < 0) continue;
    const a = Math.sqrt(gridAbs2(ws, j - 1)), b = Math.sqrt(gridAbs2(ws, j)), c = Math.sqrt(gridAbs2(ws, j + 1));
    const den = a - 2 * b + c;
    const x0 = den < 0 ? j + (0.5 * (a - c)) / den : j;
    const r = refineAround(ws, j, x0);
    if (r.e.f > bestF) {
      bestF = r.e.f;
      bestX = r.x;
      bestRe = r.e.re;
      bestIm = r.e.im;
    }
  }
  return { match: Math.sqrt(bestF) / norm, timeShift: ws.lagToTime(bestX), phase: Math.atan2(bestIm, bestRe) };
}

/**
 * Match maximised over phase and a continuous time shift (sub-sample refinement, see module
 * comment); same conventions as `match`. Costs one FFT plus ~10-20 passes over the band.
 */
export function matchRefined(ws: MatchWorkspace, t: Float64Array, s: Float64Array): MatchResult {
  ws.checkSeries('template', t);
  ws.checkSeries('signal', s);
  const { tt, ss } = correlateKernel(ws, t, s);
  return refinedResult(ws, tt, ss);
}
