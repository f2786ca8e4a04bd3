/**
 * Flow families by name (the `--flow` option of `mbank-ts train`): 'std' (STDFlow, mbank's
 * architecture), 'nsf' (neural spline flow, ./nsf-flow.ts) or a PyMC3 formula such as
 * 'scale-hh*4-loc' or 'planar*10' (./pymc/formula.ts). Also rebuilds any flow from the
 * architecture JSON of a weight file (dispatch on its `kind`).
 */
import { MbankError, invalid } from '../core/errors.js';
import { createNSF, type NSFArchitecture } from './nsf-flow.js';
import { isFormula, parseFormula } from './pymc/formula.js';
import { createPyMCFlow, type PyMCArchitecture } from './pymc/pymc-flow.js';
import { STDFlow } from './std-flow.js';
import { TransformFlow } from './transform-flow.js';
import type { STDArchitecture } from './types.js';

/**
 * Architecture JSON of any family (the `architecture` metadata of a weight file). The names: `Flow`
 * is the interface, `TransformFlow` the class every family builds (STDFlow a subclass), and each
 * family's architecture is STDArchitecture, NSFArchitecture or PyMCArchitecture.
 */
export type FlowArchitecture = STDArchitecture | NSFArchitecture | PyMCArchitecture;

/** The family a `--flow` value names. */
export type FlowFamily = { family: 'std' } | { family: 'nsf' } | { family: 'pymc'; formula: string };

/** Parse a `--flow` value: 'std', 'nsf' or a PyMC formula (case and spaces ignored). */
export function parseFlowFamily(name: string): FlowFamily {
  const n = String(name).trim().toLowerCase();
  if (n === 'std') return { family: 'std' };
  if (n === 'nsf') return { family: 'nsf' };
  if (isFormula(n)) return { family: 'pymc', formula: parseFormula(n).formula };
  invalid('flow', name, "must be 'std', 'nsf' or a PyMC formula of loc, scale, planar, radial, hh with '*N' and '-' (e.g. 'scale-hh*4-loc')");
}

/** Settings of {@link createFlow}; each family reads the ones it knows. */
export interface FamilySpec {
  /** 'std', 'nsf' or a PyMC formula. */
  flow: string;
  dim: number;
  /** Support box (tanh box first layer); omit for a flow on R^D. */
  box?: { low: ArrayLike<number>; high: ArrayLike<number> };
  /** std: (NaiveLinear + MAF) layers; nsf: spline MAF layers. Default 2 (std) / 3 (nsf). */
  nLayers?: number;
  /** MADE hidden features (std: one per layer allowed). Default 30 (std) / 64 (nsf). */
  hiddenFeatures?: number | number[];
  /** nsf: bins (default 8) and bound (default 5). */
  bins?: number;
  bound?: number;
  /** PyMC formulas: initial parameter jitter (default 0.001). */
  jitter?: number;
  seed?: number;
}

/** A fresh flow of the named family. */
export function createFlow(spec: FamilySpec): TransformFlow {
  const fam = parseFlowFamily(spec.flow);
  const hf = spec.hiddenFeatures;
  if (fam.family === 'std') {
    return new STDFlow({ dim: spec.dim, nLayers: spec.nLayers ?? 2, hiddenFeatures: hf ?? 30, box: spec.box, seed: spec.seed });
  }
  if (fam.family === 'nsf') {
    if (Array.isArray(hf) && hf.length !== 1) invalid('hidden-features', hf, 'must be one value for nsf');
    const hidden = Array.isArray(hf) ? hf[0] : hf;
    return createNSF({ dim: spec.dim, nTransforms: spec.nLayers, hiddenFeatures: hidden, bins: spec.bins, bound: spec.bound, box: spec.box, seed: spec.seed });
  }
  return createPyMCFlow({ dim: spec.dim, formula: fam.formula, jitter: spec.jitter, box: spec.box, seed: spec.seed });
}

/** A fresh flow (weights to be assigned) from an architecture JSON; the box is a unit placeholder. */
export function flowFromArchitecture(arch: FlowArchitecture, source = 'architecture'): TransformFlow {
  switch ((arch as { kind?: unknown }).kind) {
    case 'STDFlow':
      if (!Array.isArray((arch as STDArchitecture).layers)) throw new MbankError(`${source}: STDFlow architecture without layers`);
      return new STDFlow(arch as STDArchitecture);
    case 'NSF':
      return createNSF(arch as NSFArchitecture, 0);
    case 'PyMCFormula': {
      const a = arch as PyMCArchitecture;
      return createPyMCFlow({ dim: a.dim, formula: a.formula, jitter: a.jitter, hasBox: a.hasBox });
    }
    default:
      throw new MbankError(`${source}: architecture kind = ${JSON.stringify((arch as { kind?: unknown }).kind)}: known kinds are STDFlow, NSF, PyMCFormula`);
  }
}
