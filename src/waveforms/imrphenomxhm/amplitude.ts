/**
 * IMRPhenomXHM amplitude of one higher mode, release 122022 (arXiv:2001.10914 Sec. IV as recalibrated in 2022;
 * LAL's IMRPhenomXHM_GetAmplitudeCoefficients and the _inspiral, _intermediate, _ringdown ansatze), in units of
 * the strain over amp0 = M^2 / d (f = M f_GW):
 *
 *   inspiral (f < fIns):      A_PN(f) + (c0 (f/fIns)^{7/3} + c1 (f/fIns)^{8/3} + c2 (f/fIns)^3) N f^{-7/6},
 *   intermediate:             f^{-7/6} sum_j d_j f^j (LU solve through the equispaced nodes: values, end slopes),
 *   ringdown (f >= fInt):     a0 f_damp / (exp(a1 (f - f_ring)/(a2 f_damp)) ((f - f_ring)^2 + (a2 f_damp)^2)),
 *                             an exponential fall-off beyond f_ring + 2 f_damp, and for the spheroidal (3,2) a cubic
 *                             below f_ring - f_damp;
 *
 * N = sqrt(2 eta/3) pi^{-1/6} (2/m)^{-7/6}, fIns = m/2 f_MECO (blended towards an EMR fit above q = 20), fInt =
 * f_ring - f_damp (f_ring22 - f_damp22/2 for the (3,2), whose ringdown amplitude is |spherical(f)| of spheroidal.ts).
 * Negative values are clamped to 1e-15 as LAL does.
 */
import type { PhenomXSystem } from '../imrphenomx/setup.js';
import { solveLinear } from '../../core/linalg.js';
import type { HMFitVars } from './fit-vars.js';
import * as insFits from './fits-inspiral-amp.js';
import * as intFits from './fits-intermediate-amp.js';
import * as rdFits from './fits-ringdown-amp.js';
import type { HMMode } from './mode.js';
import { pnAmplitude, pnSumAbs } from './pn-amplitude.js';
import { PI_POWERS, powers, type Powers } from './powers.js';

/** LAL's FALSE_ZERO: the floor of a negative amplitude. */
export const FALSE_ZERO = 1e-15;

/** Everything the amplitude of one mode needs at a frequency. */
export interface HMAmpCoefficients {
  /** sqrt(2 eta/3) pi^{-1/6} and N = that times (2/m)^{-7/6}. */
  ampNorm: number;
  pnDominant: number;
  /** PN coefficients and G_lm (2/m)^{-7/6} ampNorm. */
  pn: Float64Array;
  pnScale: number;
  /** Inspiral end fIns, its 7/3, 8/3, 3 powers and the pseudo-PN c0..c2. */
  fIns: number;
  fIns73: number; fIns83: number; fIns3: number;
  insC: Float64Array;
  /** Start of the ringdown fInt and the intermediate polynomial d_j. */
  fInt: number;
  inter: Float64Array;
  /** Ringdown: mode frequencies, Lorentzian a0..a2, fall-off start, value and rate. */
  fRing: number;
  fDamp: number;
  rd0: number; rd1: number; rd2: number;
  fFalloff: number; rdFall: number; rdFallRate: number;
  /** (3,2) only: the cubic below fRDAux (null otherwise). */
  fRDAux: number;
  aux: Float64Array | null;
}

const INS = [
  [insFits.inspAmp21V1, insFits.inspAmp21V2, insFits.inspAmp21V3], [insFits.inspAmp33V1, insFits.inspAmp33V2, insFits.inspAmp33V3],
  [insFits.inspAmp32V1, insFits.inspAmp32V2, insFits.inspAmp32V3], [insFits.inspAmp44V1, insFits.inspAmp44V2, insFits.inspAmp44V3],
];
const INTER = [
  [intFits.interAmp21V1, intFits.interAmp21V2, intFits.interAmp21V3, intFits.interAmp21V4],
  [intFits.interAmp33V1, intFits.interAmp33V2, intFits.interAmp33V3, intFits.interAmp33V4],
  [intFits.interAmp32V1, intFits.interAmp32V2, intFits.interAmp32V3, intFits.interAmp32V4],
  [intFits.interAmp44V1, intFits.interAmp44V2, intFits.interAmp44V3, intFits.interAmp44V4],
];
const RDCP = [
  [rdFits.rdAmp21V1, rdFits.rdAmp21V2, rdFits.rdAmp21V3], [rdFits.rdAmp33V1, rdFits.rdAmp33V2, rdFits.rdAmp33V3],
  [], [rdFits.rdAmp44V1, rdFits.rdAmp44V2, rdFits.rdAmp44V3],
];

