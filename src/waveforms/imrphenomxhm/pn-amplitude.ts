/**
 * Post-Newtonian inspiral amplitude of the IMRPhenomXHM higher modes (arXiv:2001.10914 App. E, eqs. E10-E14;
 * LAL's IMRPhenomXHM_GetPNAmplitudeCoefficients): the time-domain 3PN h_lm times the stationary-phase factor,
 * re-expanded in powers of f^{1/3},
 *
 *   |h_lm^PN(f)| = |sum_{k=1..6} P_k f^{k/3}| G_lm (2/m)^{-7/6} sqrt(2 eta/3) pi^{-1/6} f^{-7/6}   (f = M f_GW),
 *
 * with complex P_k (pi and (2/m) powers folded in) and G_lm = sqrt2/3, 3/4 sqrt(5/7), sqrt(5/7)/3,
 * 4 sqrt2/9 sqrt(5/7) for (21), (33), (32), (44).
 */
import type { PhenomXSystem } from '../imrphenomx/setup.js';
import type { HMMode } from './mode.js';
import { PI_POWERS, powers } from './powers.js';

/** Complex coefficients P_1..P_6 as [re_1, im_1, ..., re_6, im_6] and the real prefactor G_lm (2/m)^{-7/6}. */
export interface PNAmplitude {
  coeffs: Float64Array;
  globalFactor: number;
}

const PREFACTORS = [Math.sqrt(2) / 3, 0.75 * Math.sqrt(5 / 7), Math.sqrt(5 / 7) / 3, ((4 * Math.sqrt(2)) / 9) * Math.sqrt(5 / 7)];

