/**
 * Eccentric correction to the TaylorF2 phase at leading order in the eccentricity e0, to 3PN (Moore, Favata,
 * Arun & Mishra 2016, arXiv:1605.00304 eq. 6.26), as LALSimulation adds it in TaylorF2Ecc
 * (LALSimInspiralPNCoefficients.c: `eccentricityPNCoeffs_F2`, `eccentricityPhasing_F2`, all orders, eccO = -1):
 *
 *   Psi_ecc(v) = 3/(128 eta) v^{-5} (-2355/1462) e0^2 (v0/v)^{19/3}
 *                sum_{i=0..6} sum_{j+k=i} C[i][j][k] v^j v0^k,
 *
 * v = (pi M f)^{1/3}, v0 = (pi M f_ecc)^{1/3} at the frequency f_ecc where e0 is given, with the 3PN logarithms
 * +(536803271/39564000) ln(16 v^2) on C[6][6][0] and -(3317/252) ln(16 v0^2) on C[6][0][6].
 * Grouped by powers of v once per waveform: sum = sum_{j=0..6} (E_j + [j = 6] L6 ln v) v^j.
 */
import { GAMMA } from '../../core/constants.js';

/** Highest relative PN order of the eccentric correction (LAL_MAX_ECC_PN_ORDER = 6, i.e. 3PN). */
export const ECC_PN_ORDER = 6;

/** Coefficient of ln(16 v^2) on the v^6 term (3PN tail of the frequency evolution). */
const LOG_V6 = 53.6803271 / 3.9564;
/** Coefficient of ln(16 v0^2) on the v0^6 term. */
const LOG_V06 = -33.17 / 2.52;

/**
 * C[i][j][k] of LAL's `eccentricityPNCoeffs_F2` (i = j + k the relative PN order x 2, j the power of v, k of v0),
 * without the log terms; entries not listed are zero.
 */
export function eccentricPnCoefficients(eta: number): number[][][] {
  const pi = Math.PI;
  const n = ECC_PN_ORDER + 1;
  const C = Array.from({ length: n }, () => Array.from({ length: n }, () => new Array<number>(n).fill(0)));
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  C[0][0][0] = 1;
  C[2][2][0] = 29.9076223 / 8.1976608 + (18.766963 / 2.927736) * eta;
  C[2][0][2] = 2.833 / 1.008 - (19.7 / 3.6) * eta;
  C[3][3][0] = (-28.19123 / 2.826) * pi;
  C[3][0][3] = (37.7 / 7.2) * pi;
  C[4][4][0] = 16.237683263 / 3.330429696 + (241.33060753 / 9.71375328) * eta + (156.2608261 / 6.9383952) * eta2;
  C[4][2][2] = 84.7282939759 / 8.2632420864 - (7.18901219 / 3.68894736) * eta - (36.97091711 / 1.05398496) * eta2;
  C[4][0][4] = -1.193251 / 3.048192 - (66.317 / 9.072) * eta + (18.155 / 1.296) * eta2;
  C[5][5][0] = (-28.31492681 / 1.1839527) * pi - (115.52066831 / 2.7061776) * pi * eta;
  C[5][3][2] = (-79.86575459 / 2.848608) * pi + (55.5367231 / 1.01736) * pi * eta;
  C[5][2][3] = (112.751736071 / 5.902315776) * pi + (70.75145051 / 2.10796992) * pi * eta;
  C[5][0][5] = (76.4881 / 9.072) * pi - (94.9457 / 2.268) * pi * eta;
  C[6][6][0] = -436.03153867072577087 / 1.326585351168 + (53.6803271 / 1.9782) * GAMMA + (157.22503703 / 3.255552) * pi * pi +
    (2991.72861614477 / 6.8913524736 - (15.075413 / 1.446912) * pi * pi) * eta +
    (345.5209264991 / 4.10199552) * eta2 + (506.12671711 / 8.7899904) * eta3 +
    (384.3505163 / 5.9346) * Math.log(2) - (112.1397129 / 1.7584) * Math.log(3);
  C[6][4][2] = 46.001356684079 / 3.357073133568 + (253.471410141755 / 5.874877983744) * eta -
    (169.3852244423 / 2.3313007872) * eta2 - (307.833827417 / 2.497822272) * eta3;
  C[6][3][3] = (-106.2809371 / 2.03472) * pi * pi;
  C[6][2][4] = -3.56873002170973 / 2.49880440692736 - (260.399751935005 / 8.924301453312) * eta +
    (15.0484695827 / 3.5413894656) * eta2 + (340.714213265 / 3.794345856) * eta3;
  C[6][0][6] = 265.31900578691 / 1.6899176448 - (33.17 / 1.26) * GAMMA + (12.2833 / 1.0368) * pi * pi +
    (91.55185261 / 5.4867456 - (3.977 / 1.152) * pi * pi) * eta - (5.732473 / 1.306368) * eta2 -
    (30.90307 / 1.39968) * eta3 + (87.419 / 1.89) * Math.log(2) - (260.01 / 5.6) * Math.log(3);
  return C;
}

/** The eccentric phase of one waveform, grouped by powers of v (see the file header). */
export interface EccentricPhaseSeries {
  /** 3/(128 eta) (-2355/1462) e0^2: the Newtonian eccentric prefactor. */
  readonly gain: number;
  /** ln v0, v0 = (pi M f_ecc)^{1/3}. */
  readonly logv0: number;
  /** E_j (j = 0..6): coefficient of v^j, the v0 powers and the ln(16 v0^2) term summed in. */
  readonly e: Float64Array;
  /** Coefficient of v^6 ln v: 2 x 536803271/39564000. */
  readonly l6: number;
}

/**
 * Eccentric phase coefficients for symmetric mass ratio `eta`, eccentricity `e0` at v0 = (pi M f_ecc)^{1/3}.
 * @returns the series; gain = 0 exactly when e0 = 0 (then TaylorF2Ecc is TaylorF2)
 */
export function eccentricPhaseSeries(eta: number, e0: number, v0: number): EccentricPhaseSeries {
  const C = eccentricPnCoefficients(eta);
  const e = new Float64Array(ECC_PN_ORDER + 1);
  for (let j = 0; j <= ECC_PN_ORDER; j++) {
    let sum = 0;
    for (let k = ECC_PN_ORDER - j; k >= 0; k--) {
      let c = C[j + k][j][k];
      if (k === 6) c += LOG_V06 * Math.log(16 * v0 * v0);
      sum += c * v0 ** k;
    }
    e[j] = sum;
  }
  e[6] += LOG_V6 * Math.log(16);
  return { gain: (3 / (128 * eta)) * (-2355 / 1462) * e0 * e0, logv0: Math.log(v0), e, l6: 2 * LOG_V6 };
}

/** Psi_ecc [rad] at v = (pi M f)^{1/3} (the readable form of the term the TaylorF2 kernel adds per bin). */
export function eccentricPhaseAt(s: EccentricPhaseSeries, v: number): number {
  const logv = Math.log(v);
  const e = s.e;
  let p = e[6] + s.l6 * logv;
  for (let j = 5; j >= 0; j--) p = e[j] + v * p;
  return s.gain * Math.exp((19 / 3) * (s.logv0 - logv)) * p / v ** 5;
}