/** PN inspiral amplitude at f with LAL's powers p of f. */
export function pnAmp(c: HMAmpCoefficients, p: Powers): number {
  return pnSumAbs(c.pn, p.oneThird, p.twoThirds, p.itself, p.fourThirds, p.fiveThirds, p.two) * (c.pnScale * p.mSevenSixths * c.ampNorm);
}

/** Inspiral amplitude (PN + pseudo-PN) at f. */
export function inspiralAmp(c: HMAmpCoefficients, p: Powers): number {
  const pseudo = (p.sevenThirds / c.fIns73) * c.insC[0] + (p.eightThirds / c.fIns83) * c.insC[1] + (p.three / c.fIns3) * c.insC[2];
  return pnAmp(c, p) + pseudo * p.mSevenSixths * c.pnDominant;
}

/** Ringdown Lorentzian a0 f_damp / (exp(a1 x/(a2 f_damp)) (x^2 + (a2 f_damp)^2)), x = f - f_ring. */
function lorentzian(c: HMAmpCoefficients, f: number): number {
  const dfr = f - c.fRing;
  const dfd = c.fDamp * c.rd2;
  return (c.rd0 * c.fDamp) / (Math.exp((c.rd1 / dfd) * dfr) * (dfr * dfr + dfd * dfd));
}

/** Ringdown amplitude at f (spheroidal for the (3,2)): cubic, Lorentzian or exponential fall-off. */
export function ringdownAmp(c: HMAmpCoefficients, f: number): number {
  if (c.aux !== null && f < c.fRDAux) {
    const a = c.aux;
    let out = 0;
    let fp = 1;
    for (let i = 0; i < a.length; i++) {
      out += fp * a[i];
      fp *= f;
    }
    return out;
  }
  if (c.fFalloff > 0 && f >= c.fFalloff) return c.rdFall * Math.exp(-c.rdFallRate * (f - c.fFalloff));
  return lorentzian(c, f);
}

/** d/df of the ringdown Lorentzian (LAL's IMRPhenomXHM_RD_Amp_DAnsatz, versions 1 and 2). */
export function dLorentzian(c: HMAmpCoefficients, f: number): number {
  const dfr = f - c.fRing;
  const fda = c.fDamp;
  const num = c.rd0 * (dfr * dfr * c.rd1 + 2 * fda * dfr * c.rd2 + fda * fda * c.rd1 * c.rd2 * c.rd2);
  let den = dfr * dfr + fda * fda * c.rd2 * c.rd2;
  den = c.rd2 * den * den * Math.exp((dfr * c.rd1) / (fda * c.rd2));
  return -num / den;
}

/** Intermediate amplitude f^{-7/6} sum_j d_j f^j. */
export function intermediateAmp(c: HMAmpCoefficients, p: Powers): number {
  let out = 0;
  let fp = 1;
  for (let j = 0; j < c.inter.length; j++) {
    out += c.inter[j] * fp;
    fp *= p.itself;
  }
  return out * p.mSevenSixths;
}

/** LAL's 4th-order central difference with step 1e-9 (IMRPhenomXHM_*_NDAnsatz). */
export function numericalDerivative(fn: (f: number) => number, f: number): number {
  const df = 10e-10;
  return (-fn(f + 2 * df) + 8 * fn(f + df) - 8 * fn(f - df) + fn(f - 2 * df)) / (12 * df);
}

/** Inspiral end: m/2 f_MECO below q = 20, blended towards LAL's EMR fit above (version 122022). */
function inspiralEnd(s: PhenomXSystem, q: number, mode: HMMode): number {
  const eta = s.eta;
  const chi1 = s.chi1;
  const fcutEMR = (1.25 * mode.emm * ((0.011671068725758493 - 0.0000858396080377194 * chi1 + 0.000316707064291237 * Math.pow(chi1, 2)) *
    (0.8447212540381764 + 6.2873167352395125 * eta))) / (1.2857082764038923 - 0.9977728883419751 * chi1);
  if (q < 20) return mode.fMECOlm;
  const w = 0.5 + 0.5 * Math.tanh((eta - 0.0192234) / 0.004);
  return w * mode.fMECOlm + (1 - w) * fcutEMR;
}

