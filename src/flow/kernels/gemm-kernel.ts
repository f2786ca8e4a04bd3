/**
 * The matrix product of the fused flow step as a WebAssembly SIMD function specialised, when it is
 * emitted (./wasm-emit.ts), to one call site's strides and epilogue:
 *   C[r, j] = act(S[r, j] + bias[j] + mask[r, j] sum_p A(r, p) B[p, j]),  A(r, p) = a[r sar + p sap],
 * optionally with mask = (aux > 0) or a second output aux = max(C, 0) (the relu passes of the MADE's
 * residual blocks, folded into the products: one pass over the activations less each),
 * B and C row-major with byte strides ldb and ldc (S with C's layout), act = relu or identity, m
 * (columns) a multiple of 4. Strided A covers both x W (sar = row, sap = 4) and the weight gradient
 * u^T dz with u packed in panels of 4 columns (sar = 4, sap = 16, sarTile = panel bytes / 4, n a
 * multiple of 4: A(r, p) = a[(r - r mod 4) sarTile + (r mod 4) sar + p sap]), so nothing is transposed.
 * Why packed: read straight from the batch-long activations (sap = row) that product streamed u
 * from memory 16 bytes per row at a time, ~16 ms of a 150 ms step; one sequential copy is ~9.
 * Why specialised: with the strides as constants all loads of a 4 x 8 register tile (8 f32x4
 * accumulators: 5 or 6 rows, or a reduction unrolled in the wasm code, made V8 11.3's TurboFan
 * hoist the loads and spill registers, at half the speed) address one A pointer plus immediate
 * offsets, so a reduction step is 6 loads, 8 multiply-adds and 3 integer operations (TurboFan
 * unrolls the loop twice itself) where the generic kernel advanced 5 pointers by runtime strides.
 * Rows beyond a multiple of 4 and a last block of 4 columns use 1-row / 1-vector tiles. An optional
 * int32 table gives, per group of 8 columns, the reduction range [p0, p1) and the rows [r0, r1) to
 * compute (tiles outside are left untouched): a MADE's masked weights with degree-sorted units are
 * zero outside such ranges, so ~40% of the products are skipped.
 * Family 'fma' multiplies-adds with f32x4.relaxed_madd, 'simd' with f32x4.mul then f32x4.add
 * (./kernel-family.ts).
 */
import type { KernelFamily } from './kernel-family.js';
import { I32, V128, emit, op, simd, simdOp, wasmModule, type WasmFunction } from './wasm-emit.js';

const { get, set, i32, addConst, whileLoop, ifThen, load, zeroV } = emit;

/** What one gemm function is specialised to (strides in bytes). */
export interface GemmSpec {
  family: KernelFamily;
  sar: number;
  sap: number;
  /** Bytes from one 4-row tile's first row to the next one's, over 4 (default sar; packed panels of rows: their size / 4). */
  sarTile?: number;
  ldb: number;
  ldc: number;
  /** Whether C = S + ..., + bias, relu. */
  s: boolean;
  bias: boolean;
  relu: boolean;
  /** The product masked where aux (C's layout) is not > 0, before + S (a relu's backward). */
  mask: boolean;
  /** Also store max(C, 0) at aux (C's layout): the next residual block's input. */
  reluCopy: boolean;
}

// Parameters, then i32 locals, then v128 locals.
const [C, S, A, B, BIAS, N, M, K, RANGES, AUX] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const PARAMS = 10;
const [R_, J, P, PA, PB, PC, PS, TMP, P0, P1, ROW0, ROW1, PX] = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
const I32_LOCALS = 13;
const ACC = 23; // ACC..ACC+7
const BV = 31; // BV, BV+1
const AV = 33;
const V128_LOCALS = 11;

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

