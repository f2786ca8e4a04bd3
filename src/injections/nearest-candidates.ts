/**
 * The default candidate selection of the fitting factor: the templates nearest to the injection in
 * chirp-phase coordinates z (./phase-embedding.ts, where |dz|^2 approximates the mismatch with a
 * constant metric), found by ball queries on the bank's k-d tree and evaluated nearest first, the
 * list widened until the best is safely inside it. A template can beat a fitting factor F only if
 * its mismatch is below 1 - F, so every template with
 *   |dz|^2 <= scale (1 - F) + floor
 * is evaluated (F the best so far: the ball shrinks as F grows), after at least `minCandidates`
 * nearest ones. `scale` covers where |dz|^2 overestimates the mismatch (merger and ringdown are not
 * in the PN phase; 14.5 at most on the default bank, where the 16 nearest cover the tail), `floor`
 * an optional absolute margin (default 0: both |dz|^2 and the mismatch are quadratic at small
 * separations, and a floor dominated the ball of dense banks). Measured against brute force: README.
 * The PN phase to 0.8 f_ISCO resolves only ~2 of the 4 aligned-spin dimensions (the others are set
 * by merger and ringdown), so the ball's count grows as sqrt(N): 100 candidates at 3.6e3 templates,
 * ~500 at 1e5, thousands at 1e7.
 */
import { invalid } from '../core/errors.js';
import type { BBHComponents } from '../coordinates/components.js';
import type { FittingFactorEvaluator, FittingFactorResult } from './fitting-factor.js';
import { embed, type PhaseEmbedding } from './phase-embedding.js';
import { TemplateIndex, type TemplateIndexData } from './template-index.js';

/** Settings of the nearest-template selection (see module comment). */
export interface NearestSettings {
  /** Templates evaluated at least (the nearest ones). */
  minCandidates: number;
  /** The ball |dz|^2 <= scale (1 - F) + floor. */
  scale: number;
  floor: number;
  /** At most this many candidates per injection. */
  maxCandidates: number;
}

/** Defaults measured against brute force on the default bank (README). */
export const DEFAULT_NEAREST: Readonly<NearestSettings> = { minCandidates: 16, scale: 8, floor: 0, maxCandidates: 20000 };

/**
 * Defaults for precessing and higher-mode banks, where precession and the m != 2 modes modulate
 * around the 22 phasing of the aligned spin components, so the best template sits farther in z
 * (measured against brute force, 3000 injections per bank and kind: README).
 */
export const DEFAULT_NEAREST_MODULATED: Readonly<NearestSettings> = { minCandidates: 64, scale: 32, floor: 0, maxCandidates: 20000 };

/** Check the settings, naming the bad one. */
export function checkNearestSettings(s: NearestSettings): NearestSettings {
  if (!(Number.isInteger(s.minCandidates) && s.minCandidates >= 1)) invalid('min-candidates', s.minCandidates, 'must be an integer >= 1');
  if (!(s.scale >= 1)) invalid('ball-scale', s.scale, 'must be >= 1 (|dz|^2 <= scale (1 - FF) + floor)');
  if (!(s.floor >= 0)) invalid('ball-floor', s.floor, 'must be >= 0');
  if (!(Number.isInteger(s.maxCandidates) && s.maxCandidates >= s.minCandidates)) invalid('max-candidates', s.maxCandidates, 'must be an integer >= min-candidates');
  return s;
}

/** What a selection reports besides the fitting factor. */
export interface NearestOutcome {
  result: FittingFactorResult;
  /** Final ball radius |dz|^2, and the templates the k-d tree tested (a measure of its pruning). */
  radiusSq: number;
  visited: number;
}

/** The shared data a selector needs: the embedding, the bank's points (N x dim) and the tree. */
export interface NearestData {
  embedding: PhaseEmbedding;
  points: Float64Array;
  tree: TemplateIndexData;
}

/** Per-worker selector (owns the query scratch). */
export class NearestSelector {
  readonly index: TemplateIndex;
  readonly settings: NearestSettings;
  private readonly embedding: PhaseEmbedding;
  /** Ball radius^2 that last gave minCandidates templates: the next query starts there. */
  private r2Start = 1e-3;

  constructor(data: NearestData, settings: Partial<NearestSettings> = {}) {
    this.embedding = data.embedding;
    this.index = new TemplateIndex(data.tree, data.points);
    this.settings = checkNearestSettings({ ...DEFAULT_NEAREST, ...settings });
  }

  /** Chirp-phase coordinates of a binary. */
  point(c: BBHComponents): Float64Array {
    const z = new Float64Array(this.embedding.dim);
    embed(this.embedding, c.m1, c.m2, c.s1z, c.s2z, z);
    return z;
  }

  /** Fitting factor of signal `s` (the injection with components `c`) over the selected templates. */
  search(ev: FittingFactorEvaluator, c: BBHComponents, s: Float64Array): NearestOutcome {
    const z = this.point(c);
    const search = ev.begin(s);
    const { minCandidates, scale, floor, maxCandidates } = this.settings;
    const need = Math.min(minCandidates, this.index.data.N);
    let r2 = this.r2Start;
    let ball = this.index.ball(z, r2);
    let visited = this.index.visited;
    while (ball.indices.length < need) {
      r2 *= 4;
      ball = this.index.ball(z, r2);
      visited += this.index.visited;
    }
    this.r2Start = ball.indices.length > 4 * need ? r2 / 4 : r2;
    const bound = () => scale * (1 - search.ff) + floor;
    let done = false, covered = -1;
    const run = () => {
      for (let k = 0; k < ball.indices.length && !done; k++) {
        const q = ball.distanceSq[k];
        if (q <= covered) continue;
        if ((search.count >= need && q > bound()) || search.count >= maxCandidates) { done = true; break; }
        done = ev.consider(search, ball.indices[k]);
      }
    };
    run();
    if (!done && bound() > r2) {
      covered = r2;
      r2 = bound();
      ball = this.index.ball(z, r2);
      visited += this.index.visited;
      run();
    }
    return { result: ev.result(search), radiusSq: Math.min(r2, bound()), visited };
  }
}
