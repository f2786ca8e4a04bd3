/**
 * Fitting factor of an injection against a bank (arXiv:2302.00436 Eq. FF; mbank
 * utils.compute_injections_match): FF = max over the candidate templates of the match, maximised
 * over phase and time. For 22-only aligned models (hx = -i c h+) the signal is h+ of the injection
 * and the template h+ (the antenna factors only rescale and rotate the phase, which the match
 * removes); the grid maximum over lags is refined to a continuous time shift for every candidate
 * within `refineWithin` of the best grid match. Otherwise (precessing / higher modes) the signal is
 * s = F+ h+ + Fx hx with the injection's sky location and polarisation and the match is the
 * symphony match (arXiv:1709.09181 Eq. 13) over the template's polarisations, refined the same way
 * (src/match/symphony-refine.ts: the symphony statistic has no phase freedom, so the lag grid alone
 * would bias precessing FFs low by up to ~1%; mbank's symphony match has that bias).
 * One evaluator per worker: it owns a MatchWorkspace and a template cache (not thread safe).
 */
import { invalid } from '../core/errors.js';
import { uniformGrid, type FrequencyGrid } from '../core/grid.js';
import type { BankTemplates } from '../bank/bank.js';
import { chirpMass } from '../coordinates/components.js';
import { normaliseTemplate } from '../match/inner.js';
import { correlateKernel, peakIndex } from '../match/match.js';
import { refinedResult } from '../match/refine.js';
import { combinePolarizations, symphonyMatch } from '../match/symphony.js';
import { symphonyRefineFrom } from '../match/symphony-refine.js';
import { MatchWorkspace } from '../match/workspace.js';
import { loadPsd, psdOnBand } from '../psd/resolve.js';
import { getModel } from '../waveforms/registry.js';
import type { WaveformModel, WaveformParams } from '../waveforms/types.js';
import { ChirpMassIndex } from './candidates.js';
import { antennaPatterns, type SkyLocation } from './sky.js';
import { TemplateCache } from './template-cache.js';

/** Plain (serialisable) settings of a fitting-factor computation. */
export interface FittingFactorSettings {
  /** Approximant of injections and templates. */
  approximant: string;
  /** PSD name or file (src/psd/resolve.ts), and whether the file holds an ASD. */
  psd: string;
  asd: boolean;
  /** Band and grid [Hz]: f_k = k df up to fMaxHz; waveforms start (and f_ref) at fMinHz. */
  fMinHz: number;
  fMaxHz: number;
  df: number;
  /** Initial relative chirp-mass window (mbank --mchirp-window, default 0.1). */
  mchirpWindow: number;
  /** The window widens by `windowStep` (default 0.05) until at least this many candidates qualify. */
  minCandidates: number;
  windowStep?: number;
  /** Byte budget of the template cache (default 256 MiB). */
  cacheBytes?: number;
  /** Candidates within this of the best grid match get the sub-sample time refinement (default: defaultRefineWithin). */
  refineWithin?: number;
  /** Force the symphony match (true) or the h+ match (false); default: symphony unless the model is 22-only. */
  symphony?: boolean;
  /** Accept a PSD that does not cover [fMinHz, fMaxHz) (uncovered bins dropped); default: an error. */
  allowPsdBandCut?: boolean;
}

/** Result for one injection. */
export interface FittingFactorResult {
  /** Fitting factor: the best match over the candidates (refined in time for the h+ match). */
  ff: number;
  /** Bank index of the best template. */
  template: number;
  /** The best template's match on the lag grid (before refinement). */
  gridMatch: number;
  /** Number of candidate templates and the chirp-mass window that selected them. */
  candidates: number;
  window: number;
  /** Position of the best template in the candidate list. */
  rank: number;
}

/** The running best of a search over candidates (see FittingFactorEvaluator.consider). */
export interface FitSearch {
  /** Signal series. */
  s: Float64Array;
  /** Best refined match so far, its template, the best grid match over all candidates, the grid match of the best template. */
  ff: number;
  template: number;
  gridBest: number;
  gridMatch: number;
  /** Candidates evaluated, and the position of the best among them. */
  count: number;
  rank: number;
}

