/** Worker entry of the dataset generation: one ChunkComputer per worker thread, one task per chunk. */
import { defineWorker } from '../core/worker-pool.js';
import { chunkComputer, type ChunkRows, type DatasetSpec } from './dataset-chunk.js';

export default defineWorker<number, ChunkRows>((data) => {
  const computer = chunkComputer(data as DatasetSpec);
  return (index) => computer.compute(index);
});
