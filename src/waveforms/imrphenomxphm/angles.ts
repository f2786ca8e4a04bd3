/**
 * Euler angles of the co-precessing mode m' of IMRPhenomXPHM on the fine frequency grid (LAL's
 * IMRPhenomXPHM_hplushcross): the angles of the (2,2) evaluated at v = (pi M f 2/m')^{1/3}, minus the f_ref
 * offsets (LAL uses the m' = 2 offsets for every mode), either at every bin (PrecThresholdMband = 0) or, by
 * default, on the mode's coarse multibanding grid (XLALSimIMRPhenomXPHMMultibandingGrid, the grid of the
 * mode with the angle threshold) and carried to the fine bins as LAL's code does it: arXiv:2001.10897 eq. 2.32
 * would advance e^{i x} by e^{i dMf Omega_x} (Omega_x the coarse slope, x = alpha, epsilon, beta/2), but LAL
 * stores that factor in a real variable, so between coarse points e^{i x} is only scaled by cos(dMf Omega_x):
 * the angles stay at the last coarse value (and |e^{i x}| shrinks slightly). We reproduce LAL's values.
 */
import type { CoarseFrequencies } from '../imrphenomxhm/multiband-grid.js';
import type { Scratch } from '../imrphenomxhm/multiband-core.js';
import { sinCosTable } from '../../core/sincos.js';
import type { AngleSeries } from './twist.js';

/** The precession angles of the (2,2) as a function of v = (pi M f)^{1/3}, with the offsets at f_ref applied. */
export interface EulerAngleSource {
  /**
   * alpha, cos(beta), epsilon (as IMRPhenomXP's precessionAnglesAtV) at v into out[0..2], for the co-precessing
   * mode m' (v = (pi M f 2/m')^{1/3}: the source may keep one interpolant per m').
   */
  at(mp: number, v: number, out: Float64Array): void;
}

/**
 * The coarse angles of the last mode of one m' evaluated in a waveform, by v (the (2,2) and (3,2) share m' and
 * many coarse points, where the angles are the same numbers). The arrays are that mode's scratch slots (valid for
 * the waveform); each mode's v increase, so a lookup walks them once.
 */
export class AngleCache {
  /** The v of the kept points (increasing) and their angles; the first `size` are in use. */
  v: Float64Array = new Float64Array(0);
  angles: CoarseAngles | null = null;
  size = 0;

  /** Keep the n points of one mode: v and their angles. */
  keep(v: Float64Array, angles: CoarseAngles): void {
    this.v = v;
    this.angles = angles;
    this.size = angles.n;
  }
}

/** AngleSeries arrays of `count` bins from the scratch slots of mode `tag`. */
function series(scratch: Scratch, tag: number, base: number, count: number): AngleSeries {
  const g = (name: string): Float64Array => scratch.get(`ang${tag}.${name}`, Math.max(count, 1));
  return { zRe: g('zRe'), zIm: g('zIm'), eRe: g('eRe'), eIm: g('eIm'), cb: g('cb'), sb: g('sb'), base, count };
}

/**
 * The angles of mode m' at each frequency freqs[k], k in [k0, k1) (LAL without angle multibanding):
 * e^{i alpha}, e^{-i m' epsilon} by sinCosTable, cos(beta/2) = sqrt(|1 + cos beta|/2), sin(beta/2) likewise.
 */
export function exactAngles(src: EulerAngleSource, mp: number, mSec: number, freqs: Float64Array, k0: number, k1: number, scratch: Scratch, tag: number): AngleSeries {
  const s = series(scratch, tag, k0, k1 - k0);
  const out = new Float64Array(3);
  const cs = new Float64Array(2);
  for (let k = k0; k < k1; k++) {
    const i = k - k0;
    src.at(mp, Math.cbrt(Math.PI * (mSec * freqs[k]) * (2 / mp)), out);
    sinCosTable(out[0], cs);
    s.zRe[i] = cs[0];
    s.zIm[i] = cs[1];
    sinCosTable(-mp * out[2], cs);
    s.eRe[i] = cs[0];
    s.eIm[i] = cs[1];
    s.cb[i] = Math.sqrt(Math.abs(1 + out[1]) / 2);
    s.sb[i] = Math.sqrt(Math.abs(1 - out[1]) / 2);
  }
  return s;
}

/** alpha, epsilon, beta/2 and cos(beta/2) at the points of a coarse grid (n of them). */
export interface CoarseAngles {
  alpha: Float64Array;
  epsilon: Float64Array;
  halfBeta: Float64Array;
  cosHalfBeta: Float64Array;
  n: number;
}

/**
 * The angles of mode m' at the points of the coarse grid `cf` (in M f): alpha, epsilon and beta/2 =
 * acos(sqrt(|1 + cos beta|/2)) and its cosine, the values LAL's multibanding carries over the fine bins. `cache`
 * (one per waveform and m'): the points of the mode of the same m' before, whose angles are reused at equal v.
 */
