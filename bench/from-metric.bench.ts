/**
 * Dataset + ll_mse (what `place` does) against `train-from-metric` (active-learning density
 * regression, and the importance-weighted reverse KL objective) on the default bank problem (data/configs/default.ini: Mq_s1z_s2z, IMRPhenomD,
 * O3 H1 ASD, f 15-1024 Hz, df 0.25, mtot 25-50, q 1-4, spins +-0.9; flow 2 x 30, lr 0.005,
 * batch 500, validation every 50 steps), with the same number N of metric evaluations each.
 *
 * Accuracy: std of the residual log q + C - 0.5 ln det M on (1) a common held-out set of H
 * chirp-time-flat points and (2) H samples drawn from each flow (inside the region). Times: wall
 * and process CPU (process.cpuUsage: main thread + metric worker threads), metric and training apart.
 *
 *   npx tsx bench/from-metric.bench.ts [N=4000] [H=1000] [steps=3000] [workers=2] [seed=0]
 * (the seed changes the training points and the flow initialisation; the common held-out set is fixed)
 */
import { Rng } from '../src/core/rng.js';
import { getVariableFormat } from '../src/coordinates/format.js';
import { isInside, regionFromRanges, type RangeOptions } from '../src/coordinates/box.js';
import { selectBackend } from '../src/flow/backend.js';
import { trainFlow } from '../src/flow/trainer.js';
import type { Samples } from '../src/flow/train-data.js';
import type { STDFlow } from '../src/flow/std-flow.js';
import { sampleChirpTimeFlat } from '../src/metric/mass-sampler.js';
import { PoolMetricField } from '../src/pipeline/metric-pool.js';
import { halfLogDet } from '../src/pipeline/diagnostics.js';
import { flowForRegion, heldOutError, trainFromMetric } from '../src/pipeline/train-from-metric/active-learning.js';

const [N, H, STEPS, WORKERS, SEED] = [4000, 1000, 3000, 2, 0].map((d, i) => (process.argv[2 + i] ? Number(process.argv[2 + i]) : d));
const metric = { variableFormat: 'Mq_s1z_s2z', approximant: 'IMRPhenomD', psd: 'aligo_O3actual_H1', asd: true, fMinHz: 15, fMaxHz: 1024, df: 0.25 };
const ranges: RangeOptions = { mtot: [25, 50], q: [1, 4], s1: [-0.9, 0.9], s2: [-0.9, 0.9] };
const region = regionFromRanges(getVariableFormat(metric.variableFormat), ranges);
const D = region.format.D;
const arch = { nLayers: 2, hiddenFeatures: 30, seed: SEED };
const train = { batchSize: 500, learningRate: 0.005, validationStep: 50 };

interface Clock { wall: number; cpu: number }
const clock = (): Clock => {
  const u = process.cpuUsage();
  return { wall: performance.now() / 1000, cpu: (u.user + u.system) / 1e6 };
};
const since = (c: Clock): Clock => {
  const n = clock();
  return { wall: n.wall - c.wall, cpu: n.cpu - c.cpu };
};
const fmt = (c: Clock) => `${c.wall.toFixed(1)} s wall, ${c.cpu.toFixed(1)} s CPU`;

async function labelled(field: PoolMetricField, x: Float64Array): Promise<Samples> {
  const half = halfLogDet(await field.metric(x), D);
  const keep = [...half.keys()].filter((i) => Number.isFinite(half[i]));
  const out = new Float64Array(keep.length * D);
  keep.forEach((i, j) => out.set(x.subarray(i * D, (i + 1) * D), j * D));
  return { x: out, n: keep.length, dim: D, logPdf: Float64Array.from(keep, (i) => half[i]) };
}

async function flowHeldOut(field: PoolMetricField, flow: STDFlow, seed: number): Promise<Samples> {
  return labelled(field, flow.sampleWithinBox(H, { seed, accept: (row) => isInside(region, row) }).x);
}

