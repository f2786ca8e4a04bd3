/**
 * Flow weight files: safetensors (./safetensors.ts) holding every tensor of an STDFlow under
 * mbank's state-dict names (`constant`, `_transform._transforms.<i>.low|high|bias|_weight|
 * autoregressive_net.<layer>.weight|bias`) and, in `__metadata__`:
 *   format = "mbank-ts-flow", version = "1", architecture = STDArchitecture JSON,
 *   box = {"low": [...], "high": [...]} JSON (or "null"), optionally coordinate_names (JSON list of
 *   D names, the columns of the flow's input) and variable_format (the format they belong to), plus
 *   caller entries (e.g. loss history). The names are plain strings to the flow library.
 * MADE masks are not stored (they follow from the architecture). Files are written atomically.
 * Flows of the other families are read by ./family-weights.ts through {@link decodeFlowWith}.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic-write.js';
import * as tf from './tf.js';
import { invalid, MbankError } from '../core/errors.js';
import { decodeSafetensors, encodeSafetensors, type NamedTensor } from './safetensors.js';
import { STDFlow } from './std-flow.js';
import type { STDArchitecture } from './types.js';

/** Value of `__metadata__.format` in our weight files. */
export const FLOW_FILE_FORMAT = 'mbank-ts-flow';

/** Metadata keys written by saveFlow (callers may not override them). */
const RESERVED = ['format', 'version', 'architecture', 'box'];

/** Metadata key of the coordinate names (the same attribute name as dataset and bank files). */
export const COORDINATES_KEY = 'coordinate_names';
/** Metadata key of the variable format. */
export const VARIABLE_FORMAT_KEY = 'variable_format';

/** The coordinates a flow was trained in, kept in its file (optional; the flow itself ignores them). */
export interface FlowCoordinates {
  /** One name per dimension, in the order of the flow's input columns (no ',' or line breaks). */
  coordinates?: string[];
  /** Name of the variable format the coordinates belong to. */
  variableFormat?: string;
}

/** Extra metadata of a weight file: the coordinates (validated) and free caller entries. */
export type FlowMetadata = FlowCoordinates & Record<string, unknown>;

