/**
 * Ringdown and damping frequencies of the remnant for IMRPhenomD: final-spin and radiated-energy fits
 * (arXiv:1508.07250) and a natural cubic spline over LAL's QNM table, as LALSimulation does with
 * GSL's `gsl_interp_cspline` (LALSimIMRPhenomD_internals.c: fring, fdamp).
 */
import { QNM_FDAMP, QNM_FRING, QNM_SPIN } from './qnm-table.js';

/** A natural cubic spline: knots x (strictly increasing), values y and second-derivative halves c. */
export interface NaturalCubicSpline {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** c_i = y''(x_i)/2, with c_0 = c_{n-1} = 0 (natural end conditions). */
  readonly c: Float64Array;
}

/**
 * Build the natural cubic spline through (x_i, y_i), i = 0..n-1 (n >= 3): solves the symmetric
 * tridiagonal system for c_1..c_{n-2} by an L D L^T factorisation, in the same order of operations
 * as GSL's cspline_init + solve_tridiag (Engeln-Muellges & Uhlig), so values agree with LAL to rounding.
 */
export function naturalCubicSpline(x: Float64Array, y: Float64Array): NaturalCubicSpline {
  const n = x.length;
  const m = n - 2; // size of the linear system
  const diag = new Float64Array(m);
  const off = new Float64Array(m);
  const rhs = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const hi = x[i + 1] - x[i];
    const hip1 = x[i + 2] - x[i + 1];
    off[i] = hip1;
    diag[i] = 2.0 * (hip1 + hi);
    rhs[i] = 3.0 * ((y[i + 2] - y[i + 1]) * (1.0 / hip1) - (y[i + 1] - y[i]) * (1.0 / hi));
  }
  const c = new Float64Array(n);
  if (m === 1) {
    c[1] = rhs[0] / diag[0];
    return { x, y, c };
  }
  // A = L D L^T with subdiagonal gamma and diagonal alpha
  const alpha = new Float64Array(m);
  const gamma = new Float64Array(m);
  alpha[0] = diag[0];
  gamma[0] = off[0] / alpha[0];
  for (let i = 1; i < m - 1; i++) {
    alpha[i] = diag[i] - off[i - 1] * gamma[i - 1];
    gamma[i] = off[i] / alpha[i];
  }
  alpha[m - 1] = diag[m - 1] - off[m - 2] * gamma[m - 2];
  const z = new Float64Array(m);
  z[0] = rhs[0];
  for (let i = 1; i < m; i++) z[i] = rhs[i] - gamma[i - 1] * z[i - 1];
  for (let i = 0; i < m; i++) z[i] = z[i] / alpha[i];
  c[m] = z[m - 1];
  for (let i = m - 2; i >= 0; i--) c[i + 1] = z[i] - gamma[i] * c[i + 2];
  return { x, y, c };
}

/**
 * The spline's piece at t in [x_0, x_{n-1}] (interval i with x_i <= t < x_{i+1}, the last knot
 * belonging to the last interval): its index, dt = t - x_i and the coefficients
 * b = dy/h - h (c_{i+1} + 2 c_i)/3, d = (c_{i+1} - c_i)/(3 h), as GSL's cspline. Throws RangeError outside the knots.
 */
function splinePiece(s: NaturalCubicSpline, t: number): { lo: number; dt: number; b: number; c: number; d: number } {
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
  const ci = c[lo];
  const cip1 = c[lo + 1];
  return { lo, dt: t - x[lo], b: dy / h - (h * (cip1 + 2.0 * ci)) / 3.0, c: ci, d: (cip1 - ci) / (3.0 * h) };
}

/** Evaluate the spline at t: y_i + dt (b + dt (c_i + dt d)), as gsl_spline_eval (see splinePiece). */
export function evalSpline(s: NaturalCubicSpline, t: number): number {
  const { lo, dt, b, c, d } = splinePiece(s, t);
  return s.y[lo] + dt * (b + dt * (c + dt * d));
}

