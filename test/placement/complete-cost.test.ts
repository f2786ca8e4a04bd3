/**
 * What the completion's cost cuts must keep (src/placement/complete.ts, hole-probes.ts): the
 * incremental cell counts of the greedy give the bank the full rescans give, bit for bit; the wide
 * second look of a validation finds coverage the metric neighbourhood cannot see; probes around
 * holes lie in the metric ellipsoid they are drawn from and fill it uniformly.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { metricDistance2 } from '../../src/placement/geometry.js';
import { completeBank, type MatchOracle, type ProbeSource } from '../../src/placement/complete.js';
import { ellipsoidProbes } from '../../src/placement/hole-probes.js';
import { pairOracle, unitSquareProbes, warpedMetric } from './analytic.js';

const MM = 0.97;

/** The warped problem's true match (analytic.ts, k = 3): 1 - |φ(a) - φ(b)|^2. */
function trueMatch(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const phi = (x: ArrayLike<number>) => [3 * Math.exp(1.5 * x[0]), 3 * (x[1] + 0.6 * x[0] * x[0])];
  const [p0, p1] = phi(a);
  const [q0, q1] = phi(b);
  return 1 - ((p0 - q0) ** 2 + (p1 - q1) ** 2);
}

const oracle = pairOracle(trueMatch);
const probes = unitSquareProbes;

const inside = (t: Float64Array) => t[0] >= 0 && t[0] <= 1 && t[1] >= 0 && t[1] <= 1;

describe('completion cost cuts', () => {
  const { field } = warpedMetric(2, 3);

  it('counts cells incrementally between greedy batches and gives the same bank, bit for bit, as full rescans', async () => {
    // a small batch makes many batches per pass (the cached cells are reused the most); a start bank
    // and several rounds exercise cells whose nearest template changes
    const start = Float64Array.from([0.1, 0.1, 0.5, 0.5, 0.9, 0.2]);
    const run = (incrementalScores: boolean) => completeBank({
      minimalMatch: MM, templates: start, metric: field, matches: oracle, probes, inside, rng: new Rng(17), probesPerRound: 1500,
      validationProbes: 500, maxRounds: 4, batch: 8, incrementalScores,
    });
    const a = await run(true);
    const b = await run(false);
    expect(a.count).toBeGreaterThan(100);
    expect(a.rounds).toBeGreaterThan(1);
    expect(a.count).toBe(b.count);
    expect(Buffer.from(a.templates.buffer)).toEqual(Buffer.from(b.templates.buffer));
    expect(a.stats.matches).toBe(b.stats.matches);
  }, 120_000);

  it('validates far-away coverage with validationNeighbourhood: a mirror mode of the match the metric cannot see', async () => {
    // the bank covers the lower half x1 <= 0.5; the match has a second mode at the mirror image x1 -> 1 - x1,
    // so the bank covers the whole square, but the upper half's templates are far in metric distance
    const lowerHalf: ProbeSource = {
      ...probes, corners: undefined, draw(n, rng) {
        const rows = new Float64Array(2 * n);
        for (let i = 0; i < n; i++) [rows[2 * i], rows[2 * i + 1]] = [rng.uniform(), 0.5 * rng.uniform()];
        return { rows, kind: new Uint8Array(n) };
      },
    };
    const half = await completeBank({
      minimalMatch: MM, templates: new Float64Array(0), metric: field, matches: oracle, probes: lowerHalf, inside: (t) => inside(t) && t[1] <= 0.5,
      rng: new Rng(8), completeness: 1, probesPerRound: 1500, validationProbes: 1000, maxRounds: 6,
    });
    const mirrored: MatchOracle = {
      matchPairs(pr, pid, tr) {
        const out = new Float64Array(pid.length);
        for (let i = 0; i < out.length; i++) {
          const p = pr.subarray(2 * i, 2 * i + 2), t = tr.subarray(2 * i, 2 * i + 2);
          out[i] = Math.max(trueMatch(p, t), trueMatch(p, [t[0], 1 - t[1]]));
        }
        return out;
      },
    };
    const validate = (validationNeighbourhood?: number) => completeBank({
      minimalMatch: MM, templates: half.templates, metric: field, matches: mirrored, probes, inside, rng: new Rng(9), maxRounds: 1,
      probesPerRound: 1, validationProbes: 1000, maxTemplates: half.count, validationNeighbourhood,
    });
    const near = await validate();
    const wide = await validate(Infinity);
    expect(near.added).toBe(0);
    expect(wide.added).toBe(0);
    // achieved: 0.561 with the metric neighbourhood (about the lower half), 1 with every template (worst 0 -> 0.970)
    expect(near.completeness.fraction).toBeLessThan(0.7);
    expect(wide.completeness.fraction).toBeGreaterThan(0.99);
    expect(wide.completeness.worst).toBeGreaterThan(near.completeness.worst);
  }, 120_000);

  it('refuses a validation neighbourhood below the candidate neighbourhood, naming the value', async () => {
    await expect(completeBank({
      minimalMatch: MM, templates: new Float64Array(0), metric: field, matches: oracle, probes, inside, rng: new Rng(1), validationNeighbourhood: 2,
    })).rejects.toThrow(/validationNeighbourhood.*2/);
  });

  it('draws hole probes uniformly inside the metric ellipsoid around each centre', () => {
    const D = 3;
    const metric = Float64Array.from([4, 1, 0, 1, 3, 0.5, 0, 0.5, 2]);
    const centres = Float64Array.from([0, 0, 0, 1, -2, 0.5]);
    const n = 20000;
    const r2 = 0.12;
    const rows = ellipsoidProbes(centres, [metric, metric], r2, n, D, new Rng(4));
    expect(rows.length).toBe(2 * n * D);
    for (let c = 0; c < 2; c++) {
      let maxD = 0, meanD = 0;
      const mean = new Float64Array(D);
      for (let i = c * n; i < (c + 1) * n; i++) {
        const row = rows.subarray(i * D, (i + 1) * D);
        const d = metricDistance2(metric, row, centres.subarray(c * D, (c + 1) * D), D);
        maxD = Math.max(maxD, d);
        meanD += d / n;
        for (let k = 0; k < D; k++) mean[k] += row[k] / n;
      }
      expect(maxD).toBeLessThanOrEqual(r2 * (1 + 1e-12));
      // uniform in a D-ball of squared radius r2: E[d] = r2 D / (D + 2) = 0.072 (sampling error ~3e-4 at 20000 points)
      expect(meanD).toBeCloseTo((r2 * D) / (D + 2), 2);
      for (let k = 0; k < D; k++) expect(Math.abs(mean[k] - centres[c * D + k])).toBeLessThan(0.01);
    }
  });

  it('draws nothing around a centre whose metric is not positive definite', () => {
    const rows = ellipsoidProbes(Float64Array.from([0, 0]), [Float64Array.from([1, 0, 0, -1])], 0.1, 10, 2, new Rng(1));
    expect(rows.length).toBe(0);
  });
});
