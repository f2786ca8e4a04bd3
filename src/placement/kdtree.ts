/**
 * A k-d tree over points in R^dim (one node per point), with insertion, removal (points are marked
 * dead and skipped) and three queries: all points within a Euclidean radius, the nearest point, and
 * "stabbing" (all points whose axis-aligned box p ± h contains the query; h is a per-point half-width,
 * e.g. the bounding box of a metric ellipse). Each node keeps the bounding box of its subtree's points,
 * the union of its subtree's point boxes and the number of alive points below it, so queries prune on
 * boxes rather than on split planes (correct whatever the insertion order) and skip dead subtrees.
 * Reference: J. L. Bentley, Commun. ACM 18, 509 (1975).
 */
import { invalid } from '../core/errors.js';

/** Result of {@link KDTree.nearest}: point index (-1 when the tree has no alive point) and squared distance. */
export interface Nearest {
  index: number;
  distance2: number;
}

/** k-d tree with per-point boxes; point indices are the insertion order (rows of `build`'s input first). */
export class KDTree {
  readonly dim: number;
  private readonly withBoxes: boolean;
  private n = 0;
  private cap = 0;
  private root = -1;
  private pts = new Float64Array(0);
  private half = new Float64Array(0);
  private axis = new Uint8Array(0);
  private left = new Int32Array(0);
  private right = new Int32Array(0);
  private parent = new Int32Array(0);
  private alive = new Uint8Array(0);
  private aliveBelow = new Int32Array(0);
  private lo = new Float64Array(0);
  private hi = new Float64Array(0);
  private elo = new Float64Array(0);
  private ehi = new Float64Array(0);
  private stack = new Int32Array(64);

  /**
   * @param dim dimension of the points (1..255)
   * @param withBoxes whether points carry half-widths (needed by `stab`)
   */
  constructor(dim: number, withBoxes = false) {
    if (!Number.isInteger(dim) || dim < 1 || dim > 255) invalid('dim', dim, 'must be an integer in [1, 255]');
    this.dim = dim;
    this.withBoxes = withBoxes;
  }

  /**
   * Balanced tree of the rows of `points` (n x dim, row-major); `halfWidths` (n x dim) gives each
   * point's box p ± h for `stab`. Build cost O(n log n dim); point i keeps index i.
   */
  static build(points: Float64Array, dim: number, halfWidths?: Float64Array): KDTree {
    const tree = new KDTree(dim, halfWidths !== undefined);
    const n = Math.floor(points.length / dim);
    if (points.length !== n * dim) invalid('points.length', points.length, `must be a multiple of dim = ${dim}`);
    if (halfWidths !== undefined && halfWidths.length !== points.length) {
      invalid('halfWidths.length', halfWidths.length, `must equal points.length = ${points.length}`);
    }
    tree.grow(Math.max(n, 16));
    tree.pts.set(points);
    if (halfWidths !== undefined) tree.half.set(halfWidths);
    tree.n = n;
    tree.alive.fill(1, 0, n);
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    tree.root = tree.buildRange(idx, 0, n, -1);
    return tree;
  }

  /** Number of points ever added (alive or dead). */
  get size(): number {
    return this.n;
  }

  /** Number of alive points. */
  get aliveCount(): number {
    return this.root < 0 ? 0 : this.aliveBelow[this.root];
  }

  /** Coordinates of point i (a view, do not modify). */
  point(i: number): Float64Array {
    return this.pts.subarray(i * this.dim, (i + 1) * this.dim);
  }

  /** Whether point i is alive. */
  isAlive(i: number): boolean {
    return this.alive[i] === 1;
  }

  /** Add a point (with its half-widths when the tree has boxes); returns its index. Expected O(log n) for random order. */
  insert(p: ArrayLike<number>, halfWidth?: ArrayLike<number>): number {
    const d = this.dim;
    if (this.withBoxes && halfWidth === undefined) invalid('halfWidth', halfWidth, 'is required: this tree was built with boxes');
    if (this.n === this.cap) this.grow(Math.max(16, 2 * this.cap));
    const id = this.n++;
    for (let k = 0; k < d; k++) {
      this.pts[id * d + k] = p[k];
      this.half[id * d + k] = this.withBoxes ? (halfWidth as ArrayLike<number>)[k] : 0;
    }
    this.alive[id] = 1;
    this.initNode(id, -1, 0);
    if (this.root < 0) {
      this.root = id;
      return id;
    }
    let node = this.root;
    for (;;) {
      this.extendBoxes(node, id);
      this.aliveBelow[node]++;
      const a = this.axis[node];
      const goLeft = this.pts[id * d + a] < this.pts[node * d + a];
      const next = goLeft ? this.left[node] : this.right[node];
      if (next < 0) {
        if (goLeft) this.left[node] = id;
        else this.right[node] = id;
        this.parent[id] = node;
        this.axis[id] = (a + 1) % d;
        return id;
      }
      node = next;
    }
  }

