import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBank } from '../../src/bank/io.js';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { isInside, regionFromRanges } from '../../src/coordinates/box.js';
import { parsePlaceArgs } from '../../src/cli/place/options.js';
import { explicitOptionNames, runPlace, withDefaultConfig } from '../../src/cli/place/run.js';
import { StageProgress } from '../../src/cli/place/progress.js';
import type { PlaceSummary } from '../../src/pipeline/place/summary.js';

const quiet = { log: () => undefined, progress: new StageProgress({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream) };

const SMALL_INI = `[small]
variable-format: Mq_nonspinning
approximant: TaylorF2
psd: aLIGOZeroDetHighPower
f-min: 20
f-max: 512
df: 0.5
mtot-range: 20 40
q-range: 1 3
mm: 0.95
n-livepoints: 200
n-datapoints: 256
n-epochs: 2000
batch-size: 200
hidden-features: 8
validation-step: 20
use-ray: true
`;

async function place(tokens: string[]): Promise<PlaceSummary> {
  return runPlace(parsePlaceArgs(tokens).args, quiet);
}

describe('mbank-ts place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mbank-place-'));
  const ini = join(dir, 'small.ini');
  writeFileSync(ini, SMALL_INI);
  const runDir = join(dir, 'run');
  const common = [ini, '--run-dir', runDir, '--seed', '3', '--n-epochs', '150', '--workers', '2'];
  let first: PlaceSummary;

  it('runs dataset -> train -> place from an ini with command-line overrides and writes a bank inside the region', async () => {
    first = await place([...common, '--plot']);
    const bank = await readBank(join(runDir, 'bank.h5'));
    expect(first.complete).toBe(true);
    expect(bank.size).toBeGreaterThan(0);
    expect(bank.size).toBe(first.templates);
    expect(first.flow.trained).toBe(true);
    expect(first.flow.steps).toBe(150);
    expect(first.runName).toBe('small');
    expect(first.coveringFraction).toBeGreaterThanOrEqual(0.9);
    const format = getVariableFormat('Mq_nonspinning');
    const region = regionFromRanges(format, { mtot: [20, 40], q: [1, 3] });
    for (let i = 0; i < bank.size; i++) {
      const row = bank.coordinateRow(i);
      expect(isInside(region, row)).toBe(true);
      const c = format.toPhysical(row);
      expect(bank.templates.mass1[i]).toBeCloseTo(c.m1, 10);
      expect(bank.templates.mass2[i]).toBeCloseTo(c.m2, 10);
    }
    expect(bank.metadata).toMatchObject({ variableFormat: 'Mq_nonspinning', minimalMatch: 0.95, approximant: 'TaylorF2', method: 'random', seed: 3, fMin: 20, fMax: 512 });
    expect(bank.metadata.programVersion).toMatch(/mbank-ts/);
    expect(bank.metadata.extra?.complete).toBe(1);
    for (const f of ['dataset.h5', 'dataset.txt', 'flow.safetensors', 'summary.json', 'args.json', 'bank.png', 'bank_m1m2.png', 'flow_loss.png', 'flow_vs_dataset.png']) {
      expect(existsSync(join(runDir, f)), f).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as PlaceSummary;
    expect(summary.templates).toBe(bank.size);
    expect(summary.volume!.volume).toBeGreaterThan(0);
    expect(summary.flowAccuracy.livepoints!.std).toBeGreaterThan(0);
  });

  it('gives the identical bank when run again with the same seed, reusing the dataset and the flow', async () => {
    const before = await readBank(join(runDir, 'bank.h5'));
    const again = await place(common);
    const after = await readBank(join(runDir, 'bank.h5'));
    expect(again.flow.reused).toBe(true);
    expect(again.flow.trained).toBe(false);
    expect(after.size).toBe(before.size);
    expect(Array.from(after.coordinates!.values)).toEqual(Array.from(before.coordinates!.values));
  });

  it('places from an existing --flow-file alone (settings read from the flow file; bank as .xml.gz) with the templates of the run that trained it', async () => {
    const other = join(dir, 'from-flow');
    const s = await place(['--flow-file', join(runDir, 'flow.safetensors'), '--run-dir', other, '--seed', '3', '--mm', '0.95', '--n-livepoints', '200',
      '--workers', '0', '--bank-file', 'bank.xml.gz', '--ifo', 'H1']);
    expect(s.variableFormat).toBe('Mq_nonspinning');
    expect(s.psd).toBe('aLIGOZeroDetHighPower');
    expect(s.flow.trained).toBe(false);
    expect(s.dataset).toBeUndefined();
    const bank = await readBank(join(other, 'bank.xml.gz'));
    expect(bank.metadata.ifo).toBe('H1');
    const ref = await readBank(join(runDir, 'bank.h5'));
    expect(bank.size).toBe(ref.size);
    for (let i = 0; i < bank.size; i++) expect(bank.templates.mass1[i]).toBeCloseTo(ref.templates.mass1[i], 4);
  });

  it('stops on the abort signal during placing and writes the templates placed so far to bank.partial.h5, marked incomplete, never under the final name', async () => {
    const other = join(dir, 'aborted');
    const ctl = new AbortController();
    class AbortOnPlacing extends StageProgress {
      override start(stage: string, total: number, unit: string): void {
        if (stage === 'placing') ctl.abort();
        super.start(stage, total, unit);
      }
    }
    const progress = new AbortOnPlacing({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream);
    const { args } = parsePlaceArgs(['--flow-file', join(runDir, 'flow.safetensors'), '--run-dir', other, '--seed', '3', '--mm', '0.95',
      '--n-livepoints', '200', '--workers', '0']);
    const s = await runPlace(args, { log: () => undefined, progress, signal: ctl.signal });
    expect(s.complete).toBe(false);
    expect(s.interruptedDuring).toBe('placement');
    expect(s.templates).toBeGreaterThan(0);
    expect(s.templates).toBeLessThan(first.templates);
    expect(existsSync(join(other, 'bank.h5'))).toBe(false);
    const bank = await readBank(join(other, 'bank.partial.h5'));
    expect(bank.size).toBe(s.templates);
    expect(bank.metadata.extra?.complete).toBe(0);
    const summary = JSON.parse(readFileSync(join(other, 'summary.json'), 'utf8')) as PlaceSummary;
    expect(summary.complete).toBe(false);
  });

  it("runs mbank's eccentric example ini up to its PSD file, which is missing here: one line naming it", async () => {
    const { args, ignored } = parsePlaceArgs([join(__dirname, '../fixtures/configs/my_first_eccentric_bank.ini'), '--run-dir', join(dir, 'ecc')]);
    expect(ignored).toContain('tiling-file');
    const err = await runPlace(args, quiet).then(() => null, (e: Error) => e);
    expect(err?.name).toBe('MbankError');
    expect(err?.message).toMatch(/aligo_O3actual_H1\.txt/);
    expect(err?.message).not.toMatch(/\n/);
  });

  it('rejects a minimal match outside (0, 1) and a missing mass range, naming the option', async () => {
    for (const mm of ['1.2', '0', '-0.5']) {
      await expect(place([ini, '--run-dir', join(dir, 'bad'), '--mm', mm])).rejects.toThrow(/--mm = .*\(0, 1\)/);
    }
    await expect(place(['--variable-format', 'Mq_nonspinning', '--psd', 'aLIGOZeroDetHighPower', '--mtot-range', '20', '40', '--run-dir', join(dir, 'bad')]))
      .rejects.toThrow(/--q-range/);
    await expect(place(['--variable-format', 'Mq_foo', '--run-dir', join(dir, 'bad')])).rejects.toThrow(/variable-format = "Mq_foo"/);
  });

  it('fills options from the bundled default ini when no variable format is given, keeping explicit values', () => {
    const { args } = withDefaultConfig(parsePlaceArgs(['--mm', '0.9']).args);
    expect(args['variable-format']).toBe('Mq_s1z_s2z');
    expect(args['run-name']).toBe('default');
    expect(args.approximant).toBe('IMRPhenomD');
    expect(args.mm).toBe(0.9);
  });

  it('keeps a typed option at its default value (--plot false, --covering-fraction 0.9) over the bundled default ini', () => {
    const argv = ['--plot', 'false', '--covering-fraction=0.9', '--no-verbose'];
    const { args } = withDefaultConfig(parsePlaceArgs(argv).args, explicitOptionNames(argv));
    expect(args.plot).toBe(false);
    expect(args['covering-fraction']).toBe(0.9);
    expect(args['variable-format']).toBe('Mq_s1z_s2z');
    const untyped = withDefaultConfig(parsePlaceArgs(argv).args).args;
    expect(untyped.plot).toBe(true); // the ini's plot: true fills a value left at its default
    expect([...explicitOptionNames(argv)].sort()).toEqual(['covering-fraction', 'no-verbose', 'plot', 'verbose']);
  });
});
