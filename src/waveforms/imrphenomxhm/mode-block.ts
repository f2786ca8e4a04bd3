/**
 * The per-mode loop of the IMRPhenomXHM kernel (mode-kernel.ts): one higher mode over one block of bins,
 * amplitude and phase region by region as amplitude.ts / phase.ts / spheroidal.ts write them (modeAmpPhase),
 * constants through MODE_SLOT, written as amplitude and phase (mode-add.ts adds them to h+ and hx on the exact
 * path; the multibanded path interpolates them).
 */
import { sinCosTable } from '../../core/sincos.js';
import { MAX_PHASE_CURVATURE, atanStep, expStep } from '../kernel-helpers.js';
import { FALSE_ZERO } from './amplitude.js';
import { MODE_SLOT, carries, lnStep, zStep, type BlockPowers } from './mode-kernel.js';

/** Largest |argument| of the exp / atan increments evaluated by their series. */
export const MAX_SERIES_ARG = 0.01;
// module-level bindings of the imported helpers: the hot loop then calls them without a module-namespace lookup
const sincos = sinCosTable;
const atanS = atanStep;
const expS = expStep;
const S = MODE_SLOT;

/**
 * Amplitude A_lm/amp0 (clamped at 1e-15) and phase phi_lm (with deltaphiLM) of the mode with constants K (packMode)
 * at the block's frequencies bw (n of them; skipped ones get 0, 0), written to amp and phase from index outOff.
 * The (3,2) mixes in h22/amp0 = to22 h22[2 (h22Off + i)] (re, im) for i >= iRead, 0 below (those bins are only
 * computed to carry atan and exp). cs: scratch of 2. With `ampIm` (the exact path), where both amplitude and phase
 * of the (3,2) are spherical the complex value goes out instead (amp + i ampIm = the spherical value, phase its
 * linear part: no sqrt, atan2, and a phase addModeValues can carry); ampIm is 0 at every other bin.
 */
