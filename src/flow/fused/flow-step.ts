/**
 * The whole training step of a TransformFlow made of tanh box, permutation, NaiveLinear and masked
 * affine autoregressive layers (STDFlow) as one hand-written forward and backward pass over the
 * SIMD kernel workspace: log q(x) = log N(T(x)) + sum of the layers' ln|det|, a loss of log q given
 * by the caller (with its derivative), and the gradient of every trainable parameter, computed from
 * and into the trainer's plain parameter arrays. tfjs is not called at all, so no tensor is created,
 * saved, cloned or packed; the trainer only runs Adam. Gradients equal tfjs' autodiff of
 * `flow.logProb` to float32 rounding (test/flow/flow-step.test.ts). NaiveLinear's ln|det W| gradient
 * W^-T is computed in float64 on the host, as ../matrix-ops.ts does.
 */
import type * as tf from '../tf.js';
import { inverse, slogdet } from '../../core/linalg.js';
import { KernelWorkspace, rowMajor } from '../kernels/workspace.js';
import type { KernelFamily } from '../kernels/kernel-family.js';
import type { TransformFlow } from '../transform-flow.js';
import { TanhBoxTransform } from '../transforms/tanh-box.js';
import { PermutationTransform } from '../transforms/permutation.js';
import { NaiveLinearTransform } from '../transforms/naive-linear.js';
import { MaskedAffineAutoregressiveTransform, SCALE_EPSILON } from '../transforms/masked-affine.js';
import { FusedMaf, pad4, type MafSaved } from './maf-fused.js';

type Stage =
  | { kind: 'box'; low: Float32Array; high: Float32Array }
  | { kind: 'permutation'; perm: readonly number[] }
  | { kind: 'linear'; weightIndex: number; biasIndex: number }
  | { kind: 'maf'; maf: FusedMaf };

/** What rebuilds a {@link FusedFlowStep} in another thread (structured-clonable plain data). */
export interface FusedStepPlan {
  dim: number;
  stages: Stage[];
  sizes: number[];
  kernels: KernelFamily;
}

/** The loss of the batch from log q per row, with d loss / d log q per row; `extra` gradients are the caller's. */
export type LogqLoss = (logq: Float64Array) => { loss: number; dLogq: Float64Array };

/** The fused step of one flow for one ordered list of trainable variables (see the file header). */
export class FusedFlowStep {
  private readonly ws: KernelWorkspace;
  private readonly grads: Float32Array[];

  private constructor(
    readonly dim: number,
    private readonly stages: Stage[],
    private readonly sizes: number[],
    kernels: KernelFamily | undefined,
  ) {
    this.ws = new KernelWorkspace(kernels);
    this.grads = sizes.map((s) => new Float32Array(s));
  }

  /** This step's plan, for {@link fromPlan} in a worker thread. */
  plan(): FusedStepPlan {
    return { dim: this.dim, stages: this.stages, sizes: this.sizes, kernels: this.kernels };
  }

  /** The step of a plan (from {@link plan}, possibly structured-cloned). */
  static fromPlan(plan: FusedStepPlan): FusedFlowStep {
    const stages = plan.stages.map((st): Stage => (st.kind === 'maf' ? { kind: 'maf', maf: FusedMaf.revive(st.maf) } : st));
    return new FusedFlowStep(plan.dim, stages, plan.sizes, plan.kernels);
  }

  /** The kernel family the products run on. */
  get kernels(): KernelFamily {
    return this.ws.family;
  }

