/**
 * An element-wise monotonic rational-quadratic spline with its own trainable bin parameters per
 * coordinate (no conditioner): y_d = S_d(x_d), data -> noise, log|det| = sum_d ln S_d'(x_d)
 * (zuko `MonotonicRQSTransform` with unconditional parameters). Mostly a building block and the
 * test case of the spline formulas (./rq-spline.ts) under the transform harness.
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import { invalid } from '../../core/errors.js';
import type { WithLogAbsDet } from '../types.js';
import { FusedTransform } from './fused.js';
import { checkSplineOptions, rationalQuadraticSpline, type SplineOptions } from './rq-spline.js';

export class ElementwiseSplineTransform extends FusedTransform {
  readonly kind = 'elementwiseSpline';
  readonly dim: number;
  readonly options: SplineOptions;
  /** Unconstrained widths [D, K], heights [D, K], interior derivatives [D, K-1]. */
  readonly widths: tf.Variable;
  readonly heights: tf.Variable;
  readonly derivatives: tf.Variable;

  /** Parameters drawn N(0, initScale^2) (0 gives the identity up to the minimum-size terms). */
  constructor(dim: number, options: SplineOptions, rng: Rng, initScale = 0) {
    super();
    if (!Number.isInteger(dim) || dim < 1) invalid('dim', dim, 'must be a positive integer');
    checkSplineOptions(options);
    this.dim = dim;
    this.options = { ...options };
    const k = options.bins;
    const draw = (n: number) => Float32Array.from(rng.normals(n), (z) => initScale * z);
    this.widths = tf.variable(tf.tensor2d(draw(dim * k), [dim, k]), true);
    this.heights = tf.variable(tf.tensor2d(draw(dim * k), [dim, k]), true);
    this.derivatives = tf.variable(tf.tensor2d(draw(dim * (k - 1)), [dim, k - 1]), true);
  }

  private apply(v: tf.Tensor2D, inverse: boolean): WithLogAbsDet {
    return tf.tidy(() => {
      const n = v.shape[0];
      const grow = (p: tf.Variable) => tf.add(tf.zeros([n, ...p.shape]), p) as tf.Tensor3D;
      const r = rationalQuadraticSpline(
        v,
        { widths: grow(this.widths), heights: grow(this.heights), derivatives: grow(this.derivatives) },
        this.options,
        inverse,
      );
      return { y: r.y, logAbsDet: tf.sum(r.logAbsDet, 1) as tf.Tensor1D };
    });
  }

  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet {
    return this.apply(x, false);
  }

  inverseAndLogAbsDet(y: tf.Tensor2D): WithLogAbsDet {
    return this.apply(y, true);
  }

  variables(): tf.Variable[] {
    return [this.widths, this.heights, this.derivatives];
  }

  namedVariables(): Record<string, tf.Variable> {
    return { unnormalized_widths: this.widths, unnormalized_heights: this.heights, unnormalized_derivatives: this.derivatives };
  }

  dispose(): void {
    tf.dispose([this.widths, this.heights, this.derivatives]);
  }
}
