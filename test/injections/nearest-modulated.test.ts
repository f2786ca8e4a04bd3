import { describe, expect, it } from 'vitest';
import { Bank } from '../../src/bank/bank.js';
import { nearestDefaults, nearestKind, preselectOf } from '../../src/cli/injections/nearest.js';
import { Rng } from '../../src/core/rng.js';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../../src/injections/fitting-factor.js';
import { DEFAULT_NEAREST, DEFAULT_NEAREST_MODULATED, NearestSelector } from '../../src/injections/nearest-candidates.js';
import { buildPhaseIndex } from '../../src/injections/phase-index.js';

/** Coarse IMRPhenomPv2 setting; every candidate refined in time, so both sides are order independent. */
const settings: FittingFactorSettings = {
  approximant: 'IMRPhenomPv2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 256, df: 0.5, mchirpWindow: 0.1, minCandidates: DEFAULT_NEAREST_MODULATED.minCandidates, refineWithin: 1,
};
const format = getVariableFormat('Mq_s1xz_s2z_iota');
const box: [number, number][] = [[44, 46], [1, 1.3], [0, 0.6], [0, Math.PI], [-0.3, 0.3], [0, Math.PI]];

function draw(rng: Rng) {
  return format.toPhysical(box.map(([lo, hi]) => rng.uniformIn(lo, hi)));
}

function precessingBank(n: number, seed: number): Bank {
  const rng = new Rng(seed);
  const c = Array.from({ length: n }, () => draw(rng));
  return new Bank({
    templates: {
      mass1: c.map((x) => x.m1), mass2: c.map((x) => x.m2), spin1x: c.map((x) => x.s1x), spin1y: c.map((x) => x.s1y), spin1z: c.map((x) => x.s1z),
      spin2z: c.map((x) => x.s2z), inclination: c.map((x) => x.iota), phiRef: c.map((x) => x.phi),
    },
    metadata: { approximant: 'IMRPhenomPv2' },
  });
}

describe('nearest-template fitting factors of a precessing bank', () => {
  it('equal brute force over the whole bank with the wider ball, and never exceed it', () => {
    const bank = precessingBank(300, 4);
    const ev = new FittingFactorEvaluator(settings, bank.templates);
    const selector = new NearestSelector(buildPhaseIndex(bank.templates, settings), DEFAULT_NEAREST_MODULATED);
    const all = Int32Array.from({ length: bank.size }, (_, i) => i);
    const rng = new Rng(21);
    let evaluated = 0;
    const n = 12;
    for (let k = 0; k < n; k++) {
      const c = draw(rng);
      const sky = { longitude: rng.uniformIn(0, 2 * Math.PI), latitude: rng.uniformIn(-1, 1), polarization: rng.uniformIn(0, Math.PI) };
      const s = ev.signal({ m1: c.m1, m2: c.m2, s1x: c.s1x, s1y: c.s1y, s1z: c.s1z, s2x: 0, s2y: 0, s2z: c.s2z, distanceMpc: 1, inclination: c.iota,
        phiRef: 0, fMinHz: 20, fMaxHz: 256, fRefHz: 20 }, sky);
      const near = selector.search(ev, c, s).result;
      const brute = ev.fittingFactor(s, all);
      expect(near.ff).toBeLessThanOrEqual(brute.ff);
      expect(near.ff).toBe(brute.ff);
      evaluated += near.candidates;
    }
    expect(evaluated / n).toBeLessThan(0.6 * bank.size); // achieved 113 of 300 (12 of 12 equal)
  });
});

describe('which banks get which candidate selection', () => {
  const aligned = new Bank({ templates: { mass1: [30, 20], mass2: [20, 15], spin1z: [0.1, -0.2] } });
  const inPlane = new Bank({ templates: { mass1: [30, 20], mass2: [20, 15], spin1x: [0.3, 0] } });
  const eccentric = new Bank({ templates: { mass1: [30, 20], mass2: [20, 15], eccentricity: [0.1, 0] } });

  it('aligned 22-only banks: nearest, with the aligned defaults', () => {
    expect(nearestKind(aligned, 'IMRPhenomD')).toEqual({ kind: 'aligned22' });
    expect(preselectOf(undefined, aligned, 'IMRPhenomD')).toBe('nearest');
    expect(nearestDefaults(aligned, 'IMRPhenomD')).toBe(DEFAULT_NEAREST);
  });

  it('precessing or higher-mode banks: the wider defaults, nearest on request', () => {
    for (const [bank, apx] of [[inPlane, 'IMRPhenomPv2'], [aligned, 'IMRPhenomXHM'], [aligned, 'IMRPhenomPv2']] as const) {
      expect(nearestKind(bank, apx)).toEqual({ kind: 'modulated' });
      expect(nearestDefaults(bank, apx)).toBe(DEFAULT_NEAREST_MODULATED);
      expect(preselectOf('nearest', bank, apx)).toBe('nearest');
    }
  });

  it('eccentric banks keep the chirp-mass window and refuse nearest, naming why', () => {
    expect(preselectOf(undefined, eccentric, 'IMRPhenomD')).toBe('mchirp');
    expect(() => preselectOf('nearest', eccentric, 'IMRPhenomD')).toThrow(/--preselect = "nearest".*eccentric/);
    expect(() => preselectOf('nearest', aligned, 'EccentricFD')).toThrow(/EccentricFD is eccentric/);
  });
});
