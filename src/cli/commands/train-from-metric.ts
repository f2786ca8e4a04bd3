/**
 * `mbank-ts train-from-metric`: train the bank's flow directly against the target log-density
 * 0.5 ln|det M(θ)|, computed on the fly on worker threads, with no dataset file (the one entry point
 * of this feature: `train --from-metric` fails with a line pointing here).
 * Algorithm: src/pipeline/train-from-metric/active-learning.ts (rounds of flow points, every metric evaluation
 * kept in a replay set; `--objective reverse-kl` (default): importance-weighted reverse KL by the score
 * function, ./reverse-kl.ts; `--objective regression`: chirp-time-flat + flow points, ll_mse
 * warm-started each round). Takes the same ini files
 * as `place` (e.g. data/configs/default.ini): `n-datapoints` is the metric-evaluation budget and
 * `n-epochs` the total number of Adam steps, split evenly over the rounds. Ctrl+C keeps the best
 * weights of the current round and saves them.
 */
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { checkOutputPath, makeDirectory, removeQuietly, writeFileAtomic } from '../../core/atomic-write.js';
import { checkpointFromJson, checkpointToJson } from '../../flow/checkpoint.js';
import { FROM_METRIC_CHECKPOINT, type FromMetricCheckpoint } from '../../pipeline/train-from-metric/checkpoint.js';
import { lockOutputs } from '../lock.js';
import { dirname, join } from 'node:path';
import type { CommandModule } from 'yargs';
import { MbankError, invalid } from '../../core/errors.js';
import { getVariableFormat } from '../../coordinates/format.js';
import { MASS_CUT_KEYS, regionFromRanges, rangeOptionName } from '../../coordinates/box.js';
import { selectBackend, type BackendName } from '../../flow/backend.js';
import { saveFlow } from '../../flow/weights.js';
import { checkMetricType } from '../../metric/metric.js';
import { getModel } from '../../waveforms/registry.js';
import { flowOptions, generalOptions, metricOptions, rangeOptions } from '../options.js';
import { catchInterrupts } from '../signals.js';
import { PoolMetricField } from '../../pipeline/metric-pool.js';
import { writeDensityPair, writeLossSpread } from '../train-plots.js';
import type { Samples } from '../../flow/train-data.js';
import { FROM_METRIC_OBJECTIVES, flowForRegion, trainFromMetric, type FromMetricObjective } from '../../pipeline/train-from-metric/active-learning.js';
import { fdOptions, metricOptionsFromArgs, rangesFromArgs, warnRangesUnusedByFormat } from './metric.js';

const { plot: _plot, ...general } = generalOptions;
const { 'loss-function': _loss, 'train-fraction': _tf, patience: _p, 'min-delta': _md, ...flow } = flowOptions;

function positiveInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) invalid(name, v, 'must be a positive integer');
  return v;
}

function inOpenUnit(name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v > 0 && v < 1)) invalid(name, v, 'must be a number in (0, 1)');
  return v;
}

/**
 * Options of `train-from-metric`: those of `place` for the metric and the ranges, the flow options
 * without the dataset ones, and the round settings.
 */
const fromMetricOptions = {
  ...general, ...metricOptions, ...rangeOptions, ...fdOptions, ...flow,
  'hidden-features': { ...flowOptions['hidden-features'], array: true, describe: 'hidden width of each autoregressive network: one value, or one per layer' },
  'batch-size': { ...flowOptions['batch-size'], default: 500 },
  'n-datapoints': { type: 'number', default: 4000, describe: 'metric evaluations in total (the budget; held-out ones included)' },
  'n-rounds': { type: 'number', default: 5, describe: 'rounds: round 0 from the chirp-time-flat prior, then prior + flow points' },
  'initial-fraction': { type: 'number', default: 0.3, describe: 'fraction of the budget spent in round 0' },
  'validation-fraction': { type: 'number', default: 0.5, describe: 'fraction of round 0 held out (fixed validation set)' },
  'prior-fraction': { type: 'number', default: 0.5, describe: 'regression: fraction of each later round drawn from the prior (the rest from the flow)' },
  'patience-rounds': { type: 'number', default: 3, describe: 'regression: stop after this many rounds without a better held-out residual std' },
  'validation-step': { type: 'number', default: 50, describe: 'training steps between two validations' },
  // reverse-kl is the default: on the default bank problem (bench/from-metric.bench.ts, 4000 evaluations, seeds 0 and 1)
  // its held-out log-pdf error std is about half that of regression and of dataset + ll_mse.
  objective: { type: 'string', default: 'reverse-kl', choices: [...FROM_METRIC_OBJECTIVES], describe: 'reverse-kl: importance-weighted reverse KL by the score function (flow points only; runs the whole budget, keeps the last weights); regression: ll_mse on the replay set (prior + flow points)' },
  truncation: { type: 'number', default: 1, describe: 'reverse-kl: cap of the importance weights q/q_old, in units of sqrt(batch) x their mean' },
  plot: { type: 'string', describe: 'write the loss per step with its spread (and, for 2D spaces, the learned density next to the target) as PNG into this folder (bare --plot: the run directory)' },
} as const;

