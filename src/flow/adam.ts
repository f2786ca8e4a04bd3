/**
 * Adam (Kingma & Ba, arXiv:1412.6980, with PyTorch's defaults and bias correction) on plain
 * arrays. The flows are small (1e3-1e5 parameters), so the update runs in float64 JavaScript on the
 * gradients read back once per step: one upload per variable instead of ~8 tensor ops, moments
 * that can be copied and restored exactly (recovery after a diverging step), and a global gradient
 * norm that is known before anything is written.
 */
import { invalid } from '../core/errors.js';

/** Hyper-parameters of {@link Adam} (PyTorch defaults). */
export interface AdamOptions {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** A copy of the optimiser state (moments and step count). */
export interface AdamState {
  step: number;
  m: Float64Array[];
  v: Float64Array[];
}

/**
 * `m <- b1 m + (1 - b1) g`, `v <- b2 v + (1 - b2) g^2`,
 * `p <- p - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)`, per parameter array.
 */
export class Adam {
  learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private step = 0;
  private m: Float64Array[];
  private v: Float64Array[];

  /** @param sizes number of elements of each parameter array, in the order of {@link update}. */
  constructor(sizes: readonly number[], options: AdamOptions) {
    if (!(options.learningRate > 0) || !Number.isFinite(options.learningRate)) {
      invalid('learning-rate', options.learningRate, 'must be a finite number > 0');
    }
    this.learningRate = options.learningRate;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.m = sizes.map((n) => new Float64Array(n));
    this.v = sizes.map((n) => new Float64Array(n));
  }

  /**
   * One step: updates `params[i]` in place from `grads[i]` (a missing gradient is zero).
   * @param gradScale multiplies every gradient first (gradient clipping).
   */
  update(params: Float32Array[], grads: (ArrayLike<number> | null)[], gradScale = 1): void {
    this.step += 1;
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    const c1 = 1 - b1 ** this.step;
    const c2 = 1 - b2 ** this.step;
    const lr = this.learningRate;
    for (let k = 0; k < params.length; k++) {
      const p = params[k];
      const g = grads[k];
      const m = this.m[k];
      const v = this.v[k];
      for (let i = 0; i < p.length; i++) {
        const gi = g ? g[i] * gradScale : 0;
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
      }
    }
  }

  /** A copy of the moments and step count. */
  state(): AdamState {
    return { step: this.step, m: this.m.map((a) => a.slice()), v: this.v.map((a) => a.slice()) };
  }

  /** Restore a state returned by {@link state} (copied, so the same state can be restored again). */
  setState(state: AdamState): void {
    this.step = state.step;
    this.m = state.m.map((a) => a.slice());
    this.v = state.v.map((a) => a.slice());
  }
}
