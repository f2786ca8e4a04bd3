import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniformGridN } from '../../src/core/grid.js';
import { generateTaylorF2 } from '../../src/waveforms/taylorf2.js';

const root = path.join(__dirname, '../..');
const bin = path.join(root, 'bin/mbank-ts');

function run(args: string[]) {
  return spawnSync(bin, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const args = [
  'waveform', '--approximant', 'TaylorF2', '--m1', '10', '--m2', '1.4', '--s1x', '0', '--s1y', '0', '--s1z', '0.7',
  '--s2x', '0', '--s2y', '0', '--s2z', '-0.1', '--distance', '200', '--inclination', '0.79', '--phi-ref', '1.3',
  '--f-min', '15', '--f-max', '1024', '--f-ref', '40', '--df', '0.25',
];

/** Check a CSV text against the TaylorF2 model at the same parameters, value for value. */
function checkCsv(csv: string): void {
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe('f,hp_re,hp_im,hc_re,hc_im');
  expect(lines.length - 1).toBe(Math.floor(1024 / 0.25) + 1);
  const grid = uniformGridN(0.25, 4097);
  const { hp, hc } = generateTaylorF2(grid, {
    m1: 10, m2: 1.4, s1x: 0, s1y: 0, s1z: 0.7, s2x: 0, s2y: 0, s2z: -0.1,
    distanceMpc: 200, inclination: 0.79, phiRef: 1.3, fMinHz: 15, fMaxHz: 1024, fRefHz: 40,
  });
  for (let k = 0; k < 4097; k++) {
    const row = lines[k + 1].split(',').map(Number);
    expect(row).toEqual([k * 0.25, hp[2 * k], hp[2 * k + 1], hc[2 * k], hc[2 * k + 1]]);
  }
}

describe('mbank-ts waveform', () => {
  it('prints the model h+ and hx at full precision, one CSV row per bin k = 0..floor(f_max/df)', () => {
    const res = run(args);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    checkCsv(res.stdout);
  });

  it('writes the same CSV to --out and leaves no temporary file behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbank-wf-'));
    const out = path.join(dir, 'wf.csv');
    const res = run([...args, '--out', out]);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('');
    checkCsv(fs.readFileSync(out, 'utf8'));
    expect(fs.readdirSync(dir)).toEqual(['wf.csv']);
  });

  it('exits with status 2 and lists the approximants when the approximant is unknown', () => {
    const res = run(['waveform', '--approximant', 'NoSuchModel', '--m1', '30', '--m2', '20']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('"NoSuchModel"');
    expect(res.stderr).toContain('TaylorF2');
  });

  it('exits with status 2 naming the value when a spin is unphysical', () => {
    const res = run(['waveform', '--approximant', 'TaylorF2', '--m1', '30', '--m2', '20', '--s1z', '1.2']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/\|s1\| = 1\.2/);
  });
});
