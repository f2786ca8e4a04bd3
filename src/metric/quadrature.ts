/**
 * A frequency quadrature for the metric's inner products: sums over the uniform band of a smooth function
 * F(f) weighted by 1/S(f),
 *   sum_{k in [kmin, kCut)} F(f_k) / S_k  ~  sum_j W_j F(nu_j),
 * from F at a few hundred nodes nu_j instead of every bin (F: products of a waveform and its parameter
 * derivatives, which the common phase factor cancels from, so F varies slowly; issue 17).
 *
 * Product quadrature: the band is cut into panels, equal in ln f; on a panel with more than `nodes` bins the
 * nodes are the Gauss-Legendre points in ln f and W_j = sum_k L_j(x_k)/S_k over the panel's bins, L_j the
 * Lagrange polynomial of node j (so the rule is the uniform-grid sum of the polynomial interpolant of F);
 * a panel with at most `nodes` bins keeps its bins as nodes (W = 1/S, exact). Hence the PSD enters as the
 * uniform grid has it (the same linear interpolation of the file, narrow lines included: no node has to
 * fall on a line) and the band edges are the uniform grid's bins; the only error is the interpolation of F.
 * With the Legendre expansion L_j = sum_m (2m+1)/2 w_j P_m(x_j) P_m(x) (exact for Gauss nodes),
 * W_j = w_j sum_m (2m+1)/2 P_m(x_j) mu_m with the moments mu_m = sum_k P_m(x_k)/S_k.
 *
 * A model's cut-off inside the band (IMRPhenomD: Mf = 0.2) ends the sum at bin kCut: the panel that holds
 * it is rebuilt on [its first bin, kCut) (nodes and weights for this point, cost ~ bins x nodes), so that F
 * is never interpolated across the discontinuity and the sum stops where the uniform one does.
 */
import { invalid } from '../core/errors.js';

/** Panels and Gauss nodes per panel of a quadrature rule. */
export interface QuadratureSettings {
  /** Panels, equal in ln f across the band. */
  panels: number;
  /** Gauss-Legendre nodes per panel (panels of fewer bins keep their bins). */
  nodes: number;
  /**
   * Panels are equal in u = ln f - f0/f with f0 this [Hz] (default 0: equal in ln f): f0 > 0 packs them
   * towards low frequencies, where the precession angles of a precessing model turn fastest.
   */
  lowFrequencyHz?: number;
  /**
   * Largest relative tail estimate (QuadratureRule.relativeTail of the metric's integrands) for which a
   * quadrature metric is kept; a point above it is recomputed on the uniform grid. Default DEFAULT_TAIL_LIMIT.
   */
  tailLimit?: number;
}

/**
 * Default QuadratureSettings.tailLimit, calibrated on the default and precessing-small problems
 * (bench/metric-quadrature-agreement.ts; README).
 */
export const DEFAULT_TAIL_LIMIT = 3e-4;

/** The default rule (chosen against the 4097-bin metric: bench/metric-quadrature-agreement.ts). */
export const DEFAULT_QUADRATURE: QuadratureSettings = { panels: 32, nodes: 10 };

