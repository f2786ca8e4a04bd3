/**
 * Per-waveform set-up of IMRPhenomPv2 as LALSimulation's ChooseFDWaveform -> PhenomPCore does it
 * (LALSimInspiralGeneratorLegacy.c, LALSimIMRPhenomP.c): source-frame parameters, bodies ordered
 * m2 >= m1, the IMRPhenomD aligned-spin core with the precessing final spin, the NNLO angle
 * coefficients and their f_ref offsets, the l = 2 spin-weighted harmonics at thetaJN, and the time
 * shift that puts the peak of the aligned-spin phase derivative at t = 0.
 */
import { MPC_SI, MRSUN_SI, MSUN_SI, MTSUN_SI } from '../../core/constants.js';
import { invalid } from '../../core/errors.js';
import { amplitudeCoefficients, type AmplitudeCoefficients } from '../imrphenomd/amplitude.js';
import { phaseAt, phaseCoefficients, spinSpin3PN, type PhaseCoefficients } from '../imrphenomd/phase.js';
import { ringdownFrequencies } from '../imrphenomd/qnm.js';
import { PHENOMD_MF_CUT } from '../imrphenomd/setup.js';
import { taylorF2AlignedPhasing } from '../pn-phasing.js';
import type { WaveformParams } from '../types.js';
import { finalSpinPv2, nnloAngle, nnloAngleCoefficients, type NnloAngleCoefficients } from './angles.js';
import { phenomPSourceFrame, type PhenomPSourceFrame } from './source-frame.js';
import { peakTimeShift } from './time-shift.js';

/** Frequency-independent quantities of one IMRPhenomPv2 waveform (m2 >= m1 after the swap). */
export interface PhenomPv2Setup {
  /** Total mass [Msun]; Mf = fHz MTSUN_SI mTotal. */
  readonly mTotal: number;
  /** Last frequency [Hz] (exclusive): min(f_max, 0.2/(M MTSUN_SI)). */
  readonly fEndHz: number;
  /** Reference frequency [Hz] actually used (f_min when f_ref = 0). */
  readonly fRefHz: number;
  readonly frame: PhenomPSourceFrame;
  /** Symmetric mass ratio (nudged to 1/4 within 1e-6) and the ordered aligned spins (chi2 on the larger body). */
  readonly eta: number;
  readonly chi1L: number;
  readonly chi2L: number;
  /** Remnant spin including the in-plane spin. */
  readonly finalSpin: number;
  /** IMRPhenomD coefficients with the larger body first. */
  readonly amp: AmplitudeCoefficients;
  readonly phase: PhaseCoefficients;
  /** M MRSUN_SI M MTSUN_SI / r [s]. */
  readonly ampScale: number;
  readonly angles: NnloAngleCoefficients;
  /** alpha(f_ref) - alpha0 and epsilon(f_ref): subtracted from alpha(f) and epsilon(f). */
  readonly alphaOffset: number;
  readonly epsilonOffset: number;
  /** Dimensionful aligned and in-plane spins for M = 1: S_L = chi1 m1^2 + chi2 m2^2, S_perp = chip m2^2. */
  readonly sL: number;
  readonly sPerp: number;
  /** -2Y_{2m}(thetaJN, 0) for m = -2..2. */
  readonly y2m: Float64Array;
  /** Time shift [s]: h is multiplied by exp(-2 pi i f tCorr). */
  readonly tCorr: number;
}

/** Spin-weight -2, l = 2 harmonics at (theta, phi = 0), m = -2..2 (LAL XLALSpinWeightedSphericalHarmonic). */
export function spinWeightedY2(theta: number): Float64Array {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return Float64Array.of(
    Math.sqrt(5.0 / (64.0 * Math.PI)) * (1.0 - c) * (1.0 - c),
    Math.sqrt(5.0 / (16.0 * Math.PI)) * s * (1.0 - c),
    Math.sqrt(15.0 / (32.0 * Math.PI)) * s * s,
    Math.sqrt(5.0 / (16.0 * Math.PI)) * s * (1.0 + c),
    Math.sqrt(5.0 / (64.0 * Math.PI)) * (1.0 + c) * (1.0 + c),
  );
}

/**
 * Set up IMRPhenomPv2 for validated parameters.
 * @throws MbankError when chi_p > 1 or the cutoff 0.2/M lies at or below f_min
 */
