/**
 * The scheduler-independent part of `mbank-ts workflow`: the task (`injections` or `dataset`) and
 * its options as the user gives them to that command (ini files expanded, checked by the command's
 * own parser), the command line of shard K of N (the task's options with `--shard K/N` and an output
 * in DIR/shards), the merge command that writes the user's output, and whether a shard is finished
 * (its output complete, as `merge` will check). Jobs run in the directory `workflow` ran in, so
 * relative paths (and the stat file's recorded bank and injection paths) stay as the user wrote them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yargs from 'yargs';
import type { CommandModule } from 'yargs';
import { MbankError, invalid } from '../../core/errors.js';
import { shardLabel, type Shard } from '../../core/shard.js';
import { checkStatsShard } from '../../injections/stats-merge.js';
import type { InjectionStats } from '../../injections/stats.js';
import { readInjections } from '../../injections/io.js';
import { checkDatasetShard } from '../../metric/dataset-merge.js';
import { readDataset } from '../../metric/dataset-file.js';
import { checkOutputPath } from '../../core/atomic-write.js';
import { bankFormatOf } from '../../bank/io.js';
import { chunkComputer } from '../../metric/dataset-chunk.js';
import { checkMetricType } from '../../metric/metric.js';
import { commands } from '../commands/index.js';
import { metricOptionsFromArgs, rangesFromArgs } from '../commands/metric.js';
import { inRunDir } from '../commands/injfile.js';
import { expandIniTokens } from '../ini.js';
import { knownOptions } from '../main.js';

/** The tasks a workflow can shard. */
export const WORKFLOW_TASKS = ['injections', 'dataset'] as const;
/** A task a workflow can shard. */
export type WorkflowTask = (typeof WORKFLOW_TASKS)[number];

/** Placeholder for the shard index in an argument of the shard command; each scheduler substitutes its own variable. */
export const SHARD_INDEX = '{K}';

/** Everything a scheduler backend needs. */
export interface WorkflowPlan {
  task: WorkflowTask;
  /** Number of shards N. */
  count: number;
  /** Absolute work directory (scripts, DIR/shards outputs, DIR/logs). */
  workdir: string;
  /** Directory the jobs run in (where `workflow` ran). */
  cwd: string;
  /** Program and leading arguments that run mbank-ts (node and its bin script). */
  exe: string[];
  /** Arguments of shard K (after `exe`), with {@link SHARD_INDEX} where K goes. */
  shardArgs: string[];
  /** Output file of shard k (1-based). */
  shardOutput: (k: number) => string;
  /** Arguments of the merge job (after `exe`), and the merged output (the task's own output). */
  mergeArgs: string[];
  output: string;
  /** CPUs per job (passed as --workers unless the user gave it). */
  cpus: number;
  /** The task's tokens as given (ini expanded): a workdir made for other tokens is refused. */
  tokens: string[];
}

/** Options of the task that the workflow sets itself, per task. */
const OVERRIDDEN: Record<WorkflowTask, string[]> = {
  injections: ['out', 'shard', 'plot'],
  dataset: ['dataset', 'text-file', 'shard', 'plot'],
};

/** `tokens` without the options `names` (`--x v`, `--x=v`, `--no-x`, boolean `--x [true|false]`). */
export function stripOptions(tokens: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const name = t.startsWith('--') ? t.slice(2).split('=')[0] : '';
    const base = name.startsWith('no-') ? name.slice(3) : name;
    if (!names.includes(base)) { out.push(t); continue; }
    const next = tokens[i + 1];
    if (!t.includes('=') && !name.startsWith('no-') && next !== undefined && !/^--?[A-Za-z]/.test(next)) i++;
  }
  return out;
}

/** Parse the task's tokens with the task's own options (strict: a typo fails here, not on the cluster). */
function parseTask(cmd: CommandModule<object, Record<string, unknown>>, tokens: string[], task: string): Record<string, unknown> {
  let y = yargs(tokens).strict().exitProcess(false).help(false).version(false)
    .fail((msg, err) => { throw err ?? new MbankError(`workflow -- ${task}: ${msg}`); });
  const b = cmd.builder;
  if (typeof b === 'function') y = b(y as never) as never;
  return y.parseSync() as Record<string, unknown>;
}

/** Inputs of {@link planWorkflow}. */
export interface PlanOptions {
  /** `injections ...` or `dataset ...`: the task and its options, ini files allowed. */
  taskTokens: string[];
  count: number;
  workdir: string;
  cpus: number;
  /** How to run mbank-ts on the nodes. */
  exe: string[];
  cwd: string;
}

