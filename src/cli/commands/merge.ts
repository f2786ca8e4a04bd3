/**
 * `mbank-ts merge` (mbank bin/mbank_merge): join banks (`--bank`, any formats, same approximant and
 * coordinates, template_hash unique; `--prune-seams` for banks of neighbouring regions), the stat
 * files of the shards of one injection run (`--injection-stat`) or the files of the shards of one
 * dataset run (`--dataset`) into one file. Shards are checked to belong together with no gap or
 * overlap; the merged file equals the one the unsharded run writes.
 */
import { readFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { MbankError, invalid } from '../../core/errors.js';
import { bankFormatOf, readBank, writeBank } from '../../bank/io.js';
import { checkOutputPath } from '../../core/atomic-write.js';
import { lockOutputs } from '../lock.js';
import { bankSubset, mergeBanks } from '../../bank/merge.js';
import { getModel } from '../../waveforms/registry.js';
import { mergeDatasetShards } from '../../metric/dataset-merge.js';
import { readDataset, writeDataset, writeDatasetText } from '../../metric/dataset-file.js';
import { checkMetricType } from '../../metric/metric.js';
import { saveStats, type InjectionStats } from '../../injections/stats.js';
import { mergeInjectionStats } from '../../injections/stats-merge.js';
import { getVariableFormat } from '../../coordinates/format.js';
import { pruneSeams } from '../merge/seams.js';
import { textPath } from './dataset.js';
import { bankPoints } from './injections.js';
import type { Bank } from '../../bank/bank.js';

function readStats(path: string): InjectionStats {
  let stats: InjectionStats;
  try {
    stats = JSON.parse(readFileSync(path, 'utf8')) as InjectionStats;
  } catch (e) {
    throw new MbankError(`stat file ${path}: not readable JSON (${(e as Error).message})`);
  }
  if (stats?.format !== 'mbank-ts-injection-stats' || typeof stats.settings !== 'object' || stats.settings === null || !Array.isArray(stats.ff)) {
    throw new MbankError(`stat file ${path}: not a stat file of mbank-ts injections (format "mbank-ts-injection-stats" with settings and ff)`);
  }
  return stats;
}

async function mergeBankFiles(paths: string[], args: Record<string, unknown>, log: (s: string) => void): Promise<Bank> {
  let parts = await Promise.all(paths.map(async (name) => ({ name, bank: await readBank(name) })));
  const fmt = parts[0].bank.metadata.variableFormat;
  if (args['prune-seams'] && fmt !== undefined) {
    // XML banks hold no coordinates: the seam test needs them, computed from the templates
    parts = parts.map((p) => (p.bank.coordinates !== undefined ? p : { ...p, bank: p.bank.withCoordinates({ names: getVariableFormat(fmt).names, values: bankPoints(p.bank, fmt) }) }));
  }
  const merged = mergeBanks(parts);
  for (const w of merged.warnings) log(`merge: ${w}`);
  log(`merge: ${parts.map((p) => `${p.name} (${p.bank.size})`).join(' + ')} -> ${merged.bank.size} templates, ${merged.duplicates} duplicate(s) dropped`);
  if (!args['prune-seams']) return merged.bank;
  const b = merged.bank, m = b.metadata;
  const need = (k: string, v: unknown) => { if (v === undefined) invalid(`--prune-seams: bank ${paths[0]} metadata ${k}`, v, 'is required (a bank written by mbank-ts place records it)'); };
  need('variableFormat', m.variableFormat); need('psd', m.psd); need('fMin', m.fMin); need('fMax', m.fMax); need('approximant', m.approximant);
  const approximant = m.approximant!;
  const mm = (args.mm as number | undefined) ?? m.minimalMatch ?? 0.97;
  if (!(mm > 0 && mm < 1)) invalid('--mm', mm, 'must be in (0, 1)');
  const width = args['seam-width'] as number;
  if (!(width >= 0)) invalid('--seam-width', width, 'must be >= 0');
  const candidates = args['seam-candidates'] as number;
  if (!(Number.isInteger(candidates) && candidates >= 1)) invalid('--seam-candidates', candidates, 'must be an integer >= 1');
  const recorded = m.extra?.metricType;
  const metricType = checkMetricType(String((args['metric-type'] as string | undefined) ?? recorded ?? (getModel(approximant).only22 ? 'hessian' : 'symphony')));
  const asd = m.extra?.asd === 1 || m.extra?.asd === 'true';
  const metric = { variableFormat: m.variableFormat!, approximant, psd: m.psd!, asd, fMinHz: m.fMin!, fMaxHz: m.fMax!, df: m.df ?? 0.25 };
  const t0 = Date.now();
  const { keep, reports } = pruneSeams(b, merged.ranges, {
    metric, metricType, mm, width, candidates,
    match: { approximant, psd: metric.psd, asd, fMinHz: metric.fMinHz, fMaxHz: metric.fMaxHz, df: metric.df, mchirpWindow: 0.1, minCandidates: candidates },
  });
  reports.forEach((r, j) => log(`merge: seam ${paths[j + 1]}: ${r.examined} templates in the strip, ${r.metricCovered} metric-covered, ${r.dropped} dropped (match >= ${mm} confirmed)`));
  const pruned = bankSubset(b, keep);
  log(`merge: ${pruned.size} templates after seam pruning (${b.size - pruned.size} dropped, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return pruned;
}

/** The `merge` command. */
export const mergeCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'merge',
  describe: 'merge banks, the stat files of injection shards, or dataset shards into one file',
  builder: (y) =>
    y
      .option('bank', { type: 'string', array: true, describe: 'bank files (.h5, .xml, .xml.gz, .txt) with the same approximant and coordinates' })
      .option('injection-stat', { type: 'string', array: true, describe: 'stat files of the shards (injections --shard K/N) of one injection run' })
      .option('dataset', { type: 'string', array: true, describe: 'HDF5 files of the shards (dataset --shard K/N) of one dataset run' })
      .option('out', { type: 'string', demandOption: true, describe: 'merged file (bank: format from the extension; dataset: HDF5, with a .txt export)' })
      .option('prune-seams', { type: 'boolean', default: false, describe: 'banks of neighbouring regions: drop templates of a later bank that an earlier one covers (metric distance, confirmed by match)' })
      .option('mm', { type: 'number', describe: '--prune-seams: minimal match (default: the first bank\'s)' })
      .option('seam-width', { type: 'number', default: 0.1, describe: '--prune-seams: examined strip around the earlier banks, as a fraction of their extent per coordinate' })
      .option('seam-candidates', { type: 'number', default: 5, describe: '--prune-seams: nearest earlier templates (metric distance) whose match is computed' })
      .option('metric-type', { type: 'string', choices: ['hessian', 'symphony', 'parabolic_fit_hessian'], describe: '--prune-seams: metric (default: the bank\'s)' }) as never,
  handler: async (args) => {
    const kinds = (['bank', 'injection-stat', 'dataset'] as const).filter((k) => args[k] !== undefined);
    if (kinds.length !== 1) invalid('merge inputs', kinds.map((k) => `--${k}`).join(' '), 'give exactly one of --bank, --injection-stat, --dataset');
    const kind = kinds[0];
    const files = (args[kind] as unknown[]).map(String);
    if (files.length === 0) invalid(`--${kind}`, files, 'needs at least one file');
    const out = args.out as string;
    if (files.includes(out)) invalid('--out', out, 'must not be one of the inputs');
    if (args['prune-seams'] && kind !== 'bank') invalid('--prune-seams', true, 'applies to --bank only');
    // the output and the options are checked before any input is read (merging a large bank takes minutes)
    checkOutputPath('--out', out);
    if (kind === 'bank') bankFormatOf(out);
    if (args.mm !== undefined && !((args.mm as number) > 0 && (args.mm as number) < 1)) invalid('--mm', args.mm, 'must be in (0, 1)');
    if (!((args['seam-width'] as number) >= 0)) invalid('--seam-width', args['seam-width'], 'must be >= 0');
    if (!(Number.isInteger(args['seam-candidates']) && (args['seam-candidates'] as number) >= 1)) invalid('--seam-candidates', args['seam-candidates'], 'must be an integer >= 1');
    const log = (s: string) => process.stderr.write(`${s}\n`);
    const release = lockOutputs(kind === 'dataset' ? [out, textPath(out)] : [out], 'merge');
    try {
      await mergeInto(kind, files, out, args, log);
    } finally {
      release();
    }
  },
};

/** Merge the files of one kind into `out`. */
async function mergeInto(kind: 'bank' | 'injection-stat' | 'dataset', files: string[], out: string, args: Record<string, unknown>, log: (s: string) => void): Promise<void> {
  if (kind === 'bank') {
    const bank = await mergeBankFiles(files, args, log);
    for (const w of await writeBank(out, bank)) log(`merge: ${w}`);
    log(`merge: bank of ${bank.size} templates written to ${out}`);
  } else if (kind === 'injection-stat') {
    const stats = mergeInjectionStats(files.map((name) => ({ name, stats: readStats(name) })));
    saveStats(out, stats);
    log(`merge: ${files.length} shard stat files, ${stats.n} injections -> ${out}`);
  } else {
    const parts = await Promise.all(files.map(async (name) => ({ name, dataset: await readDataset(name) })));
    const ds = mergeDatasetShards(parts);
    await writeDataset(out, ds);
    writeDatasetText(textPath(out), ds);
    log(`merge: ${files.length} dataset shards, ${ds.n} rows -> ${out} (text: ${textPath(out)})`);
  }
}
