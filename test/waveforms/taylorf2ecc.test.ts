import { describe, expect, it } from 'vitest';
import { GAMMA, MTSUN_SI } from '../../src/core/constants.js';
import { uniformGridN } from '../../src/core/grid.js';
import { generateTaylorF2 } from '../../src/waveforms/taylorf2.js';
import { generateTaylorF2Ecc, generateTaylorF2EccInto } from '../../src/waveforms/taylorf2ecc/model.js';
import { ECC_PN_ORDER, eccentricPhaseAt, eccentricPhaseSeries, eccentricPnCoefficients } from '../../src/waveforms/taylorf2ecc/phasing.js';
import type { WaveformParams } from '../../src/waveforms/types.js';

/*
 * No LAL output for TaylorF2Ecc exists here: the model is held to the closed form of Moore, Favata, Arun & Mishra
 * 2016 (arXiv:1605.00304 eq. 6.26), typed below in the paper's integer fractions (v = (pi M f)^{1/3}, v0 at f0),
 * independently of the implementation's LAL-style table [order][power of v][power of v0].
 */
const pi = Math.PI;
/** Coefficient of v^j v0^k inside the bracket of eq. 6.26 (the 3PN logarithms apart), as functions of eta. */
const PAPER: { j: number; k: number; c: (eta: number) => number }[] = [
  { j: 0, k: 0, c: () => 1 },
  { j: 2, k: 0, c: (n) => 299076223 / 81976608 + (18766963 / 2927736) * n },
  { j: 0, k: 2, c: (n) => 2833 / 1008 - (197 / 36) * n },
  { j: 3, k: 0, c: () => (-2819123 / 282600) * pi },
  { j: 0, k: 3, c: () => (377 / 72) * pi },
  { j: 4, k: 0, c: (n) => 16237683263 / 3330429696 + (24133060753 / 971375328) * n + (1562608261 / 69383952) * n * n },
  { j: 2, k: 2, c: (n) => 847282939759 / 82632420864 - (718901219 / 368894736) * n - (3697091711 / 105398496) * n * n },
  { j: 0, k: 4, c: (n) => -1193251 / 3048192 - (66317 / 9072) * n + (18155 / 1296) * n * n },
  { j: 5, k: 0, c: (n) => -(2831492681 / 118395270 + (11552066831 / 270617760) * n) * pi },
  { j: 3, k: 2, c: (n) => (-7986575459 / 284860800 + (555367231 / 10173600) * n) * pi },
  { j: 2, k: 3, c: (n) => (112751736071 / 5902315776 + (7075145051 / 210796992) * n) * pi },
  { j: 0, k: 5, c: (n) => (764881 / 90720 - (949457 / 22680) * n) * pi },
  {
    j: 6, k: 0, c: (n) => -43603153867072577087 / 132658535116800000 + (536803271 / 19782000) * GAMMA + (15722503703 / 325555200) * pi * pi +
      (299172861614477 / 689135247360 - (15075413 / 1446912) * pi * pi) * n + (3455209264991 / 41019955200) * n * n +
      (50612671711 / 878999040) * n ** 3 + (3843505163 / 59346000) * Math.log(2) - (1121397129 / 17584000) * Math.log(3),
  },
  {
    j: 4, k: 2, c: (n) => 46001356684079 / 3357073133568 + (253471410141755 / 5874877983744) * n -
      (1693852244423 / 23313007872) * n * n - (307833827417 / 2497822272) * n ** 3,
  },
  { j: 3, k: 3, c: () => (-1062809371 / 20347200) * pi * pi },
  {
    j: 2, k: 4, c: (n) => -356873002170973 / 249880440692736 - (260399751935005 / 8924301453312) * n +
      (150484695827 / 35413894656) * n * n + (340714213265 / 3794345856) * n ** 3,
  },
  {
    j: 0, k: 6, c: (n) => 26531900578691 / 168991764480 - (3317 / 126) * GAMMA + (122833 / 10368) * pi * pi +
      (9155185261 / 548674560 - (3977 / 1152) * pi * pi) * n - (5732473 / 1306368) * n * n - (3090307 / 139968) * n ** 3 +
      (87419 / 1890) * Math.log(2) - (26001 / 560) * Math.log(3),
  },
];

/** Eq. 6.26's eccentric part of the SPA phase [rad], evaluated term by term. */
function paperEccentricPhase(eta: number, e0: number, v: number, v0: number): number {
  let bracket = 0;
  for (const t of PAPER) bracket += t.c(eta) * v ** t.j * v0 ** t.k;
  bracket += (536803271 / 39564000) * Math.log(16 * v * v) * v ** 6 - (3317 / 252) * Math.log(16 * v0 * v0) * v0 ** 6;
  return (3 / (128 * eta * v ** 5)) * (-2355 / 1462) * e0 * e0 * (v0 / v) ** (19 / 3) * bracket;
}

