import { describe, it, expect } from 'vitest';
import { Whitening, referenceMetric, metricDistance2, isPositiveDefinite } from '../../src/placement/geometry.js';
import { LivepointCover, predictCount } from '../../src/placement/coverage.js';
import { binomialError } from '../../src/placement/sampling.js';
import { UniformBoxSampler, RejectionSampler, boxChecker } from '../../src/placement/samplers.js';
import { Rng } from '../../src/core/rng.js';
import { slogdet } from '../../src/core/linalg.js';
import { MbankError } from '../../src/core/errors.js';

/** A random symmetric positive-definite matrix A A^T + 0.1 I, scaled. */
function randomSpd(rng: Rng, d: number, scale = 1): Float64Array {
  const a = rng.normals(d * d);
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
    let s = i === j ? 0.1 : 0;
    for (let k = 0; k < d; k++) s += a[i * d + k] * a[j * d + k];
    m[i * d + j] = scale * s;
  }
  return m;
}

/** A point on the ellipse dθ^T M dθ = d2 along a random direction (in whitened coordinates y = L^T x). */
function onEllipse(rng: Rng, m: Float64Array, d: number, d2: number): Float64Array {
  const u = rng.normals(d);
  return u.map((x) => x * Math.sqrt(d2 / metricDistance2(m, u, new Float64Array(d), d)));
}

