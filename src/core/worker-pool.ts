/**
 * A small generic pool of worker threads that run TypeScript modules (through tsx's loader, so it
 * works from the CLI, from `tsx` scripts and under vitest).
 *
 * Parent: `const pool = new WorkerPool<T, R>(moduleUrl, size, workerData); await pool.map(tasks)`.
 * Worker module: `serveWorker(async (workerData) => (task, progress) => result)`: the factory runs
 * once per worker (build the per-worker workspace there), the handler once per task.
 * Results keep task order whatever the scheduling; nothing starts on import.
 */
import { Worker, parentPort, workerData as threadData, isMainThread } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MbankError, invalid } from './errors.js';

/** Message worker -> parent. */
type Reply<R> =
  | { id: number; kind: 'result'; result: R }
  | { id: number; kind: 'progress'; value: unknown }
  | { id: number; kind: 'error'; name: string; message: string; stack?: string };

/** A task handler inside a worker: `progress(value)` sends an update to the parent. */
export type TaskHandler<T, R> = (task: T, progress: (value: unknown) => void) => R | Promise<R>;

/**
 * Bootstrap code of a worker: register tsx's ESM hooks, then import the TypeScript module
 * (a worker's entry file cannot itself be .ts: Node checks its extension before any loader runs).
 */
function bootstrap(moduleUrl: URL): string {
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(require.resolve('tsx/esm/api')).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}); })`
    + `.catch((e) => { setImmediate(() => { throw e; }); });`;
}

/** The rejection of a task dropped by {@link WorkerPool.cancelQueued} before it started. */
export class TaskCancelled extends Error {
  override readonly name = 'TaskCancelled';
  constructor() {
    super('task cancelled before it started');
  }
}

interface Pending<R> {
  resolve: (r: R) => void;
  reject: (e: Error) => void;
  onProgress?: (value: unknown) => void;
}

/** A fixed-size pool of worker threads running one module. */
export class WorkerPool<T, R> {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; task: T; transfer?: ArrayBuffer[] }[] = [];
  private readonly pending = new Map<number, Pending<R>>();
  private readonly busy = new Map<Worker, number>();
  private nextId = 0;
  private closed = false;

  /**
   * Start `size` workers running the module at `moduleUrl` (a .ts file that calls serveWorker);
   * every worker receives `workerData`.
   */
  constructor(moduleUrl: URL, size: number, workerData?: unknown) {
    if (!Number.isInteger(size) || size < 1) invalid('workers', size, 'must be an integer >= 1');
    this.size = size;
    const code = bootstrap(moduleUrl);
    for (let i = 0; i < size; i++) {
      const w = new Worker(code, { eval: true, workerData: { index: i, data: workerData } });
      w.on('message', (msg: Reply<R>) => this.onMessage(w, msg));
      w.on('error', (err) => this.onFailure(w, err));
      w.on('exit', (code) => { if (!this.closed) this.onFailure(w, new Error(`worker ${i} exited with code ${code}`)); });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Run one task on the next free worker. */
  run(task: T, options: { onProgress?: (value: unknown) => void; transfer?: ArrayBuffer[] } = {}): Promise<R> {
    if (this.closed) return Promise.reject(new MbankError('worker pool is closed'));
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress: options.onProgress });
      this.queue.push({ id, task, transfer: options.transfer });
      this.dispatch();
    });
  }

  /** Run every task; results in task order. `onResult` is called as each finishes (any order). */
  map(tasks: readonly T[], onResult?: (index: number, result: R) => void): Promise<R[]> {
    return Promise.all(tasks.map((t, i) => this.run(t).then((r) => { onResult?.(i, r); return r; })));
  }

  /**
   * Drop the tasks not yet started (their promises reject with TaskCancelled) and let the running
   * ones finish: how an interrupt completes the current batch without losing it.
   */
  cancelQueued(): void {
    for (const job of this.queue.splice(0)) {
      this.pending.get(job.id)?.reject(new TaskCancelled());
      this.pending.delete(job.id);
    }
  }

  /** Stop every worker (pending tasks are rejected). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values()) p.reject(new MbankError('worker pool closed before the task finished'));
    this.pending.clear();
    this.queue.length = 0;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.busy.set(w, job.id);
      w.postMessage({ id: job.id, task: job.task }, job.transfer ?? []);
    }
  }

  private onMessage(w: Worker, msg: Reply<R>): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'progress') { p.onProgress?.(msg.value); return; }
    this.pending.delete(msg.id);
    this.busy.delete(w);
    this.idle.push(w);
    if (msg.kind === 'result') p.resolve(msg.result);
    else {
      const err = msg.name === 'MbankError' ? new MbankError(msg.message) : new Error(`${msg.name}: ${msg.message}`);
      if (msg.stack && msg.name !== 'MbankError') err.stack = msg.stack;
      p.reject(err);
    }
    this.dispatch();
  }

  private onFailure(w: Worker, raw: Error): void {
    if (this.closed) return;
    // errors cross the thread boundary as plain Errors: keep the library's typed error typed
    const err = raw.name === 'MbankError' && !(raw instanceof MbankError) ? new MbankError(raw.message) : raw;
    const id = this.busy.get(w);
    this.busy.delete(w);
    const idx = this.idle.indexOf(w);
    if (idx >= 0) this.idle.splice(idx, 1);
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
    if (id !== undefined) {
      this.pending.get(id)?.reject(err);
      this.pending.delete(id);
    }
    if (this.workers.length === 0) {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.queue.length = 0;
    }
  }
}

/** Index of this worker in its pool (0 in the main thread). */
export function workerIndex(): number {
  return isMainThread ? 0 : ((threadData as { index?: number })?.index ?? 0);
}

/**
 * Worker side: build the handler once from the pool's workerData, then answer tasks forever.
 * Does nothing in the main thread (so a module may be imported there too).
 */
export function serveWorker<T, R>(factory: (workerData: unknown) => TaskHandler<T, R> | Promise<TaskHandler<T, R>>): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  // a factory that throws (bad PSD, unknown approximant) fails each task with its message, not the thread
  const ready = Promise.resolve().then(() => factory((threadData as { data?: unknown })?.data));
  ready.catch(() => {});
  port.on('message', async (msg: { id: number; task: T }) => {
    try {
      const handler = await ready;
      const result = await handler(msg.task, (value) => port.postMessage({ id: msg.id, kind: 'progress', value }));
      port.postMessage({ id: msg.id, kind: 'result', result });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ id: msg.id, kind: 'error', name: err.name, message: err.message, stack: err.stack });
    }
  });
}
