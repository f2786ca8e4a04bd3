/**
 * Atomic file output: write to `<path>.tmp-<pid>`, check every write/fsync/close status, verify the
 * temporary file when the writer can (row counts, sizes), and only then rename it onto `path`
 * (atomic within one filesystem on POSIX). On any failure the temporary file is removed and the
 * previous file at `path` is untouched: a full disk never destroys good data.
 * File-system errors leave as one MbankError line naming the final path and the code (ENOSPC, ...).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { pid } from 'node:process';
import { MbankError, fileError, invalid } from './errors.js';

/** The temporary sibling `<path>.tmp-<pid>` that the atomic writers use. */
export function atomicTmpPath(path: string): string {
  return `${path}.tmp-${pid}`;
}

/**
 * Remove the temporaries `<path>.tmp-<pid>` that killed processes (SIGKILL, power loss) left beside
 * `path`; a live process's temporary is kept. Call it while holding the output's lock.
 */
export function removeStaleTemporaries(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const owner = Number(name.slice(prefix.length));
    if (!Number.isInteger(owner) || owner === pid || processAlive(owner)) continue;
    removeQuietly(join(dir, name));
    removed.push(join(dir, name));
  }
  return removed;
}

/** True when a process with this id exists (on this host). */
export function processAlive(id: number): boolean {
  try {
    process.kill(id, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Remove a file if it exists, ignoring every error (cleanup after a failure must not mask it). */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // the original error matters more than a failed cleanup
  }
}

/**
 * Check an output name before any work: non-empty, not a directory, its folder exists and is a
 * directory. Throws one MbankError line naming `option` (e.g. "--dataset").
 */
export function checkOutputPath(option: string, path: string): void {
  if (typeof path !== 'string' || path.trim() === '' || path.endsWith('/')) invalid(option, path, 'must be a file name');
  const st = statOrUndefined(path);
  if (st?.isDirectory()) invalid(option, path, 'is a directory; give a file name');
  const dir = statOrUndefined(dirname(path));
  if (dir === undefined) invalid(option, path, `its folder ${dirname(path)} does not exist`);
  if (!dir.isDirectory()) invalid(option, path, `${dirname(path)} is not a directory`);
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Create a directory and its parents, one level at a time (Node's recursive mkdir can loop forever
 * on /proc); an existing non-directory on the way or a refused mkdir is one MbankError line.
 */
export function makeDirectory(dir: string): void {
  const full = resolve(dir);
  const parts = full.split(sep).filter((p) => p !== '');
  let cur = '';
  for (const part of parts) {
    cur = `${cur}${sep}${part}`;
    const st = statOrUndefined(cur);
    if (st?.isDirectory()) continue;
    if (st !== undefined) throw new MbankError(`cannot create directory ${JSON.stringify(dir)}: ${cur} exists and is not a directory`);
    try {
      mkdirSync(cur);
    } catch (err) {
      if (statOrUndefined(cur)?.isDirectory()) continue; // created concurrently
      throw fileError(err, 'create directory', dir);
    }
  }
}

/** Write all of `data` to a new file `tmp`, fsync and close it, checking every status. */
function writeAllSync(tmp: string, data: Uint8Array): void {
  const fd = openSync(tmp, 'w');
  let closed = false;
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closed = true;
    closeSync(fd);
  } finally {
    if (!closed) try { closeSync(fd); } catch { /* already failing */ }
  }
}

/**
 * fsync a written file and its folder, so that its content and its name survive a power loss (before
 * a journal of the same rows is emptied). Failures are one MbankError line naming `path`.
 */
export function syncToDisk(path: string): void {
  for (const p of [path, dirname(path)]) {
    let fd: number | undefined;
    try {
      fd = openSync(p, 'r');
      fsyncSync(fd);
    } catch (err) {
      throw fileError(err, 'sync', path);
    } finally {
      if (fd !== undefined) try { closeSync(fd); } catch { /* the data was synced or the error thrown */ }
    }
  }
}

/** Rename `tmp` onto `path`; on failure remove `tmp` and throw one line naming `path`. */
export function commitAtomic(tmp: string, path: string): void {
  try {
    renameSync(tmp, path);
  } catch (err) {
    removeQuietly(tmp);
    throw fileError(err, 'write', path);
  }
}

/**
 * Write `data` to `path` atomically: tmp file, every write/fsync/close checked, the size checked,
 * then rename. On failure the tmp file is removed and `path` keeps its previous content.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = atomicTmpPath(path);
  try {
    writeAllSync(tmp, bytes);
    const size = statSync(tmp).size;
    if (size !== bytes.length) throw new MbankError(`cannot write ${JSON.stringify(path)}: ${size} of ${bytes.length} bytes reached the disk`, 1);
  } catch (err) {
    removeQuietly(tmp);
    throw fileError(err, 'write', path);
  }
  commitAtomic(tmp, path);
}

/**
 * Atomic write through a writer that fills a temporary file itself (HDF5): `write(tmp)` then
 * `verify(tmp)` (reopen and check what was written); only a verified file is renamed onto `path`.
 * On any failure the tmp file is removed and the error (file-system errors as one line) rethrown.
 */
export async function writeAtomic(path: string, write: (tmp: string) => void | Promise<void>, verify?: (tmp: string) => void | Promise<void>): Promise<void> {
  const tmp = atomicTmpPath(path);
  try {
    await write(tmp);
    await verify?.(tmp);
  } catch (err) {
    removeQuietly(tmp);
    throw fileError(err, 'write', path);
  }
  commitAtomic(tmp, path);
}
