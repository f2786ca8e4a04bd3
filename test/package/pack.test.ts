/**
 * The package as a user installs it: `npm pack` (prepack builds dist/), the tarball installed into a
 * temporary folder (scripts/pack-install.ts), then its command, its worker threads, its library
 * from plain JavaScript and its type declarations from a strict TypeScript consumer. The installed
 * results are compared with the same computation on the sources.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAndInstall, repoRoot, type PackedInstall } from '../../scripts/pack-install.js';
import { MetricWorkspace, computeMetric } from '../../src/metric/index.js';

const metricArgs = ['--variable-format', 'Mq_s1z_s2z', '--theta', '40,2,0.3,-0.2', '--psd', 'aligo_O3actual_H1', '--asd',
  '--approximant', 'IMRPhenomD', '--f-min', '15', '--f-max', '1024', '--df', '0.25', '--metric-type', 'hessian'];
const metricOptions = { variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25 };

/** A library user's program: the README's example (metric at a point, match of two waveforms). */
const consumer = `import { MetricWorkspace, computeMetric, getModel, uniformGrid, loadPsd, MatchWorkspace, match } from 'mbank-ts';

const ws = new MetricWorkspace(${JSON.stringify(metricOptions)});
const { metric, logPdf } = computeMetric(ws, [40, 2, 0.3, -0.2], 'hessian');
const grid = uniformGrid(0.25, 1024);
const psd = loadPsd('aligo_O3actual_H1', { asd: true }).onGrid(grid.frequencies);
const mws = new MatchWorkspace({ psd, df: 0.25, fLowHz: 15, fHighHz: 1024 });
const p = { m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2, distanceMpc: 1, inclination: 0, phiRef: 0, fMinHz: 15, fMaxHz: 1024, fRefHz: 0 };
const model = getModel('IMRPhenomD');
const a = model.generate(grid, p).hp;
const b = model.generate(grid, { ...p, m1: 30.05 }).hp;
const self = match(mws, a, a).match;
const near = match(mws, a, b).match;
console.log(JSON.stringify({ metric: Array.from(metric), logPdf, self, near }));
`;

let pkg: PackedInstall;
/** Run a program in the consumer folder (asynchronously: vitest's worker must keep answering); stdout and stderr. */
async function run(file: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(file, args, { cwd: pkg.dir, encoding: 'utf8', maxBuffer: 64 << 20 });
}

describe('the packed package', () => {
  beforeAll(async () => {
    pkg = await packAndInstall();
  });
  afterAll(() => {
    if (pkg) rmSync(pkg.dir, { recursive: true, force: true });
  });

  it('ships only dist, data, bin, README, LICENSE and package.json, in a tarball under 10 MB', () => {
    const outside = pkg.files.filter((f) => !/^(dist|data|bin)\//.test(f) && !['README.md', 'LICENSE', 'package.json'].includes(f));
    expect(outside).toEqual([]);
    expect(pkg.files).toContain('dist/index.d.ts');
    expect(pkg.files).toContain('dist/flow/tfjs-gradients.js');
    expect(pkg.files.some((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toBe(false);
    expect(pkg.tarballBytes).toBeLessThan(10e6); // achieved 2.2 MB
    // development tools stay out of a user's install
    for (const dev of ['tsx', 'esbuild', 'typescript', 'vitest']) expect(existsSync(join(pkg.dir, 'node_modules', dev))).toBe(false);
  });

  it('runs `mbank-ts --help` and a `metric` call from the compiled CLI, equal to the sources', async () => {
    expect((await run(pkg.bin, ['--help'])).stdout).toMatch(/Commands:[\s\S]*mbank-ts metric/);
    const out = JSON.parse((await run(pkg.bin, ['metric', ...metricArgs])).stdout) as { metric: number[][] };
    const expected = computeMetric(new MetricWorkspace(metricOptions), [40, 2, 0.3, -0.2], 'hessian');
    expect(out.metric.flat()).toEqual(Array.from(expected.metric)); // achieved: bitwise equal
  });

  it('runs worker threads from the compiled package (dataset on 2 workers, the same rows as on 0)', async () => {
    const args = ['dataset', '--variable-format', 'Mq_s1z_s2z', '--psd', 'aligo_O3actual_H1', '--asd', '--approximant', 'IMRPhenomD',
      '--f-min', '15', '--f-max', '1024', '--df', '0.25', '--mtot-range', '25', '50', '--q-range', '1', '4', '--s1-range', '-0.9', '0.9',
      '--s2-range', '-0.9', '0.9', '--n-points', '24', '--chunk-size', '6', '--seed', '1'];
    const two = await run(pkg.bin, [...args, '--workers', '2', '--dataset', 'w2.h5']);
    expect(two.stdout + two.stderr).toMatch(/24 rows in w2\.h5 .* 0 failed metrics/);
    await run(pkg.bin, [...args, '--workers', '0', '--dataset', 'w0.h5']);
    const rows = (f: string) => readFileSync(join(pkg.dir, f), 'utf8');
    expect(rows('w2.txt').split('\n').length).toBeGreaterThan(24);
    expect(rows('w2.txt')).toBe(rows('w0.txt'));
  });

  it('is importable from a plain .mjs file and computes what the sources compute', async () => {
    writeFileSync(join(pkg.dir, 'consumer.mjs'), consumer);
    const out = JSON.parse((await run(process.execPath, ['consumer.mjs'])).stdout) as { metric: number[]; logPdf: number; self: number; near: number };
    const expected = computeMetric(new MetricWorkspace(metricOptions), [40, 2, 0.3, -0.2], 'hessian');
    expect(out.metric).toEqual(Array.from(expected.metric));
    expect(out.logPdf).toBeCloseTo(-7.954, 3); // README: logPdf = -7.954
    expect(Math.abs(out.self - 1)).toBeLessThan(1e-12); // achieved 2e-16
    expect(out.near).toBeGreaterThan(0.9);
    expect(out.near).toBeLessThan(1);
  });

  it('type-checks a strict TypeScript consumer (noUncheckedIndexedAccess, exactOptionalPropertyTypes) against its declarations', async () => {
    writeFileSync(join(pkg.dir, 'consumer.ts'), consumer);
    writeFileSync(join(pkg.dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(repoRoot, 'node_modules', '@types')],
      },
      files: ['consumer.ts'],
    }));
    let output = '';
    try {
      await run(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    } catch (e) {
      output = String((e as { stdout?: string }).stdout);
    }
    // tfjs-core's own declarations need @types/long (not ours to fix); nothing in ours or the consumer may fail
    const ours = output.split('\n').filter((l) => /error TS/.test(l) && !l.startsWith('node_modules/@tensorflow/'));
    expect(ours).toEqual([]);
  });
});
