/**
 * mbank's option groups (mbank/parser.py) as yargs option maps, shared by every
 * command that takes them, with mbank's names and defaults unless a comment says why we differ.
 */
import type { Options } from 'yargs';
import { DEFAULT_RANGES } from '../coordinates/box.js';

/** General options: --plot, --run-dir, --run-name, --seed, --workers. */
export const generalOptions = {
  plot: { type: 'boolean', default: false, describe: 'make plots (PNG) in the run directory' },
  'run-dir': { type: 'string', describe: 'output directory; relative file names are taken inside it (default ./out_<run-name>)' },
  'run-name': { type: 'string', default: 'mbank_run', describe: 'label of the run (an ini file sets it to its section name)' },
  seed: { type: 'number', default: 0, describe: 'random seed: every run is reproducible with it' },
  workers: { type: 'number', describe: 'worker threads for metric computations (default: number of cores)' },
  verbose: { type: 'boolean', default: false, describe: 'more progress output' },
} satisfies Record<string, Options>;

/** Metric options: PSD, frequency range, approximant, metric type. */
export const metricOptions = {
  'variable-format': { type: 'string', describe: 'bank coordinates, e.g. Mq_s1z_s2z, logMq_chi_iota' },
  psd: { type: 'string', describe: 'PSD: bundled name (e.g. aligo_O3actual_H1, aLIGOZeroDetHighPower) or a two-column text file' },
  asd: { type: 'boolean', default: false, describe: 'the PSD file holds an ASD (values are squared)' },
  'f-min': { type: 'number', default: 10, describe: 'lower frequency [Hz] (waveform start and reference frequency)' },
  'f-max': { type: 'number', default: 1024, describe: 'upper frequency [Hz] of the grid' },
  df: { type: 'number', default: 0.25, describe: 'frequency spacing [Hz] (mbank: the PSD file spacing; we need a uniform grid)' },
  'allow-psd-band-cut': { type: 'boolean', default: false, describe: 'accept a PSD that does not cover [f-min, f-max) (the uncovered bins are dropped); default: an error' },
  approximant: { type: 'string', default: 'IMRPhenomD', describe: 'frequency-domain approximant (mbank default IMRPhenomPv2 once available)' },
  'metric-type': {
    type: 'string', default: 'hessian', choices: ['hessian', 'symphony', 'parabolic_fit_hessian'],
    describe: 'metric algorithm (hessian for aligned-spin 22-mode models; symphony for precessing/HM)',
  },
} satisfies Record<string, Options>;

const range = (describe: string, def?: [number, number]): Options => ({
  type: 'number', array: true, nargs: 2, describe, ...(def ? { default: def } : {}),
});

/** Range options (`nargs=2`), mbank names and defaults. */
export const rangeOptions = {
  'm1-range': range(`m1 range [Msun] (m1m2 formats, mass cut); box when not given: ${DEFAULT_RANGES.m1.join(' ')}`),
  'm2-range': range(`m2 range [Msun] (m1m2 formats, mass cut); box when not given: ${DEFAULT_RANGES.m2.join(' ')}`),
  'mtot-range': range(`total-mass range [Msun] (Mq, logMq formats, mass cut); box when not given: ${DEFAULT_RANGES.mtot.join(' ')}`),
  'q-range': range(`mass-ratio range q = m1/m2 >= 1 (Mq, logMq formats, mass cut); box when not given: ${DEFAULT_RANGES.q.join(' ')}`),
  'mc-range': range(`chirp-mass range [Msun] (mceta formats, mass cut); box when not given: ${DEFAULT_RANGES.mc.join(' ')}`),
  'eta-range': range(`symmetric mass-ratio range (mceta formats, mass cut); box when not given: ${DEFAULT_RANGES.eta.join(' ')}`),
  's1-range': range('spin magnitude or aligned component of body 1', [-0.99, 0.99]),
  's2-range': range('spin magnitude or aligned component of body 2', [-0.99, 0.99]),
  'chi-range': range('effective spin range', [-0.99, 0.99]),
  'theta-range': range('polar spin angle range [rad]', [-Math.PI, Math.PI]),
  'phi-range': range('azimuthal spin angle range [rad]', [-Math.PI / 2, Math.PI / 2]),
  'e-range': range('eccentricity range', [0, 0.5]),
  'meanano-range': range('mean anomaly range', [0, 1]),
  'iota-range': range('inclination range [rad]', [0, Math.PI]),
  'ref-phase-range': range('reference phase range [rad]', [-Math.PI, Math.PI]),
} satisfies Record<string, Options>;

