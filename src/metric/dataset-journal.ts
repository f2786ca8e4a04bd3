/**
 * Append-only journal of finished dataset chunks, `<dataset>.journal` beside the HDF5 file: every
 * chunk is appended as one record and fsync'd the moment it finishes, so a SIGKILL (or a power
 * loss) loses only the chunks still being computed, not the rows since the last HDF5 write. The next
 * run reads the journal with the file and folds its chunks in (./dataset.ts).
 *
 * Layout: records `"MBJR"` (4 bytes), payload length (u32 LE), the first 8 bytes of SHA-256 of the
 * payload, payload. The first record's payload is the UTF-8 JSON of the settings the rows belong to;
 * each later one is a chunk: index (i32), rows m, D, failures (u32), then theta (m D f64), logPdf
 * (m f64), metric (m D^2 f64), positiveDefinite (m u8), all little-endian.
 * A record cut short (the process killed in the middle of a write) or failing its checksum ends the
 * journal: it and anything after it are dropped, and cut off before the next append.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileError } from '../core/errors.js';
import { removeQuietly } from '../core/atomic-write.js';
import type { ChunkRows } from './dataset-chunk.js';

const MAGIC = 0x524a424d; // "MBJR" read as a little-endian u32
const HEAD = 16;

/** The journal of the dataset at `path`. */
export function journalPath(path: string): string {
  return `${path}.journal`;
}

function checksum(payload: Uint8Array): Buffer {
  return createHash('sha256').update(payload).digest().subarray(0, 8);
}

function record(payload: Uint8Array): Buffer {
  const head = Buffer.alloc(HEAD);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(payload.length, 4);
  checksum(payload).copy(head, 8);
  return Buffer.concat([head, payload]);
}

/** One chunk as a journal record (header, checksum, payload). */
export function chunkRecord(rows: ChunkRows, D: number): Buffer {
  const m = rows.logPdf.length;
  const payload = Buffer.alloc(16 + 8 * (m * D + m + m * D * D) + m);
  payload.writeInt32LE(rows.index, 0);
  payload.writeUInt32LE(m, 4);
  payload.writeUInt32LE(D, 8);
  payload.writeUInt32LE(rows.failures, 12);
  let off = 16;
  for (const a of [rows.theta, rows.logPdf, rows.metric]) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(payload, off);
    off += a.byteLength;
  }
  Buffer.from(rows.positiveDefinite.buffer, rows.positiveDefinite.byteOffset, m).copy(payload, off);
  return record(payload);
}

function chunkFromPayload(p: Buffer, D: number): ChunkRows | undefined {
  if (p.length < 16) return undefined;
  const m = p.readUInt32LE(4);
  if (p.readUInt32LE(8) !== D || p.length !== 16 + 8 * (m * D + m + m * D * D) + m) return undefined;
  const f64 = (from: number, n: number) => new Float64Array(p.buffer.slice(p.byteOffset + from, p.byteOffset + from + 8 * n));
  const theta = f64(16, m * D);
  const logPdf = f64(16 + 8 * m * D, m);
  const metric = f64(16 + 8 * (m * D + m), m * D * D);
  const positiveDefinite = Uint8Array.from(p.subarray(p.length - m));
  return { index: p.readInt32LE(0), theta, logPdf, metric, positiveDefinite, failures: p.readUInt32LE(12) };
}

/** What a journal holds: its settings JSON (undefined when empty), its intact chunks, and the bytes that end it intact. */
export interface JournalContent {
  settings?: string;
  chunks: ChunkRows[];
  /** Length of the intact prefix; the file is longer when a torn or corrupt record ends it. */
  validBytes: number;
  droppedBytes: number;
}

