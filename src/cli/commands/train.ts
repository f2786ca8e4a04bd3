/**
 * `mbank-ts train`: fit a normalizing flow (STDFlow: tanh box + n x (NaiveLinear + MAF)) to a
 * dataset of (theta, logPdf) rows and save it with its loss history (mbank bin/mbank_train_flow).
 *
 * As mbank: rows with a non-finite value are dropped, rows outside the dataset's box too (unless
 * --ignore-boundaries); the first `train-fraction` of the rows train, the rest validate (no
 * shuffling); the flow's box is the dataset box (or the data range) widened by 1% on each side;
 * Adam, learning rate halved after 5 validations without a 2% improvement, early stopping after
 * `patience` validations without an improvement larger than `min-delta`, one validation every
 * `validation-step` steps; one "epoch" is one step on one minibatch. Ctrl+C stops training and
 * saves the best weights. Differences: minibatches walk through a seeded permutation (mbank draws
 * a new random subset each step); the best weights are kept also when no early stop happens.
 */
import { checkOutputPath, makeDirectory, removeQuietly, writeFileAtomic } from '../../core/atomic-write.js';
import { checkpointFromJson, checkpointToJson } from '../../flow/checkpoint.js';
import { existsSync, readFileSync } from 'node:fs';
import { lockOutputs } from '../lock.js';
import { dirname, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { CommandModule } from 'yargs';
import { MbankError, invalid } from '../../core/errors.js';
import { selectBackend, type BackendName } from '../../flow/backend.js';
import { historyToJSON } from '../../flow/history.js';
import { createFlow, parseFlowFamily } from '../../flow/families.js';
import { saveAnyFlow } from '../../flow/family-weights.js';
import type { STDFlow } from '../../flow/std-flow.js';
import { trainFlow, type TrainingProgress } from '../../flow/trainer.js';
import type { Samples } from '../../flow/train-data.js';
import { readDataset, readDatasetText } from '../../metric/dataset-file.js';
import { flowOptions, generalOptions } from '../options.js';
import { catchInterrupts } from '../signals.js';
import { writeTrainPlots } from '../train-plots.js';

/** Rows of the training file(s), concatenated, with names and (if stored) the box. */
interface Rows {
  names: string[];
  variableFormat?: string;
  D: number;
  n: number;
  theta: Float64Array;
  logPdf: Float64Array;
  box?: { low: number[]; high: number[] };
}

async function readRows(paths: string[]): Promise<Rows> {
  const parts: Rows[] = [];
  for (const path of paths) {
    if (/\.(h5|hdf5|hdf)$/i.test(path)) {
      const ds = await readDataset(path);
      const a = ds.attributes;
      const box = a.boxLo.length === ds.D ? { low: a.boxLo, high: a.boxHi } : undefined;
      parts.push({ names: a.names, variableFormat: a.variableFormat, D: ds.D, n: ds.n, theta: ds.theta, logPdf: ds.logPdf, box });
    } else {
      parts.push(readDatasetText(path));
    }
  }
  const D = parts[0].D;
  parts.forEach((p, i) => {
    if (p.D !== D) invalid(`--dataset ${paths[i]} dimension`, p.D, `must equal that of ${paths[0]} (${D})`);
  });
  const n = parts.reduce((s, p) => s + p.n, 0);
  const theta = new Float64Array(n * D);
  const logPdf = new Float64Array(n);
  let k = 0;
  for (const p of parts) {
    theta.set(p.theta, k * D);
    logPdf.set(p.logPdf, k);
    k += p.n;
  }
  const box = parts.find((p) => p.box)?.box;
  return { names: parts[0].names, variableFormat: parts.find((p) => p.variableFormat)?.variableFormat, D, n, theta, logPdf, box };
}

/** Keep finite rows (inside the box unless `ignoreBox`), at most `limit`. */
function cleanRows(r: Rows, ignoreBox: boolean, limit: number | undefined): Rows {
  const keep: number[] = [];
  for (let i = 0; i < r.n && (limit === undefined || keep.length < limit); i++) {
    let ok = Number.isFinite(r.logPdf[i]);
    for (let d = 0; ok && d < r.D; d++) {
      const v = r.theta[i * r.D + d];
      ok = Number.isFinite(v) && (ignoreBox || !r.box || (v >= r.box.low[d] && v <= r.box.high[d]));
    }
    if (ok) keep.push(i);
  }
  const theta = new Float64Array(keep.length * r.D);
  keep.forEach((i, j) => theta.set(r.theta.subarray(i * r.D, (i + 1) * r.D), j * r.D));
  return { ...r, n: keep.length, theta, logPdf: Float64Array.from(keep, (i) => r.logPdf[i]), box: ignoreBox ? undefined : r.box };
}

/** The flow's box: the given box (or the data range) widened by `eps` of its width on each side (mbank epsilon_ = 0.01). */
function flowBox(r: Rows, eps = 0.01): { low: number[]; high: number[] } {
  const low = new Array<number>(r.D).fill(Infinity);
  const high = new Array<number>(r.D).fill(-Infinity);
  for (let i = 0; i < r.n; i++) {
    for (let d = 0; d < r.D; d++) {
      low[d] = Math.min(low[d], r.theta[i * r.D + d]);
      high[d] = Math.max(high[d], r.theta[i * r.D + d]);
    }
  }
  const lo = r.box ? r.box.low : low;
  const hi = r.box ? r.box.high : high;
  return {
    low: lo.map((l, d) => {
      if (!(hi[d] - l > 1e-20)) invalid(`dataset coordinate ${r.names[d] ?? d} range`, [l, hi[d]], 'is degenerate: every row has the same value');
      return l - eps * (hi[d] - l);
    }),
    high: hi.map((h, d) => h + eps * (h - lo[d])),
  };
}

function inside(runDir: string | undefined, name: string): string {
  return runDir !== undefined && !name.includes('/') ? join(runDir, name) : name;
}

function positiveInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) invalid(name, v, 'must be a positive integer');
  return v;
}

