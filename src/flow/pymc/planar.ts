/**
 * pymc3 `PlanarFlow` (`planar`; Rezende & Mohamed 2015, arXiv:1505.05770 Eq. 10, App. A.1):
 *   f(z) = z + u_hat tanh(w . z + b),  log|det df/dz| = ln|1 + (1 - tanh^2(w . z + b)) w . u_hat|,
 * with the invertibility constraint u_hat = u + (m(w . u) - w . u) w / (|w|^2 + 1e-10),
 * m(t) = -1 + softplus(t), so that w . u_hat > -1.
 * No closed-form inverse: z = f^-1(x) solves, for alpha = w . z + b, the scalar monotone equation
 *   alpha + c tanh(alpha) = w . x + b  (c = w . u_hat),
 * bracketed in [s - |c|, s + |c|] and bisected in float64 on the host, then one Newton step in
 * tfjs ops from that (constant) root: the value is unchanged and the gradient w.r.t. the
 * parameters is the implicit-function one, so log q of arbitrary points can be evaluated and
 * trained through (as needed by score-function training). PyMC itself only samples forward.
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import type { WithLogAbsDet } from '../types.js';
import { PyMCLayer } from './layer.js';

/** Bisection iterations (the bracket has width 2|c|; 60 halvings reach float64 resolution). */
const BISECTIONS = 60;

export class PlanarLayer extends PyMCLayer {
  readonly kind = 'planar';
  readonly u: tf.Variable;
  readonly w: tf.Variable;
  readonly b: tf.Variable;

  constructor(dim: number, rng: Rng, jitter: number) {
    super(dim);
    this.u = this.addParam('u', [dim], rng, jitter);
    this.w = this.addParam('w', [dim], rng, jitter);
    this.b = this.addParam('b', [], rng, jitter);
  }

  /** u_hat [D] (invertibility constraint). */
  uHat(): tf.Tensor1D {
    return tf.tidy(() => {
      const wu = tf.sum(tf.mul(this.w, this.u));
      const m = tf.sub(tf.softplus(wu), 1);
      return tf.add(this.u, tf.mul(tf.div(tf.sub(m, wu), tf.add(tf.sum(tf.square(this.w)), 1e-10)), this.w)) as tf.Tensor1D;
    });
  }

  toData(z: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      const uh = this.uHat();
      const act = tf.tanh(tf.add(tf.matMul(z, tf.reshape(this.w, [this.dim, 1])), this.b)); // [N, 1]
      const y = tf.add(z, tf.mul(act, tf.reshape(uh, [1, this.dim]))) as tf.Tensor2D;
      const c = tf.sum(tf.mul(this.w, uh));
      const lad = tf.log(tf.abs(tf.add(1, tf.mul(tf.sub(1, tf.square(act)), c))));
      return { y, logAbsDet: tf.reshape(lad, [-1]) as tf.Tensor1D };
    });
  }

  toNoise(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const uh = this.uHat();
      const c = tf.sum(tf.mul(this.w, uh));
      const s = tf.add(tf.matMul(x, tf.reshape(this.w, [this.dim, 1])), this.b); // [N, 1]
      const root = bisectPlanar(s.dataSync(), c.dataSync()[0]);
      const a0 = tf.tensor2d(Float32Array.from(root), [root.length, 1], 'float32');
      // One Newton step from the constant root: g(a) = a + c tanh(a) - s, g' = 1 + c (1 - tanh^2 a).
      const t0 = tf.tanh(a0);
      const g = tf.sub(tf.add(a0, tf.mul(c, t0)), s);
      const gp = tf.add(1, tf.mul(c, tf.sub(1, tf.square(t0))));
      const alpha = tf.sub(a0, tf.div(g, gp));
      return tf.sub(x, tf.mul(tf.tanh(alpha), tf.reshape(uh, [1, this.dim]))) as tf.Tensor2D;
    });
  }
}

/** Root alpha of alpha + c tanh(alpha) = s_i for each s_i (c > -1), by bisection in float64. */
export function bisectPlanar(s: ArrayLike<number>, c: number): Float64Array {
  const out = new Float64Array(s.length);
  const half = Math.abs(c);
  for (let i = 0; i < s.length; i++) {
    let lo = s[i] - half;
    let hi = s[i] + half;
    for (let k = 0; k < BISECTIONS && hi - lo > 0; k++) {
      const mid = 0.5 * (lo + hi);
      if (mid + c * Math.tanh(mid) < s[i]) lo = mid;
      else hi = mid;
    }
    out[i] = 0.5 * (lo + hi);
  }
  return out;
}
