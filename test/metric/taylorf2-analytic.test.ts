import { describe, it, expect } from 'vitest';
import { symmetricEigen } from '../../src/core/linalg.js';
import { taylorF2AlignedPhasing } from '../../src/waveforms/pn-phasing.js';
import { MTSUN_SI } from '../../src/core/constants.js';
import { MetricWorkspace } from '../../src/metric/workspace.js';
import { metricMatrix } from '../../src/metric/metric.js';
import { centralStencil } from '../../src/metric/stencil.js';
import { type VariableFormat } from '../../src/coordinates/index.js';

/*
 * TaylorF2 with the 0PN amplitude and a fixed upper frequency: Psi(f) is linear in the "lambda"
 * coordinates (coefficients of f^{(k-5)/3} and f^{(k-5)/3} ln f), |h|^2 ∝ f^{-7/3}, so the phase- and
 * time-maximised metric is G_theta = J^T G_lambda J with the constant moment metric
 *   G_lambda_ab = 1/2 [<phi_a phi_b> - <phi_a><phi_b> - cov(phi_a, f) cov(phi_b, f) / var(f)],
 * <x> = sum_k W_k x_k / sum_k W_k, W_k = f_k^{-7/3} / S_k (pycbc tmpltbank calc_moments.py; notes section 4).
 */

const F_MIN = 20;
const F_MAX = 256;
const DF = 0.25;

/** lambda(theta): coefficients of the 9 non-constant basis functions of f in Psi. */
function lambdas(format: VariableFormat, theta: ArrayLike<number>): number[] {
  const c = format.toPhysical(theta);
  const series = taylorF2AlignedPhasing(c.m1, c.m2, c.s1z, c.s2z);
  const piM = Math.PI * (c.m1 + c.m2) * MTSUN_SI;
  const out: number[] = [];
  for (let k = 0; k < 8; k++) {
    if (k === 5) continue;
    const scale = piM ** ((k - 5) / 3);
    out.push((series.v[k] + (series.vlogv[k] * Math.log(piM)) / 3) * scale);
  }
  for (const k of [5, 6]) out.push((series.vlogv[k] * piM ** ((k - 5) / 3)) / 3);
  return out;
}

function basis(f: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < 8; k++) if (k !== 5) out.push(f ** ((k - 5) / 3));
  out.push(Math.log(f), f ** (1 / 3) * Math.log(f));
  return out;
}

function analyticMetric(ws: MetricWorkspace, theta: number[]): Float64Array {
  const format = ws.format;
  const D = format.D;
  const L = 9;
  // moments over the bins TaylorF2 fills inside the band
  const { kmin, kmax, invPsd } = ws.match;
  const kStart = Math.max(kmin, Math.ceil(F_MIN / DF));
  let sw = 0, sf = 0, sff = 0;
  const s1 = new Float64Array(L), sfp = new Float64Array(L), spp = new Float64Array(L * L);
  for (let k = kStart; k < kmax; k++) {
    const f = k * DF;
    const w = invPsd[k - kmin] * f ** (-7 / 3);
    if (w === 0) continue;
    const p = basis(f);
    sw += w; sf += w * f; sff += w * f * f;
    for (let a = 0; a < L; a++) {
      s1[a] += w * p[a];
      sfp[a] += w * f * p[a];
      for (let b = 0; b < L; b++) spp[a * L + b] += w * p[a] * p[b];
    }
  }
  const varF = sff / sw - (sf / sw) ** 2;
  const G = new Float64Array(L * L);
  for (let a = 0; a < L; a++) {
    for (let b = 0; b < L; b++) {
      const cov = spp[a * L + b] / sw - (s1[a] / sw) * (s1[b] / sw);
      const ca = sfp[a] / sw - (sf / sw) * (s1[a] / sw);
      const cb = sfp[b] / sw - (sf / sw) * (s1[b] / sw);
      G[a * L + b] = 0.5 * (cov - (ca * cb) / varF);
    }
  }
  // J = d lambda / d theta by an 8th-order central difference of the closed-form map
  const st = centralStencil(8);
  const J = new Float64Array(L * D);
  for (let i = 0; i < D; i++) {
    const h = 1e-4 * Math.max(Math.abs(theta[i]), 0.1);
    for (let j = 0; j < st.offsets.length; j++) {
      const x = theta.slice();
      x[i] += st.offsets[j] * h;
      const lam = lambdas(format, x);
      for (let a = 0; a < L; a++) J[a * D + i] += (st.coefficients[j] * lam[a]) / h;
    }
  }
  const M = new Float64Array(D * D);
  for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) {
    let s = 0;
    for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) s += J[a * D + i] * G[a * L + b] * J[b * D + j];
    M[i * D + j] = s;
  }
  return M;
}

describe('TaylorF2 metric against the analytic lambda-coordinate metric', () => {
  const cases: [string, number[]][] = [
    ['mceta_nonspinning', [8.7, 0.2222]],
    ['Mq_nonspinning', [12, 3]],
    ['Mq_chi', [20, 2, 0.3]],
    ['Mq_s1z', [6, 1.5, -0.4]],
  ];
  for (const [fmt, theta] of cases) {
    it(`equals J^T G_lambda J to 1e-3 in every eigenvalue in ${fmt} at [${theta}]`, () => {
      const ws = new MetricWorkspace({
        variableFormat: fmt, approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false,
        fMinHz: F_MIN, fMaxHz: F_MAX, df: DF, order: 4, step: 1e-5,
      });
      const numeric = symmetricEigen(metricMatrix(ws, theta, 'hessian'), ws.format.D).values;
      const analytic = symmetricEigen(analyticMetric(ws, theta), ws.format.D).values;
      for (let i = 0; i < ws.format.D; i++) {
        expect(analytic[i]).toBeGreaterThan(0);
        expect(Math.abs(numeric[i] / analytic[i] - 1), `eigenvalue ${i}: ${numeric[i]} vs ${analytic[i]}`).toBeLessThan(1e-3);
      }
    });
  }
  it('is the same metric for symphony and hessian for a 22-only face-on model (hx = -i h+)', () => {
    const ws = new MetricWorkspace({ variableFormat: 'Mq_chi', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: F_MIN, fMaxHz: F_MAX, df: DF });
    const a = metricMatrix(ws, [20, 2, 0.3], 'hessian');
    const b = metricMatrix(ws, [20, 2, 0.3], 'symphony');
    for (let i = 0; i < a.length; i++) expect(Math.abs(b[i] - a[i])).toBeLessThan(1e-8 * Math.abs(a[0]) + 1e-8 * Math.abs(a[i]));
  });
  it('gives iota no metric for a 22-only model, whose symphony metric equals the hessian at any inclination', () => {
    const ws = new MetricWorkspace({ variableFormat: 'Mq_chi_iota', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: F_MIN, fMaxHz: F_MAX, df: DF });
    const h = metricMatrix(ws, [20, 2, 0.3, 1.2], 'hessian');
    const s = metricMatrix(ws, [20, 2, 0.3, 1.2], 'symphony');
    // the normalised 22 waveform does not depend on iota: zero row and column
    for (let j = 0; j < 4; j++) expect(Math.abs(h[3 * 4 + j])).toBeLessThan(1e-6 * Math.sqrt(h[0]));
    // inclined 22-only: (h+, hx) spans the same plane as (h+, i h+), so symphony = hessian
    for (let i = 0; i < 9; i++) expect(Math.abs(s[i] - h[i])).toBeLessThan(1e-6 * h[0]);
  });
});
