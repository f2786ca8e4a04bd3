/** Worker entry of the parallel point matcher: one PointMatcher (and its waveform cache) per thread. */
import { defineWorker } from '../../core/worker-pool.js';
import { PointMatcher, type PointMatchSpec } from '../../injections/point-match.js';
import type { MatchTask } from './match-pool.js';

export default defineWorker<MatchTask, Float64Array>((data) => {
  const m = new PointMatcher(data as PointMatchSpec);
  return (t) => m.matchPairs(t.probes, t.probeIds, t.templates, t.templateIds);
});
