import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalPiNumber, expandIniTokens, readIni } from '../../src/cli/ini.js';

const fixture = path.join(__dirname, '../fixtures/configs/my_first_eccentric_bank.ini');

function tmpIni(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbank-ini-'));
  const p = path.join(dir, 'run.ini');
  fs.writeFileSync(p, text);
  return p;
}

describe('mbank ini files', () => {
  it("reads mbank's my_first_eccentric_bank.ini: run name from the section, flags, false skipped, ranges as numbers", () => {
    const ini = readIni(fixture);
    expect(ini.runName).toBe('my_first_eccentric_bank');
    expect(ini.options.get('variable-format')).toEqual(['Mq_nonspinning_e']);
    expect(ini.options.get('mtot-range')).toEqual(['25', '50']);
    expect(ini.options.get('e-range')).toEqual(['0', '0.4']);
    expect(ini.options.get('asd')).toEqual([]);
    expect(ini.options.has('full-match')).toBe(false);
  });

  it('evaluates pi expressions in ranges', () => {
    expect(evalPiNumber('-pi')).toBeCloseTo(-Math.PI, 15);
    expect(evalPiNumber('pi/2')).toBeCloseTo(Math.PI / 2, 15);
    expect(evalPiNumber('2*pi')).toBeCloseTo(2 * Math.PI, 15);
    expect(evalPiNumber('-3pi/4')).toBeCloseTo(-0.75 * Math.PI, 15);
    expect(evalPiNumber('1e-3')).toBe(0.001);
    expect(() => evalPiNumber('pie')).toThrow(/range value = "pie"/);
  });

  it('lets command-line options win over the ini and reports ini keys the command does not know', () => {
    const known = new Set(['mm', 'variable-format', 'mtot-range', 'run-name', 'asd', 'psd']);
    const { tokens, ignored } = expandIniTokens([fixture, '--mm', '0.95'], known);
    expect(tokens.filter((t) => t === '--mm')).toHaveLength(1);
    expect(tokens.slice(tokens.indexOf('--mm'))).toEqual(['--mm', '0.95']);
    expect(tokens).toContain('--run-name');
    expect(tokens[tokens.indexOf('--run-name') + 1]).toBe('my_first_eccentric_bank');
    expect(ignored).toContain('use-ray');
    expect(ignored).not.toContain('mm');
  });

  it('lets a command-line alias win over the ini key of the same option (--n-points over n-datapoints)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbank-ini-alias-'));
    const ini = path.join(dir, 'a.ini');
    fs.writeFileSync(ini, '[a]\nn-datapoints: 4000\nmm: 0.97\n');
    const known = new Set(['n-points', 'n-datapoints', 'mm', 'run-name']);
    const group = ['n-points', 'n-datapoints'];
    const namesOf = (n: string) => (group.includes(n) ? group : [n]);
    const { tokens } = expandIniTokens([ini, '--n-points', '10'], known, namesOf);
    expect(tokens).not.toContain('--n-datapoints');
    expect(tokens.slice(tokens.indexOf('--n-points'))).toEqual(['--n-points', '10']);
    expect(tokens).toContain('--mm');
    // without the alias groups the ini value would be added too (the bug: --n-points = [4000, 10])
    expect(expandIniTokens([ini, '--n-points', '10'], known).tokens).toContain('--n-datapoints');
  });

  it('rejects an ini with no section or two sections, naming the file', () => {
    expect(() => readIni(tmpIni('[a]\nmm: 0.9\n[b]\nmm: 0.8\n'))).toThrow(/exactly one \[section\]/);
    expect(() => readIni(tmpIni('mm: 0.9\n'))).toThrow(/run\.ini/);
    expect(() => readIni('/nonexistent/x.ini')).toThrow(/does not exist/);
  });
});
