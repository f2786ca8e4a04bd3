/**
 * Axis ticks: "nice numbers" (1, 2, 5 x 10^k steps; Heckbert, "Nice numbers for graph labels",
 * Graphics Gems 1990) for linear axes, decades (or 1-2-5 within a decade) for log axes, and their labels.
 */

/** The smallest step of the form {1, 2, 5} x 10^k that is >= rawStep (rawStep > 0). */
export function niceStep(rawStep: number): number {
  if (!(rawStep > 0) || !Number.isFinite(rawStep)) return 1;
  const exp = Math.floor(Math.log10(rawStep));
  const base = Math.pow(10, exp);
  const f = rawStep / base;
  // Tolerance so that e.g. 0.2 / 0.1 = 2.0000000000000004 stays 2.
  const nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
  return nice * base;
}

/** Round away binary noise: x rounded to the decimals implied by step. */
function clean(x: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return decimals > 15 ? x : Number(x.toFixed(Math.min(decimals, 15)));
}

/**
 * Ticks on [min, max] with a nice step chosen so that there are at most about `target` intervals:
 * every multiple of the step inside the interval (endpoints included up to rounding); the step is
 * refined when fewer than 2 multiples would fall inside.
 */
export function linearTicks(min: number, max: number, target = 5): { ticks: number[]; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return { ticks: Number.isFinite(min) ? [min] : [], step: 1 };
  // A coarse step may leave a single multiple inside (e.g. [-4e-4, 4e-4] with step 5e-4): refine until 2 fit.
  for (let t = Math.max(1, target); ; t++) {
    const step = niceStep((max - min) / t);
    const eps = step * 1e-9;
    const first = Math.ceil((min - eps) / step);
    const last = Math.floor((max + eps) / step);
    if (last - first >= 1 || t >= 4 * Math.max(1, target)) {
      const ticks: number[] = [];
      for (let k = first; k <= last; k++) ticks.push(clean(k * step, step) + 0); // + 0 turns -0 into 0
      return { ticks, step };
    }
  }
}

/**
 * Log-axis ticks on [min, max] (0 < min < max): major ticks at powers of ten (every m-th decade when
 * there are more than `target` decades), minor ticks at 2..9 x 10^k when at most 8 decades are shown.
 * When the interval spans less than a decade and fewer than 2 powers of ten fall inside, the major
 * ticks are the 1-2-5 values inside, or linear nice ticks if those are still fewer than 2.
 */
export function logTicks(min: number, max: number, target = 6): { major: number[]; minor: number[]; decades: boolean } {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return { major: [], minor: [], decades: true };
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  const kMin = Math.ceil(lo - 1e-9);
  const kMax = Math.floor(hi + 1e-9);
  const nDecades = kMax - kMin + 1;
  const minor: number[] = [];
  if (hi - lo <= 8) {
    for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
      for (let m = 2; m <= 9; m++) {
        const v = m * Math.pow(10, k);
        if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) minor.push(Number(v.toPrecision(12)));
      }
    }
  }
  if (nDecades >= 2) {
    const every = Math.max(1, Math.ceil(nDecades / Math.max(1, target)));
    const major: number[] = [];
    for (let k = kMin; k <= kMax; k++) if ((k - kMin) % every === 0) major.push(Number(Math.pow(10, k).toPrecision(12)));
    return { major, minor, decades: true };
  }
  const candidates: number[] = [];
  for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * Math.pow(10, k)).toPrecision(12));
      if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) candidates.push(v);
    }
  }
  if (candidates.length >= 2) return { major: candidates, minor: minor.filter((v) => !candidates.includes(v)), decades: false };
  return { major: linearTicks(min, max, Math.min(target, 4)).ticks.filter((v) => v > 0), minor: [], decades: false };
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '\u2070', '1': '\u00b9', '2': '\u00b2', '3': '\u00b3', '4': '\u2074', '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079', '-': '\u207b',
};

/** "10⁻³"-style label of a power of ten (Unicode superscripts). */
export function formatPowerOfTen(v: number): string {
  const k = Math.round(Math.log10(v));
  return '10' + String(k).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/**
 * Labels for linear ticks with a common step: fixed decimals implied by the step, or exponent
 * notation ("2.5e-5") when the values are huge (>= 1e5) or the step tiny (< 1e-3).
 */
export function formatLinearTicks(ticks: readonly number[], step: number): string[] {
  const maxAbs = ticks.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (maxAbs >= 1e5 || (step < 1e-3 && maxAbs < 1e-2)) {
    const digits = Math.max(0, Math.min(6, Math.ceil(Math.log10(maxAbs / step) - 1e-9)));
    return ticks.map((v) => (v === 0 ? '0' : v.toExponential(digits).replace(/\.?0+e/, 'e').replace('e+', 'e')));
  }
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  return ticks.map((v) => {
    const s = v.toFixed(decimals);
    return s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
  });
}

/** Labels for log ticks: powers of ten as 10^k, other values in plain short form. */
export function formatLogTicks(ticks: readonly number[], decades: boolean): string[] {
  if (decades) return ticks.map(formatPowerOfTen);
  return ticks.map((v) => (Math.abs(Math.log10(v)) >= 4 ? v.toExponential(0).replace('e+', 'e') : String(Number(v.toPrecision(6)))));
}
