/**
 * A bank's spatial index for the nearest-template selection: every template's chirp-phase
 * coordinates (./phase-embedding.ts) and a k-d tree over them (./template-index.ts), built once per
 * bank and cached beside it as `<bank>.ffindex` (the permutation and node boxes; the points are
 * recomputed, ~1 us per template). The cache records a SHA-256 of what the index depends on (the
 * templates' masses and aligned spins, PSD, band, grid, layout version): a different hash rebuilds it.
 * Arrays live on SharedArrayBuffers so worker threads share one copy.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic-write.js';
import { uniformGrid } from '../core/grid.js';
import type { BankTemplates } from '../bank/bank.js';
import { loadPsd } from '../psd/resolve.js';
import { embed, phaseBandHigh, phaseEmbedding, reduceEmbedding, type PhaseEmbedding } from './phase-embedding.js';
import { buildTemplateIndex, DEFAULT_LEAF_SIZE, nodeCount, type TemplateIndexData } from './template-index.js';

/** What the index depends on besides the templates. */
export interface PhaseIndexSettings {
  psd: string;
  asd: boolean;
  fMinHz: number;
  fMaxHz: number;
  df: number;
}

/** The index: embedding, the templates' points (N x dim) and the tree over them. */
export interface PhaseIndex {
  embedding: PhaseEmbedding;
  /** Upper frequency of the embedding's band [Hz]. */
  fHighHz: number;
  points: Float64Array;
  tree: TemplateIndexData;
  /** Hash of the inputs (see module comment). */
  hash: string;
}

/** Where an index came from, for the report. */
export interface PhaseIndexOrigin {
  index: PhaseIndex;
  /** 'cache': read from `path`; 'built': computed (and written to `path` unless writeError). */
  source: 'cache' | 'built';
  path: string;
  writeError?: string;
}

const MAGIC = 'MBKFFIX1';
const VERSION = 1;

function maxTotalMass(t: Readonly<BankTemplates>): number {
  let m = 0;
  for (let i = 0; i < t.mass1.length; i++) m = Math.max(m, t.mass1[i] + t.mass2[i]);
  return m;
}

/** SHA-256 of the templates' masses and aligned spins and of the settings. */
export function phaseIndexHash(t: Readonly<BankTemplates>, s: PhaseIndexSettings): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ version: VERSION, leafSize: DEFAULT_LEAF_SIZE, psd: s.psd, asd: s.asd, fMinHz: s.fMinHz, fMaxHz: s.fMaxHz, df: s.df }));
  for (const col of [t.mass1, t.mass2, t.spin1z, t.spin2z]) h.update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
  return h.digest('hex');
}

/** The embedding of the bank's band (see phaseBandHigh) reduced to the bank's spread, and its points. */
function embedBank(t: Readonly<BankTemplates>, s: PhaseIndexSettings): { embedding: PhaseEmbedding; fHighHz: number; points: Float64Array } {
  const fHighHz = phaseBandHigh(s.fMinHz, s.fMaxHz, maxTotalMass(t));
  const grid = uniformGrid(s.df, fHighHz);
  const k0 = Math.ceil(s.fMinHz / s.df);
  const freqs = grid.frequencies.subarray(k0);
  const full = phaseEmbedding(loadPsd(s.psd, { asd: s.asd }).onGrid(freqs), freqs[0], s.df);
  const N = t.mass1.length;
  const stride = Math.max(1, Math.floor(N / 20000));
  const n = Math.ceil(N / stride);
  const sample = new Float64Array(n * full.dim);
  for (let i = 0, r = 0; i < N; i += stride, r++) embed(full, t.mass1[i], t.mass2[i], t.spin1z[i], t.spin2z[i], sample, r * full.dim);
  const embedding = reduceEmbedding(full, sample);
  return { embedding, fHighHz, points: embedPoints(t, embedding) };
}

function embedPoints(t: Readonly<BankTemplates>, e: PhaseEmbedding): Float64Array {
  const N = t.mass1.length;
  const points = new Float64Array(new SharedArrayBuffer(8 * N * e.dim));
  const scratch = new Float64Array(8);
  for (let i = 0; i < N; i++) embed(e, t.mass1[i], t.mass2[i], t.spin1z[i], t.spin2z[i], points, i * e.dim, scratch);
  return points;
}

