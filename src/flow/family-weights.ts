/**
 * Weight files for flows of every family (./families.ts), in the format of ./weights.ts:
 * safetensors with every tensor under its state-dict name and, in `__metadata__`, format =
 * "mbank-ts-flow", version = "1", architecture = the family's architecture JSON (its `kind` says
 * which family: STDFlow, NSF, PyMCFormula), box JSON (or "null"), plus caller entries.
 * STDFlow files are read and written by ./weights.ts itself (identical bytes).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { MbankError, invalid } from '../core/errors.js';
import { flowFromArchitecture, type FamilyArchitecture, type FamilyFlow } from './families.js';
import { decodeSafetensors, encodeSafetensors, type NamedTensor } from './safetensors.js';
import { STDFlow } from './std-flow.js';
import { FLOW_FILE_FORMAT, decodeFlow, encodeFlow } from './weights.js';

const RESERVED = ['format', 'version', 'architecture', 'box'];

/** Encode a flow of any family (and extra metadata; non-strings JSON-encoded) as safetensors bytes. */
export function encodeAnyFlow(flow: FamilyFlow, extraMetadata: Record<string, unknown> = {}): Uint8Array {
  if (flow instanceof STDFlow) return encodeFlow(flow, extraMetadata);
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(extraMetadata)) {
    if (RESERVED.includes(k)) invalid('metadata key', k, `is reserved (${RESERVED.join(', ')})`);
    metadata[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const tensors: Record<string, NamedTensor> = {};
  for (const [name, v] of Object.entries(flow.namedVariables())) tensors[name] = { shape: [...v.shape], data: Float32Array.from(v.dataSync()) };
  const box = flow.box();
  metadata.format = FLOW_FILE_FORMAT;
  metadata.version = '1';
  metadata.architecture = JSON.stringify(flow.architecture());
  metadata.box = JSON.stringify(box ? { low: Array.from(box.low), high: Array.from(box.high) } : null);
  return encodeSafetensors(tensors, metadata);
}

/** Write a flow of any family to `path`, atomically (`<path>.tmp-<pid>` then rename). */
export function saveAnyFlow(flow: FamilyFlow, path: string, extraMetadata: Record<string, unknown> = {}): void {
  const bytes = encodeAnyFlow(flow, extraMetadata);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Rebuild a flow of any family from safetensors bytes; returns it with the file's metadata. */
export function decodeAnyFlow(bytes: Uint8Array, source = 'flow file'): { flow: FamilyFlow; metadata: Record<string, string> } {
  const { tensors, metadata } = decodeSafetensors(bytes, source);
  if (metadata.format !== FLOW_FILE_FORMAT || metadata.architecture === undefined) {
    throw new MbankError(`${source}: not an mbank-ts flow file (metadata format = ${JSON.stringify(metadata.format)})`);
  }
  let arch: FamilyArchitecture;
  try {
    arch = JSON.parse(metadata.architecture) as FamilyArchitecture;
  } catch {
    throw new MbankError(`${source}: architecture metadata is not JSON`);
  }
  if (arch.kind === 'STDFlow') return decodeFlow(bytes, source);
  const flow = flowFromArchitecture(arch, source);
  try {
    for (const [name, v] of Object.entries(flow.namedVariables())) {
      const t = tensors[name];
      if (!t) throw new MbankError(`${source}: tensor ${name} is missing`);
      if (t.shape.length !== v.shape.length || t.shape.some((s, i) => s !== v.shape[i])) {
        throw new MbankError(`${source}: tensor ${name} has shape [${t.shape.join(', ')}], expected [${v.shape.join(', ')}]`);
      }
      tf.tidy(() => v.assign(tf.tensor(t.data, v.shape, 'float32')));
    }
  } catch (e) {
    flow.dispose();
    throw e;
  }
  return { flow, metadata };
}

/** Load a flow of any family written by saveAnyFlow or saveFlow. */
export function loadAnyFlow(path: string): { flow: FamilyFlow; metadata: Record<string, string> } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new MbankError(`flow-file = ${JSON.stringify(path)}: cannot be read (${(e as Error).message})`);
  }
  return decodeAnyFlow(bytes, path);
}
