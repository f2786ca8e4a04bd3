/** IMRPhenomPv2: the model, its set-up, source-frame parameters, precession angles and time alignment. */
export { imrPhenomPv2, generateIMRPhenomPv2, generateIMRPhenomPv2Into } from './model.js';
export { setupPhenomPv2, spinWeightedY2, type PhenomPv2Setup } from './setup.js';
export { phenomPSourceFrame, l2PN, MAX_TOL_ATAN, type PhenomPSourceFrame } from './source-frame.js';
export { nnloAngleCoefficients, nnloAngle, finalSpinPv2, type NnloAngleCoefficients } from './angles.js';
export { peakTimeShift, evalSplineDerivative } from './time-shift.js';
