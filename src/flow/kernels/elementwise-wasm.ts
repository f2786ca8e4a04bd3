/**
 * The element-wise WebAssembly SIMD kernels of the fused flow training step (../fused/), emitted as
 * bytes by ./wasm-emit.ts (the products are in ./gemm-kernel.ts):
 *   gradMask: dst = g where ref > 0 else 0 (the relu backward of a feed-forward MADE; the residual
 *   blocks' relu passes are folded into the products);  softplusAffine: ./softplus-wasm.ts;
 *   packPanels: a [rows, cols] row-major matrix as cols / 4 panels [rows, 4] (the weight gradients' operand).
 */
import { softplusAffine } from './softplus-wasm.js';
import { I32, emit, op, simd, simdOp, wasmModule, type WasmFunction } from './wasm-emit.js';

const { get, set, i32, addConst, whileLoop, zeroV } = emit;

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

/**
 * packPanels(dst, src, rows, cols, panel): panel c / 4 of dst (at dst + (c / 4) panel bytes) = columns
 * c..c+3 of src [rows, cols] (row-major, cols a multiple of 4) as [rows, 4]; one sequential pass over
 * src, so a product that reads four columns at a time down the rows streams from memory in order.
 */
function packPanels(): WasmFunction {
  const [DST, SRC, ROWS, COLS, PANEL, P, Q, END] = [0, 1, 2, 3, 4, 5, 6, 7];
  const row = [
    ...get(DST), ...set(Q), ...get(SRC), ...get(COLS), ...i32(2), op.i32Shl, op.i32Add, ...set(END),
    ...whileLoop([...get(SRC), ...get(END), op.i32LtS], [
      ...get(Q), ...get(SRC), ...simdOp(simd.load, [4, 0]), ...simdOp(simd.store, [4, 0]),
      ...addConst(SRC, 16), ...get(Q), ...get(PANEL), op.i32Add, ...set(Q),
    ]),
    ...addConst(DST, 16),
  ];
  const body = [...i32(0), ...set(P), ...whileLoop([...get(P), ...get(ROWS), op.i32LtS], [...row, ...addConst(P, 1)])];
  return { name: 'packPanels', params: 5, locals: [{ type: I32, count: 3 }], body };
}

const maskPositive = (g: number[], ref: number[]) => [...g, ...ref, ...zeroV(), ...simdOp(simd.f32x4Gt), ...simdOp(simd.and)];

/** The element-wise kernels' module bytes (memory imported as env.memory, at least `pages` 64 KiB pages). */
export function kernelModuleBytes(pages: number): Uint8Array<ArrayBuffer> {
  return wasmModule(
    [
      elementwise('gradMask', 3, (p) => maskPositive(p(1), p(2))),
      softplusAffine(),
      packPanels(),
    ],
    pages,
  );
}
