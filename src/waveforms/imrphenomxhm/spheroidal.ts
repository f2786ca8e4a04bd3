/**
 * Ringdown of the (3,2) mode through spheroidal-spherical mixing (arXiv:2001.10914 Sec. V.B; LAL's
 * GetSpheroidalCoefficients and SpheroidalToSpherical, phase version 122019): the spheroidal (3,2) is a
 * Lorentzian-type amplitude (amplitude.ts) with phase derivative
 *
 *   phi'_S(f) = a0 + a2/f^2 + a4/f^4 + aL f_damp/(f_damp^2 + (f - f_ring)^2)       (f_ring, f_damp of the (3,2)),
 *
 * through 4 fitted collocation values, its time and phase aligned with the 22 at f_ring22 + f_damp22 and f_ring22
 * by two more fits; the spherical mode is
 *
 *   h32(f) = conj(mu_2) h22(f) + conj(mu_3) A_S(f) exp(i phi_S(f)),   mu_k = -(Berti-Klein mixing coefficients),
 *
 * with h22 the IMRPhenomXAS 22 (ringdown amplitude, full phase) over amp0.
 */
import { ampRingdown, type PhenomXAmpCoefficients } from '../imrphenomx/amplitude.js';
import { solveLinear } from '../../core/linalg.js';
import { dPhasePhenomX, phasePhenomX } from '../imrphenomx/phase.js';
import type { HMFitVars } from './fit-vars.js';
import { ringdownAmp, type HMAmpCoefficients } from './amplitude.js';
import { rdPhase32PhaseShift, rdPhase32TimeShift, rdPhase32V1, rdPhase32V2, rdPhase32V3, rdPhase32V4 } from './fits-ringdown-phase.js';
import type { HMMode } from './mode.js';
import type { Phase22, RingdownPhaseAnchor } from './phase.js';
import { mixingReL3m2lp2, mixingImL3m2lp2, mixingReL3m2lp3, mixingImL3m2lp3 } from './qnm-fits.js';
import { powers, type Powers } from './powers.js';
import { sinCosTable } from '../../core/sincos.js';

/** Spheroidal ringdown phase coefficients and the two mixing coefficients conj(mu_2), conj(mu_3) as (re, im). */
export interface SpheroidalPhase {
  a0: number; a2: number; a4: number; aL: number; phi0: number;
  fRing: number; fDamp: number;
  mix2Re: number; mix2Im: number; mix3Re: number; mix3Im: number;
}

/** Spheroidal phase phi_S(f) (integrated ansatz with its offset). */
export function spheroidalPhase(c: SpheroidalPhase, f: number, invf: number, invf3: number): number {
  return c.phi0 + c.a0 * f - c.a2 * invf + (-1 / 3) * c.a4 * invf3 + c.aL * Math.atan((f - c.fRing) / c.fDamp);
}

/** phi'_S(f). */
function dSpheroidalPhase(c: SpheroidalPhase, f: number): number {
  const p = powers(f);
  return c.a0 + c.a2 * p.mTwo + c.a4 * p.mFour + (c.aL * c.fDamp) / (c.fDamp * c.fDamp + (f - c.fRing) * (f - c.fRing));
}

/** The spheroidal phase of the (3,2), aligned with the 22 (LAL's GetSpheroidalCoefficients, 122019). */
export function spheroidalCoefficients(v: HMFitVars, mode: HMMode, p22: Phase22, aFinal: number): SpheroidalPhase {
  const { fRing, fDamp } = mode;
  const freqs = [p22.fRing, fRing - 1.5 * fDamp, fRing - 0.5 * fDamp, fRing + 0.5 * fDamp];
  const vals = [rdPhase32V1(v), rdPhase32V2(v), rdPhase32V3(v), rdPhase32V4(v)];
  const a = new Float64Array(16);
  for (let i = 0; i < 4; i++) {
    const ffm1 = 1 / freqs[i];
    const ffm2 = ffm1 * ffm1;
    a.set([1, fDamp / (Math.pow(fDamp, 2) + Math.pow(freqs[i] - fRing, 2)), ffm2, ffm2 * ffm2], 4 * i);
  }
  const x = solveLinear(a, vals, 4);
  const c: SpheroidalPhase = {
    a0: x[0], aL: x[1], a2: x[2], a4: x[3], phi0: 0, fRing, fDamp,
    mix2Re: -mixingReL3m2lp2(aFinal), mix2Im: mixingImL3m2lp2(aFinal), mix3Re: -mixingReL3m2lp3(aFinal), mix3Im: mixingImL3m2lp3(aFinal),
  };
  const eta = p22.eta;
  let fref = p22.fRing + p22.fDamp;
  const dphi22ref = (1 / eta) * dPhasePhenomX(p22.phase, fref) + p22.tShift;
  c.a0 = c.a0 + dphi22ref + rdPhase32TimeShift(v) - dSpheroidalPhase(c, fref);
  fref = p22.fRing;
  const phi22ref = (1 / eta) * phasePhenomX(p22.phase, fref) + p22.tShift * fref + 0 + p22.phiRef22;
  const pr = powers(fref);
  c.phi0 = phi22ref - spheroidalPhase(c, fref, pr.mOne, pr.mThree) + rdPhase32PhaseShift(v);
  return c;
}

