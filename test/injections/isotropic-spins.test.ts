import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../src/core/rng.js';
import { uniformGrid } from '../../src/core/grid.js';
import { zeroComponents } from '../../src/coordinates/components.js';
import { isotropicSpins, spinMagnitudeRange } from '../../src/injections/draw.js';
import { readInjections } from '../../src/injections/io.js';
import { antennaPatterns } from '../../src/injections/sky.js';
import { FittingFactorEvaluator } from '../../src/injections/fitting-factor.js';
import { combinePolarizations } from '../../src/match/symphony.js';
import { getModel } from '../../src/waveforms/registry.js';
import { injfileCommand } from '../../src/cli/commands/injfile.js';
import { ks1, ksUniform } from './ks.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'mbank-isospin-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isotropic spins', () => {
  const n = 4000;
  const comps = Array.from({ length: n }, zeroComponents);
  isotropicSpins(comps, [0, 0.9], [-0.99, 0.99], [0, 2 * Math.PI], new Rng(7));
  const spins = (k: 1 | 2) => comps.map((c) => (k === 1 ? [c.s1x, c.s1y, c.s1z] : [c.s2x, c.s2y, c.s2z]));

  it('draws cos(theta) and phi of both spins uniform, magnitudes uniform in range, phi_ref uniform (KS at the 1% level)', () => {
    for (const [k, [lo, hi]] of [[1, [0, 0.9]], [2, [0, 0.99]]] as const) {
      const v = spins(k);
      const a = v.map(([x, y, z]) => Math.hypot(x, y, z));
      for (const m of a) { expect(m).toBeGreaterThanOrEqual(lo); expect(m).toBeLessThanOrEqual(hi); }
      expect(ksUniform(v.map(([, , z], i) => z / a[i]), -1, 1)).toBeLessThan(ks1(n)); // achieved 0.015 / 0.013 (critical 0.026; seeded)
      expect(ksUniform(v.map(([x, y]) => Math.atan2(y, x)), -Math.PI, Math.PI)).toBeLessThan(ks1(n)); // achieved 0.021 / 0.009
      expect(ksUniform(a, lo, hi)).toBeLessThan(ks1(n)); // achieved 0.016 / 0.011
    }
    expect(ksUniform(comps.map((c) => c.phi), 0, 2 * Math.PI)).toBeLessThan(ks1(n)); // achieved 0.021
  });

  it('the same KS test rejects directions flat in the polar angle', () => {
    const rng = new Rng(7);
    const cosines = Array.from({ length: n }, () => Math.cos(Math.PI * rng.uniform()));
    expect(ksUniform(cosines, -1, 1)).toBeGreaterThan(3 * ks1(n)); // achieved 0.108
  });

  it('takes magnitude ranges as given and aligned-component ranges as [0, max |s|]; refuses |s| > 1', () => {
    expect(spinMagnitudeRange([0.2, 0.5])).toEqual([0.2, 0.5]);
    expect(spinMagnitudeRange([-0.99, 0.5])).toEqual([0, 0.99]);
    expect(spinMagnitudeRange([-0.3, 0.8])).toEqual([0, 0.8]);
    expect(() => spinMagnitudeRange([0, 1.2])).toThrow(/spin range/);
    expect(() => isotropicSpins([zeroComponents()], [0, 0.5], [0, 0.5], [1, 0], new Rng(1))).toThrow(/reference phase range/);
  });
});

