/**
 * Fused per-bin kernel of the IMRPhenomXHM higher modes (the exact path, ThresholdMband 0): for each bin the
 * value of mode-value.ts's modeAmpPhase (amplitude.ts, phase.ts, spheroidal.ts region by region), times
 * (-1)^l amp0 exp(i phi), added to h+ and hx with the mode's spin-weighted-harmonic factors.
 *
 * Speed, as the IMRPhenomXAS kernel (../imrphenomx/fill.ts): the bins run in blocks of 64 aligned indices. A
 * first pass over a block forms, once for all modes, z = f^{-1/6} and ln f, carried from the previous bin by
 * short series (z corrected against f itself, so no error accumulates) and re-anchored on Math.cbrt / Math.log
 * at the block's first computed bin and whenever the relative step is >= 0.02. Then each mode runs over the
 * block with its constants read through MODE_SLOT: f^{1/3}, f^{-7/6}, ... by products of z and f; its
 * atan((f - f_ring)/f_damp) (intermediate, ringdown and spheroidal phases share it) and its ringdown
 * exponential carried by series (|increment| < 0.01) and re-anchored on Math.atan / Math.exp at the block start,
 * at region changes and after a large step; on the exact path exp(i phi) by complex rotations (mode-add.ts), the
 * (3,2)'s spherical ringdown as its complex value (no atan2). Because every block re-anchors, values do not
 * depend on where a fill starts: generateInto over any [kLo, kHi) equals generate.
 */
import type { GridPowers } from '../kernel-helpers.js';
import { modeFactors } from '../spin-weighted-ylm.js';
import type { HMAmpCoefficients } from './amplitude.js';
import type { HMPhaseCoefficients } from './phase.js';
import type { HMModeSetup } from './setup.js';
import type { SpheroidalPhase } from './spheroidal.js';

/** log2 of the anchor block (64 indices). */
export const BLOCK_SHIFT = 6;
/** Largest relative step (f - fPrev)/fPrev over which z and ln f are carried (see ../imrphenomx/fill.ts). */
const MAX_REL_STEP = 0.02;
/**
 * Slot of each constant of one mode in its Float64Array (packMode writes, addModeBlock reads). Output: scale
 * (-1)^l amp0, h+ factor pRe + i pIm, hx factor cRe + i cIm, mixing (1: the (3,2)). Amplitude (amplitude.ts):
 * region ends aIns, aInt; pn: 12 numbers, (re, im) of the PN P_1..P_6 times G_lm (2/m)^{-7/6} ampNorm; ins: 3
 * pseudo-PN c_i pnDominant / fIns^{7/3, 8/3, 3}; inter: 8 intermediate d_0..d_7 (zero-padded); ringdown
 * fRing, dfd = a2 f_damp, rdNum = a0 f_damp, rdLam = a1/dfd, fall-off start, value, rate; the (3,2)'s cubic
 * below fRDAux (hasAux, aux: 4). Phase (phase.ts): region ends pIns, pRD; q: 13 inspiral coefficients of
 * f^{-5/3} f^{j/3}, j = 0..12 (LAL's phi_i, i = j + 2; i = 0, 1 vanish); qL: phiL_7, phiL_8, phiL_10 (of ln f);
 * C1INSP, CINSP; intermediate b0 f + bL ln f - b1/f - b2/f^2 - b3/f^3 + bAt atan; atan argument
 * (f - atRing) atInvDamp; ringdown -r1/f + rAt atan; C1RD, CRD, dphi = deltaphiLM. Spheroidal (3,2)
 * (spheroidal.ts): s0 + sa0 f - sa2/f - sa4/f^3 + saL atan, mixing coefficients m2, m3, and to22 (h+ to h22/amp0).
 */
export const MODE_SLOT = {
  scale: 0, pRe: 1, pIm: 2, cRe: 3, cIm: 4, mixing: 5,
  aIns: 6, aInt: 7, pn: 8, ins: 20, inter: 23,
  fRing: 31, dfd: 32, rdNum: 33, rdLam: 34, fFalloff: 35, rdFall: 36, rdFallRate: 37, fRDAux: 38, hasAux: 39, aux: 40,
  pIns: 44, pRD: 45, q: 46, qL: 59, C1INSP: 62, CINSP: 63,
  b0: 64, bL: 65, b1: 66, b2: 67, b3: 68, bAt: 69, atRing: 70, atInvDamp: 71,
  r1: 72, rAt: 73, C1RD: 74, CRD: 75, dphi: 76,
  s0: 77, sa0: 78, sa2: 79, sa4: 80, saL: 81, m2Re: 82, m2Im: 83, m3Re: 84, m3Im: 85, to22: 86,
} as const;

