import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { nearestIndices } from '../../src/injections/metric-estimate.js';

const bySort = (d: Float64Array, k: number): number[] =>
  Array.from({ length: d.length }, (_, i) => i).sort((a, b) => d[a] - d[b] || a - b).slice(0, k);

describe('nearest templates by metric distance', () => {
  it('are the k smallest distances in order, ties by index, as a full sort gives', () => {
    const rng = new Rng(11);
    for (const [n, k] of [[1, 1], [10, 3], [1000, 1], [1000, 1000], [5000, 1500], [20000, 37]]) {
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) d[i] = rng.uniform() < 0.3 ? rng.int(20) : rng.uniform() * 20; // many exact ties
      expect(Array.from(nearestIndices(d, k))).toEqual(bySort(d, k));
    }
  });

  it('returns all indices when k exceeds the bank size and none for k = 0', () => {
    const d = Float64Array.from([3, 1, 2]);
    expect(Array.from(nearestIndices(d, 10))).toEqual([1, 2, 0]);
    expect(nearestIndices(d, 0).length).toBe(0);
  });
});
