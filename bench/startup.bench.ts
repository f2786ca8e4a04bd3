/**
 * Start-up and install size of the package as a user gets it: packs and installs the tarball into a
 * temporary folder (scripts/pack-install.ts; builds dist/ first), then times the installed
 * `mbank-ts --help`, `metric` and `train --help` (wall and CPU, minimum of repeats), next to this
 * checkout's development path (TypeScript through tsx). Sizes: tarball, the installed node_modules,
 * and this checkout's node_modules (what `npm ci` installs, dev tools included).
 * Run: `npm run bench -- startup` (or `npx tsx bench/startup.bench.ts [repeats=5]`).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packAndInstall, repoRoot } from '../scripts/pack-install.js';

const repeats = Number(process.argv[2] ?? 5);
const metricArgs = ['metric', '--variable-format', 'Mq_s1z_s2z', '--theta', '40,2,0.3,-0.2', '--psd', 'aligo_O3actual_H1', '--asd',
  '--approximant', 'IMRPhenomD', '--f-min', '15', '--f-max', '1024', '--df', '0.25', '--metric-type', 'hessian'];

/** Wall and CPU (user + system) seconds of one run, from bash's `time` (it counts the child's threads). */
function timeOnce(bin: string, args: string[], cwd: string): { wall: number; cpu: number } {
  const quoted = [bin, ...args].map((a) => `'${a}'`).join(' ');
  const out = execFileSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; { time ${quoted} >/dev/null 2>&1 ; } 2>&1`], { cwd, encoding: 'utf8' });
  const [wall, user, sys] = out.trim().split(/\s+/).map(Number);
  return { wall: wall!, cpu: user! + sys! };
}

/** Minimum wall and CPU over the repeats (after one warm-up run that fills the OS file cache). */
function timeMin(bin: string, args: string[], cwd: string): string {
  timeOnce(bin, args, cwd);
  let wall = Infinity, cpu = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t = timeOnce(bin, args, cwd);
    wall = Math.min(wall, t.wall);
    cpu = Math.min(cpu, t.cpu);
  }
  return `${wall.toFixed(3)} s wall, ${cpu.toFixed(3)} s CPU`;
}

/** Size of a folder in MB (du, apparent size of the files). */
function sizeMB(dir: string): string {
  const kb = Number(execFileSync('du', ['-sk', '--apparent-size', dir], { encoding: 'utf8' }).split(/\s/)[0]);
  return `${(kb / 1024).toFixed(0)} MB`;
}

const pkg = await packAndInstall();
try {
  console.log(`tarball                         ${(pkg.tarballBytes / 1e6).toFixed(2)} MB (${pkg.files.length} files)`);
  console.log(`installed node_modules          ${sizeMB(join(pkg.dir, 'node_modules'))} (npm install of the tarball)`);
  console.log(`checkout node_modules           ${sizeMB(join(repoRoot, 'node_modules'))} (npm ci, dev tools included)`);
  console.log(`min of ${repeats} runs:`);
  console.log(`installed  mbank-ts --help       ${timeMin(pkg.bin, ['--help'], pkg.dir)}`);
  console.log(`installed  mbank-ts metric ...   ${timeMin(pkg.bin, metricArgs, pkg.dir)}`);
  console.log(`installed  mbank-ts train --help ${timeMin(pkg.bin, ['train', '--help'], pkg.dir)}`);
  const dev = join(repoRoot, 'bin', 'mbank-ts');
  console.log(`checkout   mbank-ts --help       ${timeMin(dev, ['--help'], repoRoot)} (sources through tsx)`);
  console.log(`checkout   mbank-ts metric ...   ${timeMin(dev, metricArgs, repoRoot)} (sources through tsx)`);
} finally {
  rmSync(pkg.dir, { recursive: true, force: true });
}
