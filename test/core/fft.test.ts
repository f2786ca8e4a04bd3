import { describe, expect, it } from 'vitest';
import { ComplexFFT } from '../../src/core/fft.js';
import { Rng } from '../../src/core/rng.js';

describe('ComplexFFT', () => {
  it('inverseUnnormalised equals the direct sum of X_k exp(+2 pi i k j / N) with no 1/N', () => {
    const n = 16;
    const rng = new Rng(3);
    const x = rng.normals(2 * n);
    const out = new Float64Array(2 * n);
    new ComplexFFT(n).inverseUnnormalised(out, x);
    for (let j = 0; j < n; j++) {
      let re = 0, im = 0;
      for (let k = 0; k < n; k++) {
        const a = (2 * Math.PI * k * j) / n;
        re += x[2 * k] * Math.cos(a) - x[2 * k + 1] * Math.sin(a);
        im += x[2 * k] * Math.sin(a) + x[2 * k + 1] * Math.cos(a);
      }
      expect(out[2 * j]).toBeCloseTo(re, 12);
      expect(out[2 * j + 1]).toBeCloseTo(im, 12);
    }
  });

  it('forward then inverseUnnormalised multiplies by N', () => {
    const n = 64;
    const x = new Rng(5).normals(2 * n);
    const fft = new ComplexFFT(n);
    const y = new Float64Array(2 * n), z = new Float64Array(2 * n);
    fft.forward(y, x);
    fft.inverseUnnormalised(z, y);
    for (let i = 0; i < 2 * n; i++) expect(z[i] / n).toBeCloseTo(x[i], 12);
  });

  it('rejects a size that is not a power of two, naming it', () => {
    expect(() => new ComplexFFT(12)).toThrow(/FFT size = 12/);
  });
});
