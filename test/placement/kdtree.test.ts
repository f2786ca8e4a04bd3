import { describe, it, expect } from 'vitest';
import { KDTree } from '../../src/placement/kdtree.js';
import { Rng } from '../../src/core/rng.js';
import { MbankError } from '../../src/core/errors.js';

function randomPoints(rng: Rng, n: number, dim: number, clustered = false): Float64Array {
  const p = new Float64Array(n * dim);
  for (let i = 0; i < p.length; i++) p[i] = clustered ? Math.round(rng.uniform() * 4) / 4 + 0.01 * rng.normal() : rng.uniform() * 2 - 1;
  return p;
}

function d2(p: Float64Array, i: number, q: ArrayLike<number>, dim: number): number {
  let s = 0;
  for (let k = 0; k < dim; k++) s += (p[i * dim + k] - q[k]) ** 2;
  return s;
}

const sorted = (a: number[]) => [...a].sort((x, y) => x - y);

describe('KDTree', () => {
  for (const dim of [1, 2, 3, 5]) {
    for (const how of ['build', 'insert'] as const) {
      it(`radius, nearest and stab queries equal brute force in ${dim}D (${how}, with removals)`, () => {
        const rng = new Rng(100 + dim);
        const n = 700;
        const pts = randomPoints(rng, n, dim, dim === 2);
        const half = new Float64Array(n * dim);
        for (let i = 0; i < half.length; i++) half[i] = 0.3 * rng.uniform();
        let tree: KDTree;
        if (how === 'build') tree = KDTree.build(pts, dim, half);
        else {
          tree = new KDTree(dim, true);
          for (let i = 0; i < n; i++) expect(tree.insert(pts.subarray(i * dim, (i + 1) * dim), half.subarray(i * dim, (i + 1) * dim))).toBe(i);
        }
        const alive = new Uint8Array(n).fill(1);
        for (let i = 0; i < n; i += 3) {
          tree.remove(i);
          alive[i] = 0;
        }
        tree.remove(0); // removing twice is harmless
        expect(tree.aliveCount).toBe(alive.reduce((a, b) => a + b, 0));
        for (let trial = 0; trial < 60; trial++) {
          const q = Array.from({ length: dim }, () => rng.uniform() * 2.4 - 1.2);
          const r = 0.6 * rng.uniform();
          const bruteR: number[] = [];
          const bruteS: number[] = [];
          let best = -1;
          let bestD = Infinity;
          for (let i = 0; i < n; i++) {
            if (!alive[i]) continue;
            const dd = d2(pts, i, q, dim);
            if (dd <= r * r) bruteR.push(i);
            if (dd < bestD) { bestD = dd; best = i; }
            let inBox = true;
            for (let k = 0; k < dim; k++) inBox &&= Math.abs(q[k] - pts[i * dim + k]) <= half[i * dim + k];
            if (inBox) bruteS.push(i);
          }
          expect(sorted(tree.radius(q, r))).toEqual(bruteR);
          expect(sorted(tree.stab(q))).toEqual(bruteS);
          const nn = tree.nearest(q);
          expect(nn.distance2).toBeCloseTo(bestD, 14);
          expect(d2(pts, nn.index, q, dim)).toBeCloseTo(bestD, 14);
          expect(tree.isAlive(nn.index)).toBe(true);
          expect(best).toBeGreaterThanOrEqual(0);
        }
      });
    }
  }

  it('handles many identical points and an empty tree', () => {
    const empty = new KDTree(2);
    expect(empty.nearest([0, 0]).index).toBe(-1);
    expect(empty.radius([0, 0], 1)).toEqual([]);
    const pts = new Float64Array(200).fill(0.5);
    const tree = KDTree.build(pts, 2);
    expect(tree.radius([0.5, 0.5], 0).length).toBe(100);
    for (let i = 0; i < 100; i++) tree.remove(i);
    expect(tree.nearest([0.5, 0.5]).index).toBe(-1);
    expect(tree.aliveCount).toBe(0);
  });

  it('throws MbankError on bad input', () => {
    expect(() => new KDTree(0)).toThrow(MbankError);
    expect(() => KDTree.build(new Float64Array(5), 2)).toThrow(/points.length/);
    expect(() => new KDTree(2).stab([0, 0])).toThrow(MbankError);
    expect(() => new KDTree(2, true).insert([0, 0])).toThrow(/halfWidth/);
  });
});
