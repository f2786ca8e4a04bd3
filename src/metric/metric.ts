/**
 * The metric tensor M(theta) of the match: 1 - match(theta, theta + dtheta) ~ dtheta^T M dtheta.
 *
 * One construction covers mbank's `hessian` and `symphony` types (mbank/metric.py get_hessian,
 * get_hessian_symphony). For a signal s = h+(theta + dtheta) shifted in time by t
 * and a template plane P (unit vectors e_k, real inner product (a|b) = Re sum_band conj(a) b / S):
 *   1 - match = 1/2 ||(1 - P) s^||^2 + O(d^3),   so with x = (dtheta, t) and g_a = d_a h+:
 *   Gamma_ab = [ (g_a|g_b) - sum_k (e_k|g_a)(e_k|g_b) ] / (2 (h+|h+)),   g_t = i f h+,
 *   M = Gamma_thth - Gamma_tht Gamma_tth / Gamma_tt   (time maximised: Schur complement).
 * - hessian: P = span{h+^, i h+^} (phase maximised): the Fubini-Study form of the standard match, equal to
 *   mbank's -1/2 (H - H_t H_t^T / H_tt) with H_ij = (A_i A_j + Aim_i Aim_j)/hpp^2 - G_ij/hpp.
 * - symphony: P = span{h+^, hx^} (the template's real polarisation plane, arXiv:1709.09181), mbank's
 *   symphony metric for signal h+ (antenna patterns (1, 0)); it equals hessian when hx = -i h+.
 * Gradients: finite differences of h+ (./stencil.ts), steps relative to |theta_i| for masses, q, eta
 * and absolute otherwise, one-sided next to the physical boundary.
 *
 * Differences from mbank (including its bugs, which we fix):
 * - the stencil order is chosen by the user (default 2), not from theta[0] (mbank picks forward Euler for
 *   M > 50 whatever the coordinate is); steps are per coordinate and relative for scale coordinates, not a
 *   fixed 1e-6 with the first coordinate divided by 10; stencils never leave the physical domain;
 * - the band of every inner product is the set of bins where ALL stencil waveforms are non-zero, so a
 *   model cutoff inside the band (IMRPhenomD stops at Mf = 0.2) cannot create a spurious derivative;
 * - a metric that is not positive definite is flagged (`positiveDefinite`), and its logPdf is NaN, never
 *   0.5 ln|det M| (mbank stores |det| silently);
 * - inner products use pycbc's band [floor(fmin/df), min(floor(fmax/df), n-1)) (mbank: all bins from 0 Hz).
 * Sums run over the workspace's MetricSums: every bin of that band, or (metricGrid 'quadrature') the nodes of
 * ./quadrature.ts, whose weights reproduce the band's sums for smooth integrands; a point whose integrands
 * the nodes do not resolve (quadratureTail above the rule's tailLimit) is recomputed over every bin.
 */
import { MbankError } from '../core/errors.js';
import { symmetricEigen } from '../core/linalg.js';
import { thetaProblem } from '../coordinates/box.js';
import { chooseStencil } from './stencil.js';
import type { MetricSums, MetricWorkspace } from './workspace.js';
import { DEFAULT_TAIL_LIMIT } from './quadrature.js';

/** Metric algorithms. */
export type MetricType = 'hessian' | 'symphony' | 'parabolic_fit_hessian';
/** Every metric type, for validation messages. */
export const METRIC_TYPES: readonly MetricType[] = ['hessian', 'symphony', 'parabolic_fit_hessian'];

/** A metric at one point. */
export interface MetricResult {
  /** D x D symmetric matrix, row-major. */
  metric: Float64Array;
  /** Dimension D. */
  D: number;
  /** Eigenvalues, ascending. */
  eigenvalues: Float64Array;
  /** Eigenvectors as columns, row-major D x D. */
  eigenvectors: Float64Array;
  /** det M. */
  det: number;
  /** 0.5 ln det M inside the region with M positive definite; -Infinity outside; NaN when M is not positive definite. */
  logPdf: number;
  /** True when every eigenvalue is > 0. */
  positiveDefinite: boolean;
}

/** Throw unless `type` is a metric type. */
export function checkMetricType(type: string): MetricType {
  if (!(METRIC_TYPES as readonly string[]).includes(type)) {
    throw new MbankError(`metric-type = ${JSON.stringify(type)}: unknown; use one of ${METRIC_TYPES.join(', ')}`);
  }
  return type as MetricType;
}

