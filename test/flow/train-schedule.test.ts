import { describe, expect, it } from 'vitest';
import { EarlyStopping, ReduceLROnPlateau } from '../../src/flow/schedule.js';
import { clipLimit, isExploding } from '../../src/flow/divergence.js';
import { MbankError } from '../../src/core/errors.js';

describe('early stopping on a scripted validation-loss sequence', () => {
  it('stops after `patience` validations in a row that do not beat the best by min-delta, and names the best', () => {
    const es = new EarlyStopping({ patience: 3, minDelta: 0.1 });
    const seq = [1.0, 0.95, 0.85, 0.84, 0.9, 0.83];
    const out = seq.map((v) => es.update(v));
    // 0.95 is a new best but not 0.1 better (counter 1); 0.85 = 0.95 - 0.1 resets; 0.84, 0.9, 0.83 -> 3 in a row.
    expect(out.map((u) => u.isBest)).toEqual([true, true, true, true, false, true]);
    expect(out.map((u) => u.stop)).toEqual([false, false, false, false, false, true]);
    expect(es.best).toBe(0.83);
    expect(es.bestIndex).toBe(5);
  });

  it('never stops while every validation improves by more than min-delta', () => {
    const es = new EarlyStopping({ patience: 1, minDelta: 0.01 });
    for (let i = 0; i < 50; i++) expect(es.update(10 - 0.02 * i).stop).toBe(false);
  });

  it('counts a NaN validation loss as no progress', () => {
    const es = new EarlyStopping({ patience: 2 });
    es.update(1);
    expect(es.update(NaN).stop).toBe(false);
    expect(es.update(NaN).stop).toBe(true);
    expect(es.best).toBe(1);
  });

  it('rejects a patience below 1 with a typed error', () => {
    expect(() => new EarlyStopping({ patience: 0 })).toThrow(MbankError);
  });
});

describe('learning-rate reduction on plateau', () => {
  it('halves the rate after more than `patience` validations without a 2% relative improvement', () => {
    const pl = new ReduceLROnPlateau({ factor: 0.5, patience: 2, threshold: 0.02 });
    let lr = 1e-3;
    const lrs: number[] = [];
    for (const v of [1.0, 0.99, 0.985, 0.984, 0.9, 0.89, 0.889, 0.888]) {
      lr = pl.update(v, lr);
      lrs.push(lr);
    }
    expect(lrs).toEqual([1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 5e-4, 5e-4, 2.5e-4]);
  });

  it('uses |best| in the relative threshold, so negative losses must also drop by 2%', () => {
    const pl = new ReduceLROnPlateau({ factor: 0.1, patience: 0, threshold: 0.02 });
    expect(pl.update(-1.0, 1)).toBe(1);
    expect(pl.update(-1.03, 1)).toBe(1); // 3% better than -1
    expect(pl.update(-1.04, 1)).toBeCloseTo(0.1, 12); // < 2% better than -1.03
  });

  it('never goes below the minimum learning rate', () => {
    const pl = new ReduceLROnPlateau({ factor: 0.5, patience: 0, minLearningRate: 0.3 });
    let lr = 1;
    for (let i = 0; i < 10; i++) lr = pl.update(5, lr);
    expect(lr).toBe(0.3);
  });
});

describe('divergence detector', () => {
  it('flags non-finite losses and jumps far above the recent losses, not ordinary noise', () => {
    const recent = [-1.40, -1.45, -1.38, -1.43, -1.41, -1.47, -1.39];
    expect(isExploding(NaN, recent, 20)).toBe(true);
    expect(isExploding(Infinity, recent, 20)).toBe(true);
    expect(isExploding(-1.2, recent, 20)).toBe(false);
    expect(isExploding(-5, recent, 20)).toBe(false);
    expect(isExploding(40, recent, 20)).toBe(true);
    expect(isExploding(3, [2.9], 20)).toBe(false);
    expect(isExploding(1e4, [2.9], 20)).toBe(true);
  });

  it('limits the gradient norm to 5 medians of the recent norms once 5 are known, or to a fixed value', () => {
    expect(clipLimit('auto', [1, 2, 3])).toBe(Infinity);
    expect(clipLimit('auto', [1, 2, 3, 4, 100])).toBe(15);
    expect(clipLimit(2.5, [1, 2, 3, 4, 100])).toBe(2.5);
  });
});
