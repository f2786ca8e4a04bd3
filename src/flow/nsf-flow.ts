/**
 * Neural spline flow (Durkan et al. 2019, arXiv:1906.04032; zuko `NSF`): data -> noise
 *   nTransforms x (masked autoregressive rational-quadratic spline, reverse permutation),
 * standard-normal base. Each spline lives on [-bound, bound] with identity tails (zuko defaults:
 * 3 transforms, 8 bins, bound 5).
 */
import { invalid } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { MaskedRQSAutoregressiveTransform } from './transforms/autoregressive-spline.js';
import { PermutationTransform, reversePermutation } from './transforms/permutation.js';
import { TransformFlow } from './transform-flow.js';
import type { Transform } from './types.js';

/** Architecture of an NSF, as stored in weight files. */
export interface NSFArchitecture {
  kind: 'NSF';
  dim: number;
  /** Number of (spline MAF + permutation) layers. */
  nTransforms: number;
  hiddenFeatures: number;
  /** Residual blocks per MADE. */
  numBlocks: number;
  useResidualBlocks: boolean;
  bins: number;
  bound: number;
  /** Whether the first layer is the tanh box transform (box stored with the weights). */
  hasBox: boolean;
}

/** Options of {@link createNSF} (defaults: 3 transforms, 64 hidden, 2 blocks, 8 bins, bound 5). */
export interface NSFOptions {
  dim: number;
  nTransforms?: number;
  hiddenFeatures?: number;
  numBlocks?: number;
  useResidualBlocks?: boolean;
  bins?: number;
  bound?: number;
  /** Support box (a tanh box layer first); omit for a flow on R^D. */
  box?: { low: ArrayLike<number>; high: ArrayLike<number> };
  /** Seed of the weight initialisation (default 0). */
  seed?: number;
}

/** Resolve options into an architecture (validated). */
export function nsfArchitecture(o: NSFOptions | NSFArchitecture): NSFArchitecture {
  const arch: NSFArchitecture = {
    kind: 'NSF',
    dim: o.dim,
    nTransforms: o.nTransforms ?? 3,
    hiddenFeatures: o.hiddenFeatures ?? 64,
    numBlocks: o.numBlocks ?? 2,
    useResidualBlocks: o.useResidualBlocks ?? true,
    bins: o.bins ?? 8,
    bound: o.bound ?? 5,
    hasBox: 'hasBox' in o ? Boolean(o.hasBox) : o.box !== undefined,
  };
  for (const k of ['dim', 'nTransforms', 'hiddenFeatures', 'bins'] as const) {
    if (!Number.isInteger(arch[k]) || arch[k] < 1) invalid(k, arch[k], 'must be a positive integer');
  }
  if (!Number.isInteger(arch.numBlocks) || arch.numBlocks < 0) invalid('numBlocks', arch.numBlocks, 'must be an integer >= 0');
  if (!(arch.bound > 0) || !Number.isFinite(arch.bound)) invalid('bound', arch.bound, 'must be a finite number > 0');
  return arch;
}

/**
 * A fresh NSF (random MADE weights from the seed). From an architecture with `hasBox`, the box is
 * a unit placeholder until the weights (or `box`) are given.
 */
export function createNSF(options: NSFOptions | NSFArchitecture, seed = (options as NSFOptions).seed ?? 0, box = (options as NSFOptions).box): TransformFlow {
  const arch = nsfArchitecture(options);
  const rng = new Rng(seed);
  const layers: Transform[] = [];
  for (let i = 0; i < arch.nTransforms; i++) {
    layers.push(
      new MaskedRQSAutoregressiveTransform(
        {
          dim: arch.dim,
          hiddenFeatures: arch.hiddenFeatures,
          numBlocks: arch.numBlocks,
          useResidualBlocks: arch.useResidualBlocks,
          bins: arch.bins,
          bound: arch.bound,
        },
        rng,
      ),
    );
    layers.push(new PermutationTransform(reversePermutation(arch.dim)));
  }
  const unit = { low: new Array<number>(arch.dim).fill(0), high: new Array<number>(arch.dim).fill(1) };
  return new TransformFlow(arch.dim, layers, arch, arch.hasBox ? (box ?? unit) : undefined);
}
