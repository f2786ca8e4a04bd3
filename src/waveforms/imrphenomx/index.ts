/** IMRPhenomXAS: the model, its per-waveform set-up and the region-wise amplitude and phase. */
export { imrPhenomXAS, generateIMRPhenomXAS, generateIMRPhenomXASInto, setupPhenomX, type PhenomXSetup } from './model.js';
export { setupPhenomXSystem, PHENOMX_MF_CUT, type PhenomXSystem } from './setup.js';
export * from './amplitude.js';
export * from './phase.js';
export * from './final-state.js';
