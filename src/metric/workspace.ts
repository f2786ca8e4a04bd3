/**
 * Per-worker state of the metric: variable format, waveform model, frequency grid, PSD, match
 * workspace (band, 1/S, FFT plan) and finite-difference settings. Build one per worker thread and
 * reuse it for every point (STYLE.md example 6); it is not safe for concurrent use.
 */
import { invalid } from '../core/errors.js';
import { uniformGrid, type FrequencyGrid } from '../core/grid.js';
import { zeroComponents, type BBHComponents } from '../coordinates/components.js';
import { getVariableFormat, type VariableFormat } from '../coordinates/format.js';
import { MatchWorkspace } from '../match/workspace.js';
import { loadPsd, psdOnBand } from '../psd/resolve.js';
import { getModel, hasFrequencyList, requireFrequencyList } from '../waveforms/registry.js';
import type { FrequencyListModel, Polarizations, WaveformModel, WaveformParams } from '../waveforms/types.js';
import { QuadratureRule, type QuadratureSettings } from './quadrature.js';
import { checkOrder, type StencilOrder } from './stencil.js';
import { checkFormatForModel } from './format-model.js';

/** Plain (serialisable) settings of a metric computation, as the CLI options give them. */
export interface MetricOptions {
  /** Variable format, e.g. "Mq_s1z_s2z". */
  variableFormat: string;
  /** Approximant name, e.g. "IMRPhenomD". */
  approximant: string;
  /** PSD: analytic name, bundled short name or file path (see src/psd/resolve.ts). */
  psd: string;
  /** The PSD file holds an ASD (values squared). */
  asd: boolean;
  /** Lower frequency [Hz]: waveform start, reference frequency (mbank: f_ref = f_min) and band start. */
  fMinHz: number;
  /** Upper frequency [Hz] of the grid and of the band. */
  fMaxHz: number;
  /** Grid spacing [Hz]: the grid is f_k = k df, k = 0..floor(fMax/df). */
  df: number;
  /** Finite-difference order (2, 4, 6, 8); default 2. */
  order?: number;
  /**
   * Finite-difference step: relative to |theta_i| for scale coordinates (masses, q, eta), absolute
   * for the others (spins, angles, log10 masses). Default 1e-6.
   */
  step?: number;
  /** Accept a PSD that does not cover [fMinHz, fMaxHz) (uncovered bins dropped); default: an error. */
  allowPsdBandCut?: boolean;
  /**
   * Frequencies of the metric's inner products: 'uniform' (every bin of the band) or 'quadrature' (a few
   * hundred nodes, ./quadrature.ts; needs a model with generateAt). Default: 'quadrature' when the model
   * has generateAt, else 'uniform'.
   */
  metricGrid?: MetricGrid;
  /** Panels and nodes of the quadrature (default DEFAULT_QUADRATURE; library only). */
  quadrature?: QuadratureSettings;
}

/** How the metric's inner products are evaluated (see MetricOptions.metricGrid). */
export type MetricGrid = 'uniform' | 'quadrature';
/** Every metric grid, for validation messages. */
export const METRIC_GRIDS: readonly MetricGrid[] = ['uniform', 'quadrature'];

/** The metric grid used for `options` with `model`: the option, else quadrature when the model has generateAt. */
export function resolveMetricGrid(options: Pick<MetricOptions, 'metricGrid'>, model: WaveformModel): MetricGrid {
  const g = options.metricGrid;
  if (g === undefined) return hasFrequencyList(model) ? 'quadrature' : 'uniform';
  if (!METRIC_GRIDS.includes(g)) invalid('metric-grid', g, `must be one of ${METRIC_GRIDS.join(', ')}`);
  return g;
}

/**
 * The nodes of the metric's sums at one point: entries k in [lo, hi) of `freqs` [Hz] with weight
 * weights[k - lo] (the uniform band with 1/S_k, or the quadrature nodes with their weights).
 */
export interface MetricSums {
  freqs: Float64Array;
  weights: Float64Array;
  lo: number;
  hi: number;
}

/** Default finite-difference order and step (see MetricOptions). */
export const DEFAULT_FD_ORDER: StencilOrder = 2;
export const DEFAULT_FD_STEP = 1e-6;

