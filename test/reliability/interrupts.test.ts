import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../../src/metric/dataset-file.js';
import { cliAsync, runMain, tempDir, temporaries } from './helpers.js';

/**
 * A small dataset run: 1024 rows of TaylorF2 metrics (uniform grid of 2048 bins, ~2-3 s, so that
 * every signal below lands while it runs even on an idle machine), chunks of 4, every finished chunk
 * written at once.
 */
const N = 1024;
const args = (path: string) => ['dataset', '--variable-format', 'Mq_s1z_s2z', '--psd', 'aLIGOZeroDetHighPower', '--approximant', 'TaylorF2',
  '--f-min', '20', '--f-max', '512', '--df', '0.25', '--metric-grid', 'uniform', '--mtot-range', '20', '60', '--q-range', '1', '3',
  '--n-points', String(N), '--chunk-size', '4',
  '--seed', '11', '--workers', '0', '--flush-seconds', '0', '--dataset', path];

/** Start the run in a child, send `signals` (ms after its first progress line), wait for its end. */
async function interrupted(path: string, signals: Array<[NodeJS.Signals, number]>): Promise<{ status: number | null; signal: string | null; stderr: string }> {
  const { child, done } = cliAsync(args(path));
  await new Promise<void>((resolve) => child.stderr!.once('data', () => resolve()));
  for (const [sig, ms] of signals) {
    await new Promise((r) => setTimeout(r, ms));
    child.kill(sig);
  }
  return done;
}

/** Interrupts at fixed, spread delays (the machine's load moves where they land). */
const PLAN: Array<{ name: string; signals: Array<[NodeJS.Signals, number]>; status: number | null; signal: string | null }> = [
  { name: 'SIGINT', signals: [['SIGINT', 300]], status: 130, signal: null },
  { name: 'SIGTERM', signals: [['SIGTERM', 700]], status: 143, signal: null },
  { name: 'SIGTERM twice (the second during the write)', signals: [['SIGTERM', 200], ['SIGTERM', 5]], status: 143, signal: null },
  { name: 'SIGKILL', signals: [['SIGKILL', 500]], status: null, signal: 'SIGKILL' },
];

describe('interrupted dataset runs resume to the uninterrupted result', () => {
  it('SIGINT, SIGTERM (once and twice) and SIGKILL at spread points: a readable file, the right exit status, and a resumed file equal to an uninterrupted run', async () => {
    const dir = tempDir('mbank-sig-');
    expect((await runMain(args(join(dir, 'ref.h5')))).code).toBe(0);
    const ref = await readDataset(join(dir, 'ref.h5'));
    expect(ref.n).toBe(N);
    for (const [i, p] of PLAN.entries()) {
      const path = join(dir, `run${i}.h5`);
      const r = await interrupted(path, p.signals);
      expect({ name: p.name, status: r.status, signal: r.signal }).toEqual({ name: p.name, status: p.status, signal: p.signal });
      if (p.signal === null) {
        expect(r.stderr).toMatch(new RegExp(`${p.signals[0][0]}: stopping after the current batch`));
        expect(r.stderr).not.toMatch(/\n\s+at |Error/);
        expect(temporaries(dir)).toEqual([]);
        expect(existsSync(`${path}.lock`)).toBe(false);
      }
      if (existsSync(path)) {
        const partial = await readDataset(path); // never corrupt, whatever the signal
        for (let j = 0; j < partial.n; j++) {
          const k = partial.chunkIndex![j] * 4 + (j - partial.chunkIndex!.indexOf(partial.chunkIndex![j]));
          expect(partial.logPdf[j]).toBe(ref.logPdf[k]);
        }
      }
      expect((await runMain(args(path))).code).toBe(0); // resume (a SIGKILL leaves a stale lock and temporary: both are cleared)
      const back = await readDataset(path);
      expect(back.n).toBe(N);
      expect(Array.from(back.theta)).toEqual(Array.from(ref.theta));
      expect(Array.from(back.logPdf)).toEqual(Array.from(ref.logPdf));
      expect(Array.from(back.metric!)).toEqual(Array.from(ref.metric!));
      expect(readdirSync(dir).filter((f) => f.endsWith('.lock') || /\.tmp-\d+$/.test(f))).toEqual([]);
    }
  }, 120000);
});
