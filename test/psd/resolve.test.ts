import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniformGrid } from '../../src/core/grid.js';
import { bundledPsdDir, bundledPsdNames, loadPsd } from '../../src/psd/resolve.js';

describe('PSD name resolution', () => {
  it('lists the bundled curves by short name', () => {
    const names = bundledPsdNames();
    for (const n of ['aligo_O3actual_H1', 'aligo_O3actual_L1', 'aligo_O4high', 'AplusDesign', 'LIGO-T0900288-v3-ZERO_DET_high_P']) {
      expect(names).toContain(n);
    }
    expect(isAbsolute(bundledPsdDir())).toBe(true);
  });

  it('finds bundled curves by short name independently of the working directory', () => {
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      const c = loadPsd('aligo_O3actual_H1', { asd: true });
      expect(c.kind).toBe('table');
      expect(c.table?.frequencies[0]).toBe(10);
      expect(c.table?.frequencies[c.table.frequencies.length - 1]).toBe(5000);
      expect(c.table?.psd[0]).toBeCloseTo(3.660598765285526148e-20 ** 2, 55);
    } finally {
      process.chdir(cwd);
    }
  });

  it('reads a CRLF bundled file (avirgo_O3actual) like any other', () => {
    const c = loadPsd('avirgo_O3actual.txt', { asd: true });
    expect(c.table?.frequencies.length).toBeGreaterThan(1000);
  });

  it('accepts a path to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psd-'));
    const p = join(dir, 'mine.txt');
    writeFileSync(p, '10 4\n100 16\n');
    const asPsd = loadPsd(p).onGrid(uniformGrid(10, 100).frequencies);
    expect(asPsd[1]).toBe(4);
    expect(asPsd[0]).toBe(Infinity);
    const asAsd = loadPsd(p, { asd: true }).onGrid(Float64Array.from([100]));
    expect(asAsd[0]).toBe(256);
  });

  it('rejects an unknown name and lists the bundled and analytic ones', () => {
    expect(() => loadPsd('aligo_O9')).toThrow(/aligo_O3actual_H1.*|aLIGOZeroDetHighPower/);
    try {
      loadPsd('aligo_O9');
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('aligo_O3actual_H1');
      expect(msg).toContain('aLIGOZeroDetHighPower');
      expect(msg).toContain('"aligo_O9"');
    }
  });
});
