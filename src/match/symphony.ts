/**
 * Symphony match (Harry, Calderon Bustillo & Nitz, arXiv:1709.09181 Eq. 13; mbank
 * metric.py WF_symphony_match): the template is the real 2-plane spanned by its polarisations
 * h+, hx (a sky location / polarisation angle picks a real combination), the signal s is any
 * series (e.g. F+ h+ + Fx hx of the source). With unit-normalised hats and real inner products
 * (a|b) = Re <a|b>:
 *   rho+(tau) = (s^|h+^)(tau), rhox(tau) = (s^|hx^)(tau), c = (h+^|hx^),
 *   match = max_tau sqrt[(rho+^2 + rhox^2 - 2 c rho+ rhox) / (1 - c^2)].
 * Both time series come from ONE complex FFT of length N = 2(n-1): rho+ and rhox are the real
 * parts of two positive-frequency correlations, i.e. the inverse FFTs of their Hermitian
 * extensions, packed as real and imaginary part of one transform. Unlike mbank (no padding,
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
  const N = ws.fftLength;
  const { fft, input: g, output: y } = ws.symphonyBuffers();
  g.fill(0);
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
    // conj of the Hermitian-packed spectrum G = (B+ + i Bx)/2 at k, (conj B+ + i conj Bx)/2 at N - k
    if (k === 0) {
      g[0] = a;
      g[1] = -c;
    } else {
      g[2 * k] = 0.5 * (a - d);
      g[2 * k + 1] = -0.5 * (b + c);
      g[2 * (N - k)] = 0.5 * (a + d);
      g[2 * (N - k) + 1] = 0.5 * (b - c);
    }
  }
  fft.forward(y, g); // IFFT(G) = conj(FFT(conj G)): rho+ = Re y, rhox = -Im y (unnormalised)
  const useCross = cc > 0 && Math.abs(pc / Math.sqrt(pp * cc)) < 1 - 1e-12;
  const np = 1 / Math.sqrt(ss * pp);
  const nc = useCross ? 1 / Math.sqrt(ss * cc) : 0;
  const c = useCross ? pc / Math.sqrt(pp * cc) : 0;
  const inv = 1 / (1 - c * c);
  let best = -1, jBest = 0;
  for (let j = 0; j < N; j++) {
    const rp = y[2 * j] * np, rc = -y[2 * j + 1] * nc;
    const r2 = (rp * rp + rc * rc - 2 * c * rp * rc) * inv;
    if (r2 > best) {
      best = r2;
      jBest = j;
    }
  }
  const rp = y[2 * jBest] * np, rc = -y[2 * jBest + 1] * nc;
  const perp = useCross ? (rc - c * rp) / Math.sqrt(1 - c * c) : 0;
  return { match: Math.sqrt(Math.max(best, 0)), timeShift: ws.lagToTime(jBest), phase: Math.atan2(perp, rp) };
}
