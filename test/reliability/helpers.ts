/** Shared helpers of the reliability suite: a full-disk write wrapper, a real small tmpfs, the CLI as a child process. */
import fs, { mkdtempSync, readdirSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fileURLToPath } from 'node:url';

/** A fresh temp directory. */
export function tempDir(prefix = 'mbank-rel-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Files of a directory whose name marks a leftover temporary (`.tmp-<pid>`). */
export function temporaries(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.tmp-\d+$/.test(f));
}

/**
 * Run `fn` with a disk that fills after `capacity` more bytes: every fs.writeSync past it throws
 * ENOSPC, for our writers and for h5wasm (whose NODERAWFS calls the same fs object).
 */
export async function withFullDisk<T>(capacity: number, fn: () => T | Promise<T>): Promise<T> {
  const original = fs.writeSync;
  let used = 0;
  const failing = function (this: unknown, fd: number, buffer: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number {
    const n = typeof buffer === 'string' ? Buffer.byteLength(buffer) : typeof rest[1] === 'number' ? rest[1] : buffer.byteLength - (typeof rest[0] === 'number' ? rest[0] : 0);
    if (used + n > capacity) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    used += n;
    return (original as (...a: unknown[]) => number).call(fs, fd, buffer, ...rest);
  };
  (fs as { writeSync: unknown }).writeSync = failing;
  syncBuiltinESMExports();
  try {
    return await fn();
  } finally {
    (fs as { writeSync: unknown }).writeSync = original;
    syncBuiltinESMExports();
  }
}

/** Mount a tmpfs of `size` (e.g. "1m") on a new directory; undefined when this machine cannot (not root, no mount). */
export function mountTmpfs(size: string): { dir: string; unmount: () => void } | undefined {
  const dir = tempDir('mbank-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return { dir, unmount: () => { spawnSync('umount', [dir]); } };
}

const BIN = fileURLToPath(new URL('../../bin/mbank-ts', import.meta.url));

/** Run the CLI to completion: exit status and output. */
export function cli(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, MBANK_DEBUG: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Start the CLI in the background: the child, and a promise of its exit status and stderr. */
export function cliAsync(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<{ status: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  child.stdout!.on('data', () => {});
  const done = new Promise<{ status: number | null; signal: string | null; stderr: string }>((resolve) => {
    child.on('exit', (status, signal) => resolve({ status, signal, stderr }));
  });
  return { child, done };
}

/**
 * main() in this process with process.exit stubbed: its exit status and stderr. A real exit ends
 * the process, so what the stub's exception causes afterwards is not output.
 */
export async function runMain(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  let exited: number | undefined;
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { if (exited === undefined) err += String(c); return true; });
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const x = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => { exited ??= code ?? 0; throw new Error(`exit ${code}`); }) as never);
  try {
    await main(argv);
  } catch (caught) {
    if (exited === undefined) throw caught;
  } finally {
    e.mockRestore(); o.mockRestore(); x.mockRestore();
  }
  return { code: exited ?? 0, err };
}
