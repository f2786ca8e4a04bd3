/**
 * Candidate templates of an injection by chirp mass (mbank utils.compute_injections_match): the
 * templates with |Mc_t - Mc_inj| / Mc_inj < w, starting at w = window and widening w by `step`
 * until at least min(minCount, N) templates qualify. Templates are sorted by chirp mass once, so a
 * query is two binary searches per window.
 */
import { invalid } from '../core/errors.js';
import { chirpMass } from '../coordinates/components.js';

/** The chosen candidates and the window that gave them. */
export interface CandidateSelection {
  /** Template indices (into the bank), in increasing chirp mass. */
  indices: Int32Array;
  /** Relative chirp-mass window w used. */
  window: number;
}

/** Templates sorted by chirp mass, for window queries. */
export class ChirpMassIndex {
  /** Number of templates. */
  readonly size: number;
  /** Chirp masses in increasing order, and the template index of each. */
  private readonly sortedMc: Float64Array;
  private readonly order: Int32Array;

  /** Index the templates with component masses mass1[i], mass2[i] [Msun]. */
  constructor(mass1: ArrayLike<number>, mass2: ArrayLike<number>) {
    const n = mass1.length;
    if (n === 0) invalid('bank size', 0, 'must hold at least one template');
    const mc = Float64Array.from({ length: n }, (_, i) => chirpMass(mass1[i], mass2[i]));
    this.order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => mc[a] - mc[b] || a - b);
    this.sortedMc = Float64Array.from(this.order, (i) => mc[i]);
    this.size = n;
  }

  /** First position whose chirp mass is > x (strict: `strict`) or >= x. */
  private bound(x: number, strict: boolean): number {
    let lo = 0, hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? this.sortedMc[mid] <= x : this.sortedMc[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of templates with |Mc_t - mc| / mc < w, and the range [a, b) of sorted positions. */
  private range(mc: number, w: number): [number, number] {
    return [this.bound(mc * (1 - w), true), this.bound(mc * (1 + w), false)];
  }

  /**
   * Candidates of an injection of chirp mass `mc`: window `window`, widened by `step` until at least
   * min(minCount, N) templates qualify (see module comment).
   */
  select(mc: number, window: number, minCount: number, step = 0.05): CandidateSelection {
    if (!(mc > 0)) invalid('injection chirp mass', mc, 'must be > 0');
    if (!(window > 0)) invalid('mchirp-window', window, 'must be > 0 (relative window |dMc|/Mc)');
    if (!(step > 0)) invalid('window step', step, 'must be > 0');
    if (!(Number.isInteger(minCount) && minCount >= 1)) invalid('min-candidates', minCount, 'must be an integer >= 1');
    const need = Math.min(minCount, this.size);
    let w = window;
    let [a, b] = this.range(mc, w);
    while (b - a < need) {
      w += step;
      [a, b] = this.range(mc, w);
    }
    return { indices: this.order.slice(a, b), window: w };
  }
}
