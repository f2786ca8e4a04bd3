/**
 * The safetensors container (https://github.com/huggingface/safetensors, format description in its
 * README): 8-byte little-endian header length N, N bytes of UTF-8 JSON
 *   {"__metadata__": {string: string}, "<name>": {"dtype": "F32", "shape": [...], "data_offsets": [b, e]}}
 * (offsets relative to the data block, header padded with spaces to a multiple of 8), then the
 * raw little-endian tensor bytes. We write F32 and read F32/F64 (F64 converted to float32).
 */
import { invalid, MbankError } from '../core/errors.js';

/** A named float32 tensor. */
export interface NamedTensor {
  shape: number[];
  data: Float32Array;
}

/** Serialise tensors (sorted by name) and a string map of metadata into safetensors bytes. */
export function encodeSafetensors(tensors: Record<string, NamedTensor>, metadata: Record<string, string> = {}): Uint8Array {
  const names = Object.keys(tensors).sort();
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const name of names) {
    const t = tensors[name];
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.data.length) invalid(`tensor ${name} shape`, t.shape, `must hold ${t.data.length} values`);
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * size] };
    offset += 4 * size;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const out = new Uint8Array(8 + json.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let pos = 8 + json.length;
  for (const name of names) {
    const d = tensors[name].data;
    const dv = new DataView(out.buffer, pos, d.length * 4);
    for (let i = 0; i < d.length; i++) dv.setFloat32(4 * i, d[i], true);
    pos += d.length * 4;
  }
  return out;
}

/** Parse safetensors bytes; `source` names the file in error messages. */
export function decodeSafetensors(bytes: Uint8Array, source = 'safetensors data'): { tensors: Record<string, NamedTensor>; metadata: Record<string, string> } {
  const bad = (why: string): never => {
    throw new MbankError(`${source}: not a valid safetensors file (${why})`);
  };
  if (bytes.length < 8) bad('shorter than 8 bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (n <= 0 || 8 + n > bytes.length) bad(`header length ${n} does not fit in ${bytes.length} bytes`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, unknown>;
  } catch {
    return bad('header is not JSON');
  }
  const dataStart = 8 + n;
  const tensors: Record<string, NamedTensor> = {};
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = (entry ?? {}) as Record<string, string>;
      continue;
    }
    const e = entry as { dtype?: string; shape?: number[]; data_offsets?: [number, number] };
    if (!e || !Array.isArray(e.shape) || !Array.isArray(e.data_offsets)) bad(`entry ${name} lacks shape or data_offsets`);
    const [b, end] = e.data_offsets as [number, number];
    const size = (e.shape as number[]).reduce((a, c) => a * c, 1);
    const width = e.dtype === 'F32' ? 4 : e.dtype === 'F64' ? 8 : bad(`tensor ${name} has dtype ${String(e.dtype)}; F32 or F64 allowed`);
    if (end - b !== size * width || dataStart + end > bytes.length) bad(`tensor ${name} offsets [${b}, ${end}] do not match its shape`);
    const dv = new DataView(bytes.buffer, bytes.byteOffset + dataStart + b, end - b);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = width === 4 ? dv.getFloat32(4 * i, true) : dv.getFloat64(8 * i, true);
    tensors[name] = { shape: e.shape as number[], data };
  }
  return { tensors, metadata };
}
