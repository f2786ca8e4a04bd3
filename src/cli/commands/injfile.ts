/**
 * `mbank-ts injfile`: draw injections and write them as HDF5 (PyCBC layout) and/or LIGO_LW
 * sim_inspiral XML (mbank utils.save_injs), each file by its extension. Sources: a trained flow
 * (`--flow-file`; samples inside the region of the variable format and ranges), uniform in that
 * region, or the templates of a bank (`--bank`). Sky locations isotropic, polarisation uniform,
 * distance U(d, 1.001 d) or U(dmin, dmax) Mpc, geocentric times gps-start + i time-step. With `--iota-distribution
 * cos` the inclination is drawn flat in cos iota within --iota-range (isotropic orientation); with
 * `--spin-distribution isotropic` both spins get isotropic directions and magnitudes uniform in the
 * --s1-range/--s2-range magnitudes, and phi_ref is drawn in --ref-phase-range (the paper's "fully
 * precessing" injections). Seeded.
 */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { invalid } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { readBank } from '../../bank/io.js';
import { DEFAULT_RANGES, regionFromRanges, isInside } from '../../coordinates/box.js';
import { zeroComponents } from '../../coordinates/components.js';
import { getVariableFormat } from '../../coordinates/format.js';
import { componentsFromBank, componentsFromPoints, injectionsFromComponents, isotropicInclinations, isotropicSpins, type IotaDistribution, type SpinDistribution } from '../../injections/draw.js';
import { drawInRegion, type RegionDistribution } from '../../coordinates/region-sampling.js';
import { writeInjections, injectionFormatOf } from '../../injections/io.js';
import { loadAnyFlow as loadFlowWithMetadata } from '../../flow/family-weights.js';
import { openFlowFile } from './flow.js';
import { getModel } from '../../waveforms/registry.js';
import { rangesFromArgs, warnRangesUnusedByFormat, warnUnusedRanges } from './metric.js';
import { rangeOptions } from '../options.js';
import type { BBHComponents } from '../../coordinates/components.js';

/** A path inside --run-dir when it has no directory part. */
export function inRunDir(runDir: string | undefined, name: string): string {
  return runDir !== undefined && !name.includes('/') ? join(runDir, name) : name;
}

/** Variable format of a flow file: --variable-format, else the safetensors metadata. */
function flowFormat(path: string, given: string | undefined): string {
  if (given !== undefined) return given;
  try {
    const f = loadFlowWithMetadata(path).metadata.variable_format;
    if (f !== undefined) return f;
  } catch { /* an mbank .zip flow carries no format */ }
  invalid('--variable-format', given, `is required: the flow file ${path} does not record its variable format`);
}

