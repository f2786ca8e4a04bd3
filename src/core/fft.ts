/**
 * The one FFT wrapper of the project (float64, fft.js radix-4).
 *
 * Normalisation: `inverseUnnormalised` returns sum_k X_k exp(+2 pi i k j / N) with NO 1/N factor,
 * as pycbc's `ifft` and the LAL test vectors define the correlation; fft.js itself divides its
 * inverse by N, which this wrapper undoes. `forward` is sum_j x_j exp(-2 pi i k j / N).
 * N must be a power of two >= 2.
 */
import FFTImpl from 'fft.js';
import { invalid } from './errors.js';

export class ComplexFFT {
  readonly size: number;
  private readonly impl: FFTImpl;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) {
      invalid('FFT size', size, 'must be a power of two >= 2');
    }
    this.size = size;
    this.impl = new FFTImpl(size);
  }

  /** out_k = sum_j x_j exp(-2 pi i j k / N); input and output interleaved, length 2N, distinct arrays. */
  forward(out: Float64Array, input: Float64Array): void {
    this.impl.transform(out as unknown as number[], input as unknown as number[]);
  }

  /** out_j = sum_k X_k exp(+2 pi i j k / N) (no 1/N); interleaved, length 2N, distinct arrays. */
  inverseUnnormalised(out: Float64Array, input: Float64Array): void {
    this.impl.inverseTransform(out as unknown as number[], input as unknown as number[]);
    const n = this.size;
    for (let i = 0; i < 2 * n; i++) out[i] *= n;
  }
}

/** Smallest power of two >= n. */
export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
