/**
 * IMRPhenomXP and the precession machinery IMRPhenomXPHM builds on. Interface:
 *   setupPrecession(params, setupPhenomXSystem(params)) -> PrecessionSetup (LAL's pPrec: J frame, thetaJN, zeta,
 *     offsets, Y_2m, precessing final spin / ringdown, MSA system or NNLO fall-back);
 *   precessionAngles(setup, fHz) / precessionAnglesAt(setup, fHz, out, work) -> alpha, cos beta, epsilon at any
 *     frequencies (v = cbrt(pi M f); for co-precessing mode m' pass 2 f / m');
 *   twistUp22(h22 re, im, alpha, cosBeta, epsilon, setup.y2, out) and rotatePolarizations(hp, hc, setup.zetaPolarization);
 *   buildAngleInterpolant(setup, fLo, fHi) / interpolatedAnglesAtV: the fast path IMRPhenomXP uses (see interpolant.ts).
 * The offsets (setup.alphaOffset, epsilonOffset) are LAL's for every co-precessing m' (Convention 1 sets them all
 * from m' = 2).
 */
export { imrPhenomXP, generateIMRPhenomXP, generateIMRPhenomXPInto, setupPhenomXP, type PhenomXPSetup } from './model.js';
export { setupPrecession, lOfV, type PrecessionSetup } from './setup.js';
export { precessionAngles, precessionAnglesAt, precessionAnglesAtV, type PrecessionAngles } from './angles.js';
export { buildAngleInterpolant, interpolatedAnglesAtV, type AngleInterpolant } from './interpolant.js';
export { twistUp22, rotatePolarizations } from './twist.js';
export { initMsaSystem, msaAnglesAtV, type MsaSystem, type MsaInput } from './msa.js';
export { nnloCoefficients, nnloAlpha, nnloEpsilon, type NnloCoefficients } from './nnlo.js';
export { jacobiSn, ellipticF, carlsonRF } from './elliptic.js';
