/**
 * Waveform speed: ms per waveform for every registered approximant on the 4097-bin grid
 * (df = 0.25 Hz, 15-1024 Hz, 30 + 20 Msun, spins 0.3 / -0.2, iota 0.7). Median over repeats after a
 * warm-up (wall clock, and process CPU time which is less sensitive to other
 * processes on a shared machine); one line per approximant, plus one for `generateInto` (h+ only into a
 * caller-owned array) where the model has it. Run: `npx tsx bench/waveforms.bench.ts`.
 */
import { uniformGrid } from '../src/core/grid.js';
import { approximantNames, getModel } from '../src/waveforms/registry.js';
import type { WaveformParams } from '../src/waveforms/types.js';

const grid = uniformGrid(0.25, 1024);
const params: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
  distanceMpc: 100, inclination: 0.7, phiRef: 0.2, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
};
const WARMUP = 300;
const REPEATS = 9;
const PER_REPEAT = 200;

const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
let sink = 0;
for (const name of approximantNames()) {
  const model = getModel(name);
  for (let i = 0; i < WARMUP; i++) sink += model.generate(grid, params).hp[2000];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < PER_REPEAT; i++) {
      // vary a mass slightly so nothing can be cached between calls
      sink += model.generate(grid, { ...params, m1: params.m1 + 1e-3 * i }).hp[2000];
    }
    times.push((performance.now() - t0) / PER_REPEAT);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000 / PER_REPEAT);
  }
  const ms = median(times);
  console.log(
    `${name} ${grid.frequencies.length} bins: ${ms.toFixed(3)} ms/waveform (${Math.round(1000 / ms)} waveforms/s; ` +
      `CPU ${median(cpuTimes).toFixed(3)} ms; min ${Math.min(...times).toFixed(3)} ms; median of ${REPEATS} x ${PER_REPEAT})`,
  );
  if (model.generateInto) {
    // allocation-free variant into caller-owned arrays, h+ only (what the metric uses)
    const hp = new Float64Array(2 * grid.frequencies.length);
    const p = { ...params };
    for (let i = 0; i < WARMUP; i++) model.generateInto(grid, p, { hp });
    const cpuInto: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < PER_REPEAT; i++) {
        p.m1 = params.m1 + 1e-3 * i;
        model.generateInto(grid, p, { hp });
        sink += hp[2000];
      }
      const c = process.cpuUsage(c0);
      cpuInto.push((c.user + c.system) / 1000 / PER_REPEAT);
    }
    console.log(`${name} ${grid.frequencies.length} bins, generateInto (h+ only, caller-owned array): CPU ${median(cpuInto).toFixed(3)} ms/waveform`);
  }
}
if (!Number.isFinite(sink)) console.log('non-finite output');
