/** Worker-thread entry of `mbank-ts injections` (see handler.ts). */
import { serveWorker } from '../../core/worker-pool.js';
import { injectionHandler, type InjectionItem, type InjectionWorkerData } from './handler.js';

serveWorker<InjectionItem[], ReturnType<ReturnType<typeof injectionHandler>>>((data) => injectionHandler(data as InjectionWorkerData));