  /** Mark point i dead: later queries skip it. O(depth). */
  remove(i: number): void {
    if (i < 0 || i >= this.n) invalid('index', i, `must be in [0, ${this.n})`);
    if (this.alive[i] === 0) return;
    this.alive[i] = 0;
    for (let node = i; node >= 0; node = this.parent[node]) this.aliveBelow[node]--;
  }

  /** Indices of alive points with |p - q| <= r (Euclidean), appended to `out`. */
  radius(q: ArrayLike<number>, r: number, out: number[] = []): number[] {
    const d = this.dim;
    const r2 = r * r;
    let top = 0;
    if (this.root >= 0) this.push(top++, this.root);
    while (top > 0) {
      const node = this.stack[--top];
      if (this.aliveBelow[node] === 0 || this.boxDistance2(node, q) > r2) continue;
      if (this.alive[node] === 1) {
        let s = 0;
        for (let k = 0; k < d; k++) {
          const t = this.pts[node * d + k] - q[k];
          s += t * t;
        }
        if (s <= r2) out.push(node);
      }
      if (this.left[node] >= 0) this.push(top++, this.left[node]);
      if (this.right[node] >= 0) this.push(top++, this.right[node]);
    }
    return out;
  }

  /** Alive point nearest to q (Euclidean); index -1 if none is alive. */
  nearest(q: ArrayLike<number>): Nearest {
    const d = this.dim;
    let best = -1;
    let bestD2 = Infinity;
    let top = 0;
    if (this.root >= 0) this.push(top++, this.root);
    while (top > 0) {
      const node = this.stack[--top];
      if (this.aliveBelow[node] === 0 || this.boxDistance2(node, q) >= bestD2) continue;
      if (this.alive[node] === 1) {
        let s = 0;
        for (let k = 0; k < d; k++) {
          const t = this.pts[node * d + k] - q[k];
          s += t * t;
        }
        if (s < bestD2) {
          bestD2 = s;
          best = node;
        }
      }
      const a = this.axis[node];
      const nearFirst = q[a] < this.pts[node * d + a];
      const near = nearFirst ? this.left[node] : this.right[node];
      const far = nearFirst ? this.right[node] : this.left[node];
      if (far >= 0) this.push(top++, far);
      if (near >= 0) this.push(top++, near);
    }
    return { index: best, distance2: bestD2 };
  }

  /** Indices of alive points whose box p ± h contains q (requires a tree with boxes), appended to `out`. */
  stab(q: ArrayLike<number>, out: number[] = []): number[] {
    if (!this.withBoxes) invalid('stab', 'tree without boxes', 'build the tree with halfWidths');
    const d = this.dim;
    let top = 0;
    if (this.root >= 0) this.push(top++, this.root);
    outer: while (top > 0) {
      const node = this.stack[--top];
      if (this.aliveBelow[node] === 0) continue;
      for (let k = 0; k < d; k++) {
        const v = q[k];
        if (v < this.elo[node * d + k] || v > this.ehi[node * d + k]) continue outer;
      }
      if (this.alive[node] === 1) {
        let inside = true;
        for (let k = 0; k < d && inside; k++) inside = Math.abs(q[k] - this.pts[node * d + k]) <= this.half[node * d + k];
        if (inside) out.push(node);
      }
      if (this.left[node] >= 0) this.push(top++, this.left[node]);
      if (this.right[node] >= 0) this.push(top++, this.right[node]);
    }
    return out;
  }

  private push(at: number, node: number): void {
    if (at >= this.stack.length) {
      const s = new Int32Array(2 * this.stack.length);
      s.set(this.stack);
      this.stack = s;
    }
    this.stack[at] = node;
  }