function lastNonZero(h: Float64Array, lo: number, hi: number): number {
  for (let k = hi - 1; k >= lo; k--) if (h[2 * k] !== 0 || h[2 * k + 1] !== 0) return k;
  return lo - 1;
}

function firstNonZero(h: Float64Array, lo: number, hi: number): number {
  for (let k = lo; k < hi; k++) if (h[2 * k] !== 0 || h[2 * k + 1] !== 0) return k;
  return hi;
}

/** Bins per call of the loop helpers below (see accumulateProducts). */
const CHUNK = 64;

/**
 * Gradient slot i of bins k in [k0, k1) set to c x_k (complex x_k at x[2k], x[2k+1]); g is bin-major,
 * `stride` numbers per bin starting at bin kmin (called on chunks of bins: see accumulateProducts).
 */
function scaleInto(g: Float64Array, i: number, stride: number, kmin: number, c: number, x: Float64Array, k0: number, k1: number): void {
  for (let k = k0, b = (k0 - kmin) * stride + 2 * i; k < k1; k++, b += stride) {
    g[b] = c * x[2 * k];
    g[b + 1] = c * x[2 * k + 1];
  }
}

/** Gradient slot i of bins k in [k0, k1) incremented by c x_k (layout as scaleInto). */
function addScaled(g: Float64Array, i: number, stride: number, kmin: number, c: number, x: Float64Array, k0: number, k1: number): void {
  for (let k = k0, b = (k0 - kmin) * stride + 2 * i; k < k1; k++, b += stride) {
    g[b] += c * x[2 * k];
    g[b + 1] += c * x[2 * k + 1];
  }
}

/**
 * Fill ws.gradients with d h+/d theta_i over the centre's support and return the common support
 * [kLo, kHi) (bins non-zero in every stencil waveform) and the centre polarisations (hx only when
 * `withCross`). Gradient entries outside the centre's support are stale: only [kLo, kHi) is read.
 */
function gradients(ws: MetricWorkspace, sums: MetricSums, theta: ArrayLike<number>, withCross: boolean): { hp: Float64Array; hc: Float64Array; kLo: number; kHi: number } {
  const { lo: kmin, hi: kmax } = sums;
  const D = ws.format.D;
  const stride = 2 * (D + 1);
  const centre = ws.centre;
  ws.sumsWaveformInto(sums, theta, centre.hp, withCross ? centre.hc : undefined);
  let kLo = firstNonZero(centre.hp, kmin, kmax);
  let kHi = lastNonZero(centre.hp, kmin, kmax) + 1;
  const k0 = kLo;
  const k1 = kHi;
  const g = ws.gradients;
  const x = ws.shifted;
  for (let i = 0; i < D; i++) {
    const dom = ws.format.domains[i];
    const h0 = ws.step * (dom.relative && theta[i] !== 0 ? Math.abs(theta[i]) : 1);
    const choice = chooseStencil(theta[i], h0, dom, ws.order);
    if (!choice) throw new MbankError(`theta: ${ws.format.names[i]} = ${theta[i]} leaves no room for a finite-difference stencil inside its domain`);
    const { stencil, step } = choice;
    for (let j = 0; j < stencil.offsets.length; j++) {
      const s = stencil.offsets[j];
      const c = stencil.coefficients[j] / step;
      let hp: Float64Array;
      if (s === 0) hp = centre.hp;
      else {
        for (let d = 0; d < D; d++) x[d] = theta[d];
        x[i] = theta[i] + s * step;
        hp = ws.displaced;
        ws.sumsWaveformInto(sums, x, hp);
        kLo = Math.max(kLo, firstNonZero(hp, kmin, kmax));
        kHi = Math.min(kHi, lastNonZero(hp, kmin, kmax) + 1);
      }
      // only the centre's support [k0, k1) can be read (the common support lies inside it)
      for (let a = k0; a < k1; a += CHUNK) {
        if (j === 0) scaleInto(g, i, stride, kmin, c, hp, a, Math.min(a + CHUNK, k1));
        else addScaled(g, i, stride, kmin, c, hp, a, Math.min(a + CHUNK, k1));
      }
    }
  }
  if (!(kHi > kLo)) throw new MbankError(`theta = [${Array.from(theta).join(', ')}]: the waveform is zero over the band [${ws.fMinHz}, ${ws.fMaxHz}] Hz`);
  return { hp: centre.hp, hc: centre.hc, kLo, kHi };
}