/** The `injfile` command. */
export const injfileCommand: CommandModule<object, Record<string, unknown>> = {
  command: 'injfile',
  describe: 'draw injections (from a flow, uniformly in the box, or from a bank) and write them as HDF5 and/or LIGO_LW sim_inspiral XML',
  builder: (y) =>
    y
      .options(rangeOptions)
      .option('inj-file', { type: 'string', array: true, demandOption: true, describe: 'output file(s): .h5/.hdf5 (HDF5) and/or .xml/.xml.gz (sim_inspiral); names without "/" go inside --run-dir' })
      .option('n-injs', { type: 'number', default: 1000, describe: 'number of injections' })
      .option('source', { type: 'string', choices: ['flow', 'uniform', 'bank'], describe: 'where the injections come from (default: flow with --flow-file, bank with --bank, else uniform)' })
      .option('uniform-in', { type: 'string', choices: ['components', 'coordinates'], default: 'components', describe: 'with --source uniform: flat in the component masses m1, m2 within the mass cuts (other coordinates flat in their box; how sbank and PyCBC validate banks), or flat in the variable format\'s coordinates' })
      .option('iota-distribution', { type: 'string', choices: ['uniform', 'cos'], default: 'uniform', describe: 'with --source uniform: inclination flat in iota (as the box sampler draws it; 0 for formats without iota) or flat in cos iota within --iota-range (isotropic orientation, the distribution of mbank\'s paper injections)' })
      .option('spin-distribution', { type: 'string', choices: ['format', 'isotropic'], default: 'format', describe: 'with --source uniform: spins as the variable format draws them, or isotropic ("fully precessing", mbank\'s paper): both spins with isotropic directions and magnitudes uniform in the --s1-range/--s2-range magnitudes ([0, max|s|] for a range reaching below 0), and phi_ref uniform in --ref-phase-range' })
      .option('flow-file', { type: 'string', describe: 'trained flow (mbank-ts safetensors or mbank .zip) to sample from' })
      .option('bank', { type: 'string', describe: 'bank whose templates become the injections (a random subset of --n-injs)' })
      .option('variable-format', { type: 'string', describe: 'coordinates of the flow / of the uniform box, e.g. Mq_s1z_s2z' })
      .option('approximant', { type: 'string', default: 'IMRPhenomD', describe: 'sim_inspiral waveform column' })
      .option('f-min', { type: 'number', default: 10, describe: 'sim_inspiral f_lower [Hz]' })
      .option('f-max', { type: 'number', default: 1024, describe: 'sim_inspiral f_final [Hz]' })
      .option('distance', { type: 'number', array: true, default: [100], describe: 'luminosity distance [Mpc]: d (drawn in [d, 1.001 d], as mbank) or dmin dmax' })
      .option('gps-start', { type: 'number', default: 0, describe: 'geocentric time of the first injection [GPS s]' })
      .option('time-step', { type: 'number', default: 10, describe: 'time between injections [s]' })
      .option('seed', { type: 'number', default: 0, describe: 'random seed' })
      .option('run-dir', { type: 'string', describe: 'directory for relative output names' }) as never,
  handler: async (args) => {
    const n = args['n-injs'] as number;
    if (!Number.isInteger(n) || n < 1) invalid('--n-injs', n, 'must be a positive integer');
    const seed = args.seed as number;
    if (!Number.isInteger(seed) || seed < 0) invalid('--seed', seed, 'must be an integer >= 0');
    const fMin = args['f-min'] as number, fMax = args['f-max'] as number;
    if (!(fMin > 0) || !Number.isFinite(fMin)) invalid('--f-min', fMin, 'must be a finite frequency > 0 Hz');
    if (!(fMax > fMin) || !Number.isFinite(fMax)) invalid('--f-max', fMax, `must be a finite frequency above --f-min = ${fMin} Hz`);
    try {
      getModel(String(args.approximant));
    } catch {
      process.stderr.write(`mbank-ts injfile: --approximant ${String(args.approximant)} is not a model mbank-ts implements: written to the file as given\n`);
    }
    const gps = args['gps-start'] as number;
    if (!Number.isFinite(gps)) invalid('--gps-start', gps, 'must be a finite GPS time [s]');
    const outs = (args['inj-file'] as string[]).map((p) => inRunDir(args['run-dir'] as string | undefined, p));
    for (const p of outs) injectionFormatOf(p);
    const source = (args.source as string | undefined) ?? (args['flow-file'] ? 'flow' : args.bank ? 'bank' : 'uniform');
    const iotaDistribution = args['iota-distribution'] as IotaDistribution | undefined ?? 'uniform';
    if (iotaDistribution === 'cos' && source !== 'uniform') invalid('--iota-distribution', 'cos', `is for --source uniform (source ${source} gives the inclinations of its ${source === 'bank' ? 'templates' : 'samples'})`);
    const spinDistribution = args['spin-distribution'] as SpinDistribution | undefined ?? 'format';
    if (spinDistribution === 'isotropic' && source !== 'uniform') invalid('--spin-distribution', 'isotropic', `is for --source uniform (source ${source} gives the spins of its ${source === 'bank' ? 'templates' : 'samples'})`);
    const rng = new Rng(seed);
    let components: BBHComponents[];
    let variableFormat: string | undefined;
    if (source === 'bank') {
      if (typeof args.bank !== 'string') invalid('--bank', args.bank, 'is required with --source bank');
      warnUnusedRanges('injfile', rangesFromArgs(args), [], '--source bank (the injections are the bank\'s templates)');
      const bank = await readBank(args.bank);
      components = componentsFromBank(bank, n, rng.fork(1)).components;
      variableFormat = bank.metadata.variableFormat;
    } else {
      const ranges = rangesFromArgs(args);
      if (source === 'flow') {
        const path = args['flow-file'];
        if (typeof path !== 'string') invalid('--flow-file', path, 'is required with --source flow');
        const format = getVariableFormat(flowFormat(path, args['variable-format'] as string | undefined));
        const flow = openFlowFile(path);
        if (flow.dim !== format.D) invalid('--variable-format', format.name, `has ${format.D} coordinates, the flow ${flow.dim}`);
        warnRangesUnusedByFormat('injfile', ranges, format);
        const region = regionFromRanges(format, ranges);
        const scratch = zeroComponents();
        const x = flow.sampleWithinBox(n, { seed: rng.fork(1).int(2 ** 31), accept: (row) => isInside(region, row, scratch) }).x;
        flow.dispose();
        components = componentsFromPoints(format, x);
        variableFormat = format.name;
      } else {
        const fmt = args['variable-format'];
        if (typeof fmt !== 'string') invalid('--variable-format', fmt, 'is required with --source uniform');
        const format = getVariableFormat(fmt);
        const uniformIn = args['uniform-in'] as RegionDistribution;
        warnRangesUnusedByFormat('injfile', ranges, format, [...(iotaDistribution === 'cos' ? ['iota'] as const : []), ...(spinDistribution === 'isotropic' ? ['s1', 's2', 'refPhase'] as const : [])]);
        const region = regionFromRanges(format, ranges);
        components = componentsFromPoints(format, drawInRegion(region, uniformIn, n, rng.fork(1)));
        if (iotaDistribution === 'cos') {
          const d = format.names.indexOf('iota');
          const range: readonly [number, number] = d >= 0 ? [region.box.lo[d], region.box.hi[d]] : ranges.iota ?? [0, Math.PI];
          isotropicInclinations(components, range, rng.fork(4));
        }
        if (spinDistribution === 'isotropic') {
          isotropicSpins(components, ranges.s1 ?? DEFAULT_RANGES.s1, ranges.s2 ?? DEFAULT_RANGES.s2, ranges.refPhase ?? DEFAULT_RANGES.refPhase, rng.fork(5));
        }
        variableFormat = format.name;
      }
    }
    const d = args.distance as number[];
    if (!(d.length === 1 || d.length === 2)) invalid('--distance', d, 'must be one value d or two values dmin dmax (Mpc)');
    const set = injectionsFromComponents(components, rng, {
      distanceMpc: d.length === 1 ? d[0] : [d[0], d[1]], gpsStart: args['gps-start'] as number, timeStep: args['time-step'] as number,
    }, { approximant: args.approximant as string, fMin: args['f-min'] as number, fMax: args['f-max'] as number, variableFormat, source: source === 'uniform' ? `uniform-${args['uniform-in'] as string}${iotaDistribution === 'cos' ? '-cosiota' : ''}${spinDistribution === 'isotropic' ? '-isospin' : ''}` : source, seed });
    for (const p of outs) await writeInjections(p, set);
    process.stderr.write(`injfile: ${set.size} injections (${source}${variableFormat ? `, ${variableFormat}` : ''}${iotaDistribution === 'cos' ? ', flat in cos iota' : ''}${spinDistribution === 'isotropic' ? ', isotropic spins' : ''}) written to ${outs.join(', ')}\n`);
  },
};
