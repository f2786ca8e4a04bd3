/**
 * The contracts of the flow library: a bijection (`Transform`, zuko style) and a trained density
 * (`Flow`). Everything is float32 tfjs tensors of shape [N, D] (one row per point).
 * Convention (nflows): a transform maps data -> noise; `log q(x) = log N(T(x)) + log|det dT/dx|`.
 */
import * as tf from './tf.js';

/** A tensor and the per-row log|det J| of the map that produced it. */
export interface WithLogAbsDet {
  /** Image of the input, [N, D]. */
  y: tf.Tensor2D;
  /** log|det J| per row, [N]. */
  logAbsDet: tf.Tensor1D;
}

/**
 * A bijection R^D -> R^D (or box -> R^D) acting row-wise. Returned tensors are new (the caller
 * disposes them, or wraps calls in `tf.tidy`); all ops are differentiable w.r.t. `variables()`.
 */
export interface Transform {
  /** Short name of the transform kind (used in error messages and tests). */
  readonly kind: string;
  /** y = T(x). */
  forward(x: tf.Tensor2D): tf.Tensor2D;
  /** x = T^-1(y). */
  inverse(y: tf.Tensor2D): tf.Tensor2D;
  /** log|det dT/dx| per row at x (y = T(x) may be used when cheaper). */
  logAbsDetJacobian(x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D;
  /** (T(x), log|det dT/dx|) in one pass. */
  forwardAndLogAbsDet(x: tf.Tensor2D): WithLogAbsDet;
  /** (T^-1(y), log|det dT^-1/dy|) in one pass; the log-det is minus the forward one at x = T^-1(y). */
  inverseAndLogAbsDet(y: tf.Tensor2D): WithLogAbsDet;
  /** Trainable variables owned by this transform (empty for a fixed bijection). */
  variables(): tf.Variable[];
  /** All variables (trainable or not) under state-dict style names relative to the transform (nflows names). */
  namedVariables(): Record<string, tf.Variable>;
  /** Free the variables. */
  dispose(): void;
}

/** One layer of a flow, as written in a weight file's architecture JSON. */
export type LayerSpec =
  | { type: 'tanhBox' }
  | { type: 'naiveLinear' }
  | { type: 'maskedAffineAutoregressive'; hiddenFeatures: number; numBlocks: number; useResidualBlocks: boolean }
  | { type: 'permutation'; permutation: number[] };

/**
 * Self-describing architecture of an STDFlow, mbank's family (JSON-able): enough, with the tensors
 * of a weight file, for `loadFlow` to rebuild the flow. `layers` are in the data -> noise order.
 */
export interface STDArchitecture {
  /** Architecture family; 'STDFlow' = [tanhBox], then nLayers x (naiveLinear, maskedAffineAutoregressive). */
  kind: 'STDFlow';
  /** Dimension D of the data. */
  dim: number;
  /** Number of (NaiveLinear + MAF) layers. */
  nLayers: number;
  /** Hidden features of each MAF (one value per layer). */
  hiddenFeatures: number[];
  /** Whether the first layer is the tanh box transform (the box is stored with the weights). */
  hasBox: boolean;
  /** Permutation inserted before each NaiveLinear ('none' as in mbank). */
  permutation: 'none' | 'reverse' | 'random';
  /** Residual blocks per MADE (nflows default 2). */
  numBlocks: number;
  /** MADE with residual blocks (nflows default true). */
  useResidualBlocks: boolean;
  /** The resolved list of layers, data -> noise. */
  layers: LayerSpec[];
}

/** What the architecture JSON of every flow family has (the family is told by `kind`: ./families.ts). */
export interface ArchitectureBase {
  /** Family: 'STDFlow' (STDArchitecture), 'NSF' or 'PyMCFormula'. */
  kind: string;
  /** Dimension D of the data. */
  dim: number;
  /** Whether the first layer is the tanh box transform. */
  hasBox: boolean;
}

/** A normalizing flow: a density on R^D (or on a box) that can be evaluated and sampled. */
export interface Flow {
  readonly dim: number;
  /** log q(x) per row, differentiable w.r.t. trainableVariables(); -Infinity where x is outside the box. */
  logProb(x: tf.Tensor2D): tf.Tensor1D;
  /** n samples (float32 tensor n x dim), reproducible for a seed. */
  sample(n: number, seed?: number): tf.Tensor2D;
  /** (samples, logProb) in one pass (for reverse KL). */
  sampleAndLogProb(n: number, seed?: number): { x: tf.Tensor2D; logProb: tf.Tensor1D };
  /**
   * The variables of the bijection (what forward-KL training optimises). A flow's extra scalars
   * (STDFlow's `constant`) are not included: losses that use them add them explicitly.
   */
  trainableVariables(): tf.Variable[];
  /** Self-describing architecture of the flow's family, JSON-able, enough to rebuild the flow. */
  architecture(): ArchitectureBase;
  dispose(): void;
}
