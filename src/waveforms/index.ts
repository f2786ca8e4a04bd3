/** Frequency-domain waveform models: types, registry, parameter checks, shared PN and polarisation pieces. */
export * from './types.js';
export * from './registry.js';
export * from './validate.js';
export * from './pn-phasing.js';
export * from './polarizations.js';
export * from './taylorf2.js';
export { imrPhenomD, generateIMRPhenomD } from './imrphenomd/index.js';
export { imrPhenomPv2, generateIMRPhenomPv2 } from './imrphenomp/index.js';
export { imrPhenomXAS, generateIMRPhenomXAS } from './imrphenomx/index.js';
export { eccentricFD, generateEccentricFD } from './eccentricfd/index.js';
export { imrPhenomXHM, generateIMRPhenomXHM } from './imrphenomxhm/index.js';
export { imrPhenomXP, generateIMRPhenomXP } from './imrphenomxp/index.js';
export { taylorF2Ecc, generateTaylorF2Ecc } from './taylorf2ecc/index.js';
export { imrPhenomXPHM, generateIMRPhenomXPHM } from './imrphenomxphm/index.js';
