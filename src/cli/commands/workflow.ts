/**
 * `mbank-ts workflow`: run `injections` or `dataset` on a cluster as N shards plus a merge job
 * (mbank_injections_workflow, sbank_pipe). The task and its options (ini files allowed) follow `--`
 * exactly as they would be given to the task itself; the workflow checks them, writes the Slurm
 * scripts or the HTCondor DAG into --workdir, and with --submit submits them (Slurm: only the
 * unfinished shards, so running the same command again after a failure reruns just those).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';
import { MbankError, invalid } from '../../core/errors.js';
import { makeDirectory, writeFileAtomic } from '../../core/atomic-write.js';
import { planWorkflow, type WorkflowPlan } from '../workflow/plan.js';
import { submitSlurm, writeSlurm } from '../workflow/slurm.js';
import { submitCondor, writeCondor } from '../workflow/condor.js';

/** node and this installation's bin/mbank-ts, absolute, so jobs run the same code. */
function defaultExe(): string[] {
  const bin = fileURLToPath(new URL('../../../bin/mbank-ts', import.meta.url));
  return existsSync(bin) ? [process.execPath, bin] : ['mbank-ts'];
}

/** Refuse a work directory made for another task or other options (its shard outputs would be mixed in). */
function checkWorkdir(plan: WorkflowPlan): void {
  const path = join(plan.workdir, 'workflow.json');
  const now = { task: plan.task, count: plan.count, tokens: plan.tokens, cwd: plan.cwd };
  if (existsSync(path)) {
    let old: typeof now;
    try {
      old = JSON.parse(readFileSync(path, 'utf8')) as typeof now;
    } catch (err) {
      throw new MbankError(`--workdir ${plan.workdir}: its workflow.json is unreadable (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): use another --workdir, or remove it`);
    }
    for (const k of Object.keys(now) as (keyof typeof now)[]) {
      if (JSON.stringify(old[k]) !== JSON.stringify(now[k])) {
        throw new MbankError(`--workdir ${plan.workdir} holds a workflow made with ${k} = ${JSON.stringify(old[k])}, this one has ${JSON.stringify(now[k])}: use another --workdir, or remove it`);
      }
    }
  }
  makeDirectory(plan.workdir);
  writeFileAtomic(path, `${JSON.stringify(now, null, 1)}\n`);
}

/** The `workflow` command. */
export const workflowCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'workflow',
  describe: 'run injections or dataset as N shards + a merge job on Slurm (job array) or HTCondor (DAG): mbank-ts workflow [options] -- <task> <its options>',
  builder: (y) =>
    y
      .parserConfiguration({ 'populate--': true })
      .usage('mbank-ts workflow --scheduler slurm|condor --n-jobs N --workdir DIR [--submit] -- injections|dataset <options or ini of that command>')
      .option('scheduler', { type: 'string', choices: ['slurm', 'condor'], demandOption: true, describe: 'Slurm job array + merge job (afterok), or HTCondor DAG' })
      .option('n-jobs', { type: 'number', demandOption: true, describe: 'number of shards N (jobs)' })
      .option('workdir', { type: 'string', demandOption: true, describe: 'directory of the scripts, shard outputs (DIR/shards) and logs (DIR/logs)' })
      .option('submit', { type: 'boolean', default: false, describe: 'submit (sbatch: the unfinished shards only; condor_submit_dag)' })
      .option('cpus-per-task', { type: 'number', default: 1, describe: 'CPUs per job (the task gets --workers with it unless given)' })
      .option('mem', { type: 'string', describe: 'memory per job (Slurm --mem, e.g. 4G; HTCondor request_memory, e.g. 4GB)' })
      .option('time', { type: 'string', describe: 'Slurm --time limit per job, e.g. 02:00:00' })
      .option('partition', { type: 'string', describe: 'Slurm partition' })
      .option('retry', { type: 'number', default: 1, describe: 'HTCondor: DAG retries of a failed shard' })
      .option('exe', { type: 'string', describe: 'command that runs mbank-ts on the nodes (default: this node and bin/mbank-ts, absolute)' }) as never,
  handler: async (args) => {
    const taskTokens = ((args['--'] as unknown[] | undefined) ?? []).map(String);
    if (taskTokens.length === 0) invalid('workflow task', '', 'give the task after --, e.g. mbank-ts workflow --scheduler slurm --n-jobs 4 --workdir wf -- injections --bank b.h5 --inj-file i.h5');
    const retry = args.retry as number;
    if (!Number.isInteger(retry) || retry < 0) invalid('--retry', retry, 'must be an integer >= 0');
    if (typeof args.workdir !== 'string' || args.workdir.trim() === '') invalid('--workdir', args.workdir, 'must be a directory name (it gets the scripts, DIR/shards and DIR/logs)');
    const exe = args.exe !== undefined ? String(args.exe).trim().split(/\s+/) : defaultExe();
    const plan = await planWorkflow({
      taskTokens, count: args['n-jobs'] as number, workdir: args.workdir as string, cpus: args['cpus-per-task'] as number, exe, cwd: process.cwd(),
    });
    checkWorkdir(plan);
    const log = (s: string) => process.stderr.write(`${s}\n`);
    if (args.scheduler === 'slurm') {
      const files = writeSlurm(plan, { partition: args.partition as string | undefined, time: args.time as string | undefined, mem: args.mem as string | undefined });
      log(`workflow: ${plan.count} ${plan.task} shards -> ${plan.output}; wrote ${files.join(', ')}`);
      if (!args.submit) { log(`workflow: submit with ${join(plan.workdir, 'submit.sh')} or --submit`); return; }
      const sub = await submitSlurm(plan);
      if (sub.mergeJob === undefined) log(`workflow: every shard is finished and ${plan.output} is merged: nothing to submit`);
      else {
        log(`workflow: submitted ${sub.shards.length > 0 ? `shards ${sub.shards.join(',')} as array job ${sub.arrayJob}, ` : 'no shard (all finished), '}merge job ${sub.mergeJob}` +
          `${sub.arrayJob ? ` (afterok:${sub.arrayJob})` : ''}; ${plan.count - sub.shards.length} finished shard(s) skipped; logs in ${resolve(plan.workdir, 'logs')}`);
        process.stdout.write(`${JSON.stringify(sub)}\n`);
      }
    } else {
      const { files, done } = await writeCondor(plan, { mem: args.mem as string | undefined, retry });
      log(`workflow: ${plan.count} ${plan.task} shards (${done} finished, marked DONE) -> ${plan.output}; wrote ${files.join(', ')}`);
      if (!args.submit) { log(`workflow: submit with condor_submit_dag ${join(plan.workdir, 'workflow.dag')} or --submit`); return; }
      process.stdout.write(submitCondor(plan));
    }
  },
};
