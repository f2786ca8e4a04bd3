/**
 * IMRPhenomD per-bin kernel: h(f) on the selected bins from a PhenomDSetup (formulas in model.ts's
 * header), run in chunks of CHUNK bins: chunk.ts gives Mf, the amplitude and the phase of each bin (with
 * its carried recurrences and block-aligned anchors), this file's loop the phase factor (one table-based
 * cos/sin, ../sincos-table.ts) and the polarisations; plus a load-time type-feedback warm-up. Because the
 * anchors sit at fixed indices, a fill started at the first index of kLo's block gives bitwise the values
 * of a fill from the first bin: generateInto equals generate for any [kLo, kHi). Used by model.ts only.
 */
import { inclinationFactors } from '../polarizations.js';
import { zeroBins } from '../kernel-helpers.js';
import { sinCosTable } from '../sincos-table.js';
import type { WaveformParams } from '../types.js';
import { ANCHOR_SHIFT, B_AMP, B_F, B_FLAG, B_PHI, BUFFER_LENGTH, CHUNK, newCoreState, packCore, phenomDChunk } from './chunk.js';
import { setupPhenomD, type PhenomDSetup } from './setup.js';

/**
 * Write bins [kLo, kHi) of h+ (and of hx when `hc` is not null): bins k in [rangeStart, rangeStop) with
 * fLo <= f_k < fHi get the model, every other bin of [kLo, kHi) is set to zero; bins outside [kLo, kHi)
 * are not touched. The recurrences start at the first index of kLo's anchor block (at most 63 bins
 * computed and not written), so the values do not depend on kLo.
 */
export function fill(
  s: PhenomDSetup, freqs: Float64Array, rangeStart: number, rangeStop: number, fLo: number, fHi: number,
  inclination: number, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
): void {
  const kStart = Math.max(rangeStart, kLo);
  const kStop = Math.max(kStart, Math.min(rangeStop, kHi));
  zeroBins(hp, hc, kLo, Math.min(kStart, kHi));
  zeroBins(hp, hc, Math.max(kStop, kLo), kHi);
  if (!(kStop > kStart)) return;
  const kFrom = Math.max(rangeStart, (kStart >> ANCHOR_SHIFT) << ANCHOR_SHIFT);
  const { plus, cross } = inclinationFactors(inclination);
  const state = newCoreState();
  const buf = new Float64Array(BUFFER_LENGTH);
  const cs = new Float64Array(2);
  const KD = packCore(s.ampScale * s.amp.amp0, s.mTotalSec, s.amp, s.phase);
  const K = Float64Array.of(s.t0, s.mfRef, s.phiOffset, plus, cross);
  for (let c0 = kFrom; c0 < kStop; c0 += CHUNK) {
    const c1 = Math.min(c0 + CHUNK, kStop);
    phenomDChunk(KD, freqs, c0, c1, fLo, fHi, state, buf);
    phaseFactorChunk(K, c0, c1, kStart, buf, hp, hc, cs);
  }
}

/**
 * Bins [k0, k1) of fill from the IMRPhenomD core of these bins in `buf` (see chunk.ts), K = (t0, M f_ref,
 * phase offset, h+ factor, hx factor); bins below kWrite are not written.
 */
function phaseFactorChunk(
  K: Float64Array, k0: number, k1: number, kWrite: number, buf: Float64Array,
  hp: Float64Array, hc: Float64Array | null, cs: Float64Array,
): void {
  const t0 = K[0], mfRef = K[1], phiOffset = K[2], plus = K[3], cross = K[4];
  const sincos = sinCosTable;
  // buffer offsets as locals: an imported or module-level binding is re-read (with a hole check) per use
  const oFlag = B_FLAG, oF = B_F, oAmp = B_AMP, oPhi = B_PHI;
  for (let k = Math.max(k0, kWrite); k < k1; k++) {
    const j = k - k0;
    if (buf[oFlag + j] === 0) {
      zeroBins(hp, hc, k, k + 1);
      continue;
    }
    const amp = buf[oAmp + j];
    sincos(buf[oPhi + j] - (t0 * (buf[oF + j] - mfRef) + phiOffset), cs);
    const re = amp * cs[0];
    const im = -amp * cs[1];
    hp[2 * k] = plus * re;
    hp[2 * k + 1] = plus * im;
    if (hc !== null) {
      hc[2 * k] = cross * im;
      hc[2 * k + 1] = -cross * re;
    }
  }
}

/**
 * Type-feedback warm-up, run once when the module loads (~40 bins, well under a millisecond): passes
 * through every branch of `fill` (bins outside [f_min, f_end), re-anchored and carried recurrences in
 * each amplitude and phase region, with and without hx). Without it V8 compiles the per-bin loop
 * on-stack during the first waveform, before the merger-ringdown branches have run, and that code then
 * deoptimises on every later call.
 */
function warmUpFill(): void {
  const params: WaveformParams = {
    m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
    distanceMpc: 1, inclination: 0.5, phiRef: 0.1, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
  };
  const s = setupPhenomD(params);
  const mfs = [0.002, 0.005, 0.01, 0.016, 0.03, 0.06, 0.1, 0.15, 0.19];
  const freqs: number[] = [10];
  for (const mf of mfs) for (let j = 0; j < 4; j++) freqs.push((mf * (1 + 1e-4 * j)) / s.mTotalSec);
  const grid = Float64Array.from(freqs);
  const n = grid.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, params.inclination, hp, hc, 0, n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, params.inclination, hp, null, 3, n);
}
warmUpFill();
