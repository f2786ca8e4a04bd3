import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { match } from '../../src/match/match.js';
import { combinePolarizations, symphonyMatch } from '../../src/match/symphony.js';
import { MatchWorkspace } from '../../src/match/workspace.js';
import { chirp, precessingLikePair, shift, toyPsd } from './chirp.js';

const n = 4097, df = 0.25;
const ws = new MatchWorkspace({ psd: toyPsd(n, df), df, fLowHz: 15, fHighHz: 1024 });
/** hx = -0.6 i a + 0.35 b: not proportional to h+ (a precessing-like template). */
const { hp, hc, a, b } = precessingLikePair(n, df);

describe('symphony match', () => {
  it('is 1 for a signal that is any real combination of the template polarisations', () => {
    const rng = new Rng(4);
    for (let i = 0; i < 8; i++) {
      const psi = rng.uniformIn(0, Math.PI);
      const fp = Math.cos(2 * psi) * rng.uniformIn(0.1, 1), fc = Math.sin(2 * psi) * rng.uniformIn(0.1, 1);
      const s = combinePolarizations(hp, hc, fp, fc);
      const r = symphonyMatch(ws, hp, hc, s);
      expect(r.match).toBeCloseTo(1, 11);
      expect(r.timeShift).toBe(0);
    }
    expect(symphonyMatch(ws, hp, hc, hc).match).toBeCloseTo(1, 11);
    expect(symphonyMatch(ws, hp, hc, hp).match).toBeCloseTo(1, 11);
  });

  it('recovers the time shift of a delayed signal', () => {
    const tau = 17 * ws.dt;
    const s = shift(combinePolarizations(hp, hc, 0.3, -0.8), df, tau, 0);
    const r = symphonyMatch(ws, hp, hc, s);
    expect(r.match).toBeCloseTo(1, 11);
    expect(r.timeShift).toBeCloseTo(tau, 14);
  });

  it('equals the phase-maximised match when hx = -i c h+ (22-only aligned-spin templates)', () => {
    const c = 2 * Math.cos(0.7) / (1 + Math.cos(0.7) ** 2);
    const hc22 = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      hc22[2 * k] = c * a[2 * k + 1];
      hc22[2 * k + 1] = -c * a[2 * k];
    }
    for (const s of [b, chirp(n, df, 8.65, 15, 600, -0.02, 2)]) {
      const sym = symphonyMatch(ws, a, hc22, s);
      const std = match(ws, a, s);
      expect(sym.match).toBeCloseTo(std.match, 12);
      expect(sym.timeShift).toBe(std.timeShift);
      // the best template cos(psi) h+^ + sin(psi) h_perp^ = e^{-i psi} h+^ carries phase -psi
      expect(Math.cos(sym.phase + std.phase)).toBeCloseTo(1, 9);
    }
  });

  it('never exceeds 1 and is at least the match of h+ alone with its best real sign', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 4; i++) {
      const s = chirp(n, df, 8.7 + 0.5 * rng.uniform(), 15, 600, 0.01 * rng.normal(), rng.uniformIn(0, 6));
      const r = symphonyMatch(ws, hp, hc, s);
      const plusOnly = symphonyMatch(ws, hp, new Float64Array(2 * n), s);
      expect(r.match).toBeLessThanOrEqual(1 + 1e-12);
      expect(r.match).toBeGreaterThanOrEqual(plusOnly.match - 1e-12);
      // with hx = 0 the template is the real h+ only: never above the phase-maximised match
      expect(plusOnly.match).toBeLessThanOrEqual(match(ws, hp, s).match + 1e-12);
    }
  });

  it('equals a direct evaluation of Eq. 13 at every lag (including the DC bin when fLow = 0)', () => {
    const m = 257, d = 4, N = 512;
    const psd = new Float64Array(m).map((_, k) => 1 + ((k * d) / 300) ** 2); // finite at DC
    const w = new MatchWorkspace({ psd, df: d, fLowHz: 0, fHighHz: 1000 });
    expect(w.kmin).toBe(0);
    const rng = new Rng(21);
    const rnd = () => Float64Array.from(rng.normals(2 * m));
    const tp = rnd(), tc = rnd(), sig = rnd();
    const real = (x: Float64Array, y: Float64Array, lag: number) => {
      let acc = 0; // Re sum conj(x_k) y_k / S_k e^{+2 pi i k lag / N} over [kmin, kmax)
      for (let k = w.kmin; k < w.kmax; k++) {
        const cr = (x[2 * k] * y[2 * k] + x[2 * k + 1] * y[2 * k + 1]) / psd[k];
        const ci = (x[2 * k] * y[2 * k + 1] - x[2 * k + 1] * y[2 * k]) / psd[k];
        const a = (2 * Math.PI * k * lag) / N;
        acc += cr * Math.cos(a) - ci * Math.sin(a);
      }
      return acc;
    };
    const np = Math.sqrt(real(tp, tp, 0) * real(sig, sig, 0)), nc = Math.sqrt(real(tc, tc, 0) * real(sig, sig, 0));
    const c = real(tp, tc, 0) / Math.sqrt(real(tp, tp, 0) * real(tc, tc, 0));
    let best = 0, jBest = 0;
    for (let j = 0; j < N; j++) {
      const rp = real(tp, sig, j) / np, rc = real(tc, sig, j) / nc;
      const r = Math.sqrt((rp * rp + rc * rc - 2 * c * rp * rc) / (1 - c * c));
      if (r > best) {
        best = r;
        jBest = j;
      }
    }
    const r = symphonyMatch(w, tp, tc, sig);
    expect(r.match).toBeCloseTo(best, 12);
    expect(r.timeShift).toBeCloseTo(w.lagToTime(jBest), 14);
  });
});
