/**
 * Per-bin loop of IMRPhenomXAS: h22 = amp0 f^{-7/6} a(f) exp(i [phi(f)/eta + tshift f + offset]) for the
 * selected bins, written as h+ and hx (see model.ts for the conventions).
 */
import type { InclinationFactors } from '../polarizations.js';
import { ampPhenomX } from './amplitude.js';
import type { PhenomXSetup } from './model.js';
import { phaseInspiral, phaseIntermediate, phaseRingdown } from './phase.js';

/** Y_22-like factor of LAL's XAS polarisations: 2 sqrt(5/(64 pi)) exp(-i pi) (real, negative). */
const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));

/**
 * Fill bins start..stop-1 whose frequency f satisfies fLoHz <= f and M f <= M fHiHz (LAL's test).
 */
export function fillPhenomX(
  s: PhenomXSetup, freqs: Float64Array, start: number, stop: number, fLoHz: number, fHiHz: number,
  factors: InclinationFactors, hp: Float64Array, hc: Float64Array,
): void {
  const { system, amp, phase } = s;
  const mSec = system.mSec;
  const mfHi = fHiHz * mSec;
  const invEta = 1 / system.eta;
  const scale = system.amp0 * YLM;
  const { plus, cross } = factors;
  for (let k = start; k < stop; k++) {
    const fHz = freqs[k];
    if (!(fHz >= fLoHz)) continue;
    const f = mSec * fHz;
    if (!(f <= mfHi)) continue;
    let phi: number;
    if (f < phase.fInsEnd) phi = phaseInspiral(phase, f);
    else if (f > phase.fIntEnd) phi = phaseRingdown(phase, f) + phase.C1MRD + phase.C2MRD * f;
    else phi = phaseIntermediate(phase, f) + phase.C1Int + phase.C2Int * f;
    phi = phi * invEta + s.tShift * f + s.phiOffset;
    const a = (scale * ampPhenomX(amp, f)) / Math.pow(f, 7 / 6);
    const re = a * Math.cos(phi);
    const im = a * Math.sin(phi);
    hp[2 * k] = plus * re;
    hp[2 * k + 1] = plus * im;
    hc[2 * k] = cross * im;
    hc[2 * k + 1] = -cross * re;
  }
}
