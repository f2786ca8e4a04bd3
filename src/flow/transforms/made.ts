/**
 * MADE (Germain et al. 2015, arXiv:1502.03509) as in nflows `transforms/made.py`, with the
 * deterministic (non-random) masks:
 *   input degrees 1..D; hidden degrees k mod max(1, D-1) + min(1, D-1) for unit k, hidden mask
 *   out_degree >= in_degree; output degrees 1..D each repeated `outputMultiplier` times
 *   consecutively ([1,1,2,2,...]), output mask out_degree > in_degree.
 * Network: initial masked linear D -> h; `numBlocks` residual blocks x + L1(relu(L0(relu(x))))
 * (the last linear of each block initialised U(+-1e-3)) or feed-forward blocks relu(L(x)) (with a
 * relu after the initial layer); final masked linear h -> multiplier * D. ReLU activations, no
 * dropout, no batch norm (nflows defaults used by mbank). Weights in PyTorch layout [out, in].
 */
import * as tf from '../tf.js';
import type { Rng } from '../../core/rng.js';
import { linearInit, uniformArray } from '../init.js';
import { linear, linearRelu } from '../linear-op.js';

/** Degrees of the MADE inputs: 1..D. */
export function inputDegrees(dim: number): Int32Array {
  return Int32Array.from({ length: dim }, (_, i) => i + 1);
}

/** Degrees of `outFeatures` hidden units for an autoregressive dimension D (nflows, non-random). */
export function hiddenDegrees(outFeatures: number, dim: number): Int32Array {
  const max = Math.max(1, dim - 1);
  const min = Math.min(1, dim - 1);
  return Int32Array.from({ length: outFeatures }, (_, k) => (k % max) + min);
}

/** Degrees of the output units: each of 1..D repeated `multiplier` times consecutively. */
export function outputDegrees(dim: number, multiplier: number): Int32Array {
  return Int32Array.from({ length: dim * multiplier }, (_, k) => Math.floor(k / multiplier) + 1);
}

/** Mask [out, in] (row-major float32): 1 where out >= in (hidden) or out > in (output). */
export function degreeMask(outDeg: Int32Array, inDeg: Int32Array, isOutput: boolean): Float32Array {
  const m = new Float32Array(outDeg.length * inDeg.length);
  for (let o = 0; o < outDeg.length; o++) {
    for (let i = 0; i < inDeg.length; i++) {
      m[o * inDeg.length + i] = (isOutput ? outDeg[o] > inDeg[i] : outDeg[o] >= inDeg[i]) ? 1 : 0;
    }
  }
  return m;
}

/** The 0/1 matrix S [n, k] with (x S)_j = x_{columns[j]} (S[columns[j], j] = 1). */
export function selectionMatrix(n: number, columns: readonly number[]): tf.Tensor2D {
  const k = columns.length;
  const p = new Float32Array(n * k);
  columns.forEach((src, j) => (p[src * k + j] = 1));
  return tf.tensor2d(p, [n, k]);
}

/** A linear layer y = x (W ⊙ mask)^T + b with a fixed autoregressive mask. */
export class MaskedLinear {
  readonly weight: tf.Variable;
  readonly bias: tf.Variable;
  readonly mask: tf.Tensor2D;
  readonly degrees: Int32Array;
  readonly maskValues: Float32Array;

  constructor(inDeg: Int32Array, outDeg: Int32Array, isOutput: boolean, rng: Rng, initRange?: number) {
    const nOut = outDeg.length;
    const nIn = inDeg.length;
    const init = initRange === undefined
      ? linearInit(rng, nOut, nIn)
      : { weight: uniformArray(rng, nOut * nIn, -initRange, initRange), bias: uniformArray(rng, nOut, -initRange, initRange) };
    this.weight = tf.variable(tf.tensor2d(init.weight, [nOut, nIn]), true);
    this.bias = tf.variable(tf.tensor1d(init.bias), true);
    this.maskValues = degreeMask(outDeg, inDeg, isOutput);
    this.mask = tf.tensor2d(this.maskValues, [nOut, nIn]);
    this.degrees = outDeg;
  }

