import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeBankHdf5 } from '../../src/bank/hdf5.js';
import { Bank } from '../../src/bank/bank.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { saveFlow } from '../../src/flow/weights.js';
import { useTestBackend } from '../flow/helpers.js';
import { alignedBank } from '../bank/helpers.js';
import { runMain, tempDir } from './helpers.js';

const dir = tempDir('mbank-bad-');
const BASE: Record<string, string[]> = {
  'variable-format': ['Mq_s1z_s2z'], psd: ['aLIGOZeroDetHighPower'], 'f-min': ['20'], 'f-max': ['256'], df: ['1'],
  'mtot-range': ['20', '60'], 'q-range': ['1', '3'],
};
/** Options of BASE with `over` replacing (or adding) some; an empty array drops one. */
function opts(over: Record<string, string[]> = {}): string[] {
  return Object.entries({ ...BASE, ...over }).filter(([, v]) => v.length > 0).flatMap(([k, v]) => [`--${k}`, ...v]);
}
const metric = (over: Record<string, string[]> = {}) => ['metric', ...opts(over), '--theta', '40,2,0.3,-0.2'];
const dataset = (over: Record<string, string[]> = {}) => ['dataset', ...opts({ 'n-points': ['8'], workers: ['1'], dataset: [join(dir, 'ds.h5')], ...over })];
const workflow = (workdir: string) => ['workflow', '--scheduler', 'slurm', '--n-jobs', '2', '--workdir', workdir, '--', 'dataset', '--dataset', join(dir, 'wf.h5'),
  '--n-points', '100', '--variable-format', 'Mq_nonspinning', '--psd', 'aLIGOZeroDetHighPower', '--mtot-range', '20', '60'];
/** A workflow of dataset shards whose task options are BASE with `over` (a bad setting must fail here, not in every cluster job). */
const wfTask = (over: Record<string, string[]>) => ['workflow', '--scheduler', 'condor', '--n-jobs', '2', '--workdir', join(dir, 'wf-new'), '--',
  'dataset', ...opts({ 'n-points': ['100'], dataset: [join(dir, 'wf.h5')], ...over })];
const uniformInj = (over: Record<string, string[]>) => ['injfile', '--source', 'uniform', '--n-injs', '5', ...opts({ psd: [], df: [], 'inj-file': [join(dir, 'i.h5')], ...over })];
const nonspinning = (range: string[]) => ['metric', ...opts({ 'variable-format': ['Mq_nonspinning'], 's1-range': range }), '--theta', '40,2'];

beforeAll(async () => {
  await useTestBackend();
  writeFileSync(join(dir, 'narrow-psd.txt'), '10 1e-46\n30 1e-47\n60 1e-46\n');
  writeFileSync(join(dir, 'garbage.h5'), Buffer.from('this is not an HDF5 file at all, just text'.repeat(20)));
  writeFileSync(join(dir, 'a-file'), 'x');
  mkdirSync(join(dir, 'a-dir'));
  const partial = alignedBank(5);
  await writeBankHdf5(join(dir, 'partial.h5'), new Bank({ templates: partial.templates, metadata: { ...partial.metadata, extra: { complete: 0 } } }));
  const flow = new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 3, box: { low: [0, 0], high: [1, 1] }, seed: 1 });
  saveFlow(flow, join(dir, 'nan.safetensors'));
  flow.dispose();
  const bytes = readFileSync(join(dir, 'nan.safetensors'));
  const header = Number(bytes.readBigUInt64LE(0));
  bytes.writeFloatLE(NaN, 8 + header);
  writeFileSync(join(dir, 'nan.safetensors'), bytes);
  writeFileSync(join(dir, 'points.txt'), '0.5 0.5\n');
  writeFileSync(join(dir, 'dup.ini'), '[run]\nvariable-format: Mq_s1z_s2z\nmm: 0.97\nmm: 0.9\n');
  mkdirSync(join(dir, 'wf-bad'));
  writeFileSync(join(dir, 'wf-bad', 'workflow.json'), '{"task": "dat');
  writeFileSync(join(dir, 'not-json.txt'), '# not a stat file\n1 2 3\n');
  writeFileSync(join(dir, 'other.json'), '{"complete": true}');
  writeFileSync(join(dir, 'syntax.ini'), '[run]\nvariable-format: Mq_s1z_s2z\nthis line has no separator\n');
});

