/**
 * Forward and backward of one masked affine autoregressive layer (../transforms/masked-affine.ts)
 * on the kernel workspace (../kernels/workspace.ts), for the fused training step (./flow-step.ts).
 * Same mathematics as ../transforms/maf-op.ts (o = MADE(x), a_d = o_{2d}, b_d = o_{2d+1},
 * s = softplus(a) + eps, y = s x + b, l = sum_d ln s_d, per masked linear z = u (W ⊙ M)^T + c:
 * dW = (u^T dz)^T ⊙ M, dc = 1^T dz, du = dz (W ⊙ M)), on plain memory: every feature width is
 * padded to a multiple of 4 with zero weights (padded units stay 0 through relu and get no
 * gradient), the final layer's a and b rows are reordered into two groups [a | b] of width Dp,
 * and the hidden units are ordered by MADE degree (a relabelling: the network is the same). With
 * sorted degrees every masked weight matrix is zero outside one contiguous range of rows per group
 * of 8 columns, which the kernels skip (range tables, ../kernels/gemm-kernel.ts).
 */
import type { Made } from '../transforms/made.js';
import { KernelWorkspace, rowMajor } from '../kernels/workspace.js';

/** Round up to a multiple of 4 (the SIMD width). */
export const pad4 = (k: number): number => Math.ceil(k / 4) * 4;

/** One masked linear layer: sizes, mask and where its weight / bias live in the parameter list. */
interface LayerPlan {
  nIn: number;
  nOut: number;
  inP: number;
  outP: number;
  mask: Float32Array;
  /** Padded position of input unit i (the previous layer's `column`). */
  inPos: Int32Array;
  /** Padded output column of nflows' output row o (degree order; [a | b] groups for the final layer). */
  column: Int32Array;
  weightIndex: number;
  biasIndex: number;
  /** Range tables (4 int32 per 8 columns) of the forward x Wt, the backward dz W and the gradient u^T dz. */
  forwardRanges: Int32Array;
  inputGradRanges: Int32Array;
  weightGradRanges: Int32Array;
  /** The unmasked weights: index o nIn + i in nflows' W, and their positions in the padded Wt [inP, outP] and W [outP, inP]. */
  kept: Int32Array;
  keptWt: Int32Array;
  keptW: Int32Array;
}

/** Positions 0..k-1 of units ordered by degree (stable): position[o] of unit o. */
function degreeOrder(degrees: Int32Array): Int32Array {
  const order = Array.from(degrees.keys()).sort((a, b) => degrees[a] - degrees[b] || a - b);
  const position = new Int32Array(degrees.length);
  order.forEach((o, p) => (position[o] = p));
  return position;
}

/** Rows per block of the products: a multiple of the weight gradients' chunk (128, ../kernels/workspace.ts), so blocking keeps the order of their sums. */
const ROW_BLOCK = 256;

/** No limit (the kernel clamps a range end to the reduction length). */
const ALL = 0x3fffffff;

/**
 * Per group of 8 columns of a [rows, cols] 0/1 pattern: [first, last + 1] of the rows holding a one
 * (an empty group gives [0, 0]).
 */
function rowSpans(nz: Uint8Array, rows: number, cols: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let j0 = 0; j0 < cols; j0 += 8) {
    let lo = rows;
    let hi = -1;
    for (let r = 0; r < rows; r++) {
      for (let j = j0; j < Math.min(j0 + 8, cols); j++) {
        if (nz[r * cols + j]) {
          lo = Math.min(lo, r);
          hi = Math.max(hi, r);
        }
      }
    }
    out.push(hi < 0 ? [0, 0] : [lo, hi + 1]);
  }
  return out;
}

/** Range tables of one layer from its mask in padded positions (see LayerPlan). */
function layerRanges(l: Omit<LayerPlan, 'forwardRanges' | 'inputGradRanges' | 'weightGradRanges' | 'kept' | 'keptWt' | 'keptW'>) {
  const wt = new Uint8Array(l.inP * l.outP);
  const w = new Uint8Array(l.outP * l.inP);
  for (let o = 0; o < l.nOut; o++) {
    for (let i = 0; i < l.nIn; i++) {
      if (l.mask[o * l.nIn + i] === 0) continue;
      wt[l.inPos[i] * l.outP + l.column[o]] = 1;
      w[l.column[o] * l.inP + l.inPos[i]] = 1;
    }
  }
  const table = (spans: Array<[number, number]>, asRows: boolean) => Int32Array.from(spans.flatMap(([lo, hi]) => (asRows ? [0, ALL, lo, hi] : [lo, hi, 0, ALL])));
  return {
    forwardRanges: table(rowSpans(wt, l.inP, l.outP), false),
    inputGradRanges: table(rowSpans(w, l.outP, l.inP), false),
    weightGradRanges: table(rowSpans(wt, l.inP, l.outP), true),
  };
}

