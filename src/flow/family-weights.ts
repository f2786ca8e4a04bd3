/**
 * Weight files for flows of every family (./families.ts), in the format of ./weights.ts:
 * safetensors with every tensor under its state-dict name and, in `__metadata__`, format =
 * "mbank-ts-flow", version = "1", architecture = the family's architecture JSON (its `kind` says
 * which family: STDFlow, NSF, PyMCFormula), box JSON (or "null"), plus caller entries.
 * Encoding, tensor assignment and file I/O are ./weights.ts's; this file adds the family dispatch.
 */
import { MbankError } from '../core/errors.js';
import { flowFromArchitecture, type FamilyArchitecture, type FamilyFlow } from './families.js';
import { decodeSafetensors } from './safetensors.js';
import { FLOW_FILE_FORMAT, assignFlowTensors, decodeFlow, encodeFlow, readFlowFile, saveFlow } from './weights.js';

/** Encode a flow of any family (and extra metadata; non-strings JSON-encoded) as safetensors bytes. */
export function encodeAnyFlow(flow: FamilyFlow, extraMetadata: Record<string, unknown> = {}): Uint8Array {
  return encodeFlow(flow, extraMetadata);
}

/** Write a flow of any family to `path`, atomically (`<path>.tmp-<pid>` then rename). */
export function saveAnyFlow(flow: FamilyFlow, path: string, extraMetadata: Record<string, unknown> = {}): void {
  saveFlow(flow, path, extraMetadata);
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
    assignFlowTensors(flow, tensors, source);
  } catch (e) {
    flow.dispose();
    throw e;
  }
  return { flow, metadata };
}

/** Load a flow of any family written by saveAnyFlow or saveFlow. */
export function loadAnyFlow(path: string): { flow: FamilyFlow; metadata: Record<string, string> } {
  return decodeAnyFlow(readFlowFile(path), path);
}
