/**
 * The binary's parameters as IMRPhenomXHM's parameter-space fits read them (LAL's IMRPhenomXWaveformStruct
 * fields eta, delta, chi1L, chi2L, chiPNHat, STotR, dchi, dchi_half), bodies ordered m1 >= m2.
 */
import type { PhenomXSystem } from '../imrphenomx/setup.js';

/** Fit arguments: eta, delta = (m1 - m2)/M, aligned spins, chi_PN-hat, S_tot-hat, chi1 - chi2 and its half. */
export interface HMFitVars {
  eta: number;
  delta: number;
  chi1: number;
  chi2: number;
  chiPNHat: number;
  sTotR: number;
  dchi: number;
  dchiHalf: number;
}

/** Fit arguments of an IMRPhenomX system. */
export function fitVars(s: PhenomXSystem): HMFitVars {
  return {
    eta: s.eta, delta: s.delta, chi1: s.chi1, chi2: s.chi2, chiPNHat: s.chiPNHat, sTotR: s.sTotR,
    dchi: s.dchi, dchiHalf: s.dchi * 0.5,
  };
}