/**
 * One pass over nodes [kLo, kHi) (frequency freqs[k], weight w[k - kmin]: 1/S on the uniform band, the
 * quadrature weight on its nodes): accumulates the upper triangle of
 * C_ac = sum w Re(conj g_a g_c), v_a = sum w conj(h) g_a (vRe, vIm), for symphony u_a = sum w Re(conj(hx) g_a),
 * and sums = [(h|h), (hx|hx), (h|hx)] (unnormalised by df), where g_a, a < D, are the gradients
 * (ws.gradients: bin-major, P = D + 1 complex slots per bin) and g_D = i f h, written here into slot D.
 * Called on chunks of CHUNK bins (the sums run in the same order): a short loop per call lets V8
 * compile it as a whole function rather than on-stack inside one long loop, whose code would stay in use.
 */
function accumulateProducts(
  hp: Float64Array, hc: Float64Array, g: Float64Array, w: Float64Array, kmin: number, freqs: Float64Array, D: number,
  kLo: number, kHi: number, symphony: boolean, C: Float64Array, vRe: Float64Array, vIm: Float64Array, u: Float64Array,
  sums: Float64Array,
): void {
  const P = D + 1;
  const stride = 2 * P;
  for (let k = kLo; k < kHi; k++) {
    const wk = w[k - kmin];
    if (wk === 0) continue;
    const hr = hp[2 * k], him = hp[2 * k + 1];
    const f = freqs[k];
    const b = (k - kmin) * stride;
    g[b + 2 * D] = -f * him;
    g[b + 2 * D + 1] = f * hr;
    sums[0] += wk * (hr * hr + him * him);
    for (let a = 0; a < P; a++) {
      const gra = g[b + 2 * a], gia = g[b + 2 * a + 1];
      const ar = wk * gra, ai = wk * gia;
      vRe[a] += hr * ar + him * ai;
      vIm[a] += hr * ai - him * ar;
      for (let c = a; c < P; c++) C[a * P + c] += ar * g[b + 2 * c] + ai * g[b + 2 * c + 1];
    }
    if (symphony) {
      const xr = hc[2 * k], xi = hc[2 * k + 1];
      sums[1] += wk * (xr * xr + xi * xi);
      sums[2] += wk * (hr * xr + him * xi);
      for (let a = 0; a < P; a++) u[a] += wk * (xr * g[b + 2 * a] + xi * g[b + 2 * a + 1]);
    }
  }
}

/**
 * The time-projected metric from gradients (see module comment): 'hessian' or 'symphony' plane.
 * Returns the D x D matrix.
 */
function projectedMetric(ws: MetricWorkspace, sums: MetricSums, hp: Float64Array, hc: Float64Array, kLo: number, kHi: number, symphony: boolean): Float64Array {
  const D = ws.format.D;
  const P = D + 1;
  const C = new Float64Array(P * P);
  const vRe = new Float64Array(P), vIm = new Float64Array(P), u = new Float64Array(P);
  const norms = new Float64Array(3);
  for (let k = kLo; k < kHi; k += CHUNK) {
    accumulateProducts(hp, hc, ws.gradients, sums.weights, sums.lo, sums.freqs, D, k, Math.min(k + CHUNK, kHi), symphony, C, vRe, vIm, u, norms);
  }
  const hh = norms[0], xx = norms[1], hx = norms[2];
  const sh = Math.sqrt(hh);
  const p1 = new Float64Array(P), p2 = new Float64Array(P);
  let usePlane2 = true;
  if (symphony) {
    const cc = xx > 0 ? hx / Math.sqrt(hh * xx) : 1;
    usePlane2 = xx > 0 && 1 - cc * cc > 1e-12;
    const sx = Math.sqrt(xx), r = Math.sqrt(Math.max(1 - cc * cc, 0));
    for (let a = 0; a < P; a++) {
      p1[a] = vRe[a] / sh;
      if (usePlane2) p2[a] = (u[a] / sx - cc * p1[a]) / r;
    }
  } else {
    for (let a = 0; a < P; a++) { p1[a] = vRe[a] / sh; p2[a] = vIm[a] / sh; }
  }
  const G = new Float64Array(P * P);
  for (let a = 0; a < P; a++) {
    for (let c = a; c < P; c++) {
      let v = C[a * P + c] - p1[a] * p1[c];
      if (usePlane2) v -= p2[a] * p2[c];
      v /= 2 * hh;
      G[a * P + c] = v;
      G[c * P + a] = v;
    }
  }
  const M = new Float64Array(D * D);
  const gtt = G[D * P + D];
  for (let a = 0; a < D; a++) {
    for (let c = 0; c < D; c++) M[a * D + c] = G[a * P + c] - (G[a * P + D] * G[c * P + D]) / gtt;
  }
  return M;
}

