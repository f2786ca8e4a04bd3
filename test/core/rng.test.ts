import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { symmetricEigen, slogdet, inverse, cholesky } from '../../src/core/linalg.js';

describe('Rng', () => {
  it('is reproducible for a seed and differs between seeds and streams', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43), d = new Rng(42).fork(1);
    const xa = [a.uniform(), a.uniform()], xb = [b.uniform(), b.uniform()];
    expect(xa).toEqual(xb);
    expect(c.uniform()).not.toBe(xa[0]);
    expect(d.uniform()).not.toBe(xa[0]);
  });

  it('draws uniforms with mean 1/2 and normals with unit variance', () => {
    const r = new Rng(7);
    const n = 200000;
    let su = 0, sn = 0, sn2 = 0;
    for (let i = 0; i < n; i++) { su += r.uniform(); const z = r.normal(); sn += z; sn2 += z * z; }
    expect(Math.abs(su / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sn / n)).toBeLessThan(0.01);
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(0.02);
  });
});

describe('linalg', () => {
  it('eigen-decomposition reconstructs a symmetric matrix and agrees with slogdet', () => {
    const n = 5, r = new Rng(1);
    const b = r.normals(n * n);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = 0; for (let k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k]; a[i * n + j] = s + (i === j ? 0.1 : 0); }
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0; for (let k = 0; k < n; k++) s += vectors[i * n + k] * values[k] * vectors[j * n + k];
      expect(s).toBeCloseTo(a[i * n + j], 10);
    }
    const ld = slogdet(a, n);
    expect(ld.sign).toBe(1);
    expect(ld.logAbsDet).toBeCloseTo(values.reduce((s, v) => s + Math.log(v), 0), 10);
    const inv = inverse(a, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0; for (let k = 0; k < n; k++) s += a[i * n + k] * inv[k * n + j];
      expect(s).toBeCloseTo(i === j ? 1 : 0, 9);
    }
    expect(cholesky(a, n)).not.toBeNull();
    a[0] = -1;
    expect(cholesky(a, n)).toBeNull();
  });
});
