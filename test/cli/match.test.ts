import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseParamList } from '../../src/cli/commands/match.js';
import { uniformGrid } from '../../src/core/grid.js';
import { overlap } from '../../src/match/inner.js';
import { match } from '../../src/match/match.js';
import { MatchWorkspace } from '../../src/match/workspace.js';
import { loadPsd } from '../../src/psd/resolve.js';
import { getModel } from '../../src/waveforms/registry.js';

const root = path.join(__dirname, '../..');
const bin = path.join(root, 'bin/mbank-ts');
const run = (args: string[]) => spawnSync(bin, args, { cwd: root, encoding: 'utf8' });

const common = ['match', '--psd', 'aligo_O3actual_H1', '--asd', '--f-min', '15', '--f-max', '1024', '--df', '0.25', '--approximant', 'IMRPhenomD'];

describe('mbank-ts match', () => {
  it('prints the library match, overlap, time shift and phase of h+ (and the refined match with --refine)', () => {
    const res = run([...common, '--signal', 'm1=30,m2=20,s1z=0.3', '--template', 'm1=31,m2=19.5,s1z=0.25', '--template-approximant', 'TaylorF2', '--refine']);
    expect(res.stderr).not.toMatch(/mbank-ts:/);
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as Record<string, number>;
    expect(Object.keys(out).sort()).toEqual(['match', 'matchRefined', 'overlap', 'phase', 'timeShift']);

    const grid = uniformGrid(0.25, 1024);
    const ws = new MatchWorkspace({ psd: loadPsd('aligo_O3actual_H1', { asd: true }).onGrid(grid.frequencies), df: 0.25, fLowHz: 15, fHighHz: 1024 });
    const s = getModel('IMRPhenomD').generate(grid, parseParamList('--signal', 'm1=30,m2=20,s1z=0.3', 15, 1024)).hp;
    const t = getModel('TaylorF2').generate(grid, parseParamList('--template', 'm1=31,m2=19.5,s1z=0.25', 15, 1024)).hp;
    const r = match(ws, t, s);
    expect(out.match).toBe(r.match);
    expect(out.timeShift).toBe(r.timeShift);
    expect(out.phase).toBe(r.phase);
    expect(out.overlap).toBe(overlap(ws, t, s));
    expect(out.overlap).toBeLessThanOrEqual(out.match + 1e-12);
    expect(out.matchRefined).toBeGreaterThanOrEqual(out.match);
  });

  it('rejects an unknown parameter key, naming it and listing the allowed ones', () => {
    const res = run([...common, '--signal', 'm1=30,m2=20,chi=0.3', '--template', 'm1=31,m2=19.5']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('"chi"');
    expect(res.stderr).toContain('m1, m2, s1x, s1y, s1z, s2x, s2y, s2z, inclination, phi_ref, f_ref');
  });
});

describe('--signal/--template parsing', () => {
  it('defaults missing keys to 0 and f_ref to f_min', () => {
    const p = parseParamList('--signal', 'm1=30, m2=20,s2z=-0.2,phi_ref=1.5', 15, 1024);
    expect(p).toMatchObject({ m1: 30, m2: 20, s1x: 0, s1z: 0, s2z: -0.2, inclination: 0, phiRef: 1.5, fMinHz: 15, fMaxHz: 1024, fRefHz: 15 });
    expect(parseParamList('--signal', 'm1=3,m2=2,f_ref=40', 15, 1024).fRefHz).toBe(40);
  });

  it('rejects non-numbers, repeated keys and empty lists', () => {
    expect(() => parseParamList('--template', 'm1=3,m2=x', 15, 1024)).toThrow(/--template m2 = "x"/);
    expect(() => parseParamList('--template', 'm1=3,m1=4', 15, 1024)).toThrow(/given twice/);
    expect(() => parseParamList('--template', 'm1', 15, 1024)).toThrow(/m1/);
    expect(() => parseParamList('--template', '', 15, 1024)).toThrow(/key=value with keys m1, m2/);
  });
});
