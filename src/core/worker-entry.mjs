// Thread entry of src/core/worker-pool.ts (piscina loads it in every worker thread). Plain JavaScript,
// so that it loads before any TypeScript hook: it imports the pool's task module (through tsx when the
// pool runs from the .ts sources, in development), builds that module's handler once per thread from
// the pool's data, and answers each task with an envelope that keeps the error's class name.
import { workerData } from 'node:worker_threads';

let handler;

async function load() {
  const { moduleUrl, tsx, data } = workerData;
  if (tsx) (await import('tsx/esm/api')).register();
  const factory = (await import(moduleUrl)).default;
  if (typeof factory !== 'function') {
    throw new Error(`${moduleUrl}: a worker module must \`export default defineWorker((data) => handler)\``);
  }
  return factory(data);
}

export default async function run(task) {
  try {
    handler ??= load();
    return { ok: true, result: await (await handler)(task) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, name: err.name, message: err.message, stack: err.stack, exitCode: err.exitCode };
  }
}
