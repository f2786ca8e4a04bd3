import { describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { uniformGridN } from '../../src/core/grid.js';
import { Scratch, type MultibandFrame } from '../../src/waveforms/imrphenomxhm/multiband-core.js';
import { generateIMRPhenomXP } from '../../src/waveforms/imrphenomxp/model.js';
import { rotatePolarizations } from '../../src/waveforms/imrphenomxp/twist.js';
import { AngleCache, coarseAngles, exactAngles, multibandAngles } from '../../src/waveforms/imrphenomxphm/angles.js';
import { setupPhenomXPHM, XPHM_LAYOUT, type PhenomXPHMSetup } from '../../src/waveforms/imrphenomxphm/fill.js';
import { precessionAnglesAtV } from '../../src/waveforms/imrphenomxp/angles.js';
import { buildAngleInterpolant, interpolatedAnglesAtV } from '../../src/waveforms/imrphenomxp/interpolant.js';
import { Rng } from '../../src/core/rng.js';
import { generateIMRPhenomXPHM, generateIMRPhenomXPHMInto, imrPhenomXPHM } from '../../src/waveforms/imrphenomxphm/model.js';
import { angleGrid, exactModes, modeIsZero, multibandModes, XPHM_MODES } from '../../src/waveforms/imrphenomxphm/modes.js';
import { modeTwist, twistMode, twistModeReadable } from '../../src/waveforms/imrphenomxphm/twist.js';
import { twistModeMultiband } from '../../src/waveforms/imrphenomxphm/twist-multiband.js';
import type { WaveformParams } from '../../src/waveforms/types.js';
import { compare, differing, lalAgreementSuite, lalCases, lalSeries, paramsOf } from './lal-vectors.js';

const FIXTURE = 'waveforms/lal-fd-IMRPhenomXPHM.json';
const grid = uniformGridN(0.25, 4097);
const base: WaveformParams = {
  m1: 40, m2: 8, s1x: 0.3, s1y: -0.2, s1z: 0.5, s2x: 0.1, s2y: 0.2, s2z: -0.3,
  distanceMpc: 400, inclination: 1, phiRef: 0.4, fMinHz: 15, fMaxHz: 1024, fRefHz: 20,
};

lalAgreementSuite(FIXTURE, imrPhenomXPHM, 4, generateIMRPhenomXPHM, { precessing: true, only22: false });

/** The multibanding frame of a set-up on the test grid (df = 0.25 Hz) from bin `offset`, and its end bin. */
function frameOf(st: PhenomXPHMSetup, offset: number, threshold: number): MultibandFrame {
  const mSec = st.hm.xas.system.mSec;
  const fEnd = st.hm.xas.fEndHz;
  return { evaldMf: 0.25 * mSec, offset, iStop: Math.trunc(fEnd / 0.25) + 1, mfMin: offset * 0.25 * mSec, mfMax: fEnd * mSec, threshold };
}

/** Each co-precessing mode twisted up alone (h+, hx per tag), on LAL's default path or, with `exact`, at every bin. */
function twistedModes(params: WaveformParams, exact: boolean, modeThreshold: number): Map<number, [Float64Array, Float64Array]> {
  const st = setupPhenomXPHM(params);
  const scratch = new Scratch();
  const s = st.hm.xas.system;
  const n = grid.frequencies.length;
  const fEnd = st.hm.xas.fEndHz;
  const offset = Math.trunc(params.fMinHz / 0.25);
  const fr = frameOf(st, offset, modeThreshold);
  const iStop = fr.iStop;
  const modes = modeThreshold > 0 ? multibandModes(st.hm, fr, scratch) : exactModes(st.hm, grid.frequencies, offset, iStop, -Infinity, fEnd, scratch);
  const out = new Map<number, [Float64Array, Float64Array]>();
  for (const [, mp, tag] of XPHM_MODES) {
    const hp = new Float64Array(2 * n);
    const hc = new Float64Array(2 * n);
    const ang = exact
      ? exactAngles(st.angles, mp, s.mSec, grid.frequencies, offset, iStop, scratch, tag)
      : multibandAngles(st.angles, mp, angleGrid(st.hm, tag, fr, 1e-3), fr.evaldMf, offset, iStop - offset, scratch, tag);
    twistMode(st.twists.get(tag)!, modes.get(tag)!, ang, ang.base, Math.min(ang.base + ang.count, iStop), hp, hc);
    rotatePolarizations(hp, hc, st.prec.zetaPolarization, offset, n);
    out.set(tag, [hp, hc]);
  }
  return out;
}

describe('IMRPhenomXPHM against LALSimulation, mode by mode', () => {
  it.each(lalCases(FIXTURE, 'IMRPhenomXPHM').map((c) => [c.id, c] as const))(
    '%s: all modes but the (3,2) agree with LAL to 1e-9 of max|h|, the (3,2) to a per-bin factor within 1e-3 of 1',
    (_id, c) => {
      const parts = twistedModes(paramsOf(c), false, c.lal_dict?.ThresholdMband ?? 1e-3);
      const ref = [lalSeries(c, 'hp'), lalSeries(c, 'hc')];
      let scale = 0;
      for (let k = 0; k < c.n; k++) scale = Math.max(scale, Math.hypot(ref[0][2 * k], ref[0][2 * k + 1]));
      let worst = 0;
      let worstFactor = 0;
      for (let k = 0; k < c.n; k++) {
        const e = [0, 1].flatMap((w) => [ref[w][2 * k], ref[w][2 * k + 1]]);
        for (const [hp, hc] of parts.values()) {
          e[0] -= hp[2 * k]; e[1] -= hp[2 * k + 1]; e[2] -= hc[2 * k]; e[3] -= hc[2 * k + 1];
        }
        // the error left once the (3,2) contribution v is multiplied by (1 + x + i y), x and y fitted at this bin
        const [hp32, hc32] = parts.get(32)!;
        const v = [hp32[2 * k], hp32[2 * k + 1], hc32[2 * k], hc32[2 * k + 1]];
        const iv = [-v[1], v[0], -v[3], v[2]];
        const nv = v.reduce((a, b) => a + b * b, 0);
        const x = nv > 0 ? v.reduce((a, b, m) => a + b * e[m], 0) / nv : 0;
        const y = nv > 0 ? iv.reduce((a, b, m) => a + b * e[m], 0) / nv : 0;
        worst = Math.max(worst, Math.hypot(...e.map((em, m) => em - x * v[m] - y * iv[m])) / scale);
        if (Math.hypot(...v) > 1e-3 * scale) worstFactor = Math.max(worstFactor, Math.hypot(x, y));
      }
      expect(worst).toBeLessThan(1e-9); // achieved 1.3e-11 (40_8), 1.6e-12, 2.9e-13, 2.9e-13
      expect(worstFactor).toBeLessThan(1e-3); // achieved 6.4e-4 rad of (3,2) phase at most (30_20_fref0)
    },
  );
});

describe('IMRPhenomXPHM twisting', () => {
  it.each([223, 102])('reduces to IMRPhenomXP when only the (2,2) mode is twisted (Wigner-d path vs XP\'s explicit l = 2 one; PrecVersion %i)', (v) => {
    const p = { ...base, precVersion: v };
    const parts = twistedModes(p, true, 0);
    const [hp, hc] = parts.get(22)!;
    const xp = generateIMRPhenomXP(grid, p);
    // achieved 2.0e-13 (223: XP's and XPHM's interpolants, each within 1e-13 (1 + |angle|) of the MSA angles); 6.6e-15 (102)
    const tol = v === 223 ? 2e-11 : 1e-12; // ~100x the achieved values above
    expect(compare(hp, xp.hp).rel).toBeLessThan(tol);
    expect(compare(hc, xp.hc).rel).toBeLessThan(tol);
  });

  it('multibands the angles close to their exact values (LAL\'s default vs PrecThresholdMband = 0)', () => {
    const a = generateIMRPhenomXPHM(grid, { ...base, thresholdMband: 0 });
    const b = generateIMRPhenomXPHM(grid, { ...base, thresholdMband: 0, precThresholdMband: 0 });
    const r = compare(a.hp, b.hp).rel;
    expect(r).toBeLessThan(5e-3); // achieved 5.8e-5: LAL's multibanded angles stay at the coarse value between coarse points
    expect(r).toBeGreaterThan(1e-7); // the two paths differ (the multibanding is on)
  });

  it('multibands the modes close to their exact values (ThresholdMband 1e-3 vs 0)', () => {
    const a = generateIMRPhenomXPHM(grid, base);
    const b = generateIMRPhenomXPHM(grid, { ...base, thresholdMband: 0 });
    const r = compare(a.hp, b.hp).rel;
    expect(r).toBeLessThan(2e-3); // achieved 1.6e-5
    expect(r).toBeGreaterThan(1e-8);
  });
});

describe('IMRPhenomXPHM angle interpolant', () => {
  it('reproduces the direct MSA angles at every mode\'s coarse points of 10 random binaries to 1e-11 of (1 + max|angle|), interpolating more of them than XP\'s layout per m\'', () => {
    const rng = new Rng(5);
    const ex = new Float64Array(3);
    const ap = new Float64Array(3);
    const w = new Float64Array(2);
    let worst = 0;
    let used = 0;
    let usedXP = 0;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const a1 = rng.uniformIn(0, 0.99);
      const t1 = rng.uniformIn(0, Math.PI);
      const m1 = rng.uniformIn(8, 70);
      const p: WaveformParams = { ...base, m1, m2: m1 / rng.uniformIn(1, 6), s1x: a1 * Math.sin(t1), s1z: a1 * Math.cos(t1), s2z: rng.uniformIn(-0.99, 0.99), fRefHz: 0 };
      const st = setupPhenomXPHM(p);
      const fr = frameOf(st, 60, 1e-3);
      // the band and layout of fill.ts's angle source, and XP's own band times 2/m' in XP's layout
      const fCut = st.hm.xas.system.fCutHz;
      const ip = buildAngleInterpolant(st.prec, (0.9 * 15) / 2, fCut * 2, XPHM_LAYOUT);
      for (const [, mp, tag] of XPHM_MODES) {
        if (modeIsZero(st.hm, tag)) continue;
        const ipXP = buildAngleInterpolant(st.prec, (0.9 * 15 * 2) / mp, (fCut * 2) / mp);
        const vs = Array.from(angleGrid(st.hm, tag, fr, 1e-3).points, (mf) => Math.cbrt(Math.PI * mf * (2 / mp)));
        const direct = vs.map((v) => { precessionAnglesAtV(st.prec, v, ex, w); return [ex[0], ex[1], ex[2]]; });
        const scale = 1 + Math.max(...direct.map((a) => Math.max(Math.abs(a[0]), Math.abs(a[2]))));
        vs.forEach((v, k) => {
          total++;
          if (ipXP !== null && interpolatedAnglesAtV(ipXP, v, ap)) usedXP++;
          if (ip === null || !interpolatedAnglesAtV(ip, v, ap)) return;
          used++;
          worst = Math.max(worst, Math.abs(ap[0] - direct[k][0]) / scale, Math.abs(ap[1] - direct[k][1]), Math.abs(ap[2] - direct[k][2]) / scale);
        });
      }
    }
    expect(worst).toBeLessThan(1e-11); // achieved 2.5e-13
    expect(used / total).toBeGreaterThan(usedXP / total + 0.1); // achieved 0.84 against 0.67
  });
});

