/**
 * Detection of diverging training steps and gradient clipping limits (used by trainer.ts): a step
 * is rejected when its loss or gradient is not finite or its loss jumps far above the recent ones.
 */

/** When a step counts as diverging, and what recovery does. */
export interface DivergenceOptions {
  /** A loss above `median + factor * scale` of the last `window` accepted losses diverges; default 20. */
  factor?: number;
  /** Accepted losses remembered; default 25. `scale = max(1.4826 MAD, 0.1 |median|, 0.1)`. */
  window?: number;
  /** Learning-rate multiplier at each recovery; default 0.5. */
  learningRateFactor?: number;
  /**
   * Recoveries within the last `window` steps after which training stops as `diverged` (the best
   * weights are kept); default 10. From the third recovery within `window` steps on, the weights of
   * the best validation (not the last good step) are restored, with fresh optimiser moments: the
   * last steps may have drifted slowly into a bad region before the loss showed it.
   */
  maxRecoveries?: number;
}

/** Median of a non-empty list. */
export function median(a: readonly number[]): number {
  const s = [...a].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : 0.5 * (s[h - 1] + s[h]);
}

/** Whether `loss` jumps above the recent accepted losses (see {@link DivergenceOptions}). */
export function isExploding(loss: number, recent: readonly number[], factor: number): boolean {
  if (!Number.isFinite(loss)) return true;
  if (recent.length === 0) return false;
  const med = median(recent);
  const mad = median(recent.map((x) => Math.abs(x - med)));
  const scale = Math.max(1.4826 * mad, 0.1 * Math.abs(med), 0.1);
  return loss > med + factor * scale;
}

/**
 * The gradient-norm limit of a step: `option` itself, or for `'auto'` 5 times the median norm of the
 * recent accepted steps (no limit before 5 of them).
 */
export function clipLimit(option: number | 'auto', recentNorms: readonly number[]): number {
  if (option !== 'auto') return option;
  return recentNorms.length < 5 ? Infinity : 5 * median(recentNorms);
}