/** Length of one mode's constants (one past the last MODE_SLOT). */
export const MODE_LENGTH = 87;

/**
 * The constants of one mode for addModeBlock (mode-block.ts): `amp0` LAL's M^2/d, `inclination` of the harmonic factors,
 * `to22` the factor taking h+ (holding only the 22) to h22/amp0 (read by the (3,2) only); into `out` when given (zeroed first).
 */
export function packMode(m: HMModeSetup, amp0: number, inclination: number, to22: number, out: Float64Array | null = null): Float64Array {
  const S = MODE_SLOT;
  const a = m.amp as HMAmpCoefficients;
  const p = m.phase as HMPhaseCoefficients;
  const K = out === null ? new Float64Array(MODE_LENGTH) : out.fill(0);
  const [pRe, pIm, cRe, cIm] = modeFactors(m.mode.ell, m.mode.emm, inclination);
  K[S.scale] = (m.mode.ell % 2 === 0 ? 1 : -1) * amp0;
  K[S.pRe] = pRe; K[S.pIm] = pIm; K[S.cRe] = cRe; K[S.cIm] = cIm;
  K[S.mixing] = m.mode.mixing ? 1 : 0;
  K[S.aIns] = a.fIns; K[S.aInt] = a.fInt;
  const pnScale = a.pnScale * a.ampNorm;
  for (let j = 0; j < 12; j++) K[S.pn + j] = a.pn[j] * pnScale;
  K[S.ins] = (a.insC[0] / a.fIns73) * a.pnDominant;
  K[S.ins + 1] = (a.insC[1] / a.fIns83) * a.pnDominant;
  K[S.ins + 2] = (a.insC[2] / a.fIns3) * a.pnDominant;
  if (a.inter.length > 8) throw new Error(`IMRPhenomXHM kernel: ${a.inter.length} intermediate amplitude coefficients (at most 8)`);
  K.set(a.inter, S.inter);
  const dfd = a.fDamp * a.rd2;
  K[S.fRing] = a.fRing; K[S.dfd] = dfd; K[S.rdNum] = a.rd0 * a.fDamp; K[S.rdLam] = a.rd1 / dfd;
  K[S.fFalloff] = a.fFalloff; K[S.rdFall] = a.rdFall; K[S.rdFallRate] = a.rdFallRate;
  K[S.fRDAux] = a.fRDAux;
  if (a.aux !== null) {
    K[S.hasAux] = 1;
    K.set(a.aux, S.aux);
  }
  K[S.pIns] = p.fIns; K[S.pRD] = p.fRD;
  for (let j = 0; j < 13; j++) K[S.q + j] = p.phi[j + 2];
  K[S.qL] = p.phiL[7]; K[S.qL + 1] = p.phiL[8]; K[S.qL + 2] = p.phiL[10];
  K[S.C1INSP] = p.C1INSP; K[S.CINSP] = p.CINSP;
  K[S.b0] = p.c0; K[S.bL] = p.c1; K[S.b1] = p.c2; K[S.b2] = m.mode.mixing ? 0.5 * p.c3 : 0; K[S.b3] = p.c4 / 3; K[S.bAt] = p.cL;
  K[S.atRing] = p.fRing; K[S.atInvDamp] = 1 / p.fDamp;
  K[S.r1] = p.fRing * p.fRing * p.alpha2; K[S.rAt] = p.alphaL; K[S.C1RD] = p.C1RD; K[S.CRD] = p.CRD; K[S.dphi] = p.deltaphiLM;
  if (m.spheroidal !== null) {
    const sp: SpheroidalPhase = m.spheroidal;
    K[S.s0] = sp.phi0; K[S.sa0] = sp.a0; K[S.sa2] = sp.a2; K[S.sa4] = sp.a4 / 3; K[S.saL] = sp.aL;
    K[S.m2Re] = sp.mix2Re; K[S.m2Im] = sp.mix2Im; K[S.m3Re] = sp.mix3Re; K[S.m3Im] = sp.mix3Im;
    K[S.to22] = to22;
  }
  return K;
}

/** True when z and ln f are carried over a relative step u = (f - fPrev)/fPrev (else re-anchored). */
export function carries(u: number): boolean {
  return u > 0 && u < MAX_REL_STEP;
}

