import { describe, it, expect } from 'vitest';
import { uniformGrid } from '../../src/core/grid.js';
import { loadPsd } from '../../src/psd/resolve.js';
import { bandIndices } from '../../src/match/band.js';
import { gaussLegendre, QuadratureRule, DEFAULT_QUADRATURE } from '../../src/metric/quadrature.js';
import { compareMetricGrids } from '../../src/metric/grid-agreement.js';
import { MetricWorkspace, resolveMetricGrid } from '../../src/metric/workspace.js';
import { computeMetric } from '../../src/metric/compute.js';
import { getModel } from '../../src/waveforms/registry.js';
import type { WaveformModel } from '../../src/waveforms/types.js';

/** The default problem's band: O3 Hanford (lines included), 15-1024 Hz, df = 0.25 Hz. */
function o3Band() {
  const grid = uniformGrid(0.25, 1024);
  const psd = loadPsd('aligo_O3actual_H1', { asd: true }).onGrid(grid.frequencies);
  const { kmin, kmax } = bandIndices(0.25, grid.frequencies.length, 15, 1024);
  const invPsd = new Float64Array(kmax - kmin);
  for (let k = kmin; k < kmax; k++) invPsd[k - kmin] = Number.isFinite(psd[k]) ? 1 / psd[k] : 0;
  return { f: grid.frequencies, invPsd, kmin, kmax };
}

/** sum_{k in [kmin, kCut)} F(f_k)/S_k and the rule's sum_j W_j F(nu_j). */
function sums(rule: QuadratureRule, band: ReturnType<typeof o3Band>, F: (f: number) => number, kCut: number): [number, number] {
  let exact = 0;
  for (let k = band.kmin; k < Math.min(kCut, band.kmax); k++) exact += band.invPsd[k - band.kmin] * F(band.f[k]);
  const n = rule.select(kCut);
  let q = 0;
  for (let j = 0; j < n; j++) q += rule.weights[j] * F(rule.freqs[j]);
  return [exact, q];
}

describe('Gauss-Legendre nodes', () => {
  it('integrate every polynomial of degree < 2n exactly on [-1, 1]', () => {
    for (const n of [1, 5, 10, 16]) {
      const { x, w } = gaussLegendre(n);
      for (let d = 0; d < 2 * n; d++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += w[j] * x[j] ** d;
        expect(Math.abs(s - (d % 2 === 0 ? 2 / (d + 1) : 0))).toBeLessThan(1e-13); // achieved 9e-16
      }
    }
  });
});

describe('quadrature rule over the uniform band', () => {
  const band = o3Band();
  const rule = new QuadratureRule(band.f, band.invPsd, band.kmin, band.kmax, 15);

  it(`has ${DEFAULT_QUADRATURE.panels} panels and at most ${DEFAULT_QUADRATURE.panels * DEFAULT_QUADRATURE.nodes} ascending nodes inside [15, 1024) Hz`, () => {
    const n = rule.select(band.kmax);
    expect(n).toBe(rule.fullCount);
    expect(n).toBeLessThanOrEqual(DEFAULT_QUADRATURE.panels * DEFAULT_QUADRATURE.nodes);
    expect(n).toBeGreaterThan(200);
    for (let j = 1; j < n; j++) expect(rule.freqs[j]).toBeGreaterThan(rule.freqs[j - 1]);
    expect(rule.freqs[0]).toBeGreaterThanOrEqual(15);
    expect(rule.freqs[n - 1]).toBeLessThan(1024);
  });

  it('sums a polynomial in ln f of degree < nodes as the uniform grid does, spectral lines of the PSD included, with and without a cut-off', () => {
    const F = (f: number) => { const u = Math.log(f) - 4; return 1 + u * (0.3 + u * (-0.2 + u * (0.05 + u * u * u * 0.01))); };
    for (const kCut of [band.kmax, 3250, 3001, 1237, 70]) { // no cut, inside panels, near the low end
      const [exact, q] = sums(rule, band, F, kCut);
      expect(Math.abs(q / exact - 1), `kCut ${kCut}`).toBeLessThan(1e-12); // achieved 2e-15
    }
  });

  it('sums the power laws f^(-7/3), f^(-17/3), f^(-1/3) (inspiral integrands) as the uniform grid does to 1e-12', () => {
    for (const F of [(f: number) => f ** (-7 / 3), (f: number) => f ** (-17 / 3), (f: number) => f ** (-1 / 3)]) {
      for (const kCut of [band.kmax, 3250]) {
        const [exact, q] = sums(rule, band, F, kCut);
        expect(Math.abs(q / exact - 1)).toBeLessThan(1e-12); // achieved 5e-15
      }
    }
  });
});