/** Each bad input: argv, the exit status, and a regexp the one line must match. */
const cases: Array<[string, () => string[], number, RegExp]> = [
  ['q below 1', () => metric({ 'q-range': ['0.5', '4'] }), 2, /--q-range.*q = m1\/m2 >= 1/],
  ['spin above 1', () => metric({ 's1-range': ['-0.5', '1.5'] }), 2, /--s1-range.*\(-1, 1\)/],
  ['negative total mass', () => metric({ 'mtot-range': ['-10', '50'] }), 2, /--mtot-range.*> 0/],
  ['empty range value', () => metric({ 'mtot-range': ['', '50'] }), 2, /--mtot-range = "".*number/],
  ['one range value', () => metric({ 'mtot-range': ['25'] }), 2, /mtot-range/],
  ['negative exponent fd-step', () => metric({ 'fd-step': ['-1e-6'] }), 2, /fd-step = -0\.000001: must be in/],
  ['df making a 1e9-bin grid', () => metric({ df: ['1e-6'] }), 2, /df = 0\.000001: gives \d+ frequency bins.*at most 16777216/],
  ['unknown PSD', () => metric({ psd: ['nonexist'] }), 2, /psd = "nonexist": neither a file nor a known curve/],
  ['PSD is a directory', () => metric({ psd: [join(dir, 'a-dir')] }), 2, /a-dir/],
  ['PSD not covering the band', () => metric({ psd: [join(dir, 'narrow-psd.txt')] }), 2, /covers \[10, 60\] Hz, not the band \[20, 256\) Hz.*--allow-psd-band-cut/],
  ['f-min above f-max', () => metric({ 'f-min': ['300'] }), 2, /f-max = 256: must be above f-min = 300/],
  ['unknown approximant', () => metric({ approximant: ['Foo'] }), 2, /approximant = "Foo": unknown/],
  ['unknown variable format', () => metric({ 'variable-format': ['Mq_bogus'] }), 2, /Mq_bogus/],
  ['dataset: empty name', () => dataset({ dataset: [''] }), 2, /--dataset = "": must be a file name/],
  ['dataset: missing folder', () => dataset({ dataset: ['/nonexistent/x.h5'] }), 2, /folder \/nonexistent does not exist/],
  ['dataset: a directory', () => dataset({ dataset: [join(dir, 'a-dir')] }), 2, /is a directory/],
  ['dataset: 1e9 rows', () => dataset({ 'n-points': ['1e9'] }), 2, /--n-points = 1000000000: must be <= 10000000/],
  ['dataset: bad PSD with a worker', () => dataset({ psd: ['nonexist'] }), 2, /psd = "nonexist"/],
  ['dataset: unknown approximant with a worker', () => dataset({ approximant: ['Foo'] }), 2, /approximant = "Foo"/],
  ['dataset: df <= 0 with a worker', () => dataset({ df: ['-1'] }), 2, /df = -1/],
  ['injections: missing bank', () => ['injections', '--bank', join(dir, 'missing.h5'), '--inj-file', join(dir, 'missing-inj.h5')], 2, /missing\.h5.*does not exist/],
  ['injections: corrupt bank', () => ['injections', '--bank', join(dir, 'garbage.h5'), '--inj-file', join(dir, 'x.h5')], 2, /garbage\.h5.*not a readable HDF5 file/],
  ['injections: partial bank', () => ['injections', '--bank', join(dir, 'partial.h5'), '--inj-file', join(dir, 'x.h5')], 2, /marked incomplete.*--allow-partial-bank/],
  ['train: corrupt dataset', () => ['train', '--dataset', join(dir, 'garbage.h5'), '--flow-file', join(dir, 'f.safetensors')], 2, /garbage\.h5/],
  ['train: 1e9 layers', () => ['train', '--dataset', join(dir, 'garbage.h5'), '--n-layers', '1e9'], 2, /--n-layers = 1000000000: must be <= 64/],
  ['flow with NaN weights', () => ['flow', 'logprob', '--flow-file', join(dir, 'nan.safetensors'), '--input', join(dir, 'points.txt')], 2, /weight .*= NaN: a flow's weights must be finite/],
  ['place: run-dir is a file', () => ['place', ...opts({ 'run-dir': [join(dir, 'a-file', 'x')] })], 2, /a-file exists and is not a directory/],
  ['place: run-dir under /proc', () => ['place', ...opts({ 'run-dir': ['/proc/mbank-x'] })], 2, /cannot create directory "\/proc\/mbank-x"/],
  ['place: .pdf bank name', () => ['place', ...opts({ 'run-dir': [join(dir, 'p')], 'bank-file': ['bank.pdf'] })], 2, /bank file extension = .*bank\.pdf/],
  ['a value outside the choices', () => metric({ 'fd-order': ['3'] }), 2, /Invalid values: Argument: fd-order, Given: 3, Choices: 2, 4, 6, 8/],
  ['place: empty run-dir', () => ['place', ...opts({ 'run-dir': [''] })], 2, /--run-dir = "": must be a directory name/],
  ['ini: duplicate key', () => ['place', join(dir, 'dup.ini')], 2, /dup\.ini, line 4: key "mm" appears twice.*first at line 3/],
  ['workflow: workdir under /proc', () => workflow('/proc/mbank-wf/x'), 2, /cannot create directory "\/proc\/mbank-wf\/x": ENOENT/],
  ['workflow: workdir under a file', () => workflow(join(dir, 'a-file', 'wf')), 2, /a-file exists and is not a directory/],
  ['workflow: empty workdir', () => workflow(''), 2, /--workdir = "": must be a directory name/],
  ['workflow: corrupt workflow.json', () => workflow(join(dir, 'wf-bad')), 2, /wf-bad: its workflow\.json is unreadable .*use another --workdir, or remove it/],
  ['workflow: a task range outside the physical domain', () => wfTask({ 'mtot-range': ['-10', '50'] }), 2, /--mtot-range = \[-10, 50\]: must lie in the physical domain/],
  ['workflow: a task PSD that does not exist', () => wfTask({ psd: ['nonexist'] }), 2, /psd = "nonexist": neither a file nor a known curve/],
  ['workflow: a task band with f-min above f-max', () => wfTask({ 'f-min': ['300'] }), 2, /f-max = 256: must be above f-min = 300/],
  ['workflow: a task approximant that does not exist', () => wfTask({ approximant: ['Foo'] }), 2, /approximant = "Foo": unknown/],
  ['workflow: an injection task with a missing bank', () => ['workflow', '--scheduler', 'slurm', '--n-jobs', '2', '--workdir', join(dir, 'wf-new'), '--', 'injections', '--bank', join(dir, 'missing.h5'), '--inj-file', join(dir, 'x.h5')], 2, /--bank = ".*missing\.h5": does not exist/],
  ['workflow: a task output in a missing folder', () => wfTask({ dataset: ['/nonexistent/d.h5'] }), 2, /--dataset = "\/nonexistent\/d\.h5": its folder \/nonexistent does not exist/],
  ['merge: a bad --out extension, before reading the inputs', () => ['merge', '--bank', join(dir, 'missing.h5'), '--out', join(dir, 'm.pdf')], 2, /bank file extension = .*m\.pdf/],
  ['merge: --out in a missing folder, before reading the inputs', () => ['merge', '--bank', join(dir, 'missing.h5'), '--out', '/nonexistent/m.h5'], 2, /--out = "\/nonexistent\/m\.h5": its folder/],
  ['merge: a stat file that is not JSON (its excerpt holds a newline)', () => ['merge', '--injection-stat', join(dir, 'not-json.txt'), '--out', join(dir, 's.json')], 2, /not-json\.txt: not readable JSON/],
  ['merge: a JSON file that is not a stat file', () => ['merge', '--injection-stat', join(dir, 'other.json'), '--out', join(dir, 's.json')], 2, /other\.json: not a stat file of mbank-ts injections/],
  ['injfile: f-max below f-min', () => uniformInj({ 'f-min': ['100'], 'f-max': ['50'] }), 2, /--f-max = 50: must be a finite frequency above --f-min = 100 Hz/],
  ['injfile: a GPS start that is not a number', () => uniformInj({ 'gps-start': ['nan'] }), 2, /--gps-start = NaN: must be a finite GPS time/],
  ['place: 1e12 completion probes', () => ['place', ...opts({ 'run-dir': [join(dir, 'p')], 'completion-probes': ['1e12'] })], 2, /--completion-probes = 1000000000000: must be <= 10000000/],
  ['place: completion worst bound above MM', () => ['place', ...opts({ 'run-dir': [join(dir, 'p')], 'completion-worst': ['0.99'] })], 2, /--completion-worst = 0\.99: must be in \(0, MM = 0\.97\]/],
  ['place: completion reach below 1', () => ['place', ...opts({ 'run-dir': [join(dir, 'p')], 'completion-reach': ['0.5'] })], 2, /--completion-reach = 0\.5: must be a number in \[1, 1000\]/],
  ['place: a validation neighbourhood inside the candidate one', () => ['place', ...opts({ 'run-dir': [join(dir, 'p')], 'validation-neighbourhood': ['2'] })], 2, /--validation-neighbourhood = 2: must be a number >= --completion-reach = 16/],
  ['place: fractional hole probes', () => ['place', ...opts({ 'run-dir': [join(dir, 'p')], 'hole-probes': ['1.5'] })], 2, /--hole-probes = 1\.5: must be a non-negative integer/],
  ['place: zero completion rounds', () => ['place', ...opts({ 'run-dir': [join(dir, 'p')], 'completion-rounds': ['0'] })], 2, /--completion-rounds = 0: must be a positive integer/],
  ['a range the format does not use, outside its domain', () => nonspinning(['-0.5', '1.5']), 2, /--s1-range = \[-0\.5, 1\.5\]: must lie in the physical domain: spins are in \(-1, 1\)/],
  ['ini: syntax error', () => ['place', join(dir, 'syntax.ini')], 2, /syntax\.ini, line 3: .*neither \[section\] nor "key: value"/],
];

describe('bad inputs: one line on stderr naming the value, exit 2, nothing left behind', () => {
  for (const [name, argv, code, pattern] of cases) {
    it(name, async () => {
      const before = readdirSync(dir).sort();
      const r = await runMain(argv());
      const lines = r.err.split('\n').filter((l) => l.trim() !== '' && !/^dataset: 0\//.test(l));
      expect(lines, r.err).toHaveLength(1);
      expect(lines[0]).toMatch(/^mbank-ts: /);
      expect(lines[0]).toMatch(pattern);
      expect(r.err).not.toMatch(/HDF5-DIAG|\n\s+at |triggerUncaughtException/);
      expect(r.code).toBe(code);
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(existsSync(join(dir, 'ds.h5'))).toBe(false);
    });
  }
});

describe('range options the variable format does not use', () => {
  it('warn in one line naming the option, the format and its coordinates, and the run goes on (exit 0); the default value is silent', async () => {
    const r = await runMain(nonspinning(['0', '0.5']));
    expect(r.code).toBe(0);
    expect(r.err).toBe('mbank-ts metric: --s1-range 0 0.5 is not used by the variable format Mq_nonspinning (coordinates M, q): ignored\n');
    expect((await runMain(nonspinning(['-0.99', '0.99']))).err).toBe('');
  });
});