const base: WaveformParams = {
  m1: 30, m2: 20, s1x: 0, s1y: 0, s1z: 0.3, s2x: 0, s2y: 0, s2z: -0.2,
  distanceMpc: 100, inclination: 0.7, phiRef: 0.2, fMinHz: 15, fMaxHz: 1024, fRefHz: 0,
};
const grid = uniformGridN(0.25, 4097);
const maxAbs = (h: Float64Array) => h.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const piMOf = (p: WaveformParams) => pi * (p.m1 + p.m2) * MTSUN_SI;

describe('TaylorF2Ecc eccentric phase against arXiv:1605.00304 eq. 6.26', () => {
  it('has every coefficient C[j+k][j][k] of the paper at eta = 0.05, 0.16, 0.25 (to 1e-13 relative) and no other', () => {
    for (const eta of [0.05, 0.16, 0.25]) {
      const C = eccentricPnCoefficients(eta);
      let worst = 0;
      const listed = new Set(PAPER.map((t) => `${t.j},${t.k}`));
      for (const t of PAPER) {
        const c = C[t.j + t.k][t.j][t.k];
        worst = Math.max(worst, Math.abs(c - t.c(eta)) / Math.abs(t.c(eta)));
      }
      expect(worst).toBeLessThan(1e-13); // achieved 9.8e-16
      for (let i = 0; i <= ECC_PN_ORDER; i++) {
        for (let j = 0; j <= i; j++) if (!listed.has(`${j},${i - j}`)) expect(C[i][j][i - j]).toBe(0);
      }
    }
  });

  it('gives the phase of the paper at several (eta, e0, v, v0), logarithms included, to 1e-12 relative', () => {
    let worst = 0;
    for (const eta of [0.08, 0.2, 0.25]) {
      for (const e0 of [0.01, 0.1, 0.4]) {
        for (const [v0, v] of [[0.15, 0.15], [0.15, 0.3], [0.22, 0.41], [0.3, 0.33]]) {
          const ours = eccentricPhaseAt(eccentricPhaseSeries(eta, e0, v0), v);
          const paper = paperEccentricPhase(eta, e0, v, v0);
          worst = Math.max(worst, Math.abs(ours - paper) / Math.abs(paper));
        }
      }
    }
    expect(worst).toBeLessThan(1e-12); // achieved 1.2e-14
  });

  it('reduces to the leading term -2355/1462 e0^2 chi^(-19/9) x^(-5/2) 3/(128 eta) plus the paper\'s 1PN terms as v, v0 -> 0', () => {
    for (const eta of [0.1, 0.25]) {
      const e0 = 0.2;
      const v0 = 5e-4;
      const v = 1e-3;
      const chi = (v / v0) ** 3; // f / f0
      const leading = (3 / (128 * eta)) * (-2355 / 1462) * e0 * e0 * chi ** (-19 / 9) * (v * v) ** (-5 / 2);
      const ratio = eccentricPhaseAt(eccentricPhaseSeries(eta, e0, v0), v) / leading;
      expect(Math.abs(ratio - 1)).toBeLessThan(1e-5); // achieved 5.6e-6 (the 1PN terms)
      const onePN = (299076223 / 81976608 + (18766963 / 2927736) * eta) * v * v + (2833 / 1008 - (197 / 36) * eta) * v0 * v0;
      const threeHalvesPN = (-2819123 / 282600) * pi * v ** 3 + (377 / 72) * pi * v0 ** 3;
      expect(Math.abs(ratio - 1 - onePN - threeHalvesPN)).toBeLessThan(1e-9); // achieved 1.4e-11 (2PN terms, ~v^4)
    }
  });
});

