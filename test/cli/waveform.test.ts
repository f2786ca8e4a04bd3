import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniformGridN } from '../../src/core/grid.js';
import { waveformCommand, waveformCsv } from '../../src/cli/commands/waveform.js';
import { MbankError } from '../../src/core/errors.js';
import { generateEccentricFD } from '../../src/waveforms/eccentricfd/index.js';
import { generateTaylorF2 } from '../../src/waveforms/taylorf2.js';
import { generateIMRPhenomXHM } from '../../src/waveforms/imrphenomxhm/index.js';
import { generateIMRPhenomXP } from '../../src/waveforms/imrphenomxp/index.js';
import { generateIMRPhenomXPHM } from '../../src/waveforms/imrphenomxphm/index.js';

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

/** Run the command handler in-process (no process spawn) with yargs-style arguments. */
async function runHandler(extra: Record<string, unknown>): Promise<void> {
  const argv = {
    approximant: 'TaylorF2', m1: 10, m2: 1.4, s1x: 0, s1y: 0, s1z: 0.7, s2x: 0, s2y: 0, s2z: -0.1, distance: 200,
    inclination: 0.79, 'phi-ref': 1.3, 'f-min': 15, 'f-max': 1024, 'f-ref': 40, df: 0.25, eccentricity: 0, 'long-asc-nodes': 0,
    'threshold-mband': 1e-3, 'prec-version': 223, 'prec-threshold-mband': 1e-3, _: [], $0: 'mbank-ts',
    ...extra,
  };
  await (waveformCommand.handler as unknown as (a: Record<string, unknown>) => void | Promise<void>)(argv);
}

