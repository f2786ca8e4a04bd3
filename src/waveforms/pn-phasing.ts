/**
 * TaylorF2 post-Newtonian phasing coefficients for aligned spins, as LALSimulation computes them
 * (`XLALSimInspiralTaylorF2AlignedPhasing` -> `XLALSimInspiralPNPhasing_F2` in
 * lalsimulation/lib/LALSimInspiralPNCoefficients.c, default LALDict: all spin orders, no tides,
 * no testing-GR deviations).
 *
 * The stationary-phase phase is
 *   Psi(f) = (1 / v^5) * sum_{k=0..7} (v[k] + vlogv[k] ln v) v^k,   v = (pi M f)^{1/3},
 * with M the total mass in seconds (M = (m1 + m2) MTSUN_SI). Every coefficient already contains
 * the Newtonian prefactor 3 / (128 eta). References: non-spinning terms arXiv:0907.0700 eq. 3.18;
 * spin-orbit 1.5-3.5PN arXiv:1303.7412 eqs. 3.15-3.16; 2PN spin-spin, quadrupole-monopole and
 * self-spin arXiv:0810.5336 eq. 6.24 and astro-ph/0504538 eqs. 9b-d; 3PN spin-spin arXiv:1501.01529.
 *
 * Reuse (e.g. IMRPhenomD's inspiral, which calls the same LAL function): v[k] and vlogv[k] here are
 * LAL's `pn->v[k]` and `pn->vlogv[k]` for k = 0..7 (LAL's tidal slots 10-15 are zero for black holes).
 */
import { GAMMA } from '../core/constants.js';

/** Phasing series: `v[k]` multiplies v^(k-5), `vlogv[k]` multiplies v^(k-5) ln v (k = 0..7). */
export interface PnPhasingSeries {
  /** Coefficients of v^k (k = 0..7), including 3/(128 eta). LAL's `PNPhasingSeries.v`. */
  readonly v: Float64Array;
  /** Coefficients of v^k ln v (non-zero for k = 5, 6), including 3/(128 eta). LAL's `vlogv`. */
  readonly vlogv: Float64Array;
}

/** Optional matter parameters; the defaults are LAL's black-hole values. */
export interface PnPhasingOptions {
  /** Spin-induced quadrupole parameter of body 1, 1 + dQuadMon1 (LAL default 1, black hole). */
  quadParam1?: number;
  /** Spin-induced quadrupole parameter of body 2, 1 + dQuadMon2 (LAL default 1, black hole). */
  quadParam2?: number;
}

/** Number of PN orders kept (v^0 .. v^7). */
export const PN_PHASING_ORDERS = 8;

/* Non-spinning coefficients (before the 3/(128 eta) prefactor), arXiv:0907.0700 eq. 3.18. */
const phasing2PN = (eta: number): number => (5 * (74.3 / 8.4 + 11 * eta)) / 9;
const phasing3PN = (): number => -16 * Math.PI;
const phasing4PN = (eta: number): number => (5 * (3058.673 / 7.056 + (5429 / 7) * eta + 617 * eta * eta)) / 72;
const phasing5PN = (eta: number): number => (5 / 9) * (772.9 / 8.4 - 13 * eta) * Math.PI;
const phasing5PNLog = (eta: number): number => (5 / 3) * (772.9 / 8.4 - 13 * eta) * Math.PI;
const PHASING_6PN_LOG = -684.8 / 2.1;
const phasing6PN = (eta: number): number =>
  11583.231236531 / 4.69421568 -
  (640 / 3) * Math.PI * Math.PI -
  (684.8 / 2.1) * GAMMA +
  eta * (-15737.765635 / 3.048192 + (225.5 / 1.2) * Math.PI * Math.PI) +
  (eta * eta * 76.055) / 1.728 -
  (eta * eta * eta * 127.825) / 1.296 +
  PHASING_6PN_LOG * Math.log(4);
const phasing7PN = (eta: number): number =>
  Math.PI * (770.96675 / 2.54016 + (378.515 / 1.512) * eta - (740.45 / 7.56) * eta * eta);

/* Spin-orbit coefficients per body, x = m_i / M, multiplying chi_i (arXiv:1303.7412). */
const spinOrbit3PN = (x: number): number => x * (25 + (38 / 3) * x);
const spinOrbit5PN = (x: number): number =>
  -x * (1391.5 / 8.4 - ((x * (1 - x)) * 10) / 3 + x * (1276 / 8.1 + ((x * (1 - x)) * 170) / 9));
const spinOrbit6PN = (x: number): number => Math.PI * x * (1490 / 3 + x * 260);
const spinOrbit7PN = (x: number): number => {
  const eta = x * (1 - x);
  return x * (
    -17097.8035 / 4.8384 + (eta * 28764.25) / 6.72 + (eta * eta * 47.35) / 1.44 +
    x * (-7189.233785 / 1.524096 + (eta * 458.555) / 3.024 - (eta * eta * 534.5) / 7.2)
  );
};

/* 2PN spin-spin (S1S2, S1S2 along L), quadrupole-monopole and self-spin terms (x = m_i / M). */
const s1s2_4PN = (eta: number): number => (247 / 4.8) * eta;
const s1s2L_4PN = (eta: number): number => (-721 / 4.8) * eta;
const qmL_4PN = (x: number): number => (-720 / 9.6) * x * x;
const selfL_4PN = (x: number): number => (1 / 9.6) * x * x;
const qm_4PN = (x: number): number => (240 / 9.6) * x * x;
const self_4PN = (x: number): number => (-7 / 9.6) * x * x;

