/**
 * The IMRPhenomXPHM sum (LAL's IMRPhenomXPHM_hplushcross, default options): for each co-precessing mode
 * (2,1), (2,2), (3,2), (3,3), (4,4) in turn, the mode on the fine grid (modes.ts: multibanded unless
 * ThresholdMband = 0), its Euler angles (angles.ts: on the mode's coarse grid unless PrecThresholdMband = 0) and
 * the twisting up into h+ and hx (twist-multiband.ts carries the coarse angles over the fine bins as it twists;
 * twist.ts with the angles at every bin); then h+ and hx rotated by 2 zeta. Multibanding is switched off, as LAL does,
 * on a non-uniform grid and above 500 solar masses (both), and for the angles alone above q = 8 with the NNLO
 * angles or above q = 50 and 100 solar masses with the MSA ones.
 */
import type { FrequencyGrid } from '../../core/grid.js';
import { ScratchPool, type MultibandFrame, type Scratch } from '../imrphenomxhm/multiband-core.js';
import { setupPhenomXHM, type PhenomXHMSetup } from '../imrphenomxhm/setup.js';
import { precessionAnglesAtV } from '../imrphenomxp/angles.js';
import { buildAngleInterpolant, interpolatedAnglesAtV, type AngleInterpolant, type InterpolantLayout } from '../imrphenomxp/interpolant.js';
import { INTERPOLANT_LOW, setupPhenomXP } from '../imrphenomxp/model.js';
import type { PrecessionSetup } from '../imrphenomxp/setup.js';
import { rotatePolarizations } from '../imrphenomxp/twist.js';
import type { WaveformParams } from '../types.js';
import { AngleCache, coarseAngles, exactAngles, type EulerAngleSource } from './angles.js';
import { angleGrid, exactModes, modeIsZero, multibandModes, XPHM_MODES } from './modes.js';
import { modeTwist, twistMode, type AngleSeries, type ModeTwist } from './twist.js';
import { twistModeMultiband } from './twist-multiband.js';

/** LAL's default thresholds of the modes' (ThresholdMband) and the angles' (PrecThresholdMband) multibanding. */
export const DEFAULT_THRESHOLD_MBAND = 1e-3;
export const DEFAULT_PREC_THRESHOLD_MBAND = 1e-3;

/** Scratch sets of the grid-size arrays, each owned by one call at a time (see ScratchPool). */
const POOL = new ScratchPool();

/** Everything one IMRPhenomXPHM waveform needs. */
export interface PhenomXPHMSetup {
  /** The IMRPhenomXHM modes on the XAS set-up with the precessing final spin and phi_ref = 0. */
  hm: PhenomXHMSetup;
  prec: PrecessionSetup;
  angles: EulerAngleSource;
  /** Twisting constants of each mode by tag 10 l + m'. */
  twists: Map<number, ModeTwist>;
}

/**
 * The interpolant layout of XPHM's angles: one band for every m' (the angles are one function of v), 32 pieces
 * uniform in log v, which resolve the low frequencies where XP's 16 pieces uniform in v^2 fail their checks.
 */
export const XPHM_LAYOUT: InterpolantLayout = { segments: 32, spacing: 'log' };

/**
 * The angles of the precession set-up (MSA, version 223, or NNLO, 102; LAL's m' = 2 offsets), from one of
 * IMRPhenomXP's checked Chebyshev interpolants where it builds them (MSA): mode m' evaluates at
 * v = (pi M f 2/m')^{1/3}, so the interpolant spans XP's band [0.9 f_min, f_cut] times 2/m' for m' = 4 .. 1, built
 * on first use.
 */
function angleSource(prec: PrecessionSetup, fMinHz: number, fCutHz: number): EulerAngleSource {
  const work = new Float64Array(2);
  let ip: AngleInterpolant | null | undefined;
  return {
    at: (_mp, v, out) => {
      if (ip === undefined) ip = buildAngleInterpolant(prec, (INTERPOLANT_LOW * fMinHz) / 2, fCutHz * 2, XPHM_LAYOUT);
      if (ip === null || !interpolatedAnglesAtV(ip, v, out)) precessionAnglesAtV(prec, v, out, work);
    },
  };
}

