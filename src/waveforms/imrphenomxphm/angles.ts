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
import type { AngleSeries } from './twist.js';

/** The precession angles of the (2,2) as a function of v = (pi M f)^{1/3}, and the offsets at f_ref. */
export interface EulerAngleSource {
  /** Raw alpha, epsilon and cos(beta) at v, written to out[0..2]. */
  at(v: number, out: Float64Array): void;
  alphaOffset: number;
  epsilonOffset: number;
}

/** AngleSeries arrays of `count` bins from the scratch slots of mode `tag`. */
function series(scratch: Scratch, tag: number, base: number, count: number): AngleSeries {
  const g = (name: string): Float64Array => scratch.get(`ang${tag}.${name}`, Math.max(count, 1));
  return { zRe: g('zRe'), zIm: g('zIm'), eRe: g('eRe'), eIm: g('eIm'), cb: g('cb'), sb: g('sb'), base, count };
}

/**
 * The angles of mode m' at each frequency freqs[k], k in [k0, k1) (LAL without angle multibanding):
 * e^{i alpha}, e^{-i m' epsilon} by cos/sin, cos(beta/2) = sqrt(|1 + cos beta|/2), sin(beta/2) likewise.
 */
export function exactAngles(src: EulerAngleSource, mp: number, mSec: number, freqs: Float64Array, k0: number, k1: number, scratch: Scratch, tag: number): AngleSeries {
  const s = series(scratch, tag, k0, k1 - k0);
  const out = new Float64Array(3);
  for (let k = k0; k < k1; k++) {
    const i = k - k0;
    src.at(Math.cbrt(Math.PI * (mSec * freqs[k]) * (2 / mp)), out);
    const alpha = out[0] - src.alphaOffset;
    const epsilon = out[1] - src.epsilonOffset;
    s.zRe[i] = Math.cos(alpha);
    s.zIm[i] = Math.sin(alpha);
    s.eRe[i] = Math.cos(-mp * epsilon);
    s.eIm[i] = Math.sin(-mp * epsilon);
    s.cb[i] = Math.sqrt(Math.abs(1 + out[2]) / 2);
    s.sb[i] = Math.sqrt(Math.abs(1 - out[2]) / 2);
  }
  return s;
}

/**
 * The angles of mode m' multibanded on the coarse grid `cf` (its points in M f, the first at bin `offset`),
 * carried over `iStop` fine bins of spacing evaldMf (LAL's loop: ratio = nearest integer of the coarse step
 * over evaldMf); cos and sin(beta/2) from e^{i beta/2} = z as (z + 1/z)/2 and (z - 1/z)/(2i) (real parts),
 * e^{-i m' eps} as 1/(e^{i eps})^{m'}, as LAL's IMRPhenomXPHMTwistUp reads them.
 */
export function multibandAngles(
  src: EulerAngleSource, mp: number, cf: CoarseFrequencies, evaldMf: number, offset: number, iStop: number, scratch: Scratch, tag: number,
): AngleSeries {
  const pts = cf.points;
  const nc = pts.length;
  const va = scratch.get(`ang${tag}.va`, nc);
  const ve = scratch.get(`ang${tag}.ve`, nc);
  const vb = scratch.get(`ang${tag}.vb`, nc);
  const out = new Float64Array(3);
  for (let j = 0; j < nc; j++) {
    src.at(Math.cbrt(Math.PI * pts[j] * (2 / mp)), out);
    va[j] = out[0] - src.alphaOffset;
    ve[j] = out[1] - src.epsilonOffset;
    vb[j] = Math.acos(Math.sqrt(Math.abs(1 + out[2]) / 2));
  }
  const s = series(scratch, tag, offset, iStop + 3);
  // fine recurrence: z holds e^{i alpha}, e holds e^{i eps}, cb/sb hold e^{i beta/2} until converted below
  let count = 0;
  for (let j = 0; j < nc - 1 && count < iStop; j++) {
    const step = pts[j + 1] - pts[j];
    const oa = (va[j + 1] - va[j]) / step;
    const oe = (ve[j + 1] - ve[j]) / step;
    const ob = (vb[j + 1] - vb[j]) / step;
    s.zRe[count] = Math.cos(va[j]);
    s.zIm[count] = Math.sin(va[j]);
    s.eRe[count] = Math.cos(ve[j]);
    s.eIm[count] = Math.sin(ve[j]);
    s.cb[count] = Math.cos(vb[j]);
    s.sb[count] = Math.sin(vb[j]);
    // LAL declares Qalpha, Qepsilon, Qbetah REAL8: cexp(i dMf Omega) keeps only its real part cos(dMf Omega)
    const qa = Math.cos(evaldMf * oa);
    const qe = Math.cos(evaldMf * oe);
    const qb = Math.cos(evaldMf * ob);
    count++;
    const dratio = step / evaldMf;
    const ceil = Math.ceil(dratio);
    const floor = Math.floor(dratio);
    const ratio = Math.abs(dratio - ceil) < Math.abs(dratio - floor) ? ceil : floor;
    for (let kk = 1; kk < ratio && count < iStop; kk++) {
      const c = count - 1;
      s.zRe[count] = qa * s.zRe[c];
      s.zIm[count] = qa * s.zIm[c];
      s.eRe[count] = qe * s.eRe[c];
      s.eIm[count] = qe * s.eIm[c];
      s.cb[count] = qb * s.cb[c];
      s.sb[count] = qb * s.sb[c];
      count++;
    }
  }
  for (let i = 0; i < count; i++) {
    const zr = s.cb[i];
    const zi = s.sb[i];
    const half = 0.5 * (1 + 1 / (zr * zr + zi * zi));
    s.cb[i] = zr * half;
    s.sb[i] = zi * half;
    let wr = s.eRe[i];
    let wi = s.eIm[i];
    for (let p = 1; p < mp; p++) {
      const r = wr * s.eRe[i] - wi * s.eIm[i];
      wi = wr * s.eIm[i] + wi * s.eRe[i];
      wr = r;
    }
    const n2 = wr * wr + wi * wi;
    s.eRe[i] = wr / n2;
    s.eIm[i] = -wi / n2;
  }
  s.count = count;
  return s;
}
