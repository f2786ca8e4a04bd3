/**
 * mode-block.ts's modeBlock for the exact path's unmixed modes ((2,1), (3,3), (4,4)), one loop per region:
 * each loop holds only its region's constants (modeBlock's one loop keeps ~80 live across its branches) and
 * does the same arithmetic in the same order, so the values are modeBlock's to the bit. Used where the
 * amplitude's and the phase's region ends coincide (LAL's defaults), and for the (3,2) on blocks below its
 * spherical ringdown; otherwise fill-exact.ts calls modeBlock (or mode-spherical.ts's sphericalBlock).
 */
import { atanStep, expStep } from '../kernel-helpers.js';
import { MAX_SERIES_ARG } from './mode-block.js';
import { FALSE_ZERO } from './amplitude.js';
import { MODE_SLOT, type BlockPowers } from './mode-kernel.js';

// module-level bindings of the imported helpers: the hot loops then call them without a module-namespace lookup
const atanS = atanStep;
const expS = expStep;
const S = MODE_SLOT;

/** The atan carried from the intermediate loop into the ringdown loop: atan, its argument, valid (1) or not (0). */
const carried = new Float64Array(3);

/** Whether modeBlockRegions computes the mode with constants K (an unmixed mode with coincident region ends). */
export function hasRegionLoops(K: Float64Array): boolean {
  return K[S.mixing] === 0 && K[S.aIns] === K[S.pIns] && K[S.aInt] === K[S.pRD] && K[S.aIns] <= K[S.aInt];
}

/**
 * Whether modeBlockRegions computes the (3,2) with constants K on blocks below its spherical parts (f < min(aInt,
 * pRD): there it is computed as an unmixed mode) where its inspiral ends coincide.
 */
export function hasMixedRegionLoops(K: Float64Array): boolean {
  return K[S.mixing] !== 0 && K[S.aIns] === K[S.pIns];
}

/**
 * modeBlock(K, bw, n, ..., amp, phase, 0, ..., ampIm) for a mode with hasRegionLoops(K) (or hasMixedRegionLoops(K)
 * on a block below min(aInt, pRD)): amplitude, phase and
 * ampIm = 0 of the block's bins, region by region.
 */
export function modeBlockRegions(K: Float64Array, bw: BlockPowers, n: number, amp: Float64Array, phase: Float64Array, ampIm: Float64Array): void {
  const fs = bw.f, states = bw.state;
  const fIns = K[S.aIns], fInt = K[S.aInt];
  carried[2] = 0;
  for (let i = 0; i < n;) {
    const f = fs[i];
    if (states[i] >= 0 && f >= fInt) i = ringdownLoop(K, bw, i, n, amp, phase, ampIm);
    else if (states[i] >= 0 && f >= fIns) i = intermediateLoop(K, bw, i, n, amp, phase, ampIm);
    else i = inspiralLoop(K, bw, i, n, amp, phase, ampIm);
  }
}

