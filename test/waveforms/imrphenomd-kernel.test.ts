/**
 * The fused IMRPhenomD kernel (core-kernel.ts) against the readable per-region functions (amplitude.ts,
 * phase.ts): at every bin, h = scale (Mf)^{-7/6} a(Mf) exp(-i phi(Mf)); the slot tables shared by the
 * code that packs the constants and the loop that reads them; and the kernels' type-feedback warm-ups.
 */
import { describe, expect, it } from 'vitest';
import { ampMergerRingdown, AMP_F_JOIN_INS, reducedAmplitude } from '../../src/waveforms/imrphenomd/amplitude.js';
import { alignedMode, CORE_LENGTH, CORE_SLOT, fillPhenom, KM_LENGTH, MODE_SLOT, packCore } from '../../src/waveforms/imrphenomd/core-kernel.js';
import { warmUpFill as warmUpD } from '../../src/waveforms/imrphenomd/kernel.js';
import { phaseAt, PHI_F_JOIN_INS } from '../../src/waveforms/imrphenomd/phase.js';
import { setupPhenomD } from '../../src/waveforms/imrphenomd/setup.js';
import { warmUpFill as warmUpPv2 } from '../../src/waveforms/imrphenomp/kernel.js';
import type { WaveformParams } from '../../src/waveforms/types.js';

const base: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
  distanceMpc: 100, inclination: 0, phiRef: 0, fMinHz: 10, fMaxHz: 2048, fRefHz: 0,
};
const systems: WaveformParams[] = [
  base,
  { ...base, m1: 50, m2: 5, s1z: -0.8, s2z: 0.1 },
  { ...base, m1: 8, m2: 8, s1z: 0.99, s2z: 0.99 },
  { ...base, m1: 150, m2: 60, s1z: 0.6, s2z: -0.9 },
  { ...base, m1: 3, m2: 1.5, s1z: 0, s2z: 0 },
];

/** A uniform grid (carried recurrences) followed by a geometric one (re-anchored at every bin). */
function frequencies(fLo: number, fHi: number): Float64Array {
  const uniform = Array.from({ length: Math.floor((fHi - fLo) / 0.125) }, (_, j) => fLo + 0.125 * j);
  const geometric = Array.from({ length: 200 }, (_, j) => fLo * (fHi / fLo) ** (j / 200));
  return Float64Array.from([...uniform, ...geometric]);
}

describe('the fused IMRPhenomD kernel equals the region functions at every bin', () => {
  it.each(systems.map((p) => [`${p.m1}+${p.m2} (${p.s1z}, ${p.s2z})`, p] as const))('%s', (_name, p) => {
    const s = setupPhenomD(p);
    const freqs = frequencies(p.fMinHz, s.fEndHz);
    const n = freqs.length;
    const hp = new Float64Array(2 * n);
    // aligned mode with no time or phase shift and unit h+ factor: hp = scale (Mf)^{-7/6} a(Mf) e^{-i phi(Mf)}
    fillPhenom(packCore(1, s.mTotalSec, s.amp, s.phase), alignedMode(0, 0, 0, 1, 1), freqs, 0, n, p.fMinHz, s.fEndHz, hp, null, 0, n);
    let ampErr = 0;
    let phaseErr = 0;
    const regions = new Set<string>();
    for (let k = 0; k < n; k++) {
      const f = freqs[k] * s.mTotalSec;
      const amp = f ** (-7 / 6) * reducedAmplitude(s.amp, f);
      const phi = phaseAt(s.phase, f);
      const got = Math.hypot(hp[2 * k], hp[2 * k + 1]);
      ampErr = Math.max(ampErr, Math.abs(got / amp - 1));
      // phase difference of h e^{+i phi} from 0, relative to |phi| (phi reaches ~1e4 rad at f_min)
      const c = Math.cos(phi);
      const sn = Math.sin(phi);
      const d = Math.atan2(hp[2 * k + 1] * c + hp[2 * k] * sn, hp[2 * k] * c - hp[2 * k + 1] * sn);
      phaseErr = Math.max(phaseErr, Math.abs(d) / Math.max(1, Math.abs(phi)));
      regions.add(`${f < AMP_F_JOIN_INS ? 'ins' : f >= s.amp.fPeak ? 'mrd' : 'int'}/${f < PHI_F_JOIN_INS ? 'ins' : f >= s.phase.fMRDJoin ? 'mrd' : 'int'}`);
    }
    // every (amplitude, phase) region pair the system reaches (3+1.5 Msun ends before the amplitude peak)
    expect(regions.size).toBeGreaterThanOrEqual(p.m1 > 5 ? 5 : 4);
    expect(ampErr).toBeLessThan(1e-12); // achieved <= 6.3e-15 (50+5)
    expect(phaseErr).toBeLessThan(1e-12); // achieved <= 8.5e-14 (3+1.5: |phi| ~ 1e4 at f_min)
  });
});