describe('IMRPhenomXPHM fused loops', () => {
  it('twistModeMultiband (angle carrying and twist in one pass) equals twistMode on multibandAngles\' series and the twist as the formula reads', () => {
    const st = setupPhenomXPHM(base);
    const fr = frameOf(st, 60, 1e-3);
    const iStop = fr.iStop;
    const modes = multibandModes(st.hm, fr, new Scratch());
    let worst = 0;
    let fineBins = 0;
    for (const [l, mp, tag] of XPHM_MODES) {
      const cf = angleGrid(st.hm, tag, fr, 1e-3);
      const scratch = new Scratch();
      const ang = multibandAngles(st.angles, mp, cf, fr.evaldMf, 60, iStop - 60, scratch, tag);
      const t = modeTwist(l, mp, st.prec.thetaJN);
      const out = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(2 * 4097));
      twistModeMultiband(t, modes.get(tag)!, coarseAngles(st.angles, mp, cf, scratch, tag), cf.points, fr.evaldMf, 60, iStop - 60, out[0], out[1]);
      const k1 = Math.min(ang.base + ang.count, iStop);
      twistMode(t, modes.get(tag)!, ang, ang.base, k1, out[2], out[3]);
      twistModeReadable(t, modes.get(tag)!, ang, ang.base, k1, out[4], out[5]);
      worst = Math.max(worst, compare(out[0], out[2]).rel, compare(out[1], out[3]).rel, compare(out[0], out[4]).rel, compare(out[1], out[5]).rel);
      // the fine bins between coarse points, where the Laurent polynomial in x = qa^k does the work
      fineBins += ang.count - cf.points.length + 1;
      expect(differing(out[0].map((v) => (v === 0 ? 0 : 1)), out[2].map((v) => (v === 0 ? 0 : 1)))).toBe(0);
    }
    expect(worst).toBeLessThan(1e-13); // achieved 1.4e-15
    expect(fineBins).toBeGreaterThan(1000); // 12000 of the 20000
  });

  it('twistMode (fused) equals the twist as the formula reads, on multibanded angles of non-unit modulus too', () => {
    const st = setupPhenomXPHM(base);
    const scratch = new Scratch();
    const fr = frameOf(st, 60, 1e-3);
    const iStop = fr.iStop;
    const modes = multibandModes(st.hm, fr, scratch);
    let worst = 0;
    for (const [l, mp, tag] of XPHM_MODES) {
      const ang = multibandAngles(st.angles, mp, angleGrid(st.hm, tag, fr, 1e-3), fr.evaldMf, 60, iStop - 60, scratch, tag);
      const t = modeTwist(l, mp, st.prec.thetaJN);
      const out = [0, 1, 2, 3].map(() => new Float64Array(2 * 4097));
      const k1 = Math.min(ang.base + ang.count, iStop);
      twistMode(t, modes.get(tag)!, ang, ang.base, k1, out[0], out[1]);
      twistModeReadable(t, modes.get(tag)!, ang, ang.base, k1, out[2], out[3]);
      worst = Math.max(worst, compare(out[0], out[2]).rel, compare(out[1], out[3]).rel);
    }
    expect(worst).toBeLessThan(1e-13); // achieved 1.2e-15
  });

  it('gives bitwise the same multibanded angles with the per-waveform cache as without it', () => {
    const st = setupPhenomXPHM(base);
    const fr = frameOf(st, 60, 1e-3);
    const iStop = fr.iStop;
    // one cache per m' (fill.ts): the modes of one m' share coarse points
    const caches = new Map<number, AngleCache>();
    const a = new Scratch();
    const b = new Scratch();
    for (const [, mp, tag] of XPHM_MODES) {
      const cf = angleGrid(st.hm, tag, fr, 1e-3);
      if (!caches.has(mp)) caches.set(mp, new AngleCache());
      const x = multibandAngles(st.angles, mp, cf, fr.evaldMf, 60, iStop - 60, a, tag, caches.get(mp));
      const y = multibandAngles(st.angles, mp, cf, fr.evaldMf, 60, iStop - 60, b, tag);
      expect(x.count).toBe(y.count);
      for (const key of ['zRe', 'zIm', 'eRe', 'eIm', 'cb', 'sb'] as const) expect(differing(x[key].subarray(0, x.count), y[key].subarray(0, y.count))).toBe(0);
    }
    expect([...caches.values()].reduce((p, c) => p + c.size, 0)).toBeLessThan(XPHM_MODES.map(([, , tag]) => angleGrid(st.hm, tag, fr, 1e-3).points.length).reduce((p, q) => p + q)); // shared points
  });
});