/** Run train-from-metric with parsed options (the handler of `train-from-metric`). */
async function runTrainFromMetric(args: Record<string, unknown>): Promise<void> {
  const fmtName = args['variable-format'];
  if (typeof fmtName !== 'string') invalid('--variable-format', fmtName, 'is required, e.g. Mq_s1z_s2z (or give an ini file)');
  const format = getVariableFormat(fmtName);
  getModel(String(args.approximant));
  const ranges = rangesFromArgs(args);
  warnRangesUnusedByFormat('train-from-metric', ranges, format);
  const missing = format.ranges.filter(([k]) => (MASS_CUT_KEYS as readonly string[]).includes(k) && ranges[k] === undefined);
  if (missing.length > 0) throw new MbankError(`--${rangeOptionName(missing[0][0])}: missing; the format ${format.name} needs its mass ranges (two numbers: min max)`);
  const region = regionFromRanges(format, ranges);
  const metric = metricOptionsFromArgs(args);
  const metricType = checkMetricType(String(args['metric-type']));
  const budget = positiveInt('--n-datapoints', args['n-datapoints']);
  const nRounds = positiveInt('--n-rounds', args['n-rounds']);
  const initial = Math.max(2, Math.round(inOpenUnit('--initial-fraction', args['initial-fraction']) * budget));
  const roundPoints = Math.max(1, Math.ceil((budget - initial) / Math.max(1, nRounds - 1)));
  const nEpochs = positiveInt('--n-epochs', args['n-epochs']);
  const lr = args['learning-rate'] as number;
  if (!(lr > 0) || !Number.isFinite(lr)) invalid('--learning-rate', lr, 'must be a finite number > 0');
  const seed = args.seed as number;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) invalid('--seed', seed, 'must be an integer in [0, 2^32 - 1]');
  const workers = args.workers === undefined ? availableParallelism() : args.workers;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 0) invalid('--workers', workers, 'must be an integer >= 0');
  const hidden = [args['hidden-features'] as number | number[]].flat().map((h) => positiveInt('--hidden-features', h));
  const runDir = (args['run-dir'] as string | undefined) ?? `out_${String(args['run-name'])}`;
  const flowName = args['flow-file'] as string;
  const flowFile = flowName.includes('/') ? flowName : join(runDir, flowName);
  makeDirectory(dirname(flowFile));
  checkOutputPath('--flow-file', flowFile);
  const release = lockOutputs([flowFile], 'train-from-metric');

  const objective = args.objective as FromMetricObjective;
  if (!FROM_METRIC_OBJECTIVES.includes(objective)) invalid('--objective', objective, `must be one of ${FROM_METRIC_OBJECTIVES.join(', ')}`);
  const truncation = args.truncation as number;
  if (!(truncation > 0)) invalid('--truncation', truncation, 'must be a number > 0');
  const backend = await selectBackend(((args.backend as string | undefined) ?? 'auto') as BackendName);
  const flowModel = flowForRegion(region, { nLayers: positiveInt('--n-layers', args['n-layers']), hiddenFeatures: hidden.length === 1 ? hidden[0] : hidden, seed });
  const field = new PoolMetricField({ metric, metricType, ranges }, format.D, workers);
  // a checkpoint beside the flow file (each round's evaluation, each validation, each finished round); a rerun continues from it
  const ckptPath = `${flowFile}.checkpoint.json`;
  const settings = JSON.stringify({
    format: format.name, ranges, metric, metricType, budget, initial, roundPoints, nEpochs, nRounds, lr, seed, hidden, nLayers: args['n-layers'], objective, truncation,
    validationFraction: args['validation-fraction'], priorFraction: args['prior-fraction'], batchSize: args['batch-size'], validationStep: args['validation-step'],
    patienceRounds: args['patience-rounds'], backend,
  });
  type Saved = { loop: FromMetricCheckpoint; losses: number[]; roundEnds: number[] };
  const saved = existsSync(ckptPath) ? checkpointFromJson<Saved>(readFileSync(ckptPath, 'utf8'), settings, ckptPath, FROM_METRIC_CHECKPOINT) : undefined;
  if (saved) process.stderr.write(`train-from-metric: resuming from the checkpoint of round ${saved.loop.round} (${saved.loop.phase}${saved.loop.trainer ? `, step ${saved.loop.trainer.step}` : ''}; ${ckptPath})\n`);
  const interrupts = catchInterrupts('keeping the best weights and a checkpoint');
  process.stderr.write(`train-from-metric: ${format.name} ${metric.approximant}, budget ${budget} metric evaluations (${initial} in round 0, then ${roundPoints} per round), objective ${objective}, ${workers} worker(s), backend ${backend}\n`);
  const t0 = Date.now();
  // the loss of every step for the plot: those of finished rounds are in the checkpoint, a round's own in its trainer checkpoint
  const roundEnds: number[] = saved ? [...saved.roundEnds] : [];
  const losses: number[] = saved ? [...saved.losses, ...(saved.loop.trainer?.history.trainLoss ?? [])] : [];
  try {
    const res = await trainFromMetric({
      field, region, flow: flowModel, budget, initialPoints: initial, validationFraction: inOpenUnit('--validation-fraction', args['validation-fraction']),
      roundPoints, priorFraction: inOpenUnit('--prior-fraction', args['prior-fraction']), stepsPerRound: Math.max(1, Math.round(nEpochs / nRounds)),
      batchSize: positiveInt('--batch-size', args['batch-size']), learningRate: lr, validationStep: positiveInt('--validation-step', args['validation-step']),
      patienceRounds: positiveInt('--patience-rounds', args['patience-rounds']), seed, signal: interrupts.signal, objective, truncation,
      onStep: (l) => losses.push(l),
      ...(saved ? { resume: saved.loop } : {}),
      onCheckpoint: (loop) => {
        // onRound has marked the end of every finished round (a trained one too)
        const done = roundEnds[roundEnds.length - 1] ?? 0;
        writeFileAtomic(ckptPath, checkpointToJson<Saved>({ loop, losses: losses.slice(0, done), roundEnds }, settings, FROM_METRIC_CHECKPOINT));
      },
      onRound: (r) => {
        roundEnds.push(losses.length);
        process.stderr.write(
          `train-from-metric: round ${r.round}: ${r.evaluations} metric evaluations, replay ${r.replaySize} (+${r.fromFlow} flow, +${r.fromPrior} prior, ${r.dropped} unusable), ` +
          `${r.steps} steps${r.ess === undefined ? '' : `, ESS ${(100 * r.ess).toFixed(0)}%`}, held-out log-pdf error mean ${r.heldOutMean.toFixed(4)} std ${r.heldOutStd.toFixed(4)} nats` +
          `${Number.isFinite(r.freshStd) ? ` (previous flow on its new samples: std ${r.freshStd.toFixed(4)})` : ''} (${r.seconds.toFixed(1)} s)\n`,
        );
      },
    });
    makeDirectory(dirname(flowFile));
    saveFlow(flowModel, flowFile, {
      training: { fromMetric: true, objective, loss: objective === 'regression' ? 'll_mse' : 'iw_reverse_KL', budget, evaluations: res.evaluations, nTrain: res.train.n, nValidation: res.validation.n, learningRate: lr, seed, backend, stopReason: res.stopReason },
      rounds: res.rounds,
      variable_format: format.name,
      coordinate_names: [...format.names],
      complete: res.stopReason === 'aborted' ? 'false' : 'true',
    });
    if (res.stopReason === 'aborted') process.stderr.write(`train-from-metric: interrupted: run the same command again to resume from ${ckptPath}\n`);
    else removeQuietly(ckptPath);
    const last = res.rounds[res.rounds.length - 1];
    process.stderr.write(`train-from-metric: ${res.stopReason} after ${res.rounds.length} round(s), ${res.evaluations} metric evaluations, ${((Date.now() - t0) / 1000).toFixed(1)} s; flow saved to ${flowFile}\n`);
    const kept = res.rounds.find((r) => r.round === res.bestRound) ?? last;
    if (kept) process.stderr.write(`train-from-metric: kept the weights of round ${kept.round}; held-out log-pdf residual: mean ${kept.heldOutMean.toPrecision(4)}, std ${kept.heldOutStd.toPrecision(4)} nats\n`);
    process.stdout.write(`Log10 volume of the space: ${flowModel.constant.dataSync()[0] / Math.LN10}\n`);
    if (args.plot !== undefined) {
      const dir = (args.plot as string) === '' ? runDir : (args.plot as string);
      makeDirectory(dir);
      const files = [join(dir, 'loss_spread.png')];
      const name = objective === 'regression' ? 'll_mse' : 'IW reverse KL, E_q[log q - l],';
      writeLossSpread(files[0], losses, { title: `${name} per step (rounds dashed)`, markers: roundEnds.slice(0, -1) });
      if (format.D === 2) {
        files.push(join(dir, 'density_2d.png'));
        const v = res.validation;
        const all: Samples = { x: Float64Array.from([...res.train.x, ...v.x]), n: res.train.n + v.n, dim: 2,
          logPdf: Float64Array.from([...(res.train.logPdf as Float64Array), ...(v.logPdf as Float64Array)]) };
        writeDensityPair(files[1], flowModel, all, format.names, false, 'flow vs 0.5 ln det M at the evaluated points');
      }
      process.stderr.write(`train-from-metric: plots ${files.join(', ')}\n`);
    }
  } finally {
    interrupts.release();
    release();
    await field.close();
    flowModel.dispose();
  }
}

/** The `train-from-metric` command. */
export const trainFromMetricCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'train-from-metric',
  describe: 'train a flow directly on 0.5 ln det M computed on the fly (no dataset), reusing every metric evaluation',
  builder: (y) => y.options(fromMetricOptions as never) as never,
  handler: runTrainFromMetric,
};