  private boxDistance2(node: number, q: ArrayLike<number>): number {
    const d = this.dim;
    let s = 0;
    for (let k = 0; k < d; k++) {
      const v = q[k];
      const l = this.lo[node * d + k];
      const h = this.hi[node * d + k];
      const t = v < l ? l - v : v > h ? v - h : 0;
      s += t * t;
    }
    return s;
  }

  private initNode(id: number, parent: number, axis: number): void {
    const d = this.dim;
    this.left[id] = -1;
    this.right[id] = -1;
    this.parent[id] = parent;
    this.axis[id] = axis;
    this.aliveBelow[id] = this.alive[id];
    for (let k = 0; k < d; k++) {
      const x = this.pts[id * d + k];
      const h = this.half[id * d + k];
      this.lo[id * d + k] = x;
      this.hi[id * d + k] = x;
      this.elo[id * d + k] = x - h;
      this.ehi[id * d + k] = x + h;
    }
  }

  /** Grow node's boxes to include point/box `id`. */
  private extendBoxes(node: number, id: number): void {
    const d = this.dim;
    for (let k = 0; k < d; k++) {
      const x = this.pts[id * d + k];
      const h = this.half[id * d + k];
      if (x < this.lo[node * d + k]) this.lo[node * d + k] = x;
      if (x > this.hi[node * d + k]) this.hi[node * d + k] = x;
      if (x - h < this.elo[node * d + k]) this.elo[node * d + k] = x - h;
      if (x + h > this.ehi[node * d + k]) this.ehi[node * d + k] = x + h;
    }
  }

  /** Build the subtree of idx[from, to): median along the widest axis; returns its root. */
  private buildRange(idx: Int32Array, from: number, to: number, parent: number): number {
    if (from >= to) return -1;
    const d = this.dim;
    let axis = 0;
    let widest = -1;
    for (let k = 0; k < d; k++) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let i = from; i < to; i++) {
        const v = this.pts[idx[i] * d + k];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      if (mx - mn > widest) {
        widest = mx - mn;
        axis = k;
      }
    }
    const mid = (from + to) >> 1;
    this.select(idx, from, to - 1, mid, axis);
    const node = idx[mid];
    this.initNode(node, parent, axis);
    const l = this.buildRange(idx, from, mid, node);
    const r = this.buildRange(idx, mid + 1, to, node);
    this.left[node] = l;
    this.right[node] = r;
    for (const c of [l, r]) {
      if (c < 0) continue;
      this.aliveBelow[node] += this.aliveBelow[c];
      for (let k = 0; k < d; k++) {
        this.lo[node * d + k] = Math.min(this.lo[node * d + k], this.lo[c * d + k]);
        this.hi[node * d + k] = Math.max(this.hi[node * d + k], this.hi[c * d + k]);
        this.elo[node * d + k] = Math.min(this.elo[node * d + k], this.elo[c * d + k]);
        this.ehi[node * d + k] = Math.max(this.ehi[node * d + k], this.ehi[c * d + k]);
      }
    }
    return node;
  }

  /** Quickselect: reorder idx[l..r] so idx[k] holds the k-th smallest coordinate along `axis`. */
  private select(idx: Int32Array, l: number, r: number, k: number, axis: number): void {
    const d = this.dim;
    while (r > l) {
      const pivot = this.pts[idx[(l + r) >> 1] * d + axis];
      let i = l;
      let j = r;
      while (i <= j) {
        while (this.pts[idx[i] * d + axis] < pivot) i++;
        while (this.pts[idx[j] * d + axis] > pivot) j--;
        if (i <= j) {
          const t = idx[i];
          idx[i] = idx[j];
          idx[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) r = j;
      else if (k >= i) l = i;
      else return;
    }
  }

  private grow(cap: number): void {
    const d = this.dim;
    this.pts = resize(this.pts, cap * d);
    this.half = resize(this.half, cap * d);
    this.lo = resize(this.lo, cap * d);
    this.hi = resize(this.hi, cap * d);
    this.elo = resize(this.elo, cap * d);
    this.ehi = resize(this.ehi, cap * d);
    this.axis = resize(this.axis, cap);
    this.alive = resize(this.alive, cap);
    this.left = resize(this.left, cap);
    this.right = resize(this.right, cap);
    this.parent = resize(this.parent, cap);
    this.aliveBelow = resize(this.aliveBelow, cap);
    this.cap = cap;
  }
}

/** A copy of `a` in a new array of length n (zero-padded). */
function resize<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (len: number) => T)(n);
  b.set(a as never);
  return b;
}