export function setupPhenomPv2(params: WaveformParams): PhenomPv2Setup {
  // ChooseFDWaveform takes kg and the model converts back to solar masses: reproduce that rounding.
  const mA = (params.m1 * MSUN_SI) / MSUN_SI;
  const mB = (params.m2 * MSUN_SI) / MSUN_SI;
  const fRefHz = params.fRefHz === 0 ? params.fMinHz : params.fRefHz;
  const frame = phenomPSourceFrame(mA, mB, fRefHz, params.phiRef, params.inclination,
    params.s1x, params.s1y, params.s1z, params.s2x, params.s2y, params.s2z);
  const chip = frame.chip;
  if (!(chip <= 1)) invalid('chi_p', chip, 'the IMRPhenomPv2 in-plane spin chi_p must be <= 1');

  // PhenomPCore orders the bodies m2 >= m1 (the opposite of IMRPhenomD).
  const swap = mA > mB;
  const m1 = swap ? mB : mA;
  const m2 = swap ? mA : mB;
  const chi1L = swap ? frame.chi2L : frame.chi1L;
  const chi2L = swap ? frame.chi1L : frame.chi2L;

  const mTotal = m1 + m2;
  const mSec = mTotal * MTSUN_SI;
  const fCutHz = PHENOMD_MF_CUT / mSec;
  if (fCutHz <= params.fMinHz) {
    invalid('f_min', params.fMinHz, `must be below the IMRPhenomPv2 cutoff Mf = 0.2, i.e. ${fCutHz} Hz for M = ${mTotal} Msun`);
  }
  const fEndHz = Math.min(params.fMaxHz, fCutHz);
  const q = m2 / m1;
  let eta = (m1 * m2) / (mTotal * mTotal);
  if (eta > 0.25 && Math.abs(eta - 0.25) <= 1e-6 * 0.5) eta = 0.25;

  const chiEff = (m1 * chi1L + m2 * chi2L) / mTotal;
  const chil = ((1.0 + q) / q) * chiEff;
  const angles = nnloAngleCoefficients(q, chil, chip);
  const omegaRef = Math.PI * mSec * fRefHz;
  const alphaOffset = nnloAngle(angles.alpha, omegaRef) - frame.alpha0;
  const epsilonOffset = nnloAngle(angles.epsilon, omegaRef);

  let finalSpin = finalSpinPv2(m1, m2, chi1L, chi2L, chip);
  if (Math.abs(finalSpin) > 1.0) finalSpin = finalSpin < 0 ? -1 : 1;
  // IMRPhenomD wants the larger body first.
  const rd = ringdownFrequencies(eta, chi2L, chi1L, finalSpin);
  const amp = amplitudeCoefficients(eta, chi2L, chi1L, rd);
  const series = taylorF2AlignedPhasing(m1, m2, chi1L, chi2L);
  const v = Float64Array.from(series.v);
  v[6] -= spinSpin3PN(m1, m2, eta, chi1L, chi2L) * v[0];
  const phase = phaseCoefficients(eta, chi2L, chi1L, rd, { v, vlogv: series.vlogv });

  const distance = params.distanceMpc * MPC_SI;
  const ampScale = (mTotal * MRSUN_SI * mTotal * MTSUN_SI) / distance;

  // Unit-mass masses as PhenomPCoreTwistUp rebuilds them from eta.
  const qEta = (1.0 + Math.sqrt(1.0 - 4.0 * eta) - 2.0 * eta) / (2.0 * eta);
  const mu1 = 1.0 / (1.0 + qEta);
  const mu2 = qEta / (1.0 + qEta);
  const sPerp = chip * (mu2 * mu2);
  const sL = chi1L * mu1 * mu1 + chi2L * mu2 * mu2;

  const phic = frame.phiAligned;
  const tCorr = peakTimeShift((fHz) => -(phaseAt(phase, fHz * MTSUN_SI * mTotal) - 2 * phic), rd.fRD / mSec, fCutHz);

  return {
    mTotal, fEndHz, fRefHz, frame, eta, chi1L, chi2L, finalSpin, amp, phase, ampScale, angles,
    alphaOffset, epsilonOffset, sL, sPerp, y2m: spinWeightedY2(frame.thetaJN), tCorr,
  };
}
