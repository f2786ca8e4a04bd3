/**
 * Finite-difference stencils for first derivatives: central stencils of order 2/4/6/8 (mbank
 * metric.py get_WF_grads uses the same central coefficients) and one-sided stencils of the same
 * order, used when a central stencil would step outside the physical domain (q = 1, |chi| -> 1,
 * s = 0, eta = 1/4). The coefficients satisfy sum_j c_j s_j^m = delta_{m1}, m = 0..len-1, for integer
 * offsets s_j (derivative = sum_j c_j f(x + s_j h) / h).
 */
import { invalid } from '../core/errors.js';
import { inDomain, type Domain } from '../coordinates/part.js';

/** Allowed accuracy orders of the stencils. */
export type StencilOrder = 2 | 4 | 6 | 8;
/** Allowed orders, for validation messages. */
export const STENCIL_ORDERS: readonly StencilOrder[] = [2, 4, 6, 8];

/** A stencil: integer offsets (in steps) and coefficients (divide by the step). */
export interface Stencil {
  readonly offsets: readonly number[];
  readonly coefficients: readonly number[];
}

/**
 * Coefficients of the first derivative at 0 for the given offsets, by Fornberg's recursion
 * (Math. Comp. 51, 699 (1988)), which is stable where a direct Vandermonde solve loses digits.
 */
export function derivativeCoefficients(offsets: readonly number[]): number[] {
  const n = offsets.length;
  const c = offsets.map(() => [0, 0]);
  let c1 = 1;
  let c4 = offsets[0];
  c[0][0] = 1;
  for (let i = 1; i < n; i++) {
    const mn = Math.min(i, 1);
    let c2 = 1;
    const c5 = c4;
    c4 = offsets[i];
    for (let j = 0; j < i; j++) {
      const c3 = offsets[i] - offsets[j];
      c2 *= c3;
      if (j === i - 1) {
        for (let k = mn; k >= 1; k--) c[i][k] = (c1 * (k * c[i - 1][k - 1] - c5 * c[i - 1][k])) / c2;
        c[i][0] = (-c1 * c5 * c[i - 1][0]) / c2;
      }
      for (let k = mn; k >= 1; k--) c[j][k] = (c4 * c[j][k] - k * c[j][k - 1]) / c3;
      c[j][0] = (c4 * c[j][0]) / c3;
    }
    c1 = c2;
  }
  return c.map((row) => row[1]);
}

function build(offsets: number[]): Stencil {
  const c = derivativeCoefficients(offsets);
  // the centre point is always evaluated; drop exact-zero weights (central stencils)
  const keep = offsets.map((_, i) => i).filter((i) => Math.abs(c[i]) > 1e-14);
  return { offsets: keep.map((i) => offsets[i]), coefficients: keep.map((i) => c[i]) };
}

/** Central stencil of the given order: offsets -p/2..p/2 (the zero weight dropped). */
export function centralStencil(order: StencilOrder): Stencil {
  const half = order / 2;
  return build(Array.from({ length: order + 1 }, (_, i) => i - half));
}

/** One-sided stencil of the given order: offsets 0..p (direction +1) or 0..-p (direction -1). */
export function oneSidedStencil(order: StencilOrder, direction: 1 | -1): Stencil {
  return build(Array.from({ length: order + 1 }, (_, i) => (i === 0 ? 0 : direction * i)));
}

/** Check an order value from the user. */
export function checkOrder(order: number): StencilOrder {
  if (!STENCIL_ORDERS.includes(order as StencilOrder)) invalid('fd-order', order, `must be one of ${STENCIL_ORDERS.join(', ')}`);
  return order as StencilOrder;
}

/**
 * The stencil and step for coordinate value x in `dom`: central if every point stays inside the
 * domain, else one-sided towards the interior; if neither fits, the step is halved (up to 20 times).
 * Periodic coordinates always use the central stencil. Returns null if nothing fits.
 */
export function chooseStencil(x: number, step: number, dom: Domain, order: StencilOrder): { stencil: Stencil; step: number } | null {
  const central = centralStencil(order);
  if (dom.periodic) return { stencil: central, step };
  const fits = (st: Stencil, h: number) => st.offsets.every((s) => inDomain(dom, x + s * h));
  let h = step;
  for (let i = 0; i < 20; i++, h *= 0.5) {
    if (fits(central, h)) return { stencil: central, step: h };
    const up = oneSidedStencil(order, 1);
    if (fits(up, h)) return { stencil: up, step: h };
    const down = oneSidedStencil(order, -1);
    if (fits(down, h)) return { stencil: down, step: h };
  }
  return null;
}
