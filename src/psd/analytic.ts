/**
 * Analytic noise PSDs with LALSimulation's names (`SimNoisePSD<name>`, as PyCBC and sbank expose
 * them), written from the formulas of LALSimNoisePSD.c. These are closed-form functions of f
 * (the aLIGO* curves are a Buonanno-Chen quantum-noise model plus a two-term thermal model; they
 * read no data table: the tabulated GWINC variants are the separate *GWINC functions, of which
 * `LIGO-T0900288-v3-ZERO_DET_high_P` is bundled as a file). Valid above ~9 Hz (aLIGO) or 10 Hz.
 */
import { K_SI, quantumNoisePsd, type QuantumNoiseParams } from './analytic-quantum.js';

// aLIGO parameters (LALSimNoisePSD.c LAL_ALIGO_*).
const ALIGO_ARM = 3995.0;
const ALIGO_MASS = 40.0;
const ALIGO_TEMPERATURE = 290.0;
const ALIGO_SUSP_FREQ = 9.0;
const ALIGO_SUSP_Q = 6e10;
const ALIGO_COAT_FREQ = 1e4;
const ALIGO_COAT_Q = 6e6;
const DEG = Math.PI / 180;

const ALIGO_OPTICS: Omit<QuantumNoiseParams, 'laserPower' | 'tSrm' | 'detuning' | 'homodynePhase'> = {
  wavelength: 1.064e-6,
  armLength: ALIGO_ARM,
  mirrorMass: ALIGO_MASS,
  mirrorLoss: 37.5e-6,
  bsLoss: 0.002,
  tItm: 0.014,
  tPrm: 0.027,
  eta: 0.9,
};

/** Suspension thermal noise [1/Hz]: 2kT/(L^2 M Q (pi f0)^3) (f0/f)^5 (LAL XLALSimNoisePSDSuspTherm). */
export function suspensionThermalPsd(f: number, L: number, M: number, T: number, f0: number, Q: number): number {
  const fac = (2 * K_SI * T) / (L * L * M * Q * Math.pow(Math.PI * f0, 3));
  return fac * Math.pow(f0 / f, 5);
}

/** Mirror (coating) thermal noise [1/Hz]: 2kT/(L^2 M Q (pi f0)^3) (f0/f) (LAL XLALSimNoisePSDMirrorTherm). */
export function mirrorThermalPsd(f: number, L: number, M: number, T: number, f0: number, Q: number): number {
  const fac = (2 * K_SI * T) / (L * L * M * Q * Math.pow(Math.PI * f0, 3));
  return fac * (f0 / f);
}

/** aLIGO thermal noise [1/Hz] = suspension (9 Hz, Q 6e10) + coating (1e4 Hz, Q 6e6) at 290 K, 40 kg, 3995 m. */
export function aLIGOThermalPsd(f: number): number {
  return (
    suspensionThermalPsd(f, ALIGO_ARM, ALIGO_MASS, ALIGO_TEMPERATURE, ALIGO_SUSP_FREQ, ALIGO_SUSP_Q) +
    mirrorThermalPsd(f, ALIGO_ARM, ALIGO_MASS, ALIGO_TEMPERATURE, ALIGO_COAT_FREQ, ALIGO_COAT_Q)
  );
}

function aLIGOQuantum(laserPower: number, tSrm: number, detuningDeg: number, homodyneDeg: number): (f: number) => number {
  const p: QuantumNoiseParams = { ...ALIGO_OPTICS, laserPower, tSrm, detuning: detuningDeg * DEG, homodynePhase: homodyneDeg * DEG };
  return (f) => quantumNoisePsd(f, p);
}

const qZeroDetHigh = aLIGOQuantum(125, 0.2, 0, 116);
const qZeroDetLow = aLIGOQuantum(25, 0.2, 0, 116);
const qNoSRMLow = aLIGOQuantum(25, 1.0, 0, 130);
const qNoSRMHigh = aLIGOQuantum(125, 1.0, 0, 130);

