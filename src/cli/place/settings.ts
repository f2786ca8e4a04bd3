/**
 * The settings of one `place` run from parsed arguments. Checks run in the order a user can act on:
 * variable format, approximant, minimal match, mass ranges, then the numbers of the stages; each
 * failure is one MbankError line naming the option, the value and what is allowed.
 */
import { invalid, MbankError } from '../../core/errors.js';
import { getVariableFormat, type VariableFormat } from '../../coordinates/format.js';
import { MASS_CUT_KEYS, regionFromRanges, rangeOptionName } from '../../coordinates/box.js';
import { checkMetricType } from '../../metric/metric.js';
import { getModel } from '../../waveforms/registry.js';
import type { PlaceSettings, TrainSettings } from '../../pipeline/place/settings.js';
import { metricOptionsFromArgs, rangesFromArgs, warnRangesUnusedByFormat } from '../commands/metric.js';
import { placeOptions } from './options.js';

function positiveInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) invalid(name, v, 'must be a positive integer');
  return v;
}

function inOpenUnit(name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v > 0 && v < 1)) invalid(name, v, 'must be a number in (0, 1)');
  return v;
}

/** The mass range options a format's box needs (mbank requires them: no mass defaults). */
export function requiredMassRanges(format: VariableFormat): string[] {
  return format.ranges.filter(([k]) => (MASS_CUT_KEYS as readonly string[]).includes(k)).map(([k]) => `--${rangeOptionName(k)}`);
}

