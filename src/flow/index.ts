/** Normalizing flows on tfjs (no GW vocabulary): transforms, STDFlow, weight files, mbank import. */
export * from './types.js';
export * from './backend.js';
export * from './std-flow.js';
export * from './standard-normal.js';
export * from './transforms/tanh-box.js';
export * from './transforms/naive-linear.js';
export * from './transforms/masked-affine.js';
export * from './transforms/made.js';
export * from './transforms/permutation.js';
export * from './transforms/composed.js';
export * from './safetensors.js';
export * from './weights.js';
export * from './torch/zip.js';
export * from './torch/pickle.js';
export * from './torch/state-dict.js';
export * from './torch/mbank-flow.js';
