import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bank } from '../../src/bank/bank.js';
import { Rng } from '../../src/core/rng.js';
import { injectionsFromComponents } from '../../src/injections/draw.js';
import { writeInjections } from '../../src/injections/io.js';
import { runFittingFactors } from '../../src/cli/injections/run.js';
import { planWorkflow, SHARD_INDEX, stripOptions, type WorkflowPlan } from '../../src/cli/workflow/plan.js';
import { arraySpec, submitSlurm, writeSlurm } from '../../src/cli/workflow/slurm.js';
import { writeCondor } from '../../src/cli/workflow/condor.js';
import { workflowCommand } from '../../src/cli/commands/workflow.js';

let dir: string;
let printArgs: string;
const bankPath = () => join(dir, "my bank's.txt"); // a space and a quote: the scripts must quote them
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mbank-workflow-'));
  const rng = new Rng(2);
  const comps = Array.from({ length: 7 }, () => ({ m1: rng.uniformIn(10, 12), m2: rng.uniformIn(6, 8), s1x: 0, s1y: 0, s1z: 0, s2x: 0, s2y: 0, s2z: 0, e: 0, meanano: 0, iota: 0, phi: 0 }));
  await writeInjections(join(dir, 'injs.h5'), injectionsFromComponents(comps, rng));
  writeFileSync(bankPath(), 'mass1 mass2\n11 7\n'); // the plan checks that the bank exists
  printArgs = join(dir, 'print-args.cjs');
  writeFileSync(printArgs, 'process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }));\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const injTask = () => ['injections', '--bank', bankPath(), '--inj-file', 'injs.h5', '--min-candidates', '4', '--out', 'final.json', '--plot'];
const plan = (workdir: string, task = injTask(), count = 3) => planWorkflow({ taskTokens: task, count, workdir, cpus: 2, exe: [process.execPath, printArgs], cwd: dir });
const withK = (args: string[], k: number) => args.map((a) => a.split(SHARD_INDEX).join(String(k)));

describe('workflow plan', () => {
  it('strips the options the workflow sets itself, with their values, and keeps the others', () => {
    expect(stripOptions(['--out', 'a', '--plot', '--s1-range', '-0.9', '0.9', '--out=b', '--no-plot', '--shard', '1/2', '--mm', '0.9'], ['out', 'plot', 'shard']))
      .toEqual(['--s1-range', '-0.9', '0.9', '--mm', '0.9']);
  });

  it('shard K runs the task with the user options, --shard K/N, --workers and an output in DIR/shards; the merge writes the user output', async () => {
    const p = await plan('wf');
    expect(p.workdir).toBe(join(dir, 'wf'));
    expect(withK(p.shardArgs, 2)).toEqual(['injections', '--bank', bankPath(), '--inj-file', 'injs.h5', '--min-candidates', '4', '--workers', '2', '--shard', '2/3', '--out', join(dir, 'wf/shards/stat_2.json')]);
    expect(p.output).toBe(join(dir, 'final.json'));
    expect(p.mergeArgs).toEqual(['merge', '--injection-stat', ...[1, 2, 3].map((k) => join(dir, `wf/shards/stat_${k}.json`)), '--out', join(dir, 'final.json')]);
  });

  it('refuses a bad task, a typo in the task options and more shards than injections, before anything is submitted', async () => {
    await expect(plan('wf', ['place'])).rejects.toThrow(/workflow task \(after --\) = "place": must be one of injections, dataset/);
    await expect(plan('wf', [...injTask(), '--min-candidate', '3'])).rejects.toThrow(/min-candidate/);
    await expect(plan('wf', injTask(), 8)).rejects.toThrow(/--n-jobs = 8: must be <= 7, the number of injections/);
    const ds = ['dataset', '--variable-format', 'Mq_nonspinning', '--psd', 'x', '--n-points', '10', '--chunk-size', '4', '--dataset', 'd.h5'];
    await expect(plan('wf', ds, 4)).rejects.toThrow(/must be <= 3, the chunks/);
    await expect(plan('wf', [...ds, '--n-datapoints', '20'], 2)).rejects.toThrow(/--n-points = \[10, 20\]: must be a positive integer, given once/);
  });
});

describe('Slurm files', () => {
  let p: WorkflowPlan;
  beforeAll(async () => { p = await plan('wf-slurm'); writeSlurm(p, { time: '01:00:00', mem: '2G' }); });

  it('shard.sh is a job array whose task K runs exactly the shard-K command line in the workflow directory, logs per shard', () => {
    const text = readFileSync(join(p.workdir, 'shard.sh'), 'utf8');
    for (const line of ['#SBATCH --array=1-3', '#SBATCH --cpus-per-task=2', '#SBATCH --time=01:00:00', '#SBATCH --mem=2G', `#SBATCH --output=${p.workdir}/logs/shard_%a.out`, `#SBATCH --chdir=${dir}`]) {
      expect(text.split('\n')).toContain(line);
    }
    // run the script as Slurm would (bash, task id set), with a program that prints its arguments
    const out = JSON.parse(execFileSync('bash', [join(p.workdir, 'shard.sh')], { cwd: dir, env: { ...process.env, SLURM_ARRAY_TASK_ID: '2' }, encoding: 'utf8' }));
    expect(out.argv).toEqual(withK(p.shardArgs, 2));
    expect(out.argv[2]).toBe(bankPath());
  });

  it('merge.sh runs the merge; submit.sh holds it with afterok on the array job', () => {
    const out = JSON.parse(execFileSync('bash', [join(p.workdir, 'merge.sh')], { cwd: dir, encoding: 'utf8' }));
    expect(out.argv).toEqual(p.mergeArgs);
    expect(readFileSync(join(p.workdir, 'merge.sh'), 'utf8').split('\n')).toContain('#SBATCH --kill-on-invalid-dep=yes');
    expect(readFileSync(join(p.workdir, 'submit.sh'), 'utf8')).toMatch(/sbatch --parsable --dependency=afterok:"\$\{jid%%;\*\}" '.*merge.sh'/);
  });

  it('--submit submits only the unfinished shards (sbatch --array) and the merge with --dependency=afterok', async () => {
    expect(arraySpec([1, 2, 3, 5, 7, 8])).toBe('1-3,5,7-8');
    const bin = join(dir, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    const calls = join(dir, 'sbatch-calls');
    writeFileSync(join(bin, 'sbatch'), `#!/bin/bash\necho "$*" >> '${calls}'\necho $(( $(wc -l < '${calls}') + 40 ))\n`);
    chmodSync(join(bin, 'sbatch'), 0o755);
    // shard 2 finished: its stat file is complete
    const bank = new Bank({ templates: { mass1: [10, 11, 12], mass2: [7, 7, 6] }, metadata: { fMin: 20, fMax: 512, df: 1, psd: 'aLIGOZeroDetHighPower', approximant: 'TaylorF2' } });
    const { readInjections } = await import('../../src/injections/io.js');
    await runFittingFactors({
      bank, injections: await readInjections(join(dir, 'injs.h5')), statPath: p.shardOutput(2), identity: { shard: '2/3' }, workers: 0, shard: { index: 2, count: 3 },
      settings: { approximant: 'TaylorF2', psd: 'aLIGOZeroDetHighPower', asd: false, fMinHz: 20, fMaxHz: 512, df: 1, mchirpWindow: 0.1, minCandidates: 3 },
    });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      const sub = await submitSlurm(p);
      expect(sub).toEqual({ shards: [1, 3], arrayJob: '41', mergeJob: '42' });
    } finally {
      process.env.PATH = path;
    }
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      `--parsable --array=1,3 ${p.workdir}/shard.sh`, `--parsable --dependency=afterok:41 ${p.workdir}/merge.sh`,
    ]);
  });
});

