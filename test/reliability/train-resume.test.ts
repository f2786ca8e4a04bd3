import { describe, it, expect, beforeAll } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { STDFlow } from '../../src/flow/std-flow.js';
import { trainFlow, type TrainOptions } from '../../src/flow/trainer.js';
import { checkpointFromJson, checkpointToJson, type TrainerCheckpoint } from '../../src/flow/checkpoint.js';
import { readVariables } from '../../src/flow/train-data.js';
import type { Samples } from '../../src/flow/train-data.js';
import { useTestBackend } from '../flow/helpers.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getVariableFormat } from '../../src/coordinates/format.js';
import { regionFromRanges } from '../../src/coordinates/box.js';
import type { MetricDataset } from '../../src/metric/dataset-file.js';
import type { MetricField } from '../../src/placement/types.js';
import { runTrainStage } from '../../src/pipeline/place/train-stage.js';
import { silentStages } from '../../src/pipeline/place/progress.js';
import type { PlaceSettings } from '../../src/pipeline/place/settings.js';
import { flowForRegion, trainFromMetric, type FromMetricObjective, type FromMetricOptions, type FromMetricResult } from '../../src/pipeline/train-from-metric/active-learning.js';
import { FROM_METRIC_CHECKPOINT, type FromMetricCheckpoint } from '../../src/pipeline/train-from-metric/checkpoint.js';
import { tempDir } from './helpers.js';

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

/** Every variable of a flow (the constant included), as plain arrays. */
const allWeights = (f: { namedVariables(): Record<string, Parameters<typeof readVariables>[0][number]> }) => readVariables(Object.values(f.namedVariables())).map((a) => Array.from(a));

describe('place resumes its flow training from the checkpoint', () => {
  const ds: MetricDataset = (() => {
    const s = samples(360, 4);
    const theta = Float64Array.from(s.x, (v, i) => (i % 2 === 0 ? 20 + 20 * v : 1 + (v + 1)));
    return {
      attributes: { variableFormat: 'Mq_nonspinning', names: ['M', 'q'], boxLo: [20, 1], boxHi: [60, 3], massCuts: {}, psd: 'x', asd: false, approximant: 'TaylorF2', fMin: 20, fMax: 512, df: 1, metricType: 'hessian', seed: 1, chunkSize: 4, nTarget: 360 },
      D: 2, n: 360, theta, logPdf: Float64Array.from(s.logPdf as Float64Array),
    };
  })();
  const settings = {
    format: getVariableFormat('Mq_nonspinning'), ranges: { mtot: [20, 60], q: [1, 3] }, metric: { psd: 'x' }, metricType: 'hessian', seed: 3, chunkSize: 4, nDatapoints: 360,
    train: { nLayers: 1, hiddenFeatures: [4], nEpochs: 40, learningRate: 0.02, batchSize: 32, trainFraction: 0.85, validationStep: 5, patience: 50, minDelta: 0, loss: 'll_mse' },
  } as unknown as PlaceSettings;

  it('a training stage stopped at step 17 and run again ends with the weights and losses of an uninterrupted one, and removes its checkpoint', async () => {
    const dir = tempDir();
    const full = await runTrainStage(settings, ds, join(dir, 'd.h5'), join(dir, 'a.safetensors'), 'wasm', silentStages, new AbortController().signal);
    expect(existsSync(join(dir, 'a.safetensors.checkpoint.json'))).toBe(false);
    const ctl = new AbortController();
    const path = join(dir, 'b.safetensors');
    const cut = await runTrainStage(settings, ds, join(dir, 'd.h5'), path, 'wasm', { ...silentStages, update: (done) => { if (done === 18) ctl.abort(); } }, ctl.signal);
    expect(cut.history.stopReason).toBe('aborted');
    expect(existsSync(`${path}.checkpoint.json`)).toBe(true);
    cut.flow.dispose();
    const logs: string[] = [];
    const resumed = await runTrainStage(settings, ds, join(dir, 'd.h5'), path, 'wasm', { ...silentStages, log: (l) => logs.push(l) }, new AbortController().signal);
    expect(logs.join('\n')).toMatch(/resuming the flow training from the checkpoint of step 17/);
    expect(resumed.history.events.filter((e) => e.kind === 'resumed').map((e) => e.step)).toEqual([18]);
    expect(resumed.history.trainLoss).toEqual(full.history.trainLoss); // bitwise
    expect(resumed.history.validationLoss).toEqual(full.history.validationLoss);
    expect(allWeights(resumed.flow)).toEqual(allWeights(full.flow));
    expect(existsSync(`${path}.checkpoint.json`)).toBe(false);
    full.flow.dispose(); resumed.flow.dispose();
  });
});

