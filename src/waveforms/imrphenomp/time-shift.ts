/**
 * IMRPhenomPv2's time alignment (LALSimIMRPhenomP.c, end of PhenomPCore): the aligned-spin phasing
 * is sampled at 10 equally spaced frequencies in [0.8 f_RD, min(1.2 f_RD, f_cut)], interpolated by a
 * natural cubic spline (GSL cspline) and differentiated at f_RD; t = (dphi/df)/(2 pi) is then removed
 * from the waveform by the factor exp(-2 pi i f t).
 */
import { naturalCubicSpline, type NaturalCubicSpline } from '../imrphenomd/qnm.js';

/** Number of spline knots (LAL n_fixed). */
const N_FIXED = 10;

/**
 * Derivative of the spline at t in [x_0, x_{n-1}]: b_i + dt (2 c_i + 3 d_i dt) on the interval
 * x_i <= t < x_{i+1} (the last knot belongs to the last interval), as gsl_spline_eval_deriv.
 */
export function evalSplineDerivative(s: NaturalCubicSpline, t: number): number {
  const { x, y, c } = s;
  const n = x.length;
  if (!(t >= x[0] && t <= x[n - 1])) throw new RangeError(`spline argument ${t} outside [${x[0]}, ${x[n - 1]}]`);
  let lo = 0;
  let hi = n - 1;
  while (hi > lo + 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] > t) hi = mid;
    else lo = mid;
  }
  const h = x[lo + 1] - x[lo];
  const dy = y[lo + 1] - y[lo];
  const dt = t - x[lo];
  const ci = c[lo];
  const cip1 = c[lo + 1];
  const b = dy / h - (h * (cip1 + 2.0 * ci)) / 3.0;
  const d = (cip1 - ci) / (3.0 * h);
  return b + (2.0 * ci + 3.0 * d * dt) * dt;
}

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
