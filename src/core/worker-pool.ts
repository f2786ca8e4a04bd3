/**
 * A fixed-size pool of worker threads running one task module, on piscina: a worker that dies
 * (uncaught exception, `process.exit`, out of memory) fails the task it held with WorkerDiedError
 * and piscina starts a replacement, so the pool never shrinks.
 *
 * Parent: `const pool = new WorkerPool<T, R>(new URL('./my-worker.ts', import.meta.url), size, data);
 * await pool.map(tasks)`. Task module: `export default defineWorker((data) => (task) => result)`: the
 * factory runs once per thread (build the per-thread workspace there), the handler once per task.
 * From the compiled package the pool loads the module's .js twin; from the .ts sources (tests,
 * tsx) each thread loads the .ts module through tsx. At most `size` tasks are handed to piscina at
 * once, so `cancelQueued` can drop the ones not started. Results keep task order; nothing starts on import.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { MbankError, invalid } from './errors.js';

/** A task handler inside a worker thread. */
export type TaskHandler<T, R> = (task: T) => R | Promise<R>;

/** What a worker module exports by default: builds the handler once per thread from the pool's data. */
export type WorkerFactory<T, R> = (workerData: unknown) => TaskHandler<T, R> | Promise<TaskHandler<T, R>>;

/** Reply envelope of ./worker-entry.mjs (keeps the error's class name, which cloning loses). */
type Reply<R> = { ok: true; result: R } | { ok: false; name: string; message: string; stack?: string; exitCode?: number };

/** The worker thread running a task died; the task is lost, the pool has started a replacement. */
export class WorkerDiedError extends Error {
  override name = 'WorkerDiedError';
}

/** The rejection of a task dropped by {@link WorkerPool.cancelQueued} before it started. */
export class TaskCancelled extends Error {
  override readonly name = 'TaskCancelled';
  constructor() {
    super('task cancelled before it started');
  }
}

/** Declare a worker module's default export (typed identity). */
export function defineWorker<T, R>(factory: WorkerFactory<T, R>): WorkerFactory<T, R> {
  return factory;
}

/** True when this file runs from the TypeScript sources (under tsx or vitest), not from dist/. */
const fromSources = import.meta.url.endsWith('.ts');

/** A fixed-size pool of worker threads running one module. */
export class WorkerPool<T, R> {
  readonly size: number;
  private readonly piscina: Piscina;
  private readonly moduleName: string;
  /** Tasks not yet handed to a thread: at most `size` run at once, so the rest can be cancelled. */
  private readonly queue: { task: T; resolve: (r: R) => void; reject: (e: Error) => void }[] = [];
  private running = 0;
  private closed = false;
  private startFailure: Error | undefined;

  /**
   * Start `size` threads running the module at `moduleUrl` (a .ts URL beside the caller, whose
   * default export is a defineWorker factory); every thread receives `workerData`.
   */
  constructor(moduleUrl: URL, size: number, workerData?: unknown) {
    if (!Number.isInteger(size) || size < 1) invalid('workers', size, 'must be an integer >= 1');
    this.size = size;
    this.moduleName = moduleUrl.pathname.split('/').slice(-2).join('/');
    const target = fromSources ? moduleUrl.href : moduleUrl.href.replace(/\.ts$/, '.js');
    this.piscina = new Piscina({
      filename: fileURLToPath(new URL('./worker-entry.mjs', import.meta.url)),
      minThreads: size,
      maxThreads: size,
      idleTimeout: Number.POSITIVE_INFINITY,
      atomics: 'disabled',
      workerData: { moduleUrl: target, tsx: fromSources, data: workerData },
    });
    // Emitted for a thread that fails with no task (while starting): without threads the queue would wait forever.
    this.piscina.on('error', (err: Error) => {
      if (this.piscina.threads.length > 0 || this.closed) return;
      this.startFailure = err;
      void this.close();
    });
  }

  /** Run one task on the next free thread. */
  run(task: T): Promise<R> {
    if (this.closed) return Promise.reject(new MbankError('worker pool is closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Drop the tasks not yet started (their promises reject with TaskCancelled) and let the running
   * ones finish: how an interrupt completes the current batch without losing it.
   */
  cancelQueued(): void {
    for (const job of this.queue.splice(0)) job.reject(new TaskCancelled());
  }

  /** Run every task; results in task order. `onResult` is called as each finishes (any order). */
  map(tasks: readonly T[], onResult?: (index: number, result: R) => void): Promise<R[]> {
    return Promise.all(tasks.map((t, i) => this.run(t).then((r) => { onResult?.(i, r); return r; })));
  }

  /** Stop every thread (pending tasks are rejected). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new MbankError('worker pool closed before the task finished'));
    await this.piscina.destroy();
  }

  private dispatch(): void {
    while (this.running < this.size && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      this.execute(job.task).then(job.resolve, job.reject).finally(() => {
        this.running--;
        this.dispatch();
      });
    }
  }

  /** One task on piscina; its reply envelope or failure turned into the caller's error. */
  private async execute(task: T): Promise<R> {
    let reply: Reply<R>;
    try {
      reply = await this.piscina.run(task);
    } catch (e) {
      const cause = e instanceof Error ? e : new Error(String(e));
      if (this.startFailure) throw new WorkerDiedError(`worker threads of ${this.moduleName} could not start: ${this.startFailure.message}`, { cause: this.startFailure });
      if (this.closed) throw new MbankError('worker pool closed before the task finished');
      if (cause.name === 'DataCloneError') throw cause;
      throw new WorkerDiedError(`a worker thread of ${this.moduleName} died while running this task (${cause.message}); the pool started a replacement`, { cause });
    }
    if (reply.ok) return reply.result;
    const err = reply.name === 'MbankError' ? new MbankError(reply.message, reply.exitCode) : new Error(`${reply.name}: ${reply.message}`);
    if (reply.stack && reply.name !== 'MbankError') err.stack = reply.stack;
    throw err;
  }
}
