/**
 * Samplers and boundary checkers that need no flow: uniform in a box, and rejection sampling of any
 * base sampler towards a target weight (e.g. sqrt|det M|, the density a flow is trained to follow).
 */
import { invalid } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { BoundaryChecker, MaybePromise, Sampler } from './types.js';

function checkBox(lo: ArrayLike<number>, hi: ArrayLike<number>): number {
  if (lo.length !== hi.length || lo.length === 0) invalid('box', [lo.length, hi.length], 'lower and upper bounds need the same, nonzero length');
  for (let k = 0; k < lo.length; k++) {
    if (!(Number.isFinite(lo[k]) && Number.isFinite(hi[k]) && lo[k] < hi[k])) {
      invalid(`box[${k}]`, [lo[k], hi[k]], 'need finite bounds with lower < upper');
    }
  }
  return lo.length;
}

/** Uniform points in the box [lo, hi) (one `rng.uniform()` per coordinate, row by row). */
export class UniformBoxSampler implements Sampler {
  readonly dim: number;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;

  constructor(lo: ArrayLike<number>, hi: ArrayLike<number>) {
    this.dim = checkBox(lo, hi);
    this.lo = Float64Array.from(lo);
    this.hi = Float64Array.from(hi);
  }

  sample(n: number, rng: Rng): Float64Array {
    const d = this.dim;
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) out[i * d + k] = rng.uniformIn(this.lo[k], this.hi[k]);
    return out;
  }
}

/**
 * Rejection sampler: draws from `base` (density q) and keeps a point with probability
 * w(θ) / wMax, so the output density is ∝ q(θ) w(θ) wherever w <= wMax. With a uniform base and
 * w = sqrt|det M| it samples the metric volume element. `weight` gets n x D rows and returns n weights.
 */
export class RejectionSampler implements Sampler {
  readonly dim: number;

  constructor(
    private readonly base: Sampler,
    private readonly weight: (rows: Float64Array) => MaybePromise<Float64Array>,
    private readonly wMax: number,
  ) {
    if (!(wMax > 0 && Number.isFinite(wMax))) invalid('wMax', wMax, 'must be a positive finite number');
    this.dim = base.dim;
  }

  async sample(n: number, rng: Rng): Promise<Float64Array> {
    const d = this.dim;
    const out = new Float64Array(n * d);
    let filled = 0;
    let rounds = 0;
    let acceptance = 0.5;
    while (filled < n) {
      if (++rounds > 10_000) invalid('RejectionSampler acceptance', acceptance, 'too small: no progress after 10000 rounds');
      const want = Math.min(1 << 20, Math.ceil((1.2 * (n - filled)) / Math.max(acceptance, 1e-3)) + 8);
      const rows = await this.base.sample(want, rng);
      const w = await this.weight(rows);
      let kept = 0;
      for (let i = 0; i < want && filled < n; i++) {
        if (rng.uniform() * this.wMax < w[i]) {
          out.set(rows.subarray(i * d, (i + 1) * d), filled * d);
          filled++;
          kept++;
        }
      }
      acceptance = Math.max(kept / want, 0.5 * acceptance);
    }
    return out;
  }
}

/**
 * Strict box test lo < θ < hi (as mbank's boundaries checker) combined with an optional extra
 * physical-domain test (e.g. mass constraints computed from the BBH components).
 */
export function boxChecker(lo: ArrayLike<number>, hi: ArrayLike<number>, physical?: BoundaryChecker): BoundaryChecker {
  const d = checkBox(lo, hi);
  const l = Float64Array.from(lo);
  const h = Float64Array.from(hi);
  return (theta: Float64Array) => {
    for (let k = 0; k < d; k++) if (!(theta[k] > l[k] && theta[k] < h[k])) return false;
    return physical === undefined || physical(theta);
  };
}