describe('TaylorF2Ecc waveform', () => {
  it('is TaylorF2 bit for bit at e0 = 0 (h+ and hx, uniform and frequency-list grids, f_ref = 0 and 40 Hz)', () => {
    const freqs = { frequencies: Float64Array.from([12, 15, 20.5, 31, 80, 400, 1000, 1500]) };
    for (const g of [grid, freqs]) {
      for (const fRefHz of [0, 40]) {
        const p = { ...base, fRefHz, eccentricity: 0 };
        const a = generateTaylorF2Ecc(g, p);
        const b = generateTaylorF2(g, p);
        expect(a.hp.every((x, i) => Object.is(x, b.hp[i]))).toBe(true);
        expect(a.hc.every((x, i) => Object.is(x, b.hc[i]))).toBe(true);
      }
    }
  });

  it('equals TaylorF2 times exp(-i [Psi_ecc(f) - Psi_ecc(f_ref)]) at every bin, e0 at f_ref (or f_min when f_ref = 0), to 1e-11 of max|h|', () => {
    const eta = (base.m1 * base.m2) / (base.m1 + base.m2) ** 2;
    const piM = piMOf(base);
    for (const fRefHz of [0, 40]) {
      const p = { ...base, fRefHz, eccentricity: 0.15 };
      const circ = generateTaylorF2(grid, p);
      const ecc = generateTaylorF2Ecc(grid, p);
      const v0 = Math.cbrt(piM * (fRefHz || p.fMinHz));
      const ref = fRefHz ? paperEccentricPhase(eta, 0.15, Math.cbrt(piM * fRefHz), v0) : 0;
      const scale = maxAbs(circ.hp);
      let worst = 0;
      let kNonZero = 0;
      for (let k = 0; k < grid.frequencies.length; k++) {
        const f = grid.frequencies[k];
        const d = f > 0 ? paperEccentricPhase(eta, 0.15, Math.cbrt(piM * f), v0) - ref : 0;
        const [c, s] = [Math.cos(d), -Math.sin(d)];
        const re = circ.hp[2 * k] * c - circ.hp[2 * k + 1] * s;
        const im = circ.hp[2 * k] * s + circ.hp[2 * k + 1] * c;
        worst = Math.max(worst, Math.hypot(re - ecc.hp[2 * k], im - ecc.hp[2 * k + 1]) / scale);
        if (ecc.hp[2 * k] !== 0) kNonZero++;
      }
      expect(worst).toBeLessThan(1e-11); // achieved 9.1e-14 (f_ref = 40 Hz; 7.9e-15 with f_ref = 0)
      expect(kNonZero).toBe(4097 - 60);
    }
  });

  it('moves the phase by e0^2 times the paper\'s e0 = 1 phase: arg(h_ecc/h_circ)/e0^2 for e0 = 0.08, 0.02, 0.005', () => {
    const circ = generateTaylorF2(grid, base);
    const eta = (base.m1 * base.m2) / (base.m1 + base.m2) ** 2;
    const piM = piMOf(base);
    let worst = 0;
    for (const e0 of [0.08, 0.02, 0.005]) {
      const h = generateTaylorF2Ecc(grid, { ...base, eccentricity: e0 });
      for (const k of [60, 100, 400, 1600]) {
        const [a, b, c, d] = [h.hp[2 * k], h.hp[2 * k + 1], circ.hp[2 * k], circ.hp[2 * k + 1]];
        const perE2 = Math.atan2(b * c - a * d, a * c + b * d) / (e0 * e0);
        const unit = -paperEccentricPhase(eta, 1, Math.cbrt(piM * grid.frequencies[k]), Math.cbrt(piM * base.fMinHz));
        worst = Math.max(worst, Math.abs(perE2 - unit) / Math.abs(unit));
      }
    }
    expect(worst).toBeLessThan(5e-7); // achieved 5.2e-9 (rounding of arg(h_ecc/h_circ) at e0 = 0.005)
  });

  it('is unchanged by m1 <-> m2 with the spins swapped (to 1e-13 of max|h|)', () => {
    const p = { ...base, eccentricity: 0.2 };
    const a = generateTaylorF2Ecc(grid, p);
    const b = generateTaylorF2Ecc(grid, { ...p, m1: p.m2, m2: p.m1, s1z: p.s2z, s2z: p.s1z });
    const scale = maxAbs(a.hp);
    let worst = 0;
    for (let m = 0; m < a.hp.length; m++) worst = Math.max(worst, Math.abs(a.hp[m] - b.hp[m]) / scale, Math.abs(a.hc[m] - b.hc[m]) / scale);
    expect(worst).toBeLessThan(1e-13); // achieved 0 (bitwise)
  });

  it('writes bitwise generate\'s values with generateInto over [kLo, kHi) and leaves other bins untouched', () => {
    const p = { ...base, eccentricity: 0.3 };
    const ref = generateTaylorF2Ecc(grid, p);
    const hp = new Float64Array(2 * 4097).fill(7);
    const hc = new Float64Array(2 * 4097).fill(7);
    generateTaylorF2EccInto(grid, p, { hp, hc }, { kLo: 60, kHi: 3000 });
    for (let m = 0; m < hp.length; m++) {
      const inside = m >= 120 && m < 6000;
      expect(Object.is(hp[m], inside ? ref.hp[m] : 7) && Object.is(hc[m], inside ? ref.hc[m] : 7)).toBe(true);
    }
  });

  it('refuses eccentricity outside [0, 1), a longitude of ascending nodes and in-plane spins, naming the value', () => {
    expect(() => generateTaylorF2Ecc(grid, { ...base, eccentricity: 1 })).toThrow(/eccentricity = 1: must be in \[0, 1\)/);
    expect(() => generateTaylorF2Ecc(grid, { ...base, eccentricity: -0.1 })).toThrow(/eccentricity = -0\.1/);
    expect(() => generateTaylorF2Ecc(grid, { ...base, longAscNodes: 0.3 })).toThrow(/longAscNodes = 0\.3.*TaylorF2Ecc/);
    expect(() => generateTaylorF2Ecc(grid, { ...base, s1x: 0.2 })).toThrow(/in-plane spins.*TaylorF2Ecc/);
  });
});
