/** Synthetic test signals for the match tests: 0PN stationary-phase chirps on f_k = k df. */
import { MTSUN_SI } from '../../src/core/constants.js';

/**
 * h_k = f^{-7/6} exp(-i Psi(f)), Psi = 2 pi f tc - phic - pi/4 + 3/128 (pi Mc f)^{-5/3}, for
 * fLow <= f <= fCut (zero elsewhere); Mc = chirp mass [solar masses].
 */
export function chirp(n: number, df: number, mcSun: number, fLow: number, fCut: number, tc = 0, phic = 0): Float64Array {
  const h = new Float64Array(2 * n);
  const mc = mcSun * MTSUN_SI;
  for (let k = 0; k < n; k++) {
    const f = k * df;
    if (f < fLow || f > fCut) continue;
    const psi = 2 * Math.PI * f * tc - phic - Math.PI / 4 + (3 / 128) * Math.pow(Math.PI * mc * f, -5 / 3);
    const a = Math.pow(f, -7 / 6);
    h[2 * k] = a * Math.cos(psi);
    h[2 * k + 1] = -a * Math.sin(psi);
  }
  return h;
}

/** s_k = h_k e^{i phase} e^{-2 pi i f_k tau}: h delayed by tau [s] and rotated by phase [rad]. */
export function shift(h: Float64Array, df: number, tau: number, phase: number): Float64Array {
  const out = new Float64Array(h.length);
  for (let k = 0; k < h.length / 2; k++) {
    const a = phase - 2 * Math.PI * k * df * tau;
    const c = Math.cos(a), s = Math.sin(a);
    out[2 * k] = h[2 * k] * c - h[2 * k + 1] * s;
    out[2 * k + 1] = h[2 * k] * s + h[2 * k + 1] * c;
  }
  return out;
}

/** A simple analytic-shaped PSD on the grid: S = (f/100)^-4 + 2 + (f/100)^2 (arbitrary units), DC excluded. */
export function toyPsd(n: number, df: number): Float64Array {
  const s = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const x = (k * df) / 100;
    s[k] = k === 0 ? Infinity : Math.pow(x, -4) + 2 + x * x;
  }
  return s;
}

/**
 * A precessing-like template pair on n bins of df: h+ = a, hx = -0.6 i a + 0.35 b with a, b chirps
 * of chirp mass 8.7 and 9.4 (hx is not proportional to h+, so the symphony match differs from the
 * phase-maximised one). Also returns b.
 */
export function precessingLikePair(n: number, df: number): { hp: Float64Array; hc: Float64Array; a: Float64Array; b: Float64Array } {
  const a = chirp(n, df, 8.7, 15, 600);
  const b = chirp(n, df, 9.4, 15, 600, 0.004, 0.9);
  const hc = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    hc[2 * k] = 0.6 * a[2 * k + 1] + 0.35 * b[2 * k];
    hc[2 * k + 1] = -0.6 * a[2 * k] + 0.35 * b[2 * k + 1];
  }
  return { hp: a, hc, a, b };
}
