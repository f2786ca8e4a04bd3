/**
 * nflows' `MaskedAffineAutoregressiveTransform` (MAF, Papamakarios et al. 2017, arXiv:1705.07057)
 * with the glasflow defaults used by mbank. A MADE maps x to (a_d, b_d) (nflows' output row 2d is
 * a_d, row 2d+1 is b_d), then, data -> noise:
 *   s = softplus(a) + 1e-3,  y_d = s_d x_d + b_d,  log|det dy/dx| = sum_d ln s_d.
 * The inverse needs D sequential MADE passes (each fixes one more coordinate).
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import { Made } from './made.js';
import { mafForwardFused } from './maf-op.js';
import type { WithLogAbsDet } from '../types.js';
import { FusedTransform } from './fused.js';

/** Lower bound added to the softplus scale (nflows `_epsilon`). */
export const SCALE_EPSILON = 1e-3;

/** Options of a MAF layer (nflows defaults: numBlocks 2, useResidualBlocks true). */
export interface MaskedAffineOptions {
  dim: number;
  hiddenFeatures: number;
  numBlocks?: number;
  useResidualBlocks?: boolean;
}

/** y = (softplus(a(x)) + 1e-3) x + b(x) with a MADE conditioner (nflows MaskedAffineAutoregressiveTransform). */
export class MaskedAffineAutoregressiveTransform extends FusedTransform {
  readonly kind = 'maskedAffineAutoregressive';
  readonly dim: number;
  readonly made: Made;

  constructor(options: MaskedAffineOptions, rng: Rng) {
    super();
    this.dim = options.dim;
    this.made = new Made(
      {
        dim: options.dim,
        hiddenFeatures: options.hiddenFeatures,
        outputMultiplier: 2,
        numBlocks: options.numBlocks ?? 2,
        useResidualBlocks: options.useResidualBlocks ?? true,
        groupedOutputs: true,
      },
      rng,
    );
  }

  /** (scale s, log s, shift b), each [N, D], from the grouped MADE outputs [a, b]. */
  private scaleAndShift(params: tf.Tensor2D[]): { scale: tf.Tensor2D; logScale: tf.Tensor2D; shift: tf.Tensor2D } {
    const [a, shift] = params;
    const scale = tf.add(tf.softplus(a), SCALE_EPSILON) as tf.Tensor2D;
    return { scale, logScale: tf.log(scale), shift };
  }

  /** The training pass: one fused op with a hand-written gradient (./maf-op.ts). */
  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet {
    return mafForwardFused(this.made, x, SCALE_EPSILON);
  }

  inverseAndLogAbsDet(y: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      const masked = this.made.maskedWeights();
      let x = tf.zerosLike(y) as tf.Tensor2D;
      let logScale: tf.Tensor2D = tf.zerosLike(y);
      for (let d = 0; d < this.dim; d++) {
        const p = this.scaleAndShift(this.made.applyGrouped(x, masked));
        x = tf.div(tf.sub(y, p.shift), p.scale) as tf.Tensor2D;
        logScale = p.logScale;
      }
      return { y: x, logAbsDet: tf.neg(tf.sum(logScale, 1)) as tf.Tensor1D };
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
