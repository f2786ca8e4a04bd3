import { describe, it, expect } from 'vitest';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { regionFromRanges, type RangeOptions } from '../../src/coordinates/box.js';
import { selectBackend } from '../../src/flow/backend.js';
import { PoolMetricField } from '../../src/pipeline/metric-pool.js';
import { flowForRegion, heldOutError, trainFromMetric, type RoundRecord } from '../../src/pipeline/train-from-metric/active-learning.js';

const metric = { variableFormat: 'Mq_nonspinning', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 1 };
const ranges: RangeOptions = { mtot: [10, 30], q: [1, 4] };

describe('trainFromMetric (active-learning density regression)', () => {
  it('lowers the held-out log-pdf error across rounds on a 2D TaylorF2 problem, reusing every metric evaluation', async () => {
    await selectBackend('auto');
    const region = regionFromRanges(getVariableFormat(metric.variableFormat), ranges);
    const field = new PoolMetricField({ metric, metricType: 'hessian', ranges }, 2, 0);
    const flow = flowForRegion(region, { nLayers: 1, hiddenFeatures: 8, seed: 1 });
    const rounds: RoundRecord[] = [];
    try {
      const res = await trainFromMetric({
        field, region, flow, budget: 500, initialPoints: 200, validationFraction: 0.3, roundPoints: 100,
        stepsPerRound: 150, firstRoundSteps: 30, batchSize: 128, learningRate: 5e-3, validationStep: 25, seed: 3,
        patienceRounds: 10, onRound: (r) => rounds.push(r),
      });
      // every evaluation is either held out or in the replay set (none thrown away, none recomputed)
      expect(field.evaluations).toBe(res.evaluations);
      expect(res.evaluations).toBe(500);
      expect(res.train.n + res.validation.n + rounds.reduce((s, r) => s + r.dropped, 0)).toBe(500);
      expect(rounds.length).toBe(4);
      expect(rounds.slice(1).every((r) => r.fromFlow === 50 && r.fromPrior === 50)).toBe(true);
      expect(rounds.map((r) => r.replaySize)).toEqual([...rounds.map((r) => r.replaySize)].sort((a, b) => a - b));
      const first = rounds[0].heldOutStd;
      const last = rounds[rounds.length - 1].heldOutStd;
      expect(last).toBeLessThan(0.7 * first);
      // ln sqrt det M varies by several nats over this box; a useful flow is accurate to a fraction of a nat
      expect(last).toBeLessThan(0.25);
      // the flow ends with the weights of the round with the lowest held-out error
      const bestStd = Math.min(...rounds.map((r) => r.heldOutStd));
      expect(rounds[res.bestRound].heldOutStd).toBe(bestStd);
      expect(heldOutError(flow, res.validation).std).toBeCloseTo(bestStd, 4);
    } finally {
      await field.close();
      flow.dispose();
    }
  }, 120_000);
});
