import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { bandIndices } from '../../src/match/band.js';
import { innerProduct, normaliseTemplate, overlap, sigmaSq } from '../../src/match/inner.js';
import { correlation, match, matchNormalised } from '../../src/match/match.js';
import { matchRefined } from '../../src/match/refine.js';
import { MatchWorkspace } from '../../src/match/workspace.js';
import { chirp, shift, toyPsd } from './chirp.js';

const n = 4097, df = 0.25; // 0 .. 1024 Hz, N = 8192, dt = 1/2048 s
const psd = toyPsd(n, df);
const ws = new MatchWorkspace({ psd, df, fLowHz: 15, fHighHz: 1024 });
const h = chirp(n, df, 8.7, 15, 600);

describe('band indices', () => {
  it('are pycbc half-open [floor(fLow/df), min(floor(fHigh/df), n-1))', () => {
    expect(bandIndices(0.0625, 16385, 20, 1024)).toEqual({ kmin: 320, kmax: 16384 }); // bins 320..16383, Nyquist 16384 excluded
    expect(bandIndices(0.25, 4097, 15.3, 1000.1)).toEqual({ kmin: 61, kmax: 4000 });
    expect(bandIndices(0.25, 4097, 15, 5000)).toEqual({ kmin: 60, kmax: 4096 });
    expect(() => bandIndices(0.25, 4097, 30, 20)).toThrow(/fHigh/);
  });

  it('exclude the bin at kmax and include the bin at kmin', () => {
    const e = (k: number) => {
      const v = new Float64Array(2 * n);
      v[2 * k] = 1;
      return v;
    };
    expect(sigmaSq(ws, e(ws.kmax))).toBe(0);
    expect(sigmaSq(ws, e(ws.kmin))).toBeCloseTo((4 * df) / psd[ws.kmin], 20);
    expect(sigmaSq(ws, e(ws.kmin - 1))).toBe(0);
  });
});

describe('inner products', () => {
  it('sigmaSq is 4 df sum |h|^2/S over the band and equals Re <h|h>', () => {
    let direct = 0;
    for (let k = ws.kmin; k < ws.kmax; k++) direct += (h[2 * k] ** 2 + h[2 * k + 1] ** 2) / psd[k];
    expect(sigmaSq(ws, h) / (4 * df * direct)).toBeCloseTo(1, 13);
    const hh = innerProduct(ws, h, h);
    expect(hh.re).toBeCloseTo(sigmaSq(ws, h), 5);
    expect(Math.abs(hh.im) / hh.re).toBeLessThan(1e-14);
  });

  it('bins with PSD = Infinity are excluded from every inner product', () => {
    const p2 = psd.slice();
    for (let k = 1000; k < 1200; k++) p2[k] = Infinity;
    const ws2 = new MatchWorkspace({ psd: p2, df, fLowHz: 15, fHighHz: 1024 });
    const g = h.slice();
    for (let k = 1000; k < 1200; k++) g[2 * k] = g[2 * k + 1] = 1e9; // garbage where excluded
    expect(sigmaSq(ws2, g)).toBe(sigmaSq(ws2, h));
  });
});

