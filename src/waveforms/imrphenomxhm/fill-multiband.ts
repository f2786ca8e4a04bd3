/**
 * Multibanded IMRPhenomXHM (LAL's XLALSimIMRPhenomXHM / IMRPhenomXHM_MultiMode): the 22 and each higher mode
 * on its own coarse grid (multiband.ts, multiband-mixing.ts), the (3,2) mixed with the multibanded 22, each mode
 * added to h+ and hx with its spin-weighted-harmonic factors in LAL's order 21, 22, 32, 33, 44.
 */
import { modeFactors } from '../spin-weighted-ylm.js';
import type { WaveformParams } from '../types.js';
import { Scratch, type MultibandFrame } from './multiband-core.js';
import { multibandMixing } from './multiband-mixing.js';
import { h22Ringdown, multiband22, multibandMode } from './multiband.js';
import { modeAmpPhase } from './mode-value.js';
import { newPowers, powersInto } from './powers.js';
import type { HMModeSetup, PhenomXHMSetup } from './setup.js';

/** The multibanding's grid-size arrays, reused from call to call (see Scratch). */
const SCRATCH = new Scratch();

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
  const mSec = st.xas.system.mSec;
  const offset = Math.trunc(params.fMinHz / df);
  const iStop = Math.trunc(st.xas.fEndHz / df) + 1;
  const fr: MultibandFrame = { evaldMf: df * mSec, offset, iStop, mfMin: offset * df * mSec, mfMax: st.xas.fEndHz * mSec, threshold };
  const len = Math.max(iStop, n);
  const sp = SCRATCH.get('sum.hp', 2 * len, true);
  const sc = hc === null ? null : SCRATCH.get('sum.hc', 2 * len, true);
  const h22 = SCRATCH.get('h22', 2 * iStop, true);
  const hlm = SCRATCH.get('hlm', 2 * iStop);
  const p = newPowers();
  const w22 = new Float64Array(2);
  multiband22(st, fr, h22, SCRATCH);
  const byTag = (tag: number): HMModeSetup => st.modes.find((x) => x.mode.tag === tag) as HMModeSetup;
  for (const tag of [21, 22, 32, 33, 44]) {
    if (tag === 22) {
      addModeSeries(h22, 2, 2, params.inclination, offset, iStop, sp, sc);
      continue;
    }
    const m = byTag(tag);
    if (m.amp === null) continue;
    hlm.fill(0);
    if (m.mode.mixing) {
      const ampNorm = m.amp.ampNorm;
      multibandMixing(st, m, fr, (f, o) => {
        h22Ringdown(st, ampNorm, powersInto(p, f), w22);
        modeAmpPhase(m, p, w22[0], w22[1], o);
      }, h22, hlm, SCRATCH);
    } else {
      multibandMode(st, m, fr, (f, o) => modeAmpPhase(m, powersInto(p, f), 0, 0, o), hlm, SCRATCH);
    }
    addModeSeries(hlm, m.mode.ell, m.mode.emm, params.inclination, offset, iStop, sp, sc);
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
