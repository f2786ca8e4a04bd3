import { describe, it, expect, beforeAll } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { trainFlow, type TrainOptions } from '../../src/flow/trainer.js';
import { checkpointFromJson, checkpointToJson, type TrainerCheckpoint } from '../../src/flow/checkpoint.js';
import { readVariables } from '../../src/flow/train-data.js';
import type { Samples } from '../../src/flow/train-data.js';
import { useTestBackend } from '../flow/helpers.js';

beforeAll(useTestBackend);

/** n points uniform in [0, 2] x [-1, 1] with logPdf = -x0. */
function samples(n: number, seed: number): Samples {
  const rng = new Rng(seed);
  const x = new Float64Array(2 * n), logPdf = new Float64Array(n);
  for (let i = 0; i < n; i++) { x[2 * i] = 2 * rng.uniform(); x[2 * i + 1] = 2 * rng.uniform() - 1; logPdf[i] = -x[2 * i]; }
  return { x, n, dim: 2, logPdf };
}

const newFlow = () => new STDFlow({ dim: 2, nLayers: 1, hiddenFeatures: 4, box: { low: [0, -1], high: [2, 1] }, seed: 7 });
const options = (): TrainOptions => ({
  loss: 'll_mse', train: samples(300, 1), validation: samples(60, 2), steps: 40, batchSize: 32, learningRate: 0.02,
  validationStep: 5, patience: 50, seed: 3,
});
const weights = (f: STDFlow) => readVariables(f.trainableVariables()).map((a) => Array.from(a));

describe('train resumes from its last checkpoint', () => {
  it('a run stopped at step 17 and resumed from its checkpoint (through its JSON text) ends with the weights and losses of an uninterrupted run', async () => {
    const a = newFlow();
    const full = await trainFlow(a, options());
    const b = newFlow();
    const ctl = new AbortController();
    let saved: string | undefined;
    const cut = await trainFlow(b, {
      ...options(), signal: ctl.signal,
      onProgress: (p) => { if (p.step === 17) ctl.abort(); },
      onCheckpoint: (c: TrainerCheckpoint) => { saved = checkpointToJson(c, 'settings'); },
    });
    expect(cut.stopReason).toBe('aborted');
    expect(cut.trainLoss.length).toBe(18);
    expect(checkpointFromJson(saved!, 'other settings', 'x')).toBeUndefined();
    const resume = checkpointFromJson(saved!, 'settings', 'x')!;
    expect(resume.step).toBe(17);
    b.dispose();
    const c = newFlow();
    const resumed = await trainFlow(c, { ...options(), resume });
    expect(resumed.trainLoss).toEqual(full.trainLoss); // bitwise
    expect(resumed.validationLoss).toEqual(full.validationLoss);
    expect(resumed.bestStep).toBe(full.bestStep);
    expect(weights(c)).toEqual(weights(a));
    a.dispose(); c.dispose();
  });
});
