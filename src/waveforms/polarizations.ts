/**
 * Inclination -> (h+, hx) for 22-only aligned-spin models (TaylorF2, IMRPhenomD, IMRPhenomXAS), as
 * LALSimulation's ChooseFDWaveform applies it (LALSimInspiralGeneratorLegacy.c):
 *   h+ = 1/2 (1 + cos^2 iota) h,   hx = -i cos(iota) h,
 * where h is the model's strain for optimal orientation (iota = 0).
 */
import type { ComplexArray } from '../core/grid.js';

/** The two real factors of the mapping: h+ = plus * h, hx = -i cross * h. */
export interface InclinationFactors {
  /** 1/2 (1 + cos^2 iota) (LAL's `pfac`). */
  readonly plus: number;
  /** cos iota (LAL's `cfac`). */
  readonly cross: number;
}

/** Factors of the mapping for an inclination iota [rad]. */
export function inclinationFactors(inclination: number): InclinationFactors {
  const cross = Math.cos(inclination);
  return { plus: 0.5 * (1 + cross * cross), cross };
}

/**
 * Write bin k of h+ and hx from h_k = hRe + i hIm (interleaved arrays, element k at 2k, 2k+1):
 * h+_k = plus h_k; hx_k = -i cross h_k = cross hIm - i cross hRe.
 */
export function setPolarizationsAt(
  hp: ComplexArray,
  hc: ComplexArray,
  k: number,
  hRe: number,
  hIm: number,
  factors: InclinationFactors,
): void {
  hp[2 * k] = factors.plus * hRe;
  hp[2 * k + 1] = factors.plus * hIm;
  hc[2 * k] = factors.cross * hIm;
  hc[2 * k + 1] = -factors.cross * hRe;
}