/** The unmasked weights of a layer and where they go (see LayerPlan). */
function keptWeights(l: { nIn: number; nOut: number; inP: number; outP: number; mask: Float32Array; inPos: Int32Array; column: Int32Array }) {
  const [kept, keptWt, keptW]: number[][] = [[], [], []];
  for (let o = 0; o < l.nOut; o++) {
    for (let i = 0; i < l.nIn; i++) {
      if (l.mask[o * l.nIn + i] === 0) continue;
      kept.push(o * l.nIn + i);
      keptWt.push(l.inPos[i] * l.outP + l.column[o]);
      keptW.push(l.column[o] * l.inP + l.inPos[i]);
    }
  }
  return { kept: Int32Array.from(kept), keptWt: Int32Array.from(keptWt), keptW: Int32Array.from(keptW) };
}

/** The weights of one layer in the workspace for one step: Wt [inP, outP], W [outP, inP], bias [outP]. */
interface LayerWeights {
  wt: number;
  w: number;
  bias: number;
  /** Range tables in the workspace (see LayerPlan). */
  forward: number;
  inputGrad: number;
  weightGrad: number;
}

/** What the forward pass keeps for the backward pass (workspace pointers). */
export interface MafSaved {
  x: number;
  weights: LayerWeights[];
  /** Inputs of the masked layers in order (x, then hidden activations), [n, width]. */
  inputs: number[];
  /** Residual blocks: r = relu(h) and t of every block; feed-forward: the relu outputs. */
  s: number;
  sig: number;
}

/** A MAF layer's fused forward / backward over the workspace (see the file header). */
export class FusedMaf {
  readonly dim: number;
  readonly dimP: number;
  readonly hiddenP: number;
  private readonly residual: boolean;
  private readonly nBlocks: number;
  private readonly layers: LayerPlan[];

  /** @param index position of each of the MADE's variables in the trainer's parameter list. */
  constructor(made: Made, index: (v: unknown) => number, private readonly epsilon: number) {
    const D = made.options.dim;
    this.dim = D;
    this.dimP = pad4(D);
    this.residual = made.options.useResidualBlocks;
    this.nBlocks = made.blocks.length;
    this.hiddenP = pad4(made.options.hiddenFeatures);
    const all = made.layers();
    let inPos: Int32Array = Int32Array.from({ length: D }, (_, d) => d);
    this.layers = all.map((l, k) => {
      const [nOut, nIn] = l.weight.shape as [number, number];
      const final = k === all.length - 1;
      // Final layer: nflows row 2d (a_d) -> column d, row 2d + 1 (b_d) -> column Dp + d.
      const column = final ? Int32Array.from({ length: nOut }, (_, o) => (o % 2) * this.dimP + (o >> 1)) : degreeOrder(l.degrees);
      const plan = { nIn, nOut, inP: pad4(nIn), outP: final ? 2 * this.dimP : pad4(nOut), mask: l.maskValues, inPos, column, weightIndex: index(l.weight), biasIndex: index(l.bias) };
      inPos = column;
      return { ...plan, ...layerRanges(plan), ...keptWeights(plan) };
    });
  }

  /** A FusedMaf from its fields as structured-cloned into another thread (a clone loses the class). */
  static revive(fields: FusedMaf): FusedMaf {
    return Object.assign(Object.create(FusedMaf.prototype) as FusedMaf, fields);
  }

  /** Masked, padded, reordered weights of every layer from the parameter arrays, into the workspace. */
  private loadWeights(ws: KernelWorkspace, params: Float32Array[]): LayerWeights[] {
    return this.layers.map((l) => {
      const ptrs = {
        wt: ws.zeros(l.inP * l.outP), w: ws.zeros(l.outP * l.inP), bias: ws.zeros(l.outP),
        forward: ws.ranges(l.forwardRanges), inputGrad: ws.ranges(l.inputGradRanges), weightGrad: ws.ranges(l.weightGradRanges),
      };
      const wt = ws.f32(ptrs.wt, l.inP * l.outP);
      const w = ws.f32(ptrs.w, l.outP * l.inP);
      const bias = ws.f32(ptrs.bias, l.outP);
      const W = params[l.weightIndex];
      const b = params[l.biasIndex];
      for (let o = 0; o < l.nOut; o++) bias[l.column[o]] = b[o];
      const { kept, keptWt, keptW } = l;
      for (let e = 0; e < kept.length; e++) {
        const v = W[kept[e]];
        wt[keptWt[e]] = v;
        w[keptW[e]] = v;
      }
      return ptrs;
    });
  }

