/**
 * Piecewise Chebyshev interpolants of the MSA angles in v = cbrt(pi M f) over a waveform's band, so that the
 * per-bin cost is three Clenshaw sums instead of LAL's per-frequency MSA evaluation (cubic roots, Jacobi sn,
 * logs and arctangents). The angles are smooth in v over most of a band (no oscillation: the precession phase
 * psi moves by a few radians), so SEGMENTS pieces (uniform in v^2; or a given number uniform in log v, which
 * resolves the low frequencies better) of NODES Chebyshev nodes reach rounding level (~1e-14 rad). Each piece is checked against the direct evaluation at three points between its nodes; a piece
 * whose check misses by more than CHECK_TOL, or where a node meets one of LAL's non-smooth steps (|cos beta|
 * clamped at 1, a NaN replaced by 0, the kinks of its |.| and root switches, which the checks see), is marked
 * and its frequencies are evaluated directly.
 */
import { precessionAnglesAtV } from './angles.js';
import type { PrecessionSetup } from './setup.js';

/** Pieces of the band (uniform in v^2, IMRPhenomXP's layout) and Chebyshev nodes per piece. */
const SEGMENTS = 16;
const NODES = 12;
/** Accepted check error: 1e-13 of (1 + max |angle|) for alpha and epsilon, 1e-13 for cos beta. */
const CHECK_TOL = 1e-13;
/** Check points per piece, x in [-1, 1] away from the nodes. */
const CHECKS = [-0.6180339887498949, 0.1234567890123457, 0.7548776662466927];

/** cos(pi j (k + 1/2) / NODES) for j, k < NODES (row j), and the nodes x_k = cos(pi (k + 1/2) / NODES). */
const COS = Float64Array.from({ length: NODES * NODES }, (_, i) => Math.cos((Math.PI * Math.floor(i / NODES) * ((i % NODES) + 0.5)) / NODES));
const XK = Float64Array.from({ length: NODES }, (_, k) => Math.cos((Math.PI * (k + 0.5)) / NODES));

/** The interpolant: piece boundaries in v, the coefficients [piece][angle][j] and which pieces passed. */
export interface AngleInterpolant {
  bounds: Float64Array;
  coeffs: Float64Array;
  /** 1 where the piece is used, 0 where its frequencies are evaluated directly. */
  ok: Uint8Array;
}

/** Chebyshev coefficients of the three angles on [a, b] (NODES nodes of the first kind). */
function fitPiece(s: PrecessionSetup, a: number, b: number, coeffs: Float64Array, offset: number, scale: Float64Array): boolean {
  const vals = new Float64Array(3 * NODES);
  const out = new Float64Array(3);
  const work = new Float64Array(2);
  for (let k = 0; k < NODES; k++) {
    precessionAnglesAtV(s, 0.5 * (a + b) + 0.5 * (b - a) * XK[k], out, work);
    if (!(Number.isFinite(out[0]) && Number.isFinite(out[1]) && Number.isFinite(out[2]))) return false;
    if (out[0] === 0 || out[2] === 0 || Math.abs(out[1]) > 1 - 1e-10) return false;
    for (let i = 0; i < 3; i++) {
      vals[i * NODES + k] = out[i];
      scale[i] = Math.max(scale[i], Math.abs(out[i]));
    }
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < NODES; j++) {
      let sum = 0;
      for (let k = 0; k < NODES; k++) sum += vals[i * NODES + k] * COS[j * NODES + k];
      coeffs[offset + i * NODES + j] = ((j === 0 ? 1 : 2) / NODES) * sum;
    }
  }
  return true;
}

/** How the band is cut: `segments` pieces uniform in v^2 ('v2') or in log v ('log'). */
export interface InterpolantLayout {
  segments: number;
  spacing: 'v2' | 'log';
}

/**
 * The interpolant of the angles for v in [cbrt(pi M fLoHz), cbrt(pi M fHiHz)], or null when the MSA system is not
 * in use (NNLO angles are cheap), the band is empty or not positive, or the checks fail (see the file header).
 * The default layout (16 pieces uniform in v^2) is IMRPhenomXP's.
 */
