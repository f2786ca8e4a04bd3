import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { MbankError } from '../../src/core/errors.js';
import { writeFileAtomic } from '../../src/core/atomic-write.js';
import { readDataset, writeDataset, writeDatasetText, type MetricDataset } from '../../src/metric/dataset-file.js';
import { readBankHdf5, writeBankHdf5 } from '../../src/bank/hdf5.js';
import { writeBankText } from '../../src/bank/text.js';
import { writeBankXml } from '../../src/bank/xml.js';
import { readInjectionsHdf5, writeInjectionsHdf5 } from '../../src/injections/hdf5.js';
import { InjectionSet } from '../../src/injections/injection-set.js';
import { writeJson } from '../../src/pipeline/place/paths.js';
import { alignedBank } from '../bank/helpers.js';
import { cli, mountTmpfs, tempDir, temporaries, withFullDisk } from './helpers.js';

function dataset(n: number, seed = 1): MetricDataset {
  return {
    attributes: {
      variableFormat: 'Mq_chi', names: ['M', 'q', 'chi'], boxLo: [10, 1, -0.99], boxHi: [100, 10, 0.99], massCuts: {},
      psd: 'aligo_O3actual_H1', asd: true, approximant: 'IMRPhenomD', fMin: 15, fMax: 1024, df: 0.25, metricType: 'hessian',
      seed, chunkSize: 64, nTarget: n,
    },
    D: 3, n,
    theta: Float64Array.from({ length: 3 * n }, (_, i) => 10 + i + seed),
    logPdf: Float64Array.from({ length: n }, (_, i) => i * 0.5),
    metric: Float64Array.from({ length: 9 * n }, (_, i) => i),
    positiveDefinite: new Uint8Array(n).fill(1),
    chunkIndex: Int32Array.from({ length: n }, (_, i) => Math.floor(i / 64)),
  };
}

const injections = (n: number) => new InjectionSet({ mass1: new Float64Array(n).fill(30), mass2: new Float64Array(n).fill(20) }, { approximant: 'IMRPhenomD', fMin: 15 });

/** Every writer: a good first version, then a second version that meets a full disk. */
const writers: Array<{ name: string; file: string; write: (path: string, version: number) => void | Promise<void>; bytes?: number }> = [
  { name: 'writeFileAtomic', file: 'a.bin', write: (p, v) => writeFileAtomic(p, new Uint8Array(5000 * v).fill(v)) },
  { name: 'writeJson (summary/args)', file: 's.json', write: (p, v) => writeJson(p, { v, rows: Array.from({ length: 300 * v }, (_, i) => i) }) },
  { name: 'writeDataset (HDF5)', file: 'd.h5', write: (p, v) => writeDataset(p, dataset(200 * v, v)) },
  { name: 'writeDatasetText', file: 'd.txt', write: (p, v) => writeDatasetText(p, dataset(200 * v, v)) },
  { name: 'writeBankHdf5', file: 'b.h5', write: (p, v) => writeBankHdf5(p, alignedBank(100 * v, v)) },
  { name: 'writeBankText', file: 'b.txt', write: (p, v) => writeBankText(p, alignedBank(100 * v, v)) },
  { name: 'writeBankXml', file: 'b.xml', write: (p, v) => writeBankXml(p, alignedBank(100 * v, v)) },
  { name: 'writeInjectionsHdf5', file: 'i.h5', write: (p, v) => writeInjectionsHdf5(p, injections(100 * v)) },
];

describe('a full disk never destroys the previous file', () => {
  for (const w of writers) {
    for (const capacity of [0, 3000]) {
      it(`${w.name}: a write failing with ENOSPC after ${capacity} bytes throws one line naming the file and leaves the old file and no temporary`, async () => {
        const dir = tempDir();
        const path = join(dir, w.file);
        await w.write(path, 1);
        const before = readFileSync(path);
        const err = await withFullDisk(capacity, async () => {
          try { await w.write(path, 2); } catch (e) { return e; }
          return undefined;
        });
        expect(err).toBeInstanceOf(MbankError);
        const msg = (err as MbankError).message;
        expect(msg).not.toContain('\n');
        expect(msg).toContain(path);
        expect(msg).toMatch(/ENOSPC|No space left|full disk/i);
        expect((err as MbankError).exitCode).toBe(1);
        expect(readFileSync(path).equals(before)).toBe(true);
        expect(temporaries(dir)).toEqual([]);
      });
    }
  }

  it('the previous HDF5 dataset still reads back with all its rows after the failed rewrite', async () => {
    const dir = tempDir();
    const path = join(dir, 'd.h5');
    await writeDataset(path, dataset(300, 1));
    await withFullDisk(1000, () => writeDataset(path, dataset(600, 2)).catch(() => undefined));
    const back = await readDataset(path);
    expect(back.n).toBe(300);
    expect(Array.from(back.theta.subarray(0, 3))).toEqual([11, 12, 13]);
    const bank = alignedBank(50);
    await writeBankHdf5(join(dir, 'b.h5'), bank);
    await withFullDisk(0, () => writeBankHdf5(join(dir, 'b.h5'), alignedBank(80, 3)).catch(() => undefined));
    expect((await readBankHdf5(join(dir, 'b.h5'))).size).toBe(50);
    await writeInjectionsHdf5(join(dir, 'i.h5'), injections(7));
    await withFullDisk(100, () => writeInjectionsHdf5(join(dir, 'i.h5'), injections(9)).catch(() => undefined));
    expect((await readInjectionsHdf5(join(dir, 'i.h5'))).size).toBe(7);
  });
});

describe('a real full disk (1 MB tmpfs; skipped where mounting is impossible)', () => {
  const fs = mountTmpfs('1m');
  it.skipIf(fs === undefined)('dataset continuing a good file on a nearly full disk exits 1 with one line and keeps every old row', async () => {
    try {
      const dir = fs!.dir;
      const common = ['dataset', '--variable-format', 'Mq_s1z_s2z', '--psd', 'aLIGOZeroDetHighPower', '--approximant', 'TaylorF2', '--f-min', '20', '--f-max', '128', '--df', '1',
        '--mtot-range', '20', '60', '--q-range', '1', '3', '--chunk-size', '8', '--workers', '0', '--dataset', join(dir, 'd.h5'), '--seed', '3'];
      const first = cli([...common, '--n-points', '16']);
      expect(first.status).toBe(0);
      const before = readFileSync(join(dir, 'd.h5'));
      const free = 1024 * 1024 - readdirSync(dir).reduce((s, f) => s + readFileSync(join(dir, f)).length, 0);
      writeFileSync(join(dir, 'filler'), new Uint8Array(Math.max(0, free - 12 * 1024))); // leave ~12 kB: not enough for 160 rows
      const second = cli([...common, '--n-points', '160']);
      expect(second.status).toBe(1);
      const lines = second.stderr.split('\n').filter((l) => l.startsWith('mbank-ts:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/cannot write .*d\.h5.*(No space left|ENOSPC)/);
      expect(second.stderr).not.toMatch(/HDF5-DIAG| {4}at /);
      expect(readFileSync(join(dir, 'd.h5')).equals(before)).toBe(true);
      expect(temporaries(dir)).toEqual([]);
      copyFileSync(join(dir, 'd.h5'), join(tempDir(), 'check.h5'));
      expect((await readDataset(join(dir, 'd.h5'))).n).toBe(16);
    } finally {
      fs!.unmount();
    }
  }, 60000);
});
