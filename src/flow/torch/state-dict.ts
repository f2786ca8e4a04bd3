/**
 * Read a PyTorch `torch.save` file holding a state dict (zip with `<archive>/data.pkl`, a pickle of
 * an OrderedDict of tensors, and `<archive>/data/<key>` raw little-endian storages). Tensors are
 * rebuilt from `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)` (strided view
 * of a typed storage) into dense row-major float64 arrays.
 */
import { MbankError } from '../../core/errors.js';
import { PyGlobal, unpickle } from './pickle.js';
import { readZip } from './zip.js';

/** A dense tensor from a state dict (values as float64 whatever the stored dtype). */
export interface TorchTensor {
  /** Storage type name, e.g. "FloatStorage". */
  dtype: string;
  shape: number[];
  /** Row-major values. */
  data: Float64Array;
}

/** Bytes per element and reader of each supported storage type. */
const STORAGES: Record<string, { width: number; read: (v: DataView, i: number) => number }> = {
  FloatStorage: { width: 4, read: (v, i) => v.getFloat32(4 * i, true) },
  DoubleStorage: { width: 8, read: (v, i) => v.getFloat64(8 * i, true) },
  HalfStorage: { width: 2, read: (v, i) => halfToFloat(v.getUint16(2 * i, true)) },
  LongStorage: { width: 8, read: (v, i) => Number(v.getBigInt64(8 * i, true)) },
  IntStorage: { width: 4, read: (v, i) => v.getInt32(4 * i, true) },
  ShortStorage: { width: 2, read: (v, i) => v.getInt16(2 * i, true) },
  CharStorage: { width: 1, read: (v, i) => v.getInt8(i) },
  ByteStorage: { width: 1, read: (v, i) => v.getUint8(i) },
  BoolStorage: { width: 1, read: (v, i) => v.getUint8(i) },
};

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

interface StorageRef {
  type: string;
  bytes: Uint8Array;
}

/** Parse a torch.save zip of a state dict; `source` names the file in errors. Keys keep their order. */
export function readTorchStateDict(bytes: Uint8Array, source = 'torch file'): Map<string, TorchTensor> {
  const entries = readZip(bytes, source);
  const pklName = [...entries.keys()].find((n) => n === 'data.pkl' || n.endsWith('/data.pkl'));
  if (pklName === undefined) throw new MbankError(`${source}: no data.pkl in the archive (not a torch.save zip file)`);
  const prefix = pklName.slice(0, pklName.length - 'data.pkl'.length);
  const order = entries.get(`${prefix}byteorder`);
  if (order && new TextDecoder().decode(order).trim() !== 'little') throw new MbankError(`${source}: big-endian torch files are not supported`);

  const persistentLoad = (pid: unknown): StorageRef => {
    const t = pid as unknown[];
    if (!Array.isArray(t) || t[0] !== 'storage' || !(t[1] instanceof PyGlobal)) throw new MbankError(`${source}: unsupported persistent id ${JSON.stringify(t)}`);
    const type = t[1].name;
    if (!STORAGES[type]) throw new MbankError(`${source}: storage type ${type} is not supported`);
    const data = entries.get(`${prefix}data/${String(t[2])}`);
    if (!data) throw new MbankError(`${source}: storage data/${String(t[2])} is missing`);
    return { type, bytes: data };
  };

  const rebuild = (args: unknown[]): TorchTensor => {
    const [storage, offset, size, stride] = args as [StorageRef, number, number[], number[]];
    const st = STORAGES[storage.type];
    const view = new DataView(storage.bytes.buffer, storage.bytes.byteOffset, storage.bytes.byteLength);
    const n = size.reduce((a, b) => a * b, 1);
    const data = new Float64Array(n);
    const idx = new Array<number>(size.length).fill(0);
    for (let k = 0; k < n; k++) {
      let e = offset;
      for (let d = 0; d < size.length; d++) e += idx[d] * stride[d];
      if ((e + 1) * st.width > storage.bytes.length) throw new MbankError(`${source}: tensor view exceeds its storage`);
      data[k] = st.read(view, e);
      for (let d = size.length - 1; d >= 0; d--) {
        if (++idx[d] < size[d]) break;
        idx[d] = 0;
      }
    }
    return { dtype: storage.type, shape: [...size], data };
  };

  const top = unpickle(
    entries.get(pklName) as Uint8Array,
    {
      reduce(callable, args) {
        const name = callable instanceof PyGlobal ? callable.qualifiedName : String(callable);
        if (name === 'collections.OrderedDict') return new Map();
        if (name === 'torch._utils._rebuild_tensor_v2') return rebuild(args);
        if (name === 'torch._utils._rebuild_parameter') return args[0];
        throw new MbankError(`${source}: ${name} is not allowed in a state dict`);
      },
      build: (obj) => obj, // OrderedDict._metadata (module versions): not needed
      persistentLoad,
    },
    `${source}: data.pkl`,
  );
  if (!(top instanceof Map)) throw new MbankError(`${source}: the pickle does not hold a state dict`);
  const out = new Map<string, TorchTensor>();
  for (const [k, v] of top) {
    if (typeof k === 'string' && v && typeof v === 'object' && 'shape' in (v as object)) out.set(k, v as TorchTensor);
  }
  return out;
}
