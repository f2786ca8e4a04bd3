import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBank, writeBank } from '../../src/bank/io.js';
import { bankSubset, mergeBanks } from '../../src/bank/merge.js';
import { readBankHdf5 } from '../../src/bank/hdf5.js';
import { alignedBank, META, tempDir } from './helpers.js';

describe('mergeBanks', () => {
  it('joins HDF5, XML and text banks in order, coordinates included, and keeps the shared metadata', async () => {
    const dir = tempDir();
    const a = alignedBank(6, 1), b = alignedBank(5, 2), c = alignedBank(4, 3);
    await writeBank(join(dir, 'a.h5'), a);
    await writeBank(join(dir, 'b.xml'), b);
    await writeBank(join(dir, 'c.txt'), c);
    const parts = await Promise.all(['a.h5', 'b.xml', 'c.txt'].map(async (n) => ({ name: n, bank: await readBank(join(dir, n)) })));
    const r = mergeBanks(parts);
    expect(r.bank.size).toBe(15);
    expect(r.duplicates).toBe(0);
    expect(r.ranges).toEqual([[0, 6], [6, 11], [11, 15]]);
    expect(Array.from(r.bank.templates.mass1.subarray(0, 6))).toEqual(Array.from(a.templates.mass1));
    expect(Array.from(r.bank.templates.mass1.subarray(11))).toEqual(Array.from(parts[2].bank.templates.mass1));
    expect(r.bank.metadata.approximant).toBe('IMRPhenomD');
    expect(r.bank.metadata.extra?.mergedBanks).toBe(3);
    expect(r.bank.coordinates).toBeUndefined(); // XML holds none
    expect(r.warnings.join()).toMatch(/b.xml: no coordinates in the file/);
    expect(mergeBanks([parts[0], { name: 'b', bank: b }]).bank.coordinates!.values.length).toBe(11 * 4);
    await writeBank(join(dir, 'm.h5'), r.bank); // PyCBC layout: template_hash must be unique or the writer throws
    const back = await readBankHdf5(join(dir, 'm.h5'));
    expect(back.size).toBe(15);
  });

  it('keeps one copy of templates with equal template_hash (the same bank given twice)', () => {
    const a = alignedBank(7, 4);
    const r = mergeBanks([{ name: 'a', bank: a }, { name: 'a again', bank: a }, { name: 'b', bank: alignedBank(3, 5) }]);
    expect(r.bank.size).toBe(10);
    expect(r.duplicates).toBe(7);
    expect(r.ranges).toEqual([[0, 7], [7, 7], [7, 10]]);
  });

  it('refuses banks of another approximant or other coordinates, naming the bank and the values', () => {
    const a = alignedBank(3, 1);
    const other = alignedBank(3, 2, { ...META, approximant: 'TaylorF2' });
    expect(() => mergeBanks([{ name: 'a', bank: a }, { name: 'o', bank: other }])).toThrow(/bank o has approximant = "TaylorF2", a has "IMRPhenomD"/);
    const renamed = a.withCoordinates({ names: ['M', 'q', 'chi1', 'chi2'], values: a.coordinates!.values });
    expect(() => mergeBanks([{ name: 'a', bank: a }, { name: 'n', bank: renamed }])).toThrow(/bank n has coordinates \["M","q","chi1","chi2"\]/);
    expect(mergeBanks([{ name: 'a', bank: a }, { name: 'p', bank: alignedBank(2, 3, { ...META, psd: 'other.txt' }) }]).warnings[0]).toMatch(/p has psd = "other.txt"/);
  });

  it('bankSubset keeps the marked templates with their coordinates', () => {
    const a = alignedBank(5, 9);
    const s = bankSubset(a, [1, 0, 1, 0, 1]);
    expect(Array.from(s.templates.mass2)).toEqual([0, 2, 4].map((i) => a.templates.mass2[i]));
    expect(Array.from(s.coordinates!.values.subarray(4, 8))).toEqual(Array.from(a.coordinateRow(2)));
  });
});