describe('mbank-ts waveform', () => {
  it('prints the model h+ and hx at full precision, one CSV row per bin k = 0..floor(f_max/df) (spawned CLI)', () => {
    const res = run(args);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    checkCsv(res.stdout);
  });

  it('writes the same CSV to --out and leaves no temporary file behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbank-wf-'));
    const out = path.join(dir, 'wf.csv');
    await runHandler({ out });
    checkCsv(fs.readFileSync(out, 'utf8'));
    expect(fs.readdirSync(dir)).toEqual(['wf.csv']);
  });

  it('formats every grid bin with waveformCsv, including the zero bins', () => {
    const grid = uniformGridN(0.5, 5);
    const hp = Float64Array.from([0, 0, 1.5, -2, 0, 0, 1e-300, 3, 0, 0]);
    const hc = Float64Array.from([0, 0, -2, -1.5, 0, 0, 3, -1e-300, 0, 0]);
    expect(waveformCsv(grid, { hp, hc })).toBe(
      'f,hp_re,hp_im,hc_re,hc_im\n0,0,0,0,0\n0.5,1.5,-2,-2,-1.5\n1,0,0,0,0\n1.5,1e-300,3,3,-1e-300\n2,0,0,0,0\n',
    );
  });

  it('throws MbankError listing the approximants when the approximant is unknown', async () => {
    await expect(runHandler({ approximant: 'NoSuchModel' })).rejects.toThrow(MbankError);
    await expect(runHandler({ approximant: 'NoSuchModel' })).rejects.toThrow(/"NoSuchModel".*TaylorF2/);
  });

  it('throws MbankError naming the value when a spin is unphysical or a number is missing', async () => {
    await expect(runHandler({ s1z: 1.2 })).rejects.toThrow(/\|s1\| = 1\.2/);
    await expect(runHandler({ m2: Number.NaN })).rejects.toThrow(/--m2 = NaN/);
  });

  it('passes --eccentricity and --long-asc-nodes to EccentricFD and refuses them for quasi-circular models', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbank-wf-'));
    const out = path.join(dir, 'ecc.csv');
    await runHandler({ approximant: 'EccentricFD', s1z: 0, s2z: 0, eccentricity: 0.3, 'long-asc-nodes': 0.7, out });
    const { hp, hc } = generateEccentricFD(uniformGridN(0.25, 4097), {
      m1: 10, m2: 1.4, s1x: 0, s1y: 0, s1z: 0, s2x: 0, s2y: 0, s2z: 0, distanceMpc: 200, inclination: 0.79, phiRef: 1.3,
      fMinHz: 15, fMaxHz: 1024, fRefHz: 40, eccentricity: 0.3, longAscNodes: 0.7,
    });
    const rows = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    for (const k of [60, 1000, 3000]) expect(rows[k + 1].split(',').map(Number)).toEqual([k * 0.25, hp[2 * k], hp[2 * k + 1], hc[2 * k], hc[2 * k + 1]]);
    await expect(runHandler({ eccentricity: 0.1 })).rejects.toThrow(/--eccentricity = 0\.1.*TaylorF2/);
  });

  it('passes --threshold-mband to IMRPhenomXHM (default 1e-3, multibanded; 0 exact) and rejects a negative one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbank-wf-'));
    const base = { approximant: 'IMRPhenomXHM', m1: 40, m2: 8, s1z: 0.5, s2z: -0.3, inclination: 1 };
    const p = {
      m1: 40, m2: 8, s1x: 0, s1y: 0, s1z: 0.5, s2x: 0, s2y: 0, s2z: -0.3, distanceMpc: 200, inclination: 1, phiRef: 1.3,
      fMinHz: 15, fMaxHz: 1024, fRefHz: 40,
    };
    const grid = uniformGridN(0.25, 4097);
    for (const t of [1e-3, 0]) {
      const out = path.join(dir, `xhm-${t}.csv`);
      await runHandler({ ...base, 'threshold-mband': t, out });
      const { hp, hc } = generateIMRPhenomXHM(grid, { ...p, thresholdMband: t });
      const rows = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
      for (const k of [60, 1000, 2000]) expect(rows[k + 1].split(',').map(Number)).toEqual([k * 0.25, hp[2 * k], hp[2 * k + 1], hc[2 * k], hc[2 * k + 1]]);
    }
    const a = fs.readFileSync(path.join(dir, 'xhm-0.001.csv'), 'utf8');
    expect(a).not.toBe(fs.readFileSync(path.join(dir, 'xhm-0.csv'), 'utf8'));
    await expect(runHandler({ ...base, 'threshold-mband': -1 })).rejects.toThrow(/threshold-mband = -1/);
  });

  it('passes --prec-version to IMRPhenomXP (223 MSA default, 102 NNLO) and rejects any other version in one line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbank-wf-'));
    const base = { approximant: 'IMRPhenomXP', m1: 30, m2: 20, s1x: 0.4, s1y: -0.2, s1z: 0.3, s2x: 0.05, s2y: 0.1, s2z: -0.1, inclination: 0.7 };
    const p = {
      m1: 30, m2: 20, s1x: 0.4, s1y: -0.2, s1z: 0.3, s2x: 0.05, s2y: 0.1, s2z: -0.1, distanceMpc: 200, inclination: 0.7, phiRef: 1.3,
      fMinHz: 15, fMaxHz: 1024, fRefHz: 40,
    };
    const grid = uniformGridN(0.25, 4097);
    for (const v of [223, 102]) {
      const out = path.join(dir, `xp-${v}.csv`);
      await runHandler({ ...base, 'prec-version': v, out });
      const { hp, hc } = generateIMRPhenomXP(grid, { ...p, precVersion: v });
      const rows = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
      for (const k of [60, 1000, 2000]) expect(rows[k + 1].split(',').map(Number)).toEqual([k * 0.25, hp[2 * k], hp[2 * k + 1], hc[2 * k], hc[2 * k + 1]]);
    }
    expect(fs.readFileSync(path.join(dir, 'xp-223.csv'), 'utf8')).not.toBe(fs.readFileSync(path.join(dir, 'xp-102.csv'), 'utf8'));
    await expect(runHandler({ ...base, 'prec-version': 300 })).rejects.toThrow(/^--prec-version = 300: must be 223 \(MSA angles\) or 102 \(NNLO angles\)$/);
  });

  it('passes --threshold-mband and --prec-threshold-mband to IMRPhenomXPHM and rejects a negative one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbank-wf-'));
    const base = { approximant: 'IMRPhenomXPHM', m1: 40, m2: 8, s1x: 0.3, s1y: -0.2, s1z: 0.5, s2z: -0.3, inclination: 1 };
    const p = {
      m1: 40, m2: 8, s1x: 0.3, s1y: -0.2, s1z: 0.5, s2x: 0, s2y: 0, s2z: -0.3, distanceMpc: 200, inclination: 1, phiRef: 1.3,
      fMinHz: 15, fMaxHz: 1024, fRefHz: 40,
    };
    const grid = uniformGridN(0.25, 4097);
    const csvs: string[] = [];
    for (const [t, pt] of [[1e-3, 1e-3], [0, 1e-3], [0, 0]]) {
      const out = path.join(dir, `xphm-${t}-${pt}.csv`);
      await runHandler({ ...base, 'threshold-mband': t, 'prec-threshold-mband': pt, out });
      const { hp, hc } = generateIMRPhenomXPHM(grid, { ...p, thresholdMband: t, precThresholdMband: pt });
      const text = fs.readFileSync(out, 'utf8');
      const rows = text.trimEnd().split('\n');
      for (const k of [60, 1000, 2000]) expect(rows[k + 1].split(',').map(Number)).toEqual([k * 0.25, hp[2 * k], hp[2 * k + 1], hc[2 * k], hc[2 * k + 1]]);
      csvs.push(text);
    }
    expect(new Set(csvs).size).toBe(3);
    await expect(runHandler({ ...base, 'prec-threshold-mband': -1 })).rejects.toThrow(/prec-threshold-mband = -1/);
  });
});
