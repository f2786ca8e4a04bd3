/**
 * Quantum (shot + radiation-pressure) noise of a signal-recycled Michelson with arm cavities,
 * Buonanno & Chen, PRD 64 042006 (2001), Eq. 5.13 with the coefficients of Eqs. 5.8-5.12 and
 * mirror losses (GWINC shotrad.m), as LALSimulation's XLALSimNoisePSDQuantum (LALSimNoisePSD.c)
 * evaluates it. Written from the formulas; the LAL function is the reference for the fixture.
 */
import { C_SI } from '../core/constants.js';

/** Reduced Planck constant [J s] = h / 2 pi with the exact SI h (LAL_HBAR_SI, lal/std/LALConstants.h). */
export const HBAR_SI = 1.054571817646156391262428003302280745e-34;
/** Boltzmann constant [J/K] (exact SI; LAL_K_SI). */
export const K_SI = 1.380649e-23;

/** Complex number for the few dozen operations below (speed is irrelevant here). */
class Cx {
  constructor(readonly re: number, readonly im = 0) {}
  static expi(phase: number): Cx {
    return new Cx(Math.cos(phase), Math.sin(phase));
  }
  add(b: Cx | number): Cx {
    return typeof b === 'number' ? new Cx(this.re + b, this.im) : new Cx(this.re + b.re, this.im + b.im);
  }
  mul(b: Cx | number): Cx {
    return typeof b === 'number'
      ? new Cx(this.re * b, this.im * b)
      : new Cx(this.re * b.re - this.im * b.im, this.re * b.im + this.im * b.re);
  }
  abs2(): number {
    return this.re * this.re + this.im * this.im;
  }
}

/** Interferometer parameters of XLALSimNoisePSDQuantum (SI units; angles in rad). */
export interface QuantumNoiseParams {
  /** Input laser power [W]. */
  laserPower: number;
  /** Laser wavelength [m]. */
  wavelength: number;
  /** Arm length [m]. */
  armLength: number;
  /** Mirror mass [kg]. */
  mirrorMass: number;
  /** Average power loss per mirror. */
  mirrorLoss: number;
  /** Power loss at the beam splitter. */
  bsLoss: number;
  /** Power transmittances of the input test mass, power- and signal-recycling mirrors. */
  tItm: number;
  tPrm: number;
  tSrm: number;
  /** Signal-recycling detuning phase [rad]. */
  detuning: number;
  /** Homodyne (detection) phase [rad]. */
  homodynePhase: number;
  /** Photodiode quantum efficiency. */
  eta: number;
}