/** Set up an IMRPhenomXPHM waveform: precession (../imrphenomxp), then the XHM modes on its XAS set-up. */
export function setupPhenomXPHM(params: WaveformParams): PhenomXPHMSetup {
  const { xas, prec } = setupPhenomXP(params);
  const hm = setupPhenomXHM(params, xas);
  const twists = new Map<number, ModeTwist>();
  for (const [l, mp, tag] of XPHM_MODES) twists.set(tag, modeTwist(l, mp, prec.thetaJN));
  return { hm, prec, angles: angleSource(prec, params.fMinHz, xas.system.fCutHz), twists };
}

/** The thresholds in use: [modes, angles] (see the file header). */
function thresholds(st: PhenomXPHMSetup, grid: FrequencyGrid, params: WaveformParams): [number, number] {
  const mTotal = params.m1 + params.m2;
  if (grid.df === undefined || mTotal > 500) return [0, 0];
  const modes = params.thresholdMband ?? DEFAULT_THRESHOLD_MBAND;
  let angles = params.precThresholdMband ?? DEFAULT_PREC_THRESHOLD_MBAND;
  const q = st.prec.m1 / st.prec.m2;
  if (st.prec.msa === null ? q > 8 : q > 50 && mTotal > 100) angles = 0;
  return [modes, angles];
}

/** The angle cache of m' in `caches`, created on first use. */
function cacheOf(caches: Map<number, AngleCache>, mp: number): AngleCache {
  let c = caches.get(mp);
  if (c === undefined) caches.set(mp, (c = new AngleCache()));
  return c;
}

/** Write bins [kLo, kHi) of h+ and hx (hc may be null: h+ alone) with IMRPhenomXPHM; other bins untouched. */
export function fillPhenomXPHM(grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const scratch = POOL.acquire();
  try {
    fillWith(scratch, grid, params, hp, hc, kLo, kHi);
  } finally {
    POOL.release(scratch);
  }
}

/** fillPhenomXPHM with the grid-size arrays of `scratch`. */
function fillWith(scratch: Scratch, grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const st = setupPhenomXPHM(params);
  const [thrModes, thrAngles] = thresholds(st, grid, params);
  const freqs = grid.frequencies;
  const n = freqs.length;
  const s = st.hm.xas.system;
  const fEnd = st.hm.xas.fEndHz;
  const df = grid.df ?? 0;
  const offset = df > 0 ? Math.min(Math.trunc(params.fMinHz / df), n) : 0;
  const iStop = df > 0 ? Math.min(Math.trunc(fEnd / df) + 1, n) : n;
  const fr: MultibandFrame = { evaldMf: df * s.mSec, offset, iStop, mfMin: offset * df * s.mSec, mfMax: fEnd * s.mSec, threshold: thrModes };
  const sp = scratch.get('sum.hp', 2 * n, true);
  const sc = scratch.get('sum.hc', 2 * n, true);
  const modes = thrModes > 0 ? multibandModes(st.hm, fr, scratch) : exactModes(st.hm, freqs, offset, iStop, df > 0 ? -Infinity : params.fMinHz, fEnd, scratch);
  // one cache per m': the modes of one m' share coarse points
  const caches = new Map<number, AngleCache>();
  // without angle multibanding, modes of equal m' (the (2,2) and (3,2)) have the same angles at every bin
  const exact = new Map<number, AngleSeries>();
  for (const [, mp, tag] of XPHM_MODES) {
    if (modeIsZero(st.hm, tag)) continue;
    const twist = st.twists.get(tag) as ModeTwist;
    const h = modes.get(tag) as Float64Array;
    if (thrAngles > 0) {
      const cf = angleGrid(st.hm, tag, fr, thrAngles);
      twistModeMultiband(twist, h, coarseAngles(st.angles, mp, cf, scratch, tag, cacheOf(caches, mp)), cf.points, fr.evaldMf, offset, iStop - offset, sp, sc);
      continue;
    }
    const ang = exact.get(mp) ?? exactAngles(st.angles, mp, s.mSec, freqs, offset, iStop, scratch, tag);
    exact.set(mp, ang);
    twistMode(twist, h, ang, ang.base, Math.min(ang.base + ang.count, iStop), sp, sc);
  }
  rotatePolarizations(sp, sc, st.prec.zetaPolarization, offset, n);
  for (let k = kLo; k < kHi; k++) {
    hp[2 * k] = sp[2 * k];
    hp[2 * k + 1] = sp[2 * k + 1];
    if (hc !== null) {
      hc[2 * k] = sc[2 * k];
      hc[2 * k + 1] = sc[2 * k + 1];
    }
  }
}