describe('placement geometry', () => {
  it('a metric with a nearly flat direction (TaylorF2Ecc at e = 0) gets a finite wide box; a non-positive-definite one is refused', () => {
    const w = new Whitening(Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]), 3);
    const h = w.ellipseHalfWidths(Float64Array.from([2, 0.5, 0, 0.5, 1, 0, 0, 0, 4e-30]), 0.03);
    expect(Math.abs(h[2] / Math.sqrt(0.03 / 4e-30) - 1)).toBeLessThan(1e-12); // achieved 0
    expect(Math.abs(h[0] / Math.sqrt(0.03 * (1 / 1.75)) - 1)).toBeLessThan(1e-12); // (M^-1)_00 = 1/(2 - 0.25); achieved 1e-16
    expect(() => w.ellipseHalfWidths(Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 0]), 0.03)).toThrow(/metric = .*positive definite/);
  });

  it('ellipse bounding boxes contain every point of the ellipse and are tight', () => {
    const rng = new Rng(1);
    for (const d of [2, 3, 5]) {
      const ref = randomSpd(rng, d);
      const w = new Whitening(ref, d);
      const m = randomSpd(rng, d, 3);
      const h = w.ellipseHalfWidths(m, 0.03);
      const lmin = w.minRelativeEigenvalue(m);
      const reach = new Float64Array(d);
      const y = new Float64Array(d);
      let worstBall = 0;
      let worstWhite = 0;
      for (let s = 0; s < 20000; s++) {
        const x = onEllipse(rng, m, d, 0.03);
        w.apply(x, y);
        let r2 = 0;
        for (let k = 0; k < d; k++) {
          reach[k] = Math.max(reach[k], Math.abs(y[k]));
          r2 += y[k] * y[k];
        }
        // |y|^2 <= d2 / λ_min: the Euclidean bound used by the radius query; and |y|^2 = x^T M_ref x.
        worstBall = Math.max(worstBall, r2 / (0.03 / lmin));
        worstWhite = Math.max(worstWhite, Math.abs(r2 - metricDistance2(ref, x, new Float64Array(d), d)) / r2);
      }
      expect(worstBall).toBeLessThanOrEqual(1 + 1e-9);
      expect(worstWhite).toBeLessThan(1e-10);
      for (let k = 0; k < d; k++) expect(reach[k]).toBeLessThanOrEqual(h[k] * (1 + 1e-12));
      for (let k = 0; k < d; k++) expect(reach[k] / h[k]).toBeGreaterThan(d <= 3 ? 0.97 : 0.8);
    }
  });

  it('the reference metric of scaled copies of one metric is that metric at unit determinant', () => {
    const rng = new Rng(2);
    const m = randomSpd(rng, 3);
    const ref = referenceMetric([m.map((x) => 2 * x), m.map((x) => 50 * x), new Float64Array(9)], 3);
    const { logAbsDet } = slogdet(ref, 3);
    expect(logAbsDet).toBeCloseTo(0, 10);
    const s = Math.exp(-slogdet(m, 3).logAbsDet / 3);
    for (let k = 0; k < 9; k++) expect(ref[k]).toBeCloseTo(s * m[k], 10);
    expect(() => referenceMetric([new Float64Array(9)], 3)).toThrow(MbankError);
    expect(isPositiveDefinite(Float64Array.from([1, 0, 0, -1]), 2)).toBe(false);
    expect(isPositiveDefinite(Float64Array.from([1, 0, 0, NaN]), 2)).toBe(false);
  });

  it('LivepointCover marks exactly the livepoints a brute-force scan finds within metric distance', () => {
    const rng = new Rng(3);
    const d = 3;
    const n = 800;
    const pts = rng.normals(n * d).map((x) => 0.3 * x);
    const ms = Array.from({ length: n }, () => randomSpd(rng, d, 20));
    const cover = new LivepointCover(pts, ms, new Whitening(referenceMetric(ms, d), d), 0.05);
    const covered = new Uint8Array(n);
    for (let t = 0; t < 300; t++) {
      const tmpl = rng.normals(d).map((x) => 0.3 * x);
      let fresh = 0;
      for (let i = 0; i < n; i++) {
        if (!covered[i] && metricDistance2(ms[i], tmpl, pts.subarray(i * d, (i + 1) * d), d) <= 0.05) {
          covered[i] = 1;
          fresh++;
        }
      }
      expect(cover.cover(tmpl)).toBe(fresh);
    }
    const total = covered.reduce((a, b) => a + b, 0);
    expect(cover.covered).toBe(total);
    expect(cover.fraction).toBeCloseTo(total / n, 14);
    expect(cover.fractionError).toBeCloseTo(Math.sqrt((total / n) * (1 - total / n) / (n - 1)), 14);
  });

  it('predictCount recovers the count of an exponential decay of the uncovered fraction', () => {
    const total = 10000;
    const rate = 1 / 300;
    const uncovered = Array.from({ length: 201 }, (_, k) => Math.round(total * Math.exp(-rate * k)));
    const truth = Math.log(1 / (1 - 0.9)) / rate;
    expect(Math.abs((predictCount(uncovered, total, 0.9) as number) / truth - 1)).toBeLessThan(0.02);
    expect(predictCount([total, total], total, 0.9)).toBeNull();
    expect(predictCount([total, total, total], total, 0.9)).toBeNull();
    expect(binomialError(1, 100)).toBeCloseTo(0.01, 12);
  });

  it('the rejection sampler follows the weight and the box checker is strict', async () => {
    const base = new UniformBoxSampler([0, 0], [1, 1]);
    const s = new RejectionSampler(base, (rows) => Float64Array.from({ length: rows.length / 2 }, (_, i) => Math.exp(2 * rows[2 * i])), Math.exp(2));
    const n = 40000;
    const x = await s.sample(n, new Rng(4));
    // density ∝ e^{2 x0}: the fraction below x0 = 0.5 is (e - 1) / (e^2 - 1).
    let below = 0;
    for (let i = 0; i < n; i++) below += x[2 * i] < 0.5 ? 1 : 0;
    const p = (Math.E - 1) / (Math.E ** 2 - 1);
    expect(Math.abs(below / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    const check = boxChecker([0, 0], [1, 1]);
    expect(check(Float64Array.from([0, 0.5]))).toBe(false);
    expect(check(Float64Array.from([0.5, 0.5]))).toBe(true);
    expect(() => boxChecker([0, 1], [1, 1])).toThrow(/box\[1\]/);
    expect(() => new RejectionSampler(base, () => new Float64Array(0), 0)).toThrow(/wMax/);
  });
});
