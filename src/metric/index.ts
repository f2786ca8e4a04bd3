/** Metric tensor (hessian, symphony, parabolic fit), metric match, dataset rows and files. */
export * from './stencil.js';
export * from './workspace.js';
export * from './metric.js';
export * from './parabolic-fit.js';
export * from './compute.js';
export * from './metric-match.js';
export * from './dataset-file.js';
export * from './mass-sampler.js';
export * from './dataset-chunk.js';
export * from './dataset.js';
export * from './quadrature.js';
export * from './grid-agreement.js';
