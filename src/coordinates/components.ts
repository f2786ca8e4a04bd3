/**
 * The 12 physical components of a binary, in mbank's order (mbank/handlers.py: variable_handler):
 * m1, m2 [solar masses], s1x, s1y, s1z, s2x, s2y, s2z (dimensionless spins, LAL source frame),
 * e (eccentricity), meanano (mean periastron anomaly [rad]), iota (inclination [rad]),
 * phi (reference phase [rad]). Components a format does not use are 0.
 */

/** Named physical components of one binary (mbank's 12 "BBH components"). */
export interface BBHComponents {
  m1: number;
  m2: number;
  s1x: number;
  s1y: number;
  s1z: number;
  s2x: number;
  s2y: number;
  s2z: number;
  e: number;
  meanano: number;
  iota: number;
  phi: number;
}

/** Component names in mbank's column order (for arrays of shape (N, 12)). */
export const COMPONENT_NAMES = ['m1', 'm2', 's1x', 's1y', 's1z', 's2x', 's2y', 's2z', 'e', 'meanano', 'iota', 'phi'] as const;

/** All-zero components (masses included: callers fill them). */
export function zeroComponents(): BBHComponents {
  return { m1: 0, m2: 0, s1x: 0, s1y: 0, s1z: 0, s2x: 0, s2y: 0, s2z: 0, e: 0, meanano: 0, iota: 0, phi: 0 };
}

/** Chirp mass Mc = (m1 m2)^(3/5) / (m1 + m2)^(1/5) [solar masses]. */
export function chirpMass(m1: number, m2: number): number {
  return Math.pow(m1 * m2, 0.6) / Math.pow(m1 + m2, 0.2);
}

/** Symmetric mass ratio eta = m1 m2 / (m1 + m2)^2, in (0, 1/4]. */
export function symmetricMassRatio(m1: number, m2: number): number {
  return (m1 * m2) / ((m1 + m2) * (m1 + m2));
}

/** Component masses (m1 >= m2) from chirp mass and eta <= 1/4: M = Mc eta^(-3/5), m1,2 = M (1 +- sqrt(1 - 4 eta))/2. */
export function massesFromMcEta(mc: number, eta: number): [number, number] {
  const mTot = mc / Math.pow(eta, 0.6);
  const root = Math.sqrt(Math.max(0, 1 - 4 * eta));
  return [0.5 * mTot * (1 + root), 0.5 * mTot * (1 - root)];
}