  /**
   * The fused step of `flow` with parameters in the order of `vars`, or undefined when the flow has a
   * layer this pass does not implement or a trainable variable that is not in `vars`; `kernels` as
   * {@link KernelWorkspace} (default 'fma' where relaxed SIMD compiles).
   */
  static create(flow: TransformFlow, vars: readonly tf.Variable[], kernels?: KernelFamily): FusedFlowStep | undefined {
    const index = (v: unknown): number => vars.indexOf(v as tf.Variable);
    const stages: Stage[] = [];
    for (const t of flow.transform.transforms) {
      if (t instanceof TanhBoxTransform) {
        stages.push({ kind: 'box', low: Float32Array.from(t.low.dataSync()), high: Float32Array.from(t.high.dataSync()) });
      } else if (t instanceof PermutationTransform) {
        stages.push({ kind: 'permutation', perm: t.permutation });
      } else if (t instanceof NaiveLinearTransform) {
        stages.push({ kind: 'linear', weightIndex: index(t.weight), biasIndex: index(t.bias) });
      } else if (t instanceof MaskedAffineAutoregressiveTransform) {
        stages.push({ kind: 'maf', maf: new FusedMaf(t.made, index, SCALE_EPSILON) });
      } else {
        return undefined;
      }
    }
    if (flow.trainableVariables().some((v) => index(v) < 0)) return undefined;
    return new FusedFlowStep(flow.dim, stages, vars.map((v) => v.size), kernels);
  }

