import { describe, it, expect } from 'vitest';
import { existsSync, writeFileSync, readFileSync, utimesSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { lockOutputs, lockPath } from '../../src/cli/lock.js';
import { cliAsync, runMain, tempDir, withFullDisk } from './helpers.js';

/** The id of a process that has exited (so no process has it, barring reuse). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

const lockOf = (pid: number, host = hostname()) => JSON.stringify({ pid: Number(pid), host, started: '2026-01-01T00:00:00Z', command: 'dataset' });

describe('output locks', () => {
  it('refuse an output held by a live process, naming its pid, host and lock file, and leave that lock alone', () => {
    const dir = tempDir();
    const out = join(dir, 'bank.h5');
    writeFileSync(lockPath(out), lockOf(process.ppid));
    expect(() => lockOutputs([join(dir, 'other.h5'), out], 'place')).toThrow(new RegExp(`bank\\.h5 is being written by process ${process.ppid} on ${hostname()}.*remove .*bank\\.h5\\.lock`));
    expect(existsSync(lockPath(join(dir, 'other.h5')))).toBe(false); // all or none
    expect(JSON.parse(readFileSync(lockPath(out), 'utf8')).pid).toBe(process.ppid);
  });

  it('take over a stale lock (its process is gone), never one from another host, and remove the lock on release', () => {
    const dir = tempDir();
    const out = join(dir, 'd.h5');
    writeFileSync(lockPath(out), lockOf(deadPid()));
    const release = lockOutputs([out], 'dataset');
    expect(JSON.parse(readFileSync(lockPath(out), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), command: 'dataset' });
    const again = lockOutputs([out], 'dataset'); // the same process may nest runs
    again();
    expect(existsSync(lockPath(out))).toBe(true);
    release();
    expect(existsSync(lockPath(out))).toBe(false);
    writeFileSync(lockPath(out), lockOf(deadPid(), 'another-host.example'));
    expect(() => lockOutputs([out], 'dataset')).toThrow(/another-host\.example/);
  });

  it('a second dataset run on the file a running one writes refuses with exit 2; the first one, stopped by SIGTERM, keeps its rows', async () => {
    const dir = tempDir();
    const path = join(dir, 'd.h5');
    const argv = ['dataset', '--variable-format', 'Mq_s1z_s2z', '--psd', 'aLIGOZeroDetHighPower', '--approximant', 'TaylorF2', '--f-min', '20', '--f-max', '128',
      '--df', '1', '--mtot-range', '20', '60', '--q-range', '1', '3', '--n-points', '4000', '--chunk-size', '4', '--workers', '0', '--flush-seconds', '0', '--dataset', path];
    const first = cliAsync(argv);
    await new Promise<void>((resolve) => first.child.stderr!.once('data', () => resolve()));
    const { code, err } = await runMain(argv);
    expect(code, err).toBe(2);
    expect(err.trim()).toMatch(new RegExp(`^mbank-ts: .*d\\.h5 is being written by process ${first.child.pid} on ${hostname()} \\(dataset`));
    first.child.kill('SIGTERM');
    const r = await first.done;
    expect(r.status).toBe(143);
    expect(r.stderr).toMatch(/rows in .*interrupted: run the same command again to continue/);
    expect(existsSync(lockPath(path))).toBe(false);
  }, 60000);
});

describe('locks on a full disk', () => {
  it('a lock that cannot be written is one line naming it and is removed; an empty lock left that way (older than 10 s) is taken over', async () => {
    const dir = tempDir();
    const out = join(dir, 'm.h5');
    await withFullDisk(0, () => {
      expect(() => lockOutputs([out], 'merge')).toThrow(/^cannot create lock file ".*m\.h5\.lock": ENOSPC \(no space left on device\)$/);
    });
    expect(existsSync(lockPath(out))).toBe(false);
    writeFileSync(lockPath(out), ''); // what a full disk left before the fix
    expect(() => lockOutputs([out], 'merge')).toThrow(/being written by an unreadable lock/); // a fresh one may be a run filling it
    utimesSync(lockPath(out), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const release = lockOutputs([out], 'merge');
    expect(JSON.parse(readFileSync(lockPath(out), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(lockPath(out))).toBe(false);
  });
});
