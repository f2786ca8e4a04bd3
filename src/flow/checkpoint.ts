/**
 * Training checkpoints: everything `trainFlow` needs to continue a run exactly where it stopped
 * (weights, Adam moments and step, the minibatch and random-number states, the schedule, the best
 * and last good weights, the history), and their JSON text. Numbers round-trip exactly (float32
 * and float64 values as JSON numbers; non-finite ones as {"$": "Infinity"}), so a resumed run
 * equals an uninterrupted one.
 */
import { MbankError } from '../core/errors.js';
import type { AdamState } from './adam.js';
import type { TrainingHistory } from './history.js';

/** Numeric own fields of an object (its state, private ones included); undefined kept as null. */
export type Fields = Record<string, number | null>;

/** The state of `trainFlow` after `step` (the run continues at step + 1). */
export interface TrainerCheckpoint {
  step: number;
  params: Float32Array[];
  adam: AdamState;
  learningRate: number;
  rng: Fields;
  data?: { perm: Int32Array; cursor: number; rng: Fields };
  stopper?: Fields;
  plateau?: Fields;
  best?: Float32Array[];
  lastGood: { params: Float32Array[]; adam: AdamState };
  recent: number[];
  recentNorms: number[];
  recoverySteps: number[];
  recoveries: number;
  lastVal: number;
  history: TrainingHistory;
}

/** The numeric (or undefined) own fields of `obj`, for {@link restoreFields}. */
export function fieldsOf(obj: object): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(obj)) if (typeof v === 'number' || v === undefined) out[k] = v ?? null;
  return out;
}

/** Put fields taken by {@link fieldsOf} back (null -> undefined). */
export function restoreFields(obj: object, fields: Fields): void {
  for (const [k, v] of Object.entries(fields)) (obj as Record<string, unknown>)[k] = v ?? undefined;
}

const KINDS = { f32: Float32Array, f64: Float64Array, i32: Int32Array } as const;

/** The format tag of `train`'s checkpoints; other loops (train-from-metric) tag theirs with their own. */
export const TRAIN_CHECKPOINT = 'mbank-ts-train-checkpoint';

/**
 * JSON text of a checkpoint (typed arrays tagged, non-finite numbers as strings): a TrainerCheckpoint,
 * or any plain state of numbers, strings, arrays and typed arrays under another `format` tag.
 */
export function checkpointToJson<T = TrainerCheckpoint>(c: T, settings: string, format = TRAIN_CHECKPOINT): string {
  return JSON.stringify({ format, version: 1, settings, checkpoint: c }, function (this: unknown, _k, v: unknown) {
    if (typeof v === 'number' && !Number.isFinite(v)) return { $: String(v) };
    if (v instanceof Float32Array) return { f32: Array.from(v, (x) => (Number.isFinite(x) ? x : { $: String(x) })) };
    if (v instanceof Float64Array) return { f64: Array.from(v, (x) => (Number.isFinite(x) ? x : { $: String(x) })) };
    if (v instanceof Int32Array) return { i32: Array.from(v) };
    return v;
  });
}

/** Parse {@link checkpointToJson} text of this `format`; undefined when it was written for other `settings`. */
export function checkpointFromJson<T = TrainerCheckpoint>(text: string, settings: string, source: string, format = TRAIN_CHECKPOINT): T | undefined {
  let doc: { format?: string; settings?: string; checkpoint?: T };
  try {
    doc = JSON.parse(text, (_k, v: unknown) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o);
        if (keys.length === 1 && keys[0] === '$') return Number(o.$);
        if (keys.length === 1 && keys[0] in KINDS) return KINDS[keys[0] as keyof typeof KINDS].from(o[keys[0]] as number[]);
      }
      return v;
    });
  } catch {
    throw new MbankError(`${source}: not a readable training checkpoint (remove it to start over)`);
  }
  if (doc.format !== format || doc.checkpoint === undefined) throw new MbankError(`${source}: not a training checkpoint (remove it to start over)`);
  return doc.settings === settings ? doc.checkpoint : undefined;
}
