/**
 * STDFlow: mbank's `STD_GW_Flow` (mbank/flow/flowmodel.py) on tfjs, as a {@link TransformFlow}
 * (./transform-flow.ts: log-probability, sampling, box, `constant` C, state-dict tensor names).
 * Data -> noise transform [TanhBox], then nLayers x ([Permutation], NaiveLinear,
 * MaskedAffineAutoregressive), standard-normal base. Without a box the flow lives on R^D (e.g. to
 * fit an unnormalised energy). This file resolves the options into the architecture JSON stored in
 * weight files and builds the layers from it.
 */
import { invalid, MbankError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { MaskedAffineAutoregressiveTransform } from './transforms/masked-affine.js';
import { NaiveLinearTransform } from './transforms/naive-linear.js';
import { PermutationTransform, randomPermutation, reversePermutation } from './transforms/permutation.js';
import { FLOW_TRANSFORM_PREFIX, TransformFlow } from './transform-flow.js';
import type { STDArchitecture, LayerSpec, Transform } from './types.js';

/** Options of `new STDFlow(...)`. */
export interface STDFlowOptions {
  /** Dimension D. */
  dim: number;
  /** Number of (NaiveLinear + MAF) layers. */
  nLayers: number;
  /** Hidden features of the MADEs: one number for all layers or one per layer. */
  hiddenFeatures: number | number[];
  /** Support box (omit for a flow on R^D); the tanh layer is created when given. */
  box?: { low: ArrayLike<number>; high: ArrayLike<number> };
  /** Permutation before each NaiveLinear: 'none' (mbank), 'reverse' or 'random' (seeded). */
  permutation?: 'none' | 'reverse' | 'random';
  /** Residual blocks per MADE (default 2). */
  numBlocks?: number;
  /** Residual (true, default) or feed-forward MADE blocks. */
  useResidualBlocks?: boolean;
  /** Seed of the weight initialisation (default 0). */
  seed?: number;
}

/** Prefix of the transform tensors in weight files (mbank's state-dict names); = FLOW_TRANSFORM_PREFIX. */
export const TRANSFORM_PREFIX = FLOW_TRANSFORM_PREFIX;

function positiveInt(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) invalid(name, v, 'must be a positive integer');
  return v;
}

/** Resolve the options into an architecture (the JSON stored in weight files). */
export function stdFlowArchitecture(options: STDFlowOptions): STDArchitecture {
  const dim = positiveInt('dim', options.dim);
  const nLayers = positiveInt('n-layers', options.nLayers);
  const hf = options.hiddenFeatures;
  const hidden = typeof hf === 'number' ? new Array<number>(nLayers).fill(hf) : hf.length === 1 ? new Array<number>(nLayers).fill(hf[0]) : [...hf];
  if (hidden.length !== nLayers) invalid('hidden-features', hidden, `must be one value or ${nLayers} values (one per layer)`);
  hidden.forEach((h) => positiveInt('hidden-features', h));
  const permutation = options.permutation ?? 'none';
  if (!['none', 'reverse', 'random'].includes(permutation)) invalid('permutation', permutation, "must be 'none', 'reverse' or 'random'");
  const numBlocks = options.numBlocks ?? 2;
  if (!Number.isInteger(numBlocks) || numBlocks < 0) invalid('numBlocks', numBlocks, 'must be an integer >= 0');
  const useResidualBlocks = options.useResidualBlocks ?? true;
  const rng = new Rng(options.seed ?? 0, 7);
  const layers: LayerSpec[] = options.box ? [{ type: 'tanhBox' }] : [];
  for (let i = 0; i < nLayers; i++) {
    if (permutation === 'reverse') layers.push({ type: 'permutation', permutation: reversePermutation(dim) });
    if (permutation === 'random') layers.push({ type: 'permutation', permutation: randomPermutation(dim, rng) });
    layers.push({ type: 'naiveLinear' });
    layers.push({ type: 'maskedAffineAutoregressive', hiddenFeatures: hidden[i], numBlocks, useResidualBlocks });
  }
  return { kind: 'STDFlow', dim, nLayers, hiddenFeatures: hidden, hasBox: options.box !== undefined, permutation, numBlocks, useResidualBlocks, layers };
}

/** One non-box layer of an STDFlow from its spec (MADE and linear weights drawn from `rng`, in layer order). */
function stdLayer(spec: LayerSpec, dim: number, rng: Rng): Transform {
  switch (spec.type) {
    case 'naiveLinear':
      return new NaiveLinearTransform(dim, rng);
    case 'maskedAffineAutoregressive':
      return new MaskedAffineAutoregressiveTransform({ dim, hiddenFeatures: spec.hiddenFeatures, numBlocks: spec.numBlocks, useResidualBlocks: spec.useResidualBlocks }, rng);
    case 'permutation':
      return new PermutationTransform(spec.permutation);
    case 'tanhBox':
      throw new MbankError('layer type = "tanhBox" after the first layer: the tanh box can only be the first layer of an STDFlow');
    default:
      throw new MbankError(`layer type = ${JSON.stringify((spec as { type: unknown }).type)}: unknown flow layer`);
  }
}

/**
 * mbank's STD_GW_Flow on tfjs: [tanh box], nLayers x (NaiveLinear + MAF), N(0, I) base (see the
 * file header). A {@link TransformFlow} whose layers and architecture JSON come from STDFlowOptions;
 * log-probability, sampling, box and weight names are TransformFlow's.
 */
export class STDFlow extends TransformFlow<STDArchitecture> {
  /** A fresh flow (random initialisation from `options.seed`). */
  constructor(options: STDFlowOptions);
  /** A fresh flow from a resolved architecture (used by loadFlow; the box is a unit placeholder set later from the file). */
  constructor(architecture: STDArchitecture, seed?: number);
  constructor(arg: STDFlowOptions | STDArchitecture, seed?: number) {
    const isArch = (arg as STDArchitecture).kind === 'STDFlow' && Array.isArray((arg as STDArchitecture).layers);
    const arch = isArch ? (arg as STDArchitecture) : stdFlowArchitecture(arg as STDFlowOptions);
    const rng = new Rng(isArch ? (seed ?? 0) : ((arg as STDFlowOptions).seed ?? 0));
    const hasBox = arch.layers[0]?.type === 'tanhBox';
    const unit = { low: new Array<number>(arch.dim).fill(0), high: new Array<number>(arch.dim).fill(1) };
    const box = hasBox ? ((isArch ? undefined : (arg as STDFlowOptions).box) ?? unit) : undefined;
    super(arch.dim, arch.layers.slice(hasBox ? 1 : 0).map((spec) => stdLayer(spec, arch.dim, rng)), arch, box);
  }
}
