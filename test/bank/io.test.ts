import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankFormatOf, readBank, writeBank } from '../../src/bank/io.js';
import { alignedBank, tempDir } from './helpers.js';

describe('readBank / writeBank', () => {
  it('dispatches on the extension and reads every format back to the same masses', async () => {
    const dir = tempDir();
    const bank = alignedBank(8);
    for (const name of ['b.h5', 'b.hdf5', 'b.xml', 'b.xml.gz', 'b.txt', 'b.dat']) {
      const path = join(dir, name);
      expect(await writeBank(path, bank)).toEqual([]);
      const back = await readBank(path);
      const tol = name.includes('xml') ? 1e-5 : 0;
      back.templates.mass1.forEach((m, i) => expect(Math.abs(m - bank.templates.mass1[i])).toBeLessThanOrEqual(tol * m));
    }
    expect(bankFormatOf('X.H5')).toBe('hdf5');
  });

  it('rejects an unknown extension with the allowed list', async () => {
    await expect(writeBank(join(tempDir(), 'b.npy'), alignedBank(2))).rejects.toThrow(/\.h5, .*\.xml\.gz.*\.txt/);
    await expect(readBank('bank.csv')).rejects.toThrow(/extension/);
  });
});
