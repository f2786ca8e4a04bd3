/**
 * Hand-written WebAssembly SIMD kernels of the fused flow training step (../fused/), emitted as
 * bytes by ./wasm-emit.ts:
 *   gemm:  C[r, j] = act(S[r, j] + bias[j] + sum_p A(r, p) B[p, j]),  A(r, p) = a[r sar + p sap],
 *          row-major B and C (byte strides ldb, ldc), S and bias optional (pointer 0), act = relu or
 *          identity, m (columns) a multiple of 4. Strided A covers both x W (sar = row, sap = 4) and
 *          the weight gradient u^T dz (sar = 4, sap = row), so no operand is ever transposed or packed.
 *          4 x 8 register tile (8 f32x4 accumulators), K-loop innermost; rows beyond a multiple of 4
 *          and a last block of 4 columns use 1-row / 1-vector tiles. An optional int32 table gives,
 *          per group of 8 columns, the reduction range [p0, p1) and the rows [r0, r1) to compute
 *          (tiles outside are left untouched): a MADE's masked weights with degree-sorted units are
 *          zero outside such ranges, so ~40% of the products are skipped.
 *   reluCopy: dst = max(src, 0);  gradMask: dst = g where ref > 0 else 0;
 *   addGradMask: dst = acc + (g where ref > 0 else 0)  (the relu backward of a residual block).
 * Why: tfjs-backend-wasm's XNNPACK matMul re-packs the right operand of every new tensor (on a
 * [15000, 100] operand as long as the product itself), and its transposes and per-row copies cost
 * as much again; these kernels work in place on one workspace. No relaxed-SIMD FMA (behind a flag
 * in Node 20): a product is f32x4.mul then f32x4.add, deterministic on every machine.
 */
import { I32, V128, op, simd, simdOp, sleb, uleb, wasmModule, type WasmFunction } from './wasm-emit.js';

const get = (i: number) => [op.localGet, ...uleb(i)];
const set = (i: number) => [op.localSet, ...uleb(i)];
const i32 = (v: number) => [op.i32Const, ...sleb(v)];
/** local[i] += local[j] (i32). */
const addTo = (i: number, j: number) => [...get(i), ...get(j), op.i32Add, ...set(i)];
/** A `while (cond) { body }` loop; `cond` leaves an i32 on the stack. */
const whileLoop = (cond: number[], body: number[]) => [op.block, op.void, op.loop, op.void, ...cond, op.i32Eqz, op.brIf, 1, ...body, op.br, 0, op.end, op.end];
const ifThen = (cond: number[], body: number[]) => [...cond, op.if, op.void, ...body, op.end];
const load = (ptr: number, offset: number) => [...get(ptr), ...simdOp(simd.load, [4, offset])];
const zeroV = () => [0xfd, ...uleb(simd.const), ...new Array<number>(16).fill(0)];

// gemm parameters, then its i32 locals, then its v128 locals.
const [C, S, A, B, BIAS, N, M, K, SAR, SAP, LDB, LDC, RELU, RANGES] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
const GEMM_PARAMS = 14;
const [R_, J, P, PA, PB, PC, PS, TMP, P0, P1, ROW0, ROW1] = [14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 28]; // PA..PA+3: the A row pointers
const GEMM_I32_LOCALS = 15;
const ACC = 29; // ACC..ACC+7
const BV = 37; // BV, BV+1
const AV = 39;
const GEMM_V128_LOCALS = 11;

/**
 * The reduction range [P0, P1) and the row range [ROW0, ROW1) of the column group j / 8: from the
 * int32 table at RANGES (4 values per group; masked weights are zero outside them), or everything.
 */
function ranges(): number[] {
  const ld = (offset: number, to: number) => [...get(TMP), op.i32Load, 2, offset, ...set(to)];
  return [
    ...get(RANGES), op.if, op.void,
    ...get(RANGES), ...get(J), ...i32(3), op.i32ShrU, ...i32(4), op.i32Shl, op.i32Add, ...set(TMP),
    ...ld(0, P0), ...ld(4, P1), ...ld(8, ROW0), ...ld(12, ROW1),
    op.else,
    ...i32(0), ...set(P0), ...get(K), ...set(P1), ...i32(0), ...set(ROW0), ...get(N), ...set(ROW1),
    op.end,
    // p1 = min(p1, K): a table can say "to the end" of a reduction whose length varies by call.
    ...get(P1), ...get(K), ...get(P1), ...get(K), op.i32LtS, op.select, ...set(P1),
  ];
}

