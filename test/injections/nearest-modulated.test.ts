import { describe, expect, it } from 'vitest';
import { Bank } from '../../src/bank/bank.js';
import { nearestDefaults, nearestKind, preselectOf } from '../../src/cli/injections/nearest.js';
import { Rng } from '../../src/core/rng.js';
import type { BBHComponents } from '../../src/coordinates/components.js';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../../src/injections/fitting-factor.js';
import { DEFAULT_NEAREST, DEFAULT_NEAREST_MODULATED, NearestSelector } from '../../src/injections/nearest-candidates.js';
import { buildPhaseIndex } from '../../src/injections/phase-index.js';
import type { WaveformParams } from '../../src/waveforms/types.js';

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

/** Fitting factors of `n` injections by the nearest-template selection and by brute force over the whole bank. */
function compare(bank: Bank, s: FittingFactorSettings, n: number, inject: (rng: Rng) => { c: BBHComponents; p: WaveformParams }) {
  const ev = new FittingFactorEvaluator(s, bank.templates);
  const selector = new NearestSelector(buildPhaseIndex(bank.templates, s), DEFAULT_NEAREST_MODULATED);
  const all = Int32Array.from({ length: bank.size }, (_, i) => i);
  const rng = new Rng(21);
  const out: { near: number; brute: number; candidates: number }[] = [];
  for (let k = 0; k < n; k++) {
    const { c, p } = inject(rng);
    const sky = { longitude: rng.uniformIn(0, 2 * Math.PI), latitude: rng.uniformIn(-1, 1), polarization: rng.uniformIn(0, Math.PI) };
    const sig = ev.signal(p, sky);
    const near = selector.search(ev, c, sig).result;
    out.push({ near: near.ff, brute: ev.fittingFactor(sig, all).ff, candidates: near.candidates });
  }
  return out;
}

const waveform = (c: BBHComponents, s: FittingFactorSettings): WaveformParams => ({
  m1: c.m1, m2: c.m2, s1x: c.s1x, s1y: c.s1y, s1z: c.s1z, s2x: c.s2x, s2y: c.s2y, s2z: c.s2z, distanceMpc: 1, inclination: c.iota, phiRef: c.phi,
  fMinHz: s.fMinHz, fMaxHz: s.fMaxHz, fRefHz: s.fMinHz,
});

/** A spin of magnitude in [0, max] in an isotropic direction. */
function isotropic(rng: Rng, max: number): [number, number, number] {
  const a = rng.uniformIn(0, max), cosT = rng.uniformIn(-1, 1), ph = rng.uniformIn(0, 2 * Math.PI), sinT = Math.sqrt(1 - cosT * cosT);
  return [a * sinT * Math.cos(ph), a * sinT * Math.sin(ph), a * cosT];
}

describe('nearest-template fitting factors of a precessing bank', () => {
  const bank = precessingBank(300, 4);

  it('equal brute force over the whole bank with the wider ball, and never exceed it', () => {
    const r = compare(bank, settings, 12, (rng) => {
      const c = draw(rng);
      return { c, p: waveform({ ...c, phi: 0 }, settings) };
    });
    for (const x of r) expect(x.near).toBe(x.brute);
    expect(r.reduce((a, x) => a + x.candidates, 0) / r.length).toBeLessThan(0.6 * bank.size); // achieved 113 of 300 (12 of 12 equal)
  });

  it('fully precessing injections (isotropic spins, s1y, s2x, s2y outside the bank): nearest on their aligned components still equals brute force', () => {
    const r = compare(bank, settings, 12, (rng) => {
      const c = draw(rng);
      const [s1x, s1y, s1z] = isotropic(rng, 0.6), [s2x, s2y, s2z] = isotropic(rng, 0.3);
      const full = { ...c, s1x, s1y, s1z, s2x, s2y, s2z, iota: Math.acos(rng.uniformIn(-1, 1)), phi: rng.uniformIn(0, 2 * Math.PI) };
      return { c: full, p: waveform(full, settings) };
    });
    for (const x of r) expect(x.near).toBe(x.brute); // achieved 12 of 12 equal, 144 candidates of 300 on average
    expect(Math.min(...r.map((x) => x.brute))).toBeLessThan(0.98); // the set reaches off the bank's manifold: achieved min FF 0.965 (0.987 on-manifold)
  });
});

describe('nearest-template fitting factors of a higher-mode bank', () => {
  it('equal brute force over the whole bank (IMRPhenomXHM, iota and phi templates)', () => {
    const hm: FittingFactorSettings = { ...settings, approximant: 'IMRPhenomXHM', fMinHz: 15 };
    const hmFormat = getVariableFormat('logMq_nonspinning_iotaphi');
    const hmBox: [number, number][] = [[Math.log10(100), Math.log10(140)], [1, 3], [0, Math.PI], [0, 2 * Math.PI]];
    const rng = new Rng(5);
    const c = Array.from({ length: 120 }, () => hmFormat.toPhysical(hmBox.map(([lo, hi]) => rng.uniformIn(lo, hi))));
    const bank = new Bank({
      templates: { mass1: c.map((x) => x.m1), mass2: c.map((x) => x.m2), inclination: c.map((x) => x.iota), phiRef: c.map((x) => x.phi) },
      metadata: { approximant: 'IMRPhenomXHM' },
    });
    const r = compare(bank, hm, 10, (g) => {
      const x = hmFormat.toPhysical(hmBox.map(([lo, hi]) => g.uniformIn(lo, hi)));
      return { c: x, p: waveform(x, hm) };
    });
    for (const x of r) expect(x.near).toBe(x.brute); // achieved 10 of 10 equal
    expect(r.reduce((a, x) => a + x.candidates, 0) / r.length).toBeLessThan(bank.size); // achieved 91 of 120
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

  it('precessing or higher-mode banks: nearest by default, with the wider defaults', () => {
    for (const [bank, apx] of [[inPlane, 'IMRPhenomPv2'], [aligned, 'IMRPhenomXHM'], [aligned, 'IMRPhenomPv2']] as const) {
      expect(nearestKind(bank, apx)).toEqual({ kind: 'modulated' });
      expect(nearestDefaults(bank, apx)).toBe(DEFAULT_NEAREST_MODULATED);
      expect(preselectOf(undefined, bank, apx)).toBe('nearest');
      expect(preselectOf('mchirp', bank, apx)).toBe('mchirp');
    }
  });

  it('eccentric banks keep the chirp-mass window and refuse nearest, naming why', () => {
    expect(preselectOf(undefined, eccentric, 'IMRPhenomD')).toBe('mchirp');
    expect(() => preselectOf('nearest', eccentric, 'IMRPhenomD')).toThrow(/--preselect = "nearest".*eccentric/);
    expect(() => preselectOf('nearest', aligned, 'EccentricFD')).toThrow(/EccentricFD is eccentric/);
  });
});
