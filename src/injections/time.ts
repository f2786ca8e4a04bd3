/**
 * GPS time helpers for LIGO_LW injection rows (LAL Date.c / TimeDelay.c): GPS -> UTC with the
 * leap-second table, Greenwich mean sidereal time (XLALGreenwichMeanSiderealTime, IAU 1982
 * formula, unwrapped radians) and the arrival-time delay of a site from the geocentre
 * (XLALTimeDelayFromEarthCenter).
 */
import { C_SI } from '../core/constants.js';

/** GPS seconds at which each leap second took effect (GPS - UTC = index + 1 from then on). IERS Bulletin C, up to 2017-01-01. */
export const LEAP_SECONDS_GPS: readonly number[] = [
  46828800, 78364801, 109900802, 173059203, 252028804, 315187205, 346723206, 393984007, 425520008,
  457056009, 504489610, 551750411, 599184012, 820108813, 914803214, 1025136015, 1119744016, 1167264017,
];

/** GPS epoch 1980-01-06T00:00:00 UTC in Unix seconds. */
const GPS_EPOCH_UNIX = 315964800;
/** Julian day of the Unix epoch 1970-01-01T00:00:00 UTC. */
const UNIX_EPOCH_JD = 2440587.5;
/** Julian day of the J2000.0 epoch. */
const J2000_JD = 2451545.0;

/** GPS - UTC [s] at integer GPS second `gps` (0 before 1981-07-01). */
export function leapSeconds(gps: number): number {
  let n = 0;
  for (const t of LEAP_SECONDS_GPS) if (gps >= t) n++;
  return n;
}

/**
 * Greenwich mean sidereal time [rad, not wrapped to 2 pi] at GPS time `gps` [s], as
 * XLALGreenwichMeanSiderealTime: t = Julian centuries of UT (= UTC) since J2000.0,
 * GMST [sidereal s] = 67310.54841 + (3155760000 + 8640184.812866) t + 0.093104 t^2 - 6.2e-6 t^3,
 * times pi/43200. The integer second goes through the leap-second table; the fraction is kept apart.
 */
export function greenwichMeanSiderealTime(gps: number): number {
  const sec = Math.floor(gps);
  const frac = gps - sec;
  const unix = sec + GPS_EPOCH_UNIX - leapSeconds(sec);
  const jd = unix / 86400 + UNIX_EPOCH_JD;
  const tHi = (jd - J2000_JD) / 36525;
  const tLo = frac / (36525 * 86400);
  const t = tHi + tLo;
  let s = (-6.2e-6 * t + 0.093104) * t * t + 67310.54841;
  s += 8640184.812866 * tLo + 3155760000.0 * tLo;
  s += 8640184.812866 * tHi + 3155760000.0 * tHi;
  return (s * Math.PI) / 43200;
}

/** Earth-fixed vertex positions [m] of the LAL cached detectors (LALDetectors.h). */
export const DETECTOR_LOCATIONS: Readonly<Record<'h' | 'l' | 'v', readonly [number, number, number]>> = {
  h: [-2.16141492636e6, -3.83469517889e6, 4.60035022664e6], // LHO 4k
  l: [-7.42760447238e4, -5.49628371971e6, 3.22425701744e6], // LLO 4k
  v: [4.54637409900e6, 8.42989697626e5, 4.37857696241e6], // Virgo
};

/**
 * Arrival time at a site minus arrival time at the geocentre [s] for a source at right ascension
 * `ra`, declination `dec` [rad] at GPS time `gps`: -(n . r)/c, with n the unit vector to the
 * source in Earth-fixed axes (hour angle GMST - ra) and r the site position [m].
 */
export function timeDelayFromEarthCenter(location: readonly [number, number, number], ra: number, dec: number, gps: number): number {
  const gha = greenwichMeanSiderealTime(gps) - ra;
  const cd = Math.cos(dec);
  const n0 = cd * Math.cos(gha), n1 = -cd * Math.sin(gha), n2 = Math.sin(dec);
  return -(n0 * location[0] + n1 * location[1] + n2 * location[2]) / C_SI;
}
