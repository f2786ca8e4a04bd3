/**
 * A composition T = T_K o ... o T_1 of transforms given as a list [T_1, ..., T_K] (applied in list
 * order, data -> noise): log|det| is the sum of the layers' log-dets, the inverse applies the
 * inverses in reversed order (zuko `ComposedTransform`, nflows `CompositeTransform`).
 */
import * as tf from '../tf.js';
import type { Transform, WithLogAbsDet } from '../types.js';

/** T_K o ... o T_1 from the list [T_1, ..., T_K]; log-dets add, the inverse runs the list backwards. */
export class ComposedTransform implements Transform {
  readonly kind = 'composed';
  readonly transforms: readonly Transform[];

  constructor(transforms: readonly Transform[]) {
    this.transforms = [...transforms];
  }

  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      let y = x;
      let total: tf.Tensor1D = tf.zeros([x.shape[0]]);
      for (const t of this.transforms) {
        const r = t.forwardAndLogAbsDet(y);
        y = r.y;
        total = tf.add(total, r.logAbsDet);
      }
      return { y, logAbsDet: total };
    });
  }

  inverseAndLogAbsDet(z: tf.Tensor2D): WithLogAbsDet {
    return tf.tidy(() => {
      let x = z;
      let total: tf.Tensor1D = tf.zeros([z.shape[0]]);
      for (let k = this.transforms.length - 1; k >= 0; k--) {
        const r = this.transforms[k].inverseAndLogAbsDet(x);
        x = r.y;
        total = tf.add(total, r.logAbsDet);
      }
      return { y: x, logAbsDet: total };
    });
  }

  forward(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => this.transforms.reduce((y, t) => t.forward(y), x));
  }

  inverse(z: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => this.transforms.reduceRight((x, t) => t.inverse(x), z));
  }

  logAbsDetJacobian(x: tf.Tensor2D): tf.Tensor1D {
    const { y, logAbsDet } = this.forwardAndLogAbsDet(x);
    y.dispose();
    return logAbsDet;
  }

  variables(): tf.Variable[] {
    return this.transforms.flatMap((t) => t.variables());
  }

  /** Names `<index>.<name>` (nflows `_transforms.<index>.<name>`). */
  namedVariables(): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = {};
    this.transforms.forEach((t, i) => {
      for (const [k, v] of Object.entries(t.namedVariables())) out[`${i}.${k}`] = v;
    });
    return out;
  }

  dispose(): void {
    for (const t of this.transforms) t.dispose();
  }
}
