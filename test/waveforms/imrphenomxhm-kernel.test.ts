import { describe, expect, it } from 'vitest';
import { uniformGridN } from '../../src/core/grid.js';
import { generateIMRPhenomXHM, generateIMRPhenomXHMInto } from '../../src/waveforms/imrphenomxhm/model.js';
import { fillExact, xhmBins } from '../../src/waveforms/imrphenomxhm/fill-exact.js';
import { modeAmpPhase } from '../../src/waveforms/imrphenomxhm/mode-value.js';
import { modeValuesAt } from '../../src/waveforms/imrphenomxhm/mode-block.js';
import { newBlockPowers, packMode } from '../../src/waveforms/imrphenomxhm/mode-kernel.js';
import { newPowers, powersInto } from '../../src/waveforms/imrphenomxhm/powers.js';
import { ScratchPool } from '../../src/waveforms/imrphenomxhm/multiband-core.js';
import { setupPhenomXHM, type HMModeSetup } from '../../src/waveforms/imrphenomxhm/setup.js';
import { inclinationFactors } from '../../src/waveforms/polarizations.js';
import { modeFactors } from '../../src/waveforms/spin-weighted-ylm.js';
import type { WaveformParams } from '../../src/waveforms/types.js';

const grid = uniformGridN(0.25, 4097);
const base: WaveformParams = {
  m1: 40, m2: 8, s1x: 0, s1y: 0, s1z: 0.5, s2x: 0, s2y: 0, s2z: -0.3,
  distanceMpc: 500, inclination: 1, phiRef: 0.6, fMinHz: 15, fMaxHz: 1024, fRefHz: 15, thresholdMband: 0,
};
/** Systems through every region and version branch: comparable masses, q = 5 (mixing), q = 30 with a negative spin (EMR branches), heavy. */
const SYSTEMS: WaveformParams[] = [
  base,
  { ...base, m1: 30, m2: 20, s1z: 0.3, s2z: -0.2, inclination: 0.7 },
  { ...base, m1: 60, m2: 2, s1z: -0.6, s2z: 0.1, inclination: 2.1, fMinHz: 10 },
  { ...base, m1: 150, m2: 90, s1z: 0.9, s2z: 0.8, inclination: 1.3, fMinHz: 5 },
];
const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));

/** One mode's h+ and hx from the readable region functions (modeAmpPhase), the 22 read from h22only as the kernel does. */
function readableMode(params: WaveformParams, m: HMModeSetup, amp0: number, h22only: Float64Array): { hp: Float64Array; hc: Float64Array } {
  const st = setupPhenomXHM(params);
  const r = xhmBins(grid, params.fMinHz, st.xas.fEndHz);
  const [pRe, pIm, cRe, cIm] = modeFactors(m.mode.ell, m.mode.emm, params.inclination);
  const to22 = 1 / (inclinationFactors(params.inclination).plus * YLM * amp0);
  const sign = m.mode.ell % 2 === 0 ? 1 : -1;
  const hp = new Float64Array(2 * 4097);
  const hc = new Float64Array(2 * 4097);
  const p = newPowers();
  const out = new Float64Array(2);
  for (let k = r.start; k < r.stop; k++) {
    const f = grid.frequencies[k];
    if (!(f <= st.xas.fEndHz)) continue;
    modeAmpPhase(m, powersInto(p, st.xas.system.mSec * f), h22only[2 * k] * to22, h22only[2 * k + 1] * to22, out);
    const re = sign * amp0 * out[0] * Math.cos(out[1]);
    const im = sign * amp0 * out[0] * Math.sin(out[1]);
    hp[2 * k] = pRe * re - pIm * im;
    hp[2 * k + 1] = pRe * im + pIm * re;
    hc[2 * k] = cRe * re - cIm * im;
    hc[2 * k + 1] = cRe * im + cIm * re;
  }
  return { hp, hc };
}

/** max |a - b| over max |b| (complex bins). */
function relDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  let s = 0;
  for (let k = 0; k < a.length / 2; k++) {
    d = Math.max(d, Math.hypot(a[2 * k] - b[2 * k], a[2 * k + 1] - b[2 * k + 1]));
    s = Math.max(s, Math.hypot(b[2 * k], b[2 * k + 1]));
  }
  return d / s;
}

