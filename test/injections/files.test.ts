import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../src/core/rng.js';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { regionFromRanges } from '../../src/coordinates/box.js';
import { componentsFromPoints, injectionsFromComponents } from '../../src/injections/draw.js';
import { uniformInCoordinates } from '../../src/coordinates/region-sampling.js';
import { INJECTION_COLUMNS, type InjectionSet } from '../../src/injections/injection-set.js';
import { readInjections, writeInjections } from '../../src/injections/io.js';
import { parseLigolwDocument, tableRecords } from '../../src/bank/ligolw.js';
import { DETECTOR_LOCATIONS, timeDelayFromEarthCenter } from '../../src/injections/time.js';

let dir: string;
let set: InjectionSet;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mbank-injfiles-'));
  const format = getVariableFormat('Mq_s1z_s2z');
  const region = regionFromRanges(format, { mtot: [30, 50], q: [1, 5 / 3], m1: [15, 25], m2: [15, 25], s1: [0, 0.5], s2: [0, 0.5] });
  const points = uniformInCoordinates(region, 25, new Rng(2));
  set = injectionsFromComponents(componentsFromPoints(format, points), new Rng(2), { distanceMpc: [50, 400], gpsStart: 1e9 + 0.25, timeStep: 10 },
    { approximant: 'IMRPhenomD', fMin: 20, fMax: 1024, variableFormat: format.name, source: 'uniform', seed: 2 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('injection files', () => {
  it('uniform injections respect the box and the m1, m2 mass cuts', () => {
    const c = set.columns;
    for (let i = 0; i < set.size; i++) {
      expect(c.mass1[i]).toBeGreaterThanOrEqual(c.mass2[i]);
      expect(c.mass1[i]).toBeLessThanOrEqual(25);
      expect(c.mass2[i]).toBeGreaterThanOrEqual(15);
      expect(c.spin1z[i]).toBeGreaterThanOrEqual(0);
      expect(c.spin2z[i]).toBeLessThanOrEqual(0.5);
      expect(c.distance[i]).toBeGreaterThanOrEqual(50);
      expect(c.distance[i]).toBeLessThanOrEqual(400);
    }
  });

  it('HDF5 round-trips every column exactly, with the metadata', async () => {
    const path = join(dir, 'i.h5');
    await writeInjections(path, set);
    const back = await readInjections(path);
    for (const k of INJECTION_COLUMNS) expect(Array.from(back.columns[k])).toEqual(Array.from(set.columns[k]));
    expect(back.metadata).toMatchObject({ approximant: 'IMRPhenomD', fMin: 20, fMax: 1024, variableFormat: 'Mq_s1z_s2z', source: 'uniform', seed: 2 });
  });

  it('LIGO_LW XML (plain and gzipped) round-trips real_4 columns to float32 and times to the nanosecond', async () => {
    for (const name of ['i.xml', 'i.xml.gz']) {
      const path = join(dir, name);
      await writeInjections(path, set);
      const back = await readInjections(path);
      expect(back.size).toBe(set.size);
      for (const k of INJECTION_COLUMNS) {
        for (let i = 0; i < set.size; i++) {
          if (k === 'geocentTime') expect(Math.abs(back.columns[k][i] - set.columns[k][i])).toBeLessThan(1e-6);
          else expect(back.columns[k][i]).toBe(Math.fround(set.columns[k][i]));
        }
      }
      expect(back.metadata).toMatchObject({ approximant: 'IMRPhenomD', fMin: 20, fMax: 1024 });
    }
  });

  it('sim_inspiral rows carry mbank columns: ids, taper, mchirp, eta, site end times from the geocentric time plus delay', async () => {
    const path = join(dir, 'rows.xml');
    await writeInjections(path, set);
    const table = parseLigolwDocument(readFileSync(path, 'utf8')).find((t) => t.name === 'sim_inspiral')!;
    expect(table.columns.length).toBe(58);
    const rows = tableRecords(table);
    rows.forEach((r, i) => {
      expect(r.simulation_id).toBe(i);
      expect(r.taper).toBe('TAPER_START');
      expect(r.waveform).toBe('IMRPhenomD');
      const m1 = set.columns.mass1[i], m2 = set.columns.mass2[i];
      expect(r.eta).toBeCloseTo((m1 * m2) / (m1 + m2) ** 2, 6);
      expect(r.mchirp as number).toBeCloseTo(Math.pow(m1 * m2, 0.6) / Math.pow(m1 + m2, 0.2), 4);
      const t = set.columns.geocentTime[i];
      const dt = timeDelayFromEarthCenter(DETECTOR_LOCATIONS.l, set.columns.longitude[i], set.columns.latitude[i], t);
      expect((r.l_end_time as number) + (r.l_end_time_ns as number) * 1e-9).toBeCloseTo(t + dt, 6);
      expect(r.eff_dist_h).toBe(r.distance);
    });
  });

  it('an unknown extension is refused with a message naming the allowed ones', async () => {
    await expect(writeInjections(join(dir, 'x.csv'), set)).rejects.toThrow(/\.h5.*\.xml/);
  });
});
