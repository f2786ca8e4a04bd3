import { describe, it, expect, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { datasetCommand } from '../../src/cli/commands/dataset.js';
import { readDataset } from '../../src/metric/dataset-file.js';

async function run(args: string[]): Promise<string> {
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err += String(chunk); return true; });
  try {
    await yargs(args).command(datasetCommand).strict().fail((msg, e) => { throw e ?? new Error(msg); }).parseAsync();
  } finally {
    spy.mockRestore();
  }
  return err;
}

describe('mbank-ts dataset', () => {
  it.each(['--plot', '--run-name=x', '--verbose'])('refuses %s, an option it would not use', async (opt) => {
    await expect(run(['dataset', '--dataset', 'never.h5', opt])).rejects.toThrow(/Unknown argument/);
  });

  it('writes an HDF5 dataset with its settings and a text export, reproducible with --seed across worker counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-cli-ds-'));
    const base = ['dataset', '--variable-format', 'logMq_chi', '--psd', 'aligo_O3actual_H1', '--asd', '--approximant', 'IMRPhenomD',
      '--f-min', '20', '--f-max', '512', '--df', '0.5', '--mtot-range', '20', '80', '--q-range', '1', '4', '--n-points', '10',
      '--chunk-size', '4', '--seed', '5', '--run-dir', dir];
    const log = await run([...base, '--dataset', 'a.h5', '--workers', '2']);
    expect(log).toMatch(/10 rows in/);
    await run([...base, '--dataset', 'b.h5', '--workers', '0']);
    const a = await readDataset(join(dir, 'a.h5'));
    const b = await readDataset(join(dir, 'b.h5'));
    expect(a.n).toBe(10);
    expect(Array.from(a.theta)).toEqual(Array.from(b.theta));
    expect(Array.from(a.logPdf)).toEqual(Array.from(b.logPdf));
    expect(a.attributes).toMatchObject({ variableFormat: 'logMq_chi', names: ['logM', 'q', 'chi'], psd: 'aligo_O3actual_H1', asd: true,
      approximant: 'IMRPhenomD', fMin: 20, fMax: 512, df: 0.5, metricType: 'hessian', seed: 5, boxLo: [Math.log10(20), 1, -0.99] });
    for (let i = 0; i < a.n; i++) {
      expect(a.theta[3 * i]).toBeGreaterThanOrEqual(Math.log10(20));
      expect(a.theta[3 * i]).toBeLessThanOrEqual(Math.log10(80));
      expect(Number.isFinite(a.logPdf[i])).toBe(true);
    }
    const text = readFileSync(join(dir, 'a.txt'), 'utf8').trim().split('\n');
    expect(text[0]).toBe('# logM q chi logPdf');
    expect(text.length).toBe(11);
    expect(Number(text[1].split(' ')[3])).toBe(a.logPdf[0]);
  });
});