/**
 * Largest relative tail estimate of a quadrature metric's sums (QuadratureRule.relativeTail) over its
 * integrands |h|^2, f^2 |h|^2, |d h/d theta_a|^2 (and |hx|^2 for symphony): where the waveform turns or
 * kinks within a panel faster than its nodes resolve (e.g. IMRPhenomPv2's opening angle where L + S_L
 * changes sign, or many precession cycles), the estimate exceeds the rule's tailLimit.
 */
function quadratureTail(ws: MetricWorkspace, hp: Float64Array, hc: Float64Array, kLo: number, kHi: number, symphony: boolean): number {
  const rule = ws.quadrature;
  if (rule === null) return 0;
  const F = ws.tailScratch;
  const D = ws.format.D;
  const stride = 2 * (D + 1);
  const g = ws.gradients;
  let worst = 0;
  for (let a = -3; a < D; a++) {
    if (a === -1 && !symphony) continue;
    for (let k = kLo; k < kHi; k++) {
      const hr = hp[2 * k], hi = hp[2 * k + 1];
      const f = rule.freqs[k];
      if (a === -3) F[k] = hr * hr + hi * hi;
      else if (a === -2) F[k] = f * f * (hr * hr + hi * hi);
      else if (a === -1) F[k] = hc[2 * k] * hc[2 * k] + hc[2 * k + 1] * hc[2 * k + 1];
      else {
        const b = k * stride + 2 * a;
        F[k] = g[b] * g[b] + g[b + 1] * g[b + 1];
      }
    }
    worst = Math.max(worst, rule.relativeTail(F));
  }
  return worst;
}

/** Eigen-decomposition, determinant, positive-definiteness and logPdf of a metric matrix. */
export function describeMetric(metric: Float64Array, D: number, inside: boolean): MetricResult {
  const { values, vectors } = symmetricEigen(metric, D);
  let det = 1;
  let pd = true;
  for (let i = 0; i < D; i++) { det *= values[i]; if (!(values[i] > 0)) pd = false; }
  const logPdf = !inside ? -Infinity : pd ? 0.5 * Math.log(det) : NaN;
  return { metric, D, eigenvalues: values, eigenvectors: vectors, det, logPdf, positiveDefinite: pd };
}

/**
 * The `hessian` or `symphony` metric at theta (no region check): D x D row-major matrix.
 * Throws MbankError if theta is not a valid point of the format.
 */
export function metricMatrix(ws: MetricWorkspace, theta: ArrayLike<number>, type: 'hessian' | 'symphony'): Float64Array {
  const problem = thetaProblem(ws.format, theta);
  if (problem !== null) throw new MbankError(`theta = [${Array.from(theta).join(', ')}]: ${problem}`);
  const symphony = type === 'symphony';
  let sums = ws.prepareSums(theta);
  let g = gradients(ws, sums, theta, symphony);
  if (sums !== ws.uniformSums) {
    ws.lastQuadratureTail = quadratureTail(ws, g.hp, g.hc, g.kLo, g.kHi, symphony);
    if (!(ws.lastQuadratureTail <= (ws.quadrature?.settings.tailLimit ?? DEFAULT_TAIL_LIMIT)) || g.kLo !== sums.lo || g.kHi !== sums.hi) {
      // not resolved by the nodes (or a node outside a stencil waveform's support): every bin instead
      ws.quadratureFallbacks++;
      sums = ws.uniformSums;
      g = gradients(ws, sums, theta, symphony);
    }
  }
  return projectedMetric(ws, sums, g.hp, g.hc, g.kLo, g.kHi, symphony);
}