/** Validate parsed `place` arguments into settings; `workers` is the default worker count. */
export function placeSettings(args: Record<string, unknown>, defaultWorkers: number): PlaceSettings {
  const fmtName = args['variable-format'];
  if (typeof fmtName !== 'string') invalid('--variable-format', fmtName, 'is required, e.g. Mq_s1z_s2z (or give an ini file)');
  const format = getVariableFormat(fmtName);
  getModel(String(args.approximant));
  const minimalMatch = inOpenUnit('--mm', args.mm);
  const ranges = rangesFromArgs(args);
  warnRangesUnusedByFormat('place', ranges, format);
  const needed = requiredMassRanges(format);
  const missing = format.ranges.filter(([k]) => (MASS_CUT_KEYS as readonly string[]).includes(k) && ranges[k] === undefined);
  if (missing.length > 0) {
    throw new MbankError(`--${rangeOptionName(missing[0][0])}: missing; the format ${format.name} needs the mass ranges ${needed.join(' and ')} (two numbers each: min max)`);
  }
  const region = regionFromRanges(format, ranges);
  const metric = metricOptionsFromArgs(args);
  const metricType = checkMetricType(String(args['metric-type']));
  const method = args['placing-method'];
  if (method !== 'random' && method !== 'stochastic' && method !== 'cover') invalid('--placing-method', method, 'must be random, stochastic or cover');
  if (method === 'cover' && args.completion === false) invalid('--no-completion', false, 'cannot go with --placing-method cover (the cover is the completion from an empty bank)');
  const coveringFraction = args['covering-fraction'];
  if (typeof coveringFraction !== 'number' || !(coveringFraction > 0 && coveringFraction <= 1)) invalid('--covering-fraction', coveringFraction, 'must be in (0, 1]');
  const livepoints = positiveInt('--n-livepoints', args['n-livepoints']);
  if (livepoints < 2) invalid('--n-livepoints', livepoints, 'must be >= 2');
  const seed = args.seed;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) invalid('--seed', seed, 'must be an integer in [0, 2^32 - 1]');
  const workers = args.workers === undefined ? defaultWorkers : args.workers;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 0) invalid('--workers', workers, 'must be an integer >= 0 (0: no worker threads)');
  const lr = args['learning-rate'];
  if (typeof lr !== 'number' || !(lr > 0) || !Number.isFinite(lr)) invalid('--learning-rate', lr, 'must be a finite number > 0');
  const minDelta = args['min-delta'];
  if (typeof minDelta !== 'number' || !(minDelta >= 0)) invalid('--min-delta', minDelta, 'must be >= 0');
  const hidden = [args['hidden-features'] as number | number[]].flat().map((h) => positiveInt('--hidden-features', h));
  const maxTemplates = args['max-templates'] === undefined ? undefined : positiveInt('--max-templates', args['max-templates']);
  const uniformFraction = args['uniform-fraction'] ?? placeOptions['uniform-fraction'].default;
  if (typeof uniformFraction !== 'number' || !(uniformFraction >= 0 && uniformFraction < 1)) invalid('--uniform-fraction', uniformFraction, 'must be a number in [0, 1)');
  const completeness = args.completeness ?? placeOptions.completeness.default;
  if (typeof completeness !== 'number' || !(completeness > 0 && completeness <= 1)) invalid('--completeness', completeness, 'must be in (0, 1]');
  const completionProbes = args['completion-probes'] === undefined ? undefined : positiveInt('--completion-probes', args['completion-probes']);
  const validationProbes = positiveInt('--validation-probes', args['validation-probes'] ?? placeOptions['validation-probes'].default);
  const completionRounds = positiveInt('--completion-rounds', args['completion-rounds'] ?? placeOptions['completion-rounds'].default);
  const completionReach = args['completion-reach'] ?? placeOptions['completion-reach'].default;
  if (typeof completionReach !== 'number' || !(completionReach >= 1 && completionReach <= 1000)) invalid('--completion-reach', completionReach, 'must be a number in [1, 1000]');
  const completionWorst = args['completion-worst'];
  if (completionWorst !== undefined && !(typeof completionWorst === 'number' && completionWorst > 0 && completionWorst <= minimalMatch)) {
    invalid('--completion-worst', completionWorst, `must be in (0, MM = ${minimalMatch}]`);
  }
  const validationNeighbourhood = args['validation-neighbourhood'];
  if (validationNeighbourhood !== undefined && !(typeof validationNeighbourhood === 'number' && validationNeighbourhood >= completionReach)) {
    invalid('--validation-neighbourhood', validationNeighbourhood, `must be a number >= --completion-reach = ${completionReach} (Infinity: every template)`);
  }
  const holeProbes = args['hole-probes'] ?? placeOptions['hole-probes'].default;
  if (!(typeof holeProbes === 'number' && Number.isInteger(holeProbes) && holeProbes >= 0)) invalid('--hole-probes', holeProbes, 'must be a non-negative integer');
  return {
    runName: String(args['run-name']),
    validationNeighbourhood: validationNeighbourhood as number | undefined, holeProbes,
    completion: args.completion === undefined ? true : Boolean(args.completion), completeness, completionProbes, validationProbes,
    completionRounds, completionReach, completionWorst: completionWorst as number | undefined,
    format, metric, metricType, ranges, region, minimalMatch, method,
    livepoints, coveringFraction,
    emptyIterations: positiveInt('--empty-iterations', args['empty-iterations']),
    prune: Boolean(args.prune), maxTemplates, uniformFraction, seed, workers,
    nDatapoints: positiveInt('--n-datapoints', args['n-datapoints']),
    chunkSize: positiveInt('--chunk-size', args['chunk-size']),
    train: {
      nLayers: positiveInt('--n-layers', args['n-layers']),
      hiddenFeatures: hidden,
      nEpochs: positiveInt('--n-epochs', args['n-epochs']),
      learningRate: lr,
      batchSize: positiveInt('--batch-size', args['batch-size']),
      trainFraction: inOpenUnit('--train-fraction', args['train-fraction']),
      validationStep: positiveInt('--validation-step', args['validation-step']),
      patience: positiveInt('--patience', args.patience),
      minDelta,
      loss: args['loss-function'] as TrainSettings['loss'],
    },
    plot: Boolean(args.plot),
    backend: args.backend as string | undefined,
  };
}
