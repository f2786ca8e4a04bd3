/**
 * `mbank-ts metric`: the metric at one point, printed as JSON
 * {variableFormat, names, theta, metric, eigenvalues, det, logPdf, positiveDefinite}
 * (mbank bin/mbank_print_metric). Non-finite numbers are written as the strings "NaN", "-Infinity".
 * logPdf is -Infinity when theta is outside the box of the range options and the mass cuts.
 */
import type { CommandModule } from 'yargs';
import { invalid } from '../../core/errors.js';
import { checkRange, DEFAULT_RANGES, isInside, MASS_CUT_KEYS, regionFromRanges, RANGE_KEYS, rangeOptionName, type RangeKey, type RangeOptions, type VariableFormat } from '../../coordinates/index.js';
import { checkMetricType } from '../../metric/metric.js';
import { computeMetric } from '../../metric/compute.js';
import { MetricWorkspace, DEFAULT_FD_ORDER, DEFAULT_FD_STEP, METRIC_GRIDS, type MetricGrid, type MetricOptions } from '../../metric/workspace.js';
import { metricOptions, rangeOptions } from '../options.js';

/** Range options from parsed yargs arguments (kebab-case `<key>-range`, two numbers each). */
export function rangesFromArgs(args: Record<string, unknown>): RangeOptions {
  const out: RangeOptions = {};
  for (const key of RANGE_KEYS) {
    const name = rangeOptionName(key);
    const v = args[name];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.length !== 2 || v.some((x) => typeof x !== 'number' || Number.isNaN(x))) invalid(`--${name}`, v, 'must be two numbers: min max');
    out[key] = [v[0] as number, v[1] as number];
  }
  return out;
}

/**
 * Range options given (other than their default) that nothing uses, e.g. `--s1-range` with a
 * nonspinning format: mbank ignores them silently; here each gets one warning line on stderr, and
 * one outside its physical domain is refused as it would be where it is used.
 * `used`: the keys the command uses; `by`: who ignores the rest ("--source bank").
 */
export function warnUnusedRanges(command: string, ranges: RangeOptions, used: readonly RangeKey[], by: string): void {
  for (const key of RANGE_KEYS) {
    const r = ranges[key];
    const def = DEFAULT_RANGES[key];
    if (r === undefined || used.includes(key) || (r[0] === def[0] && r[1] === def[1])) continue;
    checkRange(key, r);
    process.stderr.write(`mbank-ts ${command}: --${rangeOptionName(key)} ${r[0]} ${r[1]} is not used by ${by}: ignored\n`);
  }
}

/** {@link warnUnusedRanges} for a format: it uses its coordinates' ranges and every mass range (they act as cuts), plus `alsoUsed`. */
export function warnRangesUnusedByFormat(command: string, ranges: RangeOptions, format: VariableFormat, alsoUsed: readonly RangeKey[] = []): void {
  const used = [...format.ranges.map(([k]) => k), ...MASS_CUT_KEYS, ...alsoUsed];
  warnUnusedRanges(command, ranges, used, `the variable format ${format.name} (coordinates ${format.names.join(', ')})`);
}

/** Metric settings from parsed yargs arguments (the metric option group). */
export function metricOptionsFromArgs(args: Record<string, unknown>): MetricOptions {
  const fmt = args['variable-format'];
  if (typeof fmt !== 'string') invalid('--variable-format', fmt, 'is required, e.g. Mq_s1z_s2z');
  const psd = args.psd;
  if (typeof psd !== 'string') invalid('--psd', psd, 'is required: a bundled name (e.g. aligo_O3actual_H1), an analytic LAL name or a file');
  for (const k of ['f-min', 'f-max', 'df', 'fd-order', 'fd-step']) {
    if (args[k] !== undefined && (typeof args[k] !== 'number' || Number.isNaN(args[k]))) invalid(`--${k}`, args[k], 'must be a number');
  }
  return {
    variableFormat: fmt, approximant: String(args.approximant), psd, asd: Boolean(args.asd),
    fMinHz: args['f-min'] as number, fMaxHz: args['f-max'] as number, df: args.df as number,
    order: args['fd-order'] as number, step: args['fd-step'] as number,
    ...(args['allow-psd-band-cut'] === true ? { allowPsdBandCut: true } : {}),
    ...(args['metric-grid'] !== undefined ? { metricGrid: args['metric-grid'] as MetricGrid } : {}),
  };
}

/** Finite-difference and metric-grid options of every command that computes metrics (metric, dataset, train-from-metric, place). */
export const fdOptions = {
  'fd-order': { type: 'number', default: DEFAULT_FD_ORDER, choices: [2, 4, 6, 8], describe: 'order of the finite-difference stencils' },
  'fd-step': { type: 'number', default: DEFAULT_FD_STEP, describe: 'finite-difference step: relative for masses, q, eta; absolute otherwise' },
  'metric-grid': {
    type: 'string', choices: METRIC_GRIDS,
    describe: 'frequencies of the metric\'s inner products: quadrature (~320 nodes, ~7x faster) or uniform (every bin); default quadrature when the approximant has generateAt',
  },
} as const;

const finite = (x: number): number | string => (Number.isFinite(x) ? x : String(x));

/** The `metric` command. */
export const metricCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'metric',
  describe: 'print the metric at one point as JSON (metric, eigenvalues, det, logPdf, positiveDefinite)',
  builder: (y) =>
    y
      .options(metricOptions)
      .options(rangeOptions)
      .options(fdOptions)
      .option('theta', { type: 'string', demandOption: true, describe: 'the point, comma-separated in the variable format, e.g. 40,2,0.3,-0.2' }) as never,
  handler: (args) => {
    const options = metricOptionsFromArgs(args);
    const type = checkMetricType(String(args['metric-type']));
    const ws = new MetricWorkspace(options);
    const theta = String(args.theta).split(',').map((s) => Number(s.trim()));
    if (theta.length !== ws.format.D || theta.some((v) => Number.isNaN(v))) {
      invalid('--theta', args.theta, `must be ${ws.format.D} comma-separated numbers (${ws.format.names.join(', ')})`);
    }
    const r = computeMetric(ws, theta, type);
    const ranges = rangesFromArgs(args);
    warnRangesUnusedByFormat('metric', ranges, ws.format);
    const inside = isInside(regionFromRanges(ws.format, ranges), theta);
    const D = r.D;
    const out = {
      variableFormat: ws.format.name,
      names: ws.format.names,
      theta,
      metricType: type,
      metricGrid: ws.metricGrid,
      metric: Array.from({ length: D }, (_, i) => Array.from(r.metric.subarray(i * D, (i + 1) * D), finite)),
      eigenvalues: Array.from(r.eigenvalues, finite),
      det: finite(r.det),
      logPdf: finite(inside ? r.logPdf : -Infinity),
      positiveDefinite: r.positiveDefinite,
      ...(inside ? {} : { outside: 'theta is outside the box of the range options (the defaults are in --help) or a mass cut: logPdf = -Infinity' }),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  },
};
