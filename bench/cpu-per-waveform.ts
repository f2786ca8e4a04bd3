/**
 * The waveform benches' timing loop: CPU ms per call of `run`, the minimum over repeats of process CPU
 * time (the machine is shared), m1 nudged by 1e-3 per call so no cache can answer.
 */
import type { WaveformParams } from '../src/waveforms/types.js';

/** Minimum CPU ms per call of run(p) over `repeats` blocks of `perRepeat` calls, after `warmup` calls. */
export function cpuMsPerWaveform(
  run: (p: WaveformParams) => void, base: WaveformParams, warmup: number, repeats: number, perRepeat: number,
): number {
  const p = { ...base };
  for (let i = 0; i < warmup; i++) run(p);
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < perRepeat; i++) {
      p.m1 = base.m1 + 1e-3 * i;
      run(p);
    }
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / perRepeat);
  }
  return Math.min(...cpu);
}