  /**
   * y [n, Dp] (at the returned pointer) from x [n, Dp] (padding columns 0), adding ln|det| of each row
   * to `logDet`; returns what {@link backward} needs. The products run by blocks of ROW_BLOCK rows
   * through all layers, so a layer reads its input from cache (the activations are kept whole for the
   * backward pass); each row's result is the same as unblocked.
   */
  forward(ws: KernelWorkspace, params: Float32Array[], x: number, n: number, logDet: Float64Array): { y: number; saved: MafSaved } {
    const weights = this.loadWeights(ws, params);
    const H = this.hiddenP;
    const Dp = this.dimP;
    const residual = this.residual;
    // Activations: h_k (block inputs / outputs), r_k = relu(h_k) and t_k of the residual blocks. The
    // backward pass of residual blocks reads r, t and the last h only, so the other h live in one
    // block's scratch (not written out to memory for the whole batch).
    const scratchH = (k: number) => residual && k < this.nBlocks;
    const hs = Array.from({ length: this.nBlocks + 1 }, (_, k) => ws.alloc((scratchH(k) ? ROW_BLOCK : n) * H));
    const rs = residual ? Array.from({ length: this.nBlocks }, () => ws.alloc(n * H)) : [];
    const ts = residual ? Array.from({ length: this.nBlocks }, () => ws.alloc(n * H)) : [];
    const out = ws.alloc(n * 2 * Dp);
    const fin = weights[weights.length - 1];
    for (let b0 = 0; b0 < n; b0 += ROW_BLOCK) {
      const nb = Math.min(ROW_BLOCK, n - b0);
      /** Row b0 of a [n, w] matrix. */
      const at = (p: number, w: number) => p + 4 * b0 * w;
      const rAt = (k: number) => (k < rs.length ? at(rs[k], H) : undefined);
      const hAt = (k: number) => (scratchH(k) ? hs[k] : at(hs[k], H));
      // Residual blocks take r = relu(h): written by the product that makes h.
      ws.gemm(hAt(0), rowMajor(at(x, Dp), Dp), weights[0].wt, nb, H, Dp, { bias: weights[0].bias, relu: !residual, ranges: weights[0].forward, reluCopy: rAt(0) });
      for (let k = 0; k < this.nBlocks; k++) {
        if (residual) {
          const [w0, w1] = [weights[1 + 2 * k], weights[2 + 2 * k]];
          ws.gemm(at(ts[k], H), rowMajor(at(rs[k], H), H), w0.wt, nb, H, H, { bias: w0.bias, relu: true, ranges: w0.forward });
          ws.gemm(hAt(k + 1), rowMajor(at(ts[k], H), H), w1.wt, nb, H, H, { bias: w1.bias, s: hAt(k), ranges: w1.forward, reluCopy: rAt(k + 1) });
        } else {
          const wk = weights[1 + k];
          ws.gemm(hAt(k + 1), rowMajor(hAt(k), H), wk.wt, nb, H, H, { bias: wk.bias, relu: true, ranges: wk.forward });
        }
      }
      ws.gemm(at(out, 2 * Dp), rowMajor(hAt(this.nBlocks), H), fin.wt, nb, 2 * Dp, H, { bias: fin.bias, ranges: fin.forward });
    }
    const inputs = residual ? [x, ...rs.flatMap((r, k) => [r, ts[k]]), hs[this.nBlocks]] : [x, ...hs];
    const y = ws.alloc(n * Dp);
    const s = ws.alloc(n * Dp);
    const sig = ws.alloc(n * Dp);
    ws.softplusAffine(out, x, y, s, sig, n, Dp, this.epsilon);
    const S = ws.f32(s, n * Dp);
    for (let i = 0; i < n; i++) {
      // ln prod s over groups of 8 factors (each >= epsilon, so no float64 underflow), one log per group.
      let ld = 0;
      let prod = 1;
      for (let d = 0; d < this.dim; d++) {
        prod *= S[i * Dp + d];
        if ((d & 7) === 7) {
          ld += Math.log(prod);
          prod = 1;
        }
      }
      logDet[i] += ld + Math.log(prod);
    }
    return { y, saved: { x, weights, inputs, s, sig } };
  }

