/**
 * PyCBC's `template_hash`: int64 of the 8-byte BLAKE2b digest of the template's parameters.
 * Recipe (pycbc/waveform/bank.py: `TemplateBank.ensure_hash` + `tuple_to_hash`):
 *   fields = [f for f in (mass1, mass2, inclination, spin1x, spin1y, spin1z, spin2x, spin2y, spin2z) if f in file]
 *   bytes  = np.array(tuple(row[f] for f in fields)).tobytes('C')    # float64, little-endian, concatenated
 *   hash   = np.frombuffer(blake2b(bytes, digest_size=8).digest(), dtype=int64)[0]   # little-endian int64
 * The hash depends on the stored dtype: we store float64, so the bytes are float64.
 */
import { invalid } from '../core/errors.js';
import { Blake2bOneBlock } from './blake2b.js';

/** Field order PyCBC hashes, restricted to the fields present in the file. */
export const PYCBC_HASH_FIELDS = [
  'mass1', 'mass2', 'inclination', 'spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z',
] as const;

/** int64 PyCBC template hash of one tuple of float64 values (in `PYCBC_HASH_FIELDS` order, present fields only). */
export function pycbcTupleHash(values: ArrayLike<number>): bigint {
  return new TupleHasher(values.length).hash(values);
}

/** Reusable hasher of tuples of `n` float64 values (n <= 16: one BLAKE2b block); one per thread. */
class TupleHasher {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly digest = new Uint8Array(8);
  private readonly digestView = new DataView(this.digest.buffer);
  private readonly blake = new Blake2bOneBlock();

  constructor(private readonly n: number) {
    if (!(n >= 1 && n <= 16)) invalid('hashed fields', n, 'must be 1..16 float64 values');
    this.bytes = new Uint8Array(8 * n);
    this.view = new DataView(this.bytes.buffer);
  }

  hash(values: ArrayLike<number>): bigint {
    for (let i = 0; i < this.n; i++) this.view.setFloat64(8 * i, values[i], true);
    this.blake.digest(this.bytes, 8, this.digest);
    return this.digestView.getBigInt64(0, true);
  }
}

/**
 * Hashes of N templates given their columns by name; `fields` lists the columns present
 * (those of `PYCBC_HASH_FIELDS` are used, in that order). Throws on a hash clash, as PyCBC does
 * (found by sorting a copy, so millions of templates cost O(N log N) without a set of bigints).
 */
export function pycbcTemplateHashes(columns: Readonly<Record<string, Float64Array | undefined>>, n: number): BigInt64Array {
  const out = templateHashesOf(columns, n);
  const sorted = out.slice().sort();
  for (let i = 1; i < n; i++) {
    if (sorted[i] === sorted[i - 1]) {
      const j = out.indexOf(sorted[i], out.indexOf(sorted[i]) + 1);
      invalid(`template ${j} hash`, String(sorted[i]), 'clashes with another template (duplicate templates?)');
    }
  }
  return out;
}

/** The hashes of {@link pycbcTemplateHashes} without the clash check (for finding duplicates). */
export function templateHashesOf(columns: Readonly<Record<string, Float64Array | undefined>>, n: number): BigInt64Array {
  const fields = PYCBC_HASH_FIELDS.filter((f) => columns[f] !== undefined);
  for (const f of fields) if (columns[f]!.length !== n) invalid(`${f}.length`, columns[f]!.length, `must equal ${n}`);
  const out = new BigInt64Array(n);
  const row = new Float64Array(fields.length);
  const cols = fields.map((f) => columns[f]!);
  const hasher = new TupleHasher(fields.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < cols.length; k++) row[k] = cols[k][i];
    out[i] = hasher.hash(row);
  }
  return out;
}
