/**
 * `mbank-ts train-from-metric` is the one entry point of training without a dataset: the same flow
 * for the same seed, and with --plot on a 2D space the loss-spread and density PNGs; `train
 * --from-metric` fails with one line pointing to it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../src/flow/tf.js';
import yargs, { type CommandModule } from 'yargs';
import { describe, expect, it, vi } from 'vitest';
import { trainCommand } from '../../src/cli/commands/train.js';
import { trainFromMetricCommand } from '../../src/cli/commands/train-from-metric.js';
import { loadFlowWithMetadata } from '../../src/flow/weights.js';
import { pngSize } from '../../src/plot/figure.js';
import { plotDensity } from '../../src/cli/commands/flow.js';
import { createCanvas, loadImage } from '@napi-rs/canvas';

async function run(cmd: CommandModule<object, Record<string, unknown>>, args: string[]): Promise<string> {
  let err = '';
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { err += String(c); return true; });
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await yargs(args).command(cmd).strict().fail((msg, x) => { throw x ?? new Error(msg); }).parseAsync();
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
  return err;
}

const problem = ['--variable-format', 'Mq_nonspinning', '--approximant', 'TaylorF2', '--psd', 'aLIGOZeroDetHighPower', '--f-min', '20', '--f-max', '512',
  '--df', '1', '--mtot-range', '10', '30', '--q-range', '1', '4', '--n-datapoints', '240', '--n-rounds', '3', '--n-epochs', '60', '--n-layers', '1',
  '--hidden-features', '6', '--learning-rate', '5e-3', '--workers', '0', '--seed', '4', '--backend', 'wasm'];

describe('mbank-ts train-from-metric', () => {
  it('trains the same flow twice from the same options and seed and writes the 2D plots', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbank-cli-tfm-'));
    const errA = await run(trainFromMetricCommand, ['train-from-metric', ...problem, '--flow-file', join(dir, 'a.safetensors'), '--plot', join(dir, 'pa')]);
    const errB = await run(trainFromMetricCommand, ['train-from-metric', ...problem, '--flow-file', join(dir, 'b.safetensors'), '--plot', join(dir, 'pb')]);
    // the same rounds, in the same words (the default objective, reverse-kl)
    const rounds = (s: string) => s.split('\n').filter((l) => /round \d+:/.test(l)).map((l) => l.replace(/\([\d.]+ s\)/, ''));
    expect(rounds(errA)).toHaveLength(3);
    expect(rounds(errA)).toEqual(rounds(errB));
    const a = loadFlowWithMetadata(join(dir, 'a.safetensors'));
    const b = loadFlowWithMetadata(join(dir, 'b.safetensors'));
    expect(JSON.parse(a.metadata.training)).toMatchObject({ fromMetric: true, objective: 'reverse-kl', evaluations: 240 });
    const x = tf.tensor2d([[12, 1.5], [20, 3], [28, 2.2]]);
    expect(Array.from(a.flow.logProb(x).dataSync())).toEqual(Array.from(b.flow.logProb(x).dataSync()));
    x.dispose();
    // flow plot-density: sqrt det M (and the flow) is largest at the low-mass, high-q corner of this box
    const lpA = Array.from(a.flow.logProb(tf.tensor2d([[11, 3.5], [28, 1.5]])).dataSync());
    expect(lpA[0]).toBeGreaterThan(lpA[1] + 1);
    const out = join(dir, 'density.png');
    const fig = await plotDensity({ 'flow-file': join(dir, 'a.safetensors'), out, backend: 'wasm', grid: 40 });
    const png = readFileSync(out);
    expect(pngSize(png)).toEqual({ width: fig.width, height: fig.height });
    const img = await loadImage(png);
    const ctx = createCanvas(img.width, img.height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const r = fig.rects[0];
    const lum = (m: number, q: number) => {
      const d = ctx.getImageData(Math.round(r.x + ((m - 10) / 20) * r.w), Math.round(r.y + (1 - (q - 1) / 3) * r.h), 1, 1).data;
      return 0.299 * d[0] + 0.587 * d[1] + 0.114 * d[2];
    };
    expect(lum(11, 3.5)).toBeGreaterThan(lum(28, 1.5) + 30);
    a.flow.dispose();
    b.flow.dispose();
    for (const p of ['pa', 'pb']) {
      const spread = pngSize(readFileSync(join(dir, p, 'loss_spread.png')));
      expect(spread).toEqual({ width: 800, height: 600 });
      const dens = pngSize(readFileSync(join(dir, p, 'density_2d.png')));
      expect(dens.width).toBeGreaterThan(2 * 360);
      expect(dens.height).toBeGreaterThan(360);
    }
  }, 120_000);

  it('train asks for --dataset and points --from-metric to train-from-metric', async () => {
    await expect(run(trainCommand, ['train', '--backend', 'wasm'])).rejects.toThrow(/--dataset: missing.*mbank-ts train-from-metric/);
    await expect(run(trainCommand, ['train', '--from-metric', '--flow-file', 'x.safetensors'])).rejects.toThrow(/^--from-metric: .*`mbank-ts train-from-metric`/);
    expect(existsSync('x.safetensors')).toBe(false);
  });
});
