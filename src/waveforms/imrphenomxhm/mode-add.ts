/**
 * The second pass of the IMRPhenomXHM exact path (fill-exact.ts): one mode's values from mode-block.ts's
 * modeBlock over one block, times exp(i phase) carried by complex rotations, added to h+ and hx.
 */
import { sinCosTable } from '../../core/sincos.js';
import { MAX_PHASE_CURVATURE, rotationCos, rotationSin } from '../kernel-helpers.js';
import { MODE_SLOT, type BlockPowers } from './mode-kernel.js';

// module-level bindings of the imported helpers: the hot loop then calls them without a module-namespace lookup
const sincos = sinCosTable;
const rotCos = rotationCos;
const rotSin = rotationSin;
const S = MODE_SLOT;

/**
 * Add scale (amp + i ampIm) exp(i phase) of bins [k0 + i0, k0 + n) (values of modeBlock at index i) to h+ and hx
 * with the mode's factors from K. exp(i phi) is carried over the block by two complex rotations, E_i = E_{i-1} W_i and
 * W_i = W_{i-1} exp(i dd_i) with dd_i = (phi_i - phi_{i-1}) - (phi_{i-1} - phi_{i-2}) (the differences of
 * neighbouring phases are exact in floating point, so the angles telescope to phi_i itself), exp(i dd) by its
 * series; E is re-anchored on sinCosTable at the block's first bin, after skipped bins and where
 * |dd| >= MAX_PHASE_CURVATURE (the low-frequency bins of long inspirals), and at every bin where only one of the
 * (3,2)'s amplitude and phase is spherical (its phase an atan2 of a value that below i0 lacks the 22). The
 * recurrence runs from the block's first bin whatever i0, so the values do not depend on where a fill starts.
 */
export function addModeValues(
  K: Float64Array, bw: BlockPowers, k0: number, i0: number, n: number, amp: Float64Array, ampIm: Float64Array, phase: Float64Array,
  hp: Float64Array, hc: Float64Array | null, cs: Float64Array,
): void {
  const scale = K[S.scale];
  const pRe = scale * K[S.pRe], pIm = scale * K[S.pIm], cRe = scale * K[S.cRe], cIm = scale * K[S.cIm];
  const states = bw.state, fs = bw.f;
  const maxCurvature = MAX_PHASE_CURVATURE;
  const mixing = K[S.mixing] !== 0;
  const partFrom = mixing ? Math.min(K[S.aInt], K[S.pRD]) : Infinity;
  const partTo = mixing ? Math.max(K[S.aInt], K[S.pRD]) : Infinity;
  let eRe = 0;
  let eIm = 0;
  let wRe = 0;
  let wIm = 0;
  let dPrev = 0;
  // bins since the last anchor: 0 none (anchor here), 1 E known, 2 E and W known
  let run = 0;
  for (let i = 0; i < n; i++) {
    if (states[i] < 0) {
      run = 0;
      continue;
    }
    const phi = phase[i];
    const d = run > 0 ? phi - phase[i - 1] : 0;
    const dd = d - dPrev;
    dPrev = d;
    if (run > 1 && dd < maxCurvature && dd > -maxCurvature && !(fs[i] >= partFrom && fs[i] < partTo)) {
      const q = dd * dd;
      const c = rotCos(q);
      const s = rotSin(dd, q);
      const w = wRe * c - wIm * s;
      wIm = wRe * s + wIm * c;
      wRe = w;
      const e = eRe * wRe - eIm * wIm;
      eIm = eRe * wIm + eIm * wRe;
      eRe = e;
    } else {
      sincos(phi, cs);
      const c = cs[0];
      const s = cs[1];
      // W = exp(i phi) conj(E_{i-1}) (exp(i d) without a second sincos)
      wRe = c * eRe + s * eIm;
      wIm = s * eRe - c * eIm;
      eRe = c;
      eIm = s;
      run = run > 0 ? 2 : 1;
    }
    if (i < i0) continue;
    const a = amp[i];
    const b = ampIm[i];
    const re = a * eRe - b * eIm;
    const im = a * eIm + b * eRe;
    const k = k0 + i;
    hp[2 * k] += pRe * re - pIm * im;
    hp[2 * k + 1] += pRe * im + pIm * re;
    if (hc !== null) {
      hc[2 * k] += cRe * re - cIm * im;
      hc[2 * k + 1] += cRe * im + cIm * re;
    }
  }
}
