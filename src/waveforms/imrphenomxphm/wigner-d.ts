/**
 * Wigner small-d matrices d^l_{m m'}(beta) for l = 2, 3, 4 as sums of monomials in c = cos(beta/2) and
 * s = sin(beta/2) (Wigner's formula; the convention of arXiv:2004.06503 appendix A, whose d^2_{m,2} row is
 * LAL's d22 = {s^4, 2 c s^3, sqrt6 c^2 s^2, 2 c^3 s, c^4} in LALSimIMRPhenomXPHM.c):
 *
 *   d^l_{m m'} = sum_k (-1)^{m - m' + k} sqrt((l+m)!(l-m)!(l+m')!(l-m')!) / ((l+m'-k)! k! (m-m'+k)! (l-m-k)!)
 *                c^{2l + m' - m - 2k} s^{m - m' + 2k},
 *
 * and the spin-weight -2 harmonics they give: -2Y_lm(theta, 0) = sqrt((2l+1)/(4 pi)) d^l_{m,2}(theta).
 */

/** One monomial coef c^cPow s^sPow of a matrix element. */
interface Monomial {
  coef: number;
  cPow: number;
  sPow: number;
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** The monomials of d^l_{m m'} (Wigner's sum over k). */
function monomials(l: number, m: number, mp: number): Monomial[] {
  const out: Monomial[] = [];
  const root = Math.sqrt(factorial(l + m) * factorial(l - m) * factorial(l + mp) * factorial(l - mp));
  for (let k = Math.max(0, mp - m); k <= Math.min(l + mp, l - m); k++) {
    const den = factorial(l + mp - k) * factorial(k) * factorial(m - mp + k) * factorial(l - m - k);
    const sign = (m - mp + k) % 2 === 0 ? 1 : -1;
    out.push({ coef: (sign * root) / den, cPow: 2 * l + mp - m - 2 * k, sPow: m - mp + 2 * k });
  }
  return out;
}

/** d^l_{m m'}(beta) for |m|, |m'| <= l, from cos(beta/2) and sin(beta/2). */
export function wignerD(l: number, m: number, mp: number, cosHalfBeta: number, sinHalfBeta: number): number {
  if (!(Number.isInteger(l) && l >= 0 && Math.abs(m) <= l && Math.abs(mp) <= l && Number.isInteger(m) && Number.isInteger(mp))) {
    throw new RangeError(`wignerD: (l, m, m') = (${l}, ${m}, ${mp}) needs integers with |m|, |m'| <= l`);
  }
  let sum = 0;
  for (const t of monomials(l, m, mp)) sum += t.coef * Math.pow(cosHalfBeta, t.cPow) * Math.pow(sinHalfBeta, t.sPow);
  return sum;
}

/**
 * The column m' of d^l for m = -l..l as a flat table for a per-bin loop: row r = m + l has terms
 * start[r] .. start[r+1]-1 of coef, cPow, sPow (powers index arrays of c^0..c^{2l}, s^0..s^{2l}).
 */
export interface WignerColumn {
  l: number;
  mp: number;
  start: Int32Array;
  coef: Float64Array;
  cPow: Int32Array;
  sPow: Int32Array;
}

/** Build the table of column m' of d^l. */
export function wignerColumn(l: number, mp: number): WignerColumn {
  const rows = [];
  for (let m = -l; m <= l; m++) rows.push(monomials(l, m, mp));
  const n = rows.reduce((a, r) => a + r.length, 0);
  const col: WignerColumn = {
    l, mp, start: new Int32Array(2 * l + 2), coef: new Float64Array(n), cPow: new Int32Array(n), sPow: new Int32Array(n),
  };
  let i = 0;
  rows.forEach((r, j) => {
    col.start[j] = i;
    for (const t of r) {
      col.coef[i] = t.coef;
      col.cPow[i] = t.cPow;
      col.sPow[i] = t.sPow;
      i++;
    }
  });
  col.start[2 * l + 1] = i;
  return col;
}

/**
 * out[m + l] = d^l_{m m'}(beta) for m = -l..l; cp, sp are scratch arrays of length >= 2l + 1 (filled here with
 * the powers of cos(beta/2), sin(beta/2)).
 */
export function wignerColumnAt(col: WignerColumn, c: number, s: number, cp: Float64Array, sp: Float64Array, out: Float64Array): void {
  const top = 2 * col.l;
  cp[0] = 1;
  sp[0] = 1;
  for (let k = 1; k <= top; k++) {
    cp[k] = cp[k - 1] * c;
    sp[k] = sp[k - 1] * s;
  }
  const { start, coef, cPow, sPow } = col;
  for (let r = 0; r <= top; r++) {
    let sum = 0;
    for (let i = start[r]; i < start[r + 1]; i++) sum += coef[i] * cp[cPow[i]] * sp[sPow[i]];
    out[r] = sum;
  }
}

/** -2Y_lm(theta, 0) for m = -l..l (real), out[m + l]: sqrt((2l+1)/(4 pi)) d^l_{m,2}(theta). */
export function spinWeightedYRow(l: number, theta: number): Float64Array {
  const out = new Float64Array(2 * l + 1);
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  const norm = Math.sqrt((2 * l + 1) / (4 * Math.PI));
  for (let m = -l; m <= l; m++) out[m + l] = norm * wignerD(l, m, 2, c, s);
  return out;
}