/** HTCondor submit-file arguments in the new syntax: "..." around the list, '...' around an argument, '' and "" doubled. */
function parseCondorArguments(value: string): string[] {
  expect(value.startsWith('"') && value.endsWith('"')).toBe(true);
  const s = value.slice(1, -1).replace(/""/g, '"');
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ' ') { i++; continue; }
    let arg = '';
    while (i < s.length && s[i] !== ' ') {
      if (s[i] === "'") {
        i++;
        while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) { arg += s[i]; i += s[i] === "'" ? 2 : 1; }
        i++;
      } else arg += s[i++];
    }
    out.push(arg);
  }
  return out;
}

function parseSubmit(path: string): Record<string, string> {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  expect(lines.at(-1)).toBe('queue');
  return Object.fromEntries(lines.slice(0, -1).map((l) => { const m = /^([a-z_]+) = (.*)$/.exec(l); expect(m).not.toBeNull(); return [m![1], m![2]]; }));
}

describe('HTCondor files (HTCondor is not in Debian: checked by parsing)', () => {
  it('the DAG has the N shard jobs as parents of the merge job; each node\'s submit file runs its command with existing paths', async () => {
    const p = await plan('wf-condor');
    await writeCondor(p, { retry: 2, mem: '2GB' });
    const dag = readFileSync(join(p.workdir, 'workflow.dag'), 'utf8').trim().split('\n').filter((l) => !l.startsWith('#'));
    const jobs = dag.filter((l) => l.startsWith('JOB ')).map((l) => l.split(' '));
    expect(jobs.map((j) => j[1])).toEqual(['shard_1', 'shard_2', 'shard_3', 'merge']);
    const vars = Object.fromEntries(dag.filter((l) => l.startsWith('VARS ')).map((l) => { const m = /^VARS (\S+) shard="(\d+)"$/.exec(l)!; return [m[1], m[2]]; }));
    expect(vars).toEqual({ shard_1: '1', shard_2: '2', shard_3: '3' });
    expect(dag.filter((l) => l.startsWith('RETRY '))).toEqual(['RETRY shard_1 2', 'RETRY shard_2 2', 'RETRY shard_3 2']);
    expect(dag.filter((l) => l.startsWith('PARENT '))).toEqual(['PARENT shard_1 shard_2 shard_3 CHILD merge']);
    for (const [, name, sub] of jobs) {
      expect(existsSync(sub)).toBe(true);
      const s = parseSubmit(sub);
      expect(s.universe).toBe('vanilla');
      expect(existsSync(s.executable)).toBe(true);
      expect(existsSync(s.initialdir)).toBe(true);
      expect(s.request_cpus).toBe('2');
      expect(s.request_memory).toBe('2GB');
      const k = vars[name];
      const expand = (x: string) => (k === undefined ? x : x.split('$(shard)').join(k));
      for (const key of ['output', 'error', 'log']) expect(existsSync(join(expand(s[key]), '..'))).toBe(true);
      const argv = parseCondorArguments(s.arguments).map(expand);
      expect(argv).toEqual([printArgs, ...(k === undefined ? p.mergeArgs : withK(p.shardArgs, Number(k)))]);
      if (k !== undefined) expect(expand(s.output)).toBe(join(p.workdir, `logs/shard_${k}.out`));
    }
  });

  it('a regenerated DAG marks finished shards DONE', async () => {
    const p = await plan('wf-condor');
    writeFileSync(p.shardOutput(1), readFileSync(join(dir, 'wf-slurm/shards/stat_2.json'), 'utf8').replace('"shard": "2/3"', '"shard": "1/3"'));
    const { done } = await writeCondor(p, { retry: 1 });
    expect(done).toBe(0); // the copied file has shard 2's entries: not a finished shard 1
    const q = await plan('wf-slurm');
    const c = await writeCondor(q, { retry: 1 });
    expect(c.done).toBe(1);
    expect(readFileSync(join(q.workdir, 'workflow.dag'), 'utf8')).toMatch(/^JOB shard_2 \S+ DONE$/m);
  });
});

describe('workflow command', () => {
  it('writes the files, and refuses a work directory made for other options', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const common = { scheduler: 'slurm', 'n-jobs': 2, workdir: 'wf-cmd', submit: false, 'cpus-per-task': 1, retry: 1, exe: `${process.execPath} ${printArgs}` };
      await workflowCommand.handler({ ...common, '--': injTask() } as never);
      expect(existsSync(join(dir, 'wf-cmd/shard.sh'))).toBe(true);
      await expect(workflowCommand.handler({ ...common, '--': [...injTask(), '--mm', '0.9'] } as never)).rejects.toThrow(/--workdir .*wf-cmd holds a workflow made with tokens = /);
    } finally {
      spy.mockRestore();
      process.chdir(cwd);
    }
  });
});
