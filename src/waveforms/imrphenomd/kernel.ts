/**
 * IMRPhenomD per-bin kernel: h(f) on the selected bins from a PhenomDSetup (formulas in model.ts's
 * header): the aligned mode of the kernel shared with IMRPhenomPv2 (core-kernel.ts: chunks of 64 bins,
 * carried recurrences with block-aligned anchors, one table-based cos/sin per bin), plus a type-feedback
 * warm-up run by the first fill. generateInto over any [kLo, kHi) equals generate bit for bit. Used by model.ts only.
 */
import { inclinationFactors } from '../polarizations.js';
import type { WaveformParams } from '../types.js';
import { alignedMode, fillPhenom, packCore } from './core-kernel.js';
import { warmUpFrequencies } from '../kernel-helpers.js';
import { setupPhenomD, type PhenomDSetup } from './setup.js';

/** Whether warmUpFill has run in this thread. */
let warmedUp = false;

/**
 * Write bins [kLo, kHi) of h+ (and of hx when `hc` is not null): bins k in [rangeStart, rangeStop) with
 * fLo <= f_k < fHi get the model, every other bin of [kLo, kHi) is set to zero; bins outside [kLo, kHi)
 * are not touched (see fillPhenom).
 */
export function fill(
  s: PhenomDSetup, freqs: Float64Array, rangeStart: number, rangeStop: number, fLo: number, fHi: number,
  inclination: number, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
): void {
  if (!warmedUp) warmUpFill();
  const { plus, cross } = inclinationFactors(inclination);
  const KD = packCore(s.ampScale * s.amp.amp0, s.mTotalSec, s.amp, s.phase);
  const KM = alignedMode(s.t0, s.mfRef, s.phiOffset, plus, cross);
  fillPhenom(KD, KM, freqs, rangeStart, rangeStop, fLo, fHi, hp, hc, kLo, kHi);
}

/**
 * Type-feedback warm-up, run once by the first `fill` (~40 bins, well under a millisecond; not at import,
 * so that loading the library does no work): passes
 * through every branch of `fill` (bins outside [f_min, f_end), re-anchored and carried recurrences in
 * each amplitude and phase region, with and without hx). Without it V8 compiles the per-bin loop
 * on-stack during the first waveform, before the merger-ringdown branches have run, and that code then
 * deoptimises on every later call. Returns the Mf values it filled.
 */
export function warmUpFill(): Float64Array {
  warmedUp = true;
  const params: WaveformParams = {
    m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
    distanceMpc: 1, inclination: 0.5, phiRef: 0.1, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
  };
  const s = setupPhenomD(params);
  const grid = warmUpFrequencies(s.mTotalSec, [0.002, 0.005, 0.01, 0.016, 0.03, 0.06, 0.1, 0.15, 0.19]);
  const n = grid.length;
  const hp = new Float64Array(2 * n);
  const hc = new Float64Array(2 * n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, params.inclination, hp, hc, 0, n);
  fill(s, grid, 0, n, params.fMinHz, s.fEndHz, params.inclination, hp, null, 3, n);
  return grid.map((f) => f * s.mTotalSec);
}