/** Quantum-noise PSD [1/Hz] at frequency f [Hz] (BC01 Eq. 5.13; LALSimNoisePSD.c XLALSimNoisePSDQuantum). */
export function quantumNoisePsd(f: number, p: QuantumNoiseParams): number {
  const L = p.armLength;
  const M = p.mirrorMass;
  const A = p.mirrorLoss;
  const Omega = 2 * Math.PI * f;
  const omega0 = (2 * Math.PI * C_SI) / p.wavelength;
  const lambdaSR = p.bsLoss;
  const lambdaPD = 1 - p.eta;
  const tau = Math.sqrt(p.tSrm);
  const rho = Math.sqrt(1 - tau * tau);
  const phi = (Math.PI - p.detuning) / 2;
  const lambdaArm = 2 * A;
  const gammaAc = (p.tItm * C_SI) / (4 * L);
  const epsilon = lambdaArm / ((2 * gammaAc * L) / C_SI);
  const r1 = Math.sqrt(1 - p.tItm);
  const rArm = r1 - (p.tItm * Math.sqrt(1 - 2 * A)) / (1 - r1 * Math.sqrt(1 - 2 * A));
  const gPrc = p.tPrm / Math.pow(1 + Math.sqrt(1 - p.tPrm) * rArm * Math.sqrt(1 - p.bsLoss), 2);
  const iBs = gPrc * p.laserPower;
  const iSql = (M * L * L * Math.pow(gammaAc, 4)) / (4 * omega0);
  const K = (2 * (iBs / iSql) * Math.pow(gammaAc, 4)) / (Omega * Omega * (gammaAc * gammaAc + Omega * Omega));
  const beta = Math.atan(Omega / gammaAc);
  const hSql = Math.sqrt((8 * HBAR_SI) / (M * Math.pow(Omega * L, 2)));

  const e2b = Cx.expi(2 * beta);
  const e4b = Cx.expi(4 * beta);
  const em2b = Cx.expi(-2 * beta);
  const eb = Cx.expi(beta);
  const emb = Cx.expi(-beta);
  const c2p = Math.cos(2 * phi), s2p = Math.sin(2 * phi);
  const cp = Math.cos(phi), sp = Math.sin(phi);
  const cb = Math.cos(beta);
  const cb2 = Math.pow(cb, 2);
  const sPD = Math.sqrt(1 - lambdaPD);
  const rr = 1 + rho * rho;
  const onePe2b = e2b.add(1);
  const threePe2b = e2b.add(3);

  // [BC01 Eqs. 5.8-5.12]
  const C11 = onePe2b.mul(onePe2b).mul(-2 * rho)
    .add(4 * rr * cb2 * c2p)
    .add(threePe2b.mul(K * rr * s2p))
    .mul(-epsilon / 4)
    .add(rr * (c2p + (K / 2) * s2p) - 2 * rho * Math.cos(2 * beta))
    .add(e2b.mul(rho).add(-0.5 * rr * (c2p + (K / 2) * s2p)).mul(lambdaSR))
    .mul(sPD);
  const C22 = C11;
  const C12 = threePe2b.mul(K * sp).add(4 * cb2 * cp).mul(0.5 * epsilon * sp)
    .add(-(s2p + K * sp * sp))
    .add(0.5 * lambdaSR * (s2p + K * sp * sp))
    .mul(sPD * tau * tau);
  const C21 = threePe2b.mul(K * sp).add(-4 * cb2 * sp).mul(0.5 * epsilon * cp)
    .add(s2p - K * cp * cp)
    .add(0.5 * lambdaSR * (-s2p + K * cp * cp))
    .mul(sPD * tau * tau);
  const D1 = e2b.mul(rho).add(1).mul(-sp)
    .add(e4b.mul(2 * rho).add(3 + rho).add(e2b.mul(1 + 5 * rho)).mul(0.25 * epsilon * sp))
    .add(e2b.mul(0.5 * lambdaSR * rho * sp))
    .mul(sPD);
  const D2 = e2b.mul(rho).add(-1).mul(-cp)
    .add(e4b.mul(2 * rho).add(-3 + rho).add(e2b.mul(-1 + 5 * rho)).mul(0.25 * epsilon * cp))
    .add(e2b.mul(0.5 * lambdaSR * rho * cp))
    .mul(sPD);
  const sqSR = Math.sqrt(lambdaSR);
  const P11 = e2b.mul(-2 * rho).add(2 * c2p + K * s2p).mul(0.5 * sPD * sqSR * tau);
  const P22 = P11;
  const P12 = new Cx(-sPD * sqSR * tau * sp * (2 * cp + K * sp));
  const P21 = new Cx(sPD * sqSR * tau * cp * (2 * sp - K * cp));
  const Q11 = em2b.add(e2b.mul(rho * rho)).add(-rho * (2 * c2p + K * s2p))
    .add(em2b.mul(c2p)
      .add(e2b.mul(-2 * rho - 2 * rho * Math.cos(2 * beta) + c2p + K * s2p))
      .add(2 * c2p + 3 * K * s2p)
      .mul(0.5 * epsilon * rho))
    .add(e2b.mul(2 * rho).add(-2 * c2p - K * s2p).mul(-0.5 * lambdaSR * rho))
    .mul(Math.sqrt(lambdaPD));
  const Q22 = Q11;
  const Q12 = new Cx(0);
  const Q21 = new Cx(0);
  const N11 = e2b.mul(rho).add(1).mul(K * sp)
    .add(emb.mul(cp).add(eb.mul(-rho * (cp + K * sp))).mul(2 * cb))
    .mul(sPD * Math.sqrt(epsilon / 2) * tau);
  const s2e = sPD * Math.sqrt(2 * epsilon) * tau;
  const N22 = emb.mul(-1).add(eb.mul(rho)).mul(-s2e * cb * cp);
  const N12 = emb.add(eb.mul(rho)).mul(-s2e * cb * sp);
  const N21 = emb.add(eb.mul(rho)).mul(2 * cb * cb * sp).add(-K * (1 + rho) * cp).mul(s2e);

  const sz = Math.sin(p.homodynePhase), cz = Math.cos(p.homodynePhase);
  const q = (a: Cx, b: Cx): number => a.mul(sz).add(b.mul(cz)).abs2();
  const num = q(C11, C21) + q(C12, C22) + q(P11, P21) + q(P12, P22) + q(Q11, Q21) + q(Q12, Q22) + q(N11, N21) + q(N12, N22);
  return ((hSql * hSql) / (2 * K * tau * tau * q(D1, D2))) * num;
}