/* 3PN spin-spin, quadrupole-monopole and self-spin terms (arXiv:1501.01529). */
const s1s2L_6PN = (eta: number): number => (326.75 / 1.12 + (557.5 / 1.8) * eta) * eta;
const self_6PN = (x: number): number => (-4108.25 / 6.72 - (108.5 / 1.2) * x + (125.5 / 3.6) * x * x) * x * x;
const qm_6PN = (x: number): number => (4703.5 / 8.4 + (2935 / 6) * x - 120 * x * x) * x * x;

/**
 * LAL's TaylorF2 aligned-spin phasing coefficients (`XLALSimInspiralTaylorF2AlignedPhasing`):
 * 3.5PN point-particle terms, spin-orbit at 1.5, 2.5 (also in the v^5 ln v term, times 3), 3 and 3.5PN,
 * spin-spin / quadrupole-monopole / self-spin at 2PN and 3PN; tidal terms zero.
 *
 * @param m1 mass of body 1 (any unit; only m_i/(m1+m2) enters), m1 < m2 allowed
 * @param m2 mass of body 2 (same unit as m1)
 * @param chi1 dimensionless spin of body 1 along L (chi1L; the aligned |chi1|^2 = chi1^2)
 * @param chi2 dimensionless spin of body 2 along L
 * @param options quadrupole parameters (default 1 each: black holes)
 * @returns fresh series {v, vlogv} of length 8, all multiplied by 3/(128 eta)
 */
export function taylorF2AlignedPhasing(
  m1: number,
  m2: number,
  chi1: number,
  chi2: number,
  options: PnPhasingOptions = {},
): PnPhasingSeries {
  const mtot = m1 + m2;
  const eta = (m1 * m2) / mtot / mtot;
  const x1 = m1 / mtot;
  const x2 = m2 / mtot;
  const qm1 = options.quadParam1 ?? 1;
  const qm2 = options.quadParam2 ?? 1;
  const chi1sq = chi1 * chi1;
  const chi2sq = chi2 * chi2;
  const chi1dotchi2 = chi1 * chi2;
  const pfaN = 3 / (128 * eta);

  const v = new Float64Array(PN_PHASING_ORDERS);
  const vlogv = new Float64Array(PN_PHASING_ORDERS);
  v[0] = 1;
  v[1] = 0;
  v[2] = phasing2PN(eta);
  v[3] = phasing3PN();
  v[4] = phasing4PN(eta);
  v[5] = phasing5PN(eta);
  vlogv[5] = phasing5PNLog(eta);
  v[6] = phasing6PN(eta);
  vlogv[6] = PHASING_6PN_LOG;
  v[7] = phasing7PN(eta);

  // Spin terms, added in LAL's order (3.5PN down to 1.5PN).
  v[7] += spinOrbit7PN(x1) * chi1 + spinOrbit7PN(x2) * chi2;
  v[6] +=
    spinOrbit6PN(x1) * chi1 +
    spinOrbit6PN(x2) * chi2 +
    s1s2L_6PN(eta) * chi1 * chi2 +
    (qm_6PN(x1) * qm1 + self_6PN(x1)) * chi1sq +
    (qm_6PN(x2) * qm2 + self_6PN(x2)) * chi2sq;
  const so5 = spinOrbit5PN(x1) * chi1 + spinOrbit5PN(x2) * chi2;
  v[5] += so5;
  vlogv[5] += 3 * so5;
  v[4] +=
    s1s2_4PN(eta) * chi1dotchi2 +
    s1s2L_4PN(eta) * chi1 * chi2 +
    (qmL_4PN(x1) * qm1 + selfL_4PN(x1)) * chi1 * chi1 +
    (qmL_4PN(x2) * qm2 + selfL_4PN(x2)) * chi2 * chi2 +
    (qm_4PN(x1) * qm1 + self_4PN(x1)) * chi1sq +
    (qm_4PN(x2) * qm2 + self_4PN(x2)) * chi2sq;
  v[3] += spinOrbit3PN(x1) * chi1 + spinOrbit3PN(x2) * chi2;

  for (let k = 0; k < PN_PHASING_ORDERS; k++) {
    v[k] *= pfaN;
    vlogv[k] *= pfaN;
  }
  return { v, vlogv };
}

/**
 * Psi(f) of the series at one frequency, summed in LAL's order (TaylorF2Core):
 * Psi = [v7 c7 + (c6 + l6 ln v) v^6 + (c5 + l5 ln v) v^5 + c4 v^4 + c3 v^3 + c2 v^2 + c1 v + c0] / v^5.
 * @param series coefficients from {@link taylorF2AlignedPhasing}
 * @param piMf pi M f with M the total mass in seconds and f in Hz (dimensionless, > 0)
 * @returns the phase [rad] (without time/phase shifts)
 */
export function taylorF2PhaseAt(series: PnPhasingSeries, piMf: number): number {
  const c = series.v;
  const l = series.vlogv;
  const v = Math.cbrt(piMf);
  const logv = Math.log(v);
  const v2 = v * v;
  const v3 = v * v2;
  const v4 = v * v3;
  const v5 = v * v4;
  const v6 = v * v5;
  const v7 = v * v6;
  let phasing = c[7] * v7;
  phasing += (c[6] + l[6] * logv) * v6;
  phasing += (c[5] + l[5] * logv) * v5;
  phasing += c[4] * v4;
  phasing += c[3] * v3;
  phasing += c[2] * v2;
  phasing += c[1] * v;
  phasing += c[0];
  return phasing / v5;
}