describe('match', () => {
  it('match(h, h) = 1 with zero time shift and phase', () => {
    const r = match(ws, h, h);
    expect(r.match).toBeCloseTo(1, 13);
    expect(r.timeShift).toBe(0);
    expect(Math.abs(r.phase)).toBeLessThan(1e-12);
  });

  it('recovers a known cyclic time shift (both signs) and phase', () => {
    for (const [lag, phase] of [[37, 1.3], [-250, -2.2], [0, 3.0]] as const) {
      const tau = lag * ws.dt;
      const s = shift(h, df, tau, phase);
      const r = match(ws, h, s);
      expect(r.match).toBeCloseTo(1, 12);
      expect(r.timeShift).toBeCloseTo(tau, 14);
      expect(Math.cos(r.phase - phase)).toBeCloseTo(1, 12);
      // the swapped roles give the opposite shift and phase
      const back = match(ws, s, h);
      expect(back.timeShift).toBeCloseTo(-tau, 14);
      expect(Math.cos(back.phase + phase)).toBeCloseTo(1, 12);
    }
  });

  it('is invariant under amplitude scaling of either series', () => {
    const s = chirp(n, df, 8.9, 15, 600, 0.01, 0.4);
    const a = match(ws, h, s).match;
    const scaled = s.map((x) => 3.7e-21 * x);
    expect(match(ws, h, scaled).match).toBeCloseTo(a, 13);
  });

  it('overlap <= match for pairs of different chirps, and both lie in [0, 1]', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 6; i++) {
      const s = chirp(n, df, 8.7 + 0.3 * rng.normal(), 15, 600, 0.05 * rng.normal(), rng.uniformIn(0, 6));
      const m = match(ws, h, s).match;
      const o = overlap(ws, h, s);
      expect(o).toBeLessThanOrEqual(m + 1e-12); // equal up to rounding when the peak is at lag 0
      expect(m).toBeLessThanOrEqual(1 + 1e-12);
      expect(o).toBeGreaterThanOrEqual(0);
    }
  });

  it('the pre-normalised variant gives the same match, shift and phase', () => {
    const s = chirp(n, df, 8.75, 15, 600, 0.003, 1.0);
    const a = match(ws, h, s);
    const b = matchNormalised(ws, normaliseTemplate(ws, h), s);
    expect(b.match).toBeCloseTo(a.match, 13);
    expect(b.timeShift).toBe(a.timeShift);
    expect(b.phase).toBeCloseTo(a.phase, 12);
  });

  it('the FFT correlation equals the direct sum conj(t) s / S exp(+2 pi i k j / N) at every lag', () => {
    const m = 257, d = 4; // 0..1024 Hz, N = 512
    const p = toyPsd(m, d);
    const w = new MatchWorkspace({ psd: p, df: d, fLowHz: 15, fHighHz: 1000 });
    const t = chirp(m, d, 3, 15, 900);
    const s = chirp(m, d, 3.05, 15, 900, 0.002, 0.7);
    const z = correlation(w, t, s);
    const N = w.fftLength;
    expect(N).toBe(512);
    let worst = 0, scale = 0;
    for (let j = 0; j < N; j++) {
      let re = 0, im = 0;
      for (let k = w.kmin; k < w.kmax; k++) {
        const cr = (t[2 * k] * s[2 * k] + t[2 * k + 1] * s[2 * k + 1]) / p[k];
        const ci = (t[2 * k] * s[2 * k + 1] - t[2 * k + 1] * s[2 * k]) / p[k];
        const a = (2 * Math.PI * k * j) / N;
        re += cr * Math.cos(a) - ci * Math.sin(a);
        im += cr * Math.sin(a) + ci * Math.cos(a);
      }
      worst = Math.max(worst, Math.hypot(z[2 * j] - re, z[2 * j + 1] - im));
      scale = Math.max(scale, Math.hypot(re, im));
    }
    expect(worst / scale).toBeLessThan(1e-12);
    // and match is the maximum of that series over the norms
    let best = 0;
    for (let j = 0; j < N; j++) best = Math.max(best, Math.hypot(z[2 * j], z[2 * j + 1]));
    expect(match(w, t, s).match).toBeCloseTo(best / Math.sqrt(sigmaSq(w, t) * sigmaSq(w, s) / (4 * d) ** 2), 13);
  });

  it('uses a finer power-of-two lag grid when 2(n-1) is not a power of two, still recovering shift and phase', () => {
    const m = 3001, d = 0.25;
    const w = new MatchWorkspace({ psd: toyPsd(m, d), df: d, fLowHz: 15, fHighHz: 700 });
    expect(w.fftLength).toBe(8192);
    const t = chirp(m, d, 8.7, 15, 600);
    const tau = -91 * w.dt;
    const r = match(w, t, shift(t, d, tau, 0.9));
    expect(r.match).toBeCloseTo(1, 12);
    expect(r.timeShift).toBeCloseTo(tau, 14);
    expect(Math.cos(r.phase - 0.9)).toBeCloseTo(1, 12);
  });

  it('rejects a PSD with NaN or negative values in the band, and treats PSD = 0 as excluded', () => {
    const bad = psd.slice();
    bad[500] = NaN;
    expect(() => new MatchWorkspace({ psd: bad, df, fLowHz: 15, fHighHz: 1024 })).toThrow(/psd\[500\]/);
    bad[500] = -1;
    expect(() => new MatchWorkspace({ psd: bad, df, fLowHz: 15, fHighHz: 1024 })).toThrow(/psd\[500\]/);
    bad[500] = 0;
    const w = new MatchWorkspace({ psd: bad, df, fLowHz: 15, fHighHz: 1024 });
    expect(w.invPsd[500 - w.kmin]).toBe(0);
    expect(() => new MatchWorkspace({ psd: new Float64Array(n).fill(Infinity), df, fLowHz: 15, fHighHz: 1024 })).toThrow(/no usable bin/);
  });

  it('rejects series of the wrong length', () => {
    expect(() => match(ws, h, new Float64Array(10))).toThrow(/signal length/);
  });
});

describe('sub-sample refinement', () => {
  it('recovers a time shift between samples and a match of 1 where the grid match is lower', () => {
    for (const frac of [0.5, 0.27, -0.81]) {
      const tau = (12 + frac) * ws.dt;
      const s = shift(h, df, tau, 0.6);
      const grid = match(ws, h, s);
      const r = matchRefined(ws, h, s);
      expect(grid.match).toBeLessThan(1 - 1e-4);
      expect(r.match).toBeCloseTo(1, 10);
      expect(r.timeShift / ws.dt).toBeCloseTo(tau / ws.dt, 7);
      expect(Math.cos(r.phase - 0.6)).toBeCloseTo(1, 10);
    }
  });

  it('is never below the grid match and agrees with a dense scan of the direct sum', () => {
    const s = chirp(n, df, 8.8, 15, 600, 0.0123, 2.0);
    const grid = match(ws, h, s);
    const r = matchRefined(ws, h, s);
    expect(r.match).toBeGreaterThanOrEqual(grid.match);
    // dense scan of |z(x)| near the refined lag
    const x0 = r.timeShift / ws.dt;
    const norm = Math.sqrt((sigmaSq(ws, h) * sigmaSq(ws, s)) / (4 * df) ** 2);
    let dense = 0;
    for (let i = -50; i <= 50; i++) {
      const x = x0 + i * 0.002;
      let re = 0, im = 0;
      for (let k = ws.kmin; k < ws.kmax; k++) {
        const cr = (h[2 * k] * s[2 * k] + h[2 * k + 1] * s[2 * k + 1]) / psd[k];
        const ci = (h[2 * k] * s[2 * k + 1] - h[2 * k + 1] * s[2 * k]) / psd[k];
        const a = (2 * Math.PI * k * x) / ws.fftLength;
        re += cr * Math.cos(a) - ci * Math.sin(a);
        im += cr * Math.sin(a) + ci * Math.cos(a);
      }
      dense = Math.max(dense, Math.hypot(re, im) / norm);
    }
    expect(r.match).toBeGreaterThanOrEqual(dense - 1e-12);
    expect(r.match - dense).toBeLessThan(1e-6);
  });
});
