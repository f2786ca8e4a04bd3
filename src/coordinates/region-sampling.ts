/**
 * Points of a region drawn the ways a search scientist validates a bank (sbank, PyCBC): uniform in
 * the format's coordinates, uniform in the component masses (m1, m2 flat within the mass cuts, the
 * other coordinates flat in their box), on the boundary (box faces, the faces m1 = const and
 * m2 = const of the mass rectangle), and at the corners. Every point passes `isInside(region, ...)`
 * (rejection sampling against the exact region, so the drawing boxes only need to contain it).
 */
import { MbankError, invalid } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { isInside, type Region } from './box.js';
import { zeroComponents, type BBHComponents } from './components.js';

/** How points are distributed: see the module comment. */
export type RegionDistribution = 'coordinates' | 'components' | 'boundary';

/** Bounds of m1 and m2 over a region [solar masses]. */
export interface MassRectangle {
  m1: [number, number];
  m2: [number, number];
}

/** Grid points per mass coordinate used to find the mass rectangle. */
const RECT_GRID = 257;

/**
 * The smallest rectangle [m1lo, m1hi] x [m2lo, m2hi] holding every point of the region, found on a
 * 257 x 257 grid of the two mass coordinates (non-mass coordinates at their box centre: the masses
 * do not depend on them) and widened by one grid cell, then clipped to the m1/m2 cuts.
 */
export function massRectangle(region: Region): MassRectangle {
  const { format, box } = region;
  if (format.massFormat === 'BBH_components') {
    return { m1: [box.lo[0], box.hi[0]], m2: [box.lo[1], box.hi[1]] };
  }
  const D = format.D;
  const theta = new Float64Array(D);
  for (let d = 0; d < D; d++) theta[d] = 0.5 * (box.lo[d] + box.hi[d]);
  const c = zeroComponents();
  let m1lo = Infinity, m1hi = -Infinity, m2lo = Infinity, m2hi = -Infinity;
  let maxStep1 = 0, maxStep2 = 0;
  for (let i = 0; i < RECT_GRID; i++) {
    theta[0] = box.lo[0] + ((box.hi[0] - box.lo[0]) * i) / (RECT_GRID - 1);
    let prev1 = NaN, prev2 = NaN;
    for (let j = 0; j < RECT_GRID; j++) {
      theta[1] = box.lo[1] + ((box.hi[1] - box.lo[1]) * j) / (RECT_GRID - 1);
      format.toPhysicalInto(theta, c);
      if (Number.isFinite(prev1)) {
        maxStep1 = Math.max(maxStep1, Math.abs(c.m1 - prev1));
        maxStep2 = Math.max(maxStep2, Math.abs(c.m2 - prev2));
      }
      prev1 = c.m1;
      prev2 = c.m2;
      if (!isInside(region, theta)) continue;
      m1lo = Math.min(m1lo, c.m1); m1hi = Math.max(m1hi, c.m1);
      m2lo = Math.min(m2lo, c.m2); m2hi = Math.max(m2hi, c.m2);
    }
  }
  if (!(m1hi >= m1lo)) throw new MbankError(`region of ${format.name}: no point of the box passes the mass cuts; check the ranges`);
  const pad = 2 * Math.max(maxStep1, maxStep2);
  const clip = (lo: number, hi: number, cut: readonly [number, number] | undefined): [number, number] =>
    [Math.max(lo - pad, cut?.[0] ?? 0, 1e-3), Math.min(hi + pad, cut?.[1] ?? Infinity)];
  return { m1: clip(m1lo, m1hi, region.cuts.m1), m2: clip(m2lo, m2hi, region.cuts.m2) };
}

/** Largest number of draws per point kept before giving up (region too thin for its drawing box). */
const MAX_TRIES_PER_POINT = 1e5;

/** Draws n rows into an n x D array with `propose(row)` (returns false to skip), keeping rows inside the region. */
function rejection(region: Region, n: number, what: string, propose: (row: Float64Array) => boolean): Float64Array {
  const D = region.format.D;
  const out = new Float64Array(n * D);
  const row = new Float64Array(D);
  const scratch = zeroComponents();
  let kept = 0, tried = 0;
  while (kept < n) {
    if (tried > MAX_TRIES_PER_POINT * (kept + 1)) throw new MbankError(`${what}: only ${kept} of ${tried} proposals fell inside the region; check the ranges`);
    tried++;
    if (!propose(row) || !isInside(region, row, scratch)) continue;
    out.set(row, kept * D);
    kept++;
  }
  return out;
}

/** Writes theta = fromPhysical(c) into row (length D). */
function setFromComponents(region: Region, c: BBHComponents, row: Float64Array): void {
  row.set(region.format.fromPhysical(c));
}

/** Non-mass coordinates uniform in the box, masses from (m1, m2) (swapped so m1 >= m2). */
function withMasses(region: Region, row: Float64Array, m1: number, m2: number, rng: Rng, c: BBHComponents): void {
  const { box, format } = region;
  for (let d = 0; d < format.D; d++) row[d] = box.lo[d] + (box.hi[d] - box.lo[d]) * rng.uniform();
  format.toPhysicalInto(row, c);
  c.m1 = Math.max(m1, m2);
  c.m2 = Math.min(m1, m2);
  setFromComponents(region, c, row);
}

