/**
 * Base class of the transforms whose natural form is the fused pass (as zuko's transforms derive
 * `__call__` and `log_abs_det_jacobian` from `call_and_ladj`): forward, inverse and logAbsDetJacobian
 * come from forwardAndLogAbsDet / inverseAndLogAbsDet, disposing the half they do not return.
 */
import type * as tf from '../tf.js';
import type { Transform, WithLogAbsDet } from '../types.js';

/** A Transform defined by its two fused passes (subclasses may override a derived method when cheaper). */
export abstract class FusedTransform implements Transform {
  abstract readonly kind: string;
  abstract forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet;
  abstract inverseAndLogAbsDet(y: tf.Tensor2D): WithLogAbsDet;
  abstract variables(): tf.Variable[];
  abstract namedVariables(): Record<string, tf.Variable>;
  abstract dispose(): void;

  /** y = T(x): the forward pass without its log-det. */
  forward(x: tf.Tensor2D): tf.Tensor2D {
    const r = this.forwardAndLogAbsDet(x);
    r.logAbsDet.dispose();
    return r.y;
  }

  /** x = T^-1(y): the inverse pass without its log-det. */
  inverse(y: tf.Tensor2D): tf.Tensor2D {
    const r = this.inverseAndLogAbsDet(y);
    r.logAbsDet.dispose();
    return r.y;
  }

  /** log|det dT/dx| per row: the forward pass without its output. */
  logAbsDetJacobian(x: tf.Tensor2D): tf.Tensor1D {
    const r = this.forwardAndLogAbsDet(x);
    r.y.dispose();
    return r.logAbsDet;
  }
}
