import { describe, expect, it } from 'vitest';
import { Bank } from '../../src/bank/bank.js';
import { MbankError } from '../../src/core/errors.js';
import { alignedBank } from './helpers.js';

describe('Bank', () => {
  it('fills missing spins with zeros and keeps optional columns absent', () => {
    const b = new Bank({ templates: { mass1: [10, 20], mass2: [5, 6] } });
    expect(b.size).toBe(2);
    expect(Array.from(b.templates.spin2y)).toEqual([0, 0]);
    expect(b.templates.inclination).toBeUndefined();
    expect(b.optionalColumns).toEqual([]);
    expect(b.dimension).toBe(0);
  });

  it('accepts coordinates as rows or as a flat row-major array and returns the same rows', () => {
    const rows = [[15, 2], [26, 3.25]];
    const a = new Bank({ templates: { mass1: [10, 20], mass2: [5, 6] }, coordinates: { names: ['M', 'q'], values: rows } });
    const b = new Bank({ templates: { mass1: [10, 20], mass2: [5, 6] }, coordinates: { names: ['M', 'q'], values: rows.flat() } });
    expect(Array.from(a.coordinateRow(1))).toEqual([26, 3.25]);
    expect(Array.from(b.coordinates!.values)).toEqual(Array.from(a.coordinates!.values));
  });

  it('rejects unequal lengths, non-positive masses, spins above 1, NaN and bad coordinates with MbankError', () => {
    expect(() => new Bank({ templates: { mass1: [10, 20], mass2: [5] } })).toThrow(/mass2.length/);
    expect(() => new Bank({ templates: { mass1: [10, -1], mass2: [5, 5] } })).toThrow(/mass1\[1\]/);
    expect(() => new Bank({ templates: { mass1: [10], mass2: [5], spin1x: [0.8], spin1z: [0.8] } })).toThrow(/\|spin1\|/);
    expect(() => new Bank({ templates: { mass1: [10], mass2: [NaN] } })).toThrow(MbankError);
    expect(() => new Bank({ templates: { mass1: [10], mass2: [5] }, coordinates: { names: ['M', 'q'], values: [[1, 2, 3]] } })).toThrow(/row 0/);
    expect(() => new Bank({ templates: { mass1: [10], mass2: [5] }, metadata: { minimalMatch: 1.5 } })).toThrow(/minimalMatch/);
    expect(() => new Bank({ templates: { mass1: [10], mass2: [5] }, metadata: { fMin: 20, fMax: 10 } })).toThrow(/fMax/);
    expect(() => new Bank({ templates: { mass1: [10], mass2: [5] }, metadata: { extra: { 'bad key': 1 } } })).toThrow(/extra key/);
    expect(() => new Bank({ templates: { mass1: [10], mass2: [5] }, metadata: { extra: { n: NaN } } })).toThrow(/extra\.n/);
  });

  it('rebuilds the same columns from its own records', () => {
    const bank = alignedBank(7);
    const records = Array.from({ length: bank.size }, (_, i) => bank.template(i));
    const again = Bank.fromRecords(records, { metadata: bank.metadata });
    for (const name of ['mass1', 'mass2', 'spin1z', 'spin2z'] as const) {
      expect(Array.from(again.templates[name])).toEqual(Array.from(bank.templates[name]));
    }
    expect(again.metadata).toEqual(bank.metadata);
  });

  it('copies its inputs so later changes to the caller arrays do not alter the bank', () => {
    const m1 = new Float64Array([10, 20]);
    const b = new Bank({ templates: { mass1: m1, mass2: [5, 6] } });
    m1[0] = 99;
    expect(b.templates.mass1[0]).toBe(10);
  });
});
