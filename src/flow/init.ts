/**
 * Weight initialisations of PyTorch/nflows, drawn from a seedable Rng (src/core/rng.ts) so a fresh
 * flow is reproducible: nn.Linear default (weights and bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
 * i.e. Kaiming-uniform with a = sqrt(5)), uniform ranges, and nflows' random orthogonal matrix
 * (Q of the QR decomposition of a standard-normal matrix).
 */
import type { Rng } from '../core/rng.js';

/** n values uniform in [a, b), float32. */
export function uniformArray(rng: Rng, n: number, a: number, b: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.uniformIn(a, b);
  return out;
}

/** PyTorch nn.Linear initialisation for an [out, in] weight and [out] bias: U(+-1/sqrt(in)). */
export function linearInit(rng: Rng, outFeatures: number, inFeatures: number): { weight: Float32Array; bias: Float32Array } {
  const bound = 1 / Math.sqrt(inFeatures);
  return { weight: uniformArray(rng, outFeatures * inFeatures, -bound, bound), bias: uniformArray(rng, outFeatures, -bound, bound) };
}

/**
 * A random n x n orthogonal matrix (row-major): modified Gram-Schmidt on the columns of a
 * standard-normal matrix with positive diagonal of R (the Haar measure), float64 then float32.
 */
export function randomOrthogonal(rng: Rng, n: number): Float32Array {
  const q = rng.normals(n * n);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += q[i * n + k] * q[i * n + j];
      for (let i = 0; i < n; i++) q[i * n + j] -= dot * q[i * n + k];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * n + j] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i * n + j] /= norm;
  }
  return Float32Array.from(q);
}
