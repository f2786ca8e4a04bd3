import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankFromText, readBankText, writeBankText } from '../../src/bank/text.js';
import { alignedBank, precessingBank, tempDir } from './helpers.js';

describe('plain-text bank', () => {
  it('round-trips columns, coordinates and metadata exactly', () => {
    const path = join(tempDir(), 'bank.txt');
    for (const bank of [alignedBank(20), precessingBank(8)]) {
      writeBankText(path, bank);
      const back = readBankText(path);
      for (const [name, col] of Object.entries(bank.templates)) {
        expect(Array.from(back.templates[name as keyof typeof bank.templates]!), name).toEqual(Array.from(col as Float64Array));
      }
      expect(back.coordinates?.names).toEqual(bank.coordinates?.names);
      expect(back.coordinates && Array.from(back.coordinates.values)).toEqual(bank.coordinates && Array.from(bank.coordinates.values));
      expect(back.metadata).toEqual(bank.metadata);
    }
  });

  it('writes one commented header line naming the columns and one template per row (numpy.loadtxt-readable)', () => {
    const path = join(tempDir(), 'bank.dat');
    writeBankText(path, alignedBank(5));
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    const data = lines.filter((l) => !l.startsWith('#'));
    expect(data.length).toBe(5);
    for (const l of data) expect(l.split(' ').length).toBe(12);
    expect(lines.filter((l) => l.startsWith('#')).at(-1)).toBe('# mass1 mass2 spin1x spin1y spin1z spin2x spin2y spin2z | M q s1z s2z');
  });

  it('reads a header without # and no coordinates', () => {
    const path = join(tempDir(), 'plain.txt');
    writeFileSync(path, 'mass1 mass2 spin1z\n10 5 0.5\n20.5 3 -0.1\n');
    const bank = readBankText(path);
    expect(Array.from(bank.templates.mass1)).toEqual([10.5 - 0.5, 20.5]);
    expect(Array.from(bank.templates.spin1z)).toEqual([0.5, -0.1]);
    expect(bank.coordinates).toBeUndefined();
  });

  it('rejects a file without header, unknown columns and ragged rows, naming the problem', () => {
    expect(() => bankFromText('10 5\n20 3\n', 'raw.txt')).toThrow(/header/);
    expect(() => bankFromText('# mass1 mass2 chirp\n1 2 3\n', 'x.txt')).toThrow(/chirp/);
    expect(() => bankFromText('# mass1 mass2\n1 2\n3\n', 'x.txt')).toThrow(/line 3/);
  });
});