/** Bins from i while skipped or below the inspiral's end; returns the first index past them. */
function inspiralLoop(K: Float64Array, bw: BlockPowers, i0: number, n: number, amp: Float64Array, phase: Float64Array, ampIm: Float64Array): number {
  const fs = bw.f, zs = bw.z, lns = bw.ln, states = bw.state;
  const fEnd = K[S.aIns];
  const pn0 = K[S.pn], pn1 = K[S.pn + 1], pn2 = K[S.pn + 2], pn3 = K[S.pn + 3], pn4 = K[S.pn + 4], pn5 = K[S.pn + 5];
  const pn6 = K[S.pn + 6], pn7 = K[S.pn + 7], pn8 = K[S.pn + 8], pn9 = K[S.pn + 9], pn10 = K[S.pn + 10], pn11 = K[S.pn + 11];
  const ins0 = K[S.ins], ins1 = K[S.ins + 1], ins2 = K[S.ins + 2];
  const q0 = K[S.q], q1 = K[S.q + 1], q2 = K[S.q + 2], q3 = K[S.q + 3], q4 = K[S.q + 4], q5 = K[S.q + 5], q6 = K[S.q + 6];
  const q7 = K[S.q + 7], q8 = K[S.q + 8], q9 = K[S.q + 9], q10 = K[S.q + 10], q11 = K[S.q + 11], q12 = K[S.q + 12];
  const qL7 = K[S.qL], qL8 = K[S.qL + 1], qL10 = K[S.qL + 2], c1Ins = K[S.C1INSP], cIns = K[S.CINSP], dphi = K[S.dphi];
  const floorAmp = +FALSE_ZERO;
  let i = i0;
  for (; i < n; i++) {
    ampIm[i] = 0;
    if (states[i] < 0) {
      amp[i] = 0;
      phase[i] = 0;
      continue;
    }
    const f = fs[i];
    if (f >= fEnd) break;
    const z = zs[i];
    const y = z * z;
    const t = f * y * y;
    const t2 = t * t;
    const inv = y * y * y;
    const z7 = inv * z;
    const ft = f * t;
    const ft2 = f * t2;
    const ff = f * f;
    const re = t * pn0 + t2 * pn2 + f * pn4 + ft * pn6 + ft2 * pn8 + ff * pn10;
    const im = t * pn1 + t2 * pn3 + f * pn5 + ft * pn7 + ft2 * pn9 + ff * pn11;
    const pseudo = ff * (t * ins0 + t2 * ins1 + f * ins2);
    let a = (Math.sqrt(re * re + im * im) + pseudo) * z7;
    if (a < 0) a = floorAmp;
    const poly = q0 + t * (q1 + t * (q2 + t * (q3 + t * (q4 + t * (q5 + t * (q6 + t * (q7 + t * (q8 + t * (q9 + t * (q10 + t * (q11 + t * q12)))))))))));
    const logs = lns[i] * (f * t2) * (qL7 + t * qL8 + f * qL10);
    const phi = (poly + logs) * (inv * y * y) + c1Ins * f + cIns;
    amp[i] = a;
    phase[i] = phi + dphi;
  }
  carried[2] = 0;
  return i;
}

/** Bins from i in the intermediate region (skipped ones too); returns the first index past them. */
function intermediateLoop(K: Float64Array, bw: BlockPowers, i0: number, n: number, amp: Float64Array, phase: Float64Array, ampIm: Float64Array): number {
  const fs = bw.f, zs = bw.z, lns = bw.ln, states = bw.state;
  const fStart = K[S.aIns], fEnd = K[S.aInt];
  const d0 = K[S.inter], d1 = K[S.inter + 1], d2 = K[S.inter + 2], d3 = K[S.inter + 3];
  const d4 = K[S.inter + 4], d5 = K[S.inter + 5], d6 = K[S.inter + 6], d7 = K[S.inter + 7];
  const b0 = K[S.b0], bL = K[S.bL], b1 = K[S.b1], b2 = K[S.b2], b3 = K[S.b3], bAt = K[S.bAt], dphi = K[S.dphi];
  const atRing = K[S.atRing], atInvDamp = K[S.atInvDamp];
  const floorAmp = +FALSE_ZERO;
  let atPrev = carried[0];
  let xaPrev = carried[1];
  let atOk = carried[2] !== 0;
  let i = i0;
  for (; i < n; i++) {
    ampIm[i] = 0;
    if (states[i] < 0) {
      atOk = false;
      amp[i] = 0;
      phase[i] = 0;
      continue;
    }
    const f = fs[i];
    if (f >= fEnd || f < fStart) break;
    const z = zs[i];
    const y = z * z;
    const inv = y * y * y;
    const z7 = inv * z;
    const xa = (f - atRing) * atInvDamp;
    let at = 0;
    let exact = true;
    if (atOk && states[i] > 0) {
      const d = (xa - xaPrev) / (1 + xa * xaPrev);
      if (d < MAX_SERIES_ARG && d > -MAX_SERIES_ARG) {
        at = atanS(atPrev, d);
        exact = false;
      }
    }
    if (exact) at = Math.atan(xa);
    atPrev = at;
    xaPrev = xa;
    atOk = true;
    // the order of amplitude.ts's intermediateAmp (sum d_j f^j with f^j by products): the d_j alternate and cancel
    const f2 = f * f;
    const f3 = f2 * f;
    const f4 = f3 * f;
    const f5 = f4 * f;
    const f6 = f5 * f;
    let a = (d0 + d1 * f + d2 * f2 + d3 * f3 + d4 * f4 + d5 * f5 + d6 * f6 + d7 * (f6 * f)) * z7;
    if (a < 0) a = floorAmp;
    const phi = b0 * f + bL * lns[i] - inv * (b1 + inv * (b2 + inv * b3)) + bAt * at;
    amp[i] = a;
    phase[i] = phi + dphi;
  }
  carried[0] = atPrev;
  carried[1] = xaPrev;
  carried[2] = atOk ? 1 : 0;
  return i;
}

