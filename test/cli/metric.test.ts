import { describe, it, expect, vi } from 'vitest';
import yargs from 'yargs';
import { metricCommand } from '../../src/cli/commands/metric.js';
import { MetricWorkspace } from '../../src/metric/workspace.js';
import { computeMetric } from '../../src/metric/compute.js';

/** Run the command in-process and return what it printed on stdout. */
async function run(args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
  try {
    await yargs(args).command(metricCommand).strict().fail((msg, err) => { throw err ?? new Error(msg); }).parseAsync();
  } finally {
    spy.mockRestore();
  }
  return out;
}

const ARGS = ['metric', '--variable-format', 'Mq_s1z_s2z', '--theta', '40,2,0.3,-0.2', '--psd', 'aligo_O3actual_H1', '--asd',
  '--approximant', 'IMRPhenomD', '--f-min', '15', '--f-max', '1024', '--df', '0.25', '--metric-type', 'hessian'];

describe('mbank-ts metric', () => {
  it('prints the metric, eigenvalues, det, logPdf and positiveDefinite of the library as JSON', async () => {
    const json = JSON.parse(await run(ARGS));
    const ws = new MetricWorkspace({ variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25 });
    const r = computeMetric(ws, [40, 2, 0.3, -0.2], 'hessian');
    expect(json.names).toEqual(['M', 'q', 's1z', 's2z']);
    expect(json.metric.flat()).toEqual(Array.from(r.metric));
    expect(json.eigenvalues).toEqual(Array.from(r.eigenvalues));
    expect(json.positiveDefinite).toBe(true);
    expect(json.det).toBeCloseTo(json.eigenvalues.reduce((a: number, b: number) => a * b, 1), 15);
    expect(json.logPdf).toBeCloseTo(0.5 * Math.log(json.det), 10);
  });

  it('takes --metric-grid: quadrature by default, uniform on request, the two within 1e-4 in logPdf', async () => {
    const quadrature = JSON.parse(await run(ARGS));
    const uniform = JSON.parse(await run([...ARGS, '--metric-grid', 'uniform']));
    expect(quadrature.metricGrid).toBe('quadrature');
    expect(uniform.metricGrid).toBe('uniform');
    const ws = new MetricWorkspace({ variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25, metricGrid: 'uniform' });
    expect(uniform.metric.flat()).toEqual(Array.from(computeMetric(ws, [40, 2, 0.3, -0.2], 'hessian').metric));
    expect(Math.abs(quadrature.logPdf - uniform.logPdf)).toBeLessThan(1e-4); // achieved 2e-5
    await expect(run([...ARGS, '--metric-grid', 'gauss'])).rejects.toThrow(/metric-grid/);
  });

  it('gives logPdf -Infinity outside the box of the range options', async () => {
    const json = JSON.parse(await run([...ARGS, '--mtot-range', '50', '100']));
    expect(json.logPdf).toBe('-Infinity');
    expect(json.positiveDefinite).toBe(true);
  });

  it('names the coordinates when theta has the wrong length, and the valid formats for an unknown one', async () => {
    await expect(run(ARGS.map((a) => (a === '40,2,0.3,-0.2' ? '40,2' : a)))).rejects.toThrow(/--theta.*4 comma-separated numbers \(M, q, s1z, s2z\)/);
    await expect(run(ARGS.map((a) => (a === 'Mq_s1z_s2z' ? 'Mq_s3z' : a)))).rejects.toThrow(/Mq_s3z.*mass in/);
  });
});
