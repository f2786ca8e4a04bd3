/**
 * The data losses of ../losses.ts on host arrays, for the fused training step (./flow-step.ts):
 * each returns the loss of a batch from log q and d loss / d log q per row (float64), and the
 * derivative with respect to the flow's constant C, which enters only through the residuals
 * r_i = log q_i + C - l_i, so d loss / dC = sum_i d loss / d log q_i.
 *   forward_KL: -mean log q;  ll_mse: mean r^2;  weighted_ll_mse: mean (l - min l) r^2.
 */
import type { FusedFlowStep, LogqLoss } from './flow-step.js';

/** Names of the losses that the fused step supports (the data losses; reverse KL needs sampling). */
export type HostLossName = 'forward_KL' | 'll_mse' | 'weighted_ll_mse';

/** A part of a batch: the whole batch's size and its minimum log-pdf (weighted_ll_mse's weights). */
export interface BatchPart {
  nTotal: number;
  lMin: number;
}

/**
 * The loss of one batch as a {@link LogqLoss}; `logPdf` and `constant` (C) are needed by the ll_mse
 * losses. With `part`, the rows are a part of a larger batch: the loss is this part's term of the
 * whole batch's loss (the parts' losses and gradients add up to the whole batch's).
 */
export function hostLoss(name: HostLossName, logPdf?: Float32Array, constant = 0, part?: BatchPart): LogqLoss {
  return (logq) => {
    const n = logq.length;
    const nTotal = part?.nTotal ?? n;
    const dLogq = new Float64Array(n);
    let loss = 0;
    if (name === 'forward_KL') {
      for (let i = 0; i < n; i++) loss -= logq[i];
      dLogq.fill(-1 / nTotal);
      return { loss: loss / nTotal, dLogq };
    }
    const l = logPdf as Float32Array;
    const lMin = part?.lMin ?? minimum(l, n);
    for (let i = 0; i < n; i++) {
      const w = name === 'll_mse' ? 1 : l[i] - lMin;
      const r = logq[i] + constant - l[i];
      loss += w * r * r;
      dLogq[i] = (2 * w * r) / nTotal;
    }
    return { loss: loss / nTotal, dLogq };
  };
}

/** The minimum of the first n values. */
export function minimum(l: Float32Array, n: number): number {
  let m = Infinity;
  for (let i = 0; i < n; i++) m = Math.min(m, l[i]);
  return m;
}

/**
 * One training step's loss and gradients by the fused pass, for a minibatch from the trainer (or a
 * `part` of one): the constant C (at `constantIndex` of `params`, -1 for none) gets
 * d loss / dC = sum_i d loss / d log q_i.
 */
export function fusedLossAndGrads(
  step: FusedFlowStep,
  batch: { x: Float32Array; n: number; logPdf?: Float32Array },
  name: HostLossName,
  params: Float32Array[],
  constantIndex: number,
  part?: BatchPart,
): { loss: number; g: Float32Array[] } {
  const base = hostLoss(name, batch.logPdf, constantIndex >= 0 ? params[constantIndex][0] : 0, part);
  let dC = 0;
  const r = step.lossAndGrads(params, batch.x, batch.n, (logq) => {
    const out = base(logq);
    for (const d of out.dLogq) dC += d;
    return out;
  });
  if (constantIndex >= 0) r.grads[constantIndex][0] = dC;
  return { loss: r.loss, g: r.grads };
}
