/**
 * Multibanded IMRPhenomXHM (LAL's XLALSimIMRPhenomXHM / IMRPhenomXHM_MultiMode): the 22 and each higher mode
 * on its own coarse grid (multiband.ts, multiband-mixing.ts), the (3,2) mixed with the multibanded 22, each mode
 * added to h+ and hx with its spin-weighted-harmonic factors in LAL's order 21, 22, 32, 33, 44.
 */
import { modeFactors } from '../spin-weighted-ylm.js';
import type { WaveformParams } from '../types.js';
import { ScratchPool, type MultibandFrame, type Scratch } from './multiband-core.js';
import { multibandMixing } from './multiband-mixing.js';
import { h22Ringdown, multiband22, multibandMode } from './multiband.js';
import { modeAmpPhase } from './mode-value.js';
import { modeValuesAt } from './mode-block.js';
import { newBlockPowers, packMode } from './mode-kernel.js';
import type { HMPhaseCoefficients } from './phase.js';
import { newPowers, powersInto } from './powers.js';
import type { HMModeSetup, PhenomXHMSetup } from './setup.js';

/** Scratch sets of the multibanding's grid-size arrays, each owned by one call at a time (see ScratchPool). */
const POOL = new ScratchPool();

/** Add a mode h_{l,-m} given on bins [k0, k1) (interleaved) to h+ and hx with its (l, m) factors. */
function addModeSeries(h: Float64Array, l: number, m: number, inclination: number, k0: number, k1: number, hp: Float64Array, hc: Float64Array | null): void {
  const [pRe, pIm, cRe, cIm] = modeFactors(l, m, inclination);
  for (let k = k0; k < k1; k++) {
    const re = h[2 * k];
    const im = h[2 * k + 1];
    hp[2 * k] += pRe * re - pIm * im;
    hp[2 * k + 1] += pRe * im + pIm * re;
    if (hc !== null) {
      hc[2 * k] += cRe * re - cIm * im;
      hc[2 * k + 1] += cRe * im + cIm * re;
    }
  }
}

/**
 * Multibanded IMRPhenomXHM (LAL's XLALSimIMRPhenomXHM): every mode on its own coarse grid, interpolated to
 * bins floor(f_min/df) .. floor(f_end/df) of the uniform grid; writes bins [kLo, kHi) of h+ (and hx).
 */
export function fillMultiband(st: PhenomXHMSetup, df: number, n: number, params: WaveformParams, threshold: number, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const scratch = POOL.acquire();
  try {
    fillWith(scratch, st, df, n, params, threshold, hp, hc, kLo, kHi);
  } finally {
    POOL.release(scratch);
  }
}

/** fillMultiband with the grid-size arrays of `scratch`. */
function fillWith(scratch: Scratch, st: PhenomXHMSetup, df: number, n: number, params: WaveformParams, threshold: number, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number): void {
  const mSec = st.xas.system.mSec;
  const offset = Math.trunc(params.fMinHz / df);
  const iStop = Math.trunc(st.xas.fEndHz / df) + 1;
  const fr: MultibandFrame = { evaldMf: df * mSec, offset, iStop, mfMin: offset * df * mSec, mfMax: st.xas.fEndHz * mSec, threshold };
  const len = Math.max(iStop, n);
  const sp = scratch.get('sum.hp', 2 * len, true);
  const sc = hc === null ? null : scratch.get('sum.hc', 2 * len, true);
  const h22 = scratch.get('h22', 2 * iStop, true);
  const hlm = scratch.get('hlm', 2 * iStop);
  const p = newPowers();
  const w22 = new Float64Array(2);
  const bw = newBlockPowers();
  multiband22(st, fr, h22, scratch);
  const byTag = (tag: number): HMModeSetup => st.modes.find((x) => x.mode.tag === tag) as HMModeSetup;
  for (const tag of [21, 22, 32, 33, 44]) {
    if (tag === 22) {
      addModeSeries(h22, 2, 2, params.inclination, offset, iStop, sp, sc);
      continue;
    }
    const m = byTag(tag);
    if (m.amp === null) continue;
    const K = packMode(m, st.amp0, params.inclination, 1);
    if (!m.mode.mixing) {
      multibandMode(st, m, fr, K, { hp: sp, hc: sc, factors: modeFactors(m.mode.ell, m.mode.emm, params.inclination) }, scratch, bw);
    } else {
      hlm.fill(0);
      const amp = m.amp;
      const ph = m.phase as HMPhaseCoefficients;
      const ampNorm = amp.ampNorm;
      multibandMixing(st, m, fr, (f, o) => {
        h22Ringdown(st, ampNorm, powersInto(p, f), w22);
        modeAmpPhase(m, p, w22[0], w22[1], o);
      }, h22, hlm, scratch, (mfs, a, phase) => {
        // the 22 the kernel mixes in, where the (3,2) is spherical (LAL's SpheroidalToSpherical)
        const mixed = scratch.get('mix.h22', 2 * mfs.length);
        for (let i = 0; i < mfs.length; i++) {
          if (mfs[i] >= amp.fInt || mfs[i] >= ph.fRD) h22Ringdown(st, ampNorm, powersInto(p, mfs[i]), w22);
          else w22.fill(0);
          mixed[2 * i] = w22[0];
          mixed[2 * i + 1] = w22[1];
        }
        modeValuesAt(K, mfs, mfs.length, mixed, a, phase, bw);
      });
      addModeSeries(hlm, m.mode.ell, m.mode.emm, params.inclination, offset, iStop, sp, sc);
    }
  }
  for (let k = kLo; k < kHi; k++) {
    hp[2 * k] = sp[2 * k];
    hp[2 * k + 1] = sp[2 * k + 1];
    if (hc !== null && sc !== null) {
      hc[2 * k] = sc[2 * k];
      hc[2 * k + 1] = sc[2 * k + 1];
    }
  }
}
