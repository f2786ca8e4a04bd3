/**
 * Issue 18's table: one forward-KL training step of STDFlow (the library trainer's step: minibatch,
 * forward + backward, gradient read-back, clipping, Adam, weights written back) at the default
 * bank's size and at the paper's sizes, against the torch times measured on this machine (mbank's
 * flow, one thread, minimum of 15 steps; constants here, labelled as measured references).
 * Our columns: process CPU time per step, minimum (and median) over 15 steps that run no validation,
 * with the trainer's default fused step (src/flow/fused/: hand-written wasm SIMD kernels, one thread)
 * in both kernel families (relaxed-SIMD FMA, the default, and multiply-then-add) and with tfjs'
 * autodiff of flow.logProb on the chosen backend (`fused: false`); and the wall time of the fused
 * step data-parallel over 2 threads (`fusedThreads: 2`) beside the 1-thread wall time of the same
 * run (wall times mean something only on an idle machine with 2 free cores).
 * Usage: npx tsx bench/flow-step.bench.ts [wasm|cpu|tensorflow]  (default: wasm)
 */
import * as tf from '../src/flow/tf.js';
import { Rng } from '../src/core/rng.js';
import { selectBackend, type BackendName } from '../src/flow/backend.js';
import { STDFlow } from '../src/flow/std-flow.js';
import { trainFlow } from '../src/flow/trainer.js';
import type { KernelFamily } from '../src/flow/kernels/kernel-family.js';

interface Row {
  label: string;
  dim: number;
  hidden: number[];
  batch: number;
  /** torch (mbank's flow), one thread, min of 15 steps, measured on this machine (issue 18). */
  torchMs: string;
}

const ROWS: Row[] = [
  { label: 'D=4, 2 x 30, batch 500 (the default bank)', dim: 4, hidden: [30, 30], batch: 500, torchMs: '2.2' },
  { label: 'D=4, 2 x 30, batch 10,000', dim: 4, hidden: [30, 30], batch: 10000, torchMs: '25-40' },
  { label: 'D=6, 3 layers (100, 100, 60), batch 15,000 (precessing bank)', dim: 6, hidden: [100, 100, 60], batch: 15000, torchMs: '140-147' },
  { label: 'D=7, 4 layers (100, 60, 60, 60), batch 15,000 (7-D manifold)', dim: 7, hidden: [100, 60, 60, 60], batch: 15000, torchMs: '141-144' },
];
const STEPS = 15;

/** n points uniform in the unit box shrunk by 5% (inside the flow's support), row-major. */
function uniformPoints(n: number, dim: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n * dim }, () => 0.05 + 0.9 * rng.uniform());
}

/** CPU ms (or wall ms) of each training step that runs no validation (the first and last steps validate). */
async function stepTimes(row: Row, fused: boolean, kernels?: KernelFamily, fusedThreads = 1, wall = false): Promise<number[]> {
  const box = { low: new Array<number>(row.dim).fill(0), high: new Array<number>(row.dim).fill(1) };
  const flow = new STDFlow({ dim: row.dim, nLayers: row.hidden.length, hiddenFeatures: row.hidden, box, seed: 1 });
  const nTrain = 2 * row.batch;
  const times: number[] = [];
  let last = process.cpuUsage();
  let lastWall = performance.now();
  await trainFlow(flow, {
    loss: 'forward_KL',
    train: { x: uniformPoints(nTrain, row.dim, 1), n: nTrain, dim: row.dim },
    validation: { x: uniformPoints(500, row.dim, 2), n: 500, dim: row.dim },
    steps: STEPS + 2,
    batchSize: row.batch,
    learningRate: 1e-3,
    validationStep: 1000,
    seed: 1,
    fused,
    kernels,
    fusedThreads,
    onProgress: ({ step }) => {
      const c = process.cpuUsage(last);
      if (step > 0 && step < STEPS + 1) times.push(wall ? performance.now() - lastWall : (c.user + c.system) / 1000);
      last = process.cpuUsage();
      lastWall = performance.now();
    },
  });
  flow.dispose();
  return times.sort((a, b) => a - b);
}

const backend = await selectBackend((process.argv[2] ?? 'wasm') as BackendName);
console.log(`STDFlow forward-KL training step, backend ${backend}: CPU ms per step, min (median) of ${STEPS} steps; the machine may be shared`);
console.log('| flow, batch | torch, 1 thread (measured reference, issue 18) | mbank-ts, fused step (fma kernels, default) | fused step (simd kernels) | mbank-ts, tfjs autodiff | fused step, wall ms: 2 threads / 1 thread |');
console.log('|---|---|---|---|---|---|');
const cell = (t: number[]) => `${t[0].toFixed(1)} ms (${t[Math.floor(t.length / 2)].toFixed(1)})`;
for (const row of ROWS) {
  const fma = await stepTimes(row, true, 'fma');
  const plain = await stepTimes(row, true, 'simd');
  const autodiff = await stepTimes(row, false);
  const wall2 = await stepTimes(row, true, 'fma', 2, true);
  const wall1 = await stepTimes(row, true, 'fma', 1, true);
  console.log(`| ${row.label} | ${row.torchMs} ms | ${cell(fma)} | ${cell(plain)} | ${cell(autodiff)} | ${cell(wall2)} / ${cell(wall1)} |`);
}
tf.disposeVariables();
