/**
 * `mbank-ts waveform`: one frequency-domain waveform as CSV `f,hp_re,hp_im,hc_re,hc_im`, one row per
 * bin k = 0 .. floor(f_max/df) of f_k = k df (LAL ChooseFDWaveform conventions: masses in solar
 * masses, distance in Mpc, angles in rad, frequencies in Hz). Numbers are written as the shortest
 * decimal that parses back to the same double.
 */
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { CommandModule } from 'yargs';
import { invalid } from '../../core/errors.js';
import { uniformGrid } from '../../core/grid.js';
import type { FrequencyGrid } from '../../core/grid.js';
import { getModel } from '../../waveforms/registry.js';
import type { Polarizations, WaveformParams } from '../../waveforms/types.js';

interface WaveformArgs {
  approximant: string;
  m1: number;
  m2: number;
  s1x: number;
  s1y: number;
  s1z: number;
  s2x: number;
  s2y: number;
  s2z: number;
  distance: number;
  inclination: number;
  'phi-ref': number;
  eccentricity: number;
  'long-asc-nodes': number;
  'threshold-mband': number;
  'prec-version': number;
  'prec-threshold-mband': number;
  'f-min': number;
  'f-max': number;
  'f-ref': number;
  df: number;
  out?: string;
}

/** CSV text (header + one line per grid bin) of h+ and hx on `grid`. */
export function waveformCsv(grid: FrequencyGrid, pol: Polarizations): string {
  const f = grid.frequencies;
  const lines = new Array<string>(f.length + 1);
  lines[0] = 'f,hp_re,hp_im,hc_re,hc_im';
  const { hp, hc } = pol;
  for (let k = 0; k < f.length; k++) {
    lines[k + 1] = `${f[k]},${hp[2 * k]},${hp[2 * k + 1]},${hc[2 * k]},${hc[2 * k + 1]}`;
  }
  return `${lines.join('\n')}\n`;
}

const num = (describe: string, def: number) => ({ type: 'number' as const, default: def, describe });

/** The `waveform` command. */
export const waveformCommand: CommandModule<object, WaveformArgs> = {
  command: 'waveform',
  describe: 'write one frequency-domain waveform (h+, hx) as CSV',
  builder: (y) =>
    y
      .option('approximant', { type: 'string', default: 'IMRPhenomD', describe: 'approximant name (e.g. TaylorF2, IMRPhenomD)' })
      .option('m1', { type: 'number', demandOption: true, describe: 'mass of body 1 [Msun]' })
      .option('m2', { type: 'number', demandOption: true, describe: 'mass of body 2 [Msun]' })
      .option('s1x', num('spin of body 1, x component (dimensionless)', 0))
      .option('s1y', num('spin of body 1, y component', 0))
      .option('s1z', num('spin of body 1, z component (along L)', 0))
      .option('s2x', num('spin of body 2, x component', 0))
      .option('s2y', num('spin of body 2, y component', 0))
      .option('s2z', num('spin of body 2, z component (along L)', 0))
      .option('distance', num('luminosity distance [Mpc]', 1))
      .option('inclination', num('inclination [rad]', 0))
      .option('phi-ref', num('reference phase [rad]', 0))
      .option('eccentricity', num('orbital eccentricity at f-min (eccentric models: EccentricFD; TaylorF2Ecc: at f-ref, or f-min when f-ref = 0)', 0))
      .option('long-asc-nodes', num('longitude of ascending nodes [rad] (eccentric models: EccentricFD)', 0))
      .option('threshold-mband', num("IMRPhenomXHM / XPHM multibanding threshold of the modes (LAL's ThresholdMband; 0: exact evaluation)", 1e-3))
      .option('prec-threshold-mband', num("IMRPhenomXPHM multibanding threshold of the Euler angles (LAL's PrecThresholdMband; 0: angles at every bin)", 1e-3))
      .option('prec-version', num("IMRPhenomXP precession version (LAL's PrecVersion): 223 (MSA angles, LAL's default 300) or 102 (NNLO angles)", 223))
      .option('f-min', num('starting frequency [Hz]', 10))
      .option('f-max', num('maximum frequency [Hz]; the grid is k df, k = 0..floor(f_max/df)', 1024))
      .option('f-ref', num('reference frequency [Hz] (0: model default)', 0))
      .option('df', num('frequency spacing [Hz]', 0.25))
      .option('out', { type: 'string', describe: 'output CSV file (default: stdout)' }) as never,
  handler: (args) => {
    for (const key of ['m1', 'm2', 's1x', 's1y', 's1z', 's2x', 's2y', 's2z', 'distance', 'inclination', 'phi-ref', 'eccentricity', 'long-asc-nodes', 'threshold-mband', 'prec-version', 'prec-threshold-mband', 'f-min', 'f-max', 'f-ref', 'df'] as const) {
      if (typeof args[key] !== 'number' || Number.isNaN(args[key])) invalid(`--${key}`, args[key], 'must be a number');
    }
    const model = getModel(args.approximant);
    for (const key of ['eccentricity', 'long-asc-nodes'] as const) {
      if (args[key] !== 0 && model.eccentric !== true) invalid(`--${key}`, args[key], `must be 0 for the quasi-circular approximant ${model.name} (eccentric: EccentricFD, TaylorF2Ecc)`);
    }
    if (args['prec-version'] !== 223 && args['prec-version'] !== 102) invalid('--prec-version', args['prec-version'], 'must be 223 (MSA angles) or 102 (NNLO angles)');
    const grid = uniformGrid(args.df, args['f-max']);
    const params: WaveformParams = {
      m1: args.m1, m2: args.m2,
      s1x: args.s1x, s1y: args.s1y, s1z: args.s1z,
      s2x: args.s2x, s2y: args.s2y, s2z: args.s2z,
      distanceMpc: args.distance, inclination: args.inclination, phiRef: args['phi-ref'],
      fMinHz: args['f-min'], fMaxHz: args['f-max'], fRefHz: args['f-ref'],
      eccentricity: args.eccentricity, longAscNodes: args['long-asc-nodes'], thresholdMband: args['threshold-mband'],
      precVersion: args['prec-version'],
      precThresholdMband: args['prec-threshold-mband'],
    };
    const csv = waveformCsv(grid, model.generate(grid, params));
    if (args.out === undefined) {
      process.stdout.write(csv);
      return;
    }
    writeFileAtomic(args.out, csv);
  },
};