/** Derivative of the spline at t: b + dt (2 c_i + 3 d dt), as gsl_spline_eval_deriv (see splinePiece). */
export function evalSplineDerivative(s: NaturalCubicSpline, t: number): number {
  const { dt, b, c, d } = splinePiece(s, t);
  return b + (2.0 * c + 3.0 * d * dt) * dt;
}

/** Spline of the QNM ringdown frequency Mf_RD over final spin (built once; immutable). */
export const FRING_SPLINE: NaturalCubicSpline = naturalCubicSpline(QNM_SPIN, QNM_FRING);
/** Spline of the QNM damping frequency Mf_damp over final spin (built once; immutable). */
export const FDAMP_SPLINE: NaturalCubicSpline = naturalCubicSpline(QNM_SPIN, QNM_FDAMP);

/**
 * Final dimensionless spin of the remnant, arXiv:1508.07250 eq. 3.6 (LAL FinalSpin0815), with
 * s = m1^2 chi1 + m2^2 chi2 in units of M (m1 >= m2).
 */
export function finalSpin0815(eta: number, chi1: number, chi2: number): number {
  const seta = Math.sqrt(1.0 - 4.0 * eta);
  const m1 = 0.5 * (1.0 + seta);
  const m2 = 0.5 * (1.0 - seta);
  const s = m1 * m1 * chi1 + m2 * m2 * chi2;
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const s2 = s * s;
  const s3 = s2 * s;
  return eta * (3.4641016151377544 - 4.399247300629289 * eta + 9.397292189321194 * eta2 - 13.180949901606242 * eta3 +
    s * ((1.0 / eta - 0.0850917821418767 - 5.837029316602263 * eta) +
      (0.1014665242971878 - 2.0967746996832157 * eta) * s +
      (-1.3546806617824356 + 4.108962025369336 * eta) * s2 +
      (-0.8676969352555539 + 2.064046835273906 * eta) * s3));
}

/**
 * Energy radiated, in units of M, arXiv:1508.07250 eqs. 3.7-3.8 (LAL PhenomInternal_EradRational0815),
 * with s = (m1^2 chi1 + m2^2 chi2)/(m1^2 + m2^2) (m1 >= m2).
 */
export function eradRational0815(eta: number, chi1: number, chi2: number): number {
  const seta = Math.sqrt(1.0 - 4.0 * eta);
  const m1 = 0.5 * (1.0 + seta);
  const m2 = 0.5 * (1.0 - seta);
  const m1s = m1 * m1;
  const m2s = m2 * m2;
  const s = (m1s * chi1 + m2s * chi2) / (m1s + m2s);
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  return (eta * (0.055974469826360077 + 0.5809510763115132 * eta - 0.9606726679372312 * eta2 + 3.352411249771192 * eta3) *
    (1.0 + (-0.0030302335878845507 - 2.0066110851351073 * eta + 7.7050567802399215 * eta2) * s)) /
    (1.0 + (-0.6714403054720589 - 1.4756929437702908 * eta + 7.304676214885011 * eta2) * s);
}

/** Dimensionless ringdown and damping frequencies (M f) of the remnant. */
export interface RingdownFrequencies {
  fRD: number;
  fDM: number;
}

/**
 * fRD and fDM: the QNM spline at the final spin divided by (1 - E_rad), arXiv:1508.07250 fig. 9
 * (LAL fring, fdamp). `finalSpin` must lie in [-1, 1].
 */
export function ringdownFrequencies(eta: number, chi1: number, chi2: number, finalSpin: number): RingdownFrequencies {
  const scale = 1.0 - eradRational0815(eta, chi1, chi2);
  return { fRD: evalSpline(FRING_SPLINE, finalSpin) / scale, fDM: evalSpline(FDAMP_SPLINE, finalSpin) / scale };
}
