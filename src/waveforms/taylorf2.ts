/**
 * TaylorF2: stationary-phase inspiral with aligned spins, 3.5PN phase and 0PN (Newtonian)
 * amplitude, as LALSimulation's `XLALSimInspiralChooseFDWaveform(..., TaylorF2)` produces it with
 * default settings (lalsimulation/lib/LALSimInspiralTaylorF2.c: `XLALSimInspiralTaylorF2`,
 * `XLALSimInspiralTaylorF2Core`; arXiv:0907.0700 section IIIF).
 *
 *   h(f) = A v^{-7/2} exp(-i (Psi(f) + 2 pi t_c f - 2 phi_ref - Psi(f_ref) - pi/4)),
 *   A = -4 m1 m2 / r MRSUN_SI MTSUN_SI sqrt(pi/12) sqrt(5 / (32 eta))   (m in solar masses, r in m),
 *   v = (pi M f)^{1/3},  Psi from {@link taylorF2AlignedPhasing},  Psi(f_ref) = 0 when f_ref = 0,
 *   t_c = LAL's epoch -1/df (rounded to ns as LAL's GPS arithmetic): 2 pi t_c f_k is a multiple of 2 pi
 *   on f_k = k df when 1/df is an integer; only its non-integer part of cycles per bin is added.
 * Then h+ = 1/2 (1 + cos^2 iota) h and hx = -i cos(iota) h.
 *
 * Speed: on a uniform grid (from bin 64 on) 1/v and ln v are carried from bin to bin (extrapolation
 * plus two division-free iterations for (pi M f)^{-1/3}, an exact atanh series for the log increment,
 * re-seeded with Math.log every 64 bins) and sin/cos share one argument reduction. The phase keeps
 * ~4e-16 relative precision: h changes by ~1e-13 of max|h| for BBH and up to ~3e-10 for phases
 * ~1e6 rad, relative to calling Math.cbrt/Math.log/Math.sin/Math.cos at every bin.
 *
 * Frequency range (LAL's): non-zero for f >= f_min (first uniform bin ceil(f_min/df)) up to and including
 * f_max (bin floor(f_max/df)); only f_max = 0 stops at the Schwarzschild ISCO 6^{-3/2}/(pi M).
 */
import { MPC_SI, MRSUN_SI, MTSUN_SI } from '../core/constants.js';
import { invalid } from '../core/errors.js';
import { sinCosTable } from '../core/sincos.js';
import type { FrequencyGrid } from '../core/grid.js';
import { taylorF2AlignedPhasing, taylorF2PhaseAt } from './pn-phasing.js';
import { eccentricPhaseAt, type EccentricPhaseSeries } from './taylorf2ecc/phasing.js';
import { inclinationFactors } from './polarizations.js';
import type { FrequencyListModel, GenerateIntoOptions, PolarizationBuffers, Polarizations, WaveformParams } from './types.js';
import { validateParams } from './validate.js';
import { intoRange } from './into-range.js';

const NAME = 'TaylorF2';

/** Schwarzschild ISCO gravitational-wave frequency [Hz] of total mass `mTotalMsun`: 6^{-3/2} / (pi M MTSUN_SI). */
export function iscoFrequencyHz(mTotalMsun: number): number {
  const vIsco = 1 / Math.sqrt(6);
  return (vIsco * vIsco * vIsco) / (Math.PI * mTotalMsun * MTSUN_SI);
}

/**
 * LAL's epoch -1/df [s] after its GPS rounding (integer seconds floor(t) plus nanoseconds rounded to
 * nearest), as `XLALGPSAdd(&tC, -1/deltaF)` in `XLALSimInspiralTaylorF2`.
 */
export function lalEpochSeconds(df: number): number {
  const t = -1 / df;
  const seconds = Math.floor(t);
  const nanoseconds = Math.round((t - seconds) * 1e9);
  return seconds + 1e-9 * nanoseconds;
}

