/**
 * Contours of a gridded density: light smoothing, the level enclosing a given probability mass
 * (corner.py's 1- and 2-sigma 2-D levels 1 - e^-0.5 and 1 - e^-2), and the iso-lines (d3-contour).
 */
import { contours } from 'd3-contour';

/** 2-D probability mass inside the 1- and 2-sigma contours of a Gaussian: 1 - exp(-k^2 / 2). */
export const SIGMA_LEVELS = [1 - Math.exp(-0.5), 1 - Math.exp(-2)] as const;

/** grid (ny rows x nx columns, row-major) convolved with the 3x3 kernel [1 2 1] x [1 2 1] / 16, zero outside. */
export function smooth3(grid: ArrayLike<number>, nx: number, ny: number): Float64Array {
  const out = new Float64Array(nx * ny);
  const w = [1, 2, 1];
  for (let i = 0; i < ny; i++) {
    for (let j = 0; j < nx; j++) {
      let s = 0;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          const ii = i + di;
          const jj = j + dj;
          if (ii >= 0 && ii < ny && jj >= 0 && jj < nx) s += w[di + 1] * w[dj + 1] * grid[ii * nx + jj];
        }
      }
      out[i * nx + j] = s / 16;
    }
  }
  return out;
}

/** The value L such that the cells with value >= L hold at least `fraction` of the total. */
export function levelForMass(grid: ArrayLike<number>, fraction: number): number {
  const v = Array.from(grid).filter((x) => x > 0).sort((a, b) => b - a);
  const total = v.reduce((s, x) => s + x, 0);
  if (total <= 0) return Infinity;
  let cum = 0;
  for (const x of v) {
    cum += x;
    if (cum >= fraction * total) return x;
  }
  return v[v.length - 1];
}

/**
 * Iso-lines `value = level` of values at grid nodes (node (i, j) at x = j, y = i), traced by
 * d3-contour (marching squares with linear interpolation; closed at the grid border): rings of
 * [x, y] points in node coordinates.
 */
export function contourRings(grid: ArrayLike<number>, nx: number, ny: number, level: number): [number, number][][] {
  const [band] = contours().size([nx, ny]).thresholds([level])(Array.from(grid));
  // d3 puts value k at the centre of pixel (k mod nx, floor(k / nx)), i.e. at node + 0.5
  return band.coordinates.flatMap((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x - 0.5, y - 0.5] as [number, number])));
}