// `--plot` takes an optional folder here (mbank: a flag; plots in the run directory).
const { plot: _plotFlag, ...withoutPlot } = generalOptions;

/** The `train` command. */
export const trainCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'train',
  describe: 'train a normalizing flow on a dataset of (theta, logPdf) rows and save it (safetensors, with the loss history)',
  builder: (y) =>
    y
      .options({
        ...withoutPlot,
        ...flowOptions,
        'loss-function': { ...flowOptions['loss-function'], alias: 'loss' },
        'hidden-features': { ...flowOptions['hidden-features'], array: true, describe: 'hidden width of each autoregressive network: one value, or one per layer' },
      })
      .option('dataset', { type: 'string', array: true, describe: 'dataset file(s): HDF5 from `mbank-ts dataset` or its text export; concatenated in order (required; to train without a dataset: `mbank-ts train-from-metric`)' })
      .option('from-metric', { type: 'boolean', hidden: true })
      .option('flow', { type: 'string', default: 'std', describe: "flow family: 'std' (mbank's NaiveLinear + MAF), 'nsf' (neural spline flow) or a PyMC formula such as 'scale-hh*4-loc' or 'planar*10'" })
      .option('validation-step', { type: 'number', default: 100, describe: 'steps between two validations (patience counts validations)' })
      .option('n-datapoints', { type: 'number', describe: 'use at most this many rows (default: all)' })
      .option('ignore-boundaries', { type: 'boolean', default: false, describe: "keep rows outside the dataset's box; the flow box is then the data range" })
      .option('plot', { type: 'string', describe: 'write loss and accuracy plots (PNG) into this folder (bare --plot: the run directory)' }) as never,
  handler: async (args) => {
    if (args['from-metric'] !== undefined) throw new MbankError('--from-metric: not a train option; training without a dataset is `mbank-ts train-from-metric` (same options otherwise)');
    if (args.dataset === undefined) throw new MbankError('--dataset: missing; give the dataset file(s) (or run `mbank-ts train-from-metric` to train without a dataset)');
    const runDir = args['run-dir'] as string | undefined;
    const nEpochs = positiveInt('--n-epochs', args['n-epochs']);
    const batchSize = positiveInt('--batch-size', args['batch-size']);
    const nLayers = positiveInt('--n-layers', args['n-layers']);
    const validationStep = positiveInt('--validation-step', args['validation-step']);
    const patience = positiveInt('--patience', args.patience);
    const lr = args['learning-rate'] as number;
    if (!(lr > 0) || !Number.isFinite(lr)) invalid('--learning-rate', lr, 'must be a finite number > 0');
    const minDelta = args['min-delta'] as number;
    if (!(minDelta >= 0)) invalid('--min-delta', minDelta, 'must be >= 0');
    const fraction = args['train-fraction'] as number;
    if (!(fraction > 0 && fraction < 1)) invalid('--train-fraction', fraction, 'must be in (0, 1)');
    const seed = args.seed as number;
    if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) invalid('--seed', seed, 'must be an integer in [0, 2^32 - 1]');
    const hidden = [args['hidden-features'] as number | number[]].flat().map((h) => positiveInt('--hidden-features', h));
    const loss = args['loss-function'] as 'll_mse' | 'forward_KL' | 'weighted_ll_mse';
    const limit = args['n-datapoints'] === undefined ? undefined : positiveInt('--n-datapoints', args['n-datapoints']);
    const flowFile = inside(runDir, args['flow-file'] as string);
    const family = args.flow as string;
    parseFlowFamily(family);
    makeDirectory(dirname(flowFile));
    checkOutputPath('--flow-file', flowFile);
    if (args.plot !== undefined && args.plot !== '') makeDirectory(args.plot as string); // a bad plot folder fails now, not after training

    const backend = await selectBackend(((args.backend as string | undefined) ?? 'auto') as BackendName);
    const raw = await readRows((args.dataset as string[]).map((d) => inside(runDir, d)));
    const rows = cleanRows(raw, args['ignore-boundaries'] as boolean, limit);
    const nTrain = Math.floor(fraction * rows.n);
    if (nTrain < 1 || rows.n - nTrain < 1) {
      throw new MbankError(`--dataset: ${rows.n} usable rows (of ${raw.n}) leave ${nTrain} for training and ${rows.n - nTrain} for validation: need at least 1 each`);
    }
    const D = rows.D;
    const train: Samples = { x: rows.theta.subarray(0, nTrain * D), n: nTrain, dim: D, logPdf: rows.logPdf.subarray(0, nTrain) };
    const validation: Samples = { x: rows.theta.subarray(nTrain * D), n: rows.n - nTrain, dim: D, logPdf: rows.logPdf.subarray(nTrain) };
    const box = flowBox(rows);
    const flow = createFlow({ flow: family, dim: D, nLayers, hiddenFeatures: hidden.length === 1 ? hidden[0] : hidden, box, seed });
    process.stderr.write(
      `train: ${nTrain} training + ${validation.n} validation rows (${raw.n - rows.n} dropped), D = ${D}, ${loss}, ` +
        `flow ${family}, ${nLayers} layer(s) x ${hidden.join(',')} hidden, backend ${backend}\n`,
    );

    // held from training to the saved file (a failing run releases it at process exit, ../lock.ts)
    const release = lockOutputs([flowFile], 'train');
    // a checkpoint beside the flow file after every validation; an interrupted run is continued from it
    const ckptPath = `${flowFile}.checkpoint.json`;
    const settings = JSON.stringify({ datasets: (args.dataset as string[]).map((d) => inside(runDir, d)), family, loss, nLayers, hidden, nEpochs, batchSize, lr, validationStep, patience, minDelta, seed, fraction, limit, ignoreBoundaries: Boolean(args['ignore-boundaries']), rows: rows.n });
    const resume = existsSync(ckptPath) ? checkpointFromJson(readFileSync(ckptPath, 'utf8'), settings, ckptPath) : undefined;
    if (resume) process.stderr.write(`train: resuming from the checkpoint of step ${resume.step} (${ckptPath})\n`);
    const interrupts = catchInterrupts('keeping the best weights and a checkpoint');
    const tty = process.stderr.isTTY === true;
    const bar = tty
      ? new cliProgress.SingleBar({ format: 'train |{bar}| {value}/{total} steps | loss {loss} | val {val} | lr {lr} | eta {eta_formatted}', stream: process.stderr }, cliProgress.Presets.shades_classic)
      : undefined;
    let lastLine = Date.now();
    const show = (v: number) => (Number.isFinite(v) ? v.toPrecision(4) : String(v));
    const onProgress = (p: TrainingProgress) => {
      const payload = { loss: show(p.trainLoss), val: show(p.validationLoss), lr: p.learningRate.toExponential(2) };
      if (bar) bar.update(p.step + 1, payload);
      else if (Date.now() - lastLine > 10000) {
        lastLine = Date.now();
        process.stderr.write(`train: step ${p.step + 1}/${p.steps} loss ${payload.loss} validation ${payload.val} lr ${payload.lr}\n`);
      }
    };
    bar?.start(nEpochs, 0, { loss: '-', val: '-', lr: lr.toExponential(2) });
    let history;
    try {
      history = await trainFlow(flow, {
        loss, train, validation, steps: nEpochs, batchSize, learningRate: lr, validationStep, patience, minDelta, seed,
        signal: interrupts.signal, onProgress, resume,
        onCheckpoint: (c) => writeFileAtomic(ckptPath, checkpointToJson(c, settings)),
      });
    } finally {
      bar?.stop();
      interrupts.release();
    }
    if (!Number.isFinite(history.bestValidationLoss) && history.trainLoss.length > 0) {
      flow.dispose();
      release();
      throw new MbankError(`--learning-rate = ${lr}: training diverged (no finite validation loss in ${history.trainLoss.length} steps); no flow written: lower --learning-rate`);
    }
    if (history.stopReason === 'aborted') process.stderr.write(`train: interrupted: run the same command again to resume from ${ckptPath}\n`);
    else removeQuietly(ckptPath);
    const constant = flow.constant.dataSync()[0];
    makeDirectory(dirname(flowFile));
    saveAnyFlow(flow, flowFile, {
      history: historyToJSON(history),
      training: { datasets: args.dataset, flow: family, loss, nTrain, nValidation: validation.n, learningRate: lr, batchSize, nEpochs, validationStep, patience, minDelta, seed, backend },
      variableFormat: rows.variableFormat,
      coordinates: rows.names,
    });
    release();
    const last = history.validationLoss.length - 1;
    process.stderr.write(
      `train: ${history.stopReason} after ${history.trainLoss.length} steps (${history.seconds.toFixed(1)} s); best validation loss ` +
        `${show(history.bestValidationLoss)} at step ${history.bestStep}; flow saved to ${flowFile}\n`,
    );
    if (loss !== 'forward_KL') {
      const i = history.validationLoss.indexOf(history.bestValidationLoss);
      process.stderr.write(
        `train: log-pdf residual on the validation set: mean ${show(history.logPdfErrorMean[i >= 0 ? i : last])}, ` +
          `std ${show(history.logPdfErrorStd[i >= 0 ? i : last])} nats\n`,
      );
      process.stdout.write(`Log10 volume of the space: ${constant / Math.LN10}\n`);
    }
    if (args.plot !== undefined) {
      const dir = (args.plot as string) === '' ? (runDir ?? '.') : (args.plot as string);
      // forward_KL fits no constant C: the log-pdf accuracy plots would compare unnormalised values.
      const shown = loss === 'forward_KL' ? { ...validation, logPdf: undefined } : validation;
      // writeTrainPlots uses dim, sampleWithinBox, logProb and constant, which every family has.
      const target: Samples = { x: rows.theta, n: rows.n, dim: D, logPdf: rows.logPdf };
      const files = writeTrainPlots({ dir, flow: flow as STDFlow, history, validation: shown, names: rows.names, seed, target });
      process.stderr.write(`train: plots ${files.join(', ')}\n`);
    }
    flow.dispose();
  },
};