/** Read a journal (a missing file is empty); stops at the first torn or corrupt record. */
export function readJournal(file: string, D: number): JournalContent {
  let bytes: Buffer;
  try {
    bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  } catch (err) {
    throw fileError(err, 'read', file);
  }
  const out: JournalContent = { chunks: [], validBytes: 0, droppedBytes: 0 };
  let off = 0;
  while (off + HEAD <= bytes.length) {
    const len = bytes.readUInt32LE(off + 4);
    if (bytes.readUInt32LE(off) !== MAGIC || off + HEAD + len > bytes.length) break;
    const payload = bytes.subarray(off + HEAD, off + HEAD + len);
    if (!checksum(payload).equals(bytes.subarray(off + 8, off + 16))) break;
    if (out.settings === undefined) out.settings = payload.toString('utf8');
    else {
      const chunk = chunkFromPayload(payload, D);
      if (chunk === undefined) break;
      out.chunks.push(chunk);
    }
    off += HEAD + len;
  }
  out.validBytes = off;
  out.droppedBytes = bytes.length - off;
  return out;
}

/**
 * A journal open for appending. `open` cuts a torn tail and writes the settings record into an
 * empty journal; `append` writes one chunk and fsyncs it; `reset` empties it once the HDF5 file
 * holds every journaled chunk; `remove` deletes it.
 */
export class DatasetJournal {
  private fd: number | undefined;
  private end: number;
  private readonly headerEnd: number;
  /** Chunk indices appended since the last reset. */
  readonly indices = new Set<number>();

  private constructor(readonly file: string, private readonly D: number, fd: number, end: number, headerEnd: number) {
    this.fd = fd;
    this.end = end;
    this.headerEnd = headerEnd;
  }

  /** Open `file` whose content was read as `content`, for rows of these `settings`. */
  static open(file: string, D: number, settings: string, content: JournalContent): DatasetJournal {
    let fd: number | undefined;
    try {
      fd = openSync(file, existsSync(file) ? 'r+' : 'w+');
      let end = content.validBytes;
      if (content.settings === undefined) {
        const head = record(Buffer.from(settings, 'utf8'));
        writeAll(fd, head, 0);
        end = head.length;
      }
      ftruncateSync(fd, end);
      fsyncSync(fd);
      const headerEnd = content.settings === undefined ? end : HEAD + Buffer.byteLength(content.settings, 'utf8');
      const j = new DatasetJournal(file, D, fd, end, headerEnd);
      for (const c of content.chunks) j.indices.add(c.index);
      return j;
    } catch (err) {
      if (fd !== undefined) try { closeSync(fd); } catch { /* already failing */ }
      throw fileError(err, 'write', file);
    }
  }

  /** True while appends go to disk (false after a failed append closed it). */
  get open(): boolean {
    return this.fd !== undefined;
  }

  /** Append one chunk and fsync; on failure the partial record is cut off, the journal closed, and the error thrown. */
  append(rows: ChunkRows): void {
    if (this.fd === undefined) return;
    const rec = chunkRecord(rows, this.D);
    try {
      writeAll(this.fd, rec, this.end);
      fsyncSync(this.fd);
      this.end += rec.length;
      this.indices.add(rows.index);
    } catch (err) {
      try { ftruncateSync(this.fd, this.end); } catch { /* the reader drops a torn record anyway */ }
      this.close();
      throw fileError(err, 'write', this.file);
    }
  }

  /** Drop every chunk record (keep the settings), after the HDF5 file was written with all of them. */
  reset(): void {
    if (this.fd === undefined) return;
    try {
      ftruncateSync(this.fd, this.headerEnd);
      fsyncSync(this.fd);
      this.end = this.headerEnd;
      this.indices.clear();
    } catch {
      // the records stay: the next run folds chunks the file already holds, which is harmless
    }
  }

  /** Close the file descriptor (the journal stays on disk for the next run). */
  close(): void {
    if (this.fd === undefined) return;
    try { closeSync(this.fd); } catch { /* nothing left to lose */ }
    this.fd = undefined;
  }

  /** Close and delete the journal (the HDF5 file holds every row). */
  remove(): void {
    this.close();
    removeQuietly(this.file);
  }
}

function writeAll(fd: number, data: Buffer, position: number): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off, position + off);
}