export function buildAngleInterpolant(
  s: PrecessionSetup, fLoHz: number, fHiHz: number, layout: InterpolantLayout = { segments: SEGMENTS, spacing: 'v2' },
): AngleInterpolant | null {
  // null: no piece usable
  if (s.msa === null || !(fLoHz > 0) || !(fHiHz > fLoHz)) return null;
  const vLo = Math.cbrt(Math.PI * (s.mSec * fLoHz));
  const vHi = Math.cbrt(Math.PI * (s.mSec * fHiHz));
  const pieces = layout.segments;
  const bounds = new Float64Array(pieces + 1);
  // uniform in v^2: no piece holds more than ~1/10 of a uniform grid's bins (f ~ v^3), so a piece evaluated
  // directly costs little; uniform in log v: pieces equally fine relative to v, also at low frequencies, where the
  // angles grow like v^-3
  for (let j = 0; j <= pieces; j++) {
    bounds[j] = layout.spacing === 'log' ? vLo * Math.pow(vHi / vLo, j / pieces) : Math.sqrt(vLo * vLo + ((vHi * vHi - vLo * vLo) * j) / pieces);
  }
  bounds[0] = vLo;
  bounds[pieces] = vHi;
  const coeffs = new Float64Array(pieces * 3 * NODES);
  const ok = new Uint8Array(pieces);
  const scale = new Float64Array(3);
  for (let j = 0; j < pieces; j++) ok[j] = fitPiece(s, bounds[j], bounds[j + 1], coeffs, j * 3 * NODES, scale) ? 1 : 0;
  const ip = { bounds, coeffs, ok };
  const exact = new Float64Array(3);
  const approx = new Float64Array(3);
  const work = new Float64Array(2);
  let used = 0;
  for (let j = 0; j < pieces; j++) {
    for (const x of CHECKS) {
      if (ok[j] === 0) break;
      const v = 0.5 * (bounds[j] + bounds[j + 1]) + 0.5 * (bounds[j + 1] - bounds[j]) * x;
      precessionAnglesAtV(s, v, exact, work);
      interpolatedAnglesAtV(ip, v, approx);
      if (!(Math.abs(approx[0] - exact[0]) <= CHECK_TOL * (1 + scale[0]) && Math.abs(approx[1] - exact[1]) <= CHECK_TOL &&
        Math.abs(approx[2] - exact[2]) <= CHECK_TOL * (1 + scale[2]))) ok[j] = 0;
    }
    used += ok[j];
  }
  return used > 0 ? ip : null;
}

/**
 * alpha, cos beta, epsilon at v into out[0..2]; false (out untouched) when v lies outside the interpolant's range
 * or in a piece that failed its checks, to be evaluated directly.
 */
export function interpolatedAnglesAtV(ip: AngleInterpolant, v: number, out: Float64Array): boolean {
  const b = ip.bounds;
  const pieces = b.length - 1;
  if (!(v >= b[0] && v <= b[pieces])) return false;
  // the first piece j with v <= b[j + 1], by bisection
  let j = 0;
  let last = pieces - 1;
  while (j < last) {
    const mid = (j + last) >> 1;
    if (v > b[mid + 1]) j = mid + 1;
    else last = mid;
  }
  if (ip.ok[j] === 0) return false;
  const lo = b[j];
  const hi = b[j + 1];
  const x = (2 * v - (lo + hi)) / (hi - lo);
  const x2 = 2 * x;
  const c = ip.coeffs;
  const o0 = j * 3 * NODES;
  const o1 = o0 + NODES;
  const o2 = o1 + NODES;
  let a1 = 0, a2 = 0, b1 = 0, b2 = 0, e1 = 0, e2 = 0;
  for (let k = NODES - 1; k >= 1; k--) {
    const a0 = x2 * a1 - a2 + c[o0 + k];
    const b0 = x2 * b1 - b2 + c[o1 + k];
    const e0 = x2 * e1 - e2 + c[o2 + k];
    a2 = a1; a1 = a0;
    b2 = b1; b1 = b0;
    e2 = e1; e1 = e0;
  }
  out[0] = x * a1 - a2 + c[o0];
  out[1] = x * b1 - b2 + c[o1];
  out[2] = x * e1 - e2 + c[o2];
  return true;
}
