/**
 * `mbank-ts injections`: fitting factors of injections against a bank (mbank bin/mbank_injections):
 * for each injection the maximum match over candidate templates (by default the nearest in
 * chirp-phase coordinates, widened until the best is safely inside; else a chirp-mass window widened
 * until --min-candidates qualify), phase and time maximised (h+ match with sub-sample time
 * refinement for 22-only aligned models; symphony match with the injection's sky location
 * otherwise), on all cores. Writes a JSON stat file (resumable: an existing file with the same
 * settings is continued; Ctrl+C keeps every finished injection), prints the fraction with FF < MM,
 * FF percentiles, time and injections/s; --metric-match adds the metric estimate, --plot the figures.
 */
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import type { CommandModule } from 'yargs';
import { invalid } from '../../core/errors.js';
import { parseShard, shardLabel } from '../../core/shard.js';
import { readBank } from '../../bank/io.js';
import type { Bank } from '../../bank/bank.js';
import { getVariableFormat } from '../../coordinates/format.js';
import { DEFAULT_CACHE_BYTES, defaultRefineWithin, type FittingFactorSettings } from '../../injections/fitting-factor.js';
import type { InjectionSet } from '../../injections/injection-set.js';
import { DEFAULT_NEAREST, DEFAULT_NEAREST_MODULATED } from '../../injections/nearest-candidates.js';
import { readInjections } from '../../injections/io.js';
import { summarize, worstIndices } from '../../injections/stats.js';
import type { MetricGrid, MetricOptions } from '../../metric/workspace.js';
import { fdOptions } from './metric.js';
import { getModel } from '../../waveforms/registry.js';
import { writeInjectionPlots } from '../injections/plots.js';
import { minCandidatesOf, nearestDefaults, nearestSetup, preselectOf } from '../injections/nearest.js';
import { runFittingFactors } from '../injections/run.js';
import { inRunDir } from './injfile.js';
import { catchInterrupts } from '../signals.js';
import { checkOutputPath, makeDirectory } from '../../core/atomic-write.js';
import { uniformGrid } from '../../core/grid.js';
import { lockOutputs } from '../lock.js';
import { loadPsd, psdOnBand } from '../../psd/resolve.js';

/** Bank coordinates in `format` (the stored ones when the format matches, else converted from the templates). */
export function bankPoints(bank: Bank, formatName: string): Float64Array {
  const format = getVariableFormat(formatName);
  if (bank.coordinates && bank.metadata.variableFormat === formatName && bank.dimension === format.D) return bank.coordinates.values;
  const t = bank.templates;
  const out = new Float64Array(bank.size * format.D);
  for (let i = 0; i < bank.size; i++) {
    out.set(format.fromPhysical({
      m1: t.mass1[i], m2: t.mass2[i], s1x: t.spin1x[i], s1y: t.spin1y[i], s1z: t.spin1z[i], s2x: t.spin2x[i], s2y: t.spin2y[i], s2z: t.spin2z[i],
      e: t.eccentricity?.[i] ?? 0, meanano: t.meanAnomaly?.[i] ?? 0, iota: t.inclination?.[i] ?? 0, phi: t.phiRef?.[i] ?? 0,
    }), i * format.D);
  }
  return out;
}

function injectionPoints(set: InjectionSet, formatName: string): Float64Array {
  const format = getVariableFormat(formatName);
  const out = new Float64Array(set.size * format.D);
  for (let i = 0; i < set.size; i++) out.set(format.fromPhysical(set.components(i)), i * format.D);
  return out;
}

/**
 * Metric of the estimate and the preselection: the option, else the bank's (metadata.extra.metricType;
 * its hessian-based types map to hessian), else symphony for models with hx not -i h+ (precessing or
 * higher modes) and hessian for 22-only aligned ones.
 */
function metricTypeOf(option: string | undefined, recorded: unknown, approximant: string): 'hessian' | 'symphony' {
  if (option === 'hessian' || option === 'symphony') return option;
  if (recorded === 'symphony') return 'symphony';
  if (recorded === 'hessian' || recorded === 'parabolic_fit_hessian') return 'hessian';
  return getModel(approximant).only22 ? 'hessian' : 'symphony';
}

