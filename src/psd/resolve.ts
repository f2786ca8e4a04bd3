/**
 * Name resolution of noise curves: an analytic LAL name (`aLIGOZeroDetHighPower`), a bundled
 * file by short name (`aligo_O3actual_H1`, the file name in data/psd without `.txt`), or a path
 * to a two-column file. The bundled directory is located relative to this module, not the cwd.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MbankError } from '../core/errors.js';
import { ANALYTIC_PSDS, analyticPsdNames, analyticPsdOnGrid } from './analytic.js';
import { interpolatePsd } from './interpolate.js';
import { readPsdFile, type PsdReadOptions, type PsdTable } from './read.js';

/** Absolute path of the bundled data/psd directory. */
export function bundledPsdDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'psd');
}

/** Short names of the bundled curves (file names without `.txt`), sorted. */
export function bundledPsdNames(): string[] {
  const dir = bundledPsdDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** A noise curve that can be put on any frequency grid. */
export interface PsdCurve {
  /** Name given by the user (analytic name, bundled short name or path). */
  readonly name: string;
  /** `analytic` (closed-form LAL function) or `table` (file, linearly interpolated). */
  readonly kind: 'analytic' | 'table';
  /** The table, for `table` curves. */
  readonly table?: PsdTable;
  /** One-sided PSD [1/Hz] on `frequencies` [Hz]; +Infinity marks excluded bins (out of range, f <= 0 for analytic). */
  onGrid(frequencies: Float64Array): Float64Array;
}

/**
 * The PSD of `curve` on `frequencies`, checked to cover the band [fMinHz, fMaxHz): a bin of the band
 * outside the curve (a file covering 10-60 Hz for a 20-1024 Hz band) is an error naming the covered
 * range, unless `allowBandCut` (then those bins are dropped from every inner product, as before).
 */
export function psdOnBand(curve: PsdCurve, frequencies: Float64Array, fMinHz: number, fMaxHz: number, allowBandCut = false): Float64Array {
  const psd = curve.onGrid(frequencies);
  if (allowBandCut) return psd;
  let missing = 0, inBand = 0;
  for (let k = 0; k < frequencies.length; k++) {
    const f = frequencies[k];
    if (f < fMinHz || f >= fMaxHz) continue;
    inBand++;
    if (!Number.isFinite(psd[k])) missing++;
  }
  if (missing > 0) {
    const covered = curve.table ? `[${curve.table.frequencies[0]}, ${curve.table.frequencies[curve.table.frequencies.length - 1]}] Hz` : `${inBand - missing} of ${inBand} bins`;
    throw new MbankError(
      `psd = ${JSON.stringify(curve.name)}: covers ${covered}, not the band [${fMinHz}, ${fMaxHz}) Hz (${missing} of ${inBand} bins uncovered): ` +
        `choose --f-min/--f-max inside it, or --allow-psd-band-cut to drop the uncovered bins`,
    );
  }
  return psd;
}

/** Curve from a tabulated PSD (linear interpolation in PSD, no extrapolation; see interpolate.ts). */
export function tableCurve(table: PsdTable, name = table.source): PsdCurve {
  return { name, kind: 'table', table, onGrid: (f) => interpolatePsd(table, f) };
}

/**
 * Resolve `spec` to a curve: first an analytic name (the `asd` option is ignored: these are PSDs),
 * then a bundled short name (with or without `.txt`), then a file path. With `asd` the file values
 * are amplitude spectral densities and are squared (mbank `--asd`). An unknown name throws an
 * MbankError listing the analytic and bundled names.
 */
export function loadPsd(spec: string, options: PsdReadOptions = {}): PsdCurve {
  const fn = ANALYTIC_PSDS[spec];
  if (Object.prototype.hasOwnProperty.call(ANALYTIC_PSDS, spec) && fn) {
    return { name: spec, kind: 'analytic', onGrid: (f) => analyticPsdOnGrid(fn, f) };
  }
  const short = spec.endsWith('.txt') ? spec.slice(0, -4) : spec;
  if (!spec.includes('/') && !spec.includes('\\') && bundledPsdNames().includes(short)) {
    return tableCurve(readPsdFile(join(bundledPsdDir(), `${short}.txt`), options), spec);
  }
  if (existsSync(spec)) return tableCurve(readPsdFile(spec, options), spec);
  throw new MbankError(
    `psd = ${JSON.stringify(spec)}: neither a file nor a known curve; analytic: ${analyticPsdNames().join(', ')}; ` +
      `bundled (data/psd): ${bundledPsdNames().join(', ')}`,
  );
}
