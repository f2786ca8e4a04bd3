/**
 * Upper bounds of the count options, checked for every command before its handler runs (a yargs
 * middleware), so `--n-points 1e9` or `--n-layers 1e9` is one line naming the limit instead of an
 * exhausted heap or `RangeError: Invalid typed array length` after minutes of work.
 */
import { invalid } from '../core/errors.js';

/** option -> largest accepted value, and why. */
export const COUNT_LIMITS: Readonly<Record<string, readonly [number, string]>> = {
  'n-points': [10_000_000, 'rows held in memory'],
  'n-datapoints': [10_000_000, 'rows held in memory'],
  'n-livepoints': [10_000_000, 'livepoints held in memory'],
  'completion-probes': [10_000_000, 'probes held in memory'],
  'validation-probes': [10_000_000, 'probes held in memory'],
  'n-injs': [100_000_000, 'injections held in memory'],
  'n-samples': [100_000_000, 'samples held in memory'],
  n: [100_000_000, 'samples held in memory'],
  'n-layers': [64, 'flow layers'],
  'hidden-features': [4096, 'hidden units per layer'],
  'n-epochs': [100_000_000, 'optimisation steps'],
  'n-rounds': [100_000, 'training rounds'],
  'completion-rounds': [10_000, 'completion rounds (each ends with a validation set)'],
  'batch-size': [10_000_000, 'rows per mini-batch'],
  'chunk-size': [1_000_000, 'rows per chunk'],
  workers: [1024, 'worker threads'],
};

/** Throw one MbankError line for the first count option above its limit. */
export function checkCountLimits(args: Record<string, unknown>): void {
  for (const [name, [limit, what]] of Object.entries(COUNT_LIMITS)) {
    for (const v of [args[name]].flat()) {
      if (typeof v === 'number' && v > limit) invalid(`--${name}`, v, `must be <= ${limit} (${what})`);
    }
  }
}
