/**
 * The monotonic rational-quadratic spline (Durkan et al. 2019, arXiv:1906.04032, Sec. 3.1; nflows
 * `unconstrained_rational_quadratic_spline`, zuko `MonotonicRQSTransform`), element-wise on [N, D]
 * with per-element bin parameters [N, D, K].
 *
 * On [-B, B] the K bins have widths w_k and heights h_k (softmax of the unconstrained values, each
 * at least `minBinWidth`/`minBinHeight` of 2B) and K+1 knot derivatives d_k (d_0 = d_K = 1, interior
 * `minDerivative + softplus(u)`); outside [-B, B] the map is the identity (linear tails). In bin k,
 * with s = h_k/w_k and theta = (x - x_k)/w_k:
 *   y = y_k + h_k (s theta^2 + d_k theta(1-theta)) / (s + (d_k + d_{k+1} - 2s) theta(1-theta)),
 *   dy/dx = s^2 (d_{k+1} theta^2 + 2 s theta(1-theta) + d_k (1-theta)^2) / (s + (...)theta(1-theta))^2;
 * the inverse solves the quadratic a theta^2 + b theta + c = 0 by the stable root 2c/(-b - sqrt(b^2 - 4ac)).
 * Bins are selected by one-hot masks (no gather, which has no gradient kernel on wasm).
 */
import * as tf from '../tf.js';
import { invalid } from '../../core/errors.js';

/** Shape options of the spline (nflows defaults: 1e-3 each; zuko bound 5). */
export interface SplineOptions {
  /** Number of bins K. */
  bins: number;
  /** Half-width B of the spline interval [-B, B]; identity outside. */
  bound: number;
  minBinWidth?: number;
  minBinHeight?: number;
  minDerivative?: number;
}

/** Default minimum bin width, height and derivative (nflows). */
export const SPLINE_MIN = 1e-3;

/** Unconstrained spline parameters per element: widths, heights [N, D, K], interior derivatives [N, D, K-1]. */
export interface SplineParams {
  widths: tf.Tensor3D;
  heights: tf.Tensor3D;
  derivatives: tf.Tensor3D;
}

/** Check bins (integer >= 1), bound (> 0) and minima (K * min < 1). */
export function checkSplineOptions(o: SplineOptions): void {
  if (!Number.isInteger(o.bins) || o.bins < 1) invalid('bins', o.bins, 'must be an integer >= 1');
  if (!(o.bound > 0) || !Number.isFinite(o.bound)) invalid('bound', o.bound, 'must be a finite number > 0');
  for (const [k, v] of [['minBinWidth', o.minBinWidth], ['minBinHeight', o.minBinHeight]] as const) {
    if (v !== undefined && !(v >= 0 && v * o.bins < 1)) invalid(k, v, `must be >= 0 with bins * ${k} < 1`);
  }
  if (o.minDerivative !== undefined && !(o.minDerivative >= 0)) invalid('minDerivative', o.minDerivative, 'must be >= 0');
}

/** Matrix C [K, K+1], C[i, j] = 1 for i < j, so (w C)_j = sum_{i<j} w_i (knot positions from 0 to 1). */
function cumulativeMatrix(k: number): tf.Tensor2D {
  const c = new Float32Array(k * (k + 1));
  for (let i = 0; i < k; i++) for (let j = i + 1; j <= k; j++) c[i * (k + 1) + j] = 1;
  return tf.tensor2d(c, [k, k + 1]);
}

/** Knots [N, D, K+1] from -B to B (end points exact) and bin sizes [N, D, K], from unconstrained sizes. */
function knots(u: tf.Tensor3D, minSize: number, bound: number): { knots: tf.Tensor3D; sizes: tf.Tensor3D } {
  const [n, d, k] = u.shape;
  const frac = tf.add(minSize, tf.mul(1 - minSize * k, tf.softmax(u, -1)));
  const cum = tf.reshape(tf.matMul(tf.reshape(frac, [n * d, k]), cumulativeMatrix(k)), [n, d, k + 1]);
  const lastOnly = tf.oneHot(tf.tensor1d([k], 'int32'), k + 1).reshape([k + 1]);
  // Force the last knot to exactly 1 (the softmax sums to 1 only up to rounding).
  const exact = tf.add(tf.mul(cum, tf.sub(1, lastOnly)), lastOnly);
  const kn = tf.sub(tf.mul(2 * bound, exact), bound) as tf.Tensor3D;
  const sizes = tf.sub(tf.slice(kn, [0, 0, 1], [n, d, k]), tf.slice(kn, [0, 0, 0], [n, d, k])) as tf.Tensor3D;
  return { knots: kn, sizes };
}

