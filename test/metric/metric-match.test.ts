import { describe, it, expect } from 'vitest';
import { metricMatch, metricDistanceSq } from '../../src/metric/metric-match.js';
import { describeMetric, checkMetricType } from '../../src/metric/metric.js';

describe('metric match and metric description', () => {
  it('is 1 - dtheta^T M dtheta', () => {
    const M = [2, 0.5, 0.5, 1];
    expect(metricDistanceSq(M, [0.1, -0.2])).toBeCloseTo(2 * 0.01 + 2 * 0.5 * 0.1 * -0.2 + 0.04, 15);
    expect(metricMatch(M, [1, 1], [1.1, 0.8])).toBeCloseTo(1 - metricDistanceSq(M, [0.1, -0.2]), 15);
    expect(() => metricDistanceSq([1, 2, 3], [1, 2])).toThrow(/metric length = 3/);
  });

  it('flags a metric that is not positive definite and never gives it a finite logPdf', () => {
    const bad = describeMetric(Float64Array.from([1, 0, 0, -0.5]), 2, true);
    expect(bad.positiveDefinite).toBe(false);
    expect(bad.det).toBeCloseTo(-0.5, 15);
    expect(Number.isNaN(bad.logPdf)).toBe(true);
    const good = describeMetric(Float64Array.from([4, 1, 1, 2]), 2, true);
    expect(good.positiveDefinite).toBe(true);
    expect(good.logPdf).toBeCloseTo(0.5 * Math.log(7), 14);
    expect(describeMetric(Float64Array.from([4, 1, 1, 2]), 2, false).logPdf).toBe(-Infinity);
    expect(() => checkMetricType('fisher')).toThrow(/metric-type = "fisher": unknown; use one of hessian, symphony, parabolic_fit_hessian/);
  });
});
