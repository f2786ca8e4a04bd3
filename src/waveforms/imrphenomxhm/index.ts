/** IMRPhenomXHM: the model, its per-waveform set-up and the per-mode amplitude and phase. */
export { imrPhenomXHM, generateIMRPhenomXHM, generateIMRPhenomXHMInto, modeAmpPhase } from './model.js';
export { setupPhenomXHM, type PhenomXHMSetup, type HMModeSetup } from './setup.js';
export { HM_MODES, type HMMode } from './mode.js';