export function modeBlock(
  K: Float64Array, bw: BlockPowers, n: number, h22: Float64Array, h22Off: number, iRead: number, to22: number,
  amp: Float64Array, phase: Float64Array, outOff: number, cs: Float64Array, mfs: Float64Array | null = null, mfOff = 0,
  ampIm: Float64Array | null = null,
): void {
  const fs = bw.f, zs = bw.z, lns = bw.ln, states = bw.state;
  // own powers (a coarse list, mfs[mfOff + i], used by this mode alone): carried here, where their latency overlaps the mode's work
  const own = mfs !== null;
  let zOwn = 0;
  let lnOwn = 0;
  let ownOk = false;
  const mixing = K[S.mixing] !== 0;
  const aIns = K[S.aIns], aInt = K[S.aInt], pIns = K[S.pIns], pRD = K[S.pRD];
  const fRing = K[S.fRing], dfd2 = K[S.dfd] * K[S.dfd], rdNum = K[S.rdNum], rdLam = K[S.rdLam];
  const fFalloff = K[S.fFalloff], rdFall = K[S.rdFall], rdFallRate = K[S.rdFallRate], fRDAux = K[S.fRDAux];
  const hasAux = K[S.hasAux] !== 0;
  const complexFrom = ampIm !== null && mixing ? Math.max(aInt, pRD) : Infinity;
  const atRing = K[S.atRing], atInvDamp = K[S.atInvDamp];
  const pn0 = K[S.pn], pn1 = K[S.pn + 1], pn2 = K[S.pn + 2], pn3 = K[S.pn + 3], pn4 = K[S.pn + 4], pn5 = K[S.pn + 5];
  const pn6 = K[S.pn + 6], pn7 = K[S.pn + 7], pn8 = K[S.pn + 8], pn9 = K[S.pn + 9], pn10 = K[S.pn + 10], pn11 = K[S.pn + 11];
  const ins0 = K[S.ins], ins1 = K[S.ins + 1], ins2 = K[S.ins + 2];
  const d0 = K[S.inter], d1 = K[S.inter + 1], d2 = K[S.inter + 2], d3 = K[S.inter + 3];
  const d4 = K[S.inter + 4], d5 = K[S.inter + 5], d6 = K[S.inter + 6], d7 = K[S.inter + 7];
  const aux0 = K[S.aux], aux1 = K[S.aux + 1], aux2 = K[S.aux + 2], aux3 = K[S.aux + 3];
  const q0 = K[S.q], q1 = K[S.q + 1], q2 = K[S.q + 2], q3 = K[S.q + 3], q4 = K[S.q + 4], q5 = K[S.q + 5], q6 = K[S.q + 6];
  const q7 = K[S.q + 7], q8 = K[S.q + 8], q9 = K[S.q + 9], q10 = K[S.q + 10], q11 = K[S.q + 11], q12 = K[S.q + 12];
  const qL7 = K[S.qL], qL8 = K[S.qL + 1], qL10 = K[S.qL + 2], c1Ins = K[S.C1INSP], cIns = K[S.CINSP];
  const b0 = K[S.b0], bL = K[S.bL], b1 = K[S.b1], b2 = K[S.b2], b3 = K[S.b3], bAt = K[S.bAt];
  const r1 = K[S.r1], rAt = K[S.rAt], c1Rd = K[S.C1RD], cRd = K[S.CRD], dphi = K[S.dphi];
  const s0 = K[S.s0], sa0 = K[S.sa0], sa2 = K[S.sa2], sa4 = K[S.sa4], saL = K[S.saL];
  const m2Re = K[S.m2Re], m2Im = K[S.m2Im], m3Re = K[S.m3Re], m3Im = K[S.m3Im];
  // a number-typed local: read straight from the imported binding (type unknown to the optimiser), the floor made
  // V8 keep `a` boxed, one 16-byte heap number per bin (~0.26 MB of garbage per exact waveform)
  const floorAmp = +FALSE_ZERO;
  let atPrev = 0;
  let xaPrev = 0;
  let atOk = false;
  let exPrev = 0;
  let exOk = false;
  let exFall = false;
  let fPrev = 0;
  // the spheroidal phase's rotation: phase, last difference, E (re, im), W (re, im), bins since the anchor (0, 1, 2)
  const maxCurvature = MAX_PHASE_CURVATURE;
  let phiSPrev = 0;
  let dSPrev = 0;
  let eSRe = 0;
  let eSIm = 0;
  let wSRe = 0;
  let wSIm = 0;
  let sRun = 0;
  for (let i = 0; i < n; i++) {
    let f: number;
    let z: number;
    let ln: number;
    let carry: boolean;
    if (own) {
      f = mfs[mfOff + i];
      const zp2 = zOwn * zOwn;
      const u = (f - fPrev) * (zp2 * zp2 * zp2);
      carry = ownOk && carries(u);
      if (carry) {
        zOwn = zStep(zOwn, f, u);
        lnOwn = lnStep(lnOwn, f, fPrev);
      } else {
        zOwn = 1 / Math.sqrt(Math.cbrt(f));
        lnOwn = Math.log(f);
      }
      ownOk = true;
      z = zOwn;
      ln = lnOwn;
    } else {
      const state = states[i];
      if (state < 0) {
        atOk = false;
        exOk = false;
        amp[outOff + i] = 0;
        phase[outOff + i] = 0;
        if (ampIm !== null) ampIm[outOff + i] = 0;
        continue;
      }
      carry = state > 0;
      f = fs[i];
      z = zs[i];
      ln = lns[i];
    }
    const step = f - fPrev;
    fPrev = f;
    const y = z * z; // f^{-1/3}
    const t = f * y * y; // f^{1/3}
    const t2 = t * t;
    const inv = y * y * y; // 1/f
    const z7 = inv * z; // f^{-7/6}
    // atan((f - f_ring)/f_damp), shared by the intermediate, ringdown and spheroidal phases
    const spherical = mixing && (f >= aInt || f >= pRD);
    let at = 0;
    if (f >= pIns || spherical) {
      const xa = (f - atRing) * atInvDamp;
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
    } else {
      atOk = false;
    }
    // ringdown amplitude (the (3,2)'s spheroidal one where it is mixed)
    let rd = 0;
    if ((!mixing && f >= aInt) || spherical) {
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
    } else {
      exOk = false;
    }
    // the spherical (3,2): conj(mu_2) h22 + conj(mu_3) A_S exp(i phi_S)
    let sRe = 0;
    let sIm = 0;
    if (spherical) {
      const phiS = s0 + sa0 * f - inv * (sa2 + sa4 * inv * inv) + saL * at;
      // exp(i phi_S): on coarse lists (steps too long to carry) from sinCosTable at every point; on the exact path
      // carried by rotations as mode-add.ts carries a mode's phase, anchored where z is. Two call sites and the
      // series written out: V8 inlines by call-site frequency, and the anchors alone are rare
      if (own) {
        sincos(phiS, cs);
        eSRe = cs[0];
        eSIm = cs[1];
      } else {
        const dS = phiS - phiSPrev;
        const ddS = dS - dSPrev;
        dSPrev = dS;
        phiSPrev = phiS;
        if (carry && sRun > 1 && ddS < maxCurvature && ddS > -maxCurvature) {
          const q = ddS * ddS;
          const c = 1 - q * (1 / 2 - q * (1 / 24 - q * (1 / 720)));
          const sn = ddS * (1 - q * (1 / 6 - q * (1 / 120 - q * (1 / 5040))));
          const w = wSRe * c - wSIm * sn;
          wSIm = wSRe * sn + wSIm * c;
          wSRe = w;
          const e = eSRe * wSRe - eSIm * wSIm;
          eSIm = eSRe * wSIm + eSIm * wSRe;
          eSRe = e;
        } else {
          sincos(phiS, cs);
          const c = cs[0];
          const sn = cs[1];
          wSRe = c * eSRe + sn * eSIm;
          wSIm = sn * eSRe - c * eSIm;
          eSRe = c;
          eSIm = sn;
          sRun = carry && sRun > 0 ? 2 : 1;
        }
      }
      const cr = rd * eSRe;
      const ci = rd * eSIm;
      const read = i >= iRead;
      const re22 = read ? h22[2 * (h22Off + i)] * to22 : 0;
      const im22 = read ? h22[2 * (h22Off + i) + 1] * to22 : 0;
      sRe = m2Re * re22 - m2Im * im22 + (m3Re * cr - m3Im * ci);
      sIm = m2Re * im22 + m2Im * re22 + (m3Re * ci + m3Im * cr);
    }
    if (f >= complexFrom) {
      amp[outOff + i] = sRe;
      (ampIm as Float64Array)[outOff + i] = sIm;
      phase[outOff + i] = c1Rd * f + cRd + dphi;
      continue;
    }
    // amplitude
    let a: number;
    if (mixing && f >= aInt) {
      a = Math.sqrt(sRe * sRe + sIm * sIm);
    } else if (f < aIns) {
      const ft = f * t;
      const ft2 = f * t2;
      const ff = f * f;
      const re = t * pn0 + t2 * pn2 + f * pn4 + ft * pn6 + ft2 * pn8 + ff * pn10;
      const im = t * pn1 + t2 * pn3 + f * pn5 + ft * pn7 + ft2 * pn9 + ff * pn11;
      const pseudo = ff * (t * ins0 + t2 * ins1 + f * ins2);
      a = (Math.sqrt(re * re + im * im) + pseudo) * z7;
    } else if (f >= aInt) {
      a = rd;
    } else {
      // the order of amplitude.ts's intermediateAmp (sum d_j f^j with f^j by products): the d_j alternate and cancel
      const f2 = f * f;
      const f3 = f2 * f;
      const f4 = f3 * f;
      const f5 = f4 * f;
      const f6 = f5 * f;
      a = (d0 + d1 * f + d2 * f2 + d3 * f3 + d4 * f4 + d5 * f5 + d6 * f6 + d7 * (f6 * f)) * z7;
    }
    if (a < 0) a = floorAmp;
    // phase
    let phi: number;
    if (f < pIns) {
      const poly = q0 + t * (q1 + t * (q2 + t * (q3 + t * (q4 + t * (q5 + t * (q6 + t * (q7 + t * (q8 + t * (q9 + t * (q10 + t * (q11 + t * q12)))))))))));
      const logs = ln * (f * t2) * (qL7 + t * qL8 + f * qL10);
      phi = (poly + logs) * (inv * y * y) + c1Ins * f + cIns;
    } else if (f >= pRD) {
      phi = (mixing ? Math.atan2(sIm, sRe) : -r1 * inv + rAt * at) + c1Rd * f + cRd;
    } else {
      phi = b0 * f + bL * ln - inv * (b1 + inv * (b2 + inv * b3)) + bAt * at;
    }
    amp[outOff + i] = a;
    phase[outOff + i] = phi + dphi;
    if (ampIm !== null) ampIm[outOff + i] = 0;
  }
}

/**
 * modeBlock over a list of increasing geometric frequencies mfs[0 .. count), 64 at a time (bw unused but for
 * its block length): amplitude and phase
 * to amp, phase; the (3,2) reads h22/amp0 from h22 (interleaved, same indexing; null: no mixing values needed).
 */
export function modeValuesAt(
  K: Float64Array, mfs: Float64Array, count: number, h22: Float64Array | null, amp: Float64Array, phase: Float64Array, bw: BlockPowers,
): void {
  const cs = new Float64Array(2);
  const src = h22 ?? ZERO2;
  const block = bw.f.length;
  for (let i0 = 0; i0 < count; i0 += block) {
    const i1 = Math.min(i0 + block, count);
    modeBlock(K, bw, i1 - i0, src, h22 === null ? 0 : i0, h22 === null ? i1 : 0, 1, amp, phase, i0, cs, mfs, i0);
  }
}

/** Stand-in h22 for modes that do not read it. */
const ZERO2 = new Float64Array(2);
