/**
 * Flow weight files: safetensors (./safetensors.ts) holding every tensor of an STDFlow under
 * mbank's state-dict names (`constant`, `_transform._transforms.<i>.low|high|bias|_weight|
 * autoregressive_net.<layer>.weight|bias`) and, in `__metadata__`:
 *   format = "mbank-ts-flow", version = "1", architecture = FlowArchitecture JSON,
 *   box = {"low": [...], "high": [...]} JSON (or "null"), plus caller entries (e.g. loss history).
 * MADE masks are not stored (they follow from the architecture). Files are written atomically.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { invalid, MbankError } from '../core/errors.js';
import { decodeSafetensors, encodeSafetensors, type NamedTensor } from './safetensors.js';
import { STDFlow } from './std-flow.js';
import type { FlowArchitecture } from './types.js';

/** Value of `__metadata__.format` in our weight files. */
export const FLOW_FILE_FORMAT = 'mbank-ts-flow';

/** Metadata keys written by saveFlow (callers may not override them). */
const RESERVED = ['format', 'version', 'architecture', 'box'];

/** What a weight file needs of a flow of any family: named variables, box and architecture. */
export interface SavableFlow {
  namedVariables(): Record<string, tf.Variable>;
  box(): { low: Float64Array; high: Float64Array } | undefined;
  architecture(): unknown;
}

/** The flow's tensors by name, copied to host float32 arrays. */
export function flowTensors(flow: SavableFlow): Record<string, NamedTensor> {
  const out: Record<string, NamedTensor> = {};
  for (const [name, v] of Object.entries(flow.namedVariables())) out[name] = { shape: [...v.shape], data: Float32Array.from(v.dataSync()) };
  return out;
}

/** Assign tensors (by name, shapes checked) to a flow; every variable of the flow must be given. */
export function assignFlowTensors(flow: SavableFlow, tensors: Record<string, NamedTensor>, source: string): void {
  for (const [name, v] of Object.entries(flow.namedVariables())) {
    const t = tensors[name];
    if (!t) throw new MbankError(`${source}: tensor ${name} is missing`);
    if (t.shape.length !== v.shape.length || t.shape.some((s, i) => s !== v.shape[i])) {
      throw new MbankError(`${source}: tensor ${name} has shape [${t.shape.join(', ')}], expected [${v.shape.join(', ')}]`);
    }
    tf.tidy(() => v.assign(tf.tensor(t.data, v.shape, 'float32')));
  }
}

/** Encode a flow (and extra metadata; non-string values are JSON-encoded) as safetensors bytes. */
export function encodeFlow(flow: SavableFlow, extraMetadata: Record<string, unknown> = {}): Uint8Array {
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(extraMetadata)) {
    if (RESERVED.includes(k)) invalid('metadata key', k, `is reserved (${RESERVED.join(', ')})`);
    metadata[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const box = flow.box();
  metadata.format = FLOW_FILE_FORMAT;
  metadata.version = '1';
  metadata.architecture = JSON.stringify(flow.architecture());
  metadata.box = JSON.stringify(box ? { low: Array.from(box.low), high: Array.from(box.high) } : null);
  return encodeSafetensors(flowTensors(flow), metadata);
}

/** Write a flow to `path` (safetensors), atomically (`<path>.tmp-<pid>` then rename). */
export function saveFlow(flow: SavableFlow, path: string, extraMetadata: Record<string, unknown> = {}): void {
  const bytes = encodeFlow(flow, extraMetadata);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Rebuild a flow from safetensors bytes; returns the flow and the file's metadata. */
export function decodeFlow(bytes: Uint8Array, source = 'flow file'): { flow: STDFlow; metadata: Record<string, string> } {
  const { tensors, metadata } = decodeSafetensors(bytes, source);
  if (metadata.format !== FLOW_FILE_FORMAT || metadata.architecture === undefined) {
    throw new MbankError(`${source}: not an mbank-ts flow file (metadata format = ${JSON.stringify(metadata.format)}); convert mbank .zip flows with 'mbank-ts convert-flow'`);
  }
  let arch: FlowArchitecture;
  try {
    arch = JSON.parse(metadata.architecture) as FlowArchitecture;
  } catch {
    throw new MbankError(`${source}: architecture metadata is not JSON`);
  }
  if ((arch.kind as string) === 'NSF' || (arch.kind as string) === 'PyMCFormula') {
    throw new MbankError(`${source}: a ${arch.kind} flow; load it with loadAnyFlow (src/flow/family-weights.ts), which rebuilds every family`);
  }
  if (arch.kind !== 'STDFlow' || !Array.isArray(arch.layers)) throw new MbankError(`${source}: architecture kind = ${JSON.stringify(arch.kind)}: only STDFlow is known`);
  const flow = new STDFlow(arch);
  try {
    assignFlowTensors(flow, tensors, source);
  } catch (e) {
    flow.dispose();
    throw e;
  }
  return { flow, metadata };
}

/** The bytes of a flow file; a file that cannot be read is an MbankError naming it. */
export function readFlowFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new MbankError(`flow-file = ${JSON.stringify(path)}: cannot be read (${(e as Error).message})`);
  }
}

/** Load a flow written by saveFlow (no other input needed); returns the flow and the metadata. */
export function loadFlowWithMetadata(path: string): { flow: STDFlow; metadata: Record<string, string> } {
  return decodeFlow(readFlowFile(path), path);
}

/** Load a flow written by saveFlow. */
export function loadFlow(path: string): STDFlow {
  return loadFlowWithMetadata(path).flow;
}
