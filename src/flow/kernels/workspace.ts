/**
 * The memory of the SIMD kernels (./gemm-kernel.ts, ./elementwise-wasm.ts) and typed calls into them. One workspace per
 * trainer: a bump allocator over one WebAssembly.Memory that a training step resets and refills
 * (the memory grows to the largest step and stays), so activations are written once and read in
 * place by the backward pass, never copied into tensors.
 */
import { kernelModuleBytes } from './elementwise-wasm.js';
import { gemmModuleBytes, type GemmSpec } from './gemm-kernel.js';
import { resolveKernelFamily, type KernelFamily } from './kernel-family.js';

const PAGE = 65536;
/** Rows per chunk of the weight-gradient products (both operands of a chunk stay in L2; 16, 32, 64 measured no faster in the step). */
const GRAD_CHUNK = 128;
/** Bytes kept free at address 0, so that pointer 0 can mean "none". */
const RESERVED = 64;

/** A specialised product and column sum (./gemm-kernel.ts). */
interface GemmExports {
  gemm(c: number, s: number, a: number, b: number, bias: number, n: number, m: number, k: number, ranges: number, aux: number): void;
  colSums(dst: number, src: number, n: number, m: number): void;
}

interface KernelExports {
  gradMask(dst: number, g: number, ref: number, count: number): void;
  softplusAffine(out: number, x: number, y: number, s: number, sig: number, n: number, dp: number, epsBits: number): void;
  packPanels(dst: number, src: number, rows: number, cols: number, panelBytes: number): void;
}

/** Compiled modules by key: 'elementwise' or a gemm spec's fields (one compile per process). */
const compiled = new Map<string, WebAssembly.Module>();

function compile(key: string, bytes: () => Uint8Array<ArrayBuffer>): WebAssembly.Module {
  let module = compiled.get(key);
  if (!module) compiled.set(key, (module = new WebAssembly.Module(bytes())));
  return module;
}

/** A strided view of a row-major matrix in the workspace: element (r, p) at byte ptr + r rowStride + p colStride. */
export interface MatrixRef {
  ptr: number;
  rowStride: number;
  colStride: number;
}

/** Row-major matrix at `ptr` with `cols` floats per row. */
export const rowMajor = (ptr: number, cols: number): MatrixRef => ({ ptr, rowStride: 4 * cols, colStride: 4 });
/** The transpose of the row-major matrix at `ptr` with `cols` floats per row. */
export const transposed = (ptr: number, cols: number): MatrixRef => ({ ptr, rowStride: 4, colStride: 4 * cols });

/** Optional parts of a {@link KernelWorkspace.gemm}. */
export interface GemmOptions {
  /** C = S + ... (S with C's layout; may be C itself). */
  s?: number;
  /** Bias [m] added to every row. */
  bias?: number;
  relu?: boolean;
  /** Floats per row of B (default m) and of C (default m). */
  ldb?: number;
  ldc?: number;
  /** Int32 table (from {@link KernelWorkspace.ranges}): per 8 columns the reduction [p0, p1) and the rows [r0, r1) to compute. */
  ranges?: number;
  /** Mask the product where this matrix (C's layout) is not > 0, before + S (relu backward). */
  maskBy?: number;
  /** Also write max(C, 0) here (C's layout). */
  reluCopy?: number;
}

/** Kernel memory with a bump allocator (see the file header). */
export class KernelWorkspace {
  private readonly memory: WebAssembly.Memory;
  private readonly k: KernelExports;
  private top = RESERVED;
  private view: Float32Array;

  private readonly gemms = new Map<string, GemmExports>();
  /** The kernel family the products run on (./kernel-family.ts). */
  readonly family: KernelFamily;

  /** @param family the products' kernel family (default: 'fma' where relaxed SIMD compiles, else 'simd'). */
  constructor(family?: KernelFamily) {
    this.family = resolveKernelFamily(family);
    this.memory = new WebAssembly.Memory({ initial: 16 });
    this.k = this.instantiate('elementwise', () => kernelModuleBytes(1)) as unknown as KernelExports;
    this.view = new Float32Array(this.memory.buffer);
  }

  private instantiate(key: string, bytes: () => Uint8Array<ArrayBuffer>): WebAssembly.Exports {
    return new WebAssembly.Instance(compile(key, bytes), { env: { memory: this.memory } }).exports;
  }

  /** The product specialised to `spec` (compiled on first use). */
  private gemmFor(spec: GemmSpec): GemmExports {
    const key = `${spec.family} ${spec.sar} ${spec.sarTile ?? spec.sar} ${spec.sap} ${spec.ldb} ${spec.ldc} ${+spec.s}${+spec.bias}${+spec.relu}${+spec.mask}${+spec.reluCopy}`;
    let fn = this.gemms.get(key);
    if (!fn) this.gemms.set(key, (fn = this.instantiate(key, () => gemmModuleBytes(spec, 1)) as unknown as GemmExports));
    return fn;
  }

  /** Free everything allocated since construction (pointers from before become invalid). */
  reset(): void {
    this.top = RESERVED;
  }

  /** The allocation mark (everything allocated after it is freed by {@link release}). */
  mark(): number {
    return this.top;
  }

  /** Free everything allocated since `mark` was taken. */
  release(mark: number): void {
    this.top = mark;
  }

