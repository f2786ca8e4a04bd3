/**
 * Symphony match over a continuous time shift. The grid symphony match (./symphony.ts) only sees
 * lags j dt, dt = 1/(N df) (0.49 ms at f_max = 1024 Hz), and the symphony statistic has no phase
 * freedom to absorb a sub-sample shift: half a sample costs up to ~1% of match for a 100 Hz signal,
 * a third of a 0.97 bank's budget (mbank has the same bias: no interpolation, coarser grid).
 *
 * Both correlations continue analytically off the grid:
 *   z+(x) = sum_{k in band} conj(h+_k) s_k / S_k e^{+2 pi i k x / N},  zx(x) likewise with hx,
 * rho+(x) = Re z+(x) / sqrt((h+|h+)(s|s)), rhox(x) = Re zx(x) / sqrt((hx|hx)(s|s)), and
 *   r^2(x) = (rho+^2 + rhox^2 - 2 c rho+ rhox) / (1 - c^2),   c = (h+^|hx^),
 * equals the grid statistic at integer x. r^2 is maximised around the grid peak by safeguarded
 * Newton steps on d r^2/dx = 0 (first and second derivatives from one pass over the band each,
 * as ./refine.ts does for the phase-maximised match), bracketed in [j - 1, j + 1] and falling back
 * to bisection; the result is never below the grid match.
 */
import { bandNormSq } from './inner.js';
import type { MatchResult } from './match.js';
import { newtonMaximise } from './refine.js';
import { symphonyMatch } from './symphony.js';
import type { MatchWorkspace } from './workspace.js';

interface SymphonyEval {
  /** r^2 and its first two derivatives in x (lag in samples). */
  f: number;
  df: number;
  d2f: number;
  /** Normalised rho+ and rhox at x. */
  rp: number;
  rc: number;
}

interface Norms {
  np: number;
  nc: number;
  c: number;
}

/** r^2(x) and derivatives, one pass over the band (phasor recurrence re-anchored every 512 bins). */
function evalSymphony(ws: MatchWorkspace, hp: Float64Array, hc: Float64Array, s: Float64Array, n: Norms, x: number): SymphonyEval {
  const w = ws.invPsd;
  const omega = (2 * Math.PI) / ws.fftLength;
  const theta = omega * x;
  const stepRe = Math.cos(theta), stepIm = Math.sin(theta);
  let p0 = 0, p1 = 0, p2 = 0, c0 = 0, c1 = 0, c2 = 0; // Re of z, z', z'' for + and x
  for (let k0 = ws.kmin; k0 < ws.kmax; k0 += 512) {
    let er = Math.cos(theta * k0), ei = Math.sin(theta * k0);
    const kEnd = Math.min(k0 + 512, ws.kmax);
    for (let k = k0; k < kEnd; k++) {
      const wi = w[k - ws.kmin];
      const pr = hp[2 * k], pim = hp[2 * k + 1], cr = hc[2 * k], ci = hc[2 * k + 1], sr = s[2 * k], si = s[2 * k + 1];
      // conj(h) s / S = (a, b) for h+, (g, h) for hx
      const a = wi * (pr * sr + pim * si), b = wi * (pr * si - pim * sr);
      const g = wi * (cr * sr + ci * si), h = wi * (cr * si - ci * sr);
      const wk = omega * k;
      // Re[(a + i b) e^{i theta k}] and its x-derivatives: d/dx brings i wk
      const reP = a * er - b * ei, imP = a * ei + b * er;
      const reC = g * er - h * ei, imC = g * ei + h * er;
      p0 += reP;
      p1 -= wk * imP;
      p2 -= wk * wk * reP;
      c0 += reC;
      c1 -= wk * imC;
      c2 -= wk * wk * reC;
      const ner = er * stepRe - ei * stepIm;
      ei = er * stepIm + ei * stepRe;
      er = ner;
    }
  }
  const P = p0 * n.np, P1 = p1 * n.np, P2 = p2 * n.np;
  const X = c0 * n.nc, X1 = c1 * n.nc, X2 = c2 * n.nc;
  const inv = 1 / (1 - n.c * n.c);
  return {
    f: (P * P + X * X - 2 * n.c * P * X) * inv,
    df: 2 * (P * P1 + X * X1 - n.c * (P1 * X + P * X1)) * inv,
    d2f: 2 * (P1 * P1 + P * P2 + X1 * X1 + X * X2 - n.c * (P2 * X + 2 * P1 * X1 + P * X2)) * inv,
    rp: P,
    rc: X,
  };
}

/**
 * Symphony match of template (hp, hc) against signal s maximised over a continuous time shift; same
 * conventions and result fields as {@link symphonyMatch} (timeShift in seconds, phase = the angle of
 * the best template in the (h+^, h_perp^) basis). Costs the grid match plus ~5-15 passes over the band.
 */
export function symphonyMatchRefined(ws: MatchWorkspace, hp: Float64Array, hc: Float64Array, s: Float64Array): MatchResult {
  return symphonyRefineFrom(ws, hp, hc, s, symphonyMatch(ws, hp, hc, s));
}

/** The refinement of {@link symphonyMatchRefined} from the grid result `grid` of symphonyMatch(ws, hp, hc, s) (no second FFT). */
export function symphonyRefineFrom(ws: MatchWorkspace, hp: Float64Array, hc: Float64Array, s: Float64Array, grid: MatchResult): MatchResult {
  if (!(grid.match > 0)) return grid;
  const pp = bandNormSq(ws, hp), cc = bandNormSq(ws, hc), ss = bandNormSq(ws, s);
  let pc = 0;
  for (let k = ws.kmin; k < ws.kmax; k++) pc += ws.invPsd[k - ws.kmin] * (hp[2 * k] * hc[2 * k] + hp[2 * k + 1] * hc[2 * k + 1]);
  const useCross = cc > 0 && Math.abs(pc / Math.sqrt(pp * cc)) < 1 - 1e-12;
  const n: Norms = {
    np: 1 / Math.sqrt(ss * pp),
    nc: useCross ? 1 / Math.sqrt(ss * cc) : 0,
    c: useCross ? pc / Math.sqrt(pp * cc) : 0,
  };
  const j = Math.round(grid.timeShift / ws.dt);
  const fm = evalSymphony(ws, hp, hc, s, n, j - 1).f, f0 = evalSymphony(ws, hp, hc, s, n, j).f, fp = evalSymphony(ws, hp, hc, s, n, j + 1).f;
  const den = fm - 2 * f0 + fp;
  const x0 = den < 0 ? j + (0.5 * (fm - fp)) / den : j;
  const best = newtonMaximise((x) => evalSymphony(ws, hp, hc, s, n, x), j - 1, j + 1, x0);
  const m = Math.sqrt(Math.max(best.e.f, 0));
  if (!(m > grid.match)) return grid;
  const perp = useCross ? (best.e.rc - n.c * best.e.rp) / Math.sqrt(1 - n.c * n.c) : 0;
  return { match: m, timeShift: best.x * ws.dt, phase: Math.atan2(perp, best.e.rp) };
}