/** The PN amplitude coefficients of a mode (LAL's expressions and order of operations). */
export function pnAmplitude(s: PhenomXSystem, mode: HMMode): PNAmplitude {
  const { eta, delta } = s;
  const chiA = 0.5 * (s.chi1 - s.chi2);
  const chiS = 0.5 * (s.chi1 + s.chi2);
  const PI = Math.PI;
  const lp = PI_POWERS;
  const c = new Float64Array(12);
  const set = (k: number, re: number, im: number, scale: number): void => {
    c[2 * k - 2] = re * scale;
    c[2 * k - 1] = im * scale;
  };
  switch (mode.tag) {
    case 21: {
      const p2 = powers(2);
      set(1, delta, 0, lp.oneThird * p2.oneThird);
      set(2, (-3 * (chiA + chiS * delta)) / 2, 0, lp.twoThirds * p2.twoThirds);
      set(3, (335 * delta + 1404 * delta * eta) / 672, 0, lp.itself * p2.itself);
      set(4, (3427 * chiA + 3427 * chiS * delta - 8404 * chiA * eta - 3860 * chiS * delta * eta - 1344 * delta * PI) / 1344,
        (-672 * delta - 672 * delta * Math.log(16)) / 1344, lp.fourThirds * p2.fourThirds);
      set(5, (-155965824 * chiA * chiS - 964357 * delta + 432843264 * chiA * chiS * eta - 23670792 * delta * eta + 24385536 * chiA * PI +
        24385536 * chiS * delta * PI - 77982912 * delta * chiA * chiA + 81285120 * delta * eta * chiA * chiA - 77982912 * delta * chiS * chiS +
        39626496 * delta * eta * chiS * chiS + 21535920 * delta * eta * eta) / 8.128512e6, 0, lp.fiveThirds * p2.fiveThirds);
      set(6, (143063173 * chiA + 143063173 * chiS * delta - 546199608 * chiA * eta - 169191096 * chiS * delta * eta - 9898560 * delta * PI +
        20176128 * delta * eta * PI + 61725888 * chiS * delta * chiA * chiA - 81285120 * chiS * delta * eta * chiA * chiA +
        20575296 * Math.pow(chiA, 3) - 81285120 * eta * Math.pow(chiA, 3) + 61725888 * chiA * chiS * chiS - 165618432 * chiA * eta * chiS * chiS +
        20575296 * delta * Math.pow(chiS, 3) - 1016064 * delta * eta * chiS * chiS * chiS + 128873808 * chiA * eta * eta -
        3859632 * chiS * delta * eta * eta) / 5.419008e6,
      (-1350720 * delta - 72043776 * delta * eta - 5402880 * delta * Math.log(2) - 17224704 * delta * eta * Math.log(2)) / 5.419008e6,
      lp.two * p2.two);
      break;
    }
    case 33: {
      const p = powers(2 / 3);
      set(1, delta, 0, lp.oneThird * p.oneThird);
      set(3, (-1945 * delta + 2268 * delta * eta) / 672, 0, lp.itself * p.itself);
      set(4, (325 * chiA + 325 * chiS * delta - 1120 * chiA * eta - 80 * chiS * delta * eta + 120 * delta * PI) / 120,
        (-504 * delta + 720 * delta * Math.log(1.5)) / 120, lp.fourThirds * p.fourThirds);
      set(5, (-2263282560 * chiA * chiS - 1077664867 * delta + 9053130240 * chiA * chiS * eta - 5926068792 * delta * eta -
        1131641280 * delta * chiA * chiA + 4470681600 * delta * eta * chiA * chiA - 1131641280 * delta * chiS * chiS +
        55883520 * delta * eta * chiS * chiS + 2966264784 * delta * eta * eta) / 4.4706816e8, 0, lp.fiveThirds * p.fiveThirds);
      set(6, (22007835 * chiA + 22007835 * chiS * delta - 80190540 * chiA * eta - 31722300 * chiS * delta * eta - 9193500 * delta * PI +
        17826480 * delta * eta * PI - 12428640 * chiA * eta * eta - 6078240 * chiS * delta * eta * eta) / 2.17728e6,
      (26467560 * delta - 98774368 * delta * eta - 37810800 * delta * Math.log(1.5) + 37558080 * delta * eta * Math.log(1.5)) / 2.17728e6,
      lp.two * p.two);
      break;
    }
    case 32: {
      set(2, -1 + 3 * eta, 0, lp.twoThirds);
      set(3, -4 * chiS * eta, 0, lp.itself);
      set(4, (10471 - 61625 * eta + 82460 * eta * eta) / 10080, 0, lp.fourThirds);
      set(5, (-3955 * chiS - 3955 * chiA * delta + 10810 * chiS * eta + 11865 * chiA * delta * eta - 12600 * chiS * eta * eta) / 840,
        (2520 - 11088 * eta) / 840, lp.fiveThirds);
      set(6, (824173699 + 2263282560 * chiA * chiS * delta - 26069649 * eta - 15209631360 * chiA * chiS * delta * eta +
        3576545280 * chiS * eta * PI + 1131641280 * chiA * chiA - 7865605440 * eta * chiA * chiA + 1131641280 * chiS * chiS -
        11870591040 * eta * chiS * chiS - 13202119896 * eta * eta + 13412044800 * chiA * chiA * eta * eta +
        5830513920 * chiS * chiS * eta * eta + 5907445488 * Math.pow(eta, 3)) / 4.4706816e8, 0, lp.two);
      break;
    }
    default: {
      const p = powers(0.5);
      set(2, 1 - 3 * eta, 0, lp.twoThirds * p.twoThirds);
      set(4, (-158383 + 641105 * eta - 446460 * eta * eta) / 36960, 0, lp.fourThirds * p.fourThirds);
      set(5, (565 * chiS + 565 * chiA * delta - 2075 * chiS * eta - 1695 * chiA * delta * eta + 240 * PI - 720 * eta * PI + 1140 * chiS * eta * eta) / 120,
        (-1008 + 3579 * eta + 960 * Math.log(2) - 2880 * eta * Math.log(2)) / 120, lp.fiveThirds * p.fiveThirds);
      set(6, (7888301437 - 147113366400 * chiA * chiS * delta - 745140957231 * eta + 441340099200 * chiA * chiS * delta * eta -
        73556683200 * chiA * chiA + 511264353600 * eta * chiA * chiA - 73556683200 * chiS * chiS + 224302478400 * eta * chiS * chiS +
        2271682065240 * eta * eta - 871782912000 * chiA * chiA * eta * eta - 10897286400 * chiS * chiS * eta * eta -
        805075876080 * Math.pow(eta, 3)) / 2.90594304e10, 0, lp.two * p.two);
    }
  }
  return { coeffs: c, globalFactor: Math.pow(2 / mode.emm, -7 / 6) * PREFACTORS[mode.modeInt] };
}

/** |sum_k P_k f^{k/3}| from LAL's powers of f (f^{1/3}, f^{2/3}, f, f^{4/3}, f^{5/3}, f^2). */
export function pnSumAbs(c: Float64Array, t1: number, t2: number, f: number, t4: number, t5: number, f2: number): number {
  const re = t1 * c[0] + t2 * c[2] + f * c[4] + t4 * c[6] + t5 * c[8] + f2 * c[10];
  const im = t1 * c[1] + t2 * c[3] + f * c[5] + t4 * c[7] + t5 * c[9] + f2 * c[11];
  return Math.sqrt(re * re + im * im);
}
