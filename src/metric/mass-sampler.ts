/**
 * Points of a region with masses distributed flat in the chirp times (tau0, tau3) and every other
 * coordinate uniform in the box (mbank bin/mbank_generate_flow_dataset):
 *   p(Mc, eta) ∝ Mc^(-10/3) eta^(-8/5)   (|d(tau0, tau3)/d(Mc, eta)| ∝ Mc^(-10/3) eta^(-8/5)).
 * The density is separable, so (Mc, eta) are drawn exactly by inverting the two power-law CDFs on a
 * rectangle that bounds the region, mapped to the format's mass coordinates (which carries the
 * Jacobian), and kept when the point is inside the box, valid and within the mass cuts.
 *
 * Differs from mbank: mbank runs emcee on a log-probability that numpy truncates to integers (a bug:
 * a staircase density); this is the continuous density, exact and independent draws.
 */
import { MbankError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { chirpMass, symmetricMassRatio, zeroComponents } from '../coordinates/components.js';
import { isInside, type Region } from '../coordinates/box.js';

/** Bounding rectangle in (Mc, eta) of a region's mass box (and mass cuts). */
export interface ChirpRectangle {
  mcLo: number;
  mcHi: number;
  etaLo: number;
  etaHi: number;
}

/**
 * Rectangle in (Mc, eta) containing every point of the region: Mc and eta scanned on a 257 x 257 grid
 * of the box's two mass coordinates (both are monotonic along the box edges), widened by 2%, then
 * intersected with the mc and eta cuts.
 */
export function chirpRectangle(region: Region): ChirpRectangle {
  const { box, format } = region;
  const n = 257;
  const theta = Float64Array.from(box.lo, (lo, i) => 0.5 * (lo + box.hi[i]));
  const c = zeroComponents();
  let mcLo = Infinity, mcHi = -Infinity, etaLo = Infinity, etaHi = -Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      theta[0] = box.lo[0] + ((box.hi[0] - box.lo[0]) * i) / (n - 1);
      theta[1] = box.lo[1] + ((box.hi[1] - box.lo[1]) * j) / (n - 1);
      format.toPhysicalInto(theta, c);
      if (!(c.m1 > 0 && c.m2 > 0)) continue;
      const mc = chirpMass(c.m1, c.m2);
      const eta = symmetricMassRatio(c.m1, c.m2);
      if (!Number.isFinite(mc) || !Number.isFinite(eta)) continue;
      mcLo = Math.min(mcLo, mc); mcHi = Math.max(mcHi, mc);
      etaLo = Math.min(etaLo, eta); etaHi = Math.max(etaHi, eta);
    }
  }
  if (!(mcHi > 0 && etaHi > 0)) throw new MbankError(`region of ${format.name}: the mass box [${box.lo[0]}, ${box.hi[0]}] x [${box.lo[1]}, ${box.hi[1]}] holds no physical masses`);
  let r = { mcLo: mcLo / 1.02, mcHi: mcHi * 1.02, etaLo: etaLo / 1.02, etaHi: Math.min(0.25, etaHi * 1.02) };
  const { mc, eta } = region.cuts;
  if (mc) r = { ...r, mcLo: Math.max(r.mcLo, mc[0]), mcHi: Math.min(r.mcHi, mc[1]) };
  if (eta) r = { ...r, etaLo: Math.max(r.etaLo, eta[0]), etaHi: Math.min(r.etaHi, eta[1]) };
  if (!(r.mcHi > r.mcLo && r.etaHi > r.etaLo && r.mcLo > 0 && r.etaLo > 0)) {
    throw new MbankError(`region of ${format.name}: the box and the mass cuts leave no chirp mass / eta range`);
  }
  return r;
}

/** Draw x in [lo, hi] from p(x) ∝ x^a (a != -1) by inverting the CDF. */
export function powerLaw(rng: Rng, a: number, lo: number, hi: number): number {
  const b = a + 1;
  const l = lo ** b, h = hi ** b;
  return (l + rng.uniform() * (h - l)) ** (1 / b);
}

/**
 * `n` points of the region (row-major n x D) from the chirp-time-flat mass density and uniform other
 * coordinates; throws if fewer than 1 proposal in 10^5 is accepted.
 */
export function sampleChirpTimeFlat(region: Region, n: number, rng: Rng, rect: ChirpRectangle = chirpRectangle(region)): Float64Array {
  const { format, box } = region;
  const D = format.D;
  const out = new Float64Array(n * D);
  const theta = new Float64Array(D);
  const c = zeroComponents();
  const scratch = zeroComponents();
  let accepted = 0;
  let proposed = 0;
  while (accepted < n) {
    if (++proposed > 1e5 * (accepted + 1)) {
      throw new MbankError(`region of ${format.name}: fewer than 1 proposal in 1e5 falls inside the box and mass cuts; check the ranges`);
    }
    const mc = powerLaw(rng, -10 / 3, rect.mcLo, rect.mcHi);
    const eta = powerLaw(rng, -8 / 5, rect.etaLo, rect.etaHi);
    const mTot = mc / eta ** 0.6;
    const root = Math.sqrt(Math.max(0, 1 - 4 * eta));
    c.m1 = 0.5 * mTot * (1 + root);
    c.m2 = 0.5 * mTot * (1 - root);
    for (let i = 2; i < D; i++) theta[i] = box.lo[i] + rng.uniform() * (box.hi[i] - box.lo[i]);
    // the mass coordinates of the format from (m1, m2); spins etc. do not enter the mass part
    const full = format.fromPhysical(c);
    theta[0] = full[0];
    theta[1] = full[1];
    if (!isInside(region, theta, scratch)) continue;
    out.set(theta, accepted * D);
    accepted++;
  }
  return out;
}