/** Pseudo-PN c0..c2 through the three inspiral collocation residuals (LAL's version 123). */
function inspiralCoefficients(c: HMAmpCoefficients, v: HMFitVars, mode: HMMode): void {
  const ps = [powers(0.5 * c.fIns), powers(0.75 * c.fIns), powers(c.fIns)];
  const fi = powers(c.fIns);
  const vals = ps.map((p, i) => (Math.abs(INS[mode.modeInt][i](v)) - pnAmp(c, p)) / c.pnDominant / p.mSevenSixths);
  const [p1, p2, p3] = ps;
  const [v1, v2, v3] = vals;
  const den = p1.sevenThirds * (p1.oneThird - p2.oneThird) * p2.sevenThirds * (p1.oneThird - p3.oneThird) * (p2.oneThird - p3.oneThird) * p3.sevenThirds;
  c.insC[0] = (fi.sevenThirds * (-(p1.three * p3.eightThirds * v2) + p1.eightThirds * p3.three * v2 + p2.three * (p3.eightThirds * v1 - p1.eightThirds * v3) +
    p2.eightThirds * (-(p3.three * v1) + p1.three * v3))) / den;
  c.insC[1] = (fi.eightThirds * (p1.three * p3.sevenThirds * v2 - p1.sevenThirds * p3.three * v2 + p2.three * (-(p3.sevenThirds * v1) + p1.sevenThirds * v3) +
    p2.sevenThirds * (p3.three * v1 - p1.three * v3))) / den;
  c.insC[2] = (fi.three * (p1.sevenThirds * (-p1.oneThird + p3.oneThird) * p3.sevenThirds * v2 + p2.sevenThirds * (-(p3.eightThirds * v1) + p1.eightThirds * v3) +
    p2.eightThirds * (p3.sevenThirds * v1 - p1.sevenThirds * v3))) / den;
}

/** Lorentzian a0..a2 from three collocation values at f_ring - f_damp, f_ring, f_ring + f_damp (version 2, with LAL's vetoes). */
function ringdownFromValues(c: HMAmpCoefficients, v: HMFitVars, mode: HMMode): void {
  const [fit1, fit2, fit3] = RDCP[mode.modeInt];
  const r1 = Math.abs(fit1(v));
  const r2 = Math.abs(fit2(v));
  let r3 = Math.abs(fit3(v));
  if (r3 >= (r2 * r2) / r1) r3 = (0.5 * r2 * r2) / r1;
  if (r3 > r2) r3 = 0.5 * r2;
  if (r1 < r2 && r3 > r1) r3 = r1;
  let deno = Math.sqrt(r1 / r3) - r1 / r2;
  if (deno <= 0) deno = 1e-16;
  c.rd0 = (r1 * c.fDamp) / deno;
  c.rd2 = Math.sqrt(c.rd0 / (r2 * c.fDamp));
  c.rd1 = 0.5 * c.rd2 * Math.log(r1 / r3);
}

/** The (3,2) cubic below fRDAux: two fitted values, then value and slope of the Lorentzian at fRDAux. */
function ringdownAux(c: HMAmpCoefficients, v: HMFitVars): Float64Array {
  const vals = [Math.abs(rdFits.rdAmp32Aux1(v)), Math.abs(rdFits.rdAmp32Aux2(v)), ringdownAmp(c, c.fRDAux), dLorentzian(c, c.fRDAux)];
  const freqs = [c.fInt, 0.5 * (c.fInt + c.fRDAux), c.fRDAux, c.fRDAux];
  const a = new Float64Array(16);
  for (let i = 0; i < 4; i++) {
    let fp = 1;
    if (i < 3) {
      for (let j = 0; j < 4; j++) { a[4 * i + j] = fp; fp *= freqs[i]; }
    } else {
      for (let j = 1; j < 4; j++) { a[4 * i + j] = j * fp; fp *= freqs[i]; }
    }
  }
  return solveLinear(a, vals, 4);
}

/**
 * Amplitude coefficients of one mode (q = m1/m2 >= 1). `spherical32` (the (3,2) only) returns |h32|/amp0 at f in
 * the ringdown from the coefficients so far; it fixes the intermediate end value and slope.
 */
