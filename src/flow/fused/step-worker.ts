/**
 * Worker thread of ./parallel-step.ts: rebuilds the fused step from its plan once, then computes the
 * loss term and gradients of its part of each batch (the parent sums the parts in a fixed order).
 */
import { defineWorker } from '../../core/worker-pool.js';
import { FusedFlowStep, type FusedStepPlan } from './flow-step.js';
import { fusedLossAndGrads, type BatchPart, type HostLossName } from './host-loss.js';

/** One part of a batch for the worker. */
export interface PartTask {
  params: Float32Array[];
  x: Float32Array;
  n: number;
  logPdf?: Float32Array;
  name: HostLossName;
  constantIndex: number;
  part: BatchPart;
}

/** The part's loss term and gradients. */
export interface PartResult {
  loss: number;
  g: Float32Array[];
}

export default defineWorker<PartTask, PartResult>((data) => {
  const step = FusedFlowStep.fromPlan(data as FusedStepPlan);
  return (t) => fusedLossAndGrads(step, { x: t.x, n: t.n, logPdf: t.logPdf }, t.name, t.params, t.constantIndex, t.part);
});