describe('IMRPhenomXHM fused mode kernel', () => {
  it('gives every higher mode at every bin as the readable region functions do', () => {
    let worst = 0;
    for (const params of SYSTEMS) {
      const st = setupPhenomXHM(params);
      const n = 4097;
      const only22 = { hp: new Float64Array(2 * n), hc: new Float64Array(2 * n) };
      fillExact(st, grid, params, only22.hp, only22.hc, 0, n, []);
      for (const m of st.modes) {
        if (m.amp === null) continue;
        const fused = { hp: new Float64Array(2 * n), hc: new Float64Array(2 * n) };
        fillExact(st, grid, params, fused.hp, fused.hc, 0, n, [m.mode.tag]);
        for (let i = 0; i < 2 * n; i++) {
          fused.hp[i] -= only22.hp[i];
          fused.hc[i] -= only22.hc[i];
        }
        const ref = readableMode(params, m, st.amp0, only22.hp);
        worst = Math.max(worst, relDiff(fused.hp, ref.hp), relDiff(fused.hc, ref.hc));
      }
    }
    // achieved 7.5e-12 of the mode's max|h|: the ~1e4 rad low-frequency phases rounded in another order
    expect(worst).toBeLessThan(1e-9);
  });

  it('gives amplitude and phase at a list of coarse frequencies as the readable functions do', () => {
    let worstAmp = 0;
    let worstPhase = 0;
    for (const params of SYSTEMS) {
      const st = setupPhenomXHM(params);
      const mSec = st.xas.system.mSec;
      const mfs = Float64Array.from({ length: 700 }, (_, i) => mSec * params.fMinHz * Math.pow(1.004, i)).filter((f) => f <= 0.3);
      const bw = newBlockPowers();
      for (const m of st.modes) {
        if (m.amp === null || m.mode.mixing) continue;
        const amp = new Float64Array(mfs.length);
        const phase = new Float64Array(mfs.length);
        modeValuesAt(packMode(m, st.amp0, 0, 1), mfs, mfs.length, null, amp, phase, bw);
        const out = new Float64Array(2);
        const p = newPowers();
        for (let i = 0; i < mfs.length; i++) {
          modeAmpPhase(m, powersInto(p, mfs[i]), 0, 0, out);
          worstAmp = Math.max(worstAmp, Math.abs(amp[i] / out[0] - 1));
          worstPhase = Math.max(worstPhase, Math.abs(phase[i] - out[1]));
        }
      }
    }
    expect(worstAmp).toBeLessThan(2e-12); // achieved 2.1e-14
    expect(worstPhase).toBeLessThan(2e-9); // achieved 1.5e-11 rad
  });

  it('gives the same waveform from the per-grid tables of k^{-1/6}, ln k as from the carried powers', () => {
    // bin 2 (below f_min, never computed) moved off k df: gridPowers refuses the grid and the powers are carried
    const list = grid.frequencies.slice();
    list[2] += 1e-9;
    let worst = 0;
    for (const params of SYSTEMS) {
      const a = generateIMRPhenomXHM(grid, params);
      const b = generateIMRPhenomXHM({ frequencies: list, df: 0.25 }, params);
      worst = Math.max(worst, relDiff(b.hp, a.hp), relDiff(b.hc, a.hc));
    }
    // achieved 5.8e-12 of max|h| (22 and modes): f^{-1/6} and ln f agree to rounding, the ~1e4 rad phases amplify it
    expect(worst).toBeLessThan(5e-10);
  });

  it('writes the same bits through generateInto from any first bin as generate (exact path)', () => {
    for (const params of SYSTEMS.slice(0, 2)) {
      const a = generateIMRPhenomXHM(grid, params);
      for (const kLo of [61, 100, 1000, 2049]) {
        const hp = new Float64Array(2 * 4097).fill(7);
        const hc = new Float64Array(2 * 4097).fill(7);
        generateIMRPhenomXHMInto(grid, params, { hp, hc }, { kLo, kHi: 3001 });
        let differing = 0;
        for (let i = 2 * kLo; i < 2 * 3001; i++) if (hp[i] !== a.hp[i] || hc[i] !== a.hc[i]) differing++;
        expect(differing).toBe(0);
        expect(hp[2 * kLo - 1]).toBe(7);
        expect(hp[2 * 3001]).toBe(7);
      }
    }
  });
});

describe('IMRPhenomXHM multibanding scratch', () => {
  it('gives each call its own arrays: a nested acquire gets a different set, a released set is reused', () => {
    const pool = new ScratchPool();
    const a = pool.acquire();
    const b = pool.acquire();
    expect(b).not.toBe(a);
    a.get('x', 8).fill(1);
    expect(Array.from(b.get('x', 8))).toEqual(new Array(8).fill(0));
    pool.release(b);
    pool.release(a);
    expect(pool.acquire()).toBe(a);
    expect(pool.acquire()).toBe(b);
  });
});
