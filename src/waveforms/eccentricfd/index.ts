/** EccentricFD (arXiv:0906.0313; LALSimInspiralEccentricityFD.c). */
export { eccentricFD, generateEccentricFD, generateEccentricFDInto } from './model.js';
