/** Shared helpers for the bank tests: a small aligned/precessing bank and a temp directory. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bank, type BankMetadata } from '../../src/bank/bank.js';
import { Rng } from '../../src/core/rng.js';

/** A fresh temp directory under os.tmpdir(). */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mbank-ts-bank-'));
}

export const META: BankMetadata = {
  variableFormat: 'Mq_s1z_s2z', minimalMatch: 0.97, psd: 'aLIGO_O3_H1.txt', fMin: 15, fMax: 1024, df: 0.25,
  approximant: 'IMRPhenomD', method: 'random', seed: 42, programVersion: '0.1.0', ifo: 'H1',
  extra: { covering_fraction: 0.9, n_livepoints: 2000, flow_file: 'flow.safetensors' },
};

/** n random aligned-spin templates with (M, q, s1z, s2z) coordinates. */
export function alignedBank(n: number, seed = 1, metadata: BankMetadata = META): Bank {
  const rng = new Rng(seed);
  const m1: number[] = []; const m2: number[] = []; const s1z: number[] = []; const s2z: number[] = [];
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const M = 10 + 90 * rng.uniform();
    const q = 1 + 9 * rng.uniform();
    const a = -0.99 + 1.98 * rng.uniform();
    const b = -0.99 + 1.98 * rng.uniform();
    m1.push((M * q) / (1 + q)); m2.push(M / (1 + q)); s1z.push(a); s2z.push(b);
    rows.push([M, q, a, b]);
  }
  return new Bank({ templates: { mass1: m1, mass2: m2, spin1z: s1z, spin2z: s2z }, coordinates: { names: ['M', 'q', 's1z', 's2z'], values: rows }, metadata });
}

/** n random precessing templates with inclination and reference phase. */
export function precessingBank(n: number, seed = 2): Bank {
  const rng = new Rng(seed);
  const col = () => new Float64Array(n);
  const t = { mass1: col(), mass2: col(), spin1x: col(), spin1y: col(), spin1z: col(), spin2x: col(), spin2y: col(), spin2z: col(), inclination: col(), phiRef: col() };
  for (let i = 0; i < n; i++) {
    t.mass1[i] = 5 + 45 * rng.uniform();
    t.mass2[i] = 1 + (t.mass1[i] - 1) * rng.uniform();
    for (const s of [1, 2]) {
      const mag = 0.99 * rng.uniform();
      const th = Math.acos(2 * rng.uniform() - 1);
      const ph = 2 * Math.PI * rng.uniform();
      (t as Record<string, Float64Array>)[`spin${s}x`][i] = mag * Math.sin(th) * Math.cos(ph);
      (t as Record<string, Float64Array>)[`spin${s}y`][i] = mag * Math.sin(th) * Math.sin(ph);
      (t as Record<string, Float64Array>)[`spin${s}z`][i] = mag * Math.cos(th);
    }
    t.inclination[i] = Math.PI * rng.uniform();
    t.phiRef[i] = 2 * Math.PI * rng.uniform();
  }
  return new Bank({ templates: t, metadata: { ...META, variableFormat: 'Mq_fullspins_iotaphi', approximant: 'IMRPhenomXP' } });
}
