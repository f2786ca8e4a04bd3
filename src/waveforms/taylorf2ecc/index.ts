/** TaylorF2Ecc (arXiv:1605.00304; LALSimInspiralTaylorF2Ecc.c). */
export { taylorF2Ecc, generateTaylorF2Ecc, generateTaylorF2EccInto, eccentricityFrequencyHz } from './model.js';
export { eccentricPhaseSeries, eccentricPhaseAt, type EccentricPhaseSeries } from './phasing.js';
