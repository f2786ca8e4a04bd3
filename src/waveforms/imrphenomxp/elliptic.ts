/**
 * The two elliptic functions the MSA precession angles need, as GSL evaluates them (LAL calls GSL):
 * the Jacobi sn(u | m) by the descending Landen / AGM scheme of gsl_sf_elljac_e (sqrt(1 + c^2) for its hypot(1, c),
 * sin and cos of u mu_n from core/sincos.ts), and the incomplete
 * integral of the first kind F(phi, k) = sin(phi) R_F(cos^2 phi, 1 - k^2 sin^2 phi, 1) (Carlson,
 * Numer. Math. 33 (1979) 1) as gsl_sf_ellint_F (GSL_PREC_DOUBLE).
 */

import { sinCosTable } from '../../core/sincos.js';

const EPS = 2.220446049250313e-16;
/** cos and sin of u mu_n (one argument reduction for both; core/sincos.ts, a few ulp). */
const CS = new Float64Array(2);
/** Most AGM steps (GSL's N - 1): m within 1e-300 of 1 needs ~10. */
const AGM_MAX = 15;
const mu = new Float64Array(AGM_MAX + 1);
const nu = new Float64Array(AGM_MAX + 1);

/** sn(u | m) for 0 <= m <= 1 (parameter m = k^2), GSL's gsl_sf_elljac_e sn. */
export function jacobiSn(u: number, m: number): number {
  if (Math.abs(m) < 2 * EPS) return Math.sin(u);
  if (Math.abs(m - 1) < 2 * EPS) return Math.tanh(u);
  let n = 0;
  mu[0] = 1;
  nu[0] = Math.sqrt(1 - m);
  while (Math.abs(mu[n] - nu[n]) > 4 * EPS * Math.abs(mu[n] + nu[n])) {
    mu[n + 1] = 0.5 * (mu[n] + nu[n]);
    nu[n + 1] = Math.sqrt(mu[n] * nu[n]);
    n++;
    if (n >= AGM_MAX) break;
  }
  sinCosTable(u * mu[n], CS);
  const c = CS[0];
  const s = CS[1];
  // GSL switches to sn(K - u) when |sin| < |cos| (sin(u mu_n) may vanish)
  const complement = Math.abs(s) < Math.abs(c);
  let cn = mu[n] * (complement ? s / c : c / s);
  let dn = 1;
  while (n > 0) {
    n--;
    const cPrev = cn;
    cn = dn * cn;
    const r = (cPrev * cPrev) / mu[n + 1];
    dn = (r + nu[n]) / (r + mu[n]);
  }
  if (complement) {
    const sq = Math.sqrt(1 - m);
    const cnOut = ((sq / dn) * (c >= 0 ? 1 : -1)) / Math.sqrt(1 + cn * cn);
    return (cnOut * cn) / sq;
  }
  return (s >= 0 ? 1 : -1) / Math.sqrt(1 + cn * cn);
}

/** Carlson's R_F(x, y, z) with GSL's stopping rule (relative deviation < 1e-3, then the fifth-order series). */
export function carlsonRF(x: number, y: number, z: number): number {
  let xn = x;
  let yn = y;
  let zn = z;
  let m = 0;
  let dx = 0;
  let dy = 0;
  let dz = 0;
  for (let n = 0; n < 10000; n++) {
    m = (xn + yn + zn) / 3;
    dx = 2 - (m + xn) / m;
    dy = 2 - (m + yn) / m;
    dz = 2 - (m + zn) / m;
    if (Math.max(Math.abs(dx), Math.abs(dy), Math.abs(dz)) < 0.001) break;
    const sx = Math.sqrt(xn);
    const sy = Math.sqrt(yn);
    const sz = Math.sqrt(zn);
    const lambda = sx * (sy + sz) + sy * sz;
    xn = (xn + lambda) * 0.25;
    yn = (yn + lambda) * 0.25;
    zn = (zn + lambda) * 0.25;
  }
  const e2 = dx * dy - dz * dz;
  const e3 = dx * dy * dz;
  const s = 1 + ((1 / 24) * e2 - 0.1 - (3 / 44) * e3) * e2 + (1 / 14) * e3;
  return s / Math.sqrt(m);
}

/** Incomplete elliptic integral of the first kind F(phi, k) (modulus k) for |phi| <= pi/2. */
export function ellipticF(phi: number, k: number): number {
  const s = Math.sin(phi);
  const s2 = s * s;
  return s * carlsonRF(1 - s2, 1 - k * k * s2, 1);
}
