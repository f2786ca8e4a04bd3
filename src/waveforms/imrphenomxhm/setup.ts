/**
 * Per-waveform set-up of IMRPhenomXHM: the IMRPhenomXAS 22 set-up (reused as is) and, for each of the modes
 * (2,1), (3,3), (3,2), (4,4), its amplitude and phase coefficients (the (3,2) with its spheroidal ringdown).
 * LAL's order of work (IMRPhenomXHM_MultiMode2): spheroidal phase, amplitude, phase.
 */
import { MPC_SI, MRSUN_SI, MTSUN_SI } from '../../core/constants.js';
import { setupPhenomX, type PhenomXSetup } from '../imrphenomx/model.js';
import type { WaveformParams } from '../types.js';
import { ampCoefficients, type HMAmpCoefficients } from './amplitude.js';
import { fitVars } from './fit-vars.js';
import { HM_MODES, setupMode, type HMMode } from './mode.js';
import { phase22Of, phaseCoefficients, type HMPhaseCoefficients, type Phase22 } from './phase.js';
import { ringdownAnchor, sphericalAt, spheroidalCoefficients, type SpheroidalPhase } from './spheroidal.js';

/** One higher mode ready for evaluation (null coefficients when the mode vanishes). */
export interface HMModeSetup {
  mode: HMMode;
  amp: HMAmpCoefficients | null;
  phase: HMPhaseCoefficients | null;
  /** The (3,2) only: its spheroidal ringdown phase. */
  spheroidal: SpheroidalPhase | null;
}

/** Everything a IMRPhenomXHM waveform needs: the 22 set-up, LAL's amp0 = M^2/d (strain units) and the modes. */
export interface PhenomXHMSetup {
  xas: PhenomXSetup;
  p22: Phase22;
  amp0: number;
  modes: HMModeSetup[];
}

/**
 * Set up every mode of IMRPhenomXHM for `params` (bodies ordered m1 >= m2 as LAL does) on the 22 set-up `xas`
 * (default setupPhenomX(params); IMRPhenomXPHM passes the one with its precessing final spin).
 */
export function setupPhenomXHM(params: WaveformParams, xas: PhenomXSetup = setupPhenomX(params)): PhenomXHMSetup {
  const s = xas.system;
  const q = Math.max(params.m1, params.m2) / Math.min(params.m1, params.m2);
  const v = fitVars(s);
  const p22 = phase22Of(xas);
  const modes: HMModeSetup[] = [];
  for (let i = 0; i < HM_MODES.length; i++) {
    const mode = setupMode(s, i);
    if (mode.zero) {
      modes.push({ mode, amp: null, phase: null, spheroidal: null });
      continue;
    }
    if (!mode.mixing) {
      const amp = ampCoefficients(s, q, v, mode, s);
      modes.push({ mode, amp, phase: phaseCoefficients(v, mode, p22), spheroidal: null });
      continue;
    }
    const sp = spheroidalCoefficients(v, mode, p22, s.aFinal);
    const out = new Float64Array(2);
    const abs32 = (c: HMAmpCoefficients, f: number): number => {
      sphericalAt(sp, c, xas.amp, p22, f, out);
      return Math.sqrt(out[0] * out[0] + out[1] * out[1]);
    };
    const amp = ampCoefficients(s, q, v, mode, s, abs32);
    const phase = phaseCoefficients(v, mode, p22, (fRD) => ringdownAnchor(sp, amp, xas.amp, p22, fRD));
    modes.push({ mode, amp, phase, spheroidal: sp });
  }
  const amp0 = (s.mTotal * MRSUN_SI * s.mTotal * MTSUN_SI) / (params.distanceMpc * MPC_SI);
  return { xas, p22, amp0, modes };
}
