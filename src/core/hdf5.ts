/**
 * The one door to h5wasm: HDF5 errors become exceptions instead of HDF5-DIAG pages on stderr
 * (h5wasm's throwing error handler), translated into one line (`hdf5Message`); files are opened
 * with a message naming the file, and written atomically: built in `<path>.tmp-<pid>`, closed with
 * its status checked, reopened and verified, then renamed (./atomic-write.ts).
 */
import { existsSync } from 'node:fs';
import h5wasm from 'h5wasm/node';
import { writeAtomic } from './atomic-write.js';
import { MbankError } from './errors.js';

/** An open h5wasm file. */
export type H5File = InstanceType<typeof h5wasm.File>;

let throwing = false;

/** h5wasm, ready, with HDF5 errors thrown as exceptions (nothing printed on stderr). */
export async function hdf5Ready(): Promise<typeof h5wasm> {
  const module = (await h5wasm.ready) as unknown as { activate_throwing_error_handler?: () => void };
  if (!throwing) {
    module.activate_throwing_error_handler?.();
    throwing = true;
  }
  return h5wasm;
}

/**
 * One line from an h5wasm failure: the OS reason when HDF5 quotes one ("No space left on device"),
 * else the deepest HDF5 message of the error stack ("file signature not found"); '' when h5wasm gives none.
 */
export function hdf5Message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const os = /error message = '([^']+)'/.exec(text);
  if (os) return os[1];
  const frames = [...text.matchAll(/#\d+: .* in [\w]+\(\): ([^\n]+)/g)].map((m) => m[1].replace(/: name = .*$/, '').trim());
  if (frames.length > 0) return frames[frames.length - 1];
  return text.split('\n')[0].trim();
}

/** Open an HDF5 file for reading; a missing or non-HDF5 file is one MbankError naming `what` and the path. */
export async function openHdf5(path: string, what: string): Promise<H5File> {
  const h5 = await hdf5Ready();
  if (!existsSync(path)) throw new MbankError(`${what} = ${JSON.stringify(path)}: does not exist`);
  try {
    return new h5.File(path, 'r');
  } catch (err) {
    throw new MbankError(`${what} = ${JSON.stringify(path)}: not a readable HDF5 file (${hdf5Message(err) || 'no reason given'})`);
  }
}

/**
 * Open `path`, run `read` on it and close it; any HDF5 failure inside (a corrupt dataset) becomes
 * one MbankError naming `what` and the path.
 */
export async function readHdf5<T>(path: string, what: string, read: (file: H5File) => T): Promise<T> {
  const file = await openHdf5(path, what);
  try {
    return read(file);
  } catch (err) {
    if (err instanceof MbankError) throw err;
    throw new MbankError(`${what} = ${JSON.stringify(path)}: unreadable (${hdf5Message(err) || 'no reason given'})`);
  } finally {
    closeQuietly(file);
  }
}

/** Close a file, ignoring failures (after another error, which matters more). */
export function closeQuietly(file: H5File | undefined): void {
  try {
    file?.close();
  } catch {
    // the first error is the one reported
  }
}

/**
 * Write an HDF5 file atomically: `fill` builds it in a temporary file, the close status is checked,
 * `verify` reopens it (check dataset lengths there), and only then is it renamed onto `path`. Any
 * HDF5 failure (a full disk among them) removes the temporary file, leaves `path` untouched and
 * throws one MbankError line naming `path`.
 */
export async function writeHdf5Atomic(path: string, fill: (file: H5File) => void, verify: (file: H5File) => void): Promise<void> {
  const h5 = await hdf5Ready();
  const fail = (err: unknown): never => {
    if (err instanceof MbankError) throw err.message.startsWith('cannot write') ? err : new MbankError(`cannot write ${JSON.stringify(path)}: ${err.message}`, err.exitCode);
    // our data is checked before it is written, so a failing HDF5 write is the disk's (or our) fault: exit 1
    const msg = hdf5Message(err);
    throw new MbankError(`cannot write ${JSON.stringify(path)}: ${msg === '' ? 'HDF5 gave no reason (full disk or I/O error)' : msg}`, 1);
  };
  await writeAtomic(path, (tmp) => {
    let file: H5File | undefined;
    try {
      file = new h5.File(tmp, 'w');
      fill(file);
      const status = file.close();
      file = undefined;
      if (status !== 0) throw new MbankError(`cannot write ${JSON.stringify(path)}: HDF5 close returned status ${status}`, 1);
    } catch (err) {
      closeQuietly(file);
      fail(err);
    }
  }, (tmp) => {
    let file: H5File | undefined;
    try {
      file = new h5.File(tmp, 'r');
      verify(file);
    } catch (err) {
      fail(err);
    } finally {
      closeQuietly(file);
    }
  });
}

/** Check, in a verify callback, that dataset `name` exists with `rows` rows (and `cols` columns when given). */
export function expectRows(file: H5File, name: string, rows: number, cols?: number): void {
  const ds = file.get(name);
  const shape = ds instanceof h5wasm.Dataset ? ds.shape ?? [] : undefined;
  if (shape === undefined || shape[0] !== rows || (cols !== undefined && shape[1] !== cols)) {
    throw new MbankError(`HDF5 dataset ${name} has shape ${shape === undefined ? 'none' : `[${shape}]`} after writing, expected ${rows} rows${cols === undefined ? '' : ` x ${cols}`}`, 1);
  }
}
