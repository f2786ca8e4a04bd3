/** Shared pieces of the training tests: wasm backend, a minimal flow, seeded samplers. */
import * as tf from '../../src/flow/tf.js';
import '@tensorflow/tfjs-backend-wasm';
import { Rng } from '../../src/core/rng.js';
import type { Flow } from '../../src/flow/types.js';

/** Use the wasm backend (as the library does by default). */
export async function useWasm(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.ready();
}

/**
 * The smallest flow: x = mu + exp(s) z, z ~ N(0, I), with a log-normalisation constant; used to
 * test the loop where the flow's expressiveness does not matter.
 */
export class DiagonalGaussianFlow {
  readonly mu: tf.Variable;
  readonly logSigma: tf.Variable;
  readonly constant: tf.Variable;
  constructor(readonly dim: number, mu = 0, logSigma = 0) {
    this.mu = tf.variable(tf.fill([dim], mu));
    this.logSigma = tf.variable(tf.fill([dim], logSigma));
    this.constant = tf.variable(tf.zeros([1]));
  }
  logProb(x: tf.Tensor2D): tf.Tensor1D {
    return tf.tidy(() => {
      const z = tf.div(tf.sub(x, this.mu), tf.exp(this.logSigma));
      const per = tf.add(tf.mul(-0.5, tf.square(z)), tf.sub(-0.5 * Math.log(2 * Math.PI), this.logSigma));
      return tf.sum(per, 1) as tf.Tensor1D;
    });
  }
  sampleAndLogProb(n: number, seed?: number): { x: tf.Tensor2D; logProb: tf.Tensor1D } {
    return tf.tidy(() => {
      const z = tf.randomNormal([n, this.dim], 0, 1, 'float32', seed) as tf.Tensor2D;
      const x = tf.add(this.mu, tf.mul(tf.exp(this.logSigma), z)) as tf.Tensor2D;
      const logProb = tf.sub(
        tf.sum(tf.mul(-0.5, tf.square(z)), 1),
        tf.add(tf.sum(this.logSigma), 0.5 * this.dim * Math.log(2 * Math.PI)),
      ) as tf.Tensor1D;
      return { x, logProb };
    });
  }
  sample(n: number, seed?: number): tf.Tensor2D {
    const { x, logProb } = this.sampleAndLogProb(n, seed);
    logProb.dispose();
    return x;
  }
  trainableVariables(): tf.Variable[] {
    return [this.mu, this.logSigma, this.constant];
  }
  architecture(): never {
    throw new Error('not serialisable');
  }
  dispose(): void {
    this.mu.dispose();
    this.logSigma.dispose();
    this.constant.dispose();
  }
  asFlow(): Flow {
    return this as unknown as Flow;
  }
}

/** n points of a D-dimensional normal N(mean, sigma^2 I), row-major, with their normalised log-pdf. */
export function gaussianSamples(n: number, dim: number, mean: number, sigma: number, seed: number) {
  const rng = new Rng(seed);
  const x = new Float64Array(n * dim);
  const logPdf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lp = -0.5 * dim * Math.log(2 * Math.PI * sigma * sigma);
    for (let d = 0; d < dim; d++) {
      const z = rng.normal();
      x[i * dim + d] = mean + sigma * z;
      lp -= 0.5 * z * z;
    }
    logPdf[i] = lp;
  }
  return { x, n, dim, logPdf };
}