/** One R-row x V-vector tile at rows r.., columns j..; accumulates over p in [P0, P1) then writes C. */
function tile(g: GemmSpec, rows: number, vecs: number): number[] {
  const acc = (i: number, v: number) => ACC + i * 2 + v;
  /** One reduction step at PA, PB. */
  const step = () => {
    const code: number[] = [];
    for (let v = 0; v < vecs; v++) code.push(...load(PB, 16 * v), ...set(BV + v));
    for (let i = 0; i < rows; i++) {
      code.push(...get(PA), ...simdOp(simd.load32Splat, [2, i * g.sar]), ...set(AV));
      for (let v = 0; v < vecs; v++) {
        if (g.family === 'fma') code.push(...get(AV), ...get(BV + v), ...get(acc(i, v)), ...simdOp(simd.f32x4RelaxedMadd), ...set(acc(i, v)));
        else code.push(...get(acc(i, v)), ...get(AV), ...get(BV + v), ...simdOp(simd.f32x4Mul), ...simdOp(simd.f32x4Add), ...set(acc(i, v)));
      }
    }
    return code;
  };
  const code: number[] = [];
  // PA = a + r sarTile + p0 sap; PB = b + 4 j + p0 ldb; P = p1 - p0.
  code.push(...get(A), ...get(R_), ...i32(g.sarTile ?? g.sar), op.i32Mul, op.i32Add, ...get(P0), ...i32(g.sap), op.i32Mul, op.i32Add, ...set(PA));
  code.push(...get(B), ...get(J), ...i32(2), op.i32Shl, op.i32Add, ...get(P0), ...i32(g.ldb), op.i32Mul, op.i32Add, ...set(PB));
  for (let i = 0; i < rows; i++) for (let v = 0; v < vecs; v++) code.push(...zeroV(), ...set(acc(i, v)));
  code.push(...get(P1), ...get(P0), op.i32Sub, ...set(P));
  code.push(...whileLoop([...get(P), ...i32(0), op.i32GtS], [...step(), ...addConst(PA, g.sap), ...addConst(PB, g.ldb), ...addConst(P, -1)]));
  // Epilogue: + S, + bias, relu, store.
  code.push(...get(R_), ...i32(g.ldc), op.i32Mul, ...get(J), ...i32(2), op.i32Shl, op.i32Add, ...set(TMP));
  code.push(...get(C), ...get(TMP), op.i32Add, ...set(PC), ...get(S), ...get(TMP), op.i32Add, ...set(PS), ...get(AUX), ...get(TMP), op.i32Add, ...set(PX));
  for (let i = 0; i < rows; i++) {
    for (let v = 0; v < vecs; v++) {
      const x = acc(i, v);
      const at = i * g.ldc + 16 * v;
      if (g.mask) code.push(...get(x), ...load(PX, at), ...zeroV(), ...simdOp(simd.f32x4Gt), ...simdOp(simd.and), ...set(x));
      if (g.s) code.push(...get(x), ...load(PS, at), ...simdOp(simd.f32x4Add), ...set(x));
      if (g.bias) code.push(...get(x), ...get(BIAS), ...get(J), ...i32(2), op.i32Shl, op.i32Add, ...simdOp(simd.load, [4, 16 * v]), ...simdOp(simd.f32x4Add), ...set(x));
      if (g.relu) code.push(...get(x), ...zeroV(), ...simdOp(simd.f32x4Pmax), ...set(x));
      code.push(...get(PC), ...get(x), ...simdOp(simd.store, [4, at]));
      if (g.reluCopy) code.push(...get(PX), ...get(x), ...zeroV(), ...simdOp(simd.f32x4Pmax), ...simdOp(simd.store, [4, at]));
    }
  }
  // Skip the tile (C left as it is) when its rows are outside [ROW0, ROW1).
  const skip = [...get(R_), ...get(ROW1), op.i32GeS, ...get(R_), ...i32(rows), op.i32Add, ...get(ROW0), op.i32LeS, op.i32Or];
  return [...ranges(), op.block, op.void, ...skip, op.brIf, 0, ...code, op.end];
}