/** n points uniform in the format's coordinates within the region (n x D row-major). */
export function uniformInCoordinates(region: Region, n: number, rng: Rng): Float64Array {
  const { box, format } = region;
  return rejection(region, n, 'uniform points in the coordinates', (row) => {
    for (let d = 0; d < format.D; d++) row[d] = box.lo[d] + (box.hi[d] - box.lo[d]) * rng.uniform();
    return true;
  });
}

/**
 * n points with (m1, m2) uniform within the region's mass cuts (flat in the component masses, m1 >= m2)
 * and the other coordinates uniform in their box (n x D row-major).
 */
export function uniformInComponents(region: Region, n: number, rng: Rng, rect: MassRectangle = massRectangle(region)): Float64Array {
  const c = zeroComponents();
  return rejection(region, n, 'uniform points in the component masses', (row) => {
    withMasses(region, row, rng.uniformIn(rect.m1[0], rect.m1[1]), rng.uniformIn(rect.m2[0], rect.m2[1]), rng, c);
    return true;
  });
}

/**
 * n points on the region's boundary: half on faces of the coordinate box (one coordinate at lo or
 * hi, the others uniform), half on the faces of the mass rectangle (m1 or m2 at a bound, the other
 * component mass and the other coordinates uniform); faces that lie outside the region are never hit.
 */
export function onBoundary(region: Region, n: number, rng: Rng, rect: MassRectangle = massRectangle(region)): Float64Array {
  const { box, format } = region;
  const D = format.D;
  const c = zeroComponents();
  return rejection(region, n, 'points on the region boundary', (row) => {
    if (rng.uniform() < 0.5) {
      for (let d = 0; d < D; d++) row[d] = box.lo[d] + (box.hi[d] - box.lo[d]) * rng.uniform();
      const d = rng.int(D);
      row[d] = rng.uniform() < 0.5 ? box.lo[d] : box.hi[d];
      return true;
    }
    const onM1 = rng.uniform() < 0.5;
    const atHi = rng.uniform() < 0.5;
    const m1 = onM1 ? rect.m1[atHi ? 1 : 0] : rng.uniformIn(rect.m1[0], rect.m1[1]);
    const m2 = onM1 ? rng.uniformIn(rect.m2[0], rect.m2[1]) : rect.m2[atHi ? 1 : 0];
    withMasses(region, row, m1, m2, rng, c);
    return true;
  });
}

/**
 * The corners of the region that are inside it: the 2^D corners of the coordinate box, and the
 * corners of the mass rectangle combined with the 2^(D-2) corners of the other coordinates
 * (D <= 12; duplicates removed). May be empty when no corner is inside.
 */
export function regionCorners(region: Region, rect: MassRectangle = massRectangle(region)): Float64Array {
  const { box, format } = region;
  const D = format.D;
  if (D > 12) invalid('dimension', D, 'must be <= 12 for corner enumeration');
  const rows: Float64Array[] = [];
  const seen = new Set<string>();
  const keep = (row: Float64Array) => {
    if (!isInside(region, row)) return;
    const key = Array.from(row, (x) => x.toPrecision(12)).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(Float64Array.from(row));
  };
  const row = new Float64Array(D);
  for (let mask = 0; mask < 1 << D; mask++) {
    for (let d = 0; d < D; d++) row[d] = (mask >> d) & 1 ? box.hi[d] : box.lo[d];
    keep(row);
  }
  const c = zeroComponents();
  for (let mask = 0; mask < 1 << D; mask++) {
    for (let d = 0; d < D; d++) row[d] = (mask >> d) & 1 ? box.hi[d] : box.lo[d];
    format.toPhysicalInto(row, c);
    const m1 = rect.m1[mask & 1], m2 = rect.m2[(mask >> 1) & 1];
    c.m1 = Math.max(m1, m2);
    c.m2 = Math.min(m1, m2);
    setFromComponents(region, c, row);
    keep(row);
  }
  const out = new Float64Array(rows.length * D);
  rows.forEach((r, i) => out.set(r, i * D));
  return out;
}

/** n points of a region drawn with `distribution` (see the module comment). */
export function drawInRegion(region: Region, distribution: RegionDistribution, n: number, rng: Rng, rect?: MassRectangle): Float64Array {
  if (!Number.isInteger(n) || n < 0) invalid('number of points', n, 'must be an integer >= 0');
  if (distribution === 'coordinates') return uniformInCoordinates(region, n, rng);
  const r = rect ?? massRectangle(region);
  if (distribution === 'components') return uniformInComponents(region, n, rng, r);
  if (distribution === 'boundary') return onBoundary(region, n, rng, r);
  invalid('distribution', distribution, "must be 'coordinates', 'components' or 'boundary'");
}