/** What a weight file needs of a flow of any family: dimension, named variables, box and architecture. */
export interface SavableFlow {
  readonly dim: number;
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

/** `names` as D coordinate names; an empty list means none. `what` names the value in errors. */
function coordinateNames(names: unknown, dim: number, what: string): string[] | undefined {
  const ok = Array.isArray(names) && (names.length === 0 || names.length === dim) && names.every((c) => typeof c === 'string' && c !== '' && !/[,\r\n]/.test(c));
  if (!ok) invalid(what, names, `must be a list of ${dim} non-empty names without ',' or line breaks (or an empty list)`);
  return (names as string[]).length === 0 ? undefined : [...(names as string[])];
}

/** The coordinates stored in a weight file's metadata (none in files written without them). */
export function flowCoordinates(metadata: Record<string, string>, dim: number, source = 'flow file'): FlowCoordinates {
  const out: FlowCoordinates = {};
  const raw = metadata[COORDINATES_KEY];
  if (raw !== undefined) {
    let names: unknown;
    try {
      names = JSON.parse(raw);
    } catch {
      names = raw;
    }
    const c = coordinateNames(names, dim, `${source}: metadata ${COORDINATES_KEY}`);
    if (c) out.coordinates = c;
  }
  if (metadata[VARIABLE_FORMAT_KEY] !== undefined) out.variableFormat = metadata[VARIABLE_FORMAT_KEY];
  return out;
}

/**
 * Encode a flow and extra metadata (non-string values JSON-encoded) as safetensors bytes; the
 * `coordinates` and `variableFormat` entries are checked and stored as coordinate_names and
 * variable_format.
 */
export function encodeFlow(flow: SavableFlow, extraMetadata: FlowMetadata = {}): Uint8Array {
  const { coordinates, variableFormat, ...rest } = extraMetadata;
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (RESERVED.includes(k)) invalid('metadata key', k, `is reserved (${RESERVED.join(', ')})`);
    if (v === undefined) continue;
    metadata[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  for (const [key, v] of [[COORDINATES_KEY, coordinates], [VARIABLE_FORMAT_KEY, variableFormat]] as const) {
    if (v !== undefined && metadata[key] !== undefined) invalid('metadata key', key, `is given twice (use only ${key === COORDINATES_KEY ? 'coordinates' : 'variableFormat'})`);
  }
  const names = coordinates === undefined ? undefined : coordinateNames(coordinates, flow.dim, 'coordinates');
  if (names) metadata[COORDINATES_KEY] = JSON.stringify(names);
  if (variableFormat !== undefined) {
    if (typeof variableFormat !== 'string' || variableFormat === '') invalid('variableFormat', variableFormat, 'must be a non-empty string');
    metadata[VARIABLE_FORMAT_KEY] = variableFormat;
  }
  const box = flow.box();
  metadata.format = FLOW_FILE_FORMAT;
  metadata.version = '1';
  metadata.architecture = JSON.stringify(flow.architecture());
  metadata.box = JSON.stringify(box ? { low: Array.from(box.low), high: Array.from(box.high) } : null);
  return encodeSafetensors(flowTensors(flow), metadata);
}

/** Write a flow to `path` (safetensors), atomically (`<path>.tmp-<pid>` then rename). */
export function saveFlow(flow: SavableFlow, path: string, extraMetadata: FlowMetadata = {}): void {
  const bytes = encodeFlow(flow, extraMetadata);
  writeFileAtomic(path, bytes);
}

/** A flow read from a weight file: the flow, the file's metadata (strings) and its coordinates. */
export type DecodedFlow<F> = { flow: F; metadata: Record<string, string> } & FlowCoordinates;

/**
 * Decode a weight file of any family: check the format, parse the architecture JSON, build a fresh
 * flow with `build` and assign every tensor to it (the flow is disposed if a tensor is missing).
 */
export function decodeFlowWith<F extends SavableFlow & { dispose(): void }>(
  bytes: Uint8Array, source: string, build: (architecture: { kind?: unknown }) => F,
): DecodedFlow<F> {
  const { tensors, metadata } = decodeSafetensors(bytes, source);
  for (const [name, t] of Object.entries(tensors)) {
    const bad = t.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new MbankError(`${source}: weight ${name}[${bad}] = ${t.data[bad]}: a flow's weights must be finite (a diverged training?); retrain it`);
  }
  if (metadata.format !== FLOW_FILE_FORMAT || metadata.architecture === undefined) {
    throw new MbankError(`${source}: not an mbank-ts flow file (metadata format = ${JSON.stringify(metadata.format)}); convert mbank .zip flows with 'mbank-ts convert-flow'`);
  }
  let arch: { kind?: unknown };
  try {
    arch = JSON.parse(metadata.architecture) as { kind?: unknown };
  } catch {
    throw new MbankError(`${source}: architecture metadata is not JSON`);
  }
  const flow = build(arch);
  try {
    assignFlowTensors(flow, tensors, source);
    return { flow, metadata, ...flowCoordinates(metadata, flow.dim, source) };
  } catch (e) {
    flow.dispose();
    throw e;
  }
}

/** Rebuild an STDFlow from safetensors bytes; returns the flow, the file's metadata and coordinates. */
export function decodeFlow(bytes: Uint8Array, source = 'flow file'): DecodedFlow<STDFlow> {
  return decodeFlowWith(bytes, source, (arch) => {
    if (arch.kind === 'NSF' || arch.kind === 'PyMCFormula') {
      throw new MbankError(`${source}: a ${arch.kind} flow; load it with loadAnyFlow (src/flow/family-weights.ts), which rebuilds every family`);
    }
    const std = arch as STDArchitecture;
    if (std.kind !== 'STDFlow' || !Array.isArray(std.layers)) throw new MbankError(`${source}: architecture kind = ${JSON.stringify(std.kind)}: only STDFlow is known`);
    return new STDFlow(std);
  });
}

/** The bytes of a flow file; a file that cannot be read is an MbankError naming it. */
export function readFlowFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new MbankError(`flow-file = ${JSON.stringify(path)}: cannot be read (${(e as Error).message})`);
  }
}

/** Load a flow written by saveFlow (no other input needed); returns the flow, the metadata and coordinates. */
export function loadFlowWithMetadata(path: string): DecodedFlow<STDFlow> {
  return decodeFlow(readFlowFile(path), path);
}

/** Load a flow written by saveFlow. */
export function loadFlow(path: string): STDFlow {
  return loadFlowWithMetadata(path).flow;
}
