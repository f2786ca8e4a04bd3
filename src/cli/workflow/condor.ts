/**
 * HTCondor backend of `mbank-ts workflow` (mbank_injections_workflow's layout): DIR/shard.sub runs
 * shard $(shard) (a VARS macro per DAG node), DIR/merge.sub the merge; DIR/workflow.dag has the
 * shard jobs as parents of the merge job, each retried `retry` times. `condor_submit_dag
 * DIR/workflow.dag` runs it; after a failure DAGMan's rescue DAG reruns the failed nodes only, and
 * a regenerated DAG marks finished shards DONE. Logs: DIR/logs/shard_K.out/.err, one job log.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { makeDirectory, writeFileAtomic } from '../../core/atomic-write.js';
import { MbankError } from '../../core/errors.js';
import { SHARD_INDEX, shardFinished, type WorkflowPlan } from './plan.js';

/** Resources of the jobs (undefined: the pool's default). */
export interface CondorResources {
  /** request_memory, e.g. "2GB". */
  mem?: string;
  /** DAG RETRY count per node. */
  retry: number;
}

/**
 * Arguments in HTCondor's new syntax (condor_submit manual, "arguments"): the whole list in double
 * quotes, each argument in single quotes, ' doubled, " doubled; {@link SHARD_INDEX} becomes $(shard).
 */
export function condorArguments(args: readonly string[]): string {
  return `"${args.map((a) => `'${a.replace(/'/g, "''").replace(/"/g, '""').split(SHARD_INDEX).join('$(shard)')}'`).join(' ')}"`;
}

function submitFile(plan: WorkflowPlan, r: CondorResources, args: string[], log: string): string {
  const lines = [
    'universe = vanilla',
    `executable = ${plan.exe[0]}`,
    `arguments = ${condorArguments([...plan.exe.slice(1), ...args])}`,
    `initialdir = ${plan.cwd}`,
    `output = ${join(plan.workdir, 'logs', `${log}.out`)}`,
    `error = ${join(plan.workdir, 'logs', `${log}.err`)}`,
    `log = ${join(plan.workdir, 'logs', 'workflow.log')}`,
    'getenv = True',
    `request_cpus = ${plan.cpus}`,
    ...(r.mem !== undefined ? [`request_memory = ${r.mem}`] : []),
    'queue',
  ];
  return `${lines.join('\n')}\n`;
}

/** The files the HTCondor backend writes, by name; `done[k-1]` marks shard k DONE in the DAG. */
export function condorFiles(plan: WorkflowPlan, r: CondorResources, done: readonly boolean[]): Record<string, string> {
  const shardSub = join(plan.workdir, 'shard.sub'), mergeSub = join(plan.workdir, 'merge.sub');
  const dag = [`# mbank-ts ${plan.task} in ${plan.count} shards, then merge into ${plan.output}`];
  const names = Array.from({ length: plan.count }, (_, j) => `shard_${j + 1}`);
  names.forEach((name, j) => {
    dag.push(`JOB ${name} ${shardSub}${done[j] ? ' DONE' : ''}`, `VARS ${name} shard="${j + 1}"`);
    if (r.retry > 0) dag.push(`RETRY ${name} ${r.retry}`);
  });
  dag.push(`JOB merge ${mergeSub}`, `PARENT ${names.join(' ')} CHILD merge`);
  return {
    'shard.sub': submitFile(plan, r, plan.shardArgs, 'shard_$(shard)'),
    'merge.sub': submitFile(plan, r, plan.mergeArgs, 'merge'),
    'workflow.dag': `${dag.join('\n')}\n`,
  };
}

/** Write the HTCondor files into the work directory (finished shards marked DONE). */
export async function writeCondor(plan: WorkflowPlan, r: CondorResources): Promise<{ files: string[]; done: number }> {
  for (const d of ['shards', 'logs']) makeDirectory(join(plan.workdir, d));
  const done: boolean[] = [];
  for (let k = 1; k <= plan.count; k++) done.push(await shardFinished(plan, k));
  const files: string[] = [];
  for (const [name, text] of Object.entries(condorFiles(plan, r, done))) {
    const path = join(plan.workdir, name);
    writeFileAtomic(path, text);
    files.push(path);
  }
  return { files, done: done.filter(Boolean).length };
}

/** Run condor_submit_dag on the DAG; returns its output. */
export function submitCondor(plan: WorkflowPlan): string {
  try {
    return execFileSync('condor_submit_dag', ['-force', join(plan.workdir, 'workflow.dag')], { encoding: 'utf8', cwd: plan.workdir, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new MbankError('workflow --submit: condor_submit_dag not found (is HTCondor installed here?); the files are written, run condor_submit_dag DIR/workflow.dag on the submit node');
    throw new MbankError(`workflow --submit: condor_submit_dag failed: ${String(err.stderr ?? err.message).trim()}`);
  }
}
