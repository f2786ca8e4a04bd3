/**
 * A fixed permutation of the coordinates: y_d = x_{perm[d]}, log|det| = 0 (nflows `Permutation`,
 * `ReversePermutation`, `RandomPermutation`). Not used by mbank's STD_GW_Flow (whose NaiveLinear
 * layers mix the coordinates), available for other architectures. Applied as a product with a 0/1
 * matrix (exact for finite inputs) because tf.gather has no gradient kernel on the wasm backend.
 */
import * as tf from '../tf.js';
import { invalid } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { Transform, WithLogAbsDet } from '../types.js';
import { selectionMatrix } from './made.js';

/** The reversing permutation [D-1, ..., 0]. */
export function reversePermutation(dim: number): number[] {
  return Array.from({ length: dim }, (_, i) => dim - 1 - i);
}

/** A uniformly random permutation of 0..D-1 (Fisher-Yates). */
export function randomPermutation(dim: number, rng: Rng): number[] {
  const p = Array.from({ length: dim }, (_, i) => i);
  for (let i = dim - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** y_d = x_{perm[d]}, log|det| = 0. */
export class PermutationTransform implements Transform {
  readonly kind = 'permutation';
  readonly permutation: readonly number[];
  private readonly inversePermutation: number[];
  private readonly forwardMatrix: tf.Tensor2D;
  private readonly inverseMatrix: tf.Tensor2D;

  constructor(permutation: readonly number[]) {
    const seen = new Set(permutation);
    if (seen.size !== permutation.length || permutation.some((p) => !Number.isInteger(p) || p < 0 || p >= permutation.length)) {
      invalid('permutation', Array.from(permutation), `must be a permutation of 0..${permutation.length - 1}`);
    }
    this.permutation = [...permutation];
    this.inversePermutation = new Array<number>(permutation.length);
    permutation.forEach((p, i) => (this.inversePermutation[p] = i));
    this.forwardMatrix = selectionMatrix(permutation.length, this.permutation);
    this.inverseMatrix = selectionMatrix(permutation.length, this.inversePermutation);
  }

  forward(x: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(x, this.forwardMatrix);
  }

  inverse(y: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(y, this.inverseMatrix);
  }

  logAbsDetJacobian(x: tf.Tensor2D): tf.Tensor1D {
    return tf.zeros([x.shape[0]]);
  }

  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet {
    return { y: this.forward(x), logAbsDet: this.logAbsDetJacobian(x) };
  }

  inverseAndLogAbsDet(y: tf.Tensor2D): WithLogAbsDet {
    return { y: this.inverse(y), logAbsDet: tf.zeros([y.shape[0]]) };
  }

  variables(): tf.Variable[] {
    return [];
  }

  namedVariables(): Record<string, tf.Variable> {
    return {};
  }

  dispose(): void {
    this.forwardMatrix.dispose();
    this.inverseMatrix.dispose();
  }
}