/**
 * f^{-1/6} from zPrev = fPrev^{-1/6} and u = (f - fPrev)/fPrev < 0.02: a second-order guess, then one third-order
 * correction against f itself (no error accumulates; exact to rounding, see ../imrphenomx/fill.ts).
 */
export function zStep(zPrev: number, f: number, u: number): number {
  let z = zPrev * (1 - u * (1 / 6 - u * (7 / 72)));
  const z3 = z * z * z;
  const e = 1 - f * z3 * z3;
  z *= 1 + e * (1 / 6 + e * (7 / 72));
  return z;
}

/** ln f from lnPrev = ln fPrev: lnPrev + 2 atanh((f - fPrev)/(f + fPrev)) by its series (argument < 0.01). */
export function lnStep(lnPrev: number, f: number, fPrev: number): number {
  const v = (f - fPrev) / (f + fPrev);
  const v2 = v * v;
  return lnPrev + 2 * v * (1 + v2 * (1 / 3 + v2 * (1 / 5 + v2 * (1 / 7 + v2 * (1 / 9)))));
}

/** Per-block buffers shared by the modes: M f, f^{-1/6}, ln f and the bin state (-1 skipped, 0 anchored, 1 carried). */
export interface BlockPowers {
  f: Float64Array;
  z: Float64Array;
  ln: Float64Array;
  state: Int8Array;
}

/** Buffers for one block of 2^BLOCK_SHIFT bins. */
export function newBlockPowers(): BlockPowers {
  const n = 1 << BLOCK_SHIFT;
  return { f: new Float64Array(n), z: new Float64Array(n), ln: new Float64Array(n), state: new Int8Array(n) };
}

/**
 * Fill bw for bins [k0, k1) (within one block): bins with fLoHz <= f_k <= fHiHz get M f, f^{-1/6}, ln f (state
 * 0 at an anchor, 1 when carried from the bin before), the others state -1. With `grid` (gridPowers of freqs),
 * f^{-1/6} = (M df)^{-1/6} k^{-1/6} corrected once against f itself (exact to rounding) and ln f = ln(M df) +
 * ln k; without, they are carried: a guess g_k = g_{k-1} (1 + u)^{-1/6} by its series to u^3 (one product on
 * the carried chain; u = (f - fPrev)/fPrev from a division off it: latency, not arithmetic, set this loop's
 * time), corrected once against f, and ln f by lnStep. The states (where modeBlock re-anchors its atan and exp)
 * are the same either way.
 */
export function blockPowers(
  bw: BlockPowers, freqs: Float64Array, k0: number, k1: number, mSec: number, fLoHz: number, fHiHz: number, grid: GridPowers | null = null,
): void {
  const fs = bw.f, zs = bw.z, lns = bw.ln, states = bw.state;
  const kSixth = grid?.kSixth, lnK = grid?.lnK;
  const zScale = grid === null ? 0 : 1 / Math.sqrt(Math.cbrt(mSec * grid.df));
  const lnScale = grid === null ? 0 : Math.log(mSec * grid.df);
  let fPrev = 0;
  let guess = 0;
  let lnPrev = 0;
  let ok = false;
  for (let k = k0; k < k1; k++) {
    const i = k - k0;
    const fHz = freqs[k];
    if (!(fHz >= fLoHz && fHz <= fHiHz)) {
      states[i] = -1;
      ok = false;
      continue;
    }
    const f = mSec * fHz;
    let z: number;
    let ln: number;
    if (kSixth !== undefined && lnK !== undefined) {
      const g = zScale * kSixth[k];
      const g3 = g * g * g;
      z = g * (1 + (1 - f * g3 * g3) * (1 / 6));
      ln = lnScale + lnK[k];
      states[i] = ok && carries((f - fPrev) / fPrev) ? 1 : 0;
    } else {
      const u = (f - fPrev) / fPrev;
      if (ok && carries(u)) {
        guess *= 1 - u * (1 / 6 - u * (7 / 72 - u * (91 / 1296)));
        const g3 = guess * guess * guess;
        const e = 1 - f * g3 * g3;
        z = guess * (1 + e * (1 / 6 + e * (7 / 72)));
        ln = lnStep(lnPrev, f, fPrev);
        states[i] = 1;
      } else {
        z = 1 / Math.sqrt(Math.cbrt(f));
        guess = z;
        ln = Math.log(f);
        states[i] = 0;
      }
    }
    fs[i] = f;
    zs[i] = z;
    lns[i] = ln;
    fPrev = f;
    lnPrev = ln;
    ok = true;
  }
}