/** A fitting factor this close to 1 ends a search: the injection is one of the templates. */
export const EXACT_FF = 1 - 1e-6;

/**
 * Default of FittingFactorSettings.refineWithin: 0.02 for the h+ match (the sub-sample loss is < 1%
 * at f_max = 1024 Hz), 0.1 for the symphony match, whose refinement gained more than 0.02 on a
 * precessing bank at f_max = 512 Hz (IMRPhenomPv2, M in [30, 34]: 28 of 1000 FFs fell short of
 * brute force by up to 0.026 at 0.02, none at 0.05 or 0.1; README).
 */
export function defaultRefineWithin(symphony: boolean): number {
  return symphony ? 0.1 : 0.02;
}

/** Default byte budget of the template cache. */
export const DEFAULT_CACHE_BYTES = 256 * 2 ** 20;

/** Fitting factors of injections against one bank; see module comment. */
export class FittingFactorEvaluator {
  readonly settings: Readonly<FittingFactorSettings>;
  readonly model: WaveformModel;
  readonly grid: FrequencyGrid;
  readonly ws: MatchWorkspace;
  readonly symphony: boolean;
  readonly cache: TemplateCache;
  private chirpIndex: ChirpMassIndex | undefined;
  private readonly templates: Readonly<BankTemplates>;
  private scores = new Float64Array(0);
  private readonly refineWithin: number;

  /** `psdOnGrid` overrides settings.psd (values on f_k = k df, k = 0..floor(fMax/df)). */
  constructor(settings: FittingFactorSettings, templates: Readonly<BankTemplates>, psdOnGrid?: Float64Array) {
    if (!(settings.fMinHz > 0 && settings.fMaxHz > settings.fMinHz)) invalid('f-min/f-max', [settings.fMinHz, settings.fMaxHz], 'must be 0 < f-min < f-max (Hz)');
    this.settings = { ...settings };
    this.model = getModel(settings.approximant);
    this.grid = uniformGrid(settings.df, settings.fMaxHz);
    const psd = psdOnGrid ?? psdOnBand(loadPsd(settings.psd, { asd: settings.asd }), this.grid.frequencies, settings.fMinHz, settings.fMaxHz, settings.allowPsdBandCut);
    this.ws = new MatchWorkspace({ psd, df: settings.df, fLowHz: settings.fMinHz, fHighHz: settings.fMaxHz });
    this.symphony = settings.symphony ?? !this.model.only22;
    this.refineWithin = settings.refineWithin ?? defaultRefineWithin(this.symphony);
    this.templates = templates;
    if (templates.mass1.length === 0) invalid('bank size', 0, 'must hold at least one template');
    const perTemplate = 16 * this.grid.frequencies.length * (this.symphony ? 2 : 1);
    this.cache = new TemplateCache((settings.cacheBytes ?? DEFAULT_CACHE_BYTES) / perTemplate);
  }

  /** Waveform parameters of template i (1 Mpc, f_ref = f_min, angles from the bank or 0). */
  templateParams(i: number): WaveformParams {
    const t = this.templates;
    return {
      m1: t.mass1[i], m2: t.mass2[i], s1x: t.spin1x[i], s1y: t.spin1y[i], s1z: t.spin1z[i],
      s2x: t.spin2x[i], s2y: t.spin2y[i], s2z: t.spin2z[i], distanceMpc: 1,
      inclination: t.inclination?.[i] ?? 0, phiRef: t.phiRef?.[i] ?? 0,
      fMinHz: this.settings.fMinHz, fMaxHz: this.settings.fMaxHz, fRefHz: this.settings.fMinHz,
      eccentricity: t.eccentricity?.[i] ?? 0, meanAnomaly: t.meanAnomaly?.[i] ?? 0,
    };
  }

  private makeTemplate = (i: number) => {
    const { hp, hc } = this.model.generate(this.grid, this.templateParams(i));
    return this.symphony ? { hp, hc } : { hp: normaliseTemplate(this.ws, hp) };
  };

