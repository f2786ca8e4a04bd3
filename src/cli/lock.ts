/**
 * Output locks: a run that writes `path` first creates `<path>.lock` (O_EXCL) holding its PID, host
 * and start time, so a second run on the same output refuses with a message naming the holder
 * instead of both writing and the last one winning. A lock whose process is gone (same host, PID
 * not alive) is stale and taken over; a lock from another host is never broken automatically
 * (shared file systems): the message says which file to remove. Locks are released on return, and
 * on process exit when a run dies on an error.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { processAlive } from '../core/atomic-write.js';
import { MbankError, fileError } from '../core/errors.js';

/** Contents of a lock file. */
interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command?: string;
}

/** The lock file of an output. */
export function lockPath(path: string): string {
  return `${path}.lock`;
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Seconds since `file` was last modified (0 when it cannot be read: assume it is fresh). */
function ageSeconds(file: string): number {
  try {
    return (Date.now() - statSync(file).mtimeMs) / 1000;
  } catch {
    return 0;
  }
}

/** Lock files this process holds, with how many runs in this process hold each (a library user may nest runs). */
const held = new Map<string, number>();
let exitHook = false;

/** The release of one hold on `file` (idempotent): the file goes with the last hold. */
function releaser(file: string): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const n = held.get(file) ?? 0;
    if (n > 1) held.set(file, n - 1);
    else if (held.delete(file)) rmSync(file, { force: true });
  };
}

/** Take the lock of one output (see module comment); returns its release. */
function lockOne(path: string, command: string): () => void {
  const file = lockPath(path);
  const count = held.get(file);
  if (count !== undefined) {
    held.set(file, count + 1);
    return releaser(file);
  }
  const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw fileError(err, 'create lock file', file);
      const other = readLock(file);
      // an unreadable lock older than a few seconds was left by a run that died between creating and filling it
      const stale = other === undefined ? ageSeconds(file) > 10 : other.host === me.host && !processAlive(other.pid);
      if (stale || (other?.host === me.host && other.pid === process.pid)) {
        rmSync(file, { force: true });
        continue;
      }
      const who = other === undefined ? 'an unreadable lock' : `process ${other.pid} on ${other.host} (${other.command ?? 'mbank-ts'}, since ${other.started})`;
      throw new MbankError(`${path} is being written by ${who}: wait for it to finish, or remove ${file} if that run is gone`);
    }
    try {
      const text = `${JSON.stringify(me)}\n`;
      if (writeSync(fd, text) !== Buffer.byteLength(text)) throw new MbankError(`cannot create lock file ${JSON.stringify(file)}: short write (full disk?)`, 1);
      closeSync(fd);
    } catch (err) {
      try { closeSync(fd); } catch { /* closed above, or failing anyway */ }
      rmSync(file, { force: true }); // an empty lock would block every later run
      throw fileError(err, 'create lock file', file);
    }
    held.set(file, 1);
    if (!exitHook) {
      exitHook = true;
      process.on('exit', () => { for (const f of held.keys()) rmSync(f, { force: true }); });
    }
    return releaser(file);
  }
  throw new MbankError(`${path}: could not take its lock ${file} (it keeps reappearing): another run is starting on it`);
}

/**
 * Lock every output a run writes (all or none): `const release = lockOutputs([...], 'dataset')`,
 * `try { ... } finally { release(); }`. Throws one MbankError naming the holder when one is taken.
 */
export function lockOutputs(paths: readonly string[], command: string): () => void {
  const releases: Array<() => void> = [];
  try {
    for (const p of [...new Set(paths)]) releases.push(lockOne(p, command));
  } catch (err) {
    for (const r of releases) r();
    throw err;
  }
  return () => { for (const r of releases.reverse()) r(); };
}
