/**
 * Waveform model interface: a model is a pure function of a frequency grid and named physical
 * parameters, returning h+ and hx as interleaved complex Float64Arrays on that grid (strain, 1/Hz),
 * in LALSimulation's ChooseFDWaveform conventions (source frame with z along L at fRef).
 */
import type { ComplexArray, FrequencyGrid } from '../core/grid.js';

/** Physical parameters of one compact binary, in the units named. */
export interface WaveformParams {
  /** Component masses [solar masses]; m1 < m2 is accepted (models swap bodies as LAL does). */
  m1: number;
  m2: number;
  /** Dimensionless spin components in LAL's source frame. */
  s1x: number;
  s1y: number;
  s1z: number;
  s2x: number;
  s2y: number;
  s2z: number;
  /** Luminosity distance [Mpc]. */
  distanceMpc: number;
  /** Inclination of L to the line of sight [rad]. */
  inclination: number;
  /** Reference orbital phase [rad]. */
  phiRef: number;
  /** Starting frequency [Hz]. */
  fMinHz: number;
  /** Maximum frequency [Hz]; the grid is generated up to here (models apply their own cutoffs). */
  fMaxHz: number;
  /** Reference frequency [Hz]; 0 selects the model default (see each model). */
  fRefHz: number;
  /** Orbital eccentricity (EccentricFD: at fMinHz, LAL's convention; ignored by quasi-circular models). */
  eccentricity?: number;
  /** Mean periastron anomaly [rad] (no registered model uses it; LAL's EccentricFD ignores it). */
  meanAnomaly?: number;
  /** Longitude of ascending nodes [rad] (LAL's longAscNodes: EccentricFD's azimuth and ChooseFDWaveform's final polarisation rotation). */
  longAscNodes?: number;
  /** IMRPhenomXHM multibanding threshold (LAL's ThresholdMband; default 1e-3, 0 = exact evaluation). */
  thresholdMband?: number;
  /** IMRPhenomXP precession version (LAL's PrecVersion): 223 (default; LAL's 300: MSA angles, NNLO fall-back) or 102 (NNLO angles). */
  precVersion?: number;
  /** IMRPhenomXPHM multibanding threshold of the Euler angles (LAL's PrecThresholdMband; default 1e-3, 0 = every bin). */
  precThresholdMband?: number;
}

/** The two polarisations on a grid (interleaved complex, length 2 n). */
export interface Polarizations {
  hp: ComplexArray;
  hc: ComplexArray;
}

/**
 * Caller-owned output arrays for {@link WaveformModel.generateInto}: h+ always; hx only when given
 * (the metric and the match of 22-only aligned-spin models need h+ alone). Interleaved complex, length 2 n.
 */
export interface PolarizationBuffers {
  hp: ComplexArray;
  hc?: ComplexArray;
}

/** Options of {@link WaveformModel.generateInto}. */
export interface GenerateIntoOptions {
  /** First bin to write (default 0). */
  kLo?: number;
  /** One past the last bin to write (default: the grid length). */
  kHi?: number;
}

/** A frequency-domain model. */
export interface WaveformModel {
  /** Approximant name as in LALSimulation, e.g. "IMRPhenomD". */
  readonly name: string;
  /** True when the model supports in-plane spins (precession). */
  readonly precessing: boolean;
  /** True when hx = -i 2 cos(iota)/(1+cos^2 iota) h+ holds (22-only aligned-spin models). */
  readonly only22: boolean;
  /** True for models without spins (EccentricFD): they reject non-zero spin components. */
  readonly nonSpinning?: boolean;
  /** True for models that take `eccentricity` (and `longAscNodes`); the others ignore them. */
  readonly eccentric?: boolean;
  /** Evaluate h+ and hx on the grid; throws MbankError on unphysical parameters. */
  generate(grid: FrequencyGrid, params: WaveformParams): Polarizations;
  /**
   * Optional allocation-free variant of `generate`: writes every bin k in [kLo, kHi) of `out.hp` (and of
   * `out.hc` when given) with the value `generate` gives there (zero outside the model's support) and
   * leaves the other bins untouched. Values are bitwise those of `generate` when kLo is at or below the
   * model's first filled bin (models with bin-to-bin recurrences start them at max(kLo, first bin)).
   * @throws MbankError as `generate`
   */
  generateInto?(grid: FrequencyGrid, params: WaveformParams, out: PolarizationBuffers, opts?: GenerateIntoOptions): void;
  /**
   * h+ and hx at arbitrary frequencies `freqs` [Hz] (any spacing and order): the model on f_min <= f < f_end,
   * zero elsewhere, agreeing with `generate` on a uniform grid at the same frequencies (to ~1e-12 of max|h|;
   * a model whose uniform-grid epoch depends on df, TaylorF2, puts coalescence at t = 0 here instead).
   * Define the three frequency-list members together (see {@link requireFrequencyList} in registry.ts) and only
   * for models whose h+ and hx are a smooth envelope times one common phase factor (22-only models, or the
   * twisted-up 22 of IMRPhenomPv2): the quadrature metric integrates conj(h) dh/dtheta on a few hundred
   * frequencies, which is wrong for a sum of modes with different orbital phases.
   */
  generateAt?(freqs: Float64Array, params: WaveformParams): Polarizations;
  /** Allocation-free `generateAt`: writes entry j < freqs.length of out.hp (and of out.hc when given). */
  generateAtInto?(freqs: Float64Array, params: WaveformParams, out: PolarizationBuffers): void;
  /**
   * End of the model's support [Hz] on a frequency list: generateAt is zero for f >= this (the model's
   * cut-off frequency, e.g. IMRPhenomD's Mf = 0.2, or f_max when lower); non-zero just below it.
   */
  supportEndHz?(params: WaveformParams): number;
}

/** A model with the frequency-list members (see WaveformModel.generateAt). */
export type FrequencyListModel = WaveformModel & Required<Pick<WaveformModel, 'generateAt' | 'generateAtInto' | 'supportEndHz'>>;
