import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Bank } from '../../src/bank/bank.js';
import { uniformGrid } from '../../src/core/grid.js';
import { Rng } from '../../src/core/rng.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../../src/injections/fitting-factor.js';
import { NearestSelector } from '../../src/injections/nearest-candidates.js';
import { embed, phaseEmbedding } from '../../src/injections/phase-embedding.js';
import { buildPhaseIndex, loadOrBuildPhaseIndex } from '../../src/injections/phase-index.js';
import { buildTemplateIndex, TemplateIndex } from '../../src/injections/template-index.js';
import { matchRefined } from '../../src/match/refine.js';
import { MatchWorkspace } from '../../src/match/workspace.js';
import { loadPsd } from '../../src/psd/resolve.js';
import { getModel } from '../../src/waveforms/registry.js';

/** Coarse TaylorF2 setting (1 Hz bins to 512 Hz) as test/injections/fitting-factor.test.ts. */
const settings: FittingFactorSettings = {
  approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 1, mchirpWindow: 0.1, minCandidates: 16,
};
const sky = { longitude: 0, latitude: 0, polarization: 0 };

function randomBank(n: number, seed: number): Bank {
  const rng = new Rng(seed);
  const m1 = Array.from({ length: n }, () => rng.uniformIn(8, 12));
  return new Bank({
    templates: {
      mass1: m1, mass2: m1.map(() => rng.uniformIn(5, 8)),
      spin1z: m1.map(() => rng.uniformIn(-0.5, 0.5)), spin2z: m1.map(() => rng.uniformIn(-0.5, 0.5)),
    },
  });
}

describe('k-d tree ball queries', () => {
  it('return exactly the points within the radius, nearest first, as a scan over all points', () => {
    const rng = new Rng(3);
    for (const [N, D] of [[1, 2], [37, 1], [5000, 3], [2000, 6]]) {
      const pts = Float64Array.from({ length: N * D }, () => rng.uniformIn(-1, 1) * (rng.uniform() < 0.1 ? 5 : 1));
      const ix = new TemplateIndex(buildTemplateIndex(pts, D, 8), pts);
      for (let q = 0; q < 20; q++) {
        const theta = Array.from({ length: D }, () => rng.uniformIn(-1.5, 1.5));
        const r2 = rng.uniformIn(0, 0.5);
        const d2 = Array.from({ length: N }, (_, i) => theta.reduce((s, t, a) => s + (pts[i * D + a] - t) ** 2, 0));
        const expected = d2.map((d, i) => [d, i]).filter(([d]) => d <= r2).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
        const got = ix.ball(theta, r2);
        expect(Array.from(got.indices)).toEqual(expected);
        if (N >= 2000 && expected.length < 0.1 * N) expect(ix.visited).toBeLessThan(N);
      }
    }
  });
});

describe('chirp-phase coordinates', () => {
  it('|dz|^2 is the TaylorF2 mismatch of nearby binaries over the embedding band', () => {
    const fHigh = 200, df = 0.25;
    const grid = uniformGrid(df, fHigh);
    const psd = loadPsd('aLIGOZeroDetHighPower', { asd: false }).onGrid(grid.frequencies);
    const ws = new MatchWorkspace({ psd, df, fLowHz: 20, fHighHz: fHigh });
    const k0 = Math.ceil(20 / df);
    const e = phaseEmbedding(psd.subarray(k0), k0 * df, df);
    const model = getModel('TaylorF2');
    const wf = (m1: number, m2: number, s1z: number) => model.generate(grid, {
      m1, m2, s1x: 0, s1y: 0, s1z, s2x: 0, s2y: 0, s2z: 0, distanceMpc: 1, inclination: 0, phiRef: 0, fMinHz: 20, fMaxHz: fHigh, fRefHz: 20,
    }).hp;
    const z0 = new Float64Array(e.dim), z1 = new Float64Array(e.dim);
    embed(e, 10, 7, 0, 0, z0);
    const h0 = wf(10, 7, 0);
    for (const [m1, m2, s1z] of [[10.004, 7, 0], [10, 6.994, 0], [9.99, 7.01, 0], [10, 7, 0.01], [10.002, 7, -0.004]]) {
      embed(e, m1, m2, s1z, 0, z1);
      const dz2 = z0.reduce((s, v, a) => s + (z1[a] - v) ** 2, 0);
      const mismatch = 1 - matchRefined(ws, h0, wf(m1, m2, s1z)).match;
      expect(mismatch).toBeGreaterThan(3e-4);
      expect(Math.abs(dz2 / mismatch - 1)).toBeLessThan(0.1); // achieved 1.1e-3 .. 4.3e-3 (cubic terms of the mismatch)
    }
  });
});

