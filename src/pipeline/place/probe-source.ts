/**
 * The probes of a bank's completion (src/placement/complete.ts): a fixed mixture of the ways a bank
 * is validated — uniform in the coordinates, uniform in the component masses, on the region's
 * boundary — plus draws from the trained flow (where the metric volume is). The corners of the region
 * are probed once. Deterministic for a given rng.
 */
import type { Rng } from '../../core/rng.js';
import type { Region } from '../../coordinates/box.js';
import { drawInRegion, massRectangle, regionCorners, type MassRectangle } from '../../coordinates/region-sampling.js';
import type { ProbeDraw, ProbeSource } from '../../placement/complete.js';
import type { BoundaryChecker, Sampler } from '../../placement/types.js';

/** Shares of the probe mixture (flow share moves to the uniform ones when there is no flow). */
export const PROBE_SHARES = { coordinates: 0.25, components: 0.25, boundary: 0.1, flow: 0.4 } as const;

/** Probe kinds in ProbeDraw.kind order; all but the boundary ones must reach the completeness target. */
export const PROBE_KINDS = ['coordinates', 'components', 'boundary', 'flow'] as const;

/** A ProbeSource over `region`, optionally with a flow sampler (its rows are filtered by `inside`). */
export function regionProbeSource(region: Region, inside: BoundaryChecker, flow?: Sampler): ProbeSource {
  const D = region.format.D;
  const rect: MassRectangle = massRectangle(region);
  const flowShare = flow ? PROBE_SHARES.flow : 0;
  const scale = 1 / (1 - PROBE_SHARES.flow + flowShare);
  return {
    dim: D,
    kinds: PROBE_KINDS,
    validated: flow ? ['coordinates', 'components', 'flow'] : ['coordinates', 'components'],
    corners: () => regionCorners(region, rect),
    async draw(n: number, rng: Rng): Promise<ProbeDraw> {
      const nCoord = Math.round(n * PROBE_SHARES.coordinates * scale);
      const nComp = Math.round(n * PROBE_SHARES.components * scale);
      const nFlow = flow ? Math.round(n * flowShare * scale) : 0;
      const nBound = Math.max(0, n - nCoord - nComp - nFlow);
      const parts = [
        drawInRegion(region, 'coordinates', nCoord, rng, rect),
        drawInRegion(region, 'components', nComp, rng, rect),
        drawInRegion(region, 'boundary', nBound, rng, rect),
      ];
      if (flow && nFlow > 0) {
        const kept: number[] = [];
        let tries = 0;
        while (kept.length < nFlow * D && tries++ < 100) {
          const rows = await flow.sample(2 * nFlow, rng);
          for (let i = 0; i < 2 * nFlow && kept.length < nFlow * D; i++) {
            const row = rows.subarray(i * D, (i + 1) * D);
            if (inside(row)) kept.push(...row);
          }
        }
        parts.push(Float64Array.from(kept));
      }
      const rows = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
      const kind = new Uint8Array(rows.length / D);
      let k = 0;
      parts.forEach((p, i) => {
        rows.set(p, k);
        kind.fill(i, k / D, (k + p.length) / D);
        k += p.length;
      });
      return { rows, kind };
    },
  };
}
