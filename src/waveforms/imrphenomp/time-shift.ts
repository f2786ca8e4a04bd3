/**
 * IMRPhenomPv2's time alignment (LALSimIMRPhenomP.c, end of PhenomPCore): the aligned-spin phasing
 * is sampled at 10 equally spaced frequencies in [0.8 f_RD, min(1.2 f_RD, f_cut)], interpolated by a
 * natural cubic spline (GSL cspline) and differentiated at f_RD; t = (dphi/df)/(2 pi) is then removed
 * from the waveform by the factor exp(-2 pi i f t).
 */
import { evalSplineDerivative, naturalCubicSpline } from '../imrphenomd/qnm.js';

export { evalSplineDerivative };

/** Number of spline knots (LAL n_fixed). */
const N_FIXED = 10;

/**
 * Time shift [s] of IMRPhenomPv2: (1/2 pi) d phasing/df at fFinalHz (the ringdown frequency) from a
 * 10-knot natural cubic spline of `phasing(fHz)` [rad] on [0.8 fFinal, min(1.2 fFinal, fCut)].
 */
export function peakTimeShift(phasing: (fHz: number) => number, fFinalHz: number, fCutHz: number): number {
  const start = 0.8 * fFinalHz;
  let stop = 1.2 * fFinalHz;
  if (stop > fCutHz) stop = fCutHz;
  const step = (stop - start) / (N_FIXED - 1);
  const x = new Float64Array(N_FIXED);
  const y = new Float64Array(N_FIXED);
  for (let i = 0; i < N_FIXED; i++) {
    x[i] = start + i * step;
    y[i] = phasing(x[i]);
  }
  return evalSplineDerivative(naturalCubicSpline(x, y), fFinalHz) / (2 * Math.PI);
}
