/**
 * The placed templates as a Bank (src/bank): physical columns from the variable format (masses,
 * spins, and inclination, reference phase, eccentricity, mean anomaly where the format has them),
 * the coordinates themselves, and the run's metadata; written by extension (.h5, .xml[.gz], .txt).
 */
import { readFileSync } from 'node:fs';
import { Bank, type BankMetadata } from '../../bank/bank.js';
import { writeBank } from '../../bank/io.js';
import type { VariableFormat } from '../../coordinates/format.js';
import { zeroComponents } from '../../coordinates/components.js';

/** Version of this program (package.json), "unknown" if it cannot be read. */
export function programVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
    return `${pkg.name ?? 'mbank-ts'} ${pkg.version ?? 'unknown'}`;
  } catch {
    return 'mbank-ts unknown';
  }
}

/** Bank of `templates` (n x D rows in `format`) with `metadata`. */
export function bankFromTemplates(format: VariableFormat, templates: Float64Array, metadata: BankMetadata): Bank {
  const D = format.D;
  const n = templates.length / D;
  const keys = new Set(format.ranges.map(([k]) => k));
  const col = () => new Float64Array(n);
  const t = { mass1: col(), mass2: col(), spin1x: col(), spin1y: col(), spin1z: col(), spin2x: col(), spin2y: col(), spin2z: col() };
  const opt = {
    inclination: keys.has('iota') ? col() : undefined,
    phiRef: keys.has('refPhase') ? col() : undefined,
    eccentricity: keys.has('e') ? col() : undefined,
    meanAnomaly: keys.has('meanano') ? col() : undefined,
  };
  const c = zeroComponents();
  for (let i = 0; i < n; i++) {
    format.toPhysicalInto(templates.subarray(i * D, (i + 1) * D), c);
    t.mass1[i] = c.m1; t.mass2[i] = c.m2;
    t.spin1x[i] = c.s1x; t.spin1y[i] = c.s1y; t.spin1z[i] = c.s1z;
    t.spin2x[i] = c.s2x; t.spin2y[i] = c.s2y; t.spin2z[i] = c.s2z;
    if (opt.inclination) opt.inclination[i] = c.iota;
    if (opt.phiRef) opt.phiRef[i] = c.phi;
    if (opt.eccentricity) opt.eccentricity[i] = c.e;
    if (opt.meanAnomaly) opt.meanAnomaly[i] = c.meanano;
  }
  if (opt.eccentricity || opt.meanAnomaly || opt.phiRef) separateUnhashedTwins(t.mass1, [t.mass2, t.spin1x, t.spin1y, t.spin1z, t.spin2x, t.spin2y, t.spin2z, opt.inclination]);
  const optional = Object.fromEntries(Object.entries(opt).filter(([, v]) => v !== undefined));
  return new Bank({ templates: { ...t, ...optional }, coordinates: { names: format.names, values: templates }, metadata });
}

/**
 * PyCBC's template_hash covers masses, spins and inclination but not eccentricity, mean anomaly or reference phase:
 * templates that differ only in those (completion probes both e-faces of a corner of the box; a higher-mode bank's
 * corners differ in phi alone) would share a hash, and PyCBC refuses such a bank.
 * Moves mass1 of each later twin up by one ulp (1e-16 relative, far below any match resolution) until unique.
 */
function separateUnhashedTwins(mass1: Float64Array, others: (Float64Array | undefined)[]): void {
  const cols = others.filter((c): c is Float64Array => c !== undefined);
  const seen = new Set<string>();
  const key = (i: number) => [mass1[i], ...cols.map((c) => c[i])].join(',');
  const ulp = new Float64Array(1);
  const bits = new BigInt64Array(ulp.buffer);
  for (let i = 0; i < mass1.length; i++) {
    while (seen.has(key(i))) {
      ulp[0] = mass1[i];
      bits[0] += 1n; // next double above a positive mass
      mass1[i] = ulp[0];
    }
    seen.add(key(i));
  }
}

/** Write the bank (atomically, format from the extension); returns the writer's warnings. */
export function saveBank(path: string, bank: Bank): Promise<string[]> {
  return writeBank(path, bank);
}