  /**
   * Loss and gradients (arrays owned by this object, overwritten by the next call; parameters not in
   * the flow, e.g. the constant C, get zeros: the caller adds their gradient) for the n row-major
   * points `x` with parameters `params`.
   */
  lossAndGrads(params: Float32Array[], x: ArrayLike<number>, n: number, loss: LogqLoss): { loss: number; grads: Float32Array[] } {
    const ws = this.ws;
    ws.reset();
    const D = this.dim;
    const Dp = pad4(D);
    let z = ws.zeros(n * Dp);
    const Z0 = ws.f32(z, n * Dp);
    for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) Z0[i * Dp + d] = x[i * D + d];
    const logDet = new Float64Array(n);
    const saved: (number | MafSaved | undefined)[] = [];
    for (const st of this.stages) {
      if (st.kind === 'box') {
        this.box(st, z, n, logDet);
        saved.push(undefined);
      } else if (st.kind === 'permutation') {
        const y = ws.zeros(n * Dp);
        const [X, Y] = [ws.f32(z, n * Dp), ws.f32(y, n * Dp)];
        for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) Y[i * Dp + d] = X[i * Dp + st.perm[d]];
        saved.push(undefined);
        z = y;
      } else if (st.kind === 'linear') {
        const w = this.linearWeights(params, st);
        const y = ws.alloc(n * Dp);
        ws.gemm(y, rowMajor(z, Dp), w.wt, n, Dp, Dp, { bias: w.bias });
        const ld = slogdet(Float64Array.from(params[st.weightIndex]), D).logAbsDet;
        for (let i = 0; i < n; i++) logDet[i] += ld;
        saved.push(z);
        z = y;
      } else {
        const r = st.maf.forward(ws, params, z, n, logDet);
        saved.push(r.saved);
        z = r.y;
      }
    }
    let dz = ws.zeros(n * Dp);
    const Z = ws.f32(z, n * Dp);
    const logq = new Float64Array(n);
    const norm = 0.5 * D * Math.log(2 * Math.PI);
    for (let i = 0; i < n; i++) {
      let q = 0;
      for (let d = 0; d < D; d++) q += Z[i * Dp + d] * Z[i * Dp + d];
      logq[i] = Math.fround(-0.5 * q - norm + logDet[i]);
    }
    const { loss: value, dLogq } = loss(logq);
    for (const g of this.grads) g.fill(0);
    const DZ = ws.f32(dz, n * Dp);
    for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) DZ[i * Dp + d] = -Z[i * Dp + d] * dLogq[i];
    for (let k = this.stages.length - 1; k >= 0; k--) {
      const st = this.stages[k];
      if (st.kind === 'box') break;
      if (st.kind === 'permutation') {
        const dx = ws.zeros(n * Dp);
        const [DY, DX] = [ws.f32(dz, n * Dp), ws.f32(dx, n * Dp)];
        for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) DX[i * Dp + st.perm[d]] = DY[i * Dp + d];
        dz = dx;
      } else if (st.kind === 'linear') {
        dz = this.linearBackward(params, st, saved[k] as number, dz, n, dLogq);
      } else {
        dz = st.maf.backward(ws, saved[k] as MafSaved, dz, dLogq, n, this.grads);
      }
    }
    return { loss: value, grads: this.grads };
  }

  /** The tanh box in place on z [n, Dp]: atanh((2x - high - low)/(high - low)), ln|det| added; rows outside get z = 0, -Infinity. */
  private box(st: { low: Float32Array; high: Float32Array }, z: number, n: number, logDet: Float64Array): void {
    const D = this.dim;
    const Dp = pad4(D);
    const Z = this.ws.f32(z, n * Dp);
    for (let i = 0; i < n; i++) {
      // -ln prod of the Jacobian factors, one log per 8 (each factor > 0 inside the box, float64).
      let ld = 0;
      let prod = 1;
      let inside = true;
      for (let d = 0; d < D && inside; d++) {
        const width = st.high[d] - st.low[d];
        const u = (2 * Z[i * Dp + d] - st.high[d] - st.low[d]) / width;
        inside = Math.abs(u) < 1;
        Z[i * Dp + d] = 0.5 * Math.log((1 + u) / (1 - u));
        prod *= (1 - u * u) * 0.5 * width;
        if ((d & 7) === 7) {
          ld -= Math.log(prod);
          prod = 1;
        }
      }
      ld -= Math.log(prod);
      if (!inside) Z.fill(0, i * Dp, (i + 1) * Dp);
      logDet[i] += inside ? ld : -Infinity;
    }
  }

  /** Wt [Dp, Dp] (= W^T padded), W [Dp, Dp] and bias [Dp] of a NaiveLinear layer in the workspace. */
  private linearWeights(params: Float32Array[], st: { weightIndex: number; biasIndex: number }): { wt: number; w: number; bias: number } {
    const D = this.dim;
    const Dp = pad4(D);
    const ptrs = { wt: this.ws.zeros(Dp * Dp), w: this.ws.zeros(Dp * Dp), bias: this.ws.zeros(Dp) };
    const [wt, w, bias] = [this.ws.f32(ptrs.wt, Dp * Dp), this.ws.f32(ptrs.w, Dp * Dp), this.ws.f32(ptrs.bias, Dp)];
    const W = params[st.weightIndex];
    for (let o = 0; o < D; o++) {
      bias[o] = params[st.biasIndex][o];
      for (let i = 0; i < D; i++) {
        wt[i * Dp + o] = W[o * D + i];
        w[o * Dp + i] = W[o * D + i];
      }
    }
    return ptrs;
  }

  /** dx of y = x W^T + b; writes dW = dy^T x + (sum_i dl_i) W^-T and db = 1^T dy. */
  private linearBackward(params: Float32Array[], st: { weightIndex: number; biasIndex: number }, x: number, dy: number, n: number, dLogDet: Float64Array): number {
    const ws = this.ws;
    const D = this.dim;
    const Dp = pad4(D);
    const w = this.linearWeights(params, st);
    const dx = ws.alloc(n * Dp);
    ws.gemm(dx, rowMajor(dy, Dp), w.w, n, Dp, Dp);
    const { dwt, db } = ws.weightGradients(x, Dp, dy, Dp, n);
    let dl = 0;
    for (let i = 0; i < n; i++) dl += dLogDet[i];
    const inv = inverse(Float64Array.from(params[st.weightIndex]), D);
    const [DWT, DB] = [ws.f32(dwt, Dp * Dp), ws.f32(db, Dp)];
    const gW = this.grads[st.weightIndex];
    const gb = this.grads[st.biasIndex];
    for (let o = 0; o < D; o++) {
      gb[o] = DB[o];
      for (let i = 0; i < D; i++) gW[o * D + i] = DWT[i * Dp + o] + dl * inv[i * D + o];
    }
    return dx;
  }
}
