/** Backend selection: wasm by default here (tfjs-node is not installed), errors named. */
import * as tf from '../../src/flow/tf.js';
import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { selectBackend, type BackendName } from '../../src/flow/backend.js';

describe('selectBackend', () => {
  it('uses wasm when no native TensorFlow binding is installed, and can switch to cpu', async () => {
    expect(await selectBackend('auto')).toBe('wasm');
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(await selectBackend('wasm')).toBe('wasm');
  });

  it('refuses an unknown backend and a missing native one with MbankError', async () => {
    await expect(selectBackend('gpu' as BackendName)).rejects.toThrow(MbankError);
    await expect(selectBackend('tensorflow')).rejects.toThrow(/tfjs-node/);
  });
});
