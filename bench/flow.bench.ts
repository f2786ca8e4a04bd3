/**
 * Flow speed: log-prob and sampling throughput of STDFlow(D=4, 2 layers, 30 hidden, box) and the
 * time of one training step (forward + backward + Adam, forward-KL loss) on a batch of 10,000.
 * Usage: npx tsx bench/flow.bench.ts [wasm|cpu|tensorflow ...]  (default: wasm)
 */
import * as tf from '../src/flow/tf.js';
import { selectBackend, type BackendName } from '../src/flow/backend.js';
import { STDFlow } from '../src/flow/std-flow.js';
import { trainFlow } from '../src/flow/trainer.js';

/**
 * Per-call wall-clock time [ms]: minimum (closest to an idle machine; the 2 cores are shared) and
 * median over `reps` calls, and the mean process CPU time.
 */
function time(fn: () => void, reps: number): { min: number; median: number; cpu: number } {
  fn();
  const t: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  t.sort((a, b) => a - b);
  return { min: t[0], median: t[Math.floor(reps / 2)], cpu: (c.user + c.system) / 1000 / reps };
}

const show = (t: { min: number; median: number; cpu: number }) => `${t.min.toFixed(1)} ms (median ${t.median.toFixed(1)}, CPU ${t.cpu.toFixed(1)})`;

async function run(backend: BackendName): Promise<void> {
  const used = await selectBackend(backend);
  const box = { low: [10, 0.1, -0.9, -0.9], high: [60, 0.25, 0.9, 0.9] };
  const flow = new STDFlow({ dim: 4, nLayers: 2, hiddenFeatures: 30, box, seed: 1 });
  const N = 10000;
  const x = flow.sample(N, 1);

  const lpMs = time(() => tf.tidy(() => { flow.logProb(x).dataSync(); }), 15);
  const sMs = time(() => tf.tidy(() => { flow.sample(N, 2).dataSync(); }), 9);
  const slpMs = time(() => tf.tidy(() => { const r = flow.sampleAndLogProb(N, 3); r.logProb.dataSync(); }), 9);

  const opt = tf.train.adam(1e-3);
  const vars = flow.trainableVariables();
  const step = () =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => tf.neg(tf.mean(flow.logProb(x))) as tf.Scalar, vars);
      opt.applyGradients(grads as unknown as Parameters<typeof opt.applyGradients>[0]);
      value.dataSync();
    });
  const stepMs = time(step, 15);

  const fmt = (t: { min: number; median: number; cpu: number }) => `${show(t)} per ${N} points = ${((N / t.min) * 1000).toExponential(2)} points/s`;
  console.log(`backend ${used}: STDFlow(D=4, 2 layers, 30 hidden), batch ${N}`);
  console.log(`  logProb:           ${fmt(lpMs)}`);
  console.log(`  sample:            ${fmt(sMs)}`);
  console.log(`  sampleAndLogProb:  ${fmt(slpMs)}`);
  console.log(`  train step (forward + backward + Adam, forward KL): ${show(stepMs)}`);
  // The library trainer (minibatch draw, ll_mse loss with the constant, clipping, Adam): 21 steps,
  // validations on 2000 points at steps 0 and 20 only.
  const train = flow.sampleWithinBox(2 * N, { seed: 4 });
  const valid = flow.sampleWithinBox(2000, { seed: 5 });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await trainFlow(flow, {
    loss: 'll_mse',
    train: { x: train.x, n: 2 * N, dim: 4, logPdf: train.logProb },
    validation: { x: valid.x, n: 2000, dim: 4, logPdf: valid.logProb },
    steps: 21,
    batchSize: N,
    learningRate: 1e-3,
    validationStep: 1000,
    seed: 1,
  });
  const c = process.cpuUsage(c0);
  console.log(`  trainFlow (ll_mse, batch ${N}, 21 steps incl. 2 validations): ${((performance.now() - t0) / 21).toFixed(1)} ms/step (CPU ${((c.user + c.system) / 1000 / 21).toFixed(1)})`);
  const a = tf.randomNormal([N, 30]);
  const w = tf.randomNormal([30, 30]);
  const ref = time(() => tf.tidy(() => { tf.matMul(a, w).dataSync(); }), 15);
  console.log(`  (reference: one ${N}x30 @ 30x30 matMul: ${show(ref)})`);
  tf.dispose([a, w]);
  x.dispose();
  flow.dispose();
  opt.dispose();
}

const requested = (process.argv.slice(2).length ? process.argv.slice(2) : ['wasm']) as BackendName[];
for (const b of requested) await run(b);
