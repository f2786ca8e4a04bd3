/**
 * Slurm backend of `mbank-ts workflow`: DIR/shard.sh is a job array (task K = shard K, logs
 * DIR/logs/shard_K.out/.err), DIR/merge.sh the merge job, held with --dependency=afterok on the
 * array; DIR/submit.sh submits both by hand. `submitSlurm` does the same through sbatch, for the
 * unfinished shards only, so running `workflow --submit` again after a failure reruns just those.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirectory, writeFileAtomic } from '../../core/atomic-write.js';
import { MbankError } from '../../core/errors.js';
import { SHARD_INDEX, shardFinished, type WorkflowPlan } from './plan.js';

/** Resources of the jobs, as sbatch options (undefined: the cluster's default). */
export interface SlurmResources {
  partition?: string;
  time?: string;
  mem?: string;
}

/** One argument quoted for bash; {@link SHARD_INDEX} becomes "${K}". */
export function bashQuote(arg: string): string {
  return arg.split(SHARD_INDEX).map((p) => `'${p.replace(/'/g, `'\\''`)}'`).join('"${K}"').replace(/^''(?=")|(?<=")''$/g, '');
}

function header(plan: WorkflowPlan, r: SlurmResources, name: string, log: string): string[] {
  const lines = [
    '#!/bin/bash',
    `#SBATCH --job-name=${name}`,
    `#SBATCH --chdir=${plan.cwd}`,
    `#SBATCH --output=${join(plan.workdir, 'logs', `${log}.out`)}`,
    `#SBATCH --error=${join(plan.workdir, 'logs', `${log}.err`)}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${plan.cpus}`,
  ];
  if (r.partition !== undefined) lines.push(`#SBATCH --partition=${r.partition}`);
  if (r.time !== undefined) lines.push(`#SBATCH --time=${r.time}`);
  if (r.mem !== undefined) lines.push(`#SBATCH --mem=${r.mem}`);
  return lines;
}

/** The files the Slurm backend writes, by name. */
export function slurmFiles(plan: WorkflowPlan, r: SlurmResources): Record<string, string> {
  const run = (args: string[]) => `exec ${[...plan.exe, ...args].map(bashQuote).join(' ')}`;
  const shard = [
    ...header(plan, r, `mbank-ts-${plan.task}`, 'shard_%a'),
    `#SBATCH --array=1-${plan.count}`,
    `# shard K of ${plan.count} of \`mbank-ts ${plan.task}\`; \`mbank-ts workflow ... --submit\` again resubmits the unfinished shards only`,
    'set -euo pipefail',
    'K="${SLURM_ARRAY_TASK_ID:?run through sbatch --array, or set SLURM_ARRAY_TASK_ID}"',
    run(plan.shardArgs),
  ];
  const merge = [
    ...header(plan, r, `mbank-ts-${plan.task}-merge`, 'merge'),
    // a failed shard makes afterok unsatisfiable: cancel the merge rather than leave it pending for ever
    '#SBATCH --kill-on-invalid-dep=yes',
    `# merges the ${plan.count} shards into ${plan.output} (checks they belong together, no gap, no overlap)`,
    'set -euo pipefail',
    run(plan.mergeArgs),
  ];
  const submit = [
    '#!/bin/bash',
    '# submit every shard and the merge job held until all shards succeed (mbank-ts workflow --submit skips finished shards)',
    'set -euo pipefail',
    `jid=$(sbatch --parsable ${bashQuote(join(plan.workdir, 'shard.sh'))})`,
    `sbatch --parsable --dependency=afterok:"\${jid%%;*}" ${bashQuote(join(plan.workdir, 'merge.sh'))}`,
  ];
  return { 'shard.sh': `${shard.join('\n')}\n`, 'merge.sh': `${merge.join('\n')}\n`, 'submit.sh': `${submit.join('\n')}\n` };
}

/** Write the Slurm files into the work directory (and make DIR/shards, DIR/logs). */
export function writeSlurm(plan: WorkflowPlan, r: SlurmResources): string[] {
  for (const d of ['shards', 'logs']) makeDirectory(join(plan.workdir, d));
  const out: string[] = [];
  for (const [name, text] of Object.entries(slurmFiles(plan, r))) {
    const path = join(plan.workdir, name);
    writeFileAtomic(path, text);
    chmodSync(path, 0o755);
    out.push(path);
  }
  return out;
}

/** "1-3,5,7-8" from sorted shard indices (sbatch --array syntax). */
export function arraySpec(ks: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ks.length; i++) {
    let j = i;
    while (j + 1 < ks.length && ks[j + 1] === ks[j] + 1) j++;
    parts.push(i === j ? String(ks[i]) : `${ks[i]}-${ks[j]}`);
    i = j;
  }
  return parts.join(',');
}

function sbatch(args: string[]): string {
  try {
    return execFileSync('sbatch', ['--parsable', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split(';')[0];
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new MbankError('workflow --submit: sbatch not found (is Slurm installed here?); the scripts are written, submit DIR/submit.sh on the cluster');
    throw new MbankError(`workflow --submit: sbatch ${args.join(' ')} failed: ${String(err.stderr ?? err.message).trim()}`);
  }
}

/** Job ids of this workflow that squeue still lists (empty when none or squeue does not know them). */
function stillQueued(workdir: string): string[] {
  const path = join(workdir, 'submitted.json');
  if (!existsSync(path)) return [];
  const ids = (JSON.parse(readFileSync(path, 'utf8')) as { jobs: string[] }).jobs;
  if (ids.length === 0) return [];
  try {
    return execFileSync('squeue', ['-h', '-o', '%A', '-j', ids.join(',')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

/** What a submission did. */
export interface SlurmSubmission {
  /** Shards submitted (the others were finished), their array job id, and the merge job id. */
  shards: number[];
  arrayJob?: string;
  mergeJob?: string;
}

/** Submit the unfinished shards and the merge job (nothing when everything is done and merged). */
export async function submitSlurm(plan: WorkflowPlan): Promise<SlurmSubmission> {
  const queued = stillQueued(plan.workdir);
  if (queued.length > 0) throw new MbankError(`workflow --submit: jobs ${queued.join(', ')} of ${plan.workdir} are still queued or running; wait for them or scancel them first`);
  const pending: number[] = [];
  for (let k = 1; k <= plan.count; k++) if (!(await shardFinished(plan, k))) pending.push(k);
  const newest = Math.max(...Array.from({ length: plan.count }, (_, j) => (existsSync(plan.shardOutput(j + 1)) ? statSync(plan.shardOutput(j + 1)).mtimeMs : Infinity)));
  if (pending.length === 0 && existsSync(plan.output) && statSync(plan.output).mtimeMs >= newest) return { shards: [] };
  const sub: SlurmSubmission = { shards: pending };
  if (pending.length > 0) sub.arrayJob = sbatch([`--array=${arraySpec(pending)}`, join(plan.workdir, 'shard.sh')]);
  sub.mergeJob = sbatch([...(sub.arrayJob ? [`--dependency=afterok:${sub.arrayJob}`] : []), join(plan.workdir, 'merge.sh')]);
  writeFileAtomic(join(plan.workdir, 'submitted.json'), `${JSON.stringify({ jobs: [sub.arrayJob, sub.mergeJob].filter(Boolean), shards: pending }, null, 1)}\n`);
  return sub;
}