export function coarseAngles(src: EulerAngleSource, mp: number, cf: CoarseFrequencies, scratch: Scratch, tag: number, cache?: AngleCache): CoarseAngles {
  const pts = cf.points;
  const nc = pts.length;
  const va = scratch.get(`ang${tag}.va`, nc);
  const ve = scratch.get(`ang${tag}.ve`, nc);
  const vb = scratch.get(`ang${tag}.vb`, nc);
  const vc = scratch.get(`ang${tag}.vc`, nc);
  const vs = scratch.get(`ang${tag}.v`, nc);
  const out = new Float64Array(3);
  const old = cache?.angles ?? null;
  const oldV = cache?.v;
  const oldSize = cache?.size ?? 0;
  let walk = 0;
  for (let j = 0; j < nc; j++) {
    const v = Math.cbrt(Math.PI * pts[j] * (2 / mp));
    vs[j] = v;
    if (old !== null && oldV !== undefined) {
      while (walk < oldSize && oldV[walk] < v) walk++;
      if (walk < oldSize && oldV[walk] === v) {
        va[j] = old.alpha[walk];
        ve[j] = old.epsilon[walk];
        vb[j] = old.halfBeta[walk];
        vc[j] = old.cosHalfBeta[walk];
        continue;
      }
    }
    src.at(mp, v, out);
    va[j] = out[0];
    ve[j] = out[2];
    vc[j] = Math.sqrt(Math.abs(1 + out[1]) / 2);
    vb[j] = Math.acos(vc[j]);
  }
  const res = { alpha: va, epsilon: ve, halfBeta: vb, cosHalfBeta: vc, n: nc };
  cache?.keep(vs, res);
  return res;
}

/**
 * LAL's number of fine bins per coarse interval: the nearest integer of the coarse step over evaldMf (ties go
 * to the floor, as its comparison of the two distances does).
 */
export function fineRatio(step: number, evaldMf: number): number {
  const dratio = step / evaldMf;
  const ceil = Math.ceil(dratio);
  const floor = Math.floor(dratio);
  return Math.abs(dratio - ceil) < Math.abs(dratio - floor) ? ceil : floor;
}

/**
 * The angles of mode m' multibanded on the coarse grid `cf` (its points in M f, the first at bin `offset`),
 * carried over `iStop` fine bins of spacing evaldMf (LAL's loop: ratio = fineRatio of the coarse step);
 * cos and sin(beta/2) from e^{i beta/2} = z as (z + 1/z)/2 and (z - 1/z)/(2i) (real parts), e^{-i m' eps} as
 * 1/(e^{i eps})^{m'}, as LAL's IMRPhenomXPHMTwistUp reads them. The per-bin series twistMode reads: the readable
 * reference of the fused twistModeMultiband (twist-multiband.ts), which the default path uses.
 */
export function multibandAngles(
  src: EulerAngleSource, mp: number, cf: CoarseFrequencies, evaldMf: number, offset: number, iStop: number, scratch: Scratch, tag: number,
  cache?: AngleCache,
): AngleSeries {
  const pts = cf.points;
  const nc = pts.length;
  const { alpha: va, epsilon: ve, halfBeta: vb } = coarseAngles(src, mp, cf, scratch, tag, cache);
  const s = series(scratch, tag, offset, iStop + 3);
  const cs = new Float64Array(2);
  // fine recurrence: z holds e^{i alpha}, e holds e^{i eps}, cb/sb hold e^{i beta/2} until converted below
  const { zRe, zIm, eRe, eIm, cb, sb } = s;
  let count = 0;
  for (let j = 0; j < nc - 1 && count < iStop; j++) {
    const step = pts[j + 1] - pts[j];
    sinCosTable(va[j], cs);
    zRe[count] = cs[0];
    zIm[count] = cs[1];
    sinCosTable(ve[j], cs);
    eRe[count] = cs[0];
    eIm[count] = cs[1];
    sinCosTable(vb[j], cs);
    cb[count] = cs[0];
    sb[count] = cs[1];
    count++;
    const ratio = fineRatio(step, evaldMf);
    if (ratio < 2) continue;
    // LAL declares Qalpha, Qepsilon, Qbetah REAL8: cexp(i dMf Omega) keeps only its real part cos(dMf Omega)
    const qa = Math.cos(evaldMf * ((va[j + 1] - va[j]) / step));
    const qe = Math.cos(evaldMf * ((ve[j + 1] - ve[j]) / step));
    const qb = Math.cos(evaldMf * ((vb[j + 1] - vb[j]) / step));
    for (let kk = 1; kk < ratio && count < iStop; kk++) {
      const c = count - 1;
      zRe[count] = qa * zRe[c];
      zIm[count] = qa * zIm[c];
      eRe[count] = qe * eRe[c];
      eIm[count] = qe * eIm[c];
      cb[count] = qb * cb[c];
      sb[count] = qb * sb[c];
      count++;
    }
  }
  for (let i = 0; i < count; i++) {
    const zr = cb[i];
    const zi = sb[i];
    const half = 0.5 * (1 + 1 / (zr * zr + zi * zi));
    cb[i] = zr * half;
    sb[i] = zi * half;
    const er = eRe[i];
    const ei = eIm[i];
    let wr = er;
    let wi = ei;
    for (let p = 1; p < mp; p++) {
      const r = wr * er - wi * ei;
      wi = wr * ei + wi * er;
      wr = r;
    }
    const n2 = wr * wr + wi * wi;
    eRe[i] = wr / n2;
    eIm[i] = -wi / n2;
  }
  s.count = count;
  return s;
}
