/** PyMC3 normalizing-flow formulas: layers loc, scale, planar, radial, hh; parser; formula flows. */
export * from './formula.js';
export * from './layer.js';
export * from './loc.js';
export * from './scale.js';
export * from './planar.js';
export * from './radial.js';
export * from './householder.js';
export * from './pymc-flow.js';
