/**
 * The data -> noise pass of a masked affine autoregressive layer (./masked-affine.ts) as one
 * differentiable op with a hand-written backward pass, for training. With o = MADE(x) (nflows'
 * interleaved outputs a_d = o_{2d}, b_d = o_{2d+1}) and s = softplus(a) + eps:
 *   y = s ⊙ x + b,  l = sum_d ln s_d;
 *   ds = dy ⊙ x + dl / s,  da = ds ⊙ sigmoid(a),  db = dy,  dx = dy ⊙ s + (dMADE/dx)^T do,
 * and per masked linear z = u (W ⊙ M)^T + c (M the fixed mask):
 *   dW = (dz^T u) ⊙ M,  dc = 1^T dz,  du = dz (W ⊙ M).
 * Why: tfjs' autodiff of the same composition also differentiates the mask products, transposes
 * and grouped-output selection matmuls, and copies (Identity) every tensor each op saves; one
 * custom op saves each activation once. A training step of STDFlow(D=4, 2 x 30) runs 476 instead
 * of 616 kernels, ~5-10% less CPU time at batch 500-10,000 (bench/flow-step.bench.ts); at batch
 * 15,000 the matrix products dominate (see linearBackward) and the time is unchanged.
 * Every product is non-transposed (a transposed wasm matMul skips XNNPACK: ~10x slower, tfjs 4.22).
 * test/flow/maf-op.test.ts holds value and gradients to the autodiff of Made.applyGrouped.
 */
import * as tf from '../tf.js';
import { matMulBias } from '../linear-op.js';
import type { WithLogAbsDet } from '../types.js';
import type { Made, MaskedLinear } from './made.js';

/**
 * Gradients of z = u Wm^T + c from dz: [dz^T u, 1^T dz, dz Wm] (the mask is applied by the caller).
 * Why the two forms: the wasm matMul (XNNPACK fully-connected) packs its right operand on the first
 * product with each tensor; for a fresh [15000, 100] operand that costs as much as the product
 * (23 ms instead of 12 ms, measured), and the packing is cached per tensor. So
 * the narrower of u and dz is the right operand: dz^T u and dz^T 1 (u narrower), or (u^T dz)^T and
 * 1^T dz (dz narrower, packed once for both products).
 */
function linearBackward(dz: tf.Tensor2D, u: tf.Tensor2D, masked: tf.Tensor2D): [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D] {
  const n = dz.shape[0];
  const dx = tf.matMul(dz, masked) as tf.Tensor2D;
  if (u.shape[1] < dz.shape[1]) {
    const dzT = tf.transpose(dz) as tf.Tensor2D;
    return [tf.matMul(dzT, u), tf.reshape(tf.matMul(dzT, tf.ones([n, 1])), [-1]) as tf.Tensor1D, dx];
  }
  const dW = tf.transpose(tf.matMul(tf.transpose(u) as tf.Tensor2D, dz)) as tf.Tensor2D;
  return [dW, tf.reshape(tf.matMul(tf.ones([1, n]), dz), [-1]) as tf.Tensor1D, dx];
}

/** dz of z -> relu(z) from the gradient of the output and the output (relu'(0) = 0). */
function reluBackward(dOut: tf.Tensor2D, out: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(dOut, tf.step(out)) as tf.Tensor2D;
}

/**
 * (y, log|det dy/dx|) of the affine MAF layer with conditioner `made` (outputMultiplier 2) at x,
 * differentiable in x and every MADE variable; equal to the autodiff of the unfused composition.
 */
