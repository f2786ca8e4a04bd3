/**
 * Contours of a gridded density: light smoothing, the level enclosing a given probability mass
 * (corner.py's 1- and 2-sigma 2-D levels 1 - e^-0.5 and 1 - e^-2), and marching squares.
 */

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
 * Marching squares on values at grid nodes (node (i, j) at x = j, y = i): line segments of the
 * iso-line `value = level`, as [x0, y0, x1, y1, ...] in node coordinates. Nodes beyond the grid
 * count as 0, so closed contours close at the border.
 */
export function contourSegments(grid: ArrayLike<number>, nx: number, ny: number, level: number): number[] {
  const at = (i: number, j: number) => (i < 0 || j < 0 || i >= ny || j >= nx ? 0 : grid[i * nx + j]);
  const segs: number[] = [];
  const cross = (a: number, b: number) => (a === b ? 0.5 : (level - a) / (b - a));
  for (let i = -1; i < ny; i++) {
    for (let j = -1; j < nx; j++) {
      const v00 = at(i, j); const v01 = at(i, j + 1); const v11 = at(i + 1, j + 1); const v10 = at(i + 1, j);
      const code = (v00 >= level ? 1 : 0) | (v01 >= level ? 2 : 0) | (v11 >= level ? 4 : 0) | (v10 >= level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // Edge crossing points: bottom (00-01), right (01-11), top (10-11), left (00-10).
      const bottom = [j + cross(v00, v01), i];
      const right = [j + 1, i + cross(v01, v11)];
      const top = [j + cross(v10, v11), i + 1];
      const left = [j, i + cross(v00, v10)];
      const add = (p: number[], q: number[]) => segs.push(p[0], p[1], q[0], q[1]);
      switch (code) {
        case 1: case 14: add(left, bottom); break;
        case 2: case 13: add(bottom, right); break;
        case 3: case 12: add(left, right); break;
        case 4: case 11: add(right, top); break;
        case 6: case 9: add(bottom, top); break;
        case 7: case 8: add(left, top); break;
        case 5: add(left, top); add(bottom, right); break;
        case 10: add(left, bottom); add(right, top); break;
      }
    }
  }
  return segs;
}
