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
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng.js';
import { linearInit, uniformArray } from '../init.js';

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

  /** W ⊙ mask (compute once per pass and reuse through `applyMasked`). */
  maskedWeight(): tf.Tensor2D {
    return tf.mul(this.weight, this.mask);
  }

  /** x (W ⊙ mask)^T + b with a precomputed masked weight. */
  applyMasked(x: tf.Tensor2D, maskedWeight: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(x, maskedWeight, false, true), this.bias);
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
}

/** The MADE conditioner: x [N, D] -> autoregressive parameters [N, multiplier * D]. */
export class Made {
  readonly options: MadeOptions;
  readonly initialLayer: MaskedLinear;
  /** blocks[k] = [L0, L1] for residual blocks, [L] for feed-forward blocks. */
  readonly blocks: MaskedLinear[][];
  readonly finalLayer: MaskedLinear;

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
  }

  /** Every masked layer in order (initial, blocks, final). */
  layers(): MaskedLinear[] {
    return [this.initialLayer, ...this.blocks.flat(), this.finalLayer];
  }

  /** Masked weights of every layer, in `layers()` order, for reuse across passes. */
  maskedWeights(): tf.Tensor2D[] {
    return this.layers().map((l) => l.maskedWeight());
  }

  /** Network output [N, multiplier * D]; `masked` from `maskedWeights()` (computed if omitted). */
  apply(x: tf.Tensor2D, masked: tf.Tensor2D[] = this.maskedWeights()): tf.Tensor2D {
    let i = 0;
    let h = this.initialLayer.applyMasked(x, masked[i++]);
    if (!this.options.useResidualBlocks) h = tf.relu(h);
    for (const block of this.blocks) {
      if (block.length === 2) {
        const t = block[0].applyMasked(tf.relu(h), masked[i++]);
        h = tf.add(h, block[1].applyMasked(tf.relu(t), masked[i++]));
      } else {
        h = tf.relu(block[0].applyMasked(h, masked[i++]));
      }
    }
    return this.finalLayer.applyMasked(h, masked[i]);
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
  }
}
