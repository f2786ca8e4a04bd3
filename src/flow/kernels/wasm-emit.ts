/**
 * A minimal WebAssembly binary writer (spec: webassembly.github.io/spec, "Binary Format", and the
 * fixed-width SIMD proposal's opcode table): LEB128 numbers, sections, a module whose functions
 * take only i32 parameters and import one memory `env.memory`. Enough to emit the hand-written
 * SIMD kernels of ./gemm-kernel.ts and ./elementwise-wasm.ts from TypeScript, so no wasm toolchain or binary blob is checked in.
 */

/** Unsigned LEB128 bytes of a non-negative integer. */
export function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 bytes of an integer in the i32 range. */
export function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;

/** Core opcodes used by the kernels. */
export const op = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d, void: 0x40,
  select: 0x1b, localGet: 0x20, localSet: 0x21, localTee: 0x22, i32Load: 0x28, i32Const: 0x41,
  i32Eqz: 0x45, i32LtS: 0x48, i32GtS: 0x4a, i32LeS: 0x4c, i32GeS: 0x4e,
  i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32Or: 0x72, i32Shl: 0x74, i32ShrU: 0x76,
} as const;

/** SIMD opcodes (after the 0xfd prefix, themselves LEB128-encoded). */
export const simd = {
  load: 0x00, load32Splat: 0x09, store: 0x0b, const: 0x0c,
  f32x4Gt: 0x44, and: 0x4e, f32x4Add: 0xe4, f32x4Mul: 0xe6, f32x4Pmax: 0xeb,
  /** Relaxed SIMD (webassembly/relaxed-simd Overview.md): a b c -> a b + c, fused where the CPU has FMA. */
  f32x4RelaxedMadd: 0x105,
} as const;

/** Bytes of one SIMD instruction (memory instructions take `memarg` = [align log2, offset]). */
export function simdOp(code: number, memarg?: [number, number]): number[] {
  return [0xfd, ...uleb(code), ...(memarg ? [...uleb(memarg[0]), ...uleb(memarg[1])] : [])];
}

/** Instruction sequences shared by the kernel emitters (locals by index, i32 unless said). */
export const emit = {
  /** local.get i */
  get: (i: number): number[] => [op.localGet, ...uleb(i)],
  /** local.set i */
  set: (i: number): number[] => [op.localSet, ...uleb(i)],
  /** i32.const v */
  i32: (v: number): number[] => [op.i32Const, ...sleb(v)],
  /** local[i] += v (i32 constant). */
  addConst: (i: number, v: number): number[] => [op.localGet, ...uleb(i), op.i32Const, ...sleb(v), op.i32Add, op.localSet, ...uleb(i)],
  /** A `while (cond) { body }` loop; `cond` leaves an i32 on the stack. */
  whileLoop: (cond: number[], body: number[]): number[] => [op.block, op.void, op.loop, op.void, ...cond, op.i32Eqz, op.brIf, 1, ...body, op.br, 0, op.end, op.end],
  /** if (cond) { body } */
  ifThen: (cond: number[], body: number[]): number[] => [...cond, op.if, op.void, ...body, op.end],
  /** v128.load at local ptr + offset (16-byte aligned hint). */
  load: (ptr: number, offset = 0): number[] => [op.localGet, ...uleb(ptr), ...simdOp(simd.load, [4, offset])],
  /** v128.const 0 */
  zeroV: (): number[] => [...simdOp(simd.const), ...new Array<number>(16).fill(0)],
};

/** One function of a module: its i32 parameter count, extra locals by type, and body bytes (without the final `end`). */
export interface WasmFunction {
  name: string;
  params: number;
  locals: { type: number; count: number }[];
  body: number[];
}

function section(id: number, payload: number[]): number[] {
  return [id, ...uleb(payload.length), ...payload];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(s: string): number[] {
  const b = [...Buffer.from(s, 'utf8')];
  return [...uleb(b.length), ...b];
}

/** The module bytes: every function exported under its name, memory imported as env.memory (min `pages`). */
export function wasmModule(functions: WasmFunction[], pages: number): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...uleb(f.params), ...new Array<number>(f.params).fill(I32), 0]);
  const imports = [[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(pages)]];
  const codes = functions.map((f) => {
    const locals = vec(f.locals.map((l) => [...uleb(l.count), l.type]));
    const body = [...locals, ...f.body, op.end];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(codes)),
  ]);
}
