/**
 * STDFlow: mbank's `STD_GW_Flow` (mbank/flow/flowmodel.py) on tfjs. Data -> noise transform
 *   [TanhBox], then nLayers x ([Permutation], NaiveLinear, MaskedAffineAutoregressive),
 * standard-normal base; log q(x) = log N(T(x)) + log|det dT/dx| (nflows `Flow.log_prob`).
 * Without a box the flow lives on R^D (e.g. to fit an unnormalised energy). The flow also owns
 * mbank's trainable scalar `constant` C (log-normalisation used by the ll_mse loss:
 * log sqrt|det M| ~ log q + C). Tensor names follow mbank's state dict
 * (`_transform._transforms.<i>.<name>`, `constant`).
 */
import * as tf from '@tensorflow/tfjs';
import { invalid, MbankError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { ComposedTransform } from './transforms/composed.js';
import { MaskedAffineAutoregressiveTransform } from './transforms/masked-affine.js';
import { NaiveLinearTransform } from './transforms/naive-linear.js';
import { PermutationTransform, randomPermutation, reversePermutation } from './transforms/permutation.js';
import { TanhBoxTransform } from './transforms/tanh-box.js';
import { standardNormalLogProb, standardNormalSample } from './standard-normal.js';
import type { Flow, FlowArchitecture, LayerSpec, Transform } from './types.js';

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

/** Prefix of the transform tensors in weight files (mbank's state-dict names). */
export const TRANSFORM_PREFIX = '_transform._transforms.';

function positiveInt(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) invalid(name, v, 'must be a positive integer');
  return v;
}

