/**
 * Chirp-phase coordinates: a space where the match metric is nearly flat, for indexing a bank.
 * The TaylorF2 phase of an aligned-spin binary (arXiv:0907.0700 Eq. 3.18 with the spin terms of
 * arXiv:1107.1267 and arXiv:1502.01747 up to 3.5PN, as LALSimInspiralPNCoefficients.c),
 *   psi(f) = 2 pi f t_c - phi_c + 3/(128 eta) sum_k (phi_k + phi_kl ln v) v^(k-5),  v = (pi M f)^(1/3),
 * is LINEAR in eight coefficients c_b(m1, m2, chi1z, chi2z) of fixed functions of f (f^-5/3, f^-1,
 * f^-2/3, f^-1/3, ln f, f^1/3, f^1/3 ln f, f^2/3; the f^0 and f^1 parts are phase and time). For a
 * small phase difference 1 - match ~ (1/2) min_{t,phi} <(dpsi - 2 pi f t - phi)^2>_w with
 * w ~ f^-7/3 / S(f), a quadratic form in dc with CONSTANT coefficients: in z = A c the mismatch is
 * |dz|^2 everywhere, and the mass-ratio/spin degeneracy (templates far apart in (M, q, chi) matching
 * at 0.99, out of reach of any metric at the injection) is a short straight distance. Merger,
 * ringdown, amplitude and precession are not modelled: callers keep a safety margin (measured).
 */
import { invalid } from '../core/errors.js';
import { GAMMA, MTSUN_SI } from '../core/constants.js';
import { symmetricEigen } from '../core/linalg.js';

/** Number of phase coefficients (basis functions of f). */
export const PHASE_BASIS = 8;

/** The basis functions of f whose coefficients are the chirp-phase coordinates. */
function basis(f: number, out: Float64Array): void {
  const c = Math.cbrt(f), l = Math.log(f);
  out[0] = 1 / (f * c * c);
  out[1] = 1 / f;
  out[2] = 1 / (c * c);
  out[3] = 1 / c;
  out[4] = l;
  out[5] = c;
  out[6] = c * l;
  out[7] = c * c;
}

/**
 * The eight phase coefficients c_b (rad, multiplying the basis functions of f in Hz) of a binary
 * with masses m1, m2 [Msun] and aligned dimensionless spins chi1, chi2.
 */
export function phaseCoefficients(m1: number, m2: number, chi1: number, chi2: number, out = new Float64Array(PHASE_BASIS)): Float64Array {
  const M = m1 + m2, eta = (m1 * m2) / (M * M), d = (m1 - m2) / M;
  const xs = 0.5 * (chi1 + chi2), xa = 0.5 * (chi1 - chi2);
  const pi = Math.PI, e2 = eta * eta, e3 = e2 * eta;
  const p2 = 3715 / 756 + (55 / 9) * eta;
  const p3 = -16 * pi + (113 / 3) * d * xa + (113 / 3 - (76 / 3) * eta) * xs;
  const p4 = 15293365 / 508032 + (27145 / 504) * eta + (3085 / 72) * e2
    - (405 / 8) * d * xa * xs + (-405 / 16 + 200 * eta) * xa * xa + (-405 / 16 + (5 / 2) * eta) * xs * xs;
  const gamma = (732985 / 2268 - (24260 / 81) * eta - (340 / 9) * e2) * xs + (732985 / 2268 + (140 / 9) * eta) * d * xa;
  const p5 = (38645 / 756) * pi - (65 / 9) * pi * eta - gamma; // times (1 + 3 ln v): only the ln part depends on f
  const p6 = 11583231236531 / 4694215680 - (640 / 3) * pi * pi - (6848 / 21) * GAMMA - (6848 / 21) * Math.log(4)
    + (-15737765635 / 3048192 + (2255 / 12) * pi * pi) * eta + (76055 / 1728) * e2 - (127825 / 1296) * e3
    + pi * ((2270 / 3) * d * xa + (2270 / 3 - 520 * eta) * xs);
  const p6l = -6848 / 21;
  const p7 = (77096675 / 254016) * pi + (378515 / 1512) * pi * eta - (74045 / 756) * pi * e2
    + d * xa * (-25150083775 / 3048192 + (26804935 / 6048) * eta - (1985 / 48) * e2)
    + xs * (-25150083775 / 3048192 + (10566655595 / 762048) * eta - (1042165 / 3024) * e2 + (5345 / 36) * e3);
  const K = 3 / (128 * eta);
  const a = Math.cbrt(pi * M * MTSUN_SI), la = Math.log(a);
  out[0] = K / a ** 5;
  out[1] = (K * p2) / a ** 3;
  out[2] = (K * p3) / (a * a);
  out[3] = (K * p4) / a;
  out[4] = K * p5; // 3/(128 eta) p5 3 ln v, ln v = ln a + ln(f)/3
  out[5] = K * (p6 + p6l * la) * a;
  out[6] = (K * p6l * a) / 3;
  out[7] = K * p7 * a * a;
  return out;
}

/** The linear map z = A c (dim x 8, row-major) from phase coefficients to flat coordinates. */
export interface PhaseEmbedding {
  dim: number;
  A: Float64Array;
}

/**
 * The map of the band [fLow, fHigh] with 1/S on a uniform grid (`psd[k]` at f = fLow + k df):
 * the weighted Gram matrix of the basis with phase and time projected out, halved, as
 * V Lambda V^T; z = Lambda^(1/2) V^T c over the directions with Lambda > 1e-15 max Lambda.
 */
