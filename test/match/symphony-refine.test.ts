import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { combinePolarizations, symphonyMatch } from '../../src/match/symphony.js';
import { symphonyMatchRefined } from '../../src/match/symphony-refine.js';
import { MatchWorkspace } from '../../src/match/workspace.js';
import { chirp, precessingLikePair, shift, toyPsd } from './chirp.js';

const n = 4097, df = 0.25;
const ws = new MatchWorkspace({ psd: toyPsd(n, df), df, fLowHz: 15, fHighHz: 1024 });
/** hx = -0.6 i a + 0.35 b: not proportional to h+ (a precessing-like template). */
const { hp, hc, b } = precessingLikePair(n, df);

/** Symphony match maximised over time by brute force: the grid match of the signal shifted by t0 on a fine scan. */
function bruteForce(s: Float64Array, steps = 200): number {
  let best = 0;
  for (let j = -steps; j <= steps; j++) best = Math.max(best, symphonyMatch(ws, hp, hc, shift(s, df, (j / steps) * ws.dt, 0)).match);
  return best;
}

describe('symphony match over a continuous time shift', () => {
  it('is 1 and recovers the delay of a signal in the template plane shifted by a fraction of a sample', () => {
    const rng = new Rng(8);
    for (let i = 0; i < 5; i++) {
      const tau = (rng.int(40) - 20 + rng.uniform()) * ws.dt;
      const s = shift(combinePolarizations(hp, hc, rng.uniformIn(-1, 1), rng.uniformIn(-1, 1)), df, tau, 0);
      const grid = symphonyMatch(ws, hp, hc, s).match;
      const r = symphonyMatchRefined(ws, hp, hc, s);
      expect(r.match).toBeCloseTo(1, 9);
      expect(Math.abs(r.timeShift - tau)).toBeLessThan(1e-6 * ws.dt);
      expect(grid).toBeLessThan(1 - 1e-6); // the grid alone misses it: the refinement is doing the work
    }
  });

  it('equals a brute-force fine time scan for signals outside the template plane, and is never below the grid match', () => {
    const c = chirp(n, df, 8.9, 15, 600, 0.002, 0.4);
    for (const tau of [0.3, 2.5].map((x) => x * ws.dt)) {
      const s = shift(combinePolarizations(c, b, 0.8, 0.3), df, tau, 0.4);
      const grid = symphonyMatch(ws, hp, hc, s).match;
      const r = symphonyMatchRefined(ws, hp, hc, s).match;
      expect(r).toBeGreaterThanOrEqual(grid);
      const brute = bruteForce(s, 100);
      expect(r).toBeGreaterThanOrEqual(brute - 1e-9);
      expect(r - brute).toBeLessThan(5e-5); // the scan's own resolution (dt/100)
      expect(r - grid).toBeGreaterThan(1e-4); // off-grid delays cost the grid match this much
    }
  });
});