/** Resolve the options into an architecture (the JSON stored in weight files). */
export function stdFlowArchitecture(options: STDFlowOptions): FlowArchitecture {
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

/** mbank's STD_GW_Flow on tfjs: [tanh box], nLayers x (NaiveLinear + MAF), N(0, I) base (see the file header). */
export class STDFlow implements Flow {
  readonly dim: number;
  /** The data -> noise bijection (list of layers). */
  readonly transform: ComposedTransform;
  /** mbank's trainable log-normalisation constant C, shape [1], 0 at construction. */
  readonly constant: tf.Variable;
  private readonly arch: FlowArchitecture;

  /** A fresh flow (random initialisation from `options.seed`). */
  constructor(options: STDFlowOptions);
  /** A fresh flow from a resolved architecture (used by loadFlow; box set later from the file). */
  constructor(architecture: FlowArchitecture, seed?: number);
  constructor(arg: STDFlowOptions | FlowArchitecture, seed?: number) {
    const isArch = (arg as FlowArchitecture).kind === 'STDFlow' && Array.isArray((arg as FlowArchitecture).layers);
    const arch = isArch ? (arg as FlowArchitecture) : stdFlowArchitecture(arg as STDFlowOptions);
    const box = isArch ? undefined : (arg as STDFlowOptions).box;
    const rng = new Rng(isArch ? (seed ?? 0) : ((arg as STDFlowOptions).seed ?? 0));
    this.dim = arch.dim;
    this.arch = arch;
    const layers: Transform[] = arch.layers.map((spec) => {
      switch (spec.type) {
        case 'tanhBox': {
          const low = box ? box.low : new Array<number>(arch.dim).fill(0);
          const high = box ? box.high : new Array<number>(arch.dim).fill(1);
          if (low.length !== arch.dim) invalid('box low', Array.from(low), `must have ${arch.dim} values`);
          return new TanhBoxTransform(low, high);
        }
        case 'naiveLinear':
          return new NaiveLinearTransform(arch.dim, rng);
        case 'maskedAffineAutoregressive':
          return new MaskedAffineAutoregressiveTransform({ dim: arch.dim, hiddenFeatures: spec.hiddenFeatures, numBlocks: spec.numBlocks, useResidualBlocks: spec.useResidualBlocks }, rng);
        case 'permutation':
          return new PermutationTransform(spec.permutation);
        default:
          throw new MbankError(`layer type = ${JSON.stringify((spec as { type: unknown }).type)}: unknown flow layer`);
      }
    });
    this.transform = new ComposedTransform(layers);
    this.constant = tf.variable(tf.zeros([1]), true, undefined, 'float32');
  }

  /** The tanh box layer, if the flow has one. */
  get boxTransform(): TanhBoxTransform | undefined {
    const first = this.transform.transforms[0];
    return first instanceof TanhBoxTransform ? first : undefined;
  }

  /** The support box (float32 values as float64), or undefined for a flow on R^D. */
  box(): { low: Float64Array; high: Float64Array } | undefined {
    return this.boxTransform?.box();
  }

  /** Set the support box (mbank does this from the training data before training). */
  setBox(low: ArrayLike<number>, high: ArrayLike<number>): void {
    const t = this.boxTransform;
    if (!t) throw new MbankError('setBox: this flow has no box layer (it was built without a box)');
    t.setBox(low, high);
  }

  private checkInput(x: tf.Tensor2D): void {
    if (x.rank !== 2 || x.shape[1] !== this.dim) invalid('flow input shape', x.shape, `must be [N, ${this.dim}]`);
  }

  /** log q(x) per row [N]; -Infinity for rows outside the box. */
  logProb(x: tf.Tensor2D): tf.Tensor1D {
    this.checkInput(x);
    return tf.tidy(() => {
      const { y, logAbsDet } = this.transform.forwardAndLogAbsDet(x);
      return tf.add(standardNormalLogProb(y), logAbsDet) as tf.Tensor1D;
    });
  }

  /** z = T(x) (noise of the data points), [N, D]. */
  transformToNoise(x: tf.Tensor2D): tf.Tensor2D {
    this.checkInput(x);
    return this.transform.forward(x);
  }

  /** n samples: z ~ N(0, I) (seeded Rng when `seed` is given), x = T^-1(z). */
  sample(n: number, seed?: number): tf.Tensor2D {
    positiveInt('n', n);
    return tf.tidy(() => this.transform.inverse(standardNormalSample(n, this.dim, seed === undefined ? undefined : new Rng(seed))));
  }

  /** Samples and their log q in one pass: log q(x) = log N(z) - log|det dT^-1/dz|. */
  sampleAndLogProb(n: number, seed?: number): { x: tf.Tensor2D; logProb: tf.Tensor1D } {
    positiveInt('n', n);
    return this.sampleAndLogProbFrom(n, seed === undefined ? undefined : new Rng(seed));
  }

  private sampleAndLogProbFrom(n: number, rng: Rng | undefined): { x: tf.Tensor2D; logProb: tf.Tensor1D } {
    return tf.tidy(() => {
      const z = standardNormalSample(n, this.dim, rng);
      const { y, logAbsDet } = this.transform.inverseAndLogAbsDet(z);
      return { x: y, logProb: tf.sub(standardNormalLogProb(z), logAbsDet) as tf.Tensor1D };
    });
  }

  /**
   * n samples strictly inside the box (and accepted by `accept`, if given) with their log q, as
   * row-major float64 arrays (mbank `sample_within_boundaries`): batches of `batchSize` are drawn
   * and filtered until n are kept; throws after `maxBatches` batches with too few accepted.
   */
  sampleWithinBox(
    n: number,
    options: { seed?: number; accept?: (row: Float64Array) => boolean; batchSize?: number; maxBatches?: number } = {},
  ): { x: Float64Array; logProb: Float64Array } {
    positiveInt('n', n);
    const batchSize = options.batchSize ?? Math.min(n, 3000);
    const maxBatches = options.maxBatches ?? 10000;
    const rng = options.seed === undefined ? undefined : new Rng(options.seed);
    const box = this.box();
    const x = new Float64Array(n * this.dim);
    const lp = new Float64Array(n);
    let kept = 0;
    for (let b = 0; kept < n; b++) {
      if (b >= maxBatches) throw new MbankError(`sampleWithinBox: only ${kept} of ${n} samples accepted after ${maxBatches} batches`);
      const s = this.sampleAndLogProbFrom(batchSize, rng);
      const xs = s.x.dataSync();
      const ls = s.logProb.dataSync();
      s.x.dispose();
      s.logProb.dispose();
      for (let i = 0; i < batchSize && kept < n; i++) {
        const row = Float64Array.from(xs.subarray(i * this.dim, (i + 1) * this.dim));
        let ok = Number.isFinite(ls[i]);
        for (let d = 0; ok && d < this.dim; d++) ok = Number.isFinite(row[d]) && (!box || (row[d] > box.low[d] && row[d] < box.high[d]));
        if (ok && options.accept) ok = options.accept(row);
        if (!ok) continue;
        x.set(row, kept * this.dim);
        lp[kept++] = ls[i];
      }
    }
    return { x, logProb: lp };
  }

  trainableVariables(): tf.Variable[] {
    return this.transform.variables();
  }

  /** Every tensor of the flow by mbank state-dict name (`constant`, `_transform._transforms.<i>.<name>`). */
  namedVariables(): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = { constant: this.constant };
    for (const [k, v] of Object.entries(this.transform.namedVariables())) out[TRANSFORM_PREFIX + k] = v;
    return out;
  }

  architecture(): FlowArchitecture {
    return JSON.parse(JSON.stringify(this.arch)) as FlowArchitecture;
  }

  dispose(): void {
    this.transform.dispose();
    this.constant.dispose();
  }
}