/** iLIGO SRD fit [1/Hz]: seismic + thermal + shot power laws (LAL XLALSimNoisePSDiLIGOSRD). */
export function iLIGOSRDPsd(f: number): number {
  const seis = 1.57271 * 1.57271 * Math.pow(f, 2 * -14.0);
  const thrm = 3.80591e-19 * 3.80591e-19 * Math.pow(f, 2 * -2.0);
  const shot = 1.12277e-23 * 1.12277e-23 * (1 + Math.pow(f / 89.3676, 2));
  return seis + thrm + shot;
}

/** KAGRA fit [1/Hz], Manzotti & Dietz 2012 Eq. 5 (LAL XLALSimNoisePSDKAGRA). */
export function kagraPsd(f: number): number {
  const x = Math.log(f / 100);
  const x2 = x * x;
  const asd = 6.499e-25 * (9.72e-9 * Math.exp(-1.43 - 9.88 * x - 0.23 * x2) + 1.17 * Math.exp(0.14 - 3.1 * x - 0.26 * x2) +
    1.7 * Math.exp(0.14 + 1.09 * x - 0.013 * x2) + 1.25 * Math.exp(0.071 + 2.83 * x - 4.91 * x2));
  return asd * asd;
}

/** Advanced Virgo fit [1/Hz], Manzotti & Dietz 2012 Eq. 6 (LAL XLALSimNoisePSDAdvVirgo). */
export function advVirgoPsd(f: number): number {
  const x = Math.log(f / 300);
  const x2 = x * x;
  const asd = 1.259e-24 * (0.07 * Math.exp(-0.142 - 1.437 * x + 0.407 * x2) + 3.1 * Math.exp(-0.466 - 1.043 * x - 0.548 * x2) +
    0.4 * Math.exp(-0.304 + 2.896 * x - 0.293 * x2) + 0.09 * Math.exp(1.466 + 3.722 * x - 0.984 * x2));
  return asd * asd;
}

/** Initial Virgo design fit [1/Hz] (LAL XLALSimNoisePSDVirgo). */
export function virgoPsd(f: number): number {
  const x = f / 500;
  return 10.2e-46 * (Math.pow(7.87 * x, -4.8) + 6 / 17 / x + 1 + x * x);
}

/**
 * The analytic curves by LAL name: PSD [1/Hz] as a function of f [Hz] (f > 0).
 * aLIGO{ZeroDet,NoSRM}{High,Low}Power = quantum (BC01) + aLIGO thermal; quantum settings as LAL:
 * ZeroDet: T_SRM 0.2, detuning 0, homodyne 116 deg; NoSRM: T_SRM 1, homodyne 130 deg; 125 W / 25 W.
 */
export const ANALYTIC_PSDS: Readonly<Record<string, (f: number) => number>> = {
  aLIGOZeroDetHighPower: (f) => qZeroDetHigh(f) + aLIGOThermalPsd(f),
  aLIGOZeroDetLowPower: (f) => qZeroDetLow(f) + aLIGOThermalPsd(f),
  aLIGONoSRMLowPower: (f) => qNoSRMLow(f) + aLIGOThermalPsd(f),
  aLIGONoSRMHighPower: (f) => qNoSRMHigh(f) + aLIGOThermalPsd(f),
  aLIGOThermal: aLIGOThermalPsd,
  aLIGOQuantumZeroDetHighPower: qZeroDetHigh,
  aLIGOQuantumZeroDetLowPower: qZeroDetLow,
  AdvVirgo: advVirgoPsd,
  KAGRA: kagraPsd,
  iLIGOSRD: iLIGOSRDPsd,
  Virgo: virgoPsd,
};

/** Names of the analytic curves, sorted. */
export function analyticPsdNames(): string[] {
  return Object.keys(ANALYTIC_PSDS).sort();
}

/**
 * Analytic PSD [1/Hz] on `frequencies` [Hz]; f <= 0 gets +Infinity (excluded), like LAL's
 * XLALSimNoisePSD which sets DC to zero (an unusable bin).
 */
export function analyticPsdOnGrid(fn: (f: number) => number, frequencies: Float64Array): Float64Array {
  const out = new Float64Array(frequencies.length);
  for (let k = 0; k < frequencies.length; k++) {
    const f = frequencies[k];
    out[k] = f > 0 ? fn(f) : Infinity;
  }
  return out;
}
