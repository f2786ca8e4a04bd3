/**
 * A small least-recently-used cache of template waveforms, keyed by template index, bounded by a
 * byte budget. When the budget holds the whole bank it is a precomputed bank; otherwise templates
 * are generated on demand and the least recently used are dropped.
 */

/** What the cache stores per template: normalised h+ and (for symphony) hx. */
export interface CachedTemplate {
  /** h+ / sqrt(band norm) (unit norm over the band). */
  hp: Float64Array;
  /** hx as generated (symphony normalises itself), or undefined when not needed. */
  hc?: Float64Array;
}

/** LRU cache (Map keeps insertion order: re-inserting on a hit makes it most recent). */
export class TemplateCache {
  readonly capacity: number;
  private readonly map = new Map<number, CachedTemplate>();
  /** Counters of lookups, for the report. */
  hits = 0;
  misses = 0;

  /** A cache holding at most `capacity` templates (>= 1). */
  constructor(capacity: number) {
    this.capacity = Math.max(1, Math.floor(capacity));
  }

  /** Template `i`, built with `make` on a miss. */
  get(i: number, make: (i: number) => CachedTemplate): CachedTemplate {
    const t = this.map.get(i);
    if (t !== undefined) {
      this.hits++;
      this.map.delete(i);
      this.map.set(i, t);
      return t;
    }
    this.misses++;
    const v = make(i);
    this.map.set(i, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as number);
    return v;
  }

  /** Templates held now. */
  get size(): number {
    return this.map.size;
  }
}
