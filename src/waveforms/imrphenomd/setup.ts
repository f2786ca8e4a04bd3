/**
 * Per-waveform set-up of IMRPhenomD: everything that does not depend on frequency, computed once per
 * call as LALSimulation's IMRPhenomDGenerateFD does (LALSimIMRPhenomD.c): bodies ordered m1 >= m2,
 * eta nudged to 1/4, final spin and QNM frequencies, amplitude and phase coefficients, the time
 * shift t0 that puts the amplitude peak at t = 0, and the reference phase at f_ref.
 */
import { MPC_SI, MRSUN_SI, MSUN_SI, MTSUN_SI } from '../../core/constants.js';
import { invalid } from '../../core/errors.js';
import { taylorF2AlignedPhasing } from '../pn-phasing.js';
import type { WaveformParams } from '../types.js';
import { amplitudeCoefficients, type AmplitudeCoefficients } from './amplitude.js';
import { dPhaseMergerRingdown, phaseAt, phaseCoefficients, spinSpin3PN, type PhaseCoefficients } from './phase.js';
import { finalSpin0815, ringdownFrequencies } from './qnm.js';

/** Mf at which IMRPhenomD ends (LAL f_CUT); the bin at this frequency is excluded. */
export const PHENOMD_MF_CUT = 0.2;

/** Frequency-independent quantities of one IMRPhenomD waveform. */
export interface PhenomDSetup {
  /** Total mass in seconds, M MTSUN_SI (Mf = mTotalSec f). */
  readonly mTotalSec: number;
  /** Last frequency [Hz] (exclusive): min(f_max, 0.2 / mTotalSec). */
  readonly fEndHz: number;
  /** Reference frequency [Hz] actually used (f_min when f_ref = 0). */
  readonly fRefHz: number;
  /** Overall scale 2 sqrt(5/(64 pi)) M^2 MRSUN_SI MTSUN_SI / r [s]. */
  readonly ampScale: number;
  readonly amp: AmplitudeCoefficients;
  readonly phase: PhaseCoefficients;
  /** Time shift t0 = dphi/dMf at the amplitude peak. */
  readonly t0: number;
  /** M f_ref. */
  readonly mfRef: number;
  /** 2 phi_ref + phi(M f_ref). */
  readonly phiOffset: number;
  /** Final spin of the remnant. */
  readonly finalSpin: number;
}

/** eta set to exactly 1/4 when within LAL's relative tolerance 1e-6 (PhenomInternal_nudge, gsl_fcmp). */
function nudgeEta(eta: number): number {
  if (eta > 0.25 && Math.abs(eta - 0.25) <= 1e-6 * 0.5) return 0.25;
  return eta;
}

/**
 * Set up IMRPhenomD for validated parameters (see validateParams). Bodies are swapped when m1 < m2.
 * @throws MbankError when the cutoff 0.2/M lies at or below f_min, or the final spin is outside [-1, 1]
 */
export function setupPhenomD(params: WaveformParams): PhenomDSetup {
  // ChooseFDWaveform takes kg and IMRPhenomD converts back to solar masses: reproduce that rounding.
  const mA = (params.m1 * MSUN_SI) / MSUN_SI;
  const mB = (params.m2 * MSUN_SI) / MSUN_SI;
  const swap = mA < mB;
  const m1 = swap ? mB : mA;
  const m2 = swap ? mA : mB;
  const chi1 = swap ? params.s2z : params.s1z;
  const chi2 = swap ? params.s1z : params.s2z;

  const mTotal = m1 + m2;
  const mTotalSec = mTotal * MTSUN_SI;
  const fCutHz = PHENOMD_MF_CUT / mTotalSec;
  if (fCutHz <= params.fMinHz) {
    invalid('f_min', params.fMinHz, `must be below the IMRPhenomD cutoff Mf = 0.2, i.e. ${fCutHz} Hz for M = ${mTotal} Msun`);
  }
  const fEndHz = Math.min(params.fMaxHz, fCutHz);
  const fRefHz = params.fRefHz === 0 ? params.fMinHz : params.fRefHz;
  const eta = nudgeEta((m1 * m2) / (mTotal * mTotal));

  const distance = params.distanceMpc * MPC_SI;
  const ampScale = (2 * Math.sqrt(5 / (64 * Math.PI)) * mTotal * MRSUN_SI * mTotal * MTSUN_SI) / distance;

  const finalSpin = finalSpin0815(eta, chi1, chi2);
  if (!(finalSpin >= -1 && finalSpin <= 1)) {
    invalid('final spin', finalSpin, `must lie in [-1, 1] (from m1 = ${m1}, m2 = ${m2}, chi1 = ${chi1}, chi2 = ${chi2})`);
  }
  const rd = ringdownFrequencies(eta, chi1, chi2, finalSpin);
  const amp = amplitudeCoefficients(eta, chi1, chi2, rd);

  const series = taylorF2AlignedPhasing(m1, m2, chi1, chi2);
  const v = Float64Array.from(series.v);
  // PhenomD was calibrated without the 3PN spin-spin term now in LAL's TaylorF2 (LAL Subtract3PNSS).
  v[6] -= spinSpin3PN(m1, m2, eta, chi1, chi2) * v[0];
  const phase = phaseCoefficients(eta, chi1, chi2, rd, { v, vlogv: series.vlogv });

  const t0 = dPhaseMergerRingdown(phase, amp.fPeak);
  const mfRef = mTotalSec * fRefHz;
  const phiOffset = 2 * params.phiRef + phaseAt(phase, mfRef);
  return { mTotalSec, fEndHz, fRefHz, ampScale, amp, phase, t0, mfRef, phiOffset, finalSpin };
}