  /** (W ⊙ mask)^T, [in, out] (compute once per pass and reuse through `applyMasked`). */
  maskedWeight(): tf.Tensor2D {
    return tf.transpose(tf.mul(this.weight, this.mask)) as tf.Tensor2D;
  }

  /** x (W ⊙ mask)^T + b with a precomputed transposed masked weight; `relu` applies relu after. */
  applyMasked(x: tf.Tensor2D, maskedWeightT: tf.Tensor2D, relu = false): tf.Tensor2D {
    return (relu ? linearRelu : linear)(x, maskedWeightT, this.bias as tf.Tensor1D);
  }

  variables(): tf.Variable[] {
    return [this.weight, this.bias];
  }

  dispose(): void {
    this.weight.dispose();
    this.bias.dispose();
    this.mask.dispose();
  }
}

/** Options of a MADE network (nflows defaults: numBlocks 2, useResidualBlocks true). */
export interface MadeOptions {
  dim: number;
  hiddenFeatures: number;
  outputMultiplier: number;
  numBlocks: number;
  useResidualBlocks: boolean;
  /**
   * `applyGrouped` is used: output parameter k of dimension d comes in group k, column d, instead of
   * nflows' interleaved column d*multiplier + k; the network and its stored weights are the same.
   */
  groupedOutputs?: boolean;
}

/** The MADE conditioner: x [N, D] -> autoregressive parameters [N, multiplier * D]. */
export class Made {
  readonly options: MadeOptions;
  readonly initialLayer: MaskedLinear;
  /** blocks[k] = [L0, L1] for residual blocks, [L] for feed-forward blocks. */
  readonly blocks: MaskedLinear[][];
  readonly finalLayer: MaskedLinear;
  /** Selection matrices [m D, D] picking group k of the final outputs (grouped outputs). */
  private readonly groupSelectors: tf.Tensor2D[];

  constructor(options: MadeOptions, rng: Rng) {
    this.options = options;
    const { dim, hiddenFeatures: h } = options;
    this.initialLayer = new MaskedLinear(inputDegrees(dim), hiddenDegrees(h, dim), false, rng);
    let prev = this.initialLayer.degrees;
    this.blocks = [];
    for (let k = 0; k < options.numBlocks; k++) {
      if (options.useResidualBlocks) {
        const l0 = new MaskedLinear(prev, hiddenDegrees(h, dim), false, rng);
        const l1 = new MaskedLinear(l0.degrees, hiddenDegrees(h, dim), false, rng, 1e-3);
        this.blocks.push([l0, l1]);
        prev = l1.degrees;
      } else {
        const l = new MaskedLinear(prev, hiddenDegrees(h, dim), false, rng);
        this.blocks.push([l]);
        prev = l.degrees;
      }
    }
    this.finalLayer = new MaskedLinear(prev, outputDegrees(dim, options.outputMultiplier), true, rng);
    const m = options.outputMultiplier;
    // Group k, column d = nflows' output column d m + k. Selected by an exact 0/1 matrix product
    // (tf.gather has no gradient kernel on wasm), on the small weights, not on the batch.
    this.groupSelectors = options.groupedOutputs
      ? Array.from({ length: m }, (_, k) => selectionMatrix(m * dim, Array.from({ length: dim }, (_, d) => d * m + k)))
      : [];
  }

  /**
   * Rows of the final layer grouped by parameter: [k = 0 of d = 1..D, k = 1 of d = 1..D, ...]
   * (nflows' row d m + k at position k D + d), as an int32 index tensor.
   */
  groupOrder(): tf.Tensor1D {
    const { dim, outputMultiplier: m } = this.options;
    return tf.tensor1d(Int32Array.from({ length: m * dim }, (_, p) => (p % dim) * m + Math.floor(p / dim)), 'int32');
  }

  /** The inverse permutation of {@link groupOrder}: grouped position of nflows' row j. */
  groupOrderInverse(): tf.Tensor1D {
    const { dim, outputMultiplier: m } = this.options;
    return tf.tensor1d(Int32Array.from({ length: m * dim }, (_, j) => (j % m) * dim + Math.floor(j / m)), 'int32');
  }

