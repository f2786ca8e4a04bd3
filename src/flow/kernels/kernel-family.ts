/**
 * Which of the two families of SIMD kernels (./gemm-kernel.ts) the fused training step runs:
 *   'fma':  products by relaxed SIMD's f32x4.relaxed_madd, which V8 compiles to vfmadd on a CPU with
 *           FMA3 (one rounding per multiply-add);
 *   'simd': products by f32x4.mul then f32x4.add (two roundings), the same on every machine.
 * The two round differently, so training is bitwise reproducible under a seed for one (backend,
 * kernel family) on one kind of CPU. Node 20's V8 (11.3) implements relaxed SIMD behind
 * --experimental-wasm-relaxed-simd; the flag is a compile-time feature check, so setting it through
 * v8.setFlagsFromString before the kernel module is compiled enables it without a command-line flag
 * (Node 22's V8 ships relaxed SIMD enabled).
 */
import { setFlagsFromString } from 'node:v8';
import { op, simd, simdOp, wasmModule } from './wasm-emit.js';

/** A kernel family (see the file header). */
export type KernelFamily = 'fma' | 'simd';

/** The kernel families, for option checks. */
export const KERNEL_FAMILIES: readonly KernelFamily[] = ['fma', 'simd'];

/** A module with one f32x4.relaxed_madd: valid only where the runtime accepts relaxed SIMD. */
function probe(): Uint8Array<ArrayBuffer> {
  const zero = [...simdOp(simd.const), ...new Array<number>(16).fill(0)];
  const body = [op.localGet, 0, ...zero, ...zero, ...zero, ...simdOp(simd.f32x4RelaxedMadd), ...simdOp(simd.store, [4, 0])];
  return wasmModule([{ name: 'f', params: 1, locals: [], body }], 1);
}

let available: boolean | undefined;

/** Whether relaxed SIMD can be compiled here (enabling V8's flag once if it is off). */
export function relaxedSimdAvailable(): boolean {
  if (available === undefined) {
    const bytes = probe();
    available = WebAssembly.validate(bytes);
    if (!available) {
      setFlagsFromString('--experimental-wasm-relaxed-simd');
      available = WebAssembly.validate(bytes);
    }
  }
  return available;
}

/** The default family: 'fma' where relaxed SIMD compiles, else 'simd'. */
export function defaultKernelFamily(): KernelFamily {
  return relaxedSimdAvailable() ? 'fma' : 'simd';
}

/** `family` if this runtime can run it (a one-line error otherwise), or the default for undefined. */
export function resolveKernelFamily(family: KernelFamily | undefined): KernelFamily {
  if (family === undefined) return defaultKernelFamily();
  if (!KERNEL_FAMILIES.includes(family)) throw new Error(`kernels: '${String(family)}' is not one of ${KERNEL_FAMILIES.join(', ')}`);
  if (family === 'fma' && !relaxedSimdAvailable()) throw new Error(`kernels: 'fma' needs WebAssembly relaxed SIMD, which this runtime does not compile; use 'simd'`);
  return family;
}