/** Flow options (mbank_train_flow). */
export const flowOptions = {
  'flow-file': { type: 'string', default: 'flow.safetensors', describe: 'flow weights file (safetensors; relative names inside --run-dir)' },
  'loss-function': { type: 'string', default: 'll_mse', choices: ['ll_mse', 'forward_KL', 'weighted_ll_mse'], describe: 'training loss' },
  'n-layers': { type: 'number', default: 2, describe: 'number of (NaiveLinear + masked affine autoregressive) layers' },
  'hidden-features': { type: 'number', default: 30, describe: 'hidden width of each autoregressive network' },
  'n-epochs': { type: 'number', default: 3000, describe: 'optimisation steps (each one random mini-batch)' },
  'learning-rate': { type: 'number', default: 1e-3, describe: 'Adam learning rate' },
  'train-fraction': { type: 'number', default: 0.85, describe: 'fraction of the dataset used for training' },
  'batch-size': { type: 'number', default: 10000, describe: 'mini-batch size' },
  'min-delta': { type: 'number', default: 0, describe: 'early-stopping minimum improvement' },
  patience: { type: 'number', default: 5, describe: 'early-stopping patience, in validation checks' },
  backend: { type: 'string', choices: ['wasm', 'cpu', 'tensorflow'], describe: 'tfjs backend (default: tfjs-node if installed, else wasm)' },
} satisfies Record<string, Options>;

/** Placement options (mbank_place_templates). */
export const placementOptions = {
  mm: { type: 'number', default: 0.97, describe: 'minimal match of the bank' },
  'placing-method': {
    type: 'string', default: 'random', choices: ['random', 'stochastic', 'cover'],
    describe: 'placement: random (mbank: flow samples until the livepoints are covered), stochastic (proposals kept when no template is within the metric distance), ' +
      'cover (no metric placement: the completion\'s greedy set cover with true matches from an empty bank)',
  },
  'n-livepoints': { type: 'number', default: 2000, describe: 'livepoints that measure the covering fraction (random)' },
  'covering-fraction': { type: 'number', default: 0.9, describe: 'target covering fraction (random)' },
  'empty-iterations': { type: 'number', default: 100, describe: 'consecutive rejected proposals that stop stochastic placement' },
  prune: { type: 'boolean', default: false, describe: 'prune over-covered templates after random placement' },
  completion: {
    type: 'boolean', default: true,
    describe: 'after placement, fill the holes the metric leaves (q -> 1, corners, faces), deciding coverage by the true match on probes ' +
      'uniform in the coordinates, in the component masses, on the boundary and from the flow (--no-completion: mbank\'s plain placement)',
  },
  completeness: { type: 'number', default: 0.99, describe: 'completion stops when this fraction of fresh probes has a true match >= MM' },
  'completion-probes': { type: 'number', describe: 'probes of the first completion round (default max(1000, 4 x templates); each later round adds half the set again, at least 16 per template in all)' },
  'validation-probes': { type: 'number', default: 3000, describe: 'fresh probes of each completion round\'s validation (its worst probe checks the 0.1% quantile of the FF)' },
  'completion-worst': {
    type: 'number', describe: 'completion also needs the worst fresh probe (boundary ones included) at or above this match (default MM - 0.02)',
  },
  'completion-reach': {
    type: 'number', default: 16,
    describe: 'a probe\'s candidate templates lie within this many (1 - MM) in metric distance, the true match deciding (the true match stays ' +
      '>= MM out to 9-25 (1 - MM) along the directions the metric calls almost flat; larger: more true matches, fewer templates)',
  },
  'validation-neighbourhood': {
    type: 'number', describe: 'validation probes no template within --completion-reach covers are matched, nearest first, against the templates ' +
      'within this many (1 - MM) in metric distance (default: none; Infinity: every template): for a match with far modes the metric cannot see (precessing symphony banks)',
  },
  'hole-probes': {
    type: 'number', default: 0, describe: 'completion: probes drawn in the metric neighbourhood of each uncovered validation probe for the next round ' +
      '(where the templates are far denser than the probes)',
  },
  'completion-rounds': {
    type: 'number', default: 12, describe: 'completion rounds at most (each ends with a validation; a bank stopped by it is reported as NOT converged)',
  },
} satisfies Record<string, Options>;