describe('train-from-metric resumes from its checkpoints', () => {
  const region = regionFromRanges(getVariableFormat('Mq_nonspinning'), { mtot: [10, 30], q: [1, 4] });
  /** A metric whose 0.5 ln det is 0.05 M - 0.3 q: cheap, smooth, known. */
  let evaluations = 0;
  const field: MetricField = { dim: 2, metric: (x) => (evaluations += x.length / 2, Array.from({ length: x.length / 2 }, (_,
    i) => Float64Array.of(Math.exp(0.1 * x[2 * i]), 0, 0, Math.exp(-0.6 * x[2 * i + 1])))) };
  const base = (objective: FromMetricObjective): FromMetricOptions => ({
    field, region, flow: flowForRegion(region, { nLayers: 1, hiddenFeatures: 4, seed: 5 }), budget: 200, initialPoints: 80, validationFraction: 0.25, roundPoints: 40,
    stepsPerRound: 30, firstRoundSteps: 20, batchSize: 32, learningRate: 0.01, validationStep: 5, patienceRounds: 10, seed: 9, objective,
  });
  const outcome = (r: FromMetricResult, flow: FromMetricOptions['flow']) => ({
    rounds: r.rounds.map(({ seconds: _s, ...rest }) => rest), evaluations: r.evaluations, stopReason: r.stopReason, bestRound: r.bestRound, weights: allWeights(flow),
  });
  const viaJson = (c: FromMetricCheckpoint) => checkpointFromJson<FromMetricCheckpoint>(checkpointToJson(c, 's', FROM_METRIC_CHECKPOINT), 's', 'x', FROM_METRIC_CHECKPOINT)!;

  for (const objective of ['regression', 'reverse-kl'] as const) {
    it(`${objective}: resumed after a round's evaluation, in its training, after it, and after an abort, each run ends as the uninterrupted one (bitwise)`, async () => {
      const o = base(objective);
      const saved: FromMetricCheckpoint[] = [];
      const full = outcome(await trainFromMetric({ ...o, onCheckpoint: (c) => saved.push(viaJson(c)) }), o.flow);
      o.flow.dispose();
      expect(full.rounds.length).toBe(4);
      const picks = [
        saved.find((c) => c.round === 1 && c.phase === 'evaluated' && c.trainer === undefined)!,
        saved.find((c) => c.round === 2 && c.phase === 'trained')!,
        ...(objective === 'regression' ? [saved.find((c) => c.round === 2 && c.trainer !== undefined && c.trainer.step === 10)!] : []),
      ];
      // a real interrupt: stop in round 2's training and keep its last checkpoint
      const a = base(objective);
      const ctl = new AbortController();
      let steps = 0, last: FromMetricCheckpoint | undefined;
      const cut = await trainFromMetric({ ...a, signal: ctl.signal, onStep: () => { if (++steps === 20 + 30 + 13) ctl.abort(); }, onCheckpoint: (c) => { last = viaJson(c); } });
      a.flow.dispose();
      expect(cut.stopReason).toBe('aborted');
      picks.push(last!);
      for (const resume of picks) {
        const b = base(objective);
        evaluations = 0;
        let resumedSteps = 0;
        const back = outcome(await trainFromMetric({ ...b, resume, onStep: () => { resumedSteps++; } }), b.flow);
        // only the work the checkpoint did not hold is done again
        expect(evaluations).toBe(200 - resume.state.evaluations);
        const before = full.rounds.slice(0, resume.round).reduce((t, r) => t + r.steps, 0) +
          (resume.phase === 'trained' ? full.rounds[resume.round].steps : resume.trainer ? resume.trainer.step + 1 : 0);
        expect(resumedSteps).toBe(full.rounds.reduce((t, r) => t + r.steps, 0) - before);
        b.flow.dispose();
        expect({ from: `${resume.phase} ${resume.round} ${resume.trainer?.step ?? ''}`, ...back }).toEqual({ from: `${resume.phase} ${resume.round} ${resume.trainer?.step ?? ''}`, ...full });
      }
    }, 60_000);
  }
});
