/**
 * What a user gets from `npm install mbank-ts`: packs this checkout (`npm pack`, whose prepack step
 * builds dist/) and installs the tarball into a new temporary folder, taking the dependencies from
 * npm's cache where it has them (`--prefer-offline`: `npm ci` of this checkout filled it). Shared by
 * test/package/pack.test.ts and bench/startup.bench.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Root of this checkout. */
export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** A packed and installed copy of the package. */
export interface PackedInstall {
  /** The consumer folder: package.json + node_modules/mbank-ts. */
  dir: string;
  /** Path and size [bytes] of the tarball. */
  tarball: string;
  tarballBytes: number;
  /** Paths inside the tarball. */
  files: string[];
  /** The installed command (node_modules/.bin/mbank-ts). */
  bin: string;
}

/** `npm` with the output captured (asynchronous: a test runner's event loop stays free); its chatter off. */
async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return stdout;
}

/** Pack this checkout and install the tarball into a new folder under the system temp dir. */
export async function packAndInstall(): Promise<PackedInstall> {
  const dir = mkdtempSync(join(tmpdir(), 'mbank-ts-pack-'));
  const [packed] = JSON.parse((await npm(['pack', '--json', '--pack-destination', dir], repoRoot)).replace(/^[^[]*/, '')) as { filename: string; files: { path: string }[] }[];
  const tarball = join(dir, packed!.filename);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await npm(['install', '--prefer-offline', tarball], dir);
  return { dir, tarball, tarballBytes: statSync(tarball).size, files: packed!.files.map((f) => f.path), bin: join(dir, 'node_modules', '.bin', 'mbank-ts') };
}
