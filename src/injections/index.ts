/** Injections: drawing, files (HDF5, LIGO_LW sim_inspiral), fitting factors against a bank, statistics. */
export * from './sky.js';
export * from './time.js';
export * from './injection-set.js';
export * from './draw.js';
export * from './hdf5.js';
export * from './xml.js';
export * from './io.js';
export * from './candidates.js';
export * from './template-cache.js';
export * from './fitting-factor.js';
export * from './metric-estimate.js';
export * from './stats.js';
export * from './stats-merge.js';
