/**
 * Symphony match (Harry, Calderon Bustillo & Nitz, arXiv:1709.09181 Eq. 13; mbank
 * metric.py WF_symphony_match): the template is the real 2-plane spanned by its polarisations
 * h+, hx (a sky location / polarisation angle picks a real combination), the signal s is any
 * series (e.g. F+ h+ + Fx hx of the source). With unit-normalised hats and real inner products
 * (a|b) = Re <a|b>:
 *   rho+(tau) = (s^|h+^)(tau), rhox(tau) = (s^|hx^)(tau), c = (h+^|hx^),
 *   match = max_tau sqrt[(rho+^2 + rhox^2 - 2 c rho+ rhox) / (1 - c^2)].
 * Both time series come from ONE complex transform of length N = 2(n-1) (done as one
 * decimation-in-frequency step and two FFTs of N/2): rho+ and rhox are the real parts of two
 * positive-frequency correlations, i.e. the inverse FFTs of their Hermitian extensions, packed
 * as real and imaginary part of one transform. Unlike mbank (no padding,
 * time grid 1/(n df)) the lag grid is pycbc's dt = 1/(N df), consistent with `match`.
 *
 * The result's `phase` psi is the angle of the best template in the orthonormal basis
 * (h+^, h_perp^), h_perp^ = (hx^ - c h+^)/sqrt(1 - c^2): the best template is
 * cos(psi) h+^ + sin(psi) h_perp^ (for 22-only models, where hx^ = -i h+^, that is e^{-i psi} h+^).
 * If hx is zero or parallel to h+ over the band (|c| > 1 - 1e-12) only h+ is used.
 */
import { bandNormSq } from './inner.js';
import type { MatchResult } from './match.js';
import type { MatchWorkspace } from './workspace.js';

/** s = fPlus h+ + fCross hx (detector response with antenna factors), interleaved complex. */
export function combinePolarizations(hp: Float64Array, hc: Float64Array, fPlus: number, fCross: number): Float64Array {
  const out = new Float64Array(hp.length);
  for (let i = 0; i < hp.length; i++) out[i] = fPlus * hp[i] + fCross * hc[i];
  return out;
}

/**
 * Symphony match of a template given by (hp, hc) against signal s, maximised over time (lag grid
 * dt = 1/(N df)) and over the template's real polarisation combination; see module comment.
 */
export function symphonyMatch(ws: MatchWorkspace, hp: Float64Array, hc: Float64Array, s: Float64Array): MatchResult {
  ws.checkSeries('template hp', hp);
  ws.checkSeries('template hc', hc);
  ws.checkSeries('signal', s);
  const w = ws.invPsd;
  const tw = ws.twiddle;
  const H = ws.fftLength / 2;
  const { u, v, even, odd } = ws.symphonyBuffers();
  u.fill(0);
  v.fill(0);
  const pp = bandNormSq(ws, hp);
  const cc = bandNormSq(ws, hc);
  const ss = bandNormSq(ws, s);
  if (!(pp > 0) || !(ss > 0)) return { match: 0, timeShift: 0, phase: 0 };
  let pc = 0;
  for (let k = ws.kmin, i = 0; k < ws.kmax; k++, i++) {
    const wi = w[i];
    const pr = hp[2 * k], pim = hp[2 * k + 1], cr = hc[2 * k], ci = hc[2 * k + 1], sr = s[2 * k], si = s[2 * k + 1];
    pc += wi * (pr * cr + pim * ci);
    // B+ = conj(hp) s / S = (a, b), Bx = conj(hc) s / S = (c, d)
    const a = wi * (pr * sr + pim * si), b = wi * (pr * si - pim * sr);
    const c = wi * (cr * sr + ci * si), d = wi * (cr * si - ci * sr);
    const xr = tw[2 * i], xi = tw[2 * i + 1]; // e^{-2 pi i k/N}
    if (k === 0) {
      u[0] += a; // G_0 = Re B+ + i Re Bx, conjugated
      u[1] -= c;
      v[0] += a;
      v[1] -= c;
      continue;
    }
    // conj G at k: ((a - d), -(b + c))/2; at N - k = H + (H - k): ((a + d), (b - c))/2.
    // DIF split: u_q = g_q + g_{q+H}, v_q = (g_q - g_{q+H}) e^{-2 pi i q/N}, e^{-2 pi i (H-k)/N} = -conj(e^{-2 pi i k/N}).
    const lr = 0.5 * (a - d), li = -0.5 * (b + c);
    const hr = 0.5 * (a + d), hi = 0.5 * (b - c);
    u[2 * k] += lr;
    u[2 * k + 1] += li;
    v[2 * k] += lr * xr - li * xi;
    v[2 * k + 1] += lr * xi + li * xr;
    const q = H - k;
    u[2 * q] += hr;
    u[2 * q + 1] += hi;
    v[2 * q] += hr * xr + hi * xi; // + (hr + i hi) conj(x)
    v[2 * q + 1] += hi * xr - hr * xi;
  }
  // IFFT(G) = conj(FFT(conj G)): rho+ = Re X_j, rhox = -Im X_j (unnormalised); X_{2m} = FFT(u)_m, X_{2m+1} = FFT(v)_m
  ws.halfFft.forward(even, u);
  ws.halfFft.forward(odd, v);
  const useCross = cc > 0 && Math.abs(pc / Math.sqrt(pp * cc)) < 1 - 1e-12;
  const np = 1 / Math.sqrt(ss * pp);
  const nc = useCross ? 1 / Math.sqrt(ss * cc) : 0;
  const c = useCross ? pc / Math.sqrt(pp * cc) : 0;
  const inv = 1 / (1 - c * c);
  let best = -1, jBest = 0;
  for (let j = 0; j < 2 * H; j++) {
    const y = (j & 1) === 0 ? even : odd;
    const m = j >> 1;
    const rp = y[2 * m] * np, rc = -y[2 * m + 1] * nc;
    const r2 = (rp * rp + rc * rc - 2 * c * rp * rc) * inv;
    if (r2 > best) {
      best = r2;
      jBest = j;
    }
  }
  const yb = (jBest & 1) === 0 ? even : odd;
  const rp = yb[2 * (jBest >> 1)] * np, rc = -yb[2 * (jBest >> 1) + 1] * nc;
  const perp = useCross ? (rc - c * rp) / Math.sqrt(1 - c * c) : 0;
  return { match: Math.sqrt(Math.max(best, 0)), timeShift: ws.lagToTime(jBest), phase: Math.atan2(perp, rp) };
}
