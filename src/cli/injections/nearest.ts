/**
 * The `injections` side of the nearest-template selection: which preselection a bank gets by
 * default, and the bank's chirp-phase index, read from its cache file or built and written there.
 */
import { invalid } from '../../core/errors.js';
import type { Bank } from '../../bank/bank.js';
import type { FittingFactorSettings } from '../../injections/fitting-factor.js';
import { checkNearestSettings, DEFAULT_NEAREST, type NearestData, type NearestSettings } from '../../injections/nearest-candidates.js';
import { loadOrBuildPhaseIndex } from '../../injections/phase-index.js';
import { getModel } from '../../waveforms/registry.js';
import type { Preselect } from './handler.js';

/** Why the chirp-phase selection does not apply to a bank and model (undefined when it does). */
export function nearestUnsupported(bank: Bank, approximant: string): string | undefined {
  const model = getModel(approximant);
  if (model.precessing) return `${approximant} is precessing`;
  if (!model.only22) return `${approximant} has higher modes`;
  const t = bank.templates;
  for (const col of [t.spin1x, t.spin1y, t.spin2x, t.spin2y, t.eccentricity]) {
    if (col !== undefined && col.some((x) => x !== 0)) return 'the bank has in-plane spins or eccentricity';
  }
  return undefined;
}

/** The preselection: the option, else 'nearest' where it applies (aligned-spin 22-only banks), else 'mchirp'. */
export function preselectOf(option: string | undefined, bank: Bank, approximant: string): Preselect {
  if (option !== undefined) {
    const why = option === 'nearest' ? nearestUnsupported(bank, approximant) : undefined;
    if (why !== undefined) invalid('--preselect', option, `needs an aligned-spin, 22-only bank (the chirp-phase coordinates model nothing else) but ${why}; use mchirp or metric`);
    return option as Preselect;
  }
  return nearestUnsupported(bank, approximant) === undefined ? 'nearest' : 'mchirp';
}

/** Candidates evaluated at least, by preselection (mbank's 1500 for the chirp-mass window and the metric list). */
export function minCandidatesOf(option: number | undefined, preselect: Preselect): number {
  return option ?? (preselect === 'nearest' ? DEFAULT_NEAREST.minCandidates : 1500);
}

/** The bank's index and the ball settings; `log` receives one line on where the index came from. */
export function nearestSetup(bankPath: string, bank: Bank, s: FittingFactorSettings, ball: Omit<NearestSettings, 'minCandidates'>, log: (line: string) => void): { data: NearestData; settings: NearestSettings } {
  const settings = checkNearestSettings({ minCandidates: s.minCandidates, ...ball });
  const t0 = Date.now();
  const o = loadOrBuildPhaseIndex(bankPath, bank.templates, s);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const where = o.source === 'cache' ? `read from ${o.path}` : o.writeError === undefined ? `built and cached in ${o.path}` : `built (not cached: ${o.writeError})`;
  log(`index: chirp-phase k-d tree of ${bank.size} templates (${o.index.embedding.dim} dimensions, PN phase to ${o.index.fHighHz.toFixed(0)} Hz) ${where} in ${secs} s`);
  return { data: { embedding: o.index.embedding, points: o.index.points, tree: o.index.tree }, settings };
}
