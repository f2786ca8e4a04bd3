/**
 * The per-bin sum of EccentricFD (LAL's `XLALSimInspiralEFD` loop): at each frequency the phase Psi(f), then
 * for every harmonic l with 2 f <= l fUpper, h += A_l(S) exp(i (ratio_l Psi + epoch)), times amplitude f^{-7/6}.
 */
import { sinCosTable } from '../../core/sincos.js';
import { AMP_PARTS, CROSS_IM, CROSS_RE, DEGREE_T, PHASE_SLOT, PLUS_IM, PLUS_RE, type EccentricSetup } from './setup.js';

const LN_6_SQRT6 = Math.log(6 * Math.sqrt(6));
const LN_4 = Math.log(4);

/** c[o] + T c[o+1] + T2 c[o+2] + T3 c[o+3] + T4 c[o+4], with the powers of T computed once per bin. */
function polyT(c: Float64Array, o: number, T: number, T2: number, T3: number, T4: number): number {
  return c[o] + T * c[o + 1] + T2 * c[o + 2] + T3 * c[o + 3] + T4 * c[o + 4];
}

/**
 * Fill bins [k0, k1) of hp (and hc when not null) at frequencies freqs[k]. The epoch term of bin k is
 * epochPerBin k [rad]: LAL's -2 pi t_c df less its whole cycles (0 when 1/df is an integer, and off a uniform
 * grid). Bins with f outside [fLo, fHi] are set to zero.
 */
export function fillEccentricFD(
  s: EccentricSetup, freqs: Float64Array, k0: number, k1: number, fLo: number, fHi: number, epochPerBin: number,
  hp: Float64Array, hc: Float64Array | null,
): void {
  const { piM, amplitude, fUpper, phase: P, phaseLog, amp: A, ratio, active } = s;
  const f0 = s.f0;
  const { vm5, vm3, vm2, vm1, v0, v1, v1Log, v2 } = PHASE_SLOT;
  const nActive = active.length;
  const lnF0 = Math.log(f0);
  const lnPiM = Math.log(piM);
  const invCbrtPiM = 1 / Math.cbrt(piM);
  const sc = new Float64Array(2);
  for (let k = k0; k < k1; k++) {
    const f = freqs[k];
    if (!(f >= fLo && f <= fHi)) {
      hp[2 * k] = 0;
      hp[2 * k + 1] = 0;
      if (hc !== null) { hc[2 * k] = 0; hc[2 * k + 1] = 0; }
      continue;
    }
    const v = Math.cbrt(piM * f);
    const iv = 1 / v;
    const iv2 = iv * iv;
    const lnv = Math.log(v);
    // S = (f_0/f)^{19/18} with ln f = 3 ln v - ln(pi M)
    const sS = Math.exp(19 / 18 * (lnF0 - 3 * lnv + lnPiM));
    const T = sS * sS;
    const T2 = T * T;
    const T3 = T2 * T;
    const T4 = T2 * T2;
    const psi =
      iv2 * iv2 * iv * polyT(P, vm5, T, T2, T3, T4) + iv2 * iv * polyT(P, vm3, T, T2, T3, T4) + iv2 * polyT(P, vm2, T, T2, T3, T4) +
      iv * polyT(P, vm1, T, T2, T3, T4) + polyT(P, v0, T, T2, T3, T4) +
      v * (polyT(P, v1, T, T2, T3, T4) + (LN_4 + lnv) * polyT(P, v1Log, T, T2, T3, T4)) + v * v * polyT(P, v2, T, T2, T3, T4) +
      phaseLog * (LN_6_SQRT6 + 3 * lnv);
    const epoch = epochPerBin * k;
    let pr = 0, pi = 0, cr = 0, ci = 0;
    for (let a = 0; a < nActive; a++) {
      const l = active[a];
      if (2 * f > l * fUpper) continue;
      const o = (l - 1) * AMP_PARTS * DEGREE_T;
      const odd = (l & 1) === 1 ? sS : 1;
      sinCosTable(ratio[l - 1] * psi + epoch, sc);
      const c = odd * sc[0];
      const sn = odd * sc[1];
      const ar = polyT(A, o + PLUS_RE, T, T2, T3, T4);
      const ai = polyT(A, o + PLUS_IM, T, T2, T3, T4);
      pr += ar * c - ai * sn;
      pi += ar * sn + ai * c;
      if (hc !== null) {
        const br = polyT(A, o + CROSS_RE, T, T2, T3, T4);
        const bi = polyT(A, o + CROSS_IM, T, T2, T3, T4);
        cr += br * c - bi * sn;
        ci += br * sn + bi * c;
      }
    }
    // f^{-7/6} = 1 / (f sqrt(f^{1/3})), f^{1/3} = v (pi M)^{-1/3}
    const scale = amplitude / (f * Math.sqrt(v * invCbrtPiM));
    hp[2 * k] = scale * pr;
    hp[2 * k + 1] = scale * pi;
    if (hc !== null) { hc[2 * k] = scale * cr; hc[2 * k + 1] = scale * ci; }
  }
}
