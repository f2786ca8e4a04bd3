/**
 * nflows' `NaiveLinear`: y = x W^T + b with a full D x D weight (PyTorch layout [out, in]) and bias;
 * log|det dy/dx| = ln|det W| for every row. ln|det W| and W^-1 are computed on the host in float64
 * (tfjs has no LU) with analytic gradients (./matrix-ops.ts). Initialisation as nflows: W random
 * orthogonal, b = 0.
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import { randomOrthogonal } from '../init.js';
import { linear } from '../linear-op.js';
import { logAbsDet, matrixInverse } from '../matrix-ops.js';
import type { Transform, WithLogAbsDet } from '../types.js';

/** y = x W^T + b, log|det| = ln|det W| (nflows NaiveLinear). */
export class NaiveLinearTransform implements Transform {
  readonly kind = 'naiveLinear';
  readonly dim: number;
  /** W, [D, D] (row = output feature). */
  readonly weight: tf.Variable;
  /** b, [D]. */
  readonly bias: tf.Variable;

  constructor(dim: number, rng: Rng) {
    this.dim = dim;
    this.weight = tf.variable(tf.tensor2d(randomOrthogonal(rng, dim), [dim, dim]), true);
    this.bias = tf.variable(tf.zeros([dim]), true);
  }

  forward(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => linear(x, tf.transpose(this.weight as tf.Tensor2D), this.bias as tf.Tensor1D));
  }

  inverse(y: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.matMul(tf.sub(y, this.bias) as tf.Tensor2D, tf.transpose(matrixInverse(this.weight as tf.Tensor2D))));
  }

  logAbsDetJacobian(x: tf.Tensor2D): tf.Tensor1D {
    return tf.tidy(() => tf.add(tf.zeros([x.shape[0]]), logAbsDet(this.weight as tf.Tensor2D)) as tf.Tensor1D);
  }

  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet {
    return { y: this.forward(x), logAbsDet: this.logAbsDetJacobian(x) };
  }

  inverseAndLogAbsDet(y: tf.Tensor2D): WithLogAbsDet {
    return {
      y: this.inverse(y),
      logAbsDet: tf.tidy(() => tf.sub(tf.zeros([y.shape[0]]), logAbsDet(this.weight as tf.Tensor2D)) as tf.Tensor1D),
    };
  }

  variables(): tf.Variable[] {
    return [this.weight, this.bias];
  }

  /** nflows names: `bias`, `_weight`. */
  namedVariables(): Record<string, tf.Variable> {
    return { bias: this.bias, _weight: this.weight };
  }

  dispose(): void {
    this.weight.dispose();
    this.bias.dispose();
  }
}