describe('nearest-template fitting factors', () => {
  const bank = randomBank(400, 5);
  const ev = new FittingFactorEvaluator(settings, bank.templates);
  const selector = new NearestSelector(buildPhaseIndex(bank.templates, settings));
  const all = Int32Array.from({ length: bank.size }, (_, i) => i);

  it('equal the brute-force FF over the whole bank, and never exceed it, with a fraction of the bank evaluated', () => {
    const rng = new Rng(9);
    let evaluated = 0;
    const n = 40;
    for (let k = 0; k < n; k++) {
      const m1 = rng.uniformIn(8, 12);
      const c = { m1, m2: rng.uniformIn(5, 8), s1x: 0, s1y: 0, s1z: rng.uniformIn(-0.5, 0.5), s2x: 0, s2y: 0, s2z: rng.uniformIn(-0.5, 0.5), e: 0, meanano: 0, iota: 0, phi: 0 };
      const s = ev.signal({ ...c, distanceMpc: 1, inclination: 0, phiRef: 0, fMinHz: 20, fMaxHz: 512, fRefHz: 20 }, sky);
      const near = selector.search(ev, c, s).result;
      const brute = ev.fittingFactor(s, all);
      expect(near.ff).toBeLessThanOrEqual(brute.ff);
      expect(near.ff).toBe(brute.ff);
      evaluated += near.candidates;
    }
    expect(evaluated / n).toBeLessThan(0.1 * bank.size); // achieved 17 of 400
  });

  it('stop at the template itself when the injection is one (FF >= 1 - 1e-6)', () => {
    for (const i of [0, 123, 399]) {
      const p = ev.templateParams(i);
      const c = { m1: p.m1, m2: p.m2, s1x: 0, s1y: 0, s1z: p.s1z, s2x: 0, s2y: 0, s2z: p.s2z, e: 0, meanano: 0, iota: 0, phi: 0 };
      const r = selector.search(ev, c, ev.signal(p, sky)).result;
      expect(r.template).toBe(i);
      expect(r.ff).toBeGreaterThanOrEqual(1 - 1e-6);
      expect(r.candidates).toBe(r.rank + 1);
    }
  });
});

describe('the index cache beside the bank', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mbank-ffindex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written once, read back identical, and rebuilt when a template changes', () => {
    const path = join(dir, 'bank.h5');
    const bank = randomBank(300, 2);
    const first = loadOrBuildPhaseIndex(path, bank.templates, settings);
    expect(first.source).toBe('built');
    expect(first.writeError).toBeUndefined();
    const again = loadOrBuildPhaseIndex(path, bank.templates, settings);
    expect(again.source).toBe('cache');
    expect(Array.from(again.index.tree.perm)).toEqual(Array.from(first.index.tree.perm));
    expect(Array.from(again.index.tree.lo)).toEqual(Array.from(first.index.tree.lo));
    expect(Array.from(again.index.points)).toEqual(Array.from(first.index.points));
    const moved = randomBank(300, 2);
    (moved.templates.mass1 as Float64Array)[17] += 0.01;
    expect(loadOrBuildPhaseIndex(path, moved.templates, settings).source).toBe('built');
    expect(loadOrBuildPhaseIndex(path, moved.templates, { ...settings, psd: 'aLIGOZeroDetLowPower' }).source).toBe('built');
  });

  it('a damaged cache file is rebuilt, not trusted', () => {
    const path = join(dir, 'damaged.h5');
    const bank = randomBank(50, 4);
    loadOrBuildPhaseIndex(path, bank.templates, settings);
    const bytes = readFileSync(`${path}.ffindex`);
    writeFileSync(`${path}.ffindex`, bytes.subarray(0, bytes.length - 8));
    expect(loadOrBuildPhaseIndex(path, bank.templates, settings).source).toBe('built');
    writeFileSync(`${path}.ffindex`, Buffer.concat([bytes.subarray(0, 12), Buffer.from('xx'), bytes.subarray(14)]));
    expect(loadOrBuildPhaseIndex(path, bank.templates, settings).source).toBe('built');
    expect(loadOrBuildPhaseIndex(path, bank.templates, settings).source).toBe('cache');
  });
});
