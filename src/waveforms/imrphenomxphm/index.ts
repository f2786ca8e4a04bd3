/** IMRPhenomXPHM: the model, its set-up and fill, the twisting of one co-precessing mode, the Wigner-d matrices. */
export { imrPhenomXPHM, generateIMRPhenomXPHM, generateIMRPhenomXPHMInto } from './model.js';
export { setupPhenomXPHM, fillPhenomXPHM, DEFAULT_THRESHOLD_MBAND, DEFAULT_PREC_THRESHOLD_MBAND, type PhenomXPHMSetup } from './fill.js';
export { modeTwist, twistMode, type ModeTwist, type AngleSeries } from './twist.js';
export { wignerD, wignerColumn, wignerColumnAt, spinWeightedYRow, type WignerColumn } from './wigner-d.js';
