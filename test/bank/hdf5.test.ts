import blakejs from 'blakejs';
import h5wasm from 'h5wasm/node';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bank } from '../../src/bank/bank.js';
import { chirpTime2PN } from '../../src/bank/chirp-time.js';
import { readBankHdf5, writeBankHdf5 } from '../../src/bank/hdf5.js';
import { alignedBank, META, precessingBank, tempDir } from './helpers.js';

type H5Dataset = InstanceType<typeof h5wasm.Dataset>;
const dsValue = (f: InstanceType<typeof h5wasm.File>, name: string) => (f.get(name) as H5Dataset).value;

/** PyCBC's recipe written out independently: float64 LE bytes of the present fields -> blake2b(8) -> int64 LE. */
function expectedHash(values: number[]): bigint {
  const buf = Buffer.alloc(8 * values.length);
  values.forEach((v, i) => buf.writeDoubleLE(v, 8 * i));
  return Buffer.from(blakejs.blake2b(buf, undefined, 8)).readBigInt64LE(0);
}

describe('PyCBC-layout HDF5 bank', () => {
  it('writes every dataset with the dtype and length PyCBC expects, and the parameters attribute', async () => {
    const dir = tempDir();
    const path = join(dir, 'bank.h5');
    const bank = precessingBank(25);
    await writeBankHdf5(path, bank);
    expect(readdirSync(dir)).toEqual(['bank.h5']);
    await h5wasm.ready;
    const f = new h5wasm.File(path, 'r');
    try {
      const floats = ['mass1', 'mass2', 'spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z', 'inclination', 'coa_phase', 'f_lower', 'f_final', 'template_duration'];
      const expectedParameters = [...floats, 'approximant', 'template_hash'];
      expect(f.attrs.parameters.value).toEqual(expectedParameters);
      for (const name of floats) {
        const ds = f.get(name) as InstanceType<typeof h5wasm.Dataset>;
        expect(ds, name).toBeInstanceOf(h5wasm.Dataset);
        expect(ds.dtype, name).toBe('<d');
        expect(ds.shape, name).toEqual([25]);
      }
      const apx = f.get('approximant') as InstanceType<typeof h5wasm.Dataset>;
      expect(apx.metadata.vlen).toBe(false); // fixed-length bytes, numpy 'S' in h5py
      expect(apx.metadata.cset).toBe(0); // ASCII
      expect(apx.metadata.size).toBe('IMRPhenomXP'.length + 1);
      expect(apx.shape).toEqual([25]);
      expect(apx.value).toEqual(new Array(25).fill('IMRPhenomXP'));
      const hash = f.get('template_hash') as InstanceType<typeof h5wasm.Dataset>;
      expect(hash.dtype).toBe('<q');
      expect(hash.shape).toEqual([25]);
      const hashes = hash.value as BigInt64Array;
      const t = bank.templates;
      for (let i = 0; i < 25; i++) {
        const tuple = [t.mass1[i], t.mass2[i], t.inclination![i], t.spin1x[i], t.spin1y[i], t.spin1z[i], t.spin2x[i], t.spin2y[i], t.spin2z[i]];
        expect(hashes[i]).toBe(expectedHash(tuple));
      }
      expect(Array.from(dsValue(f, 'f_lower') as Float64Array)).toEqual(new Array(25).fill(15));
      expect(Array.from(dsValue(f, 'f_final') as Float64Array)).toEqual(new Array(25).fill(1024));
      const dur = dsValue(f, 'template_duration') as Float64Array;
      expect(dur[3]).toBeCloseTo(chirpTime2PN(t.mass1[3], t.mass2[3], 15), 12);
      expect(Array.from(dsValue(f, 'mass1') as Float64Array)).toEqual(Array.from(t.mass1));
      const attrs = Object.fromEntries(Object.entries(f.attrs).map(([k, a]) => [k, a.value]));
      expect(attrs).toMatchObject({
        program: 'mbank-ts', program_version: '0.1.0', variable_format: 'Mq_fullspins_iotaphi', minimal_match: 0.97,
        psd: 'aLIGO_O3_H1.txt', f_min: 15, f_max: 1024, df: 0.25, approximant: 'IMRPhenomXP', method: 'random', seed: 42n, ifo: 'H1',
      });
      expect(f.get('coordinates')).toBeNull();
    } finally {
      f.close();
    }
  });

  it('writes the bank coordinates as an N x D dataset named by an attribute, outside the parameters list', async () => {
    const path = join(tempDir(), 'bank.hdf5');
    const bank = alignedBank(12);
    await writeBankHdf5(path, bank);
    const f = new h5wasm.File(path, 'r');
    try {
      const c = f.get('coordinates') as InstanceType<typeof h5wasm.Dataset>;
      expect(c.shape).toEqual([12, 4]);
      expect(c.dtype).toBe('<d');
      expect(c.attrs.names.value).toEqual(['M', 'q', 's1z', 's2z']);
      expect(c.attrs.variable_format.value).toBe('Mq_s1z_s2z');
      expect(f.attrs.parameters.value).not.toContain('coordinates');
      expect(f.attrs.parameters.value).not.toContain('inclination');
      // Aligned-spin bank: the hash covers masses and the six spins only (no inclination dataset).
      const t = bank.templates;
      const h = (dsValue(f, 'template_hash') as BigInt64Array)[5];
      expect(h).toBe(expectedHash([t.mass1[5], t.mass2[5], t.spin1x[5], t.spin1y[5], t.spin1z[5], t.spin2x[5], t.spin2y[5], t.spin2z[5]]));
    } finally {
      f.close();
    }
  });

  it('reads back exactly what it wrote: columns, coordinates and metadata', async () => {
    const path = join(tempDir(), 'bank.h5');
    for (const bank of [alignedBank(40), precessingBank(9)]) {
      await writeBankHdf5(path, bank);
      const back = await readBankHdf5(path);
      expect(back.size).toBe(bank.size);
      for (const [name, col] of Object.entries(bank.templates)) {
        expect(Array.from(back.templates[name as keyof typeof bank.templates]!), name).toEqual(Array.from(col as Float64Array));
      }
      expect(back.coordinates?.names).toEqual(bank.coordinates?.names);
      expect(back.coordinates === undefined ? undefined : Array.from(back.coordinates.values)).toEqual(bank.coordinates === undefined ? undefined : Array.from(bank.coordinates.values));
      expect(back.metadata).toEqual(bank.metadata);
    }
  });

  it('reads in slices into shared columns it keeps: slice edges, a spin zero but in its last slice, an all-zero spin', async () => {
    const path = join(tempDir(), 'slices.h5');
    const bank = alignedBank(23);
    const spin2x = new Float64Array(23);
    spin2x[22] = 0.1;
    const withX = new Bank({ templates: { ...bank.templates, spin2x }, coordinates: bank.coordinates, metadata: bank.metadata });
    await writeBankHdf5(path, withX);
    for (const sliceRows of [1, 5, 22, 23, 1000]) {
      const back = await readBankHdf5(path, sliceRows);
      for (const [name, col] of Object.entries(withX.templates)) {
        const got = back.templates[name as keyof typeof withX.templates]!;
        expect(Array.from(got), `${name}, ${sliceRows} rows a slice`).toEqual(Array.from(col as Float64Array));
        expect(got.buffer, name).toBeInstanceOf(SharedArrayBuffer);
      }
      expect(Array.from(back.coordinates!.values)).toEqual(Array.from(withX.coordinates!.values));
    }
    await expect(readBankHdf5(path, 0)).rejects.toThrow(/sliceRows = 0/);
  });

  it('writes eccentricity as the PyCBC dataset `eccentricity` and reads it back (eccentric bank)', async () => {
    const path = join(tempDir(), 'ecc.h5');
    const bank = new Bank({
      templates: { mass1: [30, 12], mass2: [20, 11], eccentricity: [0.1, 0.37] },
      coordinates: { names: ['M', 'q', 'e'], values: [50, 1.5, 0.1, 23, 12 / 11, 0.37] },
      metadata: { ...META, variableFormat: 'Mq_nonspinning_e', approximant: 'EccentricFD' },
    });
    await writeBankHdf5(path, bank);
    const f = new h5wasm.File(path, 'r');
    try {
      expect(Array.from(dsValue(f, 'eccentricity') as Float64Array)).toEqual([0.1, 0.37]);
    } finally {
      f.close();
    }
    const back = await readBankHdf5(path);
    expect(Array.from(back.templates.eccentricity!)).toEqual([0.1, 0.37]);
    expect(back.metadata.approximant).toBe('EccentricFD');
  });

  it('reads a file with only some PyCBC datasets (no spins in x/y, float32 columns) as sbank writes them', async () => {
    const path = join(tempDir(), 'sbank.h5');
    await h5wasm.ready;
    const f = new h5wasm.File(path, 'w');
    f.create_dataset({ name: 'mass1', data: new Float32Array([10, 12.5]) });
    f.create_dataset({ name: 'mass2', data: new Float32Array([5, 3]) });
    f.create_dataset({ name: 'spin1z', data: new Float32Array([0.5, -0.25]) });
    f.create_dataset({ name: 'spin2z', data: new Float32Array([0, 0.125]) });
    f.create_dataset({ name: 'f_lower', data: new Float32Array([20, 20]) });
    f.create_dataset({ name: 'approximant', data: ['TaylorF2', 'TaylorF2'], dtype: 'A32' });
    f.create_attribute('parameters', ['mass1', 'mass2', 'spin1z', 'spin2z', 'f_lower', 'approximant']);
    f.close();
    const bank = await readBankHdf5(path);
    expect(Array.from(bank.templates.mass1)).toEqual([10, 12.5]);
    expect(Array.from(bank.templates.spin1z)).toEqual([0.5, -0.25]);
    expect(Array.from(bank.templates.spin1x)).toEqual([0, 0]);
    expect(bank.metadata.fMin).toBe(20);
    expect(bank.metadata.approximant).toBe('TaylorF2');
  });

  it('refuses a bank without fMin, leaves no file behind, and names a missing input file', async () => {
    const dir = tempDir();
    const b = new Bank({ templates: { mass1: [10], mass2: [5] }, metadata: { ...META, fMin: undefined } });
    await expect(writeBankHdf5(join(dir, 'x.h5'), b)).rejects.toThrow(/fMin/);
    expect(readdirSync(dir)).toEqual([]);
    await expect(readBankHdf5(join(dir, 'missing.h5'))).rejects.toThrow(/does not exist/);
  });

  it('writes a file whose bytes start with the HDF5 signature', async () => {
    const path = join(tempDir(), 'sig.h5');
    await writeBankHdf5(path, alignedBank(3));
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
