import { describe, it, expect, vi } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { trainCommand } from '../../src/cli/commands/train.js';
import { writeDataset } from '../../src/metric/dataset-file.js';
import { loadFlowWithMetadata } from '../../src/flow/weights.js';
import { historyFromJSON } from '../../src/flow/history.js';
import { Rng } from '../../src/core/rng.js';

async function run(args: string[]): Promise<{ err: string; out: string }> {
  let err = '';
  let out = '';
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { err += String(c); return true; });
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => { out += String(c); return true; });
  try {
    await yargs(args).command(trainCommand).strict().fail((msg, x) => { throw x ?? new Error(msg); }).parseAsync();
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
  return { err, out };
}

/** 800 rows uniform in [0, 2] x [-1, 1] with logPdf = -x0 (+ 3 unusable rows). */
function rows() {
  const rng = new Rng(3);
  const n = 803;
  const theta = new Float64Array(2 * n);
  const logPdf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    theta[2 * i] = rng.uniformIn(0, 2);
    theta[2 * i + 1] = rng.uniformIn(-1, 1);
    logPdf[i] = -theta[2 * i];
  }
  logPdf[5] = -Infinity; // outside the region
  logPdf[6] = NaN; // failed metric
  theta[2 * 7] = 5; // outside the box
  return { n, theta, logPdf };
}

describe('mbank-ts train', () => {
  it('trains on an HDF5 dataset, drops unusable rows, and saves a loadable flow with its box, history and plots', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-cli-train-'));
    const { n, theta, logPdf } = rows();
    await writeDataset(join(dir, 'd.h5'), {
      D: 2, n, theta, logPdf,
      attributes: { variableFormat: 'test', names: ['a', 'b'], boxLo: [0, -1], boxHi: [2, 1], massCuts: {}, psd: 'none', asd: false,
        approximant: 'none', fMin: 10, fMax: 100, df: 1, metricType: 'hessian', seed: 0, chunkSize: 64, nTarget: n },
    });
    const { err, out } = await run(['train', '--run-dir', dir, '--dataset', 'd.h5', '--flow-file', 'f.safetensors', '--n-layers', '1',
      '--hidden-features', '8', '--n-epochs', '30', '--learning-rate', '5e-3', '--batch-size', '100', '--patience', '3', '--min-delta', '0',
      '--validation-step', '10', '--train-fraction', '0.75', '--seed', '2', '--backend', 'wasm', '--plot', join(dir, 'plots')]);
    expect(err).toMatch(/600 training \+ 200 validation rows \(3 dropped\)/);
    expect(out).toMatch(/Log10 volume of the space: -?\d/);
    const { flow, metadata } = loadFlowWithMetadata(join(dir, 'f.safetensors'));
    const box = flow.box()!;
    expect(Array.from(box.low)).toEqual([expect.closeTo(-0.02, 6), expect.closeTo(-1.02, 6)]);
    expect(Array.from(box.high)).toEqual([expect.closeTo(2.02, 6), expect.closeTo(1.02, 6)]);
    const h = historyFromJSON(metadata.history);
    expect(h.loss).toBe('ll_mse');
    expect(h.trainLoss.length).toBeGreaterThan(0);
    expect(h.trainLoss.length).toBeLessThanOrEqual(30);
    expect(h.validationSteps[0]).toBe(0);
    expect(JSON.parse(metadata.training)).toMatchObject({ loss: 'll_mse', nTrain: 600, nValidation: 200, seed: 2 });
    for (const f of ['loss.png', 'flow_samples.png', 'flow_accuracy.png', 'logpdf_validation.png']) expect(existsSync(join(dir, 'plots', f))).toBe(true);
    flow.dispose();
  });

  it('reads the text export and names a bad option value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-cli-train-'));
    const { n, theta, logPdf } = rows();
    const lines = ['# a b logPdf'];
    for (let i = 0; i < n; i++) lines.push(`${theta[2 * i]} ${theta[2 * i + 1]} ${logPdf[i]}`);
    writeFileSync(join(dir, 'd.txt'), lines.join('\n') + '\n');
    const { err } = await run(['train', '--dataset', join(dir, 'd.txt'), '--flow-file', join(dir, 'f.safetensors'), '--loss', 'forward_KL',
      '--n-layers', '1', '--hidden-features', '4', '--n-epochs', '5', '--batch-size', '50', '--backend', 'wasm']);
    expect(err).toMatch(/forward_KL/);
    expect(existsSync(join(dir, 'f.safetensors'))).toBe(true);
    await expect(run(['train', '--dataset', join(dir, 'd.txt'), '--flow-file', join(dir, 'g.safetensors'), '--train-fraction', '1.5']))
      .rejects.toThrow(/train-fraction = 1.5/);
  });
});
