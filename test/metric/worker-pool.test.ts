import { describe, it, expect } from 'vitest';
import { WorkerPool } from '../../src/core/worker-pool.js';
import { MbankError } from '../../src/core/errors.js';

type Out = { value: number; offset: number; worker: number };

describe('worker pool', () => {
  it('runs TypeScript workers and returns results in task order with the shared worker data', async () => {
    const pool = new WorkerPool<number, Out>(new URL('./fixtures/square-worker.ts', import.meta.url), 2, { offset: 10 });
    try {
      const seen: number[] = [];
      const out = await pool.map([1, 2, 3, 4, 5, 6, 7], (i) => seen.push(i));
      expect(out.map((o) => o.value)).toEqual([11, 14, 19, 26, 35, 46, 59]);
      expect(new Set(out.map((o) => o.worker)).size).toBeGreaterThanOrEqual(1);
      expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      const progress: unknown[] = [];
      await pool.run(3, { onProgress: (v) => progress.push(v) });
      expect(progress).toEqual([3]);
    } finally {
      await pool.close();
    }
  });

  it('passes a worker MbankError back to the caller as MbankError and keeps serving', async () => {
    const pool = new WorkerPool<number, Out>(new URL('./fixtures/square-worker.ts', import.meta.url), 1, { offset: 0 });
    try {
      await expect(pool.run(-1)).rejects.toBeInstanceOf(MbankError);
      await expect(pool.run(-1)).rejects.toThrow(/x = -1/);
      expect((await pool.run(2)).value).toBe(4);
    } finally {
      await pool.close();
    }
  });
});
