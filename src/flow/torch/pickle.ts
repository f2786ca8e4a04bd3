/**
 * A minimal Python pickle virtual machine (protocols 0-5 binary opcodes, Python's
 * `Lib/pickletools.py` documents them) sufficient for PyTorch state dicts: no arbitrary code runs;
 * GLOBAL/STACK_GLOBAL produce `PyGlobal` markers and REDUCE/NEWOBJ/BUILD are delegated to the
 * caller's `reduce`/`build` hooks, BINPERSID to `persistentLoad`.
 * Python values map to: int -> number (bigint beyond 2^53), float -> number, str -> string,
 * bytes -> Uint8Array, tuple/list -> array, dict -> Map, None -> null, bool -> boolean.
 */
import { MbankError } from '../../core/errors.js';

/** A reference to a Python global (`module.name`), as produced by GLOBAL. */
export class PyGlobal {
  constructor(readonly module: string, readonly name: string) {}
  /** "module.name". */
  get qualifiedName(): string {
    return `${this.module}.${this.name}`;
  }
}

/** Hooks that give meaning to object construction. */
export interface PickleHooks {
  /** callable(*args) for REDUCE and cls.__new__(cls, *args) for NEWOBJ. */
  reduce(callable: unknown, args: unknown[]): unknown;
  /** obj.__setstate__(state) / __dict__.update(state) for BUILD; returns the (possibly new) object. */
  build?(obj: unknown, state: unknown): unknown;
  /** Resolve a persistent id (BINPERSID/PERSID). */
  persistentLoad(pid: unknown): unknown;
}

const MARK = Symbol('mark');

