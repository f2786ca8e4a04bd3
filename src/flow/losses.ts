/**
 * Training losses of a normalizing flow q, all scalars to minimise (mbank `flow/flowmodel.py:
 * loss_dict`, arXiv:2302.00436 Sec. II B; Papamakarios et al. arXiv:1912.02762 Eqs. 13 and 17):
 * - forward KL on samples x_i ~ p: `-mean log q(x_i)`;
 * - `ll_mse`, density regression on pairs (x_i, l_i = log p(x_i) up to a constant):
 *   `mean (log q(x_i) - l_i + C)^2`, C the flow's trainable log-normalisation: at the optimum
 *   `l = log q + C`, so `∫ e^l = e^C` (q is normalised on its box);
 * - `weighted_ll_mse`: the same with weights `w_i = l_i - min_batch l` on the squared residuals
 *   (mbank squares `sqrt(l_i - min l)`);
 * - reverse KL from an unnormalised log-density log U ("training from energy"):
 *   `mean_{x ~ q} [log q(x) - log U(x)]` with reparameterised samples; its minimum is `-log ∫U`.
 */
import * as tf from './tf.js';
import type { Flow } from './types.js';

/** An unnormalised log-density written in tfjs ops: (n, D) points -> (n) values, differentiable. */
export type LogDensityFn = (x: tf.Tensor2D) => tf.Tensor1D;

/** Names of the losses, as mbank spells them (plus `reverse_KL`). */
export const LOSS_NAMES = ['forward_KL', 'll_mse', 'weighted_ll_mse', 'reverse_KL'] as const;
/** One of {@link LOSS_NAMES}. */
export type LossName = (typeof LOSS_NAMES)[number];

/** Forward KL up to the entropy of p: `-mean_i log q(x_i)` (nats). */
export function forwardKLLoss(logq: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(logq)) as tf.Scalar);
}

/** Residuals `log q(x_i) + C - l_i` (nats), zero for a perfect density regression. */
export function logPdfResiduals(logq: tf.Tensor1D, logPdf: tf.Tensor1D, constant: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => tf.sub(tf.add(logq, tf.reshape(constant, [])), logPdf) as tf.Tensor1D);
}

/** mbank `ll_mse`: `mean_i (log q(x_i) - l_i + C)^2` (nats^2). */
export function llMseLoss(logq: tf.Tensor1D, logPdf: tf.Tensor1D, constant: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(logPdfResiduals(logq, logPdf, constant))) as tf.Scalar);
}

/**
 * mbank `weighted_ll_mse`: `mean_i (l_i - min_j l_j) (log q(x_i) - l_i + C)^2`, the minimum taken
 * over the batch, so high-density points weigh more and the lowest point of each batch not at all.
 */
export function weightedLlMseLoss(logq: tf.Tensor1D, logPdf: tf.Tensor1D, constant: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const w = tf.sub(logPdf, tf.min(logPdf));
    return tf.mean(tf.mul(w, tf.square(logPdfResiduals(logq, logPdf, constant)))) as tf.Scalar;
  });
}

/**
 * Reverse KL up to `log Z`: `mean_{x ~ q} [log q(x) - log U(x)]` over `n` samples drawn with `seed`.
 * Gradients flow through the samples (reparameterisation), so `flow.sampleAndLogProb` must be
 * differentiable in the flow's variables. At the optimum q = U/Z the value is `-log Z`.
 */
export function reverseKLLoss(flow: Flow, logU: LogDensityFn, n: number, seed: number): tf.Scalar {
  return tf.tidy(() => {
    const { x, logProb } = flow.sampleAndLogProb(n, seed);
    return tf.mean(tf.sub(logProb, logU(x))) as tf.Scalar;
  });
}

/**
 * The flow's trainable log-normalisation constant C (a variable named `constant` on the flow object,
 * as mbank's `STD_GW_Flow.constant`), or undefined when the flow has none.
 */
export function flowConstant(flow: Flow): tf.Variable | undefined {
  const c = (flow as unknown as { constant?: unknown }).constant;
  return c instanceof tf.Variable ? c : undefined;
}
