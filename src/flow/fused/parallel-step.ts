/**
 * The fused training step (./flow-step.ts) data-parallel over two threads: a worker thread
 * (./step-worker.ts) computes the first half of each batch while this thread computes the second,
 * and the two halves' losses and gradients are added in that fixed order, so training is bitwise
 * reproducible under a seed for a given thread count (not equal to the one-thread step's bits:
 * the batch sums are grouped differently). Wall time only: the CPU time is the one-thread step's
 * plus the copies to and from the worker.
 */
import { WorkerPool } from '../../core/worker-pool.js';
import type { FusedFlowStep } from './flow-step.js';
import { fusedLossAndGrads, minimum, type HostLossName } from './host-loss.js';
import type { PartResult, PartTask } from './step-worker.js';

/** A fused step over two threads (see the file header); {@link close} stops the worker. */
export class ParallelFusedStep {
  private readonly pool: WorkerPool<PartTask, PartResult>;

  constructor(private readonly step: FusedFlowStep) {
    this.pool = new WorkerPool<PartTask, PartResult>(new URL('./step-worker.ts', import.meta.url), 1, step.plan());
  }

  /** As fusedLossAndGrads (./host-loss.ts) for the whole batch, computed in two halves. */
  async lossAndGrads(
    batch: { x: Float32Array; n: number; logPdf?: Float32Array },
    name: HostLossName,
    params: Float32Array[],
    constantIndex: number,
  ): Promise<{ loss: number; g: Float32Array[] }> {
    const { x, n, logPdf } = batch;
    if (n < 2) return fusedLossAndGrads(this.step, batch, name, params, constantIndex);
    const D = this.step.dim;
    const h = Math.floor(n / 2);
    const part = { nTotal: n, lMin: logPdf ? minimum(logPdf, n) : 0 };
    // Copies of the halves (a view would be cloned with its whole buffer).
    const pending = this.pool.run({ params, x: x.slice(0, h * D), n: h, logPdf: logPdf?.slice(0, h), name, constantIndex, part });
    const mine = fusedLossAndGrads(this.step, { x: x.subarray(h * D, n * D), n: n - h, logPdf: logPdf?.subarray(h, n) }, name, params, constantIndex, part);
    const first = await pending;
    first.g.forEach((a, k) => {
      const b = mine.g[k];
      for (let i = 0; i < a.length; i++) a[i] += b[i];
    });
    return { loss: first.loss + mine.loss, g: first.g };
  }

  /** Stop the worker thread. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
