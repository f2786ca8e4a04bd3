/**
 * A MatchOracle (src/placement/complete.ts) on worker threads: pairs are routed to worker
 * (probe id mod W), so each worker keeps the waveforms of its own probes in its cache and a probe is
 * generated once per run (templates are generated once per worker that needs them). Results keep
 * pair order and do not depend on W. With 0 workers the matches are computed in this thread.
 */
import { WorkerPool } from '../../core/worker-pool.js';
import { PointMatcher, type PointMatchSpec } from '../../injections/point-match.js';
import type { MatchOracle } from '../../placement/complete.js';

/** One worker's share of a call. */
export interface MatchTask {
  probes: Float64Array;
  probeIds: Int32Array;
  templates: Float64Array;
  templateIds: Int32Array;
}

/** Parallel true matches; call `close()` when done. */
export class PoolMatchOracle implements MatchOracle {
  private readonly pools: WorkerPool<MatchTask, Float64Array>[] = [];
  private readonly local: PointMatcher | undefined;

  constructor(spec: PointMatchSpec, private readonly dim: number, workers: number) {
    for (let w = 0; w < workers; w++) this.pools.push(new WorkerPool(new URL('./match-worker.ts', import.meta.url), 1, spec));
    if (workers === 0) this.local = new PointMatcher(spec);
  }

  async matchPairs(probes: Float64Array, probeIds: Int32Array, templates: Float64Array, templateIds: Int32Array): Promise<Float64Array> {
    if (this.local) return this.local.matchPairs(probes, probeIds, templates, templateIds);
    const D = this.dim;
    const W = this.pools.length;
    const n = probeIds.length;
    const members: number[][] = Array.from({ length: W }, () => []);
    for (let i = 0; i < n; i++) members[probeIds[i] % W].push(i);
    const out = new Float64Array(n);
    await Promise.all(members.map(async (idx, w) => {
      if (idx.length === 0) return;
      const task: MatchTask = {
        probes: new Float64Array(idx.length * D), probeIds: new Int32Array(idx.length),
        templates: new Float64Array(idx.length * D), templateIds: new Int32Array(idx.length),
      };
      idx.forEach((i, k) => {
        task.probes.set(probes.subarray(i * D, (i + 1) * D), k * D);
        task.templates.set(templates.subarray(i * D, (i + 1) * D), k * D);
        task.probeIds[k] = probeIds[i];
        task.templateIds[k] = templateIds[i];
      });
      const r = await this.pools[w].run(task);
      idx.forEach((i, k) => { out[i] = r[k]; });
    }));
    return out;
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.pools.map((p) => p.close()));
  }
}