/** Approximant, band, grid and PSD coverage checked here, before any worker starts (one line each). */
function checkBand(s: FittingFactorSettings): void {
  getModel(s.approximant);
  if (!(s.fMinHz > 0 && s.fMaxHz > s.fMinHz)) invalid('--f-min/--f-max', [s.fMinHz, s.fMaxHz], 'must be 0 < f-min < f-max (Hz)');
  const grid = uniformGrid(s.df, s.fMaxHz);
  psdOnBand(loadPsd(s.psd, { asd: s.asd }), grid.frequencies, s.fMinHz, s.fMaxHz, s.allowPsdBandCut);
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');

/** Number of worst injections listed. */
const WORST_LISTED = 10;

/** The worst injections, one line each: FF, best template, components and (with a format) coordinates. */
function worstLines(set: InjectionSet, ff: readonly (number | null)[], formatName: string | undefined): string[] {
  const idx = worstIndices(ff, WORST_LISTED);
  if (idx.length === 0) return [];
  const format = formatName !== undefined ? getVariableFormat(formatName) : undefined;
  const g = (x: number) => x.toPrecision(4);
  return [`worst ${idx.length} injections:`, ...idx.map((i) => {
    const c = set.components(i);
    const coords = format ? `; ${format.names.map((n, d) => `${n} ${g(format.fromPhysical(c)[d])}`).join(', ')}` : '';
    return `  #${i}: FF ${fmt(ff[i] as number)}; m1 ${g(c.m1)}, m2 ${g(c.m2)}, s1 (${g(c.s1x)}, ${g(c.s1y)}, ${g(c.s1z)}), s2 (${g(c.s2x)}, ${g(c.s2y)}, ${g(c.s2z)})` +
      `${c.e > 0 ? `, e ${g(c.e)}` : ''}, iota ${g(c.iota)}${coords}`;
  })];
}

/** The `injections` command. */
export const injectionsCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'injections',
  describe: 'fitting factors of injections against a bank (phase/time maximised match over the nearest templates), resumable, on all cores',
  builder: (y) =>
    y
      .option('bank', { type: 'string', demandOption: true, describe: 'bank file (.h5, .xml, .txt)' })
      .option('inj-file', { type: 'string', demandOption: true, describe: 'injection file (.h5 or sim_inspiral .xml), see `mbank-ts injfile`' })
      .option('n-injs', { type: 'number', describe: 'use only the first n injections of the file' })
      .option('psd', { type: 'string', describe: 'PSD: bundled name, analytic LAL name (aLIGOZeroDetHighPower) or file (default: the bank\'s)' })
      .option('asd', { type: 'boolean', describe: 'the PSD file holds an ASD (default: as recorded in the bank, metadata.extra.asd, else false)' })
      .option('f-min', { type: 'number', describe: 'lower frequency [Hz]: waveform start, f_ref and band start (default: the bank\'s, else 15)' })
      .option('f-max', { type: 'number', describe: 'upper frequency [Hz] of the grid and band (default: the bank\'s, else 1024)' })
      .option('df', { type: 'number', describe: 'frequency spacing [Hz] (default: the bank\'s, else 0.25)' })
      .option('approximant', { type: 'string', describe: 'approximant of injections and templates (default: the bank\'s, else IMRPhenomD)' })
      .option('mm', { type: 'number', describe: 'minimal match the fraction below is counted against (default: the bank\'s, else 0.97)' })
      .option('mchirp-window', { type: 'number', default: 0.1, describe: 'initial relative chirp-mass window |dMc|/Mc of the candidates' })
      .option('min-candidates', { type: 'number', describe: `candidates evaluated at least: the nearest ones (default ${DEFAULT_NEAREST.minCandidates}; ${DEFAULT_NEAREST_MODULATED.minCandidates} for precessing or higher-mode banks), or the chirp-mass window widens by 0.05 until min(this, N templates) qualify (default 1500, mbank's)` })
      .option('preselect', { type: 'string', choices: ['nearest', 'mchirp', 'metric'], describe: 'candidates: nearest, the templates nearest in chirp-phase coordinates (a k-d tree cached as <bank>.ffindex), evaluated until every template with |dz|^2 <= ball-scale (1 - FF) + ball-floor is done (the default; precessing and higher-mode banks take a wider ball, see --ball-scale; not for eccentric banks); mchirp, a chirp-mass window (default for eccentric banks); metric, the --min-candidates nearest in metric distance at the injection (needs the variable format), doubled while the best sits in the last 20% of the list' })
      .option('ball-scale', { type: 'number', describe: `--preselect nearest: the ball |dz|^2 <= ball-scale (1 - FF) + ball-floor (default ${DEFAULT_NEAREST.scale}; ${DEFAULT_NEAREST_MODULATED.scale} for precessing or higher-mode banks)` })
      .option('ball-floor', { type: 'number', default: DEFAULT_NEAREST.floor, describe: '--preselect nearest: see --ball-scale' })
      .option('max-candidates', { type: 'number', default: DEFAULT_NEAREST.maxCandidates, describe: '--preselect nearest: at most this many candidates per injection' })
      .option('metric-type', { type: 'string', choices: ['hessian', 'symphony'], describe: 'metric of --metric-match and --preselect metric (default: the bank\'s metric type, else symphony unless the model is 22-only)' })
      .option('metric-grid', fdOptions['metric-grid'])
      .option('symphony', { type: 'boolean', describe: 'force (or with --no-symphony forbid) the symphony match; default: symphony unless the model is 22-only' })
      .option('refine-within', { type: 'number', describe: 'sub-sample time refinement of every candidate whose grid match is within this of the best (default 0.02 for the h+ match, 0.1 for the symphony match)' })
      .option('cache-mb', { type: 'number', default: DEFAULT_CACHE_BYTES / 2 ** 20, describe: 'template cache per worker [MiB] (the whole bank is precomputed when it fits)' })
      .option('workers', { type: 'number', describe: 'worker threads (default: number of cores; 0: this thread)' })
      .option('metric-match', { type: 'boolean', default: false, describe: 'also the metric-match estimate (needs the bank variable format)' })
      .option('variable-format', { type: 'string', describe: 'bank coordinates for --metric-match and the plots (default: the bank\'s)' })
      .option('out', { type: 'string', default: 'injections_stat.json', describe: 'JSON stat file (continued if it exists with the same settings); names without "/" go inside --run-dir' })
      .option('run-dir', { type: 'string', describe: 'directory of the outputs (default: the directory of --out)' })
      .option('shard', { type: 'string', describe: 'compute only shard K of N (K/N) of the injections; `merge --injection-stat` joins the N stat files into the unsharded one' })
      .option('allow-partial-bank', { type: 'boolean', default: false, describe: 'accept a bank marked incomplete (written by an interrupted place run)' })
      .option('allow-psd-band-cut', { type: 'boolean', default: false, describe: 'accept a PSD that does not cover [f-min, f-max) (the uncovered bins are dropped); default: an error' })
      .option('plot', { type: 'boolean', default: false, describe: 'write FF_hist.png, injections_corner.png, injections_ff.png' }) as never,
  handler: async (args) => {
    const bankPath = args.bank as string;
    const injPath = args['inj-file'] as string;
    const bank = await readBank(bankPath);
    const complete = bank.metadata.extra?.complete;
    if ((complete === 0 || complete === '0' || /\.partial\./.test(bankPath)) && !args['allow-partial-bank']) {
      invalid('--bank', bankPath, 'is marked incomplete (an interrupted place run wrote it): rerun place to finish it, or pass --allow-partial-bank');
    }
    let injections = await readInjections(injPath);
    const nInjs = args['n-injs'] as number | undefined;
    if (nInjs !== undefined) {
      if (!Number.isInteger(nInjs) || nInjs < 1) invalid('--n-injs', nInjs, 'must be a positive integer');
      injections = injections.head(nInjs);
    }
    const m = bank.metadata;
    const psd = (args.psd as string | undefined) ?? m.psd;
    if (psd === undefined) invalid('--psd', psd, 'is required: the bank records no PSD');
    const mm = (args.mm as number | undefined) ?? m.minimalMatch ?? 0.97;
    if (!(mm > 0 && mm < 1)) invalid('--mm', mm, 'must be in (0, 1)');
    const approximant = (args.approximant as string | undefined) ?? m.approximant ?? 'IMRPhenomD';
    const preselect = preselectOf(args.preselect as string | undefined, bank, approximant);
    const ballDefaults = nearestDefaults(bank, approximant);
    const settings: FittingFactorSettings = {
      approximant,
      psd, asd: args.asd !== undefined ? Boolean(args.asd) : (args.psd === undefined || args.psd === m.psd) && [1, 'true'].includes(m.extra?.asd as never),
      fMinHz: (args['f-min'] as number | undefined) ?? m.fMin ?? 15,
      fMaxHz: (args['f-max'] as number | undefined) ?? m.fMax ?? 1024,
      df: (args.df as number | undefined) ?? m.df ?? 0.25,
      mchirpWindow: args['mchirp-window'] as number,
      minCandidates: minCandidatesOf(args['min-candidates'] as number | undefined, preselect, ballDefaults),
      refineWithin: (args['refine-within'] as number | undefined) ?? defaultRefineWithin(args.symphony !== undefined ? Boolean(args.symphony) : !getModel(approximant).only22),
      cacheBytes: (args['cache-mb'] as number) * 2 ** 20,
      ...(args.symphony !== undefined ? { symphony: Boolean(args.symphony) } : {}),
      ...(args['allow-psd-band-cut'] === true ? { allowPsdBandCut: true } : {}),
    };
    checkBand(settings);
    const workers = (args.workers as number | undefined) ?? availableParallelism();
    if (!Number.isInteger(workers) || workers < 0) invalid('--workers', workers, 'must be an integer >= 0');
    const formatName = (args['variable-format'] as string | undefined) ?? m.variableFormat;
    let metric: { options: MetricOptions; coordinates: Float64Array; type: 'hessian' | 'symphony' } | undefined;
    const ball = { scale: (args['ball-scale'] as number | undefined) ?? ballDefaults.scale, floor: args['ball-floor'] as number, maxCandidates: args['max-candidates'] as number };
    const nearest = preselect === 'nearest' ? nearestSetup(bankPath, bank, settings, ball, (line) => process.stderr.write(`${line}\n`)) : undefined;
    if (args['metric-match'] || preselect === 'metric') {
      if (formatName === undefined) invalid('--variable-format', formatName, 'is required for --metric-match and --preselect metric: the bank records no variable format');
      metric = {
        options: {
          variableFormat: formatName, approximant: settings.approximant, psd, asd: settings.asd, fMinHz: settings.fMinHz, fMaxHz: settings.fMaxHz, df: settings.df,
          allowPsdBandCut: settings.allowPsdBandCut,
          ...(args['metric-grid'] !== undefined ? { metricGrid: args['metric-grid'] as MetricGrid } : {}),
        },
        coordinates: bankPoints(bank, formatName),
        type: metricTypeOf(args['metric-type'] as string | undefined, m.extra?.metricType, settings.approximant),
      };
    }
    const runDir = args['run-dir'] as string | undefined;
    // the run directory is created as place creates its own (bounded mkdir: a path through a file or /proc fails in one line)
    if (runDir !== undefined && runDir !== '') makeDirectory(runDir);
    const statPath = inRunDir(runDir, args.out as string);
    checkOutputPath('--out', statPath);
    const { cacheBytes: _c, ...numbers } = settings;
    const shard = args.shard !== undefined ? parseShard(String(args.shard)) : undefined;
    if (shard !== undefined && shard.count > injections.size) invalid('--shard', args.shard, `must have N <= ${injections.size}, the number of injections`);
    const identity = { bank: bankPath, injFile: injPath, nInjections: injections.size, bankSize: bank.size, preselect, ...numbers,
      ...(nearest ? { ball } : {}), ...(shard ? { shard: shardLabel(shard) } : {}) };

    const release = lockOutputs([statPath], 'injections');
    const interrupts = catchInterrupts('keeping the finished injections');
    const tty = process.stderr.isTTY === true;
    const bar = tty ? new cliProgress.SingleBar({ format: 'injections |{bar}| {value}/{total} | {rate} inj/s | eta {eta_formatted}', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
    const t0 = Date.now();
    let start = -1, lastLine = 0;
    try {
      const result = await runFittingFactors({
        bank, injections, settings, metric, recordMetric: Boolean(args['metric-match']), preselect, nearest, statPath, identity, workers, signal: interrupts.signal, shard,
        onProgress: (done, total) => {
          if (start < 0) start = done;
          const rate = ((done - start) / Math.max(1e-3, (Date.now() - t0) / 1000)).toFixed(2);
          if (bar) {
            if (done === start) bar.start(total, done, { rate }); else bar.update(done, { rate });
          } else if (Date.now() - lastLine > 10000 || done === total) {
            lastLine = Date.now();
            process.stderr.write(`injections: ${done}/${total} (${rate} inj/s)\n`);
          }
        },
      });
      bar?.stop();
      const s = summarize(result.stats.ff, mm);
      const lines = [
        `injections${shard ? ` (shard ${shardLabel(shard)})` : ''}: ${s.done}/${s.total} done against ${bank.size} templates (${settings.approximant}, ${psd}, [${settings.fMinHz}, ${settings.fMaxHz}) Hz, ` +
          `${result.resumed > 0 ? `${result.resumed} from the stat file, ` : ''}${result.computed} computed in ${result.seconds.toFixed(1)} s, ` +
          `${(result.computed / Math.max(1e-9, result.seconds)).toFixed(2)} injections/s)`,
        `fraction with FF < ${mm}: ${fmt(s.fractionBelow)} (FF >= ${mm}: ${fmt(1 - s.fractionBelow)})`,
        `FF percentiles: 0.1%: ${fmt(s.percentiles['0.1'])}, 1%: ${fmt(s.percentiles['1'])}, 5%: ${fmt(s.percentiles['5'])}, 10%: ${fmt(s.percentiles['10'])}, 50%: ${fmt(s.percentiles['50'])}; worst ${fmt(s.worst)}`,
        ...worstLines(injections, result.stats.ff, formatName),
      ];
      if (result.stats.metricMatch) {
        const sm = summarize(result.stats.metricMatch, mm);
        lines.push(`metric match: fraction < ${mm}: ${fmt(sm.fractionBelow)}; percentiles 1%: ${fmt(sm.percentiles['1'])}, 5%: ${fmt(sm.percentiles['5'])}, 50%: ${fmt(sm.percentiles['50'])}`);
      }
      lines.push(`stat file: ${statPath}${result.interrupted ? ' (interrupted: run the same command again to continue)' : ''}`);
      process.stdout.write(`${lines.join('\n')}\n`);
      if (args.plot) {
        const names = formatName !== undefined ? getVariableFormat(formatName).names : ['m1', 'm2', 's1z', 's2z'];
        const points = formatName !== undefined ? injectionPoints(injections, formatName)
          : Float64Array.from({ length: injections.size * 4 }, (_, k) => {
            const c = injections.columns, i = Math.floor(k / 4);
            return [c.mass1[i], c.mass2[i], c.spin1z[i], c.spin2z[i]][k % 4];
          });
        const ff = Float64Array.from(result.stats.ff, (x) => x ?? NaN);
        const metricMatch = result.stats.metricMatch ? Float64Array.from(result.stats.metricMatch, (x) => x ?? NaN) : undefined;
        const files = writeInjectionPlots({ dir: runDir ?? dirname(statPath), ff, metricMatch, points, names, mm });
        process.stderr.write(`plots: ${files.join(', ')}\n`);
      }
    } finally {
      bar?.stop();
      interrupts.release();
      release();
    }
  },
};
