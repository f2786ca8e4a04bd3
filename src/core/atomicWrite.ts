/**
 * Atomic file output: write to `<path>.tmp-<pid>` and rename onto `path`, so a reader never sees
 * a half-written file (rename is atomic within one filesystem on POSIX).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { pid } from 'node:process';

/** The temporary sibling `<path>.tmp-<pid>` that `writeFileAtomic`/`commitAtomic` use. */
export function atomicTmpPath(path: string): string {
  return `${path}.tmp-${pid}`;
}

/** Rename `tmp` onto `path`; on failure remove `tmp` and rethrow. */
export function commitAtomic(tmp: string, path: string): void {
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Write `data` to `path` atomically (tmp file + rename); the tmp file is removed on error. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = atomicTmpPath(path);
  try {
    writeFileSync(tmp, data);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  commitAtomic(tmp, path);
}
