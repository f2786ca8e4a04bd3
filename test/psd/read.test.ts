import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { parsePsdText, readPsdFile } from '../../src/psd/read.js';

describe('PSD file reader', () => {
  it('accepts CRLF, comments (# and %), blank lines, tabs, spaces and extra columns', () => {
    const text = '# header\r\n% another comment\r\n\r\n10\t1e-23\r\n  20   2e-23  # trailing\r\n30 3e-23 99\r\n';
    const t = parsePsdText(text, 'x.txt');
    expect(Array.from(t.frequencies)).toEqual([10, 20, 30]);
    expect(Array.from(t.psd)).toEqual([1e-23, 2e-23, 3e-23]);
  });

  it('squares the values when they are an ASD', () => {
    const t = parsePsdText('10 2e-23\n20 3e-23\n', 'asd.txt', { asd: true });
    expect(t.psd[0]).toBe(2e-23 * 2e-23);
    expect(t.psd[1]).toBe(3e-23 * 3e-23);
  });

  it('accepts a lone CR as line end (old Mac files)', () => {
    const t = parsePsdText('10 1\r20 2\r', 'cr.txt');
    expect(t.frequencies.length).toBe(2);
  });

  const bad: [string, string, number][] = [
    ['fewer than two columns', '10 1\n20\n30 3\n', 2],
    ['a non-number', '10 1\n20 abc\n30 3\n', 2],
    ['a non-number frequency', '# c\n10 1\n\n2O 2\n', 4],
    ['frequencies not strictly increasing', '10 1\n20 2\n20 3\n', 3],
    ['decreasing frequencies', '10 1\n30 2\n20 3\n', 3],
    ['a negative value', '10 1\r\n20 -2\r\n', 2],
    ['a negative frequency', '-10 1\n20 2\n', 1],
  ];
  for (const [what, text, line] of bad) {
    it(`rejects ${what} with a one-line error naming file and line`, () => {
      let err: unknown;
      try {
        parsePsdText(text, 'bad.txt');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(MbankError);
      const msg = (err as Error).message;
      expect(msg).toContain(`bad.txt:${line}:`);
      expect(msg).not.toContain('\n');
    });
  }

  it('rejects a file with fewer than two data rows', () => {
    expect(() => parsePsdText('# only\n10 1\n', 'one.txt')).toThrow(/one\.txt.*at least two/);
  });

  it('reads from disk and names the path in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psd-'));
    const good = join(dir, 'good.txt');
    writeFileSync(good, '10 1\n20 2\n');
    expect(readPsdFile(good).psd[1]).toBe(2);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '10 1\n20 x\n');
    expect(() => readPsdFile(bad)).toThrow(`${bad}:2:`);
    expect(() => readPsdFile(join(dir, 'missing.txt'))).toThrow(MbankError);
  });
});
