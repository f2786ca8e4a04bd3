/**
 * The Euler angles IMRPhenomXP twists the co-precessing (2,2) mode with, at any frequencies (the XPHM
 * multibanding evaluates them on coarse grids): alpha = phi_z - alphaOffset, epsilon = zeta - epsilonOffset and
 * cos beta = cos theta_L from the MSA system (version 223), or the NNLO expressions after LAL's fall-back (102),
 * at v = cbrt(pi M f) (IMRPhenomXPTwistUp22). For a co-precessing mode (l, m') LAL evaluates them at 2 f / m'.
 */
import { msaAnglesAtV } from './msa.js';
import { nnloAlpha, nnloEpsilon } from './nnlo.js';
import { lOfV, type PrecessionSetup } from './setup.js';

/** alpha, cos beta, epsilon [rad, -, rad] on a list of frequencies. */
export interface PrecessionAngles {
  alpha: Float64Array;
  cosBeta: Float64Array;
  epsilon: Float64Array;
}

/**
 * alpha, cos beta and epsilon at one frequency fHz > 0 [Hz] into out[0..2] (`work`: scratch of length 2; both
 * caller-owned so that the per-bin loops allocate nothing).
 */
export function precessionAnglesAt(s: PrecessionSetup, fHz: number, out: Float64Array, work: Float64Array): void {
  const omega = Math.PI * (s.mSec * fHz);
  anglesAtOmega(s, omega, Math.cbrt(omega), out, work);
}

/** The angles at v = cbrt(pi M f) [-] (as precessionAnglesAt; omega = v^3 for the NNLO terms). */
export function precessionAnglesAtV(s: PrecessionSetup, v: number, out: Float64Array, work: Float64Array): void {
  anglesAtOmega(s, v * v * v, v, out, work);
}

/** The angles at omega = pi M f and v = cbrt(omega) into out[0..2] (alpha, cos beta, epsilon). */
function anglesAtOmega(s: PrecessionSetup, omega: number, v: number, out: Float64Array, work: Float64Array): void {
  if (s.msa !== null) {
    msaAnglesAtV(s.msa, v, out, work);
    out[0] -= s.alphaOffset;
    out[1] -= s.epsilonOffset;
    const c = out[2];
    out[2] = out[1];
    out[1] = c;
    return;
  }
  const nn = s.nnlo!;
  const l = lOfV(s.lCoeffs, v, s.eta / v);
  const ratio = s.sPerp / (l + s.sL);
  out[0] = nnloAlpha(nn, omega) - s.alphaOffset;
  out[1] = (l + s.sL < 0 ? -1 : 1) / Math.sqrt(1 + ratio * ratio);
  out[2] = nnloEpsilon(nn, omega) - s.epsilonOffset;
}

/** The angles at every frequency of fHz (all > 0) [Hz]; `out` (each array at least fHz.length long) is filled when given. */
export function precessionAngles(s: PrecessionSetup, fHz: Float64Array, out?: PrecessionAngles): PrecessionAngles {
  const n = fHz.length;
  const res = out ?? { alpha: new Float64Array(n), cosBeta: new Float64Array(n), epsilon: new Float64Array(n) };
  const a = new Float64Array(3);
  const w = new Float64Array(2);
  for (let k = 0; k < n; k++) {
    precessionAnglesAt(s, fHz[k], a, w);
    res.alpha[k] = a[0];
    res.cosBeta[k] = a[1];
    res.epsilon[k] = a[2];
  }
  return res;
}
