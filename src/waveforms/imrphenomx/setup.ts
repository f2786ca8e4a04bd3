/**
 * Per-waveform quantities of IMRPhenomXAS (LAL's IMRPhenomXSetWaveformVariables): bodies ordered so
 * that m1 >= m2 (spins follow their bodies), mass and spin combinations, final state, QNM frequencies,
 * MECO/ISCO frequencies, amplitude normalisation and the frequency cutoff.
 * Geometric frequencies are M f with M = m1 + m2 in seconds (M MTSUN_SI).
 */
import { invalid } from '../../core/errors.js';
import { MRSUN_SI, MTSUN_SI, MPC_SI } from '../../core/constants.js';
import type { WaveformParams } from '../types.js';
import {
  chiEff, chiPNHat, fISCO, fMECO, finalMass2017, finalSpin2017, qnmFdamp22, qnmFring22, sTotR,
} from './final-state.js';

/** Default end of the model, M f_cut = 0.3 (0.33 when chi_eff > 0.99). */
export const PHENOMX_MF_CUT = 0.3;

/** Scalars describing one binary for IMRPhenomXAS. */
export interface PhenomXSystem {
  /** Total mass [solar masses] and in seconds. */
  mTotal: number;
  mSec: number;
  /** Symmetric mass ratio, delta = (m1 - m2)/M >= 0. */
  eta: number;
  delta: number;
  /** Aligned spins of the heavier (1) and lighter (2) body. */
  chi1: number;
  chi2: number;
  /** chi_PN-hat, S_tot-hat, chi1 - chi2, chi_eff. */
  chiPNHat: number;
  sTotR: number;
  dchi: number;
  chiEff: number;
  /** Final mass (units of M) and spin. */
  mFinal: number;
  aFinal: number;
  /** QNM ringdown and damping frequencies (units of 1/M). */
  fRing: number;
  fDamp: number;
  /** Hybrid MECO and ISCO frequencies (units of 1/M). */
  fMECO: number;
  fISCO: number;
  /** Cutoff M f_cut and in Hz. */
  mfCut: number;
  fCutHz: number;
  /** Amplitude prefactor: M^2 MRSUN MTSUN / d * sqrt(2 eta / 3) pi^{-1/6}. */
  amp0: number;
}

/** Build the system from the physical parameters (m1 < m2 swaps the bodies, as LAL does). */
export function setupPhenomXSystem(p: WaveformParams): PhenomXSystem {
  const swap = p.m1 < p.m2;
  const m1 = swap ? p.m2 : p.m1;
  const m2 = swap ? p.m1 : p.m2;
  const chi1 = swap ? p.s2z : p.s1z;
  const chi2 = swap ? p.s1z : p.s2z;
  const mTotal = m1 + m2;
  const delta = Math.abs((m1 - m2) / mTotal);
  let eta = Math.abs(0.25 * (1 - delta * delta));
  if (eta > 0.25) eta = 0.25;
  const q = m1 / m2;
  if (q > 1000 && Math.abs(q - 1000) > 1e-12) invalid('mass ratio', q, 'IMRPhenomXAS is not valid beyond q = 1000');
  const mSec = mTotal * MTSUN_SI;
  const ce = chiEff(eta, chi1, chi2);
  const aFinal = finalSpin2017(eta, chi1, chi2);
  const mFinal = finalMass2017(eta, chi1, chi2);
  const fM = fMECO(eta, chi1, chi2);
  const fI = fISCO(aFinal);
  if (fM > fI) invalid('(m1, m2, s1z, s2z)', [p.m1, p.m2, p.s1z, p.s2z], 'IMRPhenomXAS requires f_MECO <= f_ISCO');
  const mfCut = ce > 0.99 ? 0.33 : PHENOMX_MF_CUT;
  const distanceSI = p.distanceMpc * MPC_SI;
  return {
    mTotal, mSec, eta, delta, chi1, chi2,
    chiPNHat: chiPNHat(eta, chi1, chi2),
    sTotR: sTotR(eta, chi1, chi2),
    dchi: chi1 - chi2,
    chiEff: ce,
    mFinal, aFinal,
    fRing: qnmFring22(aFinal) / mFinal,
    fDamp: qnmFdamp22(aFinal) / mFinal,
    fMECO: fM,
    fISCO: fI,
    mfCut,
    fCutHz: mfCut / mSec,
    amp0: ((mTotal * MRSUN_SI * mTotal * MTSUN_SI) / distanceSI) * Math.sqrt(2 / 3) * Math.sqrt(eta) * Math.pow(Math.PI, -1 / 6),
  };
}
