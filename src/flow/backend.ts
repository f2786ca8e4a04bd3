/**
 * Choice of the tfjs backend for the flow library. Default: '@tensorflow/tfjs-node-gpu' or
 * '@tensorflow/tfjs-node' when one is installed (loaded by dynamic import, never a dependency),
 * else 'wasm' (@tensorflow/tfjs-backend-wasm, SIMD). 'cpu' is the pure-JS reference backend.
 */
import * as tf from './tf.js';
import { invalid, MbankError } from '../core/errors.js';

/** Names accepted by `selectBackend`. */
export const BACKEND_NAMES = ['auto', 'wasm', 'cpu', 'tensorflow'] as const;
/** A backend request: 'auto' = native if installed, else wasm. */
export type BackendName = (typeof BACKEND_NAMES)[number];

async function tryImport(name: string): Promise<boolean> {
  try {
    await import(/* @vite-ignore */ name);
    return true;
  } catch {
    return false;
  }
}

/** Load the native TensorFlow binding (GPU build first); false when neither package is installed. */
async function loadNative(): Promise<boolean> {
  return (await tryImport('@tensorflow/tfjs-node-gpu')) || (await tryImport('@tensorflow/tfjs-node'));
}

/**
 * Activate a backend and return the name of the one in use. 'tensorflow' throws MbankError when
 * neither tfjs-node package is installed; 'auto' falls back to wasm silently.
 */
export async function selectBackend(name: BackendName = 'auto'): Promise<string> {
  if (!BACKEND_NAMES.includes(name)) invalid('backend', name, `must be one of ${BACKEND_NAMES.join(', ')}`);
  let target: string = name;
  if (name === 'auto' || name === 'tensorflow') {
    const native = tf.findBackend('tensorflow') !== null || (await loadNative());
    if (native) target = 'tensorflow';
    else if (name === 'tensorflow') throw new MbankError("backend = \"tensorflow\": neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node is installed (use 'wasm' or 'cpu')");
    else target = 'wasm';
  }
  if (target === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (tf.getBackend() !== target) {
    const ok = await tf.setBackend(target);
    if (!ok) throw new MbankError(`backend = ${JSON.stringify(target)}: could not be initialised`);
  }
  await tf.ready();
  return tf.getBackend();
}