/** Bins from i in the ringdown (skipped ones too); returns the first index past them. */
function ringdownLoop(K: Float64Array, bw: BlockPowers, i0: number, n: number, amp: Float64Array, phase: Float64Array, ampIm: Float64Array): number {
  const fs = bw.f, zs = bw.z, states = bw.state;
  const fStart = K[S.aInt];
  const fRing = K[S.fRing], dfd2 = K[S.dfd] * K[S.dfd], rdNum = K[S.rdNum], rdLam = K[S.rdLam];
  const fFalloff = K[S.fFalloff], rdFall = K[S.rdFall], rdFallRate = K[S.rdFallRate], fRDAux = K[S.fRDAux];
  const hasAux = K[S.hasAux] !== 0;
  const aux0 = K[S.aux], aux1 = K[S.aux + 1], aux2 = K[S.aux + 2], aux3 = K[S.aux + 3];
  const atRing = K[S.atRing], atInvDamp = K[S.atInvDamp];
  const r1 = K[S.r1], rAt = K[S.rAt], c1Rd = K[S.C1RD], cRd = K[S.CRD], dphi = K[S.dphi];
  const floorAmp = +FALSE_ZERO;
  let atPrev = carried[0];
  let xaPrev = carried[1];
  let atOk = carried[2] !== 0;
  let exPrev = 0;
  let exOk = false;
  let exFall = false;
  let fPrev = 0;
  let i = i0;
  for (; i < n; i++) {
    ampIm[i] = 0;
    if (states[i] < 0) {
      atOk = false;
      exOk = false;
      amp[i] = 0;
      phase[i] = 0;
      continue;
    }
    const f = fs[i];
    if (f < fStart) break;
    const carry = states[i] > 0;
    const step = f - fPrev;
    fPrev = f;
    const z = zs[i];
    const y = z * z;
    const inv = y * y * y;
    const xa = (f - atRing) * atInvDamp;
    let at = 0;
    let exact = true;
    if (atOk && carry) {
      const d = (xa - xaPrev) / (1 + xa * xaPrev);
      if (d < MAX_SERIES_ARG && d > -MAX_SERIES_ARG) {
        at = atanS(atPrev, d);
        exact = false;
      }
    }
    if (exact) at = Math.atan(xa);
    atPrev = at;
    xaPrev = xa;
    atOk = true;
    let rd: number;
    if (hasAux && f < fRDAux) {
      rd = aux0 + f * (aux1 + f * (aux2 + f * aux3));
      exOk = false;
    } else if (fFalloff > 0 && f >= fFalloff) {
      const w = rdFallRate * step;
      const ex = exOk && exFall && carry && w < MAX_SERIES_ARG && w > -MAX_SERIES_ARG ? expS(exPrev, w) : Math.exp(-rdFallRate * (f - fFalloff));
      exPrev = ex;
      exOk = true;
      exFall = true;
      rd = rdFall * ex;
    } else {
      const dfr = f - fRing;
      const w = -rdLam * step;
      const ex = exOk && !exFall && carry && w < MAX_SERIES_ARG && w > -MAX_SERIES_ARG ? expS(exPrev, w) : Math.exp(rdLam * dfr);
      exPrev = ex;
      exOk = true;
      exFall = false;
      rd = rdNum / (ex * (dfr * dfr + dfd2));
    }
    const a = rd < 0 ? floorAmp : rd;
    const phi = -r1 * inv + rAt * at + c1Rd * f + cRd;
    amp[i] = a;
    phase[i] = phi + dphi;
  }
  carried[0] = atPrev;
  carried[1] = xaPrev;
  carried[2] = atOk ? 1 : 0;
  return i;
}