async function main(): Promise<void> {
  const backend = await selectBackend('auto');
  const field = new PoolMetricField({ metric, metricType: 'hessian', ranges }, D, WORKERS);
  console.log(`default problem ${metric.variableFormat} ${metric.approximant}; N = ${N} metric evaluations each, H = ${H} held-out, ${STEPS} steps max, ${WORKERS} workers, backend ${backend}, seed ${SEED}`);
  try {
    let c = clock();
    const common = await labelled(field, sampleChirpTimeFlat(region, H, new Rng(12345, 99)));
    const tCommon = since(c);
    console.log(`common held-out set: ${common.n} chirp-time-flat points (${fmt(tCommon)}, ${(tCommon.wall / H * 1000).toFixed(1)} ms/metric wall)`);

    // (a) dataset + ll_mse, as `place` (train fraction 0.85, patience 10)
    c = clock();
    const ds = await labelled(field, sampleChirpTimeFlat(region, N, new Rng(SEED, 1)));
    const tMetricA = since(c);
    const nTr = Math.floor(0.85 * ds.n);
    const trA: Samples = { x: ds.x.slice(0, nTr * D), n: nTr, dim: D, logPdf: (ds.logPdf as Float64Array).slice(0, nTr) };
    const vaA: Samples = { x: ds.x.slice(nTr * D), n: ds.n - nTr, dim: D, logPdf: (ds.logPdf as Float64Array).slice(nTr) };
    const flowA = flowForRegion(region, arch);
    c = clock();
    const hA = await trainFlow(flowA, { loss: 'll_mse', train: trA, validation: vaA, steps: STEPS, patience: 10, seed: SEED, ...train });
    const tTrainA = since(c);
    const aCommon = heldOutError(flowA, common);
    const aOwn = heldOutError(flowA, await flowHeldOut(field, flowA, 777));
    console.log(`(a) dataset + ll_mse: ${ds.n} usable rows, ${hA.trainLoss.length} steps (${hA.stopReason}); metric ${fmt(tMetricA)}; training ${fmt(tTrainA)}`);
    console.log(`    held-out std: common ${aCommon.std.toFixed(4)} nats, own-flow samples ${aOwn.std.toFixed(4)} nats (mean ${aOwn.mean.toFixed(3)})`);

    // (b) from-metric, same N evaluations: round 0 = 30% of N (half held out), then 4 rounds of prior/flow 50/50
    const flowB = flowForRegion(region, arch);
    const n0 = Math.round(0.3 * N);
    const per = Math.ceil((N - n0) / 4);
    const roundSteps = Math.max(1, Math.round(STEPS / 5));
    const before = field.evaluations;
    c = clock();
    const res = await trainFromMetric({
      field, region, flow: flowB, budget: N, initialPoints: n0, validationFraction: 0.5, roundPoints: per,
      stepsPerRound: roundSteps, seed: SEED, patienceRounds: 10, ...train,
      onRound: (r) => console.log(`    round ${r.round}: ${r.evaluations} evals, replay ${r.replaySize}, +${r.fromFlow} flow +${r.fromPrior} prior, ${r.steps} steps, lr ${r.learningRate.toExponential(2)}, held-out (round-0 validation) std ${r.heldOutStd.toFixed(4)}, ${r.seconds.toFixed(1)} s`),
    });
    const tB = since(c);
    const bCommon = heldOutError(flowB, common);
    const bOwn = heldOutError(flowB, await flowHeldOut(field, flowB, 777));
    console.log(`(b) from-metric: ${field.evaluations - before - H} evaluations in training, ${res.rounds.length} rounds (${res.stopReason}); metric + training ${fmt(tB)}`);
    console.log(`    held-out std: common ${bCommon.std.toFixed(4)} nats, own-flow samples ${bOwn.std.toFixed(4)} nats (mean ${bOwn.mean.toFixed(3)})`);

    // (c) from-metric, reverse-kl objective: same rounds, flow points only (round 0: prior validation + initial flow)
    const flowC = flowForRegion(region, arch);
    const beforeC = field.evaluations;
    c = clock();
    const resC = await trainFromMetric({
      field, region, flow: flowC, budget: N, initialPoints: n0, validationFraction: 0.5, roundPoints: per,
      stepsPerRound: roundSteps, seed: SEED, patienceRounds: 10, objective: 'reverse-kl', ...train,
      onRound: (r) => console.log(`    round ${r.round}: ${r.evaluations} evals, replay ${r.replaySize}, +${r.fromFlow} flow +${r.fromPrior} prior, ${r.steps} steps, ESS ${((r.ess ?? NaN) * 100).toFixed(0)}%, held-out std ${r.heldOutStd.toFixed(4)}, previous flow on its new points ${r.freshStd.toFixed(4)}, ${r.seconds.toFixed(1)} s`),
    });
    const tC = since(c);
    const cCommon = heldOutError(flowC, common);
    const cOwn = heldOutError(flowC, await flowHeldOut(field, flowC, 777));
    console.log(`(c) from-metric reverse-kl: ${field.evaluations - beforeC - H} evaluations in training, ${resC.rounds.length} rounds (${resC.stopReason}); metric + training ${fmt(tC)}`);
    console.log(`    held-out std: common ${cCommon.std.toFixed(4)} nats, own-flow samples ${cOwn.std.toFixed(4)} nats (mean ${cOwn.mean.toFixed(3)})`);
    flowA.dispose();
    flowB.dispose();
    flowC.dispose();
  } finally {
    await field.close();
  }
}

await main();