/** Last frequency [Hz] TaylorF2 fills: f_max when f_max > 0, else the ISCO frequency. */
export function taylorF2EndFrequencyHz(params: WaveformParams): number {
  return params.fMaxHz > 0 ? params.fMaxHz : iscoFrequencyHz(params.m1 + params.m2);
}

/**
 * TaylorF2 h+ and hx on a grid (interleaved complex, 1/Hz, zero outside [f_min, f_end]).
 * On a uniform grid (`grid.df` set) the filled bins are k = ceil(f_min/df) .. floor(f_end/df) and the
 * epoch term uses t_c = -1/df as LAL; on a non-uniform grid the filled bins are f_min <= f <= f_end
 * and t_c = 0 (coalescence at t = 0).
 * @throws MbankError on unphysical parameters (masses, spins, in-plane spins, distance, frequencies)
 */
export function generateTaylorF2(grid: FrequencyGrid, params: WaveformParams): Polarizations {
  const n = grid.frequencies.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fillTaylorF2(grid, params, hp, hc, 0, n);
  return { hp, hc };
}

/**
 * TaylorF2 into caller-owned arrays (see WaveformModel.generateInto): bins [kLo, kHi) of out.hp (and
 * out.hc when given) get exactly generateTaylorF2's values (zero outside its support); other bins are
 * not touched; no output allocation.
 * @throws MbankError as generateTaylorF2, or when an output array is shorter than 2 kHi
 */
export function generateTaylorF2Into(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void {
  const n = grid.frequencies.length;
  const { kLo, kHi, hc } = intoRange(n, out, opts);
  fillTaylorF2(grid, params, out.hp, hc, kLo, kHi);
}

/**
 * Validate, then write bins [kLo, kHi) of hp (and hc unless null); zero outside the support. With `ecc`
 * (TaylorF2Ecc, gain != 0) the eccentric phase is added to Psi at every bin and at f_ref.
 */
export function fillTaylorF2(
  grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
  ecc?: EccentricPhaseSeries, name = NAME,
): void {
  const fEnd = taylorF2EndFrequencyHz(params);
  if (params.fMaxHz === 0 && !(fEnd > params.fMinHz)) {
    invalid('f_min', params.fMinHz, `must be below the Schwarzschild ISCO frequency ${fEnd} Hz used when f_max = 0`);
  }
  validateParams(params.fMaxHz === 0 ? { ...params, fMaxHz: fEnd } : params, name, true);

  const { m1, m2, s1z, s2z } = params;
  const freqs = grid.frequencies;
  const n = freqs.length;

  const mTotal = m1 + m2;
  const eta = (m1 * m2) / (mTotal * mTotal);
  const piM = Math.PI * mTotal * MTSUN_SI;
  const series = taylorF2AlignedPhasing(m1, m2, s1z, s2z);
  const c = series.v;
  const [c0, c1, c2, c3, c4, c5, c6, c7] = [c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]];
  const l5 = series.vlogv[5];
  const l6 = series.vlogv[6];

  const r = params.distanceMpc * MPC_SI;
  const amp0 = ((-4 * m1 * m2) / r) * MRSUN_SI * MTSUN_SI * Math.sqrt(Math.PI / 12);
  // 0PN SPA amplitude: sqrt(-dE/F) v = sqrt(5/(32 eta)) v^{-7/2}
  const ampC = amp0 * Math.sqrt(5 / (32 * eta));
  const eccOn = ecc !== undefined && ecc.gain !== 0;
  let refPhasing = params.fRefHz !== 0 ? taylorF2PhaseAt(series, piM * params.fRefHz) : 0;
  if (eccOn && params.fRefHz !== 0) refPhasing += eccentricPhaseAt(ecc, Math.cbrt(piM * params.fRefHz));
  const phaseConst = -2 * params.phiRef - refPhasing - Math.PI / 4;
  const { plus, cross } = inclinationFactors(params.inclination);

  let kStart: number;
  let kEnd: number;
  let shift: number;
  let fLo: number;
  let fHi: number;
  if (grid.df !== undefined) {
    kStart = Math.ceil(params.fMinHz / grid.df);
    kEnd = Math.min(n - 1, Math.floor(fEnd / grid.df + 1) - 1);
    // 2 pi t_c f_k = 2 pi k (t_c df): drop the whole cycles (exactly 0 when 1/df is an integer)
    const cycles = lalEpochSeconds(grid.df) * grid.df;
    shift = 2 * Math.PI * (cycles - Math.round(cycles));
    fLo = -Infinity;
    fHi = Infinity;
  } else {
    kStart = 0;
    kEnd = n - 1;
    shift = 0;
    fLo = params.fMinHz;
    fHi = fEnd;
  }

  // bins of [kLo, kHi) outside [kStart, kEnd] are zero; the loop below zeroes skipped bins itself and
  // runs from kStart even when kLo > kStart, so that every written bin is bitwise generateTaylorF2's
  zeroBins(hp, hc, kLo, Math.min(kHi, Math.max(kLo, kStart)));
  zeroBins(hp, hc, Math.max(kLo, kEnd + 1), kHi);
  // Uniform grids: from bin 64 on (and two bins into the band) w and ln v are carried from bin to bin.
  const kFast = grid.df !== undefined ? Math.max(kStart + 2, 64) : Infinity;
  const K = new Float64Array(K_LENGTH);
  K.set([piM, c0, c1, c2, c3, c4, c5, c6, c7, l5, l6, shift, phaseConst, ampC, plus, cross, fLo, fHi, kFast, kLo]);
  if (eccOn) {
    K[ECC_GAIN] = ecc.gain;
    K[ECC_LOGV0] = ecc.logv0;
    K.set(ecc.e, ECC_E);
    K[ECC_L6] = ecc.l6;
  }
  const state = new Float64Array(4); // w_{k-1}, w_{k-2}, ln v_{k-1}, unused
  const sc = new Float64Array(2);
  const kStop = Math.min(kEnd + 1, kHi);
  for (let k = kStart; k < kStop; k += CHUNK) fillChunk(K, freqs, k, Math.min(k + CHUNK, kStop), hp, hc, state, sc);
}