/** The metric's working set; see module comment. */
export class MetricWorkspace {
  readonly format: VariableFormat;
  readonly model: WaveformModel;
  readonly grid: FrequencyGrid;
  readonly match: MatchWorkspace;
  readonly fMinHz: number;
  readonly fMaxHz: number;
  readonly order: StencilOrder;
  readonly step: number;
  readonly options: MetricOptions;
  /**
   * Scratch: waveform gradients over the band, bin-major: bin k (kmin <= k < kmax) holds D + 1 complex
   * slots (d h+/d theta_i for i < D, then the time derivative) at 2 (D + 1)(k - kmin) + 2 i.
   */
  readonly gradients: Float64Array;
  /** Scratch: a displaced point. */
  readonly shifted: Float64Array;
  /** Scratch: components of the current point. */
  readonly components: BBHComponents = zeroComponents();
  /**
   * Scratch of the metric: centre h+ and hx and one displaced h+ (interleaved complex, grid length;
   * only the band [kmin, kmax) is meaningful), filled by {@link waveformBandInto}.
   */
  readonly centre: { hp: Float64Array; hc: Float64Array };
  readonly displaced: Float64Array;
  /** The metric grid in use, and the quadrature rule when it is 'quadrature' (else null). */
  readonly metricGrid: MetricGrid;
  readonly quadrature: QuadratureRule | null;
  private readonly listModel: FrequencyListModel | null;
  /** The uniform band as MetricSums (every bin, 1/S). */
  readonly uniformSums: MetricSums;
  /** Scratch of the quadrature's resolution check (one value per node). */
  readonly tailScratch: Float64Array;
  /** Largest relative tail estimate of the last quadrature metric (diagnostic; see metric.ts). */
  lastQuadratureTail = NaN;
  /** Points whose quadrature metric was not resolved and was computed on the uniform grid instead. */
  quadratureFallbacks = 0;
  private readonly quadratureSums: MetricSums;
  private nodeView: Float64Array = new Float64Array(0);
  private readonly params: WaveformParams;

  constructor(options: MetricOptions, psdOnGrid?: Float64Array) {
    this.options = options;
    this.format = getVariableFormat(options.variableFormat);
    this.model = getModel(options.approximant);
    checkFormatForModel(this.format, this.model);
    if (!(options.fMinHz > 0)) invalid('f-min', options.fMinHz, 'must be a positive frequency in Hz');
    if (!(options.fMaxHz > options.fMinHz)) invalid('f-max', options.fMaxHz, `must be above f-min = ${options.fMinHz} Hz`);
    this.grid = uniformGrid(options.df, options.fMaxHz);
    const psd = psdOnGrid ?? psdOnBand(loadPsd(options.psd, { asd: options.asd }), this.grid.frequencies, options.fMinHz, options.fMaxHz, options.allowPsdBandCut);
    if (psd.length !== this.grid.frequencies.length) invalid('psd length', psd.length, `must equal the grid length ${this.grid.frequencies.length}`);
    this.match = new MatchWorkspace({ psd, df: options.df, fLowHz: options.fMinHz, fHighHz: options.fMaxHz });
    this.fMinHz = options.fMinHz;
    this.fMaxHz = options.fMaxHz;
    this.order = checkOrder(options.order ?? DEFAULT_FD_ORDER);
    const step = options.step ?? DEFAULT_FD_STEP;
    if (!(step > 0 && step < 0.1)) invalid('fd-step', step, 'must be in (0, 0.1)');
    this.step = step;
    this.metricGrid = resolveMetricGrid(options, this.model);
    const { kmin, kmax } = this.match;
    this.uniformSums = { freqs: this.grid.frequencies, weights: this.match.invPsd, lo: kmin, hi: kmax };
    if (this.metricGrid === 'quadrature') {
      this.listModel = requireFrequencyList(this.model, '--metric-grid quadrature');
      this.quadrature = new QuadratureRule(this.grid.frequencies, this.match.invPsd, kmin, kmax, options.fMinHz, options.quadrature);
    } else {
      this.listModel = null;
      this.quadrature = null;
    }
    this.quadratureSums = { freqs: this.quadrature?.freqs ?? this.grid.frequencies, weights: this.quadrature?.weights ?? this.match.invPsd, lo: 0, hi: 0 };
    const nSums = Math.max(kmax - kmin, this.quadrature?.fullCount ?? 0);
    this.tailScratch = new Float64Array(this.quadrature?.fullCount ?? 0);
    this.gradients = new Float64Array((this.format.D + 1) * 2 * nSums);
    this.shifted = new Float64Array(this.format.D);
    const n2 = 2 * this.grid.frequencies.length;
    this.centre = { hp: new Float64Array(n2), hc: new Float64Array(n2) };
    this.displaced = new Float64Array(n2);
    this.params = {
      m1: 1, m2: 1, s1x: 0, s1y: 0, s1z: 0, s2x: 0, s2y: 0, s2z: 0, distanceMpc: 1, inclination: 0, phiRef: 0,
      fMinHz: options.fMinHz, fMaxHz: options.fMaxHz, fRefHz: options.fMinHz, eccentricity: 0, meanAnomaly: 0,
    };
  }

