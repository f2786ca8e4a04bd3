import { describe, it, expect } from 'vitest';
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../../src/metric/dataset-file.js';
import { DatasetJournal, chunkRecord, journalPath, readJournal } from '../../src/metric/dataset-journal.js';
import type { ChunkRows } from '../../src/metric/dataset-chunk.js';
import { cliAsync, runMain, tempDir, temporaries } from './helpers.js';

/** A chunk of m rows of D coordinates whose every value tells its chunk, row and column apart. */
function chunk(index: number, m: number, D: number): ChunkRows {
  const v = (n: number, base: number) => Float64Array.from({ length: n }, (_, i) => index * 1000 + base + i / 7);
  return {
    index, theta: v(m * D, 0), logPdf: v(m, 100), metric: v(m * D * D, 200),
    positiveDefinite: Uint8Array.from({ length: m }, (_, i) => (i + index) % 2), failures: index % 3,
  };
}

describe('the dataset journal', () => {
  it('reads back every appended chunk bit for bit, and drops a torn or corrupt last record (then appends after the intact ones)', () => {
    const file = join(tempDir(), 'd.h5.journal');
    const D = 3;
    const j = DatasetJournal.open(file, D, '{"seed":1}', readJournal(file, D));
    for (const k of [4, 0, 7]) j.append(chunk(k, 5, D));
    j.close();
    const whole = readJournal(file, D);
    expect(whole.settings).toBe('{"seed":1}');
    expect(whole.chunks).toEqual([chunk(4, 5, D), chunk(0, 5, D), chunk(7, 5, D)]);
    expect(whole.droppedBytes).toBe(0);
    // killed in the middle of the third record
    truncateSync(file, whole.validBytes - 11);
    const torn = readJournal(file, D);
    expect(torn.chunks.map((c) => c.index)).toEqual([4, 0]);
    expect(torn.droppedBytes).toBe(chunkRecord(chunk(7, 5, D), D).length - 11);
    // a flipped byte in the second record's payload fails its checksum: it and what follows are dropped
    const bytes = readFileSync(file);
    bytes[torn.validBytes - 40] ^= 1;
    writeFileSync(file, bytes);
    const corrupt = readJournal(file, D);
    expect(corrupt.chunks.map((c) => c.index)).toEqual([4]);
    // reopening cuts the bad tail, so a new record follows the intact ones
    const again = DatasetJournal.open(file, D, '{"seed":1}', corrupt);
    again.append(chunk(9, 2, D));
    again.close();
    expect(readJournal(file, D).chunks).toEqual([chunk(4, 5, D), chunk(9, 2, D)]);
    expect(readJournal(file, D).droppedBytes).toBe(0);
  });

  it('refuses a journal of other settings with one line naming it', async () => {
    const dir = tempDir();
    const path = join(dir, 'd.h5');
    const common = ['dataset', '--variable-format', 'Mq_s1z_s2z', '--psd', 'aLIGOZeroDetHighPower', '--approximant', 'TaylorF2', '--f-min', '20',
      '--f-max', '512', '--df', '0.25', '--metric-grid', 'uniform', '--mtot-range', '20', '60', '--q-range', '1', '3', '--n-points', '8',
      '--chunk-size', '4', '--workers', '0', '--dataset', path];
    expect((await runMain([...common, '--seed', '5'])).code).toBe(0);
    const settings = JSON.stringify((await readDataset(path)).attributes);
    rmSync(path);
    DatasetJournal.open(journalPath(path), 4, settings, readJournal(journalPath(path), 4)).close();
    const r = await runMain([...common, '--seed', '6']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mbank-ts: dataset .*d\.h5\.journal exists with seed = 5, this run has 6/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

/** 512 TaylorF2 rows (D = 4) in chunks of 4 (1-2 s); --flush-seconds 600: no HDF5 write before the end, only the journal keeps rows. */
const N = 512;
const args = (path: string) => ['dataset', '--variable-format', 'Mq_s1z_s2z', '--psd', 'aLIGOZeroDetHighPower', '--approximant', 'TaylorF2',
  '--f-min', '20', '--f-max', '512', '--df', '0.25', '--metric-grid', 'uniform', '--mtot-range', '20', '60', '--q-range', '1', '3',
  '--n-points', String(N), '--chunk-size', '4', '--seed', '11', '--workers', '0', '--flush-seconds', '600', '--dataset', path];

/**
 * Start the run in a child and SIGKILL it at a random point after it journaled `chunks` more chunks
 * (polled on the journal's size, so that the machine's load cannot make the kill land before any work).
 */
async function killedAfter(path: string, chunks: number): Promise<string | null> {
  const size = () => (existsSync(journalPath(path)) ? statSync(journalPath(path)).size : 0);
  const record = chunkRecord(chunk(0, 4, 4), 4).length;
  const start = size();
  const { child, done } = cliAsync(args(path));
  let exited = false;
  void done.then(() => { exited = true; });
  while (!exited && size() < Math.max(start, 512) + chunks * record) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 30 * Math.random()));
  child.kill('SIGKILL');
  return (await done).signal;
}

describe('SIGKILL keeps every finished chunk of a dataset run', () => {
  it('three SIGKILLs at random points (after 5-39 more journaled chunks, each followed by a corrupt or torn journal record), then a resume: rows and text export equal an uninterrupted run byte for byte', async () => {
    const dir = tempDir('mbank-kill-');
    const ref = join(dir, 'ref.h5');
    expect((await runMain(args(ref))).code).toBe(0);
    expect(existsSync(journalPath(ref))).toBe(false);
    const path = join(dir, 'run.h5');
    const counts = [0, 1, 2].map(() => 5 + Math.floor(35 * Math.random())); // at most 117 of the 128 chunks: the run never finishes
    for (const [i, chunks] of counts.entries()) {
      expect({ kill: i, chunks, signal: await killedAfter(path, chunks) }).toEqual({ kill: i, chunks, signal: 'SIGKILL' });
      expect(existsSync(path)).toBe(false); // no HDF5 write yet: the journal alone holds the rows
      const j = readJournal(journalPath(path), 4);
      expect(j.chunks.length).toBeGreaterThanOrEqual(counts.slice(0, i + 1).reduce((a, b) => a + b, 0));
      // a complete record failing its checksum, then a record cut short (killed while writing): both dropped
      const bad = chunkRecord(chunk(120, 4, 4), 4);
      if (i === 0) bad[300] ^= 1;
      appendFileSync(journalPath(path), i === 0 ? bad : bad.subarray(0, 57));
      if (i < 2) continue;
      const r = await runMain(args(path));
      expect(r.code).toBe(0);
      expect(r.err).toMatch(new RegExp(`continued from ${4 * j.chunks.length} rows \\(${4 * j.chunks.length} from the journal of an earlier run\\)`));
    }
    const a = await readDataset(ref), b = await readDataset(path);
    for (const key of ['theta', 'logPdf', 'metric', 'positiveDefinite', 'chunkIndex'] as const) expect(Array.from(b[key]!)).toEqual(Array.from(a[key]!));
    expect(b.n).toBe(N);
    expect(readFileSync(join(dir, 'run.txt'))).toEqual(readFileSync(join(dir, 'ref.txt')));
    expect(existsSync(journalPath(path))).toBe(false);
    expect(temporaries(dir)).toEqual([]);
  }, 90000);
});
