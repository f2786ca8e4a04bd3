/**
 * A MetricField (src/placement) evaluated on worker threads (src/core/worker-pool.ts): each call's
 * rows are cut into blocks, one per worker (more when there are many rows), and computed in
 * parallel; results keep row order, so the bank does not depend on the worker count. With 0 workers
 * the metric is computed in this thread. The first `recordLimit` rows evaluated are kept with their
 * metrics (the livepoints of a random placement, reused for the volume estimate).
 */
import { WorkerPool } from '../core/worker-pool.js';
import type { MetricField } from '../placement/types.js';
import { metricBlockComputer, type MetricFieldSpec } from './metric-block.js';

/** Rows evaluated and their metrics, in evaluation order. */
export interface MetricRecord {
  theta: Float64Array[];
  metrics: Float64Array[];
}

/** Parallel metric field; call `close()` when done. */
export class PoolMetricField implements MetricField {
  readonly dim: number;
  /** Rows evaluated so far. */
  evaluations = 0;
  readonly record: MetricRecord = { theta: [], metrics: [] };
  private readonly pool: WorkerPool<Float64Array, Float64Array> | undefined;
  private readonly local: ((rows: Float64Array) => Float64Array) | undefined;

  constructor(spec: MetricFieldSpec, dim: number, workers: number, private readonly recordLimit = 0) {
    this.dim = dim;
    if (workers > 0) this.pool = new WorkerPool(new URL('./metric-worker.ts', import.meta.url), workers, spec);
    else this.local = metricBlockComputer(spec);
  }

  async metric(theta: Float64Array): Promise<Float64Array[]> {
    const D = this.dim;
    const n = theta.length / D;
    let flat: Float64Array;
    if (this.pool) {
      const blocks = Math.min(n, this.pool.size * Math.max(1, Math.ceil(n / (64 * this.pool.size))));
      const per = Math.ceil(n / blocks);
      const tasks: Float64Array[] = [];
      for (let s = 0; s < n; s += per) tasks.push(theta.slice(s * D, Math.min(n, s + per) * D));
      const parts = await this.pool.map(tasks);
      flat = new Float64Array(n * D * D);
      let k = 0;
      for (const p of parts) {
        flat.set(p, k);
        k += p.length;
      }
    } else {
      flat = this.local!(theta);
    }
    const out: Float64Array[] = [];
    for (let i = 0; i < n; i++) {
      const m = flat.slice(i * D * D, (i + 1) * D * D);
      out.push(m);
      if (this.evaluations + i < this.recordLimit) {
        this.record.theta.push(theta.slice(i * D, (i + 1) * D));
        this.record.metrics.push(m);
      }
    }
    this.evaluations += n;
    return out;
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}