describe('injfile --spin-distribution isotropic', () => {
  const base = {
    'n-injs': 200, source: 'uniform', 'variable-format': 'logMq_s1xz_s2z_iota', 'uniform-in': 'components',
    'mtot-range': [70, 90], 'q-range': [1, 3], 's1-range': [0, 0.9], 's2-range': [-0.99, 0.99], 'theta-range': [-Math.PI, Math.PI],
    'iota-range': [0, Math.PI], 'ref-phase-range': [0, 2 * Math.PI], 'iota-distribution': 'cos', 'spin-distribution': 'isotropic',
    approximant: 'IMRPhenomXP', 'f-min': 15, 'f-max': 512, distance: [100], 'gps-start': 0, 'time-step': 10, seed: 2,
  };

  it('writes all six spin components and phi_ref to HDF5 and XML; the injection waveform uses every component', async () => {
    const h5 = join(dir, 'iso.h5');
    const xml = join(dir, 'iso.xml');
    await injfileCommand.handler({ ...base, 'inj-file': [h5, xml] } as never);
    const a = await readInjections(h5);
    const b = await readInjections(xml);
    const c = a.columns;
    for (const k of ['spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z', 'coaPhase'] as const) {
      const col = c[k];
      expect(col.some((x) => Math.abs(x) > 0.3)).toBe(true);
      for (let i = 0; i < col.length; i++) expect(b.columns[k][i]).toBeCloseTo(col[i], 6); // XML stores real_4
    }
    for (let i = 0; i < a.size; i++) {
      expect(Math.hypot(c.spin1x[i], c.spin1y[i], c.spin1z[i])).toBeLessThanOrEqual(0.9);
      expect(Math.hypot(c.spin2x[i], c.spin2y[i], c.spin2z[i])).toBeLessThanOrEqual(0.99);
      expect(c.mass1[i] + c.mass2[i]).toBeGreaterThanOrEqual(70 - 1e-9);
      expect(c.mass1[i] + c.mass2[i]).toBeLessThanOrEqual(90 + 1e-9);
    }
    const settings = { approximant: 'IMRPhenomXP', psd: 'aligo_O4high', asd: true, fMinHz: 15, fMaxHz: 512, df: 0.25, mchirpWindow: 0.1, minCandidates: 10 };
    const t = { mass1: new Float64Array([40]), mass2: new Float64Array([40]), spin1x: new Float64Array(1), spin1y: new Float64Array(1),
      spin1z: new Float64Array(1), spin2x: new Float64Array(1), spin2y: new Float64Array(1), spin2z: new Float64Array(1) };
    const ev = new FittingFactorEvaluator(settings, t as never);
    const i = Array.from({ length: a.size }, (_, j) => j).find((j) => Math.hypot(c.spin1x[j], c.spin1y[j]) > 0.5 && c.mass1[j] / c.mass2[j] > 1.8)!;
    const sky = { longitude: c.longitude[i], latitude: c.latitude[i], polarization: c.polarization[i] };
    const params = a.waveformParams(i, 15, 512);
    const s = ev.signal(params, sky);
    const grid = uniformGrid(0.25, 512);
    const { fPlus, fCross } = antennaPatterns(sky);
    const model = getModel('IMRPhenomXP');
    const gen = (p: typeof params) => { const w = model.generate(grid, p); return combinePolarizations(w.hp, w.hc, fPlus, fCross); };
    const direct = gen({ ...params, s1x: c.spin1x[i], s1y: c.spin1y[i], s1z: c.spin1z[i], s2x: c.spin2x[i], s2y: c.spin2y[i], s2z: c.spin2z[i], phiRef: c.coaPhase[i] });
    expect(Array.from(s)).toEqual(Array.from(direct));
    // the bank's coordinates keep |s1| and s2z only: dropping s1y, s2x, s2y changes the signal
    const projected = gen({ ...params, s1x: Math.hypot(c.spin1x[i], c.spin1y[i]), s1y: 0, s2x: 0, s2y: 0 });
    let num = 0, den = 0;
    for (let k = 0; k < s.length; k++) { num += (s[k] - projected[k]) ** 2; den += s[k] ** 2; }
    expect(Math.sqrt(num / den)).toBeGreaterThan(0.05); // achieved 0.36
  });

  it('refuses isotropic spins with a flow or bank source', async () => {
    await expect(injfileCommand.handler({ ...base, source: 'bank', bank: join(dir, 'none.h5'), 'iota-distribution': 'uniform', 'inj-file': [join(dir, 'x.h5')] } as never))
      .rejects.toThrow(/--spin-distribution.*source uniform/);
  });
});
