import { describe, it, expect } from 'vitest';
import { MTSUN_SI } from '../../src/core/constants.js';
import { symmetricEigen } from '../../src/core/linalg.js';
import { centralStencil, oneSidedStencil, chooseStencil, derivativeCoefficients, checkOrder } from '../../src/metric/stencil.js';
import { metricMatrix } from '../../src/metric/metric.js';
import { computeMetric } from '../../src/metric/compute.js';
import { MetricWorkspace } from '../../src/metric/workspace.js';
import { getVariableFormat, regionFromRanges } from '../../src/coordinates/index.js';

describe('finite-difference stencils', () => {
  it('reproduce mbank central coefficients and differentiate polynomials of their order exactly (central and one-sided)', () => {
    expect(centralStencil(4).coefficients.map((c) => c * 12)).toEqual([1, -8, 8, -1].map((c) => expect.closeTo(c, 12)));
    expect(centralStencil(6).coefficients.map((c) => c * 60)).toEqual([-1, 9, -45, 45, -9, 1].map((c) => expect.closeTo(c, 12)));
    for (const order of [2, 4, 6, 8] as const) {
      for (const st of [centralStencil(order), oneSidedStencil(order, 1), oneSidedStencil(order, -1)]) {
        for (let p = 0; p <= order; p++) {
          // d/dx x^p at x0 = 0.3 with step 0.1
          const x0 = 0.3, h = 0.1;
          const d = st.offsets.reduce((s, o, j) => s + st.coefficients[j] * (x0 + o * h) ** p, 0) / h;
          expect(d).toBeCloseTo(p === 0 ? 0 : p * x0 ** (p - 1), 9);
        }
      }
    }
    expect(derivativeCoefficients([0, 1])).toEqual([-1, 1]);
    expect(() => checkOrder(3)).toThrow(/fd-order = 3: must be one of 2, 4, 6, 8/);
  });

  it('steps one-sided next to q = 1 and |chi| = 1, and keeps central stencils inside', () => {
    const f = getVariableFormat('Mq_chi');
    expect(chooseStencil(2, 1e-3, f.domains[1], 4)!.stencil.offsets).toEqual([-2, -1, 1, 2]);
    expect(chooseStencil(1, 1e-3, f.domains[1], 4)!.stencil.offsets).toEqual([0, 1, 2, 3, 4]);
    expect(chooseStencil(0.9999, 1e-3, f.domains[2], 2)!.stencil.offsets).toEqual([0, -1, -2]);
  });
});

describe('metric next to the physical boundary and the IMRPhenomD cutoff', () => {
  const settings = { approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25 };

  it('never evaluates a waveform at q < 1 or |chi| >= 1, and is continuous into q = 1 and chi -> 1', () => {
    const ws = new MetricWorkspace({ variableFormat: 'Mq_chi', ...settings, order: 4 });
    const seen: number[][] = [];
    const original = ws.waveform.bind(ws);
    ws.waveform = (theta) => { seen.push(Array.from(theta)); return original(theta); };
    const atEdge = metricMatrix(ws, [30, 1, 0.9999999], 'hessian');
    expect(seen.length).toBe(1 + 4 * 3); // centre + 4 new points per coordinate (order 4)
    for (const t of seen) { expect(t[1]).toBeGreaterThanOrEqual(1); expect(t[2]).toBeLessThan(1); }
    // the (M, chi) block is continuous into the corner; the q row vanishes at q = 1 (eta is stationary there)
    const inside = metricMatrix(ws, [30, 1 + 1e-6, 0.999999], 'hessian');
    for (const i of [0, 2, 6, 8]) expect(Math.abs(atEdge[i] / inside[i] - 1)).toBeLessThan(1e-3);
    const away = metricMatrix(ws, [30, 1.01, 0.999], 'hessian');
    expect(Math.abs(atEdge[4])).toBeLessThan(1e-6 * away[4]);
    expect(Math.abs(inside[1] / away[1] - 1e-4)).toBeLessThan(2e-5); // d(metric)/dq ~ linear in q - 1
  });

  it('has no spurious derivative when the Mf = 0.2 cutoff crosses a bin inside the stencil', () => {
    // total mass that puts IMRPhenomD's last frequency 0.2/(M MTSUN_SI) exactly on bin k = 1200 (300 Hz)
    const mStar = 0.2 / (MTSUN_SI * 300);
    const ws = new MetricWorkspace({ variableFormat: 'Mq_s1z_s2z', ...settings });
    const hAbove = ws.waveform([mStar * (1 - 1e-7), 3, 0.2, 0.1]).hp;
    const hBelow = ws.waveform([mStar * (1 + 1e-7), 3, 0.2, 0.1]).hp;
    expect(hAbove[2 * 1199]).not.toBe(0); // the stencil does cross the cutoff: bin 1199 is filled on one side only
    expect(hBelow[2 * 1199]).toBe(0);
    const crossing = symmetricEigen(metricMatrix(ws, [mStar, 3, 0.2, 0.1], 'hessian'), 4).values;
    const clear = symmetricEigen(metricMatrix(ws, [mStar * (1 + 5e-6), 3, 0.2, 0.1], 'hessian'), 4).values;
    for (let i = 0; i < 4; i++) expect(Math.abs(crossing[i] / clear[i] - 1), `eigenvalue ${i}`).toBeLessThan(1e-3);
  });

  it('reports logPdf = 0.5 ln det M inside the region and -Infinity outside', () => {
    const ws = new MetricWorkspace({ variableFormat: 'Mq_chi', ...settings });
    const region = regionFromRanges(ws.format, { mtot: [20, 60], q: [1, 5] });
    const r = computeMetric(ws, [40, 2, 0.1], 'hessian', region);
    expect(r.positiveDefinite).toBe(true);
    expect(r.logPdf).toBeCloseTo(0.5 * Math.log(r.det), 12);
    expect(r.det).toBeCloseTo(r.eigenvalues.reduce((a, b) => a * b, 1), 20);
    expect(computeMetric(ws, [70, 2, 0.1], 'hessian', region).logPdf).toBe(-Infinity);
    expect(() => computeMetric(ws, [40, 0.5, 0.1], 'hessian')).toThrow(/q/);
  });
});
