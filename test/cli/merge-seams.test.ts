import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Bank, type BankMetadata } from '../../src/bank/bank.js';
import { readBank, writeBank } from '../../src/bank/io.js';
import { mergeBanks } from '../../src/bank/merge.js';
import { FittingFactorEvaluator, type FittingFactorSettings } from '../../src/injections/fitting-factor.js';
import { pruneSeams } from '../../src/cli/merge/seams.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';

const meta: BankMetadata = { variableFormat: 'Mq_nonspinning', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', fMin: 20, fMax: 512, df: 0.5, minimalMatch: 0.97 };
const metric = { variableFormat: 'Mq_nonspinning', approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 0.5 };
const match: FittingFactorSettings = { ...metric, mchirpWindow: 0.1, minCandidates: 5 };

/** A (M, q) grid bank on [M0, M1] x [1, 3]: two of them on neighbouring, overlapping mass ranges are two regions of one space. */
function gridBank(M0: number, M1: number): Bank {
  const m1: number[] = [], m2: number[] = [], rows: number[][] = [];
  for (let M = M0; M <= M1 + 1e-9; M += 1.5) for (let q = 1; q <= 3 + 1e-9; q += 0.25) { m1.push((M * q) / (1 + q)); m2.push(M / (1 + q)); rows.push([M, q]); }
  return new Bank({ templates: { mass1: m1, mass2: m2 }, coordinates: { names: ['M', 'q'], values: rows }, metadata: meta });
}
const A = gridBank(40, 61), B = gridBank(59.75, 80);
const dir = mkdtempSync(join(tmpdir(), 'mbank-seams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merge --prune-seams', () => {
  it('drops only templates of the later bank in the seam strip, each with a true match >= MM to the earlier bank', () => {
    const m = mergeBanks([{ name: 'A', bank: A }, { name: 'B', bank: B }]);
    const { keep, reports } = pruneSeams(m.bank, m.ranges, { metric, metricType: 'hessian', mm: 0.97, width: 0.1, candidates: 5, match });
    expect(reports).toEqual([{ examined: 27, metricCovered: 18, dropped: 18 }]); // strip M <= 61 + 2.1: columns 59.75, 61.25, 62.75
    const X = m.bank.coordinates!.values;
    const ev = new FittingFactorEvaluator(match, A.templates);
    const allA = Int32Array.from({ length: A.size }, (_, i) => i);
    const sky = { longitude: 0, latitude: 0, polarization: 0 };
    const evB = new FittingFactorEvaluator(match, m.bank.templates);
    for (let i = 0; i < m.ranges[0][1]; i++) expect(keep[i]).toBe(1);
    for (let i = m.ranges[1][0]; i < m.ranges[1][1]; i++) {
      const M = X[2 * i];
      if (M > 63.1) expect(keep[i]).toBe(1);
      if (!keep[i]) expect(ev.evaluateAmong(evB.templateParams(i), sky, allA).ff).toBeGreaterThanOrEqual(0.97);
      if (M > 62 && M < 63.1) expect(keep[i]).toBe(1); // 1.75 from A's last column: not covered
    }
  });

  it('the merge command writes the pruned bank from an HDF5 and an XML bank (coordinates recomputed for the XML one)', async () => {
    await writeBank(join(dir, 'a.h5'), A);
    await writeBank(join(dir, 'b.xml'), B);
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { err += String(c); return true; });
    try {
      await mergeCommand.handler({ bank: [join(dir, 'a.h5'), join(dir, 'b.xml')], out: join(dir, 'm.h5'), 'prune-seams': true, 'seam-width': 0.1, 'seam-candidates': 5 } as never);
    } finally {
      spy.mockRestore();
    }
    expect(err).toMatch(/18 dropped \(match >= 0.97 confirmed\)/);
    expect((await readBank(join(dir, 'm.h5'))).size).toBe(A.size + B.size - 18);
  });
});
