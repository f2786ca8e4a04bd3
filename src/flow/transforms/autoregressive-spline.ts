/**
 * Masked autoregressive rational-quadratic spline transform (Durkan et al. 2019, arXiv:1906.04032;
 * nflows `MaskedPiecewiseRationalQuadraticAutoregressiveTransform` with linear tails, zuko `NSF`
 * layer, pyro `SplineAutoregressive`). A MADE (./made.ts) maps x to 3K-1 parameters per dimension,
 * in nflows' layout [N, D, 3K-1] = (K widths, K heights, K-1 interior derivatives); widths and
 * heights are divided by sqrt(hiddenFeatures) as in nflows. Data -> noise:
 *   y_d = S(x_d; theta_d(x_{<d})),  log|det dy/dx| = sum_d ln S'(x_d).
 * The inverse needs D sequential MADE passes (each fixes one more coordinate).
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import { invalid } from '../../core/errors.js';
import type { WithLogAbsDet } from '../types.js';
import { FusedTransform } from './fused.js';
import { Made } from './made.js';
import { checkSplineOptions, rationalQuadraticSpline, type SplineOptions, type SplineParams } from './rq-spline.js';

/** Options of a spline MAF layer (nflows defaults: numBlocks 2, residual blocks). */
export interface AutoregressiveSplineOptions extends SplineOptions {
  dim: number;
  hiddenFeatures: number;
  numBlocks?: number;
  useResidualBlocks?: boolean;
}

export class MaskedRQSAutoregressiveTransform extends FusedTransform {
  readonly kind = 'maskedRQSAutoregressive';
  readonly dim: number;
  readonly options: AutoregressiveSplineOptions;
  readonly made: Made;

  constructor(options: AutoregressiveSplineOptions, rng: Rng) {
    super();
    if (!Number.isInteger(options.dim) || options.dim < 1) invalid('dim', options.dim, 'must be a positive integer');
    if (!Number.isInteger(options.hiddenFeatures) || options.hiddenFeatures < 1) {
      invalid('hidden-features', options.hiddenFeatures, 'must be a positive integer');
    }
    checkSplineOptions(options);
    this.dim = options.dim;
    this.options = { ...options };
    this.made = new Made(
      {
        dim: options.dim,
        hiddenFeatures: options.hiddenFeatures,
        outputMultiplier: 3 * options.bins - 1,
        numBlocks: options.numBlocks ?? 2,
        useResidualBlocks: options.useResidualBlocks ?? true,
      },
      rng,
    );
  }

  /** Spline parameters [N, D, .] of every dimension from the MADE output at x. */
  private params(x: tf.Tensor2D, masked?: tf.Tensor2D[]): SplineParams {
    const n = x.shape[0];
    const k = this.options.bins;
    const d = this.dim;
    const p = tf.reshape(this.made.apply(x, masked), [n, d, 3 * k - 1]);
    const norm = 1 / Math.sqrt(this.options.hiddenFeatures);
    return {
      widths: tf.mul(tf.slice(p, [0, 0, 0], [n, d, k]), norm) as tf.Tensor3D,
      heights: tf.mul(tf.slice(p, [0, 0, k], [n, d, k]), norm) as tf.Tensor3D,
      derivatives: tf.slice(p, [0, 0, 2 * k], [n, d, k - 1]) as tf.Tensor3D,
    };
  }

  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      const r = rationalQuadraticSpline(x, this.params(x), this.options, false);
      return { y: r.y, logAbsDet: tf.sum(r.logAbsDet, 1) as tf.Tensor1D };
    });
  }

  inverseAndLogAbsDet(y: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      const masked = this.made.maskedWeights();
      let x = tf.zerosLike(y) as tf.Tensor2D;
      let lad: tf.Tensor2D = tf.zerosLike(y);
      for (let d = 0; d < this.dim; d++) {
        const r = rationalQuadraticSpline(y, this.params(x, masked), this.options, true);
        x = r.y;
        lad = r.logAbsDet;
      }
      return { y: x, logAbsDet: tf.sum(lad, 1) as tf.Tensor1D };
    });
  }

  variables(): tf.Variable[] {
    return this.made.variables();
  }

  /** nflows names, prefixed `autoregressive_net.`. */
  namedVariables(): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = {};
    for (const [k, v] of Object.entries(this.made.namedVariables())) out[`autoregressive_net.${k}`] = v;
    return out;
  }

  dispose(): void {
    this.made.dispose();
  }
}
