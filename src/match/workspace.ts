/**
 * Caller-owned precomputation for matches on one grid and PSD: band, 1/S over the band, FFT plan
 * and scratch buffers. Build one per worker and reuse it for every pair; it is not shared state
 * of the module (there is none). Not safe for concurrent use (it owns scratch buffers).
 */
import { invalid, MbankError } from '../core/errors.js';
import { ComplexFFT, nextPow2 } from '../core/fft.js';
import { bandIndices } from './band.js';

/** Scratch of the symphony match: the two half-length inputs and outputs (N/2 complex each). */
export interface SymphonyBuffers {
  u: Float64Array;
  v: Float64Array;
  even: Float64Array;
  odd: Float64Array;
}

/** Inputs of a MatchWorkspace. */
export interface MatchWorkspaceOptions {
  /** One-sided PSD [1/Hz] on f_k = k df, k = 0..n-1 (n = psd.length); +Infinity or 0 mark excluded bins, NaN or < 0 throw. */
  psd: Float64Array;
  /** Frequency spacing [Hz]. */
  df: number;
  /** Lower and upper band edges [Hz]: bins [floor(fLow/df), min(floor(fHigh/df), n-1)). */
  fLowHz: number;
  fHighHz: number;
}

/**
 * Workspace of the match functions. `fftLength` N = 2(n-1) (pycbc), rounded up to a power of two
 * when 2(n-1) is not one (then the time grid is finer than pycbc's); `dt` = 1/(N df) [s] is the
 * lag resolution. `invPsd[k - kmin]` = 1/S_k over the band, 0 for excluded bins (S = +Infinity,
 * S = 0: an unusable bin, as mbank and LAL's DC/Nyquist zeros).
 */
export class MatchWorkspace {
  /** Number of frequency bins of every series (psd.length). */
  readonly n: number;
  /** Frequency spacing [Hz]. */
  readonly df: number;
  /** Band [kmin, kmax) (bandIndices). */
  readonly kmin: number;
  readonly kmax: number;
  /** N: number of lags, 2(n-1) rounded up to a power of two (and >= 4). */
  readonly fftLength: number;
  /** Lag spacing [s] = 1/(N df). */
  readonly dt: number;
  /** 1/S_k for k in [kmin, kmax) (index k - kmin); 0 for excluded bins. */
  readonly invPsd: Float64Array;
  /** FFT plan of length N/2: z at even lags is FFT(product), at odd lags FFT(productOdd) (see match.ts). */
  readonly halfFft: ComplexFFT;
  /** (cos, -sin)(2 pi k / N) for k in [kmin, kmax), interleaved: the odd-lag twiddles. */
  readonly twiddle: Float64Array;
  /** Scratch: conj(c_k) on the band (zero elsewhere), interleaved complex, length N (N/2 bins). */
  readonly product: Float64Array;
  /** Scratch: conj(c_k) exp(-2 pi i k / N) on the band, length N. */
  readonly productOdd: Float64Array;
  /** Scratch: FFT outputs; z_{2m} = conj(seriesEven_m), z_{2m+1} = conj(seriesOdd_m). Length N each. */
  readonly seriesEven: Float64Array;
  readonly seriesOdd: Float64Array;
  private symphonyScratch: SymphonyBuffers | undefined;

  constructor(options: MatchWorkspaceOptions) {
    const { psd, df, fLowHz, fHighHz } = options;
    if (!(psd instanceof Float64Array)) invalid('psd', typeof psd, 'must be a Float64Array of PSD values on f_k = k df');
    const n = psd.length;
    const { kmin, kmax } = bandIndices(df, n, fLowHz, fHighHz);
    this.n = n;
    this.df = df;
    this.kmin = kmin;
    this.kmax = kmax;
    this.fftLength = Math.max(4, nextPow2(2 * (n - 1)));
    this.dt = 1 / (this.fftLength * df);
    this.invPsd = new Float64Array(kmax - kmin);
    let used = 0;
    for (let k = kmin; k < kmax; k++) {
      const s = psd[k];
      if (Number.isNaN(s) || s < 0) invalid(`psd[${k}] (f = ${k * df} Hz)`, s, 'must be a PSD value >= 0 (or +Infinity to exclude the bin)');
      const w = s > 0 && Number.isFinite(s) ? 1 / s : 0;
      this.invPsd[k - kmin] = w;
      if (w > 0) used++;
    }
    if (used === 0) throw new MbankError(`psd: no usable bin in the band [${fLowHz}, ${fHighHz}) Hz (every PSD value there is 0 or infinite)`);
    const N = this.fftLength;
    this.halfFft = new ComplexFFT(N / 2);
    this.twiddle = new Float64Array(2 * (kmax - kmin));
    for (let k = kmin; k < kmax; k++) {
      const a = (2 * Math.PI * k) / N;
      this.twiddle[2 * (k - kmin)] = Math.cos(a);
      this.twiddle[2 * (k - kmin) + 1] = -Math.sin(a);
    }
    this.product = new Float64Array(N);
    this.productOdd = new Float64Array(N);
    this.seriesEven = new Float64Array(N);
    this.seriesOdd = new Float64Array(N);
  }

  /** Scratch of the symphony match, four length-N arrays (allocated on first use). */
  symphonyBuffers(): SymphonyBuffers {
    const N = this.fftLength;
    this.symphonyScratch ??= { u: new Float64Array(N), v: new Float64Array(N), even: new Float64Array(N), odd: new Float64Array(N) };
    return this.symphonyScratch;
  }

  /** The last correlation at integer lag j (0..N-1) as [re, im] of z_j (after a match call). */
  correlationAt(j: number): [number, number] {
    const y = (j & 1) === 0 ? this.seriesEven : this.seriesOdd;
    const m = j >> 1;
    return [y[2 * m], -y[2 * m + 1]];
  }

  /** Throw unless `h` is an interleaved complex series of this workspace's n bins. */
  checkSeries(name: string, h: Float64Array): void {
    if (!(h instanceof Float64Array) || h.length !== 2 * this.n) {
      invalid(`${name} length`, h?.length, `must be a Float64Array of 2n = ${2 * this.n} numbers (n = ${this.n} complex bins)`);
    }
  }

  /** Lag j (any real, taken modulo N) to a time shift [s] in (-N/2, N/2] dt. */
  lagToTime(j: number): number {
    const N = this.fftLength;
    let x = j % N;
    if (x < 0) x += N;
    return (x > N / 2 ? x - N : x) * this.dt;
  }
}
