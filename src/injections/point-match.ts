/**
 * True matches between points of a variable format, as `injections` measures fitting factors: the
 * signal at a probe point against the template at a bank point. For 22-only aligned models the h+
 * match maximised over phase and time (both normalised; the match is symmetric), refined to a
 * continuous time shift when the lag-grid value is within `refineWithin` below the threshold of
 * interest (a grid match at or above it already decides coverage); otherwise the symphony match
 * (arXiv:1709.09181 Eq. 13) of the probe's F+ h+ + Fx hx (sky location and polarisation drawn from
 * the probe's id, so a probe is always seen from the same sky) against the template's (h+, hx),
 * refined the same way. Used by the completion of a bank
 * (src/placement/complete.ts), which decides coverage by these matches, not by the metric.
 * Waveforms of both sides are kept in a bounded cache by id (one PointMatcher per worker thread).
 */
import { Rng } from '../core/rng.js';
import { MetricWorkspace, type MetricOptions } from '../metric/workspace.js';
import { bandNormSq, normaliseTemplate } from '../match/inner.js';
import { matchNormalised } from '../match/match.js';
import { refinedResult } from '../match/refine.js';
import { combinePolarizations, symphonyMatch } from '../match/symphony.js';
import { symphonyRefineFrom } from '../match/symphony-refine.js';
import { antennaPatterns, randomSkyLocations } from './sky.js';
import { defaultRefineWithin } from './fitting-factor.js';
import { TemplateCache, type CachedTemplate } from './template-cache.js';

/** Plain (structured-clonable) settings of a PointMatcher. */
export interface PointMatchSpec {
  metric: MetricOptions;
  /**
   * Grid matches in [threshold - refineWithin, threshold) are refined in time (default threshold 1:
   * every one from 1 - refineWithin; refineWithin as injections: 0.02 h+, 0.1 symphony).
   */
  threshold?: number;
  refineWithin?: number;
  /** Byte budget of the waveform cache (default 512 MiB). */
  cacheBytes?: number;
  /** Seed of the probes' sky locations (symphony only). */
  skySeed?: number;
}

type Cached = CachedTemplate;

/** Default byte budget of a PointMatcher's cache. */
const DEFAULT_POINT_CACHE_BYTES = 512 * 2 ** 20;

/** Matches between points; see the module comment. Not thread safe (owns a workspace). */
export class PointMatcher {
  readonly symphony: boolean;
  private readonly ws: MetricWorkspace;
  private readonly threshold: number;
  private readonly refineWithin: number;
  private readonly cache: TemplateCache;
  private readonly skySeed: number;
  private readonly D: number;

  constructor(spec: PointMatchSpec) {
    this.ws = new MetricWorkspace(spec.metric);
    this.symphony = !this.ws.model.only22;
    this.threshold = spec.threshold ?? 1;
    // as `injections` refines (the symphony refinement can gain more than 0.02)
    this.refineWithin = spec.refineWithin ?? defaultRefineWithin(this.symphony);
    this.skySeed = spec.skySeed ?? 0;
    this.D = this.ws.format.D;
    const perWave = 16 * this.ws.grid.frequencies.length * (this.symphony ? 2 : 1);
    this.cache = new TemplateCache(Math.max(2, (spec.cacheBytes ?? DEFAULT_POINT_CACHE_BYTES) / perWave));
  }

  /** The probe signal at theta: normalised h+ (22-only) or F+ h+ + Fx hx with the id's sky. */
  private probe(theta: ArrayLike<number>, id: number): Cached {
    const { hp, hc } = this.ws.waveform(theta);
    if (!this.symphony) return { hp: normaliseTemplate(this.ws.match, hp) };
    const sky = randomSkyLocations(1, new Rng(this.skySeed, 1 + id))[0];
    const { fPlus, fCross } = antennaPatterns(sky);
    return { hp: combinePolarizations(hp, hc, fPlus, fCross) };
  }

  /** The template at theta: normalised h+ (22-only) or (h+, hx). */
  private template(theta: ArrayLike<number>): Cached {
    const { hp, hc } = this.ws.waveform(theta);
    return this.symphony ? { hp, hc } : { hp: normaliseTemplate(this.ws.match, hp) };
  }

  /**
   * Matches of pairs (probe i, template i): `probes` and `templates` are n x D row-major, ids key the
   * cache (a probe id and a template id never collide: the caller keeps them in separate ranges).
   */
  matchPairs(probes: Float64Array, probeIds: ArrayLike<number>, templates: Float64Array, templateIds: ArrayLike<number>): Float64Array {
    const D = this.D;
    const n = probeIds.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const pid = probeIds[i], tid = templateIds[i];
      const p = this.cache.get(2 * pid, () => this.probe(probes.subarray(i * D, (i + 1) * D), pid));
      const t = this.cache.get(2 * tid + 1, () => this.template(templates.subarray(i * D, (i + 1) * D)));
      out[i] = this.symphony ? this.symphonyMatch(t, p.hp) : this.plusMatch(t.hp, p.hp);
    }
    return out;
  }

  /** Whether a grid match is refined: within refineWithin below the threshold (at or above it, the decision is made). */
  private refines(grid: number): boolean {
    return grid >= this.threshold - this.refineWithin && (grid < this.threshold || this.threshold >= 1);
  }

  // the refinements start from the correlation the grid match left in the workspace (no second FFT)
  private plusMatch(t: Float64Array, s: Float64Array): number {
    const ws = this.ws.match;
    const grid = matchNormalised(ws, t, s).match;
    if (!this.refines(grid)) return grid;
    return Math.max(grid, refinedResult(ws, 1, bandNormSq(ws, s)).match);
  }

  private symphonyMatch(t: Cached, s: Float64Array): number {
    const ws = this.ws.match;
    const grid = symphonyMatch(ws, t.hp, t.hc!, s);
    if (!this.refines(grid.match)) return grid.match;
    return Math.max(grid.match, symphonyRefineFrom(ws, t.hp, t.hc!, s, grid).match);
  }
}
