/** Kolmogorov-Smirnov helpers of the injection-distribution tests. */

/** Kolmogorov-Smirnov distance of the sample xs from the uniform distribution on [a, b]. */
export function ksUniform(xs: ArrayLike<number>, a: number, b: number): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const F = (s[i] - a) / (b - a);
    d = Math.max(d, F - i / n, (i + 1) / n - F);
  }
  return d;
}

/** The 1% critical KS distance for n draws (asymptotic 1.628/sqrt(n)). */
export const ks1 = (n: number): number => 1.628 / Math.sqrt(n);
