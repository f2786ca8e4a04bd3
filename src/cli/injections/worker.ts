/** Worker-thread entry of `mbank-ts injections` (see handler.ts). */
import { defineWorker } from '../../core/worker-pool.js';
import { injectionHandler, type InjectionItem, type InjectionWorkerData } from './handler.js';

export default defineWorker<InjectionItem[], ReturnType<ReturnType<typeof injectionHandler>>>((data) => injectionHandler(data as InjectionWorkerData));
