/**
 * IMRPhenomXPHM speed: CPU ms per waveform on LAL's timing set-up (4097 bins, df = 0.25 Hz, 15-1024 Hz),
 * 30 + 20 Msun, spins (0.4, -0.2, 0.3) / (0.1, 0, -0.2), iota 0.7, on LAL's default path (modes and angles
 * multibanded, ThresholdMband = PrecThresholdMband = 1e-3), with exact modes (ThresholdMband 0) and fully exact
 * (both 0), for `generate` (new arrays) and `generateInto` (h+ and hx). LALSimulation takes 9.7 ms on the
 * default path on this machine (issue 14); here 3.4 ms CPU (generateInto) since the multibanded angles are
 * carried and twisted in one pass and one log-spaced interpolant serves every m' (5.9 ms before, same runs, load
 * ~22). Minimum over repeats of process CPU time (the machine is shared).
 * Run: `npm run bench -- imrphenomxphm`.
 */
import { uniformGrid } from '../src/core/grid.js';
import { imrPhenomXPHM } from '../src/waveforms/imrphenomxphm/index.js';
import type { WaveformParams } from '../src/waveforms/types.js';
import { cpuMsPerWaveform } from './cpu-per-waveform.js';

const grid = uniformGrid(0.25, 1024);
const base: WaveformParams = {
  m1: 30, m2: 20, s1x: 0.4, s1y: -0.2, s1z: 0.3, s2x: 0.1, s2y: 0, s2z: -0.2, distanceMpc: 100, inclination: 0.7, phiRef: 0.2,
  fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
};
const WARMUP = 60;
const REPEATS = 10;
const PER_REPEAT = 20;

let sink = 0;
const n = grid.frequencies.length;
const hp = new Float64Array(2 * n);
const hc = new Float64Array(2 * n);
const paths: [string, number, number, string][] = [
  ['default (modes and angles multibanded)', 1e-3, 1e-3, 'LAL 9.7 ms'],
  ['ThresholdMband 0 (exact modes)', 0, 1e-3, ''],
  ['ThresholdMband 0, PrecThresholdMband 0 (exact)', 0, 0, ''],
];
for (const [path, thresholdMband, precThresholdMband, lal] of paths) {
  const variants: [string, (p: WaveformParams) => void][] = [
    ['generate (h+ and hx, new arrays)', (p) => { sink += imrPhenomXPHM.generate(grid, p).hp[2000]; }],
    ['generateInto (h+ and hx)', (p) => { imrPhenomXPHM.generateInto!(grid, p, { hp, hc }); sink += hc[2000]; }],
  ];
  for (const [label, run] of variants) {
    const best = cpuMsPerWaveform(run, { ...base, thresholdMband, precThresholdMband }, WARMUP, REPEATS, PER_REPEAT);
    console.log(`IMRPhenomXPHM ${n} bins, ${path}, ${label}: CPU ${best.toFixed(3)} ms/waveform (min of ${REPEATS} x ${PER_REPEAT})${lal ? `; ${lal}` : ''}`);
  }
}
if (!Number.isFinite(sink)) console.log('non-finite output');
