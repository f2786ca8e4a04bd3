/**
 * Amplitude and phase of one IMRPhenomXHM higher mode at one frequency, region by region (amplitude.ts,
 * phase.ts; the (3,2) ringdown from spheroidal.ts), with LAL's region tests.
 */
import { FALSE_ZERO, hmAmplitude, type HMAmpCoefficients } from './amplitude.js';
import { inspiralPhase, intermediatePhase, ringdownPhase, type HMPhaseCoefficients } from './phase.js';
import type { Powers } from './powers.js';
import type { HMModeSetup } from './setup.js';
import { sphericalFrom22, type SpheroidalPhase } from './spheroidal.js';

/**
 * Amplitude A_lm (over amp0 = M^2/d) and phase phi_lm of one mode at geometric frequency f (LAL's powers p of
 * f, shared by the modes), written to
 * out[0], out[1]; re22, im22 is h22/amp0 at f (read by the (3,2) ringdown only).
 */
export function modeAmpPhase(m: HMModeSetup, p: Powers, re22: number, im22: number, out: Float64Array): void {
  const amp = m.amp as HMAmpCoefficients;
  const ph = m.phase as HMPhaseCoefficients;
  const mixing = m.mode.mixing;
  const f = p.itself;
  if (mixing && (f >= amp.fInt || f >= ph.fRD)) sphericalFrom22(m.spheroidal as SpheroidalPhase, amp, p, re22, im22, out);
  let a = mixing && f >= amp.fInt ? Math.sqrt(out[0] * out[0] + out[1] * out[1]) : hmAmplitude(amp, p);
  if (a < 0) a = FALSE_ZERO;
  let phi: number;
  if (f < ph.fIns) phi = inspiralPhase(ph, p) + ph.C1INSP * f + ph.CINSP;
  else if (f >= ph.fRD) phi = (mixing ? Math.atan2(out[1], out[0]) : ringdownPhase(ph, p)) + ph.C1RD * f + ph.CRD;
  else phi = intermediatePhase(ph, p, mixing);
  out[0] = a;
  out[1] = phi + ph.deltaphiLM;
}
