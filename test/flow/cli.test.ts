/** The `convert-flow` and `flow` commands end to end (handlers in-process, one run of bin/mbank-ts). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFlowCommand } from '../../src/cli/commands/convert-flow.js';
import { info, logprob, sample } from '../../src/cli/commands/flow.js';
import { loadFlow, saveFlow } from '../../src/flow/weights.js';

const fixture = JSON.parse(readFileSync('test/fixtures/mbank-flow/log_prob.json', 'utf8')) as { points: number[][]; log_prob: number[] };

describe('flow commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mbank-ts-flow-cli-'));
  const converted = join(dir, 'flow.safetensors');
  const out = (name: string) => join(dir, name);

  it("converts mbank's flow and prints its log_prob for a CSV of points (mbank values to 1e-4)", async () => {
    await (convertFlowCommand.handler as (a: unknown) => Promise<void>)({ input: 'test/fixtures/mbank-flow/flow_sbankci.zip', output: converted, backend: 'wasm' });
    const csv = out('points.csv');
    writeFileSync(csv, `# Mc q s1z s2z\n${fixture.points.map((p) => p.join(',')).join('\n')}\n`);
    await logprob({ 'flow-file': converted, input: csv, out: out('lp.txt'), backend: 'wasm' });
    const lines = readFileSync(out('lp.txt'), 'utf8').trim().split('\n').map(Number);
    expect(lines.length).toBe(fixture.points.length);
    lines.forEach((v, i) => expect(Math.abs(v - fixture.log_prob[i])).toBeLessThan(1e-4));
  });

  it('samples inside the box, reproducibly for a seed, the same in-process and from bin/mbank-ts', async () => {
    await sample({ 'flow-file': converted, n: 50, seed: 3, out: out('s.csv'), backend: 'wasm' });
    await info({ 'flow-file': converted, out: out('info.json'), backend: 'wasm' });
    const a = readFileSync(out('s.csv'), 'utf8');
    const b = execFileSync('bin/mbank-ts', ['flow', 'sample', '--flow-file', converted, '-n', '50', '--seed', '3', '--backend', 'wasm'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(b).toBe(a);
    const rows = a.trim().split('\n');
    expect(rows[0]).toBe('x0,x1,x2,x3');
    expect(rows.length).toBe(51);
    const box = JSON.parse(readFileSync(out('info.json'), 'utf8')).box as { low: number[]; high: number[] };
    for (const r of rows.slice(1)) r.split(',').map(Number).forEach((v, d) => expect(v > box.low[d] && v < box.high[d]).toBe(true));
  });

  it('heads the samples with the coordinate names stored in the flow file (x0.. without them), same numbers', async () => {
    const flow = loadFlow(converted);
    const named = out('named.safetensors');
    saveFlow(flow, named, { coordinates: ['Mc', 'q', 's1z', 's2z'], variableFormat: 'Mq_s1z_s2z' });
    flow.dispose();
    await sample({ 'flow-file': named, n: 20, seed: 4, out: out('named.csv'), backend: 'wasm', 'log-prob': true });
    await sample({ 'flow-file': converted, n: 20, seed: 4, out: out('plain.csv'), backend: 'wasm', 'log-prob': true });
    const [headNamed, ...rowsNamed] = readFileSync(out('named.csv'), 'utf8').trim().split('\n');
    const [headPlain, ...rowsPlain] = readFileSync(out('plain.csv'), 'utf8').trim().split('\n');
    expect(headNamed).toBe('Mc,q,s1z,s2z,log_prob');
    expect(headPlain).toBe('x0,x1,x2,x3,log_prob');
    expect(rowsNamed).toEqual(rowsPlain);
    expect(rowsNamed.length).toBe(20);
  });

  it('names a missing input file and a point of the wrong dimension', async () => {
    await expect(logprob({ 'flow-file': converted, input: out('nope.csv'), backend: 'wasm' })).rejects.toThrow(/--input/);
    writeFileSync(out('bad.csv'), '1,2,3\n');
    await expect(logprob({ 'flow-file': converted, input: out('bad.csv'), backend: 'wasm' })).rejects.toThrow(/dimension 4/);
  });
});