describe('IMRPhenomXPHM conventions', () => {
  it('gives the bit-identical waveform when the bodies are swapped, and generateInto equals generate', () => {
    const a = generateIMRPhenomXPHM(grid, base);
    const b = generateIMRPhenomXPHM(grid, {
      ...base, m1: base.m2, m2: base.m1, s1x: base.s2x, s1y: base.s2y, s1z: base.s2z, s2x: base.s1x, s2y: base.s1y, s2z: base.s1z,
    });
    expect(differing(b.hp, a.hp)).toBe(0);
    expect(differing(b.hc, a.hc)).toBe(0);
    const hp = new Float64Array(2 * 4097).fill(7);
    const hc = new Float64Array(2 * 4097).fill(7);
    generateIMRPhenomXPHMInto(grid, base, { hp, hc }, { kLo: 100, kHi: 3000 });
    expect(differing(hp.subarray(200, 6000), a.hp.subarray(200, 6000))).toBe(0);
    expect(differing(hc.subarray(200, 6000), a.hc.subarray(200, 6000))).toBe(0);
    expect(hp[0]).toBe(7);
    expect(hp[6000]).toBe(7);
  });

  it('is zero below floor(f_min/df) and above min(f_max, 0.3/M)', () => {
    const p = { ...base, m1: 150, m2: 60 };
    const { hp } = generateIMRPhenomXPHM(grid, p);
    const fCut = 0.3 / (210 * 4.925490947641267e-6);
    const kEnd = Math.floor(fCut / 0.25);
    expect(hp[2 * 59]).toBe(0);
    expect(hp[2 * 60]).not.toBe(0);
    expect(hp[2 * (kEnd + 1)]).toBe(0);
  });

  it('evaluates a frequency list as the exact uniform-grid path does at the shared frequencies', () => {
    const freqs = Float64Array.from({ length: 300 }, (_, i) => 20 + i * 1.75);
    const list = generateIMRPhenomXPHM({ frequencies: freqs }, base);
    const exact = generateIMRPhenomXPHM(grid, { ...base, thresholdMband: 0, precThresholdMband: 0 });
    const onGrid = new Float64Array(2 * 300);
    for (let i = 0; i < 300; i++) {
      const k = Math.round(freqs[i] / 0.25);
      onGrid[2 * i] = exact.hp[2 * k];
      onGrid[2 * i + 1] = exact.hp[2 * k + 1];
    }
    expect(compare(list.hp.subarray(0, 600), onGrid).rel).toBeLessThan(1e-11); // achieved 3.0e-13 (the XAS kernel's anchors)
  });

  it('switches multibanding off above 500 solar masses, as LAL does', () => {
    const p = { ...base, m1: 400, m2: 150, fMinHz: 5 };
    const a = generateIMRPhenomXPHM(grid, p);
    const b = generateIMRPhenomXPHM(grid, { ...p, thresholdMband: 0, precThresholdMband: 0 });
    expect(differing(a.hp, b.hp)).toBe(0);
  });

  it('rejects a negative or non-finite multibanding threshold, naming it', () => {
    expect(() => generateIMRPhenomXPHM(grid, { ...base, precThresholdMband: -1 })).toThrow(MbankError);
    expect(() => generateIMRPhenomXPHM(grid, { ...base, precThresholdMband: -1 })).toThrow(/prec-threshold-mband/);
    expect(() => generateIMRPhenomXPHM(grid, { ...base, thresholdMband: Number.NaN })).toThrow(/threshold-mband/);
  });
});
