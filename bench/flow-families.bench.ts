/**
 * Speed of the flow families at D = 4 on a batch of 10,000 points (the default bank's dimension;
 * box [10, 60] x [0.1, 0.25] x [-0.9, 0.9]^2): logProb and sampling throughput and the time of one
 * training step (forward + backward + Adam, forward-KL loss on the batch) for
 *   std 2x30      mbank's NaiveLinear + masked affine autoregressive, 2 layers, 30 hidden
 *   nsf 3x64      neural spline flow (rational-quadratic spline MAF), library defaults: 3 layers, 64 hidden, 8 bins
 *   nsf 2x30      the same with std's size, for a like-for-like cost of the spline
 *   planar*10, scale-hh*4-loc, radial*8   PyMC3 formulas
 * Times: minimum over repetitions (the 2 cores are shared) and the median.
 * Usage: npx tsx bench/flow-families.bench.ts [wasm|cpu|tensorflow]  (default: wasm)
 */
import * as tf from '../src/flow/tf.js';
import { selectBackend, type BackendName } from '../src/flow/backend.js';
import { createFlow, type FamilySpec } from '../src/flow/families.js';

function time(fn: () => void, reps: number): { min: number; median: number } {
  fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { min: t[0], median: t[Math.floor(reps / 2)] };
}

const N = 10000;
const box = { low: [10, 0.1, -0.9, -0.9], high: [60, 0.25, 0.9, 0.9] };
const families: Array<[string, Omit<FamilySpec, 'dim' | 'box' | 'seed'>]> = [
  ['std 2x30', { flow: 'std', nLayers: 2, hiddenFeatures: 30 }],
  ['nsf 3x64 (default)', { flow: 'nsf' }],
  ['nsf 2x30', { flow: 'nsf', nLayers: 2, hiddenFeatures: 30 }],
  ['planar*10', { flow: 'planar*10' }],
  ['scale-hh*4-loc', { flow: 'scale-hh*4-loc' }],
  ['radial*8', { flow: 'radial*8' }],
];

const backend = await selectBackend(((process.argv[2] ?? 'wasm') as BackendName));
const rate = (ms: number) => ((N / ms) * 1000).toExponential(2);
const rows: string[][] = [['family', 'params', 'logProb pts/s', 'sample pts/s', 'sample+logProb pts/s', 'train step ms (median)']];
for (const [name, spec] of families) {
  const flow = createFlow({ ...spec, dim: 4, box, seed: 1 });
  const x = flow.sample(N, 1);
  const vars = flow.trainableVariables();
  const params = vars.reduce((s, v) => s + v.size, 0);
  const lp = time(() => tf.tidy(() => { flow.logProb(x).dataSync(); }), 9);
  const sm = time(() => tf.tidy(() => { flow.sample(N, 2).dataSync(); }), 7);
  const slp = time(() => tf.tidy(() => { flow.sampleAndLogProb(N, 3).logProb.dataSync(); }), 7);
  const opt = tf.train.adam(1e-3);
  const step = time(() => tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => tf.neg(tf.mean(flow.logProb(x))) as tf.Scalar, vars);
    opt.applyGradients(grads as unknown as Parameters<typeof opt.applyGradients>[0]);
    value.dataSync();
  }), 7);
  rows.push([name, String(params), rate(lp.min), rate(sm.min), rate(slp.min), `${step.min.toFixed(1)} (${step.median.toFixed(1)})`]);
  process.stderr.write(`${name} done\n`);
  x.dispose();
  opt.dispose();
  flow.dispose();
}
const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
console.log(`backend ${backend}, D = 4, batch ${N} (train step: forward KL, forward + backward + Adam)`);
for (const r of rows) console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