  /** Every masked layer in order (initial, blocks, final). */
  layers(): MaskedLinear[] {
    return [this.initialLayer, ...this.blocks.flat(), this.finalLayer];
  }

  /** Transposed masked weights of every layer, in `layers()` order, for reuse across passes. */
  maskedWeights(): tf.Tensor2D[] {
    return this.layers().map((l) => l.maskedWeight());
  }

  /** Network output [N, multiplier * D] (nflows order); `masked` from `maskedWeights()`. */
  apply(x: tf.Tensor2D, masked: tf.Tensor2D[] = this.maskedWeights()): tf.Tensor2D {
    return this.finalLayer.applyMasked(this.hidden(x, masked), masked[masked.length - 1]);
  }

  /** Network outputs as `multiplier` tensors [N, D] (group k = parameter k of every dimension). */
  applyGrouped(x: tf.Tensor2D, masked: tf.Tensor2D[] = this.maskedWeights()): tf.Tensor2D[] {
    if (this.groupSelectors.length === 0) throw new Error('Made.applyGrouped needs groupedOutputs: true');
    const h = this.hidden(x, masked);
    const wt = masked[masked.length - 1];
    const b = tf.reshape(this.finalLayer.bias, [-1, 1]);
    // Bias of group k: sum over rows of S_k ⊙ b (a fresh rank-1 tensor; the wasm fused matMul
    // reads the rank of a bias from its storage, which a reshaped matMul output gets wrong).
    return this.groupSelectors.map((sel) => linear(h, tf.matMul(wt, sel), tf.sum(tf.mul(sel, b), 0) as tf.Tensor1D));
  }

  /** Output of the last hidden layer [N, h]. */
  private hidden(x: tf.Tensor2D, masked: tf.Tensor2D[]): tf.Tensor2D {
    let i = 0;
    const residual = this.options.useResidualBlocks;
    let h = this.initialLayer.applyMasked(x, masked[i++], !residual);
    for (const block of this.blocks) {
      if (block.length === 2) {
        // x + L1(relu(L0(relu(x)))), the inner relu fused with L0.
        const t = block[0].applyMasked(tf.relu(h), masked[i++], true);
        h = tf.add(h, block[1].applyMasked(t, masked[i++]));
      } else {
        h = block[0].applyMasked(h, masked[i++], true);
      }
    }
    return h;
  }

  variables(): tf.Variable[] {
    return this.layers().flatMap((l) => l.variables());
  }

  /** nflows names: initial_layer.*, blocks.k.linear_layers.j.* (residual) or blocks.k.linear.*, final_layer.*. */
  namedVariables(): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = {};
    const put = (name: string, l: MaskedLinear) => {
      out[`${name}.weight`] = l.weight;
      out[`${name}.bias`] = l.bias;
    };
    put('initial_layer', this.initialLayer);
    this.blocks.forEach((b, k) => {
      if (b.length === 2) b.forEach((l, j) => put(`blocks.${k}.linear_layers.${j}`, l));
      else put(`blocks.${k}.linear`, b[0]);
    });
    put('final_layer', this.finalLayer);
    return out;
  }

  /** Masks and degrees by nflows name (`<layer>.mask`, `<layer>.degrees`), to check imported files. */
  buffers(): Record<string, { mask: Float32Array; degrees: Int32Array }> {
    const out: Record<string, { mask: Float32Array; degrees: Int32Array }> = {};
    out.initial_layer = { mask: this.initialLayer.maskValues, degrees: this.initialLayer.degrees };
    this.blocks.forEach((b, k) => {
      if (b.length === 2) b.forEach((l, j) => (out[`blocks.${k}.linear_layers.${j}`] = { mask: l.maskValues, degrees: l.degrees }));
      else out[`blocks.${k}.linear`] = { mask: b[0].maskValues, degrees: b[0].degrees };
    });
    out.final_layer = { mask: this.finalLayer.maskValues, degrees: this.finalLayer.degrees };
    return out;
  }

  dispose(): void {
    for (const l of this.layers()) l.dispose();
    for (const s of this.groupSelectors) s.dispose();
  }
}