  /**
   * h+ and hx at theta, as mbank's get_WF_lal: 1 Mpc, f_ref = f_min, inclination = iota,
   * phiRef = phi, eccentricity = e, mean anomaly = meanano.
   */
  waveform(theta: ArrayLike<number>): Polarizations {
    return this.model.generate(this.grid, this.paramsAt(theta));
  }

  /**
   * The same h+ (and hx when `hc` is given) as {@link waveform}, written into caller-owned arrays of
   * the grid length over the match band [kmin, kmax) only (other bins untouched). Uses the model's
   * allocation-free generateInto when it has one (identical values), else `waveform` and a copy; an
   * instance that overrides `waveform` (e.g. a toy model in a test) always goes through the override.
   */
  waveformBandInto(theta: ArrayLike<number>, hp: Float64Array, hc?: Float64Array): void {
    const { kmin, kmax } = this.match;
    if (this.model.generateInto && this.waveform === MetricWorkspace.prototype.waveform) {
      this.model.generateInto(this.grid, this.paramsAt(theta), hc ? { hp, hc } : { hp }, { kLo: kmin, kHi: kmax });
      return;
    }
    const w = this.waveform(theta);
    hp.set(w.hp.subarray(2 * kmin, 2 * kmax), 2 * kmin);
    if (hc) hc.set(w.hc.subarray(2 * kmin, 2 * kmax), 2 * kmin);
  }

  /**
   * The nodes of the metric's sums at theta (see MetricSums): the uniform band, or the quadrature rule
   * ending at the model's support end (bins below floor(f_end/df), IMRPhenomD's uniform-grid cut) for the
   * point theta (the centre of the stencil; its displaced waveforms use the same nodes). A workspace whose
   * `waveform` is overridden (a toy model in a test) always sums over the uniform band.
   */
  prepareSums(theta: ArrayLike<number>): MetricSums {
    if (this.quadrature === null || this.listModel === null || this.overridden()) return this.uniformSums;
    const fEnd = this.listModel.supportEndHz(this.paramsAt(theta));
    const count = this.quadrature.select(Math.floor(fEnd / this.options.df));
    if (this.nodeView.length !== count) this.nodeView = this.quadrature.freqs.subarray(0, count);
    this.quadratureSums.hi = count;
    return this.quadratureSums;
  }

  /**
   * h+ (and hx when `hc` is given) at theta on the nodes of `sums` (the last {@link prepareSums}, or
   * {@link uniformSums}): the uniform band through {@link waveformBandInto}, or the quadrature nodes through
   * the model's generateAtInto (entries [0, count) of the arrays).
   */
  sumsWaveformInto(sums: MetricSums, theta: ArrayLike<number>, hp: Float64Array, hc?: Float64Array): void {
    if (sums === this.uniformSums || this.listModel === null) {
      this.waveformBandInto(theta, hp, hc);
      return;
    }
    this.listModel.generateAtInto(this.nodeView, this.paramsAt(theta), hc ? { hp, hc } : { hp });
  }

  /** True when `waveform` is overridden (e.g. a toy model in a test): the metric then sums over the uniform band. */
  private overridden(): boolean {
    return this.waveform !== MetricWorkspace.prototype.waveform;
  }

  /** The model parameters at theta (a reused object: valid until the next call). */
  private paramsAt(theta: ArrayLike<number>): WaveformParams {
    const c = this.format.toPhysicalInto(theta, this.components);
    const p = this.params;
    p.m1 = c.m1; p.m2 = c.m2;
    p.s1x = c.s1x; p.s1y = c.s1y; p.s1z = c.s1z;
    p.s2x = c.s2x; p.s2y = c.s2y; p.s2z = c.s2z;
    p.inclination = c.iota; p.phiRef = c.phi; p.eccentricity = c.e; p.meanAnomaly = c.meanano;
    return p;
  }
}