  /** The signal series of an injection: h+ (22-only h+ match) or F+ h+ + Fx hx (symphony). */
  signal(params: WaveformParams, sky: SkyLocation): Float64Array {
    const { hp, hc } = this.model.generate(this.grid, params);
    if (!this.symphony) return hp;
    const { fPlus, fCross } = antennaPatterns(sky);
    return combinePolarizations(hp, hc, fPlus, fCross);
  }

  /** Fitting factor of the injection with waveform parameters `params` seen from `sky`. */
  evaluate(params: WaveformParams, sky: SkyLocation): FittingFactorResult {
    const s = this.signal(params, sky);
    // built on first use: a metric preselection never needs it (sorting millions of chirp masses costs seconds)
    this.chirpIndex ??= new ChirpMassIndex(this.templates.mass1, this.templates.mass2);
    const sel = this.chirpIndex.select(chirpMass(params.m1, params.m2), this.settings.mchirpWindow, this.settings.minCandidates, this.settings.windowStep ?? 0.05);
    return this.fittingFactor(s, sel.indices, sel.window);
  }

  /** Fitting factor over given candidate templates (bank indices), e.g. a metric-distance preselection. */
  evaluateAmong(params: WaveformParams, sky: SkyLocation, candidates: ArrayLike<number>): FittingFactorResult {
    return this.fittingFactor(this.signal(params, sky), candidates);
  }

  /** Maximum match of signal `s` over the templates `candidates` (bank indices), in their order. */
  fittingFactor(s: Float64Array, candidates: ArrayLike<number>, window = NaN): FittingFactorResult {
    const search = this.begin(s);
    for (let c = 0; c < candidates.length && !this.consider(search, candidates[c]); c++);
    return this.result(search, window);
  }

  /** A search over candidates given one at a time ({@link consider}) against signal `s`. */
  begin(s: Float64Array): FitSearch {
    return { s, ff: -1, template: -1, gridBest: -1, gridMatch: -1, count: 0, rank: -1 };
  }

  /**
   * Match template i against the search's signal: one correlation (FFT) per candidate; the time
   * refinement reuses it, for every candidate whose grid match is within refineWithin of the best
   * grid match so far. A candidate not refined has grid < (final best grid) - refineWithin, so its
   * refined match cannot beat the final FF whenever refinement gains less than refineWithin (the
   * sub-sample loss is < 1% at f_max = 1024 Hz): the FF does not depend on the candidates' order.
   * Returns true once FF >= 1 - 1e-6 (nothing left to gain: callers stop).
   */
  consider(search: FitSearch, i: number): boolean {
    const { grid, refined } = this.matchOf(i, search.s);
    search.count++;
    if (grid > search.gridBest) search.gridBest = grid;
    if (grid >= search.gridBest - this.refineWithin) {
      const r = Math.max(grid, refined());
      if (r > search.ff) {
        search.ff = r;
        search.template = i;
        search.gridMatch = grid;
        search.rank = search.count - 1;
      }
    }
    return search.ff >= EXACT_FF;
  }

  /**
   * Grid match of template i against signal `s`, and its time refinement, to be called before the
   * next match (it reuses this correlation). Separate from {@link consider} so that a subclass can
   * memoise the matches of one signal (bench/injections-agreement-replay.bench.ts).
   */
  matchOf(i: number, s: Float64Array): { grid: number; refined: () => number } {
    const ws = this.ws;
    const t = this.cache.get(i, this.makeTemplate);
    if (this.symphony) {
      const g = symphonyMatch(ws, t.hp, t.hc!, s);
      return { grid: g.match, refined: () => symphonyRefineFrom(ws, t.hp, t.hc!, s, g).match };
    }
    const { ss } = correlateKernel(ws, t.hp, s, 1);
    return { grid: ss > 0 ? Math.sqrt(peakIndex(ws).abs2 / ss) : 0, refined: () => refinedResult(ws, 1, ss).match };
  }

  /** The result of a search (`window`: the chirp-mass window of the candidates, NaN otherwise). */
  result(search: FitSearch, window = NaN): FittingFactorResult {
    return { ff: search.ff, template: search.template, gridMatch: search.gridMatch, candidates: search.count, window, rank: search.rank };
  }
}
