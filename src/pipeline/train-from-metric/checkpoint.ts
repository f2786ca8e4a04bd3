/**
 * Checkpoints of train-from-metric (./active-learning.ts): everything its round loop needs to go on
 * exactly where it stopped: the random-number state, the replay set and the held-out points, the
 * flow's variables, the best-round bookkeeping and the round records, and, inside a round, what its
 * evaluation found and the trainer's own checkpoint (src/flow/checkpoint.ts, whose JSON text these
 * use too, under their own format tag).
 */
import type { Rng } from '../../core/rng.js';
import { fieldsOf, restoreFields, type Fields, type TrainerCheckpoint } from '../../flow/checkpoint.js';
import type { Samples } from '../../flow/train-data.js';
import type { RoundRecord } from './active-learning.js';

/** The format tag of train-from-metric checkpoints (src/flow/checkpoint.ts checkpointToJson). */
export const FROM_METRIC_CHECKPOINT = 'mbank-ts-train-from-metric-checkpoint';

/** What a round's evaluation found, kept until the round is trained. */
export interface RoundPending {
  nFlow: number;
  nPrior: number;
  dropped: number;
  freshStd: number;
}

/** The loop's state between rounds. */
export interface LoopState {
  /** The replay set's parts: points, targets l, log q_old (NaN for prior points). */
  xs: Float64Array[];
  ls: Float64Array[];
  qs: Float64Array[];
  validation?: Samples;
  evaluations: number;
  rounds: RoundRecord[];
  best: number;
  bestStd: number;
  sinceBest: number;
  bestRound: number;
  bestWeights?: Float32Array[];
}

/** A train-from-metric checkpoint: after round `round`'s evaluation ('evaluated', maybe mid-training) or after its training ('trained'). */
export interface FromMetricCheckpoint {
  phase: 'evaluated' | 'trained';
  round: number;
  rng: Fields;
  state: Omit<LoopState, 'validation'> & { validation?: { x: Float64Array; logPdf: Float64Array } };
  /** Every flow variable (the constant included): the round's first weights ('evaluated') or its last ('trained'). */
  weights: Float32Array[];
  pending?: RoundPending;
  /** The round's regression training so far. */
  trainer?: TrainerCheckpoint;
}

/** The checkpoint of the loop's state (arrays are shared, not copied: serialise it before the loop goes on). */
export function fromMetricCheckpoint(
  phase: FromMetricCheckpoint['phase'], round: number, st: LoopState, rng: Rng, weights: Float32Array[], pending?: RoundPending, trainer?: TrainerCheckpoint,
): FromMetricCheckpoint {
  const { validation, ...rest } = st;
  return {
    phase, round, rng: fieldsOf(rng), weights,
    state: { ...rest, rounds: [...rest.rounds], xs: [...rest.xs], ls: [...rest.ls], qs: [...rest.qs],
      ...(validation ? { validation: { x: Float64Array.from(validation.x),
        logPdf: Float64Array.from(validation.logPdf as ArrayLike<number>) } } : {}) },
    ...(pending ? { pending } : {}), ...(trainer ? { trainer } : {}),
  };
}

/** Put a checkpoint's state into `st` and `rng` (points of dimension D); returns the round to run next and, mid-round, what it still needs. */
export function restoreCheckpoint(c: FromMetricCheckpoint, st: LoopState, rng: Rng, D: number): { round: number; pending?: RoundPending; trainer?: TrainerCheckpoint } {
  const { validation, ...rest } = c.state;
  Object.assign(st, rest);
  if (validation) st.validation = { x: validation.x, n: validation.logPdf.length, dim: D, logPdf: validation.logPdf };
  restoreFields(rng, c.rng);
  return c.phase === 'trained' ? { round: c.round + 1 } : { round: c.round, pending: c.pending, trainer: c.trainer };
}