export function mafForwardFused(made: Made, x: tf.Tensor2D, epsilon: number): WithLogAbsDet {
  const layers: MaskedLinear[] = made.layers();
  const residual = made.options.useResidualBlocks;
  const dim = made.options.dim;
  const nl = layers.length;
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const xin = args[0] as tf.Tensor2D;
    const n = xin.shape[0];
    const masked = layers.map((l, i) => tf.mul(args[1 + 2 * i] as tf.Tensor2D, l.mask) as tf.Tensor2D);
    const bias = layers.map((_, i) => args[2 + 2 * i] as tf.Tensor1D);
    const lin = (u: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, relu = false) => matMulBias(u, tf.transpose(w) as tf.Tensor2D, b, relu);
    // acts: the input of every masked layer (and, for residual blocks, the relu'd block input r).
    const acts: tf.Tensor2D[] = [xin];
    let h = lin(xin, masked[0], bias[0], !residual);
    let i = 1;
    for (let k = 0; k < made.blocks.length; k++) {
      if (residual) {
        const r = tf.relu(h) as tf.Tensor2D;
        const t = lin(r, masked[i], bias[i++], true);
        acts.push(r, t);
        h = tf.add(h, lin(t, masked[i], bias[i++])) as tf.Tensor2D;
      } else {
        acts.push(h);
        h = lin(h, masked[i], bias[i++], true);
      }
    }
    acts.push(h);
    // The final layer's rows of a and of the shift as two products (no strided slicing of a batch).
    const [wa, wb] = tf.split(tf.gather(masked[nl - 1], made.groupOrder()), 2, 0) as tf.Tensor2D[];
    const [ba, bb] = tf.split(tf.gather(bias[nl - 1], made.groupOrder()), 2, 0) as tf.Tensor1D[];
    const a = lin(h, wa, ba);
    const s = tf.add(tf.softplus(a), epsilon) as tf.Tensor2D;
    const y = tf.add(tf.mul(s, xin), lin(h, wb, bb));
    const logDet = tf.sum(tf.log(s), 1);
    save([...masked, ...acts, a, s, wa, wb]);
    // One output for customGrad: y and log|det| flattened (axis-0 concat and slices are copies).
    return {
      value: tf.concat([tf.reshape(y, [-1]), logDet], 0),
      gradFunc: (dOut: tf.Tensor, saved: tf.Tensor[]) => {
        const sm = saved.slice(0, nl) as tf.Tensor2D[];
        const sa = saved.slice(nl, nl + acts.length) as tf.Tensor2D[];
        const [sA, sS, sWa, sWb] = saved.slice(nl + acts.length) as tf.Tensor2D[];
        const dy = tf.reshape(tf.slice(dOut, [0], [n * dim]), [n, dim]) as tf.Tensor2D;
        const dl = tf.reshape(tf.slice(dOut, [n * dim], [n]), [n, 1]);
        const u = sa[0];
        const hLast = sa[sa.length - 1];
        const da = tf.mul(tf.add(tf.mul(dy, u), tf.div(dl, sS)), tf.sigmoid(sA)) as tf.Tensor2D;
        const grads: tf.Tensor[] = new Array<tf.Tensor>(2 * nl);
        const [gWa, gba, dhA] = linearBackward(da, hLast, sWa);
        const [gWb, gbb, dhB] = linearBackward(dy, hLast, sWb);
        const back = made.groupOrderInverse();
        grads[2 * nl - 2] = tf.mul(tf.gather(tf.concat([gWa, gWb], 0), back), layers[nl - 1].mask);
        grads[2 * nl - 1] = tf.gather(tf.concat([gba, gbb], 0), back);
        let dh = tf.add(dhA, dhB) as tf.Tensor2D;
        const backLayer = (j: number, dz: tf.Tensor2D, input: tf.Tensor2D): tf.Tensor2D => {
          const [gW, gb, dIn] = linearBackward(dz, input, sm[j]);
          grads[2 * j] = tf.mul(gW, layers[j].mask);
          grads[2 * j + 1] = gb;
          return dIn;
        };
        for (let k = made.blocks.length - 1; k >= 0; k--) {
          if (residual) {
            // Block k: r = relu(h) = sa[2k+1], t = relu(L_{2k+1} r) = sa[2k+2], h' = h + L_{2k+2} t.
            const r = sa[2 * k + 1];
            const t = sa[2 * k + 2];
            const dt = backLayer(2 * k + 2, dh, t);
            const dr = backLayer(2 * k + 1, reluBackward(dt, t), r);
            dh = tf.add(dh, reluBackward(dr, r)) as tf.Tensor2D;
          } else {
            // Block k: h_{k+1} = relu(L_{k+1} h_k), h_k = sa[k+1].
            dh = backLayer(k + 1, reluBackward(dh, sa[k + 2]), sa[k + 1]);
          }
        }
        if (!residual) dh = reluBackward(dh, sa[1]);
        const dxNet = backLayer(0, dh, u);
        return [tf.add(tf.mul(dy, sS), dxNet), ...grads];
      },
    };
  });
  return tf.tidy(() => {
    const out = op(x, ...made.variables()) as tf.Tensor1D;
    const n = x.shape[0];
    return { y: tf.reshape(tf.slice(out, [0], [n * dim]), [n, dim]) as tf.Tensor2D, logAbsDet: tf.slice(out, [n * dim], [n]) as tf.Tensor1D };
  });
}
