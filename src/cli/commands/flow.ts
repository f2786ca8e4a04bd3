/**
 * `mbank-ts flow logprob|sample|info`: use a trained flow (mbank-ts safetensors or mbank .zip).
 *   logprob --flow-file F --input points.csv   one log q(x) per line (-Infinity outside the box)
 *   sample  --flow-file F -n 1000 [--seed 1]   CSV samples inside the box (header: the stored coordinate names, else x0..x{D-1})
 *   info    --flow-file F                      architecture, box, constant and metadata as JSON
 *   plot-density --flow-file F --out d.png [--target pts.csv]   2D flows: the density exp(log q + C)
 *           on a grid over the box, next to the target (rows x0, x1, log-pdf: mean of e^logpdf per cell)
 */
import { saveHeatmaps, gridPoints, binMean, type HeatmapFigure, type HeatmapGrid, type HeatmapPanel } from '../../plot/heatmap.js';
import * as tf from '../../flow/tf.js';
import type { Argv, CommandModule } from 'yargs';
import { invalid } from '../../core/errors.js';
import { BACKEND_NAMES, selectBackend, type BackendName } from '../../flow/backend.js';
import fs from 'node:fs';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { MbankError } from '../../core/errors.js';
import { importMbankFlow } from '../../flow/torch/mbank-flow.js';
import { loadAnyFlow } from '../../flow/family-weights.js';
import type { TransformFlow } from '../../flow/transform-flow.js';

/** Load a flow: mbank .zip (torch state dict) or mbank-ts safetensors of any family (std, nsf, PyMC formula). */
export function openFlowFile(path: string): TransformFlow {
  return openFlowFileWithCoordinates(path).flow;
}

/** Load a flow (as openFlowFile) with the coordinate names stored in its file (none in mbank .zip files). */
export function openFlowFileWithCoordinates(path: string): { flow: TransformFlow; coordinates?: string[] } {
  let head: Buffer;
  try {
    const fd = fs.openSync(path, 'r');
    head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
  } catch (e) {
    throw new MbankError(`--flow-file = ${JSON.stringify(path)}: cannot be read (${(e as Error).message})`);
  }
  return head.readUInt32LE(0) === 0x04034b50 ? { flow: importMbankFlow(path) } : loadAnyFlow(path);
}

/**
 * Points from a CSV/whitespace text file: one point per row, `dim` numbers; lines starting with
 * '#' and a first non-numeric (header) line are skipped. Returns rows as number[][].
 */
export function readPoints(path: string, dim: number): number[][] {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new MbankError(`--input = ${JSON.stringify(path)}: cannot be read (${(e as Error).message})`);
  }
  const out: number[][] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(/[\s,;]+/).filter((c) => c !== '');
    const values = cells.map(Number);
    if (values.some((v) => Number.isNaN(v))) {
      if (out.length === 0 && i === text.split(/\r?\n/).findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'))) return; // header
      throw new MbankError(`--input ${path}, line ${i + 1} = ${JSON.stringify(line)}: must hold ${dim} numbers`);
    }
    if (values.length !== dim) throw new MbankError(`--input ${path}, line ${i + 1} has ${values.length} values: the flow has dimension ${dim}`);
    out.push(values);
  });
  if (out.length === 0) throw new MbankError(`--input = ${JSON.stringify(path)}: holds no points`);
  return out;
}

/** Write text to a file atomically (tmp + rename), or to stdout when `path` is undefined. */
export function writeText(text: string, path: string | undefined): void {
  if (path === undefined) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(path, text);
}

/** Parsed options of the flow subcommands. */
export interface FlowArgs {
  'flow-file': string;
  input?: string;
  n?: number;
  seed?: number;
  out?: string;
  backend: BackendName;
  'log-prob'?: boolean;
  target?: string;
  grid?: number;
}

const common = (y: Argv) =>
  y
    .option('flow-file', { type: 'string', demandOption: true, describe: 'flow: mbank-ts .safetensors or mbank .zip (torch state dict)' })
    .option('backend', { type: 'string', default: 'auto', choices: [...BACKEND_NAMES], describe: 'tfjs backend (auto: tfjs-node if installed, else wasm)' })
    .option('out', { type: 'string', describe: 'output file (default: stdout)' });

const BATCH = 20000;

/** `flow logprob`: one log q(x) per line. */
export async function logprob(args: FlowArgs): Promise<void> {
  await selectBackend(args.backend);
  const flow = openFlowFile(args['flow-file']);
  const pts = readPoints(args.input as string, flow.dim);
  const lines: string[] = [];
  for (let s = 0; s < pts.length; s += BATCH) {
    const lp = tf.tidy(() => flow.logProb(tf.tensor2d(pts.slice(s, s + BATCH), undefined, 'float32')));
    for (const v of lp.dataSync()) lines.push(String(v));
    lp.dispose();
  }
  flow.dispose();
  writeText(`${lines.join('\n')}\n`, args.out);
}

/** `flow sample`: CSV samples inside the box. */
export async function sample(args: FlowArgs): Promise<void> {
  const n = args.n as number;
  if (!Number.isInteger(n) || n < 1) invalid('-n', n, 'must be a positive integer');
  if (args.seed !== undefined && (!Number.isInteger(args.seed) || args.seed < 0)) invalid('--seed', args.seed, 'must be a non-negative integer');
  await selectBackend(args.backend);
  const { flow, coordinates } = openFlowFileWithCoordinates(args['flow-file']);
  const { x, logProb } = flow.sampleWithinBox(n, { seed: args.seed ?? 0 });
  const d = flow.dim;
  const header = [...(coordinates ?? Array.from({ length: d }, (_, k) => `x${k}`)), ...(args['log-prob'] ? ['log_prob'] : [])].join(',');
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const row = Array.from(x.subarray(i * d, (i + 1) * d), String);
    if (args['log-prob']) row.push(String(logProb[i]));
    lines.push(row.join(','));
  }
  flow.dispose();
  writeText(`${lines.join('\n')}\n`, args.out);
}

