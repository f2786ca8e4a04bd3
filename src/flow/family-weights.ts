/**
 * Weight files for flows of every family (./families.ts), in the format of ./weights.ts:
 * safetensors with every tensor under its state-dict name and, in `__metadata__`, format =
 * "mbank-ts-flow", version = "1", architecture = the family's architecture JSON (its `kind` says
 * which family: STDFlow, NSF, PyMCFormula), box JSON (or "null"), optional coordinates, plus
 * caller entries.
 * Encoding, tensor assignment and file I/O are ./weights.ts's; this file adds the family dispatch.
 */
import { flowFromArchitecture, type FlowArchitecture } from './families.js';
import type { TransformFlow } from './transform-flow.js';
import { decodeFlowWith, readFlowFile, saveFlow, type DecodedFlow, type FlowMetadata } from './weights.js';

/** Write a flow of any family to `path`, atomically (`<path>.tmp-<pid>` then rename). */
export function saveAnyFlow(flow: TransformFlow, path: string, extraMetadata: FlowMetadata = {}): void {
  saveFlow(flow, path, extraMetadata);
}

/** Rebuild a flow of any family from safetensors bytes; returns it with the file's metadata and coordinates. */
export function decodeAnyFlow(bytes: Uint8Array, source = 'flow file'): DecodedFlow<TransformFlow> {
  return decodeFlowWith(bytes, source, (arch) => flowFromArchitecture(arch as FlowArchitecture, source));
}

/** Load a flow of any family written by saveAnyFlow or saveFlow. */
export function loadAnyFlow(path: string): DecodedFlow<TransformFlow> {
  return decodeAnyFlow(readFlowFile(path), path);
}
