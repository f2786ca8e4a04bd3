/** IMRPhenomD: the model, its per-waveform set-up and the region-wise amplitude and phase. */
export { imrPhenomD, generateIMRPhenomD, generateIMRPhenomDInto, phenomDBins, type BinSelection } from './model.js';
export { setupPhenomD, PHENOMD_MF_CUT, type PhenomDSetup } from './setup.js';
export * from './amplitude.js';
export * from './phase.js';
export * from './qnm.js';
export { chiPN, amplitudeFits, phaseFits, type AmplitudeFits, type PhaseFits } from './coefficients.js';
