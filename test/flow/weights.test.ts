/** Weight files: safetensors layout, save/load round trip, errors. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/flow/safetensors.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { loadAnyFlow } from '../../src/flow/family-weights.js';
import { decodeFlow, encodeFlow, loadFlow, loadFlowWithMetadata, saveFlow } from '../../src/flow/weights.js';
import { useTestBackend } from './helpers.js';

beforeAll(useTestBackend);

describe('safetensors', () => {
  it('writes the documented layout: u64 header length, JSON header with F32 entries, 8-byte aligned data', () => {
    const bytes = encodeSafetensors({ b: { shape: [2], data: new Float32Array([1, 2]) }, a: { shape: [1, 1], data: new Float32Array([-3.5]) } }, { note: 'x' });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const n = Number(view.getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    expect(header.__metadata__).toEqual({ note: 'x' });
    expect(header.a).toEqual({ dtype: 'F32', shape: [1, 1], data_offsets: [0, 4] });
    expect(header.b).toEqual({ dtype: 'F32', shape: [2], data_offsets: [4, 12] });
    expect(view.getFloat32(8 + n, true)).toBe(-3.5);
    expect(bytes.length).toBe(8 + n + 12);
    const back = decodeSafetensors(bytes);
    expect(Array.from(back.tensors.b.data)).toEqual([1, 2]);
  });

  it('rejects truncated files and unsupported dtypes with MbankError', () => {
    const bytes = encodeSafetensors({ a: { shape: [3], data: new Float32Array(3) } });
    expect(() => decodeSafetensors(bytes.subarray(0, bytes.length - 1))).toThrow(MbankError);
    const header = new TextEncoder().encode(JSON.stringify({ a: { dtype: 'I8', shape: [1], data_offsets: [0, 1] } }));
    const bad = new Uint8Array(8 + header.length + 1);
    new DataView(bad.buffer).setBigUint64(0, BigInt(header.length), true);
    bad.set(header, 8);
    expect(() => decodeSafetensors(bad)).toThrow(/dtype/);
  });
});

describe('flow weight files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mbank-ts-flow-'));

  it('reproduces logProb exactly after save and load, with architecture, box and extra metadata', () => {
    const flow = new STDFlow({ dim: 3, nLayers: 2, hiddenFeatures: [6, 9], box: { low: [0, -1, 5], high: [1, 1, 9] }, permutation: 'random', seed: 4 });
    tf.tidy(() => flow.constant.assign(tf.tensor1d([2.25])));
    const path = join(dir, 'flow.safetensors');
    saveFlow(flow, path, { history: { train_loss: [3, 2, 1] }, note: 'hello' });
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const { flow: back, metadata } = loadFlowWithMetadata(path);
    expect(back.architecture()).toEqual(flow.architecture());
    expect(JSON.parse(metadata.history)).toEqual({ train_loss: [3, 2, 1] });
    expect(metadata.note).toBe('hello');
    expect(JSON.parse(metadata.box)).toEqual({ low: [0, -1, 5], high: [1, 1, 9] });
    const x = flow.sample(100, 2);
    expect(Array.from(back.logProb(x).dataSync())).toEqual(Array.from(flow.logProb(x).dataSync()));
    expect(Array.from(back.sample(10, 3).dataSync())).toEqual(Array.from(flow.sample(10, 3).dataSync()));
    expect(back.constant.dataSync()[0]).toBe(2.25);
    flow.dispose();
    back.dispose();
  });

  it('round-trips a flow without a box', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 5, seed: 1 });
    const path = join(dir, 'nobox.safetensors');
    saveFlow(flow, path);
    const back = loadFlow(path);
    expect(back.box()).toBeUndefined();
    const x = tf.randomNormal([20, 2]) as tf.Tensor2D;
    expect(Array.from(back.logProb(x).dataSync())).toEqual(Array.from(flow.logProb(x).dataSync()));
    flow.dispose();
    back.dispose();
  });

  it('round-trips the coordinate names and variable format, and files without them give none', () => {
    const flow = new STDFlow({ dim: 3, nLayers: 1, hiddenFeatures: 4, box: { low: [1, 0.1, -1], high: [2, 0.25, 1] }, seed: 2 });
    const path = join(dir, 'named.safetensors');
    saveFlow(flow, path, { coordinates: ['Mc', 'eta', 's1z'], variableFormat: 'Mc_eta_s1z', note: 'kept' });
    const loaded = loadFlowWithMetadata(path);
    expect(loaded.coordinates).toEqual(['Mc', 'eta', 's1z']);
    expect(loaded.variableFormat).toBe('Mc_eta_s1z');
    expect(loaded.metadata.note).toBe('kept');
    // Stored under the attribute names of dataset and bank files, as flows written before this field were.
    expect(JSON.parse(loaded.metadata.coordinate_names)).toEqual(['Mc', 'eta', 's1z']);
    expect(loaded.metadata.variable_format).toBe('Mc_eta_s1z');
    const any = loadAnyFlow(path);
    expect([any.coordinates, any.variableFormat]).toEqual([['Mc', 'eta', 's1z'], 'Mc_eta_s1z']);
    const old = decodeFlow(encodeFlow(flow, { coordinate_names: ['a', 'b', 'c'], variable_format: 'abc' }));
    expect([old.coordinates, old.variableFormat]).toEqual([['a', 'b', 'c'], 'abc']);
    const none = decodeFlow(encodeFlow(flow, { coordinate_names: [] }));
    expect([none.coordinates, none.variableFormat]).toEqual([undefined, undefined]);
    const plain = decodeFlow(encodeFlow(flow));
    expect('coordinates' in plain || 'variableFormat' in plain).toBe(false);
    [loaded.flow, any.flow, old.flow, none.flow, plain.flow].forEach((f) => f.dispose());
    flow.dispose();
  });

  it('rejects coordinate names of the wrong number or with a comma, and names given twice', () => {
    const flow = new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 4 });
    expect(() => encodeFlow(flow, { coordinates: ['a', 'b', 'c'] })).toThrow(/coordinates.*must be a list of 2 non-empty names/);
    expect(() => encodeFlow(flow, { coordinates: ['a', 'b,c'] })).toThrow(MbankError);
    expect(() => encodeFlow(flow, { coordinates: ['a', 'b'], coordinate_names: ['a', 'b'] })).toThrow(/given twice/);
    expect(() => decodeFlow(encodeFlow(flow, { coordinate_names: ['a'] }), 'f.safetensors')).toThrow(/f.safetensors: metadata coordinate_names/);
    flow.dispose();
  });

  it('names the problem when a file is missing, foreign or lacks a tensor', () => {
    expect(() => loadFlow(join(dir, 'nope.safetensors'))).toThrow(MbankError);
    const foreign = join(dir, 'foreign.safetensors');
    writeFileSync(foreign, encodeSafetensors({ a: { shape: [1], data: new Float32Array(1) } }));
    expect(() => loadFlow(foreign)).toThrow(/not an mbank-ts flow file/);
    const flow = new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 5 });
    const path = join(dir, 'cut.safetensors');
    saveFlow(flow, path);
    const { tensors, metadata } = decodeSafetensors(readFileSync(path));
    delete tensors['_transform._transforms.0._weight'];
    writeFileSync(path, encodeSafetensors(tensors, metadata));
    expect(() => loadFlow(path)).toThrow(/_transform._transforms.0._weight is missing/);
    expect(existsSync(path)).toBe(true);
    flow.dispose();
  });
});
