/**
 * Options of `mbank-ts place` (mbank bin/mbank_place_templates plus what mbank_generate_flow_dataset
 * and mbank_train_flow take, since `place` can run the whole pipeline), and the parsing of a token
 * list (ini files expanded as src/cli/main.ts does) for in-process callers such as tests.
 */
import type { Options } from 'yargs';
import yargs from 'yargs';
import { fileURLToPath } from 'node:url';
import { expandIniTokens } from '../ini.js';
import { flowOptions, generalOptions, metricOptions, placementOptions, rangeOptions } from '../options.js';
import { fdOptions } from '../commands/metric.js';

/** The bundled default configuration, run by `mbank-ts place` without a variable format. */
export const DEFAULT_CONFIG = fileURLToPath(new URL('../../../data/configs/default.ini', import.meta.url));

/** Every option of `place` (kebab-case names, mbank names where mbank has the option). */
export const placeOptions = {
  ...generalOptions,
  ...metricOptions,
  ...rangeOptions,
  ...fdOptions,
  ...flowOptions,
  'flow-file': {
    type: 'string',
    describe: 'flow weights (safetensors): an existing file is loaded and placement starts at once; ' +
      'otherwise dataset -> train -> place runs and the flow is written here (default flow.safetensors in --run-dir)',
  },
  'hidden-features': { ...flowOptions['hidden-features'], array: true, describe: 'hidden width of each autoregressive network: one value, or one per layer' },
  'validation-step': { type: 'number', default: 100, describe: 'training steps between two validations' },
  ...placementOptions,
  ifo: { type: 'string', default: 'L1', choices: ['L1', 'H1', 'V1'], describe: 'interferometer written in the bank (LIGO_LW sngl_inspiral.ifo; mbank always writes L1)' },
  'bank-file': { type: 'string', default: 'bank.h5', describe: 'output bank: .h5 (PyCBC layout), .xml/.xml.gz (LIGO_LW), .txt/.dat (names inside --run-dir)' },
  dataset: { type: 'string', describe: 'metric dataset (HDF5; default dataset.h5 in --run-dir): continued if it exists; with --flow-file, used by the plots' },
  'n-datapoints': { type: 'number', default: 10000, describe: 'rows of the dataset the flow is trained on' },
  'chunk-size': { type: 'number', default: 64, describe: 'dataset rows per reproducible chunk' },
  'max-templates': { type: 'number', describe: 'stop placing after this many templates' },
  'uniform-fraction': {
    // default 0: on the default bank a = 0.1 costs 23% more templates (4488 vs 3635, seed 0) and on sbank's
    // problem it did not lower the fraction of injections below MM beyond noise (8.4% vs 9.1%)
    type: 'number', default: 0,
    describe: 'share a in [0, 1) of livepoints and proposals drawn uniformly in the box within the mass cuts instead of from the flow ' +
      '(defensive mixture, robust to flow errors); a > 0 also makes random placement stop on the importance-weighted covering fraction ' +
      '(the covered fraction of the metric volume, weights sqrt|det M| / q_mix). 0: mbank\'s placement (flow only, livepoint count)',
  },
} satisfies Record<string, Options>;

/** Names of the options `place` knows (for ini expansion). */
export function placeOptionNames(): Set<string> {
  return new Set([...Object.keys(placeOptions), 'help', 'version']);
}

/**
 * Parse a `place` token list (without the command name) as the command line would: `.ini` files
 * among the tokens are expanded (command-line options win); returns the parsed arguments and the
 * ini keys that were ignored. Throws MbankError on bad ini files; yargs errors become Error.
 */
export function parsePlaceArgs(tokens: readonly string[]): { args: Record<string, unknown>; ignored: string[] } {
  const { tokens: expanded, ignored } = expandIniTokens(tokens, placeOptionNames());
  const args = yargs(expanded)
    .options(placeOptions)
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .parseSync() as Record<string, unknown>;
  return { args, ignored };
}

/** Default value of every option that has one. */
export function placeDefaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, o] of Object.entries(placeOptions)) if ('default' in o) out[k] = (o as { default: unknown }).default;
  return out;
}