export function phaseEmbedding(psd: ArrayLike<number>, fLow: number, df: number): PhaseEmbedding {
  if (!(fLow > 0 && df > 0)) invalid('phase-embedding band', [fLow, df], 'must have f-low > 0 and df > 0');
  const B = PHASE_BASIS + 2, n = psd.length;
  const g = new Float64Array(B);
  const G = new Float64Array(B * B);
  let wsum = 0;
  for (let k = 0; k < n; k++) {
    const f = fLow + k * df, S = psd[k];
    if (!(S > 0 && Number.isFinite(S))) continue;
    const w = f ** (-7 / 3) / S;
    basis(f, g);
    g[PHASE_BASIS] = 1;
    g[PHASE_BASIS + 1] = f;
    for (let i = 0; i < B; i++) for (let j = 0; j < B; j++) G[i * B + j] += w * g[i] * g[j];
    wsum += w;
  }
  if (!(wsum > 0)) invalid('phase-embedding PSD', n, 'has no usable bin in the band');
  // Schur complement: the Gram matrix of the basis after weighted projection off {1, f}
  const P = PHASE_BASIS, a = G[P * B + P], b = G[P * B + P + 1], c = G[(P + 1) * B + P + 1];
  const det = a * c - b * b;
  const S = new Float64Array(P * P);
  for (let i = 0; i < P; i++) {
    for (let j = 0; j < P; j++) {
      const ui = G[i * B + P], vi = G[i * B + P + 1], uj = G[j * B + P], vj = G[j * B + P + 1];
      const proj = (ui * (c * uj - b * vj) + vi * (a * vj - b * uj)) / det;
      S[i * P + j] = (G[i * B + j] - proj) / (2 * wsum);
    }
  }
  // equilibrate before the eigen-decomposition: the basis spans orders of magnitude
  const s = Float64Array.from({ length: P }, (_, i) => 1 / Math.sqrt(Math.max(S[i * P + i], 1e-300)));
  const Sn = Float64Array.from(S, (x, k) => x * s[Math.floor(k / P)] * s[k % P]);
  const { values, vectors } = symmetricEigen(Sn, P);
  const top = values[P - 1];
  const keep: number[] = [];
  for (let k = P - 1; k >= 0; k--) if (values[k] > 1e-15 * top) keep.push(k);
  const A = new Float64Array(keep.length * P);
  keep.forEach((k, r) => {
    const sq = Math.sqrt(values[k]);
    for (let j = 0; j < P; j++) A[r * P + j] = (sq * vectors[j * P + k]) / s[j];
  });
  return { dim: keep.length, A };
}

/** z = A c(m1, m2, chi1, chi2) written to out[offset..offset + dim). */
export function embed(e: PhaseEmbedding, m1: number, m2: number, chi1: number, chi2: number, out: Float64Array, offset = 0, scratch = new Float64Array(PHASE_BASIS)): void {
  const c = phaseCoefficients(m1, m2, chi1, chi2, scratch);
  for (let r = 0; r < e.dim; r++) {
    let z = 0;
    for (let j = 0; j < PHASE_BASIS; j++) z += e.A[r * PHASE_BASIS + j] * c[j];
    out[offset + r] = z;
  }
}

/**
 * Upper end of the embedding's band [Hz]: 0.8 of the ISCO frequency 1/(6^(3/2) pi M) of the heaviest
 * template (beyond it the PN phase no longer describes IMR waveforms; on the default bank a higher
 * cut widened the tail of d^2/mismatch: 4 at 70 Hz, 16 at 110 Hz), kept within [2 fMin, fMax].
 */
export function phaseBandHigh(fMinHz: number, fMaxHz: number, maxTotalMass: number): number {
  const fIsco = 1 / (6 ** 1.5 * Math.PI * maxTotalMass * MTSUN_SI);
  return Math.min(fMaxHz, Math.max(2 * fMinHz, 0.8 * fIsco));
}

/**
 * The embedding rotated to the principal axes of `sample` (points z = A c, n x e.dim) and cut to the
 * directions along which the sample spreads by more than `flat` from its mean (a dropped direction
 * changes distances^2 by less than (2 flat)^2): fewer dimensions for the k-d tree, the same distances.
 */
export function reduceEmbedding(e: PhaseEmbedding, sample: Float64Array, flat = 0.005): PhaseEmbedding {
  const D = e.dim, n = sample.length / D;
  const mean = new Float64Array(D), cov = new Float64Array(D * D);
  for (let i = 0; i < n; i++) for (let a = 0; a < D; a++) mean[a] += sample[i * D + a] / n;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < D; a++) for (let b = 0; b < D; b++) cov[a * D + b] += (sample[i * D + a] - mean[a]) * (sample[i * D + b] - mean[b]);
  }
  const { vectors } = symmetricEigen(cov, D);
  const rows: number[][] = [];
  for (let k = D - 1; k >= 0; k--) {
    let spread = 0;
    for (let i = 0; i < n; i++) {
      let p = 0;
      for (let a = 0; a < D; a++) p += vectors[a * D + k] * (sample[i * D + a] - mean[a]);
      spread = Math.max(spread, Math.abs(p));
    }
    if (spread <= flat) continue;
    rows.push(Array.from({ length: PHASE_BASIS }, (_, j) => {
      let s = 0;
      for (let a = 0; a < D; a++) s += vectors[a * D + k] * e.A[a * PHASE_BASIS + j];
      return s;
    }));
  }
  if (rows.length === 0) rows.push(Array.from(e.A.subarray(0, PHASE_BASIS)));
  return { dim: rows.length, A: Float64Array.from(rows.flat()) };
}
