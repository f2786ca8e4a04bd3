/** Worker entry of the parallel metric field: one MetricWorkspace per thread, one task per block of rows. */
import { serveWorker } from '../../core/worker-pool.js';
import { metricBlockComputer, type MetricFieldSpec } from './metric-block.js';

serveWorker<Float64Array, Float64Array>((data) => metricBlockComputer(data as MetricFieldSpec));
