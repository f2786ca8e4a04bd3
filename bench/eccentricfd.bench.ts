/**
 * EccentricFD speed: CPU ms per waveform on LAL's timing set-up (4097 bins, df = 0.25 Hz, 15-1024 Hz),
 * 30 + 20 Msun, e_0 = 0.2 at 15 Hz, iota 0.7, longAscNodes 0.3 (all 10 harmonics), for `generate` (new arrays)
 * and `generateInto` (h+ only; h+ and hx). LALSimulation's ChooseFDWaveform takes 12 ms for it on this machine
 * (issue 15). Minimum over repeats of process CPU time (the machine is shared). Run: `npm run bench -- eccentricfd`.
 */
import { uniformGrid } from '../src/core/grid.js';
import { eccentricFD } from '../src/waveforms/eccentricfd/index.js';
import type { WaveformParams } from '../src/waveforms/types.js';
import { cpuMsPerWaveform } from './cpu-per-waveform.js';

const grid = uniformGrid(0.25, 1024);
const params: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0, s2x: 0, s2y: 0, s2z: 0, distanceMpc: 100, inclination: 0.7, phiRef: 0.2,
  fMinHz: 15, fMaxHz: 1024, fRefHz: 0, eccentricity: 0.2, longAscNodes: 0.3,
};
const WARMUP = 500;
const REPEATS = 9;
const PER_REPEAT = 100;
const LAL_MS = 12;

let sink = 0;
const n = grid.frequencies.length;
const hp = new Float64Array(2 * n);
const hc = new Float64Array(2 * n);
const variants: [string, (p: WaveformParams) => void][] = [
  ['generate (h+ and hx, new arrays)', (p) => { sink += eccentricFD.generate(grid, p).hp[2000]; }],
  ['generateInto (h+ only)', (p) => { eccentricFD.generateInto!(grid, p, { hp }); sink += hp[2000]; }],
  ['generateInto (h+ and hx)', (p) => { eccentricFD.generateInto!(grid, p, { hp, hc }); sink += hc[2000]; }],
];
for (const [label, run] of variants) {
  const best = cpuMsPerWaveform(run, params, WARMUP, REPEATS, PER_REPEAT);
  console.log(`EccentricFD ${n} bins, ${label}: CPU ${best.toFixed(3)} ms/waveform (min of ${REPEATS} x ${PER_REPEAT}); ${(LAL_MS / best).toFixed(1)}x LAL's ${LAL_MS} ms`);
}
if (!Number.isFinite(sink)) console.log('non-finite output');