describe('metric on the quadrature grid', () => {
  const common = { psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25 };

  it('is the default for models with generateAt, uniform otherwise; quadrature without generateAt names the model', () => {
    const uniformOnly: WaveformModel = { name: 'UniformOnly', precessing: false, only22: true, generate: getModel('IMRPhenomD').generate };
    expect(resolveMetricGrid({}, getModel('IMRPhenomD'))).toBe('quadrature');
    expect(resolveMetricGrid({}, uniformOnly)).toBe('uniform');
    expect(resolveMetricGrid({ metricGrid: 'uniform' }, getModel('IMRPhenomD'))).toBe('uniform');
    expect(() => resolveMetricGrid({ metricGrid: 'gauss' as never }, uniformOnly)).toThrow(/metric-grid.*gauss.*uniform, quadrature/);
    expect(new MetricWorkspace({ ...common, variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD' }).metricGrid).toBe('quadrature');
  });

  it('recomputes on the uniform grid a point whose waveform kinks inside a panel (IMRPhenomPv2 where L + S_L changes sign), and only such points', () => {
    const options = { ...common, variableFormat: 'Mq_s1xz_s2z_iota', approximant: 'IMRPhenomPv2' };
    const quadrature = new MetricWorkspace(options);
    const uniform = new MetricWorkspace({ ...options, metricGrid: 'uniform' });
    const smooth = [35, 2.5, 0.7, 1.1, -0.4, 0.8];
    const kinked = [20.751, 3.654, 0.836, 2.993, -0.887, 2.673]; // s1 anti-aligned at q = 3.7: L + S_L = 0 near 300 Hz
    computeMetric(quadrature, smooth, 'symphony');
    expect(quadrature.quadratureFallbacks).toBe(0);
    expect(quadrature.lastQuadratureTail).toBeLessThan(1e-4); // achieved 2e-5
    const m = computeMetric(quadrature, kinked, 'symphony');
    expect(quadrature.lastQuadratureTail).toBeGreaterThan(3e-4); // achieved 9e-4
    expect(quadrature.quadratureFallbacks).toBe(1);
    expect(Array.from(m.metric)).toEqual(Array.from(computeMetric(uniform, kinked, 'symphony').metric));
  });

  // issue 17's acceptance criteria (the full 1000-point check: bench/metric-quadrature-agreement.ts)
  it('agrees with the 4097-bin metric of the default problem at 100 random points: 0.5 ln det M within 0.01, whitened eigenvalues within 1e-3', () => {
    const a = compareMetricGrids({ ...common, variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD' }, 'hessian',
      { mtot: [25, 50], q: [1, 4], s1: [-0.9, 0.9], s2: [-0.9, 0.9] }, 100, 7);
    expect(a.compared).toBe(100);
    expect(a.maxLogPdfDiff).toBeLessThan(0.01); // the bound; achieved 1e-4
    expect(a.maxWhitenedDev).toBeLessThan(1e-3); // the bound; achieved 2.2e-4 (kinks of the model at its region joins)
  });

  it('agrees with the 4097-bin symphony metric of the precessing-small problem at 100 random points where the uniform metric is resolved', () => {
    const a = compareMetricGrids({ ...common, variableFormat: 'Mq_s1xz_s2z_iota', approximant: 'IMRPhenomPv2' }, 'symphony',
      { mtot: [20, 50], q: [1, 4], s1: [0, 0.9], theta: [0, Math.PI], s2: [-0.9, 0.9], iota: [0, Math.PI] }, 100, 7, 1e-4);
    expect(a.compared).toBe(100);
    // points with s1 sin(theta1) -> 0 have an almost flat theta1 direction whose uniform-grid eigenvalue is
    // finite-difference noise (it moves by > 1e-4 when the step doubles or halves): compared among the others
    expect(a.noiseLimited).toBeLessThan(10); // achieved 2
    expect(a.maxLogPdfDiffResolved).toBeLessThan(0.01); // the bound; achieved 9e-5
    expect(a.maxWhitenedDevResolved).toBeLessThan(1e-3); // the bound; achieved 2.3e-4
  });

  it('agrees with the 4097-bin symphony metric for IMRPhenomXP (MSA angles) at 20 random precessing points', () => {
    const a = compareMetricGrids({ ...common, variableFormat: 'Mq_s1xz_s2z_iota', approximant: 'IMRPhenomXP' }, 'symphony',
      { mtot: [20, 50], q: [1, 4], s1: [0, 0.9], theta: [0, Math.PI], s2: [-0.9, 0.9], iota: [0, Math.PI] }, 20, 7);
    expect(a.compared).toBe(20);
    expect(a.fallbacks).toBe(0);
    expect(a.maxLogPdfDiff).toBeLessThan(0.01); // the bound; achieved 1.2e-4 (40 points)
    expect(a.maxWhitenedDev).toBeLessThan(1e-3); // the bound; achieved 3.1e-4 (40 points)
  });
});