describe('the kernel constants are read from the slots they are written to', () => {
  it.each([['CORE_SLOT', CORE_SLOT, CORE_LENGTH], ['MODE_SLOT', MODE_SLOT, KM_LENGTH]] as const)('%s names every slot of its array exactly once', (_name, slots, length) => {
    expect(Object.values(slots).sort((a, b) => a - b)).toEqual(Array.from({ length }, (_, i) => i));
  });

  it('packCore puts each coefficient at its named slot', () => {
    const s = setupPhenomD(base);
    const KD = packCore(2.5, s.mTotalSec, s.amp, s.phase);
    expect(KD[CORE_SLOT.scale]).toBe(2.5);
    expect(KD[CORE_SLOT.mSec]).toBe(s.mTotalSec);
    expect(KD[CORE_SLOT.fPeak]).toBe(s.amp.fPeak);
    expect(KD[CORE_SLOT.rho3]).toBe(s.amp.rho3);
    expect(KD[CORE_SLOT.pm53]).toBe(s.phase.pm53);
    expect(KD[CORE_SLOT.c2MRD]).toBe(s.phase.c2MRD);
    expect(KD[CORE_SLOT.ampJoin]).toBe(AMP_F_JOIN_INS);
    expect(KD[CORE_SLOT.phiJoin]).toBe(PHI_F_JOIN_INS);
    const KM = alignedMode(1, 2, 3, 4, 5);
    expect([KM[MODE_SLOT.mode], KM[MODE_SLOT.t0], KM[MODE_SLOT.mfRef], KM[MODE_SLOT.phiOffset], KM[MODE_SLOT.plus], KM[MODE_SLOT.cross]]).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('type-feedback warm-ups', () => {
  it.each([['IMRPhenomD', warmUpD], ['IMRPhenomPv2', warmUpPv2]] as const)('%s: the warm-up fills bins in every amplitude and phase region', (_name, warmUp) => {
    // the warm-up system (30 + 20 Msun, chi 0.3 / -0.2) is base's: region edges from its set-up
    const s = setupPhenomD(base);
    const mf = Array.from(warmUp());
    const inAmp = [(f: number) => f < AMP_F_JOIN_INS, (f: number) => f >= AMP_F_JOIN_INS && f < s.amp.fPeak, (f: number) => f >= s.amp.fPeak];
    const inPhase = [(f: number) => f < PHI_F_JOIN_INS, (f: number) => f >= PHI_F_JOIN_INS && f < s.phase.fMRDJoin, (f: number) => f >= s.phase.fMRDJoin];
    for (const region of [...inAmp, ...inPhase]) expect(mf.filter(region).length).toBeGreaterThanOrEqual(4);
    // a bin below f_min (10 Hz < 15 Hz), written as zero
    expect(Math.min(...mf)).toBeLessThan(15 * s.mTotalSec);
    expect(ampMergerRingdown(s.amp, Math.max(...mf))).toBeGreaterThan(0);
  });
});
