/**
 * Defensive mixture proposal (Hesterberg 1995, "Weighted average importance sampling and defensive
 * mixture distributions", Technometrics 37, 185; Owen & Zhou 2000): q_mix = (1 - a) q_base + a u,
 * where q_base is the trained flow (a Sampler that reports its log density) and u is uniform over the
 * box restricted to the physical domain. Where the flow underestimates sqrt|det M| (a corner it has
 * not learned), q_mix >= a u keeps livepoints and templates coming, and the importance weights
 * sqrt|det M| / q_mix stay bounded by sqrt|det M| V_domain / a.
 * Each row picks its component with one `rng.uniform()` (row order kept; none when a = 0, so a = 0
 * reproduces the base sampler draw for draw); the uniform rows are drawn
 * in the box and rejected outside the domain, so u = 1_domain / (V_box Z_u), with Z_u the inside
 * fraction of the box (measured once at construction on a fixed internal stream, or given).
 */
import { invalid } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { BoundaryChecker, Sampler } from './types.js';

/** Fixed seed of the inside-fraction pilot (a numerical integral, not part of the placement's draws). */
const PILOT_SEED = 0x5eed;

/** Options of {@link DefensiveMixtureSampler}. */
export interface MixtureOptions {
  /** Box [lo, hi) of the uniform component (the bank's coordinate box). */
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  /** Fraction a in [0, 1) of rows drawn from the uniform component. */
  uniformFraction: number;
  /** Physical domain of the uniform component (e.g. the placement's mass cuts); default: the whole box. */
  inside?: BoundaryChecker;
  /** Inside fraction Z_u of the box; default: measured on `pilotPoints` uniform points. */
  insideFraction?: number;
  /** Points of the Z_u pilot (default 65536: relative error ~ 0.4 % sqrt((1 - Z_u)/Z_u)). */
  pilotPoints?: number;
}

/**
 * q_mix = (1 - a) q_base + a 1_domain / (V_box Z_u), see the module comment. `logDensity` is the
 * normalised log density of `sample`'s output (nats), so importance weights and volume estimates
 * built on it are those of the rows actually drawn.
 */
export class DefensiveMixtureSampler implements Sampler {
  readonly dim: number;
  readonly uniformFraction: number;
  /** Fraction Z_u of the box inside the domain. */
  readonly insideFraction: number;
  /** log(a / (V_box Z_u)): the uniform component's log density inside the domain. */
  readonly logUniform: number;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly inside: BoundaryChecker;

  constructor(private readonly base: Sampler, o: MixtureOptions) {
    const a = o.uniformFraction;
    if (!(a >= 0 && a < 1)) invalid('uniformFraction', a, 'must be in [0, 1)');
    if (typeof base.logDensity !== 'function') invalid('sampler.logDensity', typeof base.logDensity, 'the base sampler must report its log density');
    const d = base.dim;
    if (o.lo.length !== d || o.hi.length !== d) invalid('mixture box', [o.lo.length, o.hi.length], `needs ${d} lower and upper bounds`);
    this.lo = Float64Array.from(o.lo);
    this.hi = Float64Array.from(o.hi);
    let volume = 1;
    for (let k = 0; k < d; k++) {
      if (!(Number.isFinite(this.lo[k]) && Number.isFinite(this.hi[k]) && this.lo[k] < this.hi[k])) invalid(`mixture box[${k}]`, [this.lo[k], this.hi[k]], 'need finite bounds with lower < upper');
      volume *= this.hi[k] - this.lo[k];
    }
    this.dim = d;
    this.uniformFraction = a;
    this.inside = o.inside ?? (() => true);
    this.insideFraction = o.insideFraction ?? this.measureInsideFraction(o.pilotPoints ?? 65536);
    if (!(this.insideFraction > 0 && this.insideFraction <= 1)) invalid('insideFraction', this.insideFraction, 'must be in (0, 1]: no point of the box is inside the domain');
    this.logUniform = Math.log(a) - Math.log(volume * this.insideFraction);
  }

  private uniformRow(rng: Rng, out: Float64Array): void {
    for (let k = 0; k < this.dim; k++) out[k] = rng.uniformIn(this.lo[k], this.hi[k]);
  }

  private measureInsideFraction(n: number): number {
    if (!(Number.isInteger(n) && n >= 100)) invalid('pilotPoints', n, 'must be an integer >= 100');
    const rng = new Rng(PILOT_SEED);
    const row = new Float64Array(this.dim);
    let k = 0;
    for (let i = 0; i < n; i++) {
      this.uniformRow(rng, row);
      if (this.inside(row)) k++;
    }
    return k / n;
  }

  /** n rows of q_mix; with a = 0 exactly the base sampler's call (same draws, same rng use). */
  async sample(n: number, rng: Rng): Promise<Float64Array> {
    if (this.uniformFraction === 0) return this.base.sample(n, rng);
    const d = this.dim;
    const fromUniform = new Uint8Array(n);
    let nu = 0;
    for (let i = 0; i < n; i++) if (rng.uniform() < this.uniformFraction) {
      fromUniform[i] = 1;
      nu++;
    }
    const baseRows = nu < n ? await this.base.sample(n - nu, rng) : new Float64Array(0);
    if (baseRows.length !== (n - nu) * d) invalid('sampler.sample(n).length', baseRows.length, `must be n x dim = ${(n - nu) * d}`);
    const out = new Float64Array(n * d);
    const row = new Float64Array(d);
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (fromUniform[i] === 1) {
        let tries = 0;
        do {
          if (++tries > 100_000) invalid('mixture uniform component', tries, 'no point inside the domain after 100000 draws');
          this.uniformRow(rng, row);
        } while (!this.inside(row));
        out.set(row, i * d);
      } else {
        out.set(baseRows.subarray(b * d, (b + 1) * d), i * d);
        b++;
      }
    }
    return out;
  }

  /** log q_mix at each row: log((1 - a) q_base + a 1_domain / (V_box Z_u)) (nats). */
  async logDensity(rows: Float64Array): Promise<Float64Array> {
    const d = this.dim;
    const lb = await (this.base.logDensity as (r: Float64Array) => Float64Array | Promise<Float64Array>)(rows);
    const la = Math.log1p(-this.uniformFraction);
    const out = new Float64Array(lb.length);
    for (let i = 0; i < out.length; i++) {
      const row = rows.subarray(i * d, (i + 1) * d);
      let inBox = true;
      for (let k = 0; k < d && inBox; k++) inBox = row[k] >= this.lo[k] && row[k] <= this.hi[k];
      const lu = inBox && this.inside(row) ? this.logUniform : -Infinity;
      out[i] = logAddExp(la + lb[i], lu);
    }
    return out;
  }
}

/** log(e^x + e^y) without overflow; -Infinity when both are. */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const m = Math.max(x, y);
  return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
}
