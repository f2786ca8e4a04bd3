/** Worker entry of the parallel metric field: one MetricWorkspace per thread, one task per block of rows. */
import { defineWorker } from '../core/worker-pool.js';
import { metricBlockComputer, type MetricFieldSpec } from './metric-block.js';

export default defineWorker<Float64Array, Float64Array>((data) => metricBlockComputer(data as MetricFieldSpec));