/** One-hot [N, D, K] of the bin of each v (v clamped into [knot_0, knot_K]). */
function binMask(v: tf.Tensor2D, kn: tf.Tensor3D): tf.Tensor3D {
  const [n, d, k1] = kn.shape;
  const k = k1 - 1;
  const left = tf.slice(kn, [0, 0, 0], [n, d, k]);
  const first = tf.oneHot(tf.tensor1d([0], 'int32'), k).reshape([k]);
  // ge_k = [v >= left_k], with ge_0 = 1; the bin is the last k with ge_k = 1.
  const ge = tf.maximum(tf.cast(tf.greaterEqual(tf.expandDims(v, 2), left), 'float32'), first);
  const next = tf.concat([tf.slice(ge, [0, 0, 1], [n, d, k - 1]), tf.zeros([n, d, 1])], 2);
  return tf.sub(ge, next) as tf.Tensor3D;
}

/** sum_k mask_k t_k over the last axis: [N, D]. */
function pick(mask: tf.Tensor3D, t: tf.Tensor3D): tf.Tensor2D {
  return tf.sum(tf.mul(mask, t), 2) as tf.Tensor2D;
}

/** Derivatives at the K+1 knots [N, D, K+1]: 1 at both ends, minDerivative + softplus(u) inside. */
function knotDerivatives(u: tf.Tensor3D, minDerivative: number): tf.Tensor3D {
  const [n, d] = u.shape;
  const ones = tf.ones([n, d, 1]);
  return tf.concat([ones, tf.add(minDerivative, tf.softplus(u)), ones], 2) as tf.Tensor3D;
}

/**
 * The spline y = S(x) (or x = S^-1(y) when `inverse`) element-wise, with log|dS/dx| per element
 * ([N, D]; minus that for the inverse). Values outside [-B, B] pass unchanged with log-det 0.
 */
export function rationalQuadraticSpline(
  v: tf.Tensor2D,
  params: SplineParams,
  options: SplineOptions,
  inverse = false,
): { y: tf.Tensor2D; logAbsDet: tf.Tensor2D } {
  return tf.tidy(() => {
    const b = options.bound;
    const [n, d] = v.shape;
    const k = options.bins;
    const xs = knots(params.widths, options.minBinWidth ?? SPLINE_MIN, b);
    const ys = knots(params.heights, options.minBinHeight ?? SPLINE_MIN, b);
    const der = knotDerivatives(params.derivatives, options.minDerivative ?? SPLINE_MIN);
    // GreaterEqual is the comparison with a (zero) gradient registered in tfjs.
    const inside = tf.greaterEqual(b, tf.abs(v));
    // The inside branch runs on clamped values so that the unused branch stays finite (and its
    // gradient, zeroed by where, stays free of 0 * Inf).
    const vc = tf.clipByValue(v, -b, b) as tf.Tensor2D;
    const mask = binMask(vc, inverse ? ys.knots : xs.knots);
    const xk = pick(mask, tf.slice(xs.knots, [0, 0, 0], [n, d, k]));
    const yk = pick(mask, tf.slice(ys.knots, [0, 0, 0], [n, d, k]));
    const wk = pick(mask, xs.sizes);
    const hk = pick(mask, ys.sizes);
    const dk = pick(mask, tf.slice(der, [0, 0, 0], [n, d, k]));
    const dk1 = pick(mask, tf.slice(der, [0, 0, 1], [n, d, k]));
    const s = tf.div(hk, wk);
    const sum2 = tf.sub(tf.add(dk, dk1), tf.mul(2, s));
    let theta: tf.Tensor2D;
    let out: tf.Tensor2D;
    if (!inverse) {
      theta = tf.clipByValue(tf.div(tf.sub(vc, xk), wk), 0, 1) as tf.Tensor2D;
    } else {
      const dy = tf.sub(vc, yk);
      const a = tf.add(tf.mul(hk, tf.sub(s, dk)), tf.mul(dy, sum2));
      const bq = tf.sub(tf.mul(hk, dk), tf.mul(dy, sum2));
      const c = tf.neg(tf.mul(s, dy));
      const disc = tf.relu(tf.sub(tf.square(bq), tf.mul(4, tf.mul(a, c))));
      theta = tf.clipByValue(tf.div(tf.mul(2, c), tf.sub(tf.neg(bq), tf.sqrt(disc))), 0, 1) as tf.Tensor2D;
    }
    const t1 = tf.mul(theta, tf.sub(1, theta));
    const den = tf.add(s, tf.mul(sum2, t1));
    if (!inverse) {
      out = tf.add(yk, tf.div(tf.mul(hk, tf.add(tf.mul(s, tf.square(theta)), tf.mul(dk, t1))), den)) as tf.Tensor2D;
    } else {
      out = tf.add(xk, tf.mul(theta, wk)) as tf.Tensor2D;
    }
    const num = tf.mul(
      tf.square(s),
      tf.add(tf.add(tf.mul(dk1, tf.square(theta)), tf.mul(tf.mul(2, s), t1)), tf.mul(dk, tf.square(tf.sub(1, theta)))),
    );
    let lad = tf.sub(tf.log(num), tf.mul(2, tf.log(den)));
    if (inverse) lad = tf.neg(lad);
    return {
      y: tf.where(inside, out, v) as tf.Tensor2D,
      logAbsDet: tf.where(inside, lad, tf.zerosLike(lad)) as tf.Tensor2D,
    };
  });
}
