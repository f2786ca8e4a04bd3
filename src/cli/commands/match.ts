/**
 * `mbank-ts match`: the match of two waveforms (h+ of each) on f_k = k df, k = 0..floor(f_max/df),
 * with a PSD by name or path, band [f_min, f_max) (pycbc bins; Nyquist excluded). Prints JSON
 * {"match", "overlap", "timeShift", "phase"} (+ "matchRefined" with --refine). The template is the
 * conjugated series: timeShift > 0 means the signal arrives later than the template.
 */
import type { CommandModule } from 'yargs';
import { invalid, MbankError } from '../../core/errors.js';
import { uniformGrid } from '../../core/grid.js';
import { overlap } from '../../match/inner.js';
import { match } from '../../match/match.js';
import { matchRefined } from '../../match/refine.js';
import { MatchWorkspace } from '../../match/workspace.js';
import { loadPsd } from '../../psd/resolve.js';
import { getModel } from '../../waveforms/registry.js';
import type { WaveformParams } from '../../waveforms/types.js';

/** Keys of --signal / --template (the LAL test vectors' parameter names). */
export const PARAM_KEYS = ['m1', 'm2', 's1x', 's1y', 's1z', 's2x', 's2y', 's2z', 'inclination', 'phi_ref', 'f_ref'] as const;
type ParamKey = (typeof PARAM_KEYS)[number];

/**
 * Parse "m1=30,m2=20,s1z=0.3" into waveform parameters: missing keys are 0, f_ref defaults to
 * fMinHz, distance is 1 Mpc (it cancels in the match). Unknown or repeated keys and non-numbers
 * throw an MbankError naming them and listing the allowed keys.
 */
export function parseParamList(option: string, text: string, fMinHz: number, fMaxHz: number): WaveformParams {
  const values: Partial<Record<ParamKey, number>> = {};
  const allowed = `comma-separated key=value with keys ${PARAM_KEYS.join(', ')}`;
  if (typeof text !== 'string' || text.trim() === '') invalid(option, text, allowed);
  for (const item of text.split(',')) {
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    const raw = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (!(PARAM_KEYS as readonly string[]).includes(key)) invalid(`${option} key`, key, `unknown; allowed keys are ${PARAM_KEYS.join(', ')}`);
    if (key in values) invalid(`${option} key`, key, 'given twice');
    const v = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(v)) invalid(`${option} ${key}`, raw, 'must be a finite number');
    values[key as ParamKey] = v;
  }
  const g = (k: ParamKey) => values[k] ?? 0;
  return {
    m1: g('m1'), m2: g('m2'), s1x: g('s1x'), s1y: g('s1y'), s1z: g('s1z'), s2x: g('s2x'), s2y: g('s2y'), s2z: g('s2z'),
    distanceMpc: 1, inclination: g('inclination'), phiRef: g('phi_ref'),
    fMinHz, fMaxHz, fRefHz: values.f_ref ?? fMinHz,
  };
}

interface MatchArgs {
  psd: string;
  asd: boolean;
  'f-min': number;
  'f-max': number;
  df: number;
  approximant: string;
  'template-approximant'?: string;
  signal: string;
  template: string;
  refine: boolean;
}

/** The `match` command. */
export const matchCommand: CommandModule<object, MatchArgs> = {
  command: 'match',
  describe: 'match (phase and time maximised) of a signal and a template waveform (h+), printed as JSON',
  builder: (y) =>
    y
      .option('psd', { type: 'string', demandOption: true, describe: 'PSD: bundled short name (aligo_O3actual_H1), analytic LAL name (aLIGOZeroDetHighPower) or file path' })
      .option('asd', { type: 'boolean', default: false, describe: 'the PSD file holds an ASD (values are squared)' })
      .option('f-min', { type: 'number', default: 15, describe: 'lower band edge and waveform starting frequency [Hz]' })
      .option('f-max', { type: 'number', default: 1024, describe: 'upper band edge [Hz]; grid k df, k = 0..floor(f_max/df)' })
      .option('df', { type: 'number', default: 0.25, describe: 'frequency spacing [Hz]' })
      .option('approximant', { type: 'string', default: 'IMRPhenomD', describe: 'approximant of the signal (and of the template unless --template-approximant)' })
      .option('template-approximant', { type: 'string', describe: 'approximant of the template (default: --approximant)' })
      .option('signal', { type: 'string', demandOption: true, describe: `signal parameters, e.g. m1=30,m2=20,s1z=0.3 (keys: ${PARAM_KEYS.join(', ')}; missing = 0, f_ref = f_min)` })
      .option('template', { type: 'string', demandOption: true, describe: 'template parameters, same form as --signal' })
      .option('refine', { type: 'boolean', default: false, describe: 'also print matchRefined: the match over a continuous time shift' }) as never,
  handler: (args) => {
    for (const key of ['f-min', 'f-max', 'df'] as const) {
      if (typeof args[key] !== 'number' || !Number.isFinite(args[key])) invalid(`--${key}`, args[key], 'must be a finite number');
    }
    const fMin = args['f-min'], fMax = args['f-max'];
    if (!(fMin >= 0 && fMin < fMax)) throw new MbankError(`--f-min = ${fMin}: must be >= 0 and below --f-max = ${fMax}`);
    const signalModel = getModel(args.approximant);
    const templateModel = getModel(args['template-approximant'] ?? args.approximant);
    const sParams = parseParamList('--signal', args.signal, fMin, fMax);
    const tParams = parseParamList('--template', args.template, fMin, fMax);
    const grid = uniformGrid(args.df, fMax);
    const psd = loadPsd(args.psd, { asd: args.asd }).onGrid(grid.frequencies);
    const ws = new MatchWorkspace({ psd, df: args.df, fLowHz: fMin, fHighHz: fMax });
    const s = signalModel.generate(grid, sParams).hp;
    const t = templateModel.generate(grid, tParams).hp;
    const r = match(ws, t, s);
    const out: Record<string, number> = { match: r.match, overlap: overlap(ws, t, s), timeShift: r.timeShift, phase: r.phase };
    if (args.refine) out.matchRefined = matchRefined(ws, t, s).match;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
};