/** All column tiles of one block of `rows` rows at row r: 8-column tiles, then one 4-column tile if m mod 8 = 4. */
function rowBlock(g: GemmSpec, rows: number): number[] {
  return [
    ...i32(0), ...set(J),
    ...whileLoop([...get(J), ...i32(8), op.i32Add, ...get(M), op.i32LeS], [...tile(g, rows, 2), ...addConst(J, 8)]),
    ...ifThen([...get(J), ...get(M), op.i32LtS], tile(g, rows, 1)),
  ];
}

/**
 * colSums(dst, src, n, m): dst[j] += sum_r src[r, j] over n rows with g.ldb bytes per row, m a
 * multiple of 4 (the bias gradient 1^T dz, which as a 1-row product ran one latency-bound chain of
 * multiply-adds per column vector). Four partial sums of rows r mod 4, added in a fixed order.
 */
function colSums(g: GemmSpec): WasmFunction {
  const [DST, SRC, NN, MM, CI, PP, RR, X] = [0, 1, 2, 3, 4, 5, 6, 7];
  const ACCS = 8;
  const acc = (i: number, ptr: number, offset: number) => [...get(ACCS + i), ...load(ptr, offset), ...simdOp(simd.f32x4Add), ...set(ACCS + i)];
  const column = [
    ...[0, 1, 2, 3].flatMap((i) => [...zeroV(), ...set(ACCS + i)]),
    ...get(SRC), ...get(CI), ...i32(4), op.i32Mul, op.i32Add, ...set(PP), ...get(NN), ...set(RR),
    ...whileLoop([...get(RR), ...i32(4), op.i32GeS], [...[0, 1, 2, 3].flatMap((i) => acc(i, PP, i * g.ldb)), ...addConst(PP, 4 * g.ldb), ...addConst(RR, -4)]),
    ...whileLoop([...get(RR), ...i32(0), op.i32GtS], [...acc(0, PP, 0), ...addConst(PP, g.ldb), ...addConst(RR, -1)]),
    ...get(DST), ...get(CI), ...i32(4), op.i32Mul, op.i32Add, ...set(X),
    ...get(X), ...load(X, 0), ...get(ACCS), ...get(ACCS + 1), ...simdOp(simd.f32x4Add), ...get(ACCS + 2), ...get(ACCS + 3), ...simdOp(simd.f32x4Add),
    ...simdOp(simd.f32x4Add), ...simdOp(simd.f32x4Add), ...simdOp(simd.store, [4, 0]),
  ];
  const body = [...i32(0), ...set(CI), ...whileLoop([...get(CI), ...get(MM), op.i32LtS], [...column, ...addConst(CI, 4)])];
  return { name: 'colSums', params: 4, locals: [{ type: I32, count: 4 }, { type: V128, count: 4 }], body };
}

/**
 * The bytes of a module exporting `gemm(c, s, a, b, bias, n, m, k, ranges, aux)` specialised to `g`
 * (byte pointers; s, bias and aux are read only when `g` says so, ranges when not 0) and colSums (above),
 * importing memory env.memory (at least `pages` 64 KiB pages).
 */
export function gemmModuleBytes(g: GemmSpec, pages: number): Uint8Array<ArrayBuffer> {
  const body = [
    ...i32(0), ...set(R_),
    ...whileLoop([...get(R_), ...i32(4), op.i32Add, ...get(N), op.i32LeS], [...rowBlock(g, 4), ...addConst(R_, 4)]),
    ...whileLoop([...get(R_), ...get(N), op.i32LtS], [...rowBlock(g, 1), ...addConst(R_, 1)]),
  ];
  const fn: WasmFunction = { name: 'gemm', params: PARAMS, locals: [{ type: I32, count: I32_LOCALS }, { type: V128, count: V128_LOCALS }], body };
  return wasmModule([fn, colSums(g)], pages);
}
