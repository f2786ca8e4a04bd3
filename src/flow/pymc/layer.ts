/**
 * Base of the PyMC3 flow layers (pymc3 `variational/flows.py`). PyMC defines each layer in the
 * noise -> data direction, f(z), with log|det df/dz|, and samples forward from N(0, I). Our
 * `Transform` runs data -> noise (nflows convention), so here `inverseAndLogAbsDet` is PyMC's
 * `forward`/`logdet` and `forwardAndLogAbsDet(x)` is z = f^-1(x) with log-det -log|det f'(z)|.
 * Parameters start at N(0, jitter^2) + a reference value (pymc3 `AbstractFlow.add_param`).
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import type { WithLogAbsDet } from '../types.js';
import { FusedTransform } from '../transforms/fused.js';

export abstract class PyMCLayer extends FusedTransform {
  readonly dim: number;
  protected readonly params: Record<string, tf.Variable> = {};

  constructor(dim: number) {
    super();
    this.dim = dim;
  }

  /** A trainable parameter of `shape`, N(0, jitter^2) + ref (pymc3 add_param). */
  protected addParam(name: string, shape: number[], rng: Rng, jitter: number, ref = 0): tf.Variable {
    const size = shape.reduce((a, b) => a * b, 1);
    const v = tf.variable(tf.tensor(Float32Array.from(rng.normals(size), (z) => ref + jitter * z), shape), true);
    this.params[name] = v;
    return v;
  }

  /** PyMC's forward x = f(z) (noise -> data) and log|det df/dz| per row; differentiable. */
  abstract toData(z: tf.Tensor2D): WithLogAbsDet;
  /** z = f^-1(x) (data -> noise); differentiable in the parameters. */
  abstract toNoise(x: tf.Tensor2D): tf.Tensor2D;

  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      const z = this.toNoise(x);
      const { y, logAbsDet } = this.toData(z);
      y.dispose();
      return { y: z, logAbsDet: tf.neg(logAbsDet) as tf.Tensor1D };
    });
  }

  inverseAndLogAbsDet(z: tf.Tensor2D): WithLogAbsDet {
    return this.toData(z);
  }

  /** y = T(x) by toNoise (cheaper than the fused pass). */
  override forward(x: tf.Tensor2D): tf.Tensor2D {
    return this.toNoise(x);
  }

  variables(): tf.Variable[] {
    return Object.values(this.params);
  }

  /** pymc3 parameter names (`loc`, `log_scale`, `u`, `w`, `b`, `a`, `z_ref`, `v`). */
  namedVariables(): Record<string, tf.Variable> {
    return { ...this.params };
  }

  dispose(): void {
    tf.dispose(Object.values(this.params));
  }
}
