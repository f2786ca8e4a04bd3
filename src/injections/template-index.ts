/**
 * A static k-d tree over a bank's points in a flat space (./phase-embedding.ts) for ball queries:
 * which templates lie within Euclidean distance r of a point, nearest first.
 * Implicit layout (J. L. Bentley, Commun. ACM 18, 509 (1975); leaf buckets as in FLANN/nanoflann):
 * node 0 covers positions [0, N) of a permutation of the templates, node i covering [a, b) splits at
 * the median m = (a + b) >> 1 along its widest axis into node 2i + 1 = [a, m) and 2i + 2 = [m, b),
 * down to leaves of at most `leafSize`. Only the permutation and each node's bounding box are stored
 * (~N (4 + 32 D / leafSize) bytes), on SharedArrayBuffers so worker threads share one copy; the
 * points stay the caller's array. A node is skipped when its box is farther than r from the query
 * (the box distance is a lower bound, so no template of the ball is ever missed).
 */
import { invalid } from '../core/errors.js';

/** The index as plain data (structured-clone friendly; the arrays may be shared). */
export interface TemplateIndexData {
  /** Dimension D and number of templates N. */
  D: number;
  N: number;
  /** Maximum number of templates in a leaf. */
  leafSize: number;
  /** perm[p] = template at position p (templates of a node are contiguous positions). */
  perm: Int32Array;
  /** Bounding box of node i: lo/hi[i * D + a]. */
  lo: Float64Array;
  hi: Float64Array;
}

/** Templates found by a ball query: bank indices and their squared distances, nearest first. */
export interface BallResult {
  indices: Int32Array;
  distanceSq: Float64Array;
}

/** Default leaf size: small enough to prune, large enough that the box tests do not dominate. */
export const DEFAULT_LEAF_SIZE = 16;

function sharedFloat64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * Math.max(1, n)), 0, n);
}

/** Number of nodes of the implicit tree over N points (highest node index + 1). */
export function nodeCount(N: number, leafSize: number): number {
  let count = 0;
  const walk = (i: number, size: number) => {
    count = Math.max(count, i + 1);
    if (size <= leafSize) return;
    const left = size >> 1;
    walk(2 * i + 1, left);
    walk(2 * i + 2, size - left);
  };
  walk(0, N);
  return count;
}

/** Build the index of `coords` (N x D row-major); see module comment. O(N D log N). */
export function buildTemplateIndex(coords: Float64Array, D: number, leafSize = DEFAULT_LEAF_SIZE): TemplateIndexData {
  if (!Number.isInteger(D) || D < 1) invalid('index dimension', D, 'must be an integer >= 1');
  if (!Number.isInteger(leafSize) || leafSize < 1) invalid('index leaf size', leafSize, 'must be an integer >= 1');
  const N = coords.length / D;
  if (!Number.isInteger(N) || N < 1) invalid('bank coordinates', coords.length, `must be N x D values with N >= 1, D = ${D}`);
  const perm = new Int32Array(new SharedArrayBuffer(4 * N));
  for (let i = 0; i < N; i++) perm[i] = i;
  const nodes = nodeCount(N, leafSize);
  const lo = sharedFloat64(nodes * D), hi = sharedFloat64(nodes * D);
  const stack: number[] = [0, 0, N];
  while (stack.length > 0) {
    const b = stack.pop()!, a = stack.pop()!, node = stack.pop()!;
    let axis = 0, widest = -1;
    for (let k = 0; k < D; k++) {
      let mn = Infinity, mx = -Infinity;
      for (let p = a; p < b; p++) {
        const v = coords[perm[p] * D + k];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      lo[node * D + k] = mn;
      hi[node * D + k] = mx;
      if (mx - mn > widest) { widest = mx - mn; axis = k; }
    }
    if (b - a <= leafSize) continue;
    const m = (a + b) >> 1;
    selectByAxis(perm, coords, D, axis, a, b - 1, m);
    stack.push(2 * node + 2, m, b, 2 * node + 1, a, m);
  }
  return { D, N, leafSize, perm, lo, hi };
}

/** Quickselect: reorder perm[l..r] so position k holds the k-th smallest coordinate `axis`. */
function selectByAxis(perm: Int32Array, coords: Float64Array, D: number, axis: number, l: number, r: number, k: number): void {
  while (r > l) {
    const pivot = coords[perm[(l + r) >> 1] * D + axis];
    let i = l, j = r;
    while (i <= j) {
      while (coords[perm[i] * D + axis] < pivot) i++;
      while (coords[perm[j] * D + axis] > pivot) j--;
      if (i <= j) {
        const t = perm[i]; perm[i] = perm[j]; perm[j] = t;
        i++; j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

/** Ball queries on an index (one per worker: it owns scratch buffers). */
export class TemplateIndex {
  readonly data: TemplateIndexData;
  private readonly coords: Float64Array;
  /** Templates visited by the last query (leaf points tested), a measure of the pruning. */
  visited = 0;
  private stack = new Int32Array(256);
  private found = new Int32Array(1024);
  private foundD = new Float64Array(1024);

  /** Queries over `coords` (the N x D array the index was built from). */
  constructor(data: TemplateIndexData, coords: Float64Array) {
    if (coords.length !== data.N * data.D) invalid('bank coordinates', coords.length, `must hold N x D = ${data.N} x ${data.D} values, as the index`);
    this.data = data;
    this.coords = coords;
  }

  /** Templates with |x - theta|^2 <= r2, nearest first (ties by index). */
  ball(theta: ArrayLike<number>, r2: number): BallResult {
    const { D, N, leafSize, perm, lo, hi } = this.data;
    const coords = this.coords;
    let count = 0, visited = 0, top = 0;
    this.push(top++, 0); this.push(top++, 0); this.push(top++, N);
    while (top > 0) {
      const b = this.stack[--top], a = this.stack[--top], node = this.stack[--top];
      let gap = 0;
      for (let k = 0; k < D; k++) {
        const t = theta[k], l = lo[node * D + k], u = hi[node * D + k];
        const g = t < l ? l - t : t > u ? t - u : 0;
        gap += g * g;
      }
      if (gap > r2) continue;
      if (b - a > leafSize) {
        const m = (a + b) >> 1;
        this.push(top++, 2 * node + 2); this.push(top++, m); this.push(top++, b);
        this.push(top++, 2 * node + 1); this.push(top++, a); this.push(top++, m);
        continue;
      }
      visited += b - a;
      for (let p = a; p < b; p++) {
        const i = perm[p];
        let q = 0;
        for (let k = 0; k < D; k++) {
          const t = coords[i * D + k] - theta[k];
          q += t * t;
        }
        if (q <= r2) this.keep(count++, i, q);
      }
    }
    this.visited = visited;
    const order = Int32Array.from({ length: count }, (_, k) => k).sort((x, y) => this.foundD[x] - this.foundD[y] || this.found[x] - this.found[y]);
    return { indices: Int32Array.from(order, (k) => this.found[k]), distanceSq: Float64Array.from(order, (k) => this.foundD[k]) };
  }

  private push(at: number, v: number): void {
    if (at >= this.stack.length) {
      const s = new Int32Array(2 * this.stack.length);
      s.set(this.stack);
      this.stack = s;
    }
    this.stack[at] = v;
  }

  private keep(at: number, i: number, q: number): void {
    if (at >= this.found.length) {
      const f = new Int32Array(2 * this.found.length), g = new Float64Array(2 * this.found.length);
      f.set(this.found); g.set(this.foundD);
      this.found = f; this.foundD = g;
    }
    this.found[at] = i;
    this.foundD[at] = q;
  }
}