/** Bins per call of fillChunk: a short loop per call lets V8 compile it as a whole function, not on-stack. */
const CHUNK = 32;
/** Offsets of the eccentric block of K (gain 0: quasi-circular); the first 20 entries: see the K.set call in fillTaylorF2. */
const ECC_GAIN = 20;
const ECC_LOGV0 = 21;
const ECC_E = 22; // E_0 .. E_6
const ECC_L6 = 29;
/** Length of the constants array of fillChunk. */
const K_LENGTH = 30;

/**
 * Bins [k0, k1) of TaylorF2 (constants K, carried w and ln v in `state`, updated); bins below K's kLo are
 * computed (to carry the recurrences) but not written. Values do not depend on the chunking.
 */
function fillChunk(
  K: Float64Array, freqs: Float64Array, k0: number, k1: number, hp: Float64Array, hc: Float64Array | null,
  state: Float64Array, sc: Float64Array,
): void {
  const piM = K[0], c0 = K[1], c1 = K[2], c2 = K[3], c3 = K[4], c4 = K[5], c5 = K[6], c6 = K[7], c7 = K[8];
  const l5 = K[9], l6 = K[10], shift = K[11], phaseConst = K[12], ampC = K[13], plus = K[14], cross = K[15];
  const fLo = K[16], fHi = K[17], kFast = K[18], kLo = K[19];
  const eg = K[ECC_GAIN], logv0 = K[ECC_LOGV0], l6e = K[ECC_L6];
  let w = 0; // 1/v = (pi M f)^{-1/3}
  let wPrev = state[0];
  let wPrev2 = state[1];
  let logv = state[2];
  for (let k = k0; k < k1; k++) {
    const f = freqs[k];
    if (f < fLo || f > fHi) {
      if (k >= kLo) zeroBins(hp, hc, k, k + 1);
      continue;
    }
    const x = piM * f;
    if (k >= kFast) {
      // w_k from the two previous bins by linear extrapolation (relative error < 1e-4 for k >= 64),
      // then two division-free third-order steps w <- w (1 - e)^{-1/3}, e = 1 - x w^3.
      w = 2 * wPrev - wPrev2;
      let e = 1 - x * w * w * w;
      w *= 1 + e * (1 / 3 + e * (2 / 9));
      e = 1 - x * w * w * w;
      w *= 1 + e * (1 / 3 + e * (2 / 9));
      // ln v_k = ln v_{k-1} + (1/3) ln(k/(k-1)) = ln v_{k-1} + (2/3) atanh(1/(2k-1)) (series truncation
      // < 1e-20 for k >= 64); re-seeded every 64 bins
      if ((k & 63) === 0) {
        logv = Math.log(x) / 3;
      } else {
        const z = 1 / (2 * k - 1);
        const z2 = z * z;
        logv += (2 / 3) * z * (1 + z2 * (1 / 3 + z2 * (1 / 5 + z2 / 7)));
      }
    } else {
      w = 1 / Math.cbrt(x);
      logv = Math.log(x) / 3;
    }
    wPrev2 = wPrev;
    wPrev = w;
    const w2 = w * w;
    const w3 = w * w2;
    const w4 = w2 * w2;
    const v = x * w2;
    // Psi = sum_k (c_k + l_k ln v) v^(k-5), smallest terms first
    let phasing = c7 * v * v;
    phasing += (c6 + l6 * logv) * v;
    phasing += c5 + l5 * logv;
    phasing += c4 * w;
    phasing += c3 * w2;
    phasing += c2 * w3;
    phasing += c1 * w4;
    phasing += c0 * w4 * w;
    if (eg !== 0) {
      // eccentric phase gain (v0/v)^{19/3} v^{-5} sum_j (E_j + [j = 6] l6 ln v) v^j (taylorf2ecc/phasing.ts)
      let p = K[ECC_E + 6] + l6e * logv;
      for (let j = 5; j >= 0; j--) p = K[ECC_E + j] + v * p;
      phasing += eg * Math.exp((19 / 3) * (logv0 - logv)) * p * (w4 * w);
    }
    phasing += shift * k + phaseConst;
    sinCosTable(phasing, sc);
    const amp = ampC * w3 * Math.sqrt(w); // v^{-7/2}
    const hRe = amp * sc[0];
    const hIm = -amp * sc[1];
    if (k < kLo) continue; // computed only to carry w and ln v into [kLo, kHi)
    hp[2 * k] = plus * hRe;
    hp[2 * k + 1] = plus * hIm;
    if (hc !== null) {
      hc[2 * k] = cross * hIm;
      hc[2 * k + 1] = -cross * hRe;
    }
  }
  state[0] = wPrev;
  state[1] = wPrev2;
  state[2] = logv;
}

/** Set bins [k0, k1) of hp (and hc unless null) to zero. */
function zeroBins(hp: Float64Array, hc: Float64Array | null, k0: number, k1: number): void {
  if (!(k1 > k0)) return;
  hp.fill(0, 2 * k0, 2 * k1);
  if (hc !== null) hc.fill(0, 2 * k0, 2 * k1);
}

/** The TaylorF2 model for the registry (aligned spins, 22 mode only). */
export const taylorF2: FrequencyListModel = {
  name: NAME,
  precessing: false,
  only22: true,
  generate: generateTaylorF2,
  generateInto: generateTaylorF2Into,
  // a frequency list is a non-uniform grid: f_min <= f <= f_end, t_c = 0 (see generateTaylorF2)
  generateAt: (freqs, params) => generateTaylorF2({ frequencies: freqs }, params),
  generateAtInto: (freqs, params, out) => generateTaylorF2Into({ frequencies: freqs }, params, out),
  supportEndHz: taylorF2EndFrequencyHz,
};