  /** Byte pointer to `count` floats (16-byte aligned, contents undefined). */
  alloc(count: number): number {
    const ptr = this.top;
    this.top += Math.ceil(count / 4) * 16;
    if (this.top > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((this.top - this.memory.buffer.byteLength) / PAGE));
      this.view = new Float32Array(this.memory.buffer);
    }
    return ptr;
  }

  /** Byte pointer to `count` zeros. */
  zeros(count: number): number {
    const ptr = this.alloc(count);
    this.f32(ptr, count).fill(0);
    return ptr;
  }

  /** A Float32Array view of `count` floats at `ptr` (invalid after the next alloc that grows memory). */
  f32(ptr: number, count: number): Float32Array {
    return this.view.subarray(ptr / 4, ptr / 4 + count);
  }

  /**
   * C [n, m] (row-major at c) = act(S + bias + A B), A [n, k] strided, B [k, m] row-major (ldb floats per row);
   * s / bias 0 for none; m, ldb and the row length of C multiples of 4.
   */
  gemm(c: number, a: MatrixRef, b: number, n: number, m: number, k: number, opts: GemmOptions = {}): void {
    const ldb = opts.ldb ?? m;
    const ldc = opts.ldc ?? m;
    if (m % 4 !== 0 || ldb % 4 !== 0 || ldc % 4 !== 0) throw new Error(`gemm: m = ${m}, ldb = ${ldb}, ldc = ${ldc} must be multiples of 4`);
    if (opts.maskBy !== undefined && opts.reluCopy !== undefined) throw new Error('gemm: maskBy and reluCopy share one pointer; give one');
    const spec: GemmSpec = {
      family: this.family, sar: a.rowStride, sap: a.colStride, ldb: 4 * ldb, ldc: 4 * ldc,
      s: opts.s !== undefined, bias: opts.bias !== undefined, relu: opts.relu === true, mask: opts.maskBy !== undefined, reluCopy: opts.reluCopy !== undefined,
    };
    this.gemmFor(spec).gemm(c, opts.s ?? 0, a.ptr, b, opts.bias ?? 0, n, m, k, opts.ranges ?? 0, opts.maskBy ?? opts.reluCopy ?? 0);
  }

  /** A copy of a range table (per group of 8 columns [p0, p1, r0, r1], see ./gemm-kernel.ts) in the workspace. */
  ranges(table: Int32Array): number {
    const ptr = this.alloc(table.length);
    new Int32Array(this.memory.buffer, ptr, table.length).set(table);
    return ptr;
  }

  /**
   * Gradients of z = u Wt + c (u [n, inP], dz [n, outP], row-major) over the batch: dWt = u^T dz
   * [inP, outP] and dc = 1^T dz [outP], by chunks of rows; tiles outside the `ranges` rows stay 0.
   */
  weightGradients(u: number, inP: number, dz: number, outP: number, n: number, ranges?: number): { dwt: number; db: number } {
    const dwt = this.zeros(inP * outP);
    const db = this.zeros(outP);
    this.addWeightGradients(dwt, db, u, inP, dz, outP, n, ranges);
    return { dwt, db };
  }

  /**
   * dwt += u^T dz and db += 1^T dz (as {@link weightGradients}) by chunks of GRAD_CHUNK rows in order:
   * calls on consecutive blocks of rows whose sizes are multiples of GRAD_CHUNK add the same chunks as one call.
   * Each chunk of u is first packed into panels of 4 columns (./elementwise-wasm.ts, ./gemm-kernel.ts): same sums, same order.
   */
  addWeightGradients(dwt: number, db: number, u: number, inP: number, dz: number, outP: number, n: number, ranges?: number): void {
    if (inP % 4 !== 0) throw new Error(`addWeightGradients: inP = ${inP} must be a multiple of 4`);
    const panel = 16 * GRAD_CHUNK;
    const k = this.gemmFor({ family: this.family, sar: 4, sarTile: panel / 4, sap: 16, ldb: 4 * outP, ldc: 4 * outP, s: true, bias: false, relu: false, mask: false, reluCopy: false });
    const mark = this.mark();
    const packed = this.alloc(GRAD_CHUNK * inP);
    for (let p0 = 0; p0 < n; p0 += GRAD_CHUNK) {
      const rows = Math.min(GRAD_CHUNK, n - p0);
      this.k.packPanels(packed, u + 4 * p0 * inP, rows, inP, panel);
      k.gemm(dwt, dwt, packed, dz + 4 * p0 * outP, 0, inP, outP, rows, ranges ?? 0, 0);
      k.colSums(db, dz + 4 * p0 * outP, rows, outP);
    }
    this.release(mark);
  }

  /**
   * s = softplus(a) + eps, sig = sigmoid(a), y = s x + b for n rows of out = [a | b] ([n, 2 dp]) and
   * x, y, s, sig [n, dp], in float32 (./softplus-wasm.ts).
   */
  softplusAffine(out: number, x: number, y: number, s: number, sig: number, n: number, dp: number, eps: number): void {
    this.k.softplusAffine(out, x, y, s, sig, n, dp, new Int32Array(Float32Array.of(eps).buffer)[0]);
  }

  /** dst = g where ref > 0, else 0 (relu backward from the relu output or input). */
  gradMask(dst: number, g: number, ref: number, count: number): void {
    this.k.gradMask(dst, g, ref, count);
  }
}
