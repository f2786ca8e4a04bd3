/**
 * PyCBC's `template_hash`: int64 of the 8-byte BLAKE2b digest of the template's parameters.
 * Recipe (pycbc/waveform/bank.py: `TemplateBank.ensure_hash` + `tuple_to_hash`):
 *   fields = [f for f in (mass1, mass2, inclination, spin1x, spin1y, spin1z, spin2x, spin2y, spin2z) if f in file]
 *   bytes  = np.array(tuple(row[f] for f in fields)).tobytes('C')    # float64, little-endian, concatenated
 *   hash   = np.frombuffer(blake2b(bytes, digest_size=8).digest(), dtype=int64)[0]   # little-endian int64
 * The hash depends on the stored dtype: we store float64, so the bytes are float64.
 */
import blakejs from 'blakejs';
import { invalid } from '../core/errors.js';

/** Field order PyCBC hashes, restricted to the fields present in the file. */
export const PYCBC_HASH_FIELDS = [
  'mass1', 'mass2', 'inclination', 'spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z',
] as const;

/** int64 PyCBC template hash of one tuple of float64 values (in `PYCBC_HASH_FIELDS` order, present fields only). */
export function pycbcTupleHash(values: ArrayLike<number>): bigint {
  const bytes = new Uint8Array(8 * values.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(8 * i, values[i], true);
  const digest = blakejs.blake2b(bytes, undefined, 8);
  return new DataView(digest.buffer, digest.byteOffset, 8).getBigInt64(0, true);
}

/**
 * Hashes of N templates given their columns by name; `fields` lists the columns present
 * (those of `PYCBC_HASH_FIELDS` are used, in that order). Throws on a hash clash, as PyCBC does.
 */
export function pycbcTemplateHashes(columns: Readonly<Record<string, Float64Array | undefined>>, n: number): BigInt64Array {
  const fields = PYCBC_HASH_FIELDS.filter((f) => columns[f] !== undefined);
  for (const f of fields) if (columns[f]!.length !== n) invalid(`${f}.length`, columns[f]!.length, `must equal ${n}`);
  const out = new BigInt64Array(n);
  const row = new Float64Array(fields.length);
  const seen = new Set<bigint>();
  for (let i = 0; i < n; i++) {
    fields.forEach((f, k) => { row[k] = columns[f]![i]; });
    out[i] = pycbcTupleHash(row);
    if (seen.has(out[i])) invalid(`template ${i} hash`, String(out[i]), 'clashes with another template (duplicate templates?)');
    seen.add(out[i]);
  }
  return out;
}