/** Build the index of a bank (no cache). */
export function buildPhaseIndex(t: Readonly<BankTemplates>, s: PhaseIndexSettings): PhaseIndex {
  const { embedding, fHighHz, points } = embedBank(t, s);
  return { embedding, fHighHz, points, tree: buildTemplateIndex(points, embedding.dim), hash: phaseIndexHash(t, s) };
}

/** The cache file's bytes: magic, header length (uint32 LE), JSON header padded to 8 bytes, perm, lo, hi. */
function serialise(ix: PhaseIndex): Uint8Array {
  const { tree } = ix;
  const header = { version: VERSION, hash: ix.hash, N: tree.N, dim: tree.D, leafSize: tree.leafSize, fHighHz: ix.fHighHz, A: Array.from(ix.embedding.A) };
  let json = JSON.stringify(header);
  while ((12 + json.length) % 8 !== 0) json += ' ';
  const parts: Uint8Array[] = [Buffer.from(MAGIC), Buffer.alloc(4), Buffer.from(json)];
  (parts[1] as Buffer).writeUInt32LE(json.length, 0);
  for (const a of [tree.perm, tree.lo, tree.hi]) parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return Buffer.concat(parts);
}

/** `count` elements of `size` bytes read from `fd` at byte `offset` straight into a SharedArrayBuffer (no whole-file buffer: 107 MB at 1e7 templates). */
function readShared<T extends Int32Array | Float64Array>(Ctor: new (b: SharedArrayBuffer) => T, fd: number, offset: number, count: number, size: number): T {
  const sab = new SharedArrayBuffer(Math.max(size, count * size));
  const bytes = new Uint8Array(sab, 0, count * size);
  for (let done = 0; done < bytes.length;) {
    const n = readSync(fd, bytes, done, Math.min(bytes.length - done, 2 ** 26), offset + done);
    if (n <= 0) throw new Error('truncated index file');
    done += n;
  }
  return new Ctor(sab);
}

/** The cached index at `path` if it is one for hash `hash` (else undefined). */
function readCached(path: string, t: Readonly<BankTemplates>, hash: string): PhaseIndex | undefined {
  if (!existsSync(path)) return undefined;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(12);
    if (size < 12 || readSync(fd, head, 0, 12, 0) !== 12 || head.subarray(0, 8).toString() !== MAGIC) return undefined;
    const len = head.readUInt32LE(8);
    if (12 + len > size) return undefined;
    const json = Buffer.alloc(len);
    readSync(fd, json, 0, len, 12);
    let h: { version: number; hash: string; N: number; dim: number; leafSize: number; fHighHz: number; A: number[] };
    try {
      h = JSON.parse(json.toString());
    } catch {
      return undefined; // a damaged header: rebuild
    }
    if (h.version !== VERSION || h.hash !== hash || h.N !== t.mass1.length) return undefined;
    const nodes = nodeCount(h.N, h.leafSize);
    let o = 12 + len;
    if (size !== o + 4 * h.N + 16 * nodes * h.dim) return undefined;
    const perm = readShared(Int32Array, fd, o, h.N, 4);
    o += 4 * h.N;
    const lo = readShared(Float64Array, fd, o, nodes * h.dim, 8);
    o += 8 * nodes * h.dim;
    const hi = readShared(Float64Array, fd, o, nodes * h.dim, 8);
    const embedding = { dim: h.dim, A: Float64Array.from(h.A) };
    return { embedding, fHighHz: h.fHighHz, points: embedPoints(t, embedding), tree: { D: h.dim, N: h.N, leafSize: h.leafSize, perm, lo, hi }, hash };
  } finally {
    closeSync(fd);
  }
}

/** The index of the bank at `bankPath`: read from `<bankPath>.ffindex` when current, else built and written there. */
export function loadOrBuildPhaseIndex(bankPath: string, t: Readonly<BankTemplates>, s: PhaseIndexSettings): PhaseIndexOrigin {
  const path = `${bankPath}.ffindex`;
  const hash = phaseIndexHash(t, s);
  const cached = readCached(path, t, hash);
  if (cached) return { index: cached, source: 'cache', path };
  const index = buildPhaseIndex(t, s);
  try {
    writeFileAtomic(path, serialise(index));
    return { index, source: 'built', path };
  } catch (err) {
    return { index, source: 'built', path, writeError: (err as Error).message };
  }
}
