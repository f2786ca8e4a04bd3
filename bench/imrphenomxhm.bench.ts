/**
 * IMRPhenomXHM speed: CPU ms per waveform on LAL's timing set-up (4097 bins, df = 0.25 Hz, 15-1024 Hz),
 * 30 + 20 Msun, spins 0.3 / -0.2, iota 0.7, with multibanding (LAL's default ThresholdMband 1e-3) and without
 * (ThresholdMband 0), for `generate` (new arrays) and `generateInto` (h+ and hx). LALSimulation takes 2.3 ms
 * (multibanding) and 1.5 ms (without) on this machine (issue 13). Minimum over repeats of process CPU time (the
 * machine is shared). Run: `npm run bench -- imrphenomxhm`. Measured (load average 24 on 2 cores, generateInto):
 * 1.15 ms multibanded, 1.11 ms exact with the fused mode kernel (mode-kernel.ts, mode-block.ts); 2.03 / 2.17 ms
 * before it in the same runs. Then (load ~23, this bench built from both trees and run alternately): exact
 * 1.13-1.17 -> 0.92 ms with exp(i phi) carried by rotations (mode-add.ts, the 22 in ../imrphenomx/fill.ts),
 * f^{-1/6} and ln f from per-grid tables, the (3,2)'s spherical ringdown as a complex value, no boxed amplitude;
 * multibanded unchanged (1.13-1.16 / 1.14-1.15 ms). Then (load ~14-17): exact 0.81-0.83 -> 0.76 ms with one
 * loop per region for the unmixed modes (mode-regions.ts; output bit-identical), multibanded 1.03-1.06 ms;
 * then (load ~19) 0.70 ms with the (3,2)'s blocks below / in its spherical ringdown on their own loops
 * (mode-regions.ts, mode-spherical.ts; bit-identical), multibanded 1.07-1.11 ms; then (load ~17) multibanded
 * 1.04-1.05 ms with fineLoop's 0.16 MB of boxed amplitudes per waveform gone (multiband-core.ts).
 */
import { uniformGrid } from '../src/core/grid.js';
import { imrPhenomXHM } from '../src/waveforms/imrphenomxhm/index.js';
import type { WaveformParams } from '../src/waveforms/types.js';
import { cpuMsPerWaveform } from './cpu-per-waveform.js';

const grid = uniformGrid(0.25, 1024);
const base: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2, distanceMpc: 100, inclination: 0.7, phiRef: 0.2,
  fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
};
const WARMUP = 300;
const REPEATS = 7;
const PER_REPEAT = 50;

let sink = 0;
const n = grid.frequencies.length;
const hp = new Float64Array(2 * n);
const hc = new Float64Array(2 * n);
for (const [threshold, lalMs] of [[1e-3, 2.3], [0, 1.5]] as const) {
  const variants: [string, (p: WaveformParams) => void][] = [
    ['generate (h+ and hx, new arrays)', (p) => { sink += imrPhenomXHM.generate(grid, p).hp[2000]; }],
    ['generateInto (h+ and hx)', (p) => { imrPhenomXHM.generateInto!(grid, p, { hp, hc }); sink += hc[2000]; }],
  ];
  for (const [label, run] of variants) {
    const best = cpuMsPerWaveform(run, { ...base, thresholdMband: threshold }, WARMUP, REPEATS, PER_REPEAT);
    console.log(`IMRPhenomXHM ${n} bins, ThresholdMband ${threshold}, ${label}: CPU ${best.toFixed(3)} ms/waveform (min of ${REPEATS} x ${PER_REPEAT}); LAL ${lalMs} ms`);
  }
}
if (!Number.isFinite(sink)) console.log('non-finite output');
