/**
 * Waveform speed: ms per waveform for every registered approximant on the 4097-bin grid
 * (df = 0.25 Hz, 0-1024 Hz, f-min 15 Hz, 30 + 20 Msun, spins 0.3 / -0.2, iota 0.7; precessing models such as
 * IMRPhenomPv2 also get in-plane spins s1x = 0.4, s1y = -0.2, s2x = 0.1; non-spinning models such as EccentricFD
 * get no spins, and eccentric ones e = 0.2). Median over repeats after a
 * warm-up (wall clock, and process CPU time which is less sensitive to other
 * processes on a shared machine); one line per approximant, plus lines for `generateInto` (h+ only, and
 * h+ and hx, into caller-owned arrays) where the model has it. Run: `npx tsx bench/waveforms.bench.ts`.
 */
import { uniformGrid } from '../src/core/grid.js';
import { approximantNames, getModel } from '../src/waveforms/registry.js';
import type { WaveformParams } from '../src/waveforms/types.js';

const grid = uniformGrid(0.25, 1024);
const aligned: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
  distanceMpc: 100, inclination: 0.7, phiRef: 0.2, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
};
/** In-plane spins added for precessing models (a generic precessing binary, chi_p ~ 0.45). */
const inPlane = { s1x: 0.4, s1y: -0.2, s2x: 0.1 };
/**
 * Calls before timing: V8 needs ~1000-1500 waveforms (set-up functions and the per-bin kernel reach their
 * optimised tiers; longer on a loaded machine) before the time per waveform settles.
 */
const WARMUP = 1500;
const REPEATS = 9;
const PER_REPEAT = 200;

const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
let sink = 0;
/** Every approximant with its defaults, plus IMRPhenomXP with the NNLO angles (PrecVersion 102). */
const variants: { model: string; label: string; extra: Partial<WaveformParams> }[] = [
  ...approximantNames().map((model) => ({ model, label: model, extra: {} })),
  { model: 'IMRPhenomXP', label: 'IMRPhenomXP (PrecVersion 102, NNLO angles)', extra: { precVersion: 102 } },
];
for (const { model: modelName, label: name, extra } of variants) {
  const model = getModel(modelName);
  const spins = model.precessing ? { ...aligned, ...inPlane } : model.nonSpinning ? { ...aligned, s1z: 0, s2z: 0 } : aligned;
  const params = { ...(model.eccentric ? { ...spins, eccentricity: 0.2 } : spins), ...extra };
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
  const cpu = median(cpuTimes);
  console.log(
    `${name} ${grid.frequencies.length} bins, generate (h+ and hx, new arrays): CPU ${cpu.toFixed(3)} ms/waveform ` +
      `(${Math.round(1000 / cpu)} waveforms/s per core); wall ${ms.toFixed(3)} ms (min ${Math.min(...times).toFixed(3)} ms; median of ${REPEATS} x ${PER_REPEAT})`,
  );
  if (model.generateInto) {
    // allocation-free variant into caller-owned arrays: h+ only (the hessian metric, 22-only models) and
    // h+ and hx (the symphony metric and match)
    const hp = new Float64Array(2 * grid.frequencies.length);
    const hc = new Float64Array(2 * grid.frequencies.length);
    for (const out of [{ hp }, { hp, hc }]) {
      const p = { ...params };
      for (let i = 0; i < WARMUP; i++) model.generateInto(grid, p, out);
      const cpuInto: number[] = [];
      for (let r = 0; r < REPEATS; r++) {
        const c0 = process.cpuUsage();
        for (let i = 0; i < PER_REPEAT; i++) {
          p.m1 = params.m1 + 1e-3 * i;
          model.generateInto(grid, p, out);
          sink += hp[2000];
        }
        const c = process.cpuUsage(c0);
        cpuInto.push((c.user + c.system) / 1000 / PER_REPEAT);
      }
      const cpu = median(cpuInto);
      console.log(`${name} ${grid.frequencies.length} bins, generateInto (${out.hc ? 'h+ and hx' : 'h+ only'}, caller-owned arrays): ` +
        `CPU ${cpu.toFixed(3)} ms/waveform (${Math.round(1000 / cpu)} waveforms/s per core)`);
    }
  }
}
if (!Number.isFinite(sink)) console.log('non-finite output');
