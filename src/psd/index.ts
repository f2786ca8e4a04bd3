/** Noise curves: file reader, interpolation onto grids, analytic LAL PSDs, name resolution. */
export * from './read.js';
export * from './interpolate.js';
export * from './analytic.js';
export * from './analytic-quantum.js';
export * from './resolve.js';
