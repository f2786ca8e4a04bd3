import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../src/core/linalg.js';
import { symphonyMatchRefined } from '../../src/match/symphony-refine.js';
import { computeMetric } from '../../src/metric/compute.js';
import { MetricWorkspace } from '../../src/metric/workspace.js';

/*
 * The symphony metric of IMRPhenomPv2 and IMRPhenomXP in the precessing variable formats against the symphony match
 * it approximates: signal h+(theta + dtheta), template plane (h+, hx)(theta), maximised over a
 * continuous time shift (src/match/symphony-refine.ts; on the lag grid alone a sub-sample delay
 * costs more than the mismatch tested here). Along the stiff eigen-directions of M the quadratic
 * form must predict the mismatch; along the soft ones a 1e-3 mismatch needs large steps where the
 * cubic terms dominate (mbank's paper: the metric underestimates there), so they are not asserted.
 */
const CASES: [string, string, number[]][] = [
  ['IMRPhenomPv2', 'Mq_s1xz', [30, 2.5, 0.6, 1.2]],
  ['IMRPhenomPv2', 'Mq_s1xz_s2z', [30, 2.5, 0.6, 1.2, -0.3]],
  ['IMRPhenomPv2', 'Mq_s1xz_s2z_iota', [30, 2.5, 0.6, 1.2, -0.3, 0.8]],
  ['IMRPhenomPv2', 'logMq_s1xyz_s2z', [Math.log10(30), 2.5, 0.4, 1.2, 0.7, -0.2]],
  ['IMRPhenomXP', 'Mq_s1xz_s2z_iota', [30, 2.5, 0.6, 1.2, -0.3, 0.8]],
  ['IMRPhenomXP', 'logMq_s1xz_s2z_iota', [Math.log10(30), 2.5, 0.6, 1.2, -0.3, 0.8]],
];

describe('symphony metric of precessing formats (IMRPhenomPv2, IMRPhenomXP)', () => {
  for (const [approximant, format, theta] of CASES) {
    it(`${approximant} ${format}: positive definite, and 1 - match = dtheta^T M dtheta along its two stiffest directions`, () => {
      const ws = new MetricWorkspace({ variableFormat: format, approximant, psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 512, df: 0.25 });
      const r = computeMetric(ws, theta, 'symphony');
      expect(r.positiveDefinite).toBe(true);
      expect(Number.isFinite(r.logPdf)).toBe(true);
      const D = theta.length;
      const { values, vectors } = symmetricEigen(r.metric, D);
      const centre = ws.waveform(theta);
      const target = 1e-3;
      for (const k of [D - 1, D - 2]) {
        const step = Math.sqrt(target / values[k]);
        const ratios = [1, -1].map((sign) => {
          const p = theta.map((x, a) => x + sign * step * vectors[a * D + k]);
          const m = symphonyMatchRefined(ws.match, centre.hp, centre.hc, ws.waveform(p).hp).match;
          return (1 - m) / target;
        });
        const mean = 0.5 * (ratios[0] + ratios[1]); // the cubic term cancels in the mean
        expect(mean).toBeGreaterThan(k === D - 1 ? 0.95 : 0.85);
        expect(mean).toBeLessThan(k === D - 1 ? 1.05 : 1.15);
      }
    });
  }
});