/** Run the pickle in `bytes` and return the unpickled top object. */
export function unpickle(bytes: Uint8Array, hooks: PickleHooks, source = 'pickle'): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  const stack: unknown[] = [];
  const memo = new Map<number, unknown>();
  let pos = 0;
  const fail = (why: string): never => {
    throw new MbankError(`${source}: cannot unpickle (${why} at byte ${pos})`);
  };
  const need = (n: number) => {
    if (pos + n > bytes.length) fail('unexpected end of data');
  };
  const u8 = () => (need(1), bytes[pos++]);
  const u16 = () => (need(2), (pos += 2), view.getUint16(pos - 2, true));
  const u32 = () => (need(4), (pos += 4), view.getUint32(pos - 4, true));
  const i32 = () => (need(4), (pos += 4), view.getInt32(pos - 4, true));
  const take = (n: number) => (need(n), (pos += n), bytes.subarray(pos - n, pos));
  const line = () => {
    const end = bytes.indexOf(0x0a, pos);
    if (end < 0) fail('unterminated line');
    const s = text.decode(bytes.subarray(pos, end));
    pos = end + 1;
    return s;
  };
  const popMark = (): unknown[] => {
    let k = stack.length - 1;
    while (k >= 0 && stack[k] !== MARK) k--;
    if (k < 0) fail('MARK not found');
    const items = stack.splice(k + 1);
    stack.pop();
    return items;
  };
  const pop = () => (stack.length === 0 ? fail('stack underflow') : stack.pop());
  const top = () => (stack.length === 0 ? fail('stack underflow') : stack[stack.length - 1]);
  const setItems = (d: unknown, kv: unknown[]) => {
    if (!(d instanceof Map)) fail('SETITEM(S) on a non-dict');
    for (let i = 0; i + 1 < kv.length; i += 2) (d as Map<unknown, unknown>).set(kv[i], kv[i + 1]);
  };
  const longFromBytes = (b: Uint8Array): number | bigint => {
    if (b.length === 0) return 0;
    let v = 0n;
    for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  };

  for (;;) {
    const op = u8();
    switch (op) {
      case 0x80: u8(); break; // PROTO
      case 0x95: take(8); break; // FRAME
      case 0x2e: return pop(); // STOP
      case 0x28: stack.push(MARK); break; // MARK
      case 0x30: pop(); break; // POP
      case 0x31: popMark(); break; // POP_MARK
      case 0x32: stack.push(top()); break; // DUP
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4a: stack.push(i32()); break; // BININT
      case 0x4b: stack.push(u8()); break; // BININT1
      case 0x4d: stack.push(u16()); break; // BININT2
      case 0x8a: stack.push(longFromBytes(take(u8()))); break; // LONG1
      case 0x8b: stack.push(longFromBytes(take(u32()))); break; // LONG4
      case 0x49: { const s = line(); stack.push(s === '00' ? false : s === '01' ? true : Number(s)); break; } // INT
      case 0x4c: stack.push(Number(line().replace(/L$/, ''))); break; // LONG
      case 0x46: stack.push(Number(line())); break; // FLOAT
      case 0x47: need(8); stack.push(view.getFloat64(pos, false)); pos += 8; break; // BINFLOAT (big-endian)
      case 0x58: stack.push(text.decode(take(u32()))); break; // BINUNICODE
      case 0x8c: stack.push(text.decode(take(u8()))); break; // SHORT_BINUNICODE
      case 0x8d: { const n = Number(view.getBigUint64((need(8), pos), true)); pos += 8; stack.push(text.decode(take(n))); break; } // BINUNICODE8
      case 0x54: stack.push(text.decode(take(i32()))); break; // BINSTRING
      case 0x55: stack.push(text.decode(take(u8()))); break; // SHORT_BINSTRING
      case 0x42: stack.push(Uint8Array.from(take(u32()))); break; // BINBYTES
      case 0x43: stack.push(Uint8Array.from(take(u8()))); break; // SHORT_BINBYTES
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x7d: stack.push(new Map()); break; // EMPTY_DICT
      case 0x8f: stack.push(new Set()); break; // EMPTY_SET
      case 0x74: stack.push(popMark()); break; // TUPLE
      case 0x6c: stack.push(popMark()); break; // LIST
      case 0x85: stack.push([pop()]); break; // TUPLE1
      case 0x86: { const b = pop(); const a = pop(); stack.push([a, b]); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); const a = pop(); stack.push([a, b, c]); break; } // TUPLE3
      case 0x64: { const d = new Map(); setItems(d, popMark()); stack.push(d); break; } // DICT
      case 0x61: { const v = pop(); (top() as unknown[]).push(v); break; } // APPEND
      case 0x65: { const items = popMark(); (top() as unknown[]).push(...items); break; } // APPENDS
      case 0x73: { const v = pop(); const k = pop(); setItems(top(), [k, v]); break; } // SETITEM
      case 0x75: { const kv = popMark(); setItems(top(), kv); break; } // SETITEMS
      case 0x90: { const items = popMark(); const s = top(); if (s instanceof Set) items.forEach((i) => s.add(i)); break; } // ADDITEMS
      case 0x71: memo.set(u8(), top()); break; // BINPUT
      case 0x72: memo.set(u32(), top()); break; // LONG_BINPUT
      case 0x94: memo.set(memo.size, top()); break; // MEMOIZE
      case 0x70: memo.set(Number(line()), top()); break; // PUT
      case 0x68: { const k = u8(); if (!memo.has(k)) fail(`memo ${k} missing`); stack.push(memo.get(k)); break; } // BINGET
      case 0x6a: { const k = u32(); if (!memo.has(k)) fail(`memo ${k} missing`); stack.push(memo.get(k)); break; } // LONG_BINGET
      case 0x67: { const k = Number(line()); if (!memo.has(k)) fail(`memo ${k} missing`); stack.push(memo.get(k)); break; } // GET
      case 0x63: { const module = line(); const name = line(); stack.push(new PyGlobal(module, name)); break; } // GLOBAL
      case 0x93: { const name = pop() as string; const module = pop() as string; stack.push(new PyGlobal(module, name)); break; } // STACK_GLOBAL
      case 0x52: { const args = pop() as unknown[]; const f = pop(); stack.push(hooks.reduce(f, args)); break; } // REDUCE
      case 0x81: { const args = pop() as unknown[]; const cls = pop(); stack.push(hooks.reduce(cls, args)); break; } // NEWOBJ
      case 0x62: { const state = pop(); const obj = pop(); stack.push(hooks.build ? hooks.build(obj, state) : obj); break; } // BUILD
      case 0x51: stack.push(hooks.persistentLoad(pop())); break; // BINPERSID
      case 0x50: stack.push(hooks.persistentLoad(line())); break; // PERSID
      default:
        fail(`unsupported opcode 0x${op.toString(16)}`);
    }
  }
}
