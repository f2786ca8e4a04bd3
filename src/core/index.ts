export * from './constants.js';
export * from './errors.js';
export * from './grid.js';
export * from './fft.js';
export * from './rng.js';
export * from './linalg.js';