export function ampCoefficients(
  s: PhenomXSystem, q: number, v: HMFitVars, mode: HMMode, s22: { fRing: number; fDamp: number },
  spherical32?: (c: HMAmpCoefficients, f: number) => number,
): HMAmpCoefficients {
  const ampNorm = Math.sqrt(2 / 3) * Math.sqrt(s.eta) * PI_POWERS.mOneSixth;
  const pn = pnAmplitude(s, mode);
  const fIns = inspiralEnd(s, q, mode);
  const fi = powers(fIns);
  const c: HMAmpCoefficients = {
    ampNorm, pnDominant: ampNorm * Math.pow(2 / mode.emm, -7 / 6), pn: pn.coeffs, pnScale: pn.globalFactor,
    fIns, fIns73: fi.sevenThirds, fIns83: fi.eightThirds, fIns3: fi.three, insC: new Float64Array(3),
    fInt: mode.mixing ? s22.fRing - 0.5 * s22.fDamp : mode.fRing - mode.fDamp, inter: new Float64Array(0),
    fRing: mode.fRing, fDamp: mode.fDamp, rd0: 0, rd1: 0, rd2: 0, fFalloff: mode.fRing + 2 * mode.fDamp, rdFall: 0, rdFallRate: 0,
    fRDAux: mode.fRing - mode.fDamp, aux: null,
  };
  inspiralCoefficients(c, v, mode);
  if (mode.rdAmpVersion === 1) {
    c.rd0 = Math.abs(rdFits.rdAmp32Alambda(v));
    c.rd1 = rdFits.rdAmp32Lambda(v);
    c.rd2 = rdFits.rdAmp32Sigma(v);
  } else {
    ringdownFromValues(c, v, mode);
  }
  c.rdFall = lorentzian(c, c.fFalloff);
  c.rdFallRate = (-1 * dLorentzian(c, c.fFalloff)) / c.rdFall;
  if (mode.mixing) c.aux = ringdownAux(c, v);
  c.inter = intermediateCoefficients(c, v, mode, spherical32 === undefined ? undefined : (f) => spherical32(c, f));
  return c;
}

/** Intermediate polynomial through LAL's equispaced nodes (version digits in mode.interNodes). */
function intermediateCoefficients(c: HMAmpCoefficients, v: HMFitVars, mode: HMMode, spherical32?: (f: number) => number): Float64Array {
  const nodes = mode.interNodes;
  const nNodes = nodes.length;
  const nCoef = nodes.reduce((a, b) => a + b, 0);
  const step = (c.fInt - c.fIns) / (nNodes - 1);
  const freqs: number[] = [];
  const vals: number[] = [];
  const insAt = (f: number): number => inspiralAmp(c, powers(f));
  const rdAt = spherical32 ?? ((f: number): number => ringdownAmp(c, f));
  for (let i = 0; i < nNodes; i++) {
    if (nodes[i] === 0) continue;
    const f = c.fIns + step * i;
    if (i === 0) vals.push(insAt(c.fIns));
    else if (i === nNodes - 1) vals.push(rdAt(c.fInt));
    else vals.push(Math.abs(INTER[mode.modeInt][i - 1](v)));
    freqs.push(f);
    if (nodes[i] === 2) {
      freqs.push(f);
      if (i === 0) vals.push(numericalDerivative(insAt, c.fIns));
      else vals.push(spherical32 !== undefined ? numericalDerivative(spherical32, c.fInt) : dLorentzian(c, c.fInt));
    }
  }
  const a = new Float64Array(nCoef * nCoef);
  let row = 0;
  for (let i = 0; i < nNodes; i++) {
    if (nodes[i] === 0) continue;
    const f = freqs[row];
    const m76 = Math.pow(f, -7 / 6);
    let fp = 1;
    for (let j = 0; j < nCoef; j++) { a[row * nCoef + j] = fp * m76; fp *= f; }
    row++;
    if (nodes[i] === 2) {
      fp = 1 / f;
      for (let j = 0; j < nCoef; j++) { a[row * nCoef + j] = (j - 7 / 6) * fp * m76; fp *= f; }
      row++;
    }
  }
  return solveLinear(a, vals, nCoef);
}

/** Amplitude of the mode at f outside the (3,2) ringdown (inspiral, intermediate, ringdown; clamped to 1e-15). */
export function hmAmplitude(c: HMAmpCoefficients, p: Powers): number {
  const f = p.itself;
  let amp: number;
  if (f < c.fIns) amp = inspiralAmp(c, p);
  else if (f >= c.fInt) amp = ringdownAmp(c, f);
  else amp = intermediateAmp(c, p);
  return amp < 0 ? FALSE_ZERO : amp;
}
