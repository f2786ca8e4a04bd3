/**
 * The `injections` side of the nearest-template selection: which preselection a bank gets by
 * default, and the bank's chirp-phase index, read from its cache file or built and written there.
 */
import { invalid } from '../../core/errors.js';
import type { Bank } from '../../bank/bank.js';
import type { FittingFactorSettings } from '../../injections/fitting-factor.js';
import { checkNearestSettings, DEFAULT_NEAREST, DEFAULT_NEAREST_MODULATED, type NearestData, type NearestSettings } from '../../injections/nearest-candidates.js';
import { loadOrBuildPhaseIndex } from '../../injections/phase-index.js';
import { getModel } from '../../waveforms/registry.js';
import type { Preselect } from './handler.js';

/**
 * How the chirp-phase coordinates (the 22-mode PN phase of m1, m2, chi1z, chi2z) describe a bank's
 * templates: 'aligned22', their phasing; 'modulated', precession or higher modes modulating around
 * the 22 phasing of the aligned spin components (a wider ball: DEFAULT_NEAREST_MODULATED).
 */
export type NearestKind = 'aligned22' | 'modulated';

/** The kind of a bank and model, or why the chirp-phase selection does not apply (eccentric banks). */
export function nearestKind(bank: Bank, approximant: string): { kind: NearestKind } | { why: string } {
  const t = bank.templates;
  const model = getModel(approximant);
  if (model.eccentric === true) return { why: `${approximant} is eccentric` };
  if (t.eccentricity !== undefined && t.eccentricity.some((x) => x !== 0)) return { why: 'the bank is eccentric' };
  if (model.precessing || !model.only22) return { kind: 'modulated' };
  for (const col of [t.spin1x, t.spin1y, t.spin2x, t.spin2y]) if (col.some((x) => x !== 0)) return { kind: 'modulated' };
  return { kind: 'aligned22' };
}

/**
 * The preselection: the option, else 'nearest' wherever its agreement with brute force was measured
 * (aligned-spin 22-only, precessing and higher-mode banks, on-manifold and fully precessing
 * injections: README), else 'mchirp' (eccentric banks).
 */
export function preselectOf(option: string | undefined, bank: Bank, approximant: string): Preselect {
  const k = nearestKind(bank, approximant);
  if (option !== undefined) {
    if (option === 'nearest' && 'why' in k) invalid('--preselect', option, `needs a quasi-circular bank (the chirp-phase coordinates model no eccentricity) but ${k.why}; use mchirp or metric`);
    return option as Preselect;
  }
  return 'why' in k ? 'mchirp' : 'nearest';
}

/** The nearest-template defaults of a bank (DEFAULT_NEAREST, or the wider DEFAULT_NEAREST_MODULATED). */
export function nearestDefaults(bank: Bank, approximant: string): Readonly<NearestSettings> {
  const k = nearestKind(bank, approximant);
  return 'kind' in k && k.kind === 'modulated' ? DEFAULT_NEAREST_MODULATED : DEFAULT_NEAREST;
}

/** Candidates evaluated at least, by preselection (mbank's 1500 for the chirp-mass window and the metric list). */
export function minCandidatesOf(option: number | undefined, preselect: Preselect, defaults: Readonly<NearestSettings> = DEFAULT_NEAREST): number {
  return option ?? (preselect === 'nearest' ? defaults.minCandidates : 1500);
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
