import { describe, it, expect } from 'vitest';
import { TaskCancelled, WorkerPool, WorkerDiedError } from '../../src/core/worker-pool.js';
import { MbankError } from '../../src/core/errors.js';

type Out = { value: number; offset: number; worker: number };
const square = new URL('./fixtures/square-worker.ts', import.meta.url);

describe('worker pool', () => {
  it('runs TypeScript workers and returns results in task order with the shared worker data', async () => {
    const pool = new WorkerPool<number, Out>(square, 2, { offset: 10 });
    try {
      const seen: number[] = [];
      const out = await pool.map([1, 2, 3, 4, 5, 6, 7], (i) => seen.push(i));
      expect(out.map((o) => o.value)).toEqual([11, 14, 19, 26, 35, 46, 59]);
      expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      // two tasks that each hold their thread for 300 ms run at once, so on two distinct threads
      const slow = await pool.map([1000, 1001]);
      expect(slow.map((o) => o.value)).toEqual([1000010, 1002011]);
      expect(new Set(slow.map((o) => o.worker)).size).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('passes a worker MbankError back to the caller as MbankError and keeps serving', async () => {
    const pool = new WorkerPool<number, Out>(square, 1, { offset: 0 });
    try {
      await expect(pool.run(-1)).rejects.toBeInstanceOf(MbankError);
      await expect(pool.run(-1)).rejects.toThrow(/x = -1/);
      expect((await pool.run(2)).value).toBe(4);
    } finally {
      await pool.close();
    }
  });

  it('fails the task of a worker that dies with a clear error, replaces the worker and finishes the other tasks', async () => {
    const pool = new WorkerPool<number, Out>(square, 1, { offset: 0 });
    try {
      const first = (await pool.run(1)).worker;
      const results = await Promise.allSettled([pool.run(2), pool.run(Number.NaN), pool.run(3)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const err = (results[1] as PromiseRejectedResult).reason as Error;
      expect(err).toBeInstanceOf(WorkerDiedError);
      expect(err.message).toMatch(/square-worker\.ts died while running this task \(worker exited with code: 7\)/);
      const after = await pool.run(4);
      expect(after.value).toBe(16);
      expect(after.worker).not.toBe(first);
    } finally {
      await pool.close();
    }
  });

  it('cancelQueued drops the tasks not started and lets the running one finish', async () => {
    const pool = new WorkerPool<number, Out>(square, 1, { offset: 0 });
    try {
      const runs = [pool.run(5), pool.run(6), pool.run(7)];
      pool.cancelQueued();
      const results = await Promise.allSettled(runs);
      expect(results[0]).toEqual({ status: 'fulfilled', value: expect.objectContaining({ value: 25 }) });
      expect(results.slice(1).map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(TaskCancelled), expect.any(TaskCancelled)]);
      expect((await pool.run(3)).value).toBe(9);
    } finally {
      await pool.close();
    }
  });

  it('rejects tasks after close with a typed error', async () => {
    const pool = new WorkerPool<number, Out>(square, 1, { offset: 0 });
    await pool.close();
    await expect(pool.run(1)).rejects.toThrow(/worker pool is closed/);
  });
});