/** `flow info`: architecture, box, constant, metadata as JSON. */
export async function info(args: FlowArgs): Promise<void> {
  await selectBackend(args.backend);
  const flow = openFlowFile(args['flow-file']);
  let metadata: Record<string, string> = {};
  try {
    metadata = loadAnyFlow(args['flow-file']).metadata;
  } catch {
    metadata = { source: 'mbank torch state dict' };
  }
  const box = flow.box();
  const out = {
    architecture: flow.architecture(),
    box: box ? { low: Array.from(box.low), high: Array.from(box.high) } : null,
    constant: flow.constant.dataSync()[0],
    parameters: flow.trainableVariables().reduce((s, v) => s + v.size, 0),
    metadata: Object.fromEntries(Object.entries(metadata).filter(([k]) => !['architecture', 'box'].includes(k))),
  };
  flow.dispose();
  writeText(`${JSON.stringify(out, null, 2)}\n`, args.out);
}

/** `flow plot-density`: PNG heatmap of a 2D flow's density (and of a target given as points with a log-pdf); returns the figure layout. */
export async function plotDensity(args: FlowArgs): Promise<HeatmapFigure> {
  const n = args.grid ?? 60;
  if (!Number.isInteger(n) || n < 2 || n > 500) invalid('--grid', n, 'must be an integer in [2, 500]');
  if (args.out === undefined || !args.out.toLowerCase().endsWith('.png')) invalid('--out', args.out, 'must be a .png file name');
  await selectBackend(args.backend);
  const flow = openFlowFile(args['flow-file']);
  try {
    if (flow.dim !== 2) invalid('--flow-file', args['flow-file'], `must hold a 2D flow to plot its density (this one has dimension ${flow.dim})`);
    const target = args.target === undefined ? undefined : readPoints(args.target, 3);
    const box = flow.box();
    const lo = box ? Array.from(box.low) : [0, 1].map((d) => Math.min(...(target ?? [[-3, -3]]).map((r) => r[d])));
    const hi = box ? Array.from(box.high) : [0, 1].map((d) => Math.max(...(target ?? [[3, 3]]).map((r) => r[d])));
    const grid: HeatmapGrid = { x: [lo[0], hi[0]], y: [lo[1], hi[1]], nx: n, ny: n };
    const pts = gridPoints(grid);
    const c = flow.constant.dataSync()[0];
    const lp = tf.tidy(() => flow.logProb(tf.tensor2d(Float32Array.from(pts), [n * n, 2]))).dataSync();
    const panels: HeatmapPanel[] = [{ title: 'flow: exp(log q + C)', values: Float64Array.from(lp, (v) => Math.exp(v + c)) }];
    if (target) {
      const xy = Float64Array.from(target.flatMap((r) => [r[0], r[1]]));
      panels.push({ title: 'target: mean exp(log-pdf) per cell', values: binMean(xy, target.map((r) => Math.exp(r[2])), grid) });
    }
    let names = ['x0', 'x1'];
    try {
      const stored = JSON.parse(loadAnyFlow(args['flow-file']).metadata.coordinate_names ?? 'null') as unknown;
      if (Array.isArray(stored) && stored.length === 2) names = stored.map(String);
    } catch {
      // an mbank .zip or a file without coordinate names: generic axis labels
    }
    return saveHeatmaps(args.out, panels, grid, { title: 'flow density', xLabel: names[0], yLabel: names[1], colorLabel: 'density' });
  } finally {
    flow.dispose();
  }
}

/** The `flow` command (subcommands logprob, sample, info, plot-density). */
export const flowCommand: CommandModule<object, FlowArgs> = {
  command: 'flow',
  describe: 'evaluate or sample a trained normalizing flow',
  builder: (y) =>
    y
      .command<FlowArgs>({
        command: 'logprob',
        describe: 'print log q(x) of each point of --input (one per line)',
        builder: (z) => common(z).option('input', { type: 'string', demandOption: true, describe: 'points, one per row (CSV or whitespace), in the flow coordinates' }) as never,
        handler: logprob,
      })
      .command<FlowArgs>({
        command: 'sample',
        describe: 'draw samples inside the flow box, as CSV',
        builder: (z) =>
          common(z)
            .option('n', { type: 'number', demandOption: true, describe: 'number of samples' })
            .option('seed', { type: 'number', default: 0, describe: 'random seed' })
            .option('log-prob', { type: 'boolean', default: false, describe: 'add a log_prob column' }) as never,
        handler: sample,
      })
      .command<FlowArgs>({
        command: 'plot-density',
        describe: 'PNG of a 2D flow density on a grid over its box, next to an optional target (--target: rows x0, x1, log-pdf)',
        builder: (z) =>
          common(z)
            .option('target', { type: 'string', describe: 'target points: rows x0, x1, log-pdf (CSV or whitespace)' })
            .option('grid', { type: 'number', default: 60, describe: 'grid cells per axis' }) as never,
        handler: async (a) => {
          await plotDensity(a);
        },
      })
      .command<FlowArgs>({
        command: 'info',
        describe: 'print the architecture, box and metadata of a flow file as JSON',
        builder: (z) => common(z) as never,
        handler: info,
      })
      .demandCommand(1) as never,
  handler: () => {},
};