/**
 * Spherical h32/amp0 at f (LAL's powers p of f) from the 22 (re22, im22: h22/amp0 there) and the spheroidal amplitude and phase,
 * written to out[0], out[1] (conj(mu_2) h22 + conj(mu_3) A_S exp(i phi_S)).
 */
export function sphericalFrom22(sp: SpheroidalPhase, amp: HMAmpCoefficients, p: Powers, re22: number, im22: number, out: Float64Array): void {
  const f = p.itself;
  const amplm = ringdownAmp(amp, f);
  const philm = spheroidalPhase(sp, f, p.mOne, p.mThree);
  sinCosTable(philm, out);
  const cr = amplm * out[0];
  const ci = amplm * out[1];
  out[0] = sp.mix2Re * re22 - sp.mix2Im * im22 + (sp.mix3Re * cr - sp.mix3Im * ci);
  out[1] = sp.mix2Re * im22 + sp.mix2Im * re22 + (sp.mix3Re * ci + sp.mix3Im * cr);
}

/**
 * Spherical h32/amp0 with the 22 built from its coefficients (LAL's SpheroidalToSpherical): ringdown amplitude
 * of the 22 times sqrt(2 eta/3) pi^{-1/6} f^{-7/6}, full 22 phase with its time shift and reference phase.
 */
export function sphericalAt(sp: SpheroidalPhase, amp: HMAmpCoefficients, amp22: PhenomXAmpCoefficients, p22: Phase22, f: number, out: Float64Array): void {
  const p = powers(f);
  const a22 = ampRingdown(amp22, f) * amp.ampNorm * p.mSevenSixths;
  const phi22 = (1 / p22.eta) * phasePhenomX(p22.phase, f) + p22.tShift * f + 0 + p22.phiRef22;
  sphericalFrom22(sp, amp, p, a22 * Math.cos(phi22), a22 * Math.sin(phi22), out);
}

/**
 * Phase, slope and curvature of the spherical (3,2) at fRD from three points 1e-7 apart (LAL's stencil on
 * arg h32 mapped into (-2 pi, 0]; differences taken before the 2 pi shift so that they are exact as in LAL's
 * long-double arithmetic).
 */
export function ringdownAnchor(sp: SpheroidalPhase, amp: HMAmpCoefficients, amp22: PhenomXAmpCoefficients, p22: Phase22, fRD: number): RingdownPhaseAnchor {
  const fstep = 0.0000001;
  const out = new Float64Array(2);
  const arg = new Array<number>(3);
  const shift = new Array<number>(3);
  for (let i = 0; i < 3; i++) {
    sphericalAt(sp, amp, amp22, p22, fRD + (i - 1) * fstep, out);
    arg[i] = Math.atan2(out[1], out[0]);
    shift[i] = arg[i] > 0 ? 1 : 0;
  }
  const twoPi = 2 * Math.PI;
  const d20 = arg[2] - arg[0] - (shift[2] - shift[0]) * twoPi;
  const d2 = arg[2] - 2 * arg[1] + arg[0] - (shift[2] - 2 * shift[1] + shift[0]) * twoPi;
  const inv = 1 / fstep;
  return { phi0: arg[1] - shift[1] * twoPi, dphi0: 0.5 * inv * d20, d2phi0: inv * inv * d2 };
}