/** Gauss-Legendre nodes x (ascending) and weights w on [-1, 1] (Newton iteration on P_n, to rounding). */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  if (!Number.isInteger(n) || n < 1 || n > 64) invalid('nodes', n, 'must be an integer in [1, 64]');
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = -Math.cos((Math.PI * (i + 0.75)) / (n + 0.5)); // ascending initial guesses
    let dp = 1;
    for (let it = 0; it < 100; it++) {
      let p0 = 1, p1 = z;
      for (let m = 2; m <= n; m++) [p0, p1] = [p1, ((2 * m - 1) * z * p1 - (m - 1) * p0) / m];
      if (n === 1) p0 = 1;
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

/** A bin at 0 Hz has no ln f: it is left out of the moments (its 1/S is 0 for every bundled PSD). */
function binFreqsZero(f: number): boolean {
  return !(f > 0);
}

/** Legendre values P_0..P_{p-1} at x into out[0..p). */
function legendreInto(x: number, p: number, out: Float64Array): void {
  out[0] = 1;
  if (p > 1) out[1] = x;
  for (let m = 2; m < p; m++) out[m] = ((2 * m - 1) * x * out[m - 1] - (m - 1) * out[m - 2]) / m;
}

/**
 * The quadrature rule over a uniform band: bin frequencies f_k (k < kmax), 1/S at index k - kmin, panels.
 * `select(kCut)` sets the current nodes `freqs[0..count)` and weights `weights[0..count)` for the sum over
 * bins [kmin, kCut). Not safe for concurrent use (one per MetricWorkspace).
 */
export class QuadratureRule {
  /** Current nodes [Hz] (ascending) and weights, valid for indices < count. */
  readonly freqs: Float64Array;
  readonly weights: Float64Array;
  count = 0;
  /** Panel edges in bins: panel i holds bins [edges[i], edges[i + 1]). */
  readonly edges: Int32Array;
  /** Index of panel i's first node. */
  private readonly nodeStart: Int32Array;
  private readonly fixedFreqs: Float64Array;
  private readonly fixedWeights: Float64Array;
  private readonly lnF: Float64Array;
  private readonly gx: Float64Array;
  /** T[j p + m] = w_j (2m+1)/2 P_m(x_j). */
  private readonly T: Float64Array;
  private readonly mu: Float64Array;
  private readonly pm: Float64Array;
  private selectedCut = -1;
  private readonly lnLo: number;
  /** sum of 1/S over each fixed panel's bins (mu_0), and over the rebuilt cut-off panel. */
  private readonly fixedMu0: Float64Array;
  private cutMu0 = 0;
  /** Panels of the current selection (the last one may be the rebuilt cut-off panel). */
  private panelCount = 0;

  /**
   * @param binFreqs the uniform grid's frequencies f_k = k df [Hz]
   * @param invPsd 1/S_k at index k - kmin (0 where a bin is excluded)
   * @param fLoHz lowest node frequency (the waveform's f_min: the first bin may lie below it)
   */
  constructor(
    private readonly binFreqs: Float64Array, private readonly invPsd: Float64Array, readonly kmin: number, readonly kmax: number,
    fLoHz: number, readonly settings: QuadratureSettings = DEFAULT_QUADRATURE,
  ) {
    this.lnLo = Math.log(fLoHz);
    const { panels, nodes: p } = settings;
    if (!Number.isInteger(panels) || panels < 1) invalid('quadrature panels', panels, 'must be a positive integer');
    if (!(p >= 3)) invalid('quadrature nodes', p, 'must be at least 3 per panel');
    if (!(kmax > kmin)) invalid('band', [kmin, kmax], 'must hold at least one bin');
    const { x, w } = gaussLegendre(p);
    this.gx = x;
    this.T = new Float64Array(p * p);
    this.pm = new Float64Array(p);
    this.mu = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      legendreInto(x[j], p, this.pm);
      for (let m = 0; m < p; m++) this.T[j * p + m] = (w[j] * (2 * m + 1) * this.pm[m]) / 2;
    }
    this.lnF = new Float64Array(kmax - kmin);
    for (let k = kmin; k < kmax; k++) this.lnF[k - kmin] = Math.log(binFreqs[k]);
    // edges equal in ln f between the first bin (or df, at 0 Hz) and the band's end, at least one bin apart
    const df = binFreqs[1] - binFreqs[0];
    const f0 = settings.lowFrequencyHz ?? 0;
    const u = (f: number) => Math.log(f) - f0 / f;
    const fA = Math.max(binFreqs[kmin], df), fB = kmax * df;
    const uLo = u(fA), uHi = u(fB);
    const edges: number[] = [kmin];
    for (let i = 1; i < panels; i++) {
      const target = uLo + ((uHi - uLo) * i) / panels;
      let a = fA, c = fB; // u is increasing: bisection for u(f) = target
      for (let it = 0; it < 60; it++) {
        const m = 0.5 * (a + c);
        if (u(m) < target) a = m;
        else c = m;
      }
      const b = Math.round(a / df);
      if (b > edges[edges.length - 1] && b < kmax) edges.push(b);
    }
    edges.push(kmax);
    this.edges = Int32Array.from(edges);
    this.nodeStart = new Int32Array(edges.length);
    let n = 0;
    for (let i = 0; i + 1 < edges.length; i++) {
      this.nodeStart[i] = n;
      n += Math.min(p, edges[i + 1] - edges[i]);
    }
    this.nodeStart[edges.length - 1] = n;
    this.fixedFreqs = new Float64Array(n);
    this.fixedWeights = new Float64Array(n);
    this.fixedMu0 = new Float64Array(edges.length - 1);
    for (let i = 0; i + 1 < edges.length; i++) {
      this.panelInto(edges[i], edges[i + 1], this.fixedFreqs, this.fixedWeights, this.nodeStart[i]);
      this.fixedMu0[i] = this.mu[0];
    }
    this.panelCount = edges.length - 1;
    this.freqs = Float64Array.from(this.fixedFreqs);
    this.weights = Float64Array.from(this.fixedWeights);
    this.count = n;
    this.selectedCut = kmax;
  }

  /** Number of nodes of the full band (no cut-off). */
  get fullCount(): number {
    return this.fixedFreqs.length;
  }

  /**
   * Set the nodes and weights for the sum over bins [kmin, min(kCut, kmax)); returns the node count
   * (0 when kCut <= kmin). Only the panel holding the cut is rebuilt.
   */
  select(kCut: number): number {
    const cut = Math.max(this.kmin, Math.min(this.kmax, kCut));
    if (cut === this.selectedCut) return this.count;
    const edges = this.edges;
    let i = 0;
    while (edges[i + 1] < cut) i++; // panel i holds bin cut - 1: edges[i] < cut <= edges[i + 1]
    const start = this.nodeStart[i];
    this.freqs.set(this.fixedFreqs.subarray(0, start));
    this.weights.set(this.fixedWeights.subarray(0, start));
    this.count = cut === this.kmin ? 0 : edges[i + 1] === cut
      ? this.copyFixed(start, this.nodeStart[i + 1])
      : start + this.panelInto(edges[i], cut, this.freqs, this.weights, start);
    this.cutMu0 = this.mu[0];
    this.panelCount = cut === this.kmin ? 0 : i + 1;
    this.selectedCut = cut;
    return this.count;
  }

  /**
   * Estimated relative error of sum_j W_j F_j for node values F (length >= count) of the current selection:
   * sum over Gauss panels of (|c_{p-1}| + |c_{p-2}|) mu_0, with c_m the Legendre coefficients of F's
   * interpolant on the panel (how far the interpolant is from converged) and mu_0 the panel's sum of 1/S,
   * divided by |sum_j W_j F_j|. Small (~1e-12) for the smooth integrands of a resolved point; large where F
   * turns or kinks within a panel.
   */
  relativeTail(F: Float64Array): number {
    const p = this.settings.nodes;
    const T = this.T;
    let err = 0, total = 0;
    for (let i = 0; i < this.panelCount; i++) {
      const s = this.nodeStart[i];
      const last = i === this.panelCount - 1;
      const e = last ? this.count : this.nodeStart[i + 1];
      for (let j = s; j < e; j++) total += this.weights[j] * F[j];
      const bins = (last ? this.selectedCut : this.edges[i + 1]) - this.edges[i];
      if (bins <= p) continue; // bins as nodes: exact
      let c1 = 0, c2 = 0;
      for (let j = 0; j < p; j++) {
        c1 += T[j * p + p - 1] * F[s + j];
        c2 += T[j * p + p - 2] * F[s + j];
      }
      err += (Math.abs(c1) + Math.abs(c2)) * (last && this.selectedCut !== this.edges[i + 1] ? this.cutMu0 : this.fixedMu0[i]);
    }
    return err / Math.abs(total);
  }

  private copyFixed(from: number, to: number): number {
    this.freqs.set(this.fixedFreqs.subarray(from, to), from);
    this.weights.set(this.fixedWeights.subarray(from, to), from);
    return to;
  }

  /** Nodes and weights of the panel over bins [b0, b1) written at `at`; returns the number of nodes. */
  private panelInto(b0: number, b1: number, freqs: Float64Array, weights: Float64Array, at: number): number {
    const p = this.settings.nodes;
    const { invPsd, kmin, lnF } = this;
    if (b1 - b0 <= p) {
      this.mu[0] = 0;
      for (let k = b0; k < b1; k++) {
        freqs[at + k - b0] = this.binFreqs[k];
        weights[at + k - b0] = invPsd[k - kmin];
        this.mu[0] += invPsd[k - kmin];
      }
      return b1 - b0;
    }
    const lo = Math.max(lnF[b0 - kmin], this.lnLo), hi = lnF[b1 - 1 - kmin];
    const mid = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
    const mu = this.mu.fill(0);
    const pm = this.pm;
    for (let k = b0; k < b1; k++) {
      const s = invPsd[k - kmin];
      if (s === 0 || binFreqsZero(this.binFreqs[k])) continue;
      legendreInto((lnF[k - kmin] - mid) / half, p, pm);
      for (let m = 0; m < p; m++) mu[m] += s * pm[m];
    }
    for (let j = 0; j < p; j++) {
      let wj = 0;
      for (let m = 0; m < p; m++) wj += this.T[j * p + m] * mu[m];
      freqs[at + j] = Math.exp(mid + half * this.gx[j]);
      weights[at + j] = wj;
    }
    return p;
  }
}