/** One R-row x V-vector tile at rows r.., columns j..; accumulates over p = 0..K-1 then writes C. */
function tile(rows: number, vecs: number): number[] {
  const acc = (i: number, v: number) => ACC + i * 2 + v;
  const code: number[] = [];
  // PA[0] = a + r sar + p0 sap; PA[i] = PA[i-1] + sar; PB = b + 4 j + p0 ldb; P = p1 - p0.
  code.push(...get(A), ...get(R_), ...get(SAR), op.i32Mul, op.i32Add, ...get(P0), ...get(SAP), op.i32Mul, op.i32Add, ...set(PA));
  for (let i = 1; i < rows; i++) code.push(...get(PA + i - 1), ...get(SAR), op.i32Add, ...set(PA + i));
  code.push(...get(B), ...get(J), ...i32(2), op.i32Shl, op.i32Add, ...get(P0), ...get(LDB), op.i32Mul, op.i32Add, ...set(PB));
  for (let i = 0; i < rows; i++) for (let v = 0; v < vecs; v++) code.push(...zeroV(), ...set(acc(i, v)));
  code.push(...get(P1), ...get(P0), op.i32Sub, ...set(P));
  const body: number[] = [];
  for (let v = 0; v < vecs; v++) body.push(...load(PB, 16 * v), ...set(BV + v));
  for (let i = 0; i < rows; i++) {
    body.push(...get(PA + i), ...simdOp(simd.load32Splat, [2, 0]), ...set(AV));
    for (let v = 0; v < vecs; v++) {
      body.push(...get(acc(i, v)), ...get(AV), ...get(BV + v), ...simdOp(simd.f32x4Mul), ...simdOp(simd.f32x4Add), ...set(acc(i, v)));
    }
  }
  for (let i = 0; i < rows; i++) body.push(...addTo(PA + i, SAP));
  body.push(...addTo(PB, LDB), ...get(P), ...i32(1), op.i32Sub, ...set(P));
  code.push(...whileLoop([...get(P)], body));
  // Epilogue: + S, + bias, relu, store; PC / PS walk the C / S rows.
  code.push(...get(R_), ...get(LDC), op.i32Mul, ...get(J), ...i32(2), op.i32Shl, op.i32Add, ...set(TMP));
  code.push(...get(C), ...get(TMP), op.i32Add, ...set(PC), ...get(S), ...get(TMP), op.i32Add, ...set(PS));
  for (let i = 0; i < rows; i++) {
    for (let v = 0; v < vecs; v++) {
      const x = acc(i, v);
      code.push(...ifThen(get(S), [...get(x), ...load(PS, 16 * v), ...simdOp(simd.f32x4Add), ...set(x)]));
      code.push(...ifThen(get(BIAS), [...get(x), ...get(BIAS), ...get(J), ...i32(2), op.i32Shl, op.i32Add, ...simdOp(simd.load, [4, 16 * v]), ...simdOp(simd.f32x4Add), ...set(x)]));
      code.push(...ifThen(get(RELU), [...get(x), ...zeroV(), ...simdOp(simd.f32x4Pmax), ...set(x)]));
      code.push(...get(PC), ...get(x), ...simdOp(simd.store, [4, 16 * v]));
    }
    code.push(...addTo(PC, LDC), ...addTo(PS, LDC));
  }
  // Skip the tile (C left as it is) when its rows are outside [ROW0, ROW1).
  const skip = [...get(R_), ...get(ROW1), op.i32GeS, ...get(R_), ...i32(rows), op.i32Add, ...get(ROW0), op.i32LeS, op.i32Or];
  return [...ranges(), op.block, op.void, ...skip, op.brIf, 0, ...code, op.end];
}

/** All column tiles of one block of `rows` rows at row r: 8-column tiles, then one 4-column tile if m mod 8 = 4. */
function rowBlock(rows: number): number[] {
  return [
    ...i32(0), ...set(J),
    ...whileLoop([...get(J), ...i32(8), op.i32Add, ...get(M), op.i32LeS], [...tile(rows, 2), ...get(J), ...i32(8), op.i32Add, ...set(J)]),
    ...ifThen([...get(J), ...get(M), op.i32LtS], tile(rows, 1)),
  ];
}

function gemm(): WasmFunction {
  const body = [
    ...i32(0), ...set(R_),
    ...whileLoop([...get(R_), ...i32(4), op.i32Add, ...get(N), op.i32LeS], [...rowBlock(4), ...get(R_), ...i32(4), op.i32Add, ...set(R_)]),
    ...whileLoop([...get(R_), ...get(N), op.i32LtS], [...rowBlock(1), ...get(R_), ...i32(1), op.i32Add, ...set(R_)]),
  ];
  return { name: 'gemm', params: GEMM_PARAMS, locals: [{ type: I32, count: GEMM_I32_LOCALS }, { type: V128, count: GEMM_V128_LOCALS }], body };
}

/**
 * An element-wise loop over `count` floats (a multiple of 4) at byte pointers given as the
 * function's first `nPtr` parameters (then `count`); `value` leaves the v128 to store at param 0.
 */
function elementwise(name: string, nPtr: number, value: (ptr: (k: number) => number[]) => number[]): WasmFunction {
  const end = nPtr + 1;
  const ptr = (k: number) => [...get(k), ...simdOp(simd.load, [4, 0])];
  const body = [
    ...get(0), ...get(nPtr), ...i32(2), op.i32Shl, op.i32Add, ...set(end),
    ...whileLoop([...get(0), ...get(end), op.i32LtS], [
      ...get(0), ...value(ptr), ...simdOp(simd.store, [4, 0]),
      ...Array.from({ length: nPtr }, (_, k) => [...get(k), ...i32(16), op.i32Add, ...set(k)]).flat(),
    ]),
  ];
  return { name, params: nPtr + 1, locals: [{ type: I32, count: 1 }], body };
}

const maskPositive = (g: number[], ref: number[]) => [...g, ...ref, ...zeroV(), ...simdOp(simd.f32x4Gt), ...simdOp(simd.and)];

/** The kernel module's bytes (memory imported as env.memory, at least `pages` 64 KiB pages). */
export function kernelModuleBytes(pages: number): Uint8Array<ArrayBuffer> {
  return wasmModule(
    [
      gemm(),
      elementwise('reluCopy', 2, (p) => [...p(1), ...zeroV(), ...simdOp(simd.f32x4Pmax)]),
      elementwise('gradMask', 3, (p) => maskPositive(p(1), p(2))),
      elementwise('addGradMask', 4, (p) => [...p(1), ...maskPositive(p(2), p(3)), ...simdOp(simd.f32x4Add)]),
    ],
    pages,
  );
}