/** Check the task and its options and build the plan. Throws MbankError on a bad task, option or shard count. */
export async function planWorkflow(o: PlanOptions): Promise<WorkflowPlan> {
  const [task, ...given] = o.taskTokens;
  if (!(WORKFLOW_TASKS as readonly string[]).includes(task)) invalid('workflow task (after --)', task ?? '', `must be one of ${WORKFLOW_TASKS.join(', ')}, e.g. mbank-ts workflow ... -- injections --bank b.h5 --inj-file i.h5`);
  const t = task as WorkflowTask;
  if (!Number.isInteger(o.count) || o.count < 1) invalid('--n-jobs', o.count, 'must be an integer >= 1');
  if (!Number.isInteger(o.cpus) || o.cpus < 1) invalid('--cpus-per-task', o.cpus, 'must be an integer >= 1');
  const cmd = await commands.find((c) => c.name === t)!.load();
  const { tokens } = expandIniTokens(given.map((x) => (!x.startsWith('-') && x.toLowerCase().endsWith('.ini') ? resolve(o.cwd, x) : x)), knownOptions(cmd));
  const args = parseTask(cmd, tokens, t);
  const workdir = resolve(o.cwd, o.workdir);
  const runDir = args['run-dir'] as string | undefined;
  const kept = stripOptions(tokens, OVERRIDDEN[t]);
  const workers = args.workers === undefined ? ['--workers', String(o.cpus)] : [];
  if (t === 'injections') {
    // the bank is read by every shard: a missing or misnamed one fails here (existence and format only: a large bank takes long to read)
    const bank = resolve(o.cwd, String(args.bank));
    bankFormatOf(bank);
    if (!existsSync(bank)) invalid('--bank', String(args.bank), `does not exist (in ${o.cwd})`);
    let n = (await readInjections(resolve(o.cwd, String(args['inj-file'])))).size;
    if (args['n-injs'] !== undefined) n = Math.min(n, Number(args['n-injs']));
    if (o.count > n) invalid('--n-jobs', o.count, `must be <= ${n}, the number of injections`);
  } else {
    for (const k of ['n-points', 'chunk-size']) {
      if (!Number.isInteger(args[k]) || (args[k] as number) < 1) invalid(`--${k}`, args[k], 'must be a positive integer, given once (an ini key and a command-line option of the same name or alias make a list)');
    }
    const chunks = Math.ceil(Number(args['n-points']) / Number(args['chunk-size']));
    if (o.count > chunks) invalid('--n-jobs', o.count, `must be <= ${chunks}, the chunks of --chunk-size ${args['chunk-size']} rows in --n-points ${args['n-points']}`);
    // the settings every shard would refuse (PSD, band, approximant, format, ranges) fail here, not on the cluster
    const metric = metricOptionsFromArgs(args);
    const ranges = rangesFromArgs(args);
    chunkComputer({ metric, metricType: checkMetricType(String(args['metric-type'])), ranges, seed: 0, chunkSize: 1 });
  }
  const name = t === 'injections' ? 'stat' : 'dataset';
  const ext = t === 'injections' ? 'json' : 'h5';
  const shardOutput = (k: number | string) => `${workdir}/shards/${name}_${k}.${ext}`;
  const output = resolve(o.cwd, inRunDir(runDir, String(t === 'injections' ? args.out : args.dataset)));
  const outFlag = t === 'injections' ? '--out' : '--dataset';
  checkOutputPath(outFlag, output);
  const files = Array.from({ length: o.count }, (_, j) => shardOutput(j + 1));
  return {
    task: t, count: o.count, workdir, cwd: o.cwd, exe: o.exe, cpus: o.cpus, tokens,
    shardArgs: [t, ...kept, ...workers, '--shard', `${SHARD_INDEX}/${o.count}`, outFlag, shardOutput(SHARD_INDEX)],
    shardOutput, output,
    mergeArgs: ['merge', t === 'injections' ? '--injection-stat' : '--dataset', ...files, '--out', output],
  };
}

/** True when shard k's output is complete (what `merge` requires of it). */
export async function shardFinished(plan: WorkflowPlan, k: number): Promise<boolean> {
  const path = plan.shardOutput(k);
  if (!existsSync(path)) return false;
  const shard: Shard = { index: k, count: plan.count };
  try {
    if (plan.task === 'injections') {
      const stats = JSON.parse(readFileSync(path, 'utf8')) as InjectionStats;
      if (stats.shard !== shardLabel(shard)) return false;
      checkStatsShard(path, stats, shard);
    } else {
      const ds = await readDataset(path);
      if (ds.attributes.shard !== shardLabel(shard)) return false;
      checkDatasetShard(path, ds, shard);
    }
    return true;
  } catch {
    return false;
  }
}
