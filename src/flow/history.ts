/**
 * The record of one training run, plain numbers only, so that it is stored as JSON (in the flow
 * file's metadata) and plotted later. Extends mbank's history (`validation_step`, `train_loss` per
 * step, `validation_loss` per validation) with the learning rate, a validation metric and events.
 */
import { MbankError } from '../core/errors.js';

/** Something that happened during training, at an optimisation step. */
export interface TrainingEvent {
  step: number;
  kind: 'lr-reduced' | 'recovered' | 'early-stop' | 'aborted' | 'diverged' | 'best-restored' | 'resumed';
  /** One line for a human. */
  detail: string;
}

/** Why training ended. */
export type StopReason = 'max-steps' | 'early-stopping' | 'aborted' | 'diverged';

/** Loss history of a training run; arrays indexed by step or by validation. */
export interface TrainingHistory {
  /** Loss name (see losses.ts). */
  loss: string;
  /** Steps between two validations. */
  validationStep: number;
  /** Training loss of each optimisation step (non-finite values of rejected steps included). */
  trainLoss: number[];
  /** Learning rate used at each optimisation step. */
  learningRate: number[];
  /** Step of each validation. */
  validationSteps: number[];
  /** Validation loss at each validation. */
  validationLoss: number[];
  /**
   * Validation metric at each validation: KL divergence `mean(log p - log q)` (nats) on held-out
   * samples when the normalised target density is known (forward KL), empty otherwise.
   */
  validationKL: number[];
  /** Mean of the log-pdf residuals `log q + C - l` on the validation set (nats; density regression). */
  logPdfErrorMean: number[];
  /** Standard deviation of the log-pdf residuals on the validation set (nats; density regression). */
  logPdfErrorStd: number[];
  /** The flow's log-normalisation constant C at each validation (density regression). */
  constant: number[];
  events: TrainingEvent[];
  /** Step whose weights were kept (lowest validation loss), -1 if none. */
  bestStep: number;
  bestValidationLoss: number;
  stopReason: StopReason;
  /** Wall time of the run (s). */
  seconds: number;
}

/** An empty history for a run with the given loss and validation step. */
export function emptyHistory(loss: string, validationStep: number): TrainingHistory {
  return {
    loss,
    validationStep,
    trainLoss: [],
    learningRate: [],
    validationSteps: [],
    validationLoss: [],
    validationKL: [],
    logPdfErrorMean: [],
    logPdfErrorStd: [],
    constant: [],
    events: [],
    bestStep: -1,
    bestValidationLoss: Infinity,
    stopReason: 'max-steps',
    seconds: 0,
  };
}

const NUMERIC_ARRAYS = [
  'trainLoss',
  'learningRate',
  'validationSteps',
  'validationLoss',
  'validationKL',
  'logPdfErrorMean',
  'logPdfErrorStd',
  'constant',
] as const;

function encodeNumber(x: number): number | string {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

function decodeNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (x === 'NaN' || x === 'Infinity' || x === '-Infinity') return Number(x);
  if (x === null) return NaN;
  throw new MbankError(`training history: value ${JSON.stringify(x)} is not a number`);
}

/**
 * JSON text of a history. Non-finite numbers (a rejected step's loss, the best loss before the first
 * validation) are written as the strings "NaN", "Infinity", "-Infinity", which JSON cannot hold.
 */
export function historyToJSON(history: TrainingHistory): string {
  const out: Record<string, unknown> = { ...history, bestValidationLoss: encodeNumber(history.bestValidationLoss) };
  for (const key of NUMERIC_ARRAYS) out[key] = history[key].map(encodeNumber);
  return JSON.stringify(out);
}

/** Parse the text written by {@link historyToJSON}. */
export function historyFromJSON(text: string): TrainingHistory {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new MbankError(`training history: not valid JSON (${(err as Error).message})`);
  }
  const h = { ...emptyHistory(String(raw.loss ?? ''), Number(raw.validationStep ?? 0)), ...raw } as TrainingHistory;
  for (const key of NUMERIC_ARRAYS) {
    const arr = raw[key];
    h[key] = Array.isArray(arr) ? arr.map(decodeNumber) : [];
  }
  h.bestValidationLoss = decodeNumber(raw.bestValidationLoss ?? 'Infinity');
  h.events = Array.isArray(raw.events) ? (raw.events as TrainingEvent[]) : [];
  return h;
}
