/**
 * A PyMC3 normalizing-flow family from a formula (./formula.ts): the layers built in the formula's
 * order (noise -> data, as PyMC applies them to z0 ~ N(0, I)) and composed in reverse as our
 * data -> noise transform. Sampling and log q of samples are exact; log q of arbitrary points
 * uses each layer's inverse (closed form for loc, scale, hh, radial; root finding for planar).
 */
import { invalid } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { TransformFlow } from '../transform-flow.js';
import { parseFormula, type PyMCFlowName } from './formula.js';
import { HouseholderLayer } from './householder.js';
import type { PyMCLayer } from './layer.js';
import { LocLayer } from './loc.js';
import { PlanarLayer } from './planar.js';
import { RadialLayer } from './radial.js';
import { ScaleLayer } from './scale.js';

/** Architecture of a formula flow, as stored in weight files. */
export interface PyMCArchitecture {
  kind: 'PyMCFormula';
  dim: number;
  /** Normalised formula, e.g. 'scale-hh*4-loc'. */
  formula: string;
  /** Standard deviation of the random initial parameters. */
  jitter: number;
  /** Whether the first layer is the tanh box transform. */
  hasBox: boolean;
}

/** Default jitter (pymc3 `Formula.__call__`). */
export const DEFAULT_JITTER = 0.001;

/** One PyMC layer by short name. */
export function pymcLayer(name: PyMCFlowName, dim: number, rng: Rng, jitter: number): PyMCLayer {
  switch (name) {
    case 'loc':
      return new LocLayer(dim, rng, jitter);
    case 'scale':
      return new ScaleLayer(dim, rng, jitter);
    case 'planar':
      return new PlanarLayer(dim, rng, jitter);
    case 'radial':
      return new RadialLayer(dim, rng, jitter);
    case 'hh':
      return new HouseholderLayer(dim, rng, jitter);
  }
}

/**
 * A flow from a formula (e.g. `scale-hh*4-loc`); tensor names `_transform._transforms.<k>.<param>`
 * with k the index in the data -> noise order (the box layer first, then the last formula term).
 */
export function createPyMCFlow(options: {
  dim: number;
  formula: string;
  jitter?: number;
  seed?: number;
  /** Support box (a tanh box layer before the formula's layers, data side). */
  box?: { low: ArrayLike<number>; high: ArrayLike<number> };
  /** With no box: a unit-box placeholder layer (loading a file that has a box). */
  hasBox?: boolean;
}): TransformFlow {
  const { dim } = options;
  if (!Number.isInteger(dim) || dim < 1) invalid('dim', dim, 'must be a positive integer');
  const jitter = options.jitter ?? DEFAULT_JITTER;
  if (!(jitter >= 0) || !Number.isFinite(jitter)) invalid('jitter', jitter, 'must be a finite number >= 0');
  const { formula, flows } = parseFormula(options.formula);
  const rng = new Rng(options.seed ?? 0);
  const layers = flows.map((name) => pymcLayer(name, dim, rng, jitter));
  const hasBox = options.box !== undefined || options.hasBox === true;
  const arch: PyMCArchitecture = { kind: 'PyMCFormula', dim, formula, jitter, hasBox };
  const unit = { low: new Array<number>(dim).fill(0), high: new Array<number>(dim).fill(1) };
  return new TransformFlow(dim, layers.reverse(), arch, hasBox ? (options.box ?? unit) : undefined);
}
