/**
 * Spin-weight -2 spherical harmonics -2Y_lm(theta, phi) for the modes of the LAL higher-mode models
 * (LAL's XLALSpinWeightedSphericalHarmonic, lal/lib/utilities/SphericalHarmonics.c: same closed forms),
 * and the factors that turn a negative-m frequency-domain mode h_{l,-m}(f > 0) into h+ and hx.
 */

/** -2Y_lm(theta, phi) as [re, im] for l = 2, 3, 4 and |m| = l or (l, |m|) = (2, 1), (3, 2). */
export function ylmMinus2(l: number, m: number, theta: number, phi: number): [number, number] {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const ch = Math.cos(theta / 2);
  const sh = Math.sin(theta / 2);
  const PI = Math.PI;
  let fac: number;
  const key = 10 * l + m;
  switch (key) {
    case 18: fac = Math.sqrt(5 / (64 * PI)) * (1 - c) * (1 - c); break; // (2, -2)
    case 19: fac = Math.sqrt(5 / (16 * PI)) * s * (1 - c); break; // (2, -1)
    case 21: fac = Math.sqrt(5 / (16 * PI)) * s * (1 + c); break;
    case 22: fac = Math.sqrt(5 / (64 * PI)) * (1 + c) * (1 + c); break;
    case 27: fac = Math.sqrt(21 / (2 * PI)) * ch * Math.pow(sh, 5); break; // (3, -3)
    case 28: fac = Math.sqrt(7 / (4 * PI)) * (2 + 3 * c) * Math.pow(sh, 4); break; // (3, -2)
    case 32: fac = (Math.sqrt(7 / PI) * Math.pow(ch, 4) * (-2 + 3 * c)) / 2; break;
    case 33: fac = -Math.sqrt(21 / (2 * PI)) * Math.pow(ch, 5) * sh; break;
    case 36: fac = 3 * Math.sqrt(7 / PI) * Math.pow(ch, 2) * Math.pow(sh, 6); break; // (4, -4)
    case 44: fac = 3 * Math.sqrt(7 / PI) * Math.pow(ch, 6) * Math.pow(sh, 2); break;
    default: throw new RangeError(`ylmMinus2: (l, m) = (${l}, ${m}) is not one of the IMRPhenomXHM modes`);
  }
  return [Math.cos(m * phi) * fac, Math.sin(m * phi) * fac];
}

/**
 * Factors (plus, cross) with h+ += plus h_{l,-m}, hx += cross h_{l,-m} for a mode and its +m partner
 * (equatorial symmetry; LAL's IMRPhenomXHMFDAddMode): plus = (Y_{l,-m} + (-1)^l Y*_{lm})/2,
 * cross = i (Y_{l,-m} - (-1)^l Y*_{lm})/2, at (inclination, azimuth pi/2). Returned as [pRe, pIm, cRe, cIm].
 */
export function modeFactors(l: number, m: number, inclination: number): [number, number, number, number] {
  const [ymRe, ymIm] = ylmMinus2(l, -m, inclination, Math.PI / 2);
  const [yRe, yIm] = ylmMinus2(l, m, inclination, Math.PI / 2);
  const sign = l % 2 === 0 ? 1 : -1;
  const sRe = sign * yRe;
  const sIm = -sign * yIm;
  return [0.5 * (ymRe + sRe), 0.5 * (ymIm + sIm), -0.5 * (ymIm - sIm), 0.5 * (ymRe - sRe)];
}