  /**
   * dx [n, Dp] (returned pointer) from dy [n, Dp] and the gradient of each row's ln|det| `dLogDet`;
   * writes the gradients of the MADE's weights and biases into `grads` (at their parameter indices).
   * By blocks of ROW_BLOCK rows through all layers as the forward pass; the weight gradients add the
   * blocks' chunks in row order, as one pass over the batch would.
   */
  backward(ws: KernelWorkspace, saved: MafSaved, dy: number, dLogDet: Float64Array, n: number, grads: Float32Array[]): number {
    const Dp = this.dimP;
    const H = this.hiddenP;
    const dx = ws.alloc(n * Dp);
    const dOut = ws.zeros(n * 2 * Dp);
    {
      const [X, DY, S, G, DO, DX] = [ws.f32(saved.x, n * Dp), ws.f32(dy, n * Dp), ws.f32(saved.s, n * Dp), ws.f32(saved.sig, n * Dp), ws.f32(dOut, 2 * n * Dp), ws.f32(dx, n * Dp)];
      for (let i = 0; i < n; i++) {
        for (let d = 0; d < this.dim; d++) {
          const k = i * Dp + d;
          DO[2 * i * Dp + d] = (DY[k] * X[k] + dLogDet[i] / S[k]) * G[k];
          DO[(2 * i + 1) * Dp + d] = DY[k];
          DX[k] = DY[k] * S[k];
        }
      }
    }
    const nl = this.layers.length;
    const { weights, inputs } = saved;
    const acc = this.layers.map((l) => ({ dwt: ws.zeros(l.inP * l.outP), db: ws.zeros(l.outP) }));
    /** Add layer k's weight and bias gradients of nb rows: input u [nb, inP], output gradient dz [nb, outP]. */
    const addGrads = (k: number, u: number, dz: number, nb: number) => {
      const l = this.layers[k];
      ws.addWeightGradients(acc[k].dwt, acc[k].db, u, l.inP, dz, l.outP, nb, weights[k].weightGrad);
    };
    // Block scratch: the gradient flowing down (dh) and the residual block's inner one (t1).
    const dh = ws.alloc(ROW_BLOCK * H);
    const t1 = ws.alloc(ROW_BLOCK * H);
    for (let b0 = 0; b0 < n; b0 += ROW_BLOCK) {
      const nb = Math.min(ROW_BLOCK, n - b0);
      const at = (p: number, w: number) => p + 4 * b0 * w;
      addGrads(nl - 1, at(inputs[inputs.length - 1], H), at(dOut, 2 * Dp), nb);
      ws.gemm(dh, rowMajor(at(dOut, 2 * Dp), 2 * Dp), weights[nl - 1].w, nb, H, 2 * Dp, { ranges: weights[nl - 1].inputGrad });
      for (let k = this.nBlocks - 1; k >= 0; k--) {
        if (this.residual) {
          const [r, t] = [at(inputs[1 + 2 * k], H), at(inputs[2 + 2 * k], H)];
          addGrads(2 + 2 * k, t, dh, nb);
          // t1 = (dh W) where t > 0; dh += (t1 W) where r > 0 (the relu backwards, folded into the products).
          ws.gemm(t1, rowMajor(dh, H), weights[2 + 2 * k].w, nb, H, H, { ranges: weights[2 + 2 * k].inputGrad, maskBy: t });
          addGrads(1 + 2 * k, r, t1, nb);
          ws.gemm(dh, rowMajor(t1, H), weights[1 + 2 * k].w, nb, H, H, { ranges: weights[1 + 2 * k].inputGrad, s: dh, maskBy: r });
        } else {
          ws.gradMask(t1, dh, at(inputs[2 + k], H), nb * H);
          addGrads(1 + k, at(inputs[1 + k], H), t1, nb);
          ws.gemm(dh, rowMajor(t1, H), weights[1 + k].w, nb, H, H, { ranges: weights[1 + k].inputGrad });
        }
      }
      if (!this.residual) ws.gradMask(dh, dh, at(inputs[1], H), nb * H);
      addGrads(0, at(saved.x, Dp), dh, nb);
      ws.gemm(at(dx, Dp), rowMajor(dh, H), weights[0].w, nb, Dp, H, { s: at(dx, Dp), ranges: weights[0].inputGrad });
    }
    this.layers.forEach((l, k) => {
      const DWT = ws.f32(acc[k].dwt, l.inP * l.outP);
      const DB = ws.f32(acc[k].db, l.outP);
      const gW = grads[l.weightIndex];
      const gb = grads[l.biasIndex];
      for (let o = 0; o < l.nOut; o++) gb[o] = DB[l.column[o]];
      // Masked entries keep the zeros the step starts from.
      const { kept, keptWt } = l;
      for (let e = 0; e < kept.length; e++) gW[kept[e]] = DWT[keptWt[e]];
    });
    return dx;
  }

}
