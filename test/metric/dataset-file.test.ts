import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset, writeDataset, writeDatasetText, readDatasetText, type MetricDataset } from '../../src/metric/dataset-file.js';

function example(): MetricDataset {
  return {
    attributes: {
      variableFormat: 'Mq_chi', names: ['M', 'q', 'chi'], boxLo: [10, 1, -0.99], boxHi: [100, 10, 0.99],
      massCuts: { m2: [5, 100] }, psd: 'aligo_O3actual_H1', asd: true, approximant: 'IMRPhenomD',
      fMin: 15, fMax: 1024, df: 0.25, metricType: 'hessian', seed: 4294967295, chunkSize: 64, nTarget: 10,
    },
    D: 3, n: 2,
    theta: Float64Array.from([40, 2, 0.1, 50.5, 3.25, -0.5]),
    logPdf: Float64Array.from([3.5, -Infinity]),
    metric: Float64Array.from({ length: 18 }, (_, i) => i * 0.5),
    positiveDefinite: Uint8Array.from([1, 0]),
  };
}

describe('dataset files', () => {
  it('writes and reads back every row and attribute of an HDF5 dataset, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-ds-'));
    const path = join(dir, 'data.h5');
    const ds = example();
    await writeDataset(path, ds);
    const back = await readDataset(path);
    expect(back.n).toBe(2);
    expect(back.D).toBe(3);
    expect(Array.from(back.theta)).toEqual(Array.from(ds.theta));
    expect(Array.from(back.logPdf)).toEqual([3.5, -Infinity]);
    expect(Array.from(back.metric!)).toEqual(Array.from(ds.metric!));
    expect(Array.from(back.positiveDefinite!)).toEqual([1, 0]);
    expect(back.attributes).toEqual(ds.attributes);
    expect(readdirSync(dir)).toEqual(['data.h5']);
  });

  it('exports a text file with a "# names logPdf" header that reads back the same rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-ds-'));
    const path = join(dir, 'data.txt');
    writeDatasetText(path, example());
    const back = readDatasetText(path);
    expect(back.names).toEqual(['M', 'q', 'chi']);
    expect(Array.from(back.theta)).toEqual([40, 2, 0.1, 50.5, 3.25, -0.5]);
    expect(Array.from(back.logPdf)).toEqual([3.5, -Infinity]);
  });

  it('refuses a missing file with a message naming it', async () => {
    await expect(readDataset('/nonexistent/x.h5')).rejects.toThrow(/x\.h5.*does not exist/);
  });
});
