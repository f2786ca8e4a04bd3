/**
 * Probes around the holes a completion's validation found (src/placement/complete.ts). Probes drawn
 * uniformly or from a flow are spread by coordinate volume or by the flow's density; where the
 * template density is far above both (edge-on, strongly precessing signals: sqrt|det M| grows by
 * e^20 across a precessing box, and a flow trained on it is off by nats there) a round covers the
 * few probes that land in such a region one template each and leaves the gaps between them, which
 * the next validation finds again. Drawing probes in the metric neighbourhood of each hole makes
 * the probe set there as dense as the templates need, so the greedy cover fills the neighbourhood,
 * not the point.
 */
import { cholesky } from '../core/linalg.js';
import type { Rng } from '../core/rng.js';

/**
 * `perHole` points uniform in the metric ellipsoid {θ : (θ - c)^T M (θ - c) <= r2} around each centre
 * c (n x D rows, `metrics[i]` the metric used for centre i), as (n perHole) x D rows, centre by centre.
 * A metric that is not positive definite gives no points for its centre.
 */
export function ellipsoidProbes(centres: Float64Array, metrics: readonly Float64Array[], r2: number, perHole: number, dim: number, rng: Rng): Float64Array {
  const D = dim;
  const n = centres.length / D;
  const out: number[] = [];
  const u = new Float64Array(D);
  const x = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    const l = cholesky(metrics[i], D);
    if (l === null) continue;
    for (let k = 0; k < perHole; k++) {
      // uniform in the unit ball: a normal direction, radius U^(1/D)
      let norm = 0;
      for (let d = 0; d < D; d++) {
        u[d] = rng.normal();
        norm += u[d] * u[d];
      }
      const scale = Math.sqrt(r2) * rng.uniform() ** (1 / D) / Math.sqrt(norm);
      for (let d = 0; d < D; d++) u[d] *= scale;
      // dθ = L^-T u (M = L L^T), so that dθ^T M dθ = |u|^2: back substitution with L^T
      for (let d = D - 1; d >= 0; d--) {
        let s = u[d];
        for (let j = d + 1; j < D; j++) s -= l[j * D + d] * x[j];
        x[d] = s / l[d * D + d];
      }
      for (let d = 0; d < D; d++) out.push(centres[i * D + d] + x[d]);
    }
  }
  return Float64Array.from(out);
}
