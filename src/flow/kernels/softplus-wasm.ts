/**
 * The element-wise step of the masked affine autoregressive layer (../fused/maf-fused.ts) as a
 * WebAssembly SIMD function (./wasm-emit.ts), in float32: from the MADE output rows [a | b] (Dp
 * floats each) and x,
 *   s = softplus(a) + eps,  sigma = sigmoid(a) (= softplus'),  y = s x + b,
 * with softplus(a) = max(a, 0) + ln(1 + e), sigmoid(a) = (a >= 0 ? 1 : e) / (1 + e), e = exp(-|a|).
 * Why: the same loop on the host made two Math calls per element (exp, log1p), ~30 ns each element.
 * exp: e^x = 2^k e^r, k = nearest(x log2 e), r = x - k ln 2 (ln 2 in two parts, Cody-Waite), e^r by
 * its Taylor polynomial to r^7 (|r| <= ln2 / 2: truncation 5e-9), 2^k added to the float's exponent
 * bits; x is clamped at -87 (e = 2^-126 there, below float32 resolution next to 1 + e).
 * ln(1 + e) for e in (0, 1]: 2 atanh(u), u = e / (2 + e) <= 1/3, by its odd series to u^13
 * (truncation 1e-8). Both agree with float64 to ~2 float32 ulps (test/flow/flow-step.test.ts).
 */
import { I32, V128, emit, op, simd, simdOp, type WasmFunction } from './wasm-emit.js';

const { get, set, i32, whileLoop, addConst } = emit;
const { load } = emit;

const store = (ptr: number, value: number[]) => [...get(ptr), ...value, ...simdOp(simd.store, [4, 0])];

/** SIMD opcodes used only here (the fixed-width SIMD proposal's table). */
const f = {
  abs: 0xe0, neg: 0xe1, add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7, max: 0xe9, pmax: 0xeb, ge: 0x46, nearest: 0x6a,
  i32x4Splat: 0x11, i32x4TruncSat: 0xf8, i32x4Shl: 0xab, i32x4Add: 0xae, bitselect: 0x52,
} as const;
const o = (code: number) => simdOp(code);

/** v128.const of four copies of the float32 v. */
function splat(v: number): number[] {
  const b = new Uint8Array(new Float32Array([v, v, v, v]).buffer);
  return [...simdOp(simd.const), ...b];
}

/** Horner's rule: c[0] + t (c[1] + t (c[2] + ...)) with t in local `t`. */
function horner(c: number[], t: number): number[] {
  let code = splat(c[c.length - 1]);
  for (let i = c.length - 2; i >= 0; i--) code = [...code, ...get(t), ...o(f.mul), ...splat(c[i]), ...o(f.add)];
  return code;
}

/**
 * softplusAffine(out, x, y, s, sig, n, dp, epsBits): for n rows, out [n, 2 dp] (a then b), x, y, s,
 * sig [n, dp] (byte pointers, dp a multiple of 4); epsBits is eps's float32 bit pattern.
 */
export function softplusAffine(): WasmFunction {
  const [OUT, X, Y, S, G, N, DP, EPS] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [PB, V] = [8, 9];
  const [A, E, R, U, K, EPSV] = [10, 11, 12, 13, 14, 15];
  const facts = [1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040];
  const odd = [1, 1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11, 1 / 13];
  const inner = [
    ...load(OUT), ...set(A),
    // k = nearest(x log2 e), x = max(-|a|, -87); r = x - k ln2hi - k ln2lo
    ...get(A), ...o(f.abs), ...o(f.neg), ...splat(-87), ...o(f.max), ...set(R),
    ...get(R), ...splat(Math.LOG2E), ...o(f.mul), ...o(f.nearest), ...set(K),
    ...get(R), ...get(K), ...splat(0.693359375), ...o(f.mul), ...o(f.sub), ...get(K), ...splat(-2.12194440e-4), ...o(f.mul), ...o(f.sub), ...set(R),
    // e = poly(r) with 2^k added to the exponent bits
    ...horner(facts, R), ...get(K), ...o(f.i32x4TruncSat), ...i32(23), ...o(f.i32x4Shl), ...o(f.i32x4Add), ...set(E),
    // u = e / (2 + e); ln(1 + e) = 2 u (1 + u^2/3 + ...)
    ...get(E), ...splat(2), ...get(E), ...o(f.add), ...o(f.div), ...set(U),
    ...get(U), ...get(U), ...o(f.mul), ...set(R),
    ...get(U), ...splat(2), ...o(f.mul), ...horner(odd, R), ...o(f.mul), ...set(U),
    // s = (max(a, 0) + ln(1 + e)) + eps
    ...get(A), ...splat(0), ...o(f.pmax), ...get(U), ...o(f.add), ...get(EPSV), ...o(f.add), ...set(U),
    ...store(S, get(U)),
    ...store(G, [...splat(1), ...get(E), ...get(A), ...splat(0), ...o(f.ge), ...o(f.bitselect), ...splat(1), ...get(E), ...o(f.add), ...o(f.div)]),
    ...store(Y, [...get(U), ...load(X), ...o(f.mul), ...load(PB), ...o(f.add)]),
    ...[OUT, PB, X, Y, S, G].flatMap((p) => addConst(p, 16)),
    ...addConst(V, -1),
  ];
  const body = [
    ...get(EPS), ...o(f.i32x4Splat), ...set(EPSV),
    ...whileLoop([...get(N), ...i32(0), op.i32GtS], [
      ...get(OUT), ...get(DP), ...i32(2), op.i32Shl, op.i32Add, ...set(PB),
      ...get(DP), ...i32(2), op.i32ShrU, ...set(V),
      ...whileLoop([...get(V), ...i32(0), op.i32GtS], inner),
      // skip the row's b half
      ...get(OUT), ...get(DP), ...i32(2), op.i32Shl, op.i32Add, ...set(OUT),
      ...addConst(N, -1),
    ]),
  ];
  return { name: 'softplusAffine', params: 8, locals: [{ type: I32, count: 2 }, { type: V128, count: 6 }], body };
}
