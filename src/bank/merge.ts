/**
 * Merge banks (mbank_merge): templates concatenated in the order of the banks, the same approximant,
 * variable format and coordinate names required (coordinates are kept when every bank has them), exact duplicates (equal PyCBC template_hash) kept
 * once so the merged file's template_hash stays unique. Metadata come from the first bank; fields
 * on which the banks disagree (PSD, band, minimal match) are reported, `extra` keeps the entries all
 * banks share.
 */
import { MbankError } from '../core/errors.js';
import { Bank, OPTIONAL_COLUMNS, PHYSICAL_COLUMNS, type BankMetadata, type BankTemplatesInput } from './bank.js';
import { templateHashesOf } from './template-hash.js';

/** A bank to merge and the name it is reported under. */
export interface NamedBank {
  name: string;
  bank: Bank;
}

/** The merged bank, the duplicates dropped, and metadata disagreements worth a warning. */
export interface BankMergeResult {
  bank: Bank;
  /** Templates dropped because an earlier template has the same template_hash. */
  duplicates: number;
  /** Index range [first, end) of each input bank's kept templates in the merged bank. */
  ranges: Array<[number, number]>;
  warnings: string[];
}

const REQUIRED: (keyof BankMetadata)[] = ['approximant', 'variableFormat'];
const REPORTED: (keyof BankMetadata)[] = ['psd', 'fMin', 'fMax', 'df', 'minimalMatch'];

function checkCompatible(parts: readonly NamedBank[]): string[] {
  const ref = parts[0];
  const warnings: string[] = [];
  for (const p of parts.slice(1)) {
    for (const k of REQUIRED) {
      if (p.bank.metadata[k] !== ref.bank.metadata[k]) {
        throw new MbankError(`bank ${p.name} has ${k} = ${JSON.stringify(p.bank.metadata[k])}, ${ref.name} has ${JSON.stringify(ref.bank.metadata[k])}: merge needs the same approximant and coordinates`);
      }
    }
    const names = (b: Bank) => JSON.stringify(b.coordinates?.names ?? null);
    if (p.bank.coordinates !== undefined && ref.bank.coordinates !== undefined && names(p.bank) !== names(ref.bank)) {
      throw new MbankError(`bank ${p.name} has coordinates ${names(p.bank)}, ${ref.name} has ${names(ref.bank)}: merge needs the same coordinates`);
    }
    const cols = (b: Bank) => b.optionalColumns.join(',');
    if (cols(p.bank) !== cols(ref.bank)) {
      throw new MbankError(`bank ${p.name} has the optional columns [${cols(p.bank)}], ${ref.name} has [${cols(ref.bank)}]: merge needs the same columns`);
    }
    for (const k of REPORTED) {
      if (p.bank.metadata[k] !== ref.bank.metadata[k]) warnings.push(`bank ${p.name} has ${k} = ${JSON.stringify(p.bank.metadata[k])}, ${ref.name} ${JSON.stringify(ref.bank.metadata[k])}; the merged bank records ${ref.name}'s`);
    }
  }
  return warnings;
}

/** Merge banks; see the module comment. Throws MbankError when they differ in approximant, format, coordinates or columns. */
export function mergeBanks(parts: readonly NamedBank[]): BankMergeResult {
  if (parts.length === 0) throw new MbankError('merge --bank: no banks given');
  const warnings = checkCompatible(parts);
  const lacking = parts.filter((p) => p.bank.coordinates === undefined);
  if (lacking.length > 0 && lacking.length < parts.length) warnings.push(`${lacking.map((p) => p.name).join(', ')}: no coordinates in the file (XML holds none), so the merged bank has none`);
  const ref = lacking.length > 0 ? parts[0].bank.withCoordinates(undefined) : parts[0].bank;
  const total = parts.reduce((s, p) => s + p.bank.size, 0);
  const seen = new Set<bigint>();
  const keep: Array<[Bank, number]> = [];
  const ranges: Array<[number, number]> = [];
  for (const p of parts) {
    const t = p.bank.templates as unknown as Record<string, Float64Array | undefined>;
    const hashes = templateHashesOf(t, p.bank.size);
    const first = keep.length;
    for (let i = 0; i < p.bank.size; i++) {
      if (seen.has(hashes[i])) continue;
      seen.add(hashes[i]);
      keep.push([p.bank, i]);
    }
    ranges.push([first, keep.length]);
  }
  const n = keep.length;
  const picked = pickTemplates(ref, keep);
  const extra: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(ref.metadata.extra ?? {})) {
    if (parts.every((p) => p.bank.metadata.extra?.[k] === v)) extra[k] = v;
  }
  extra.mergedBanks = parts.length;
  const bank = new Bank({ ...picked, metadata: { ...ref.metadata, extra } });
  return { bank, duplicates: total - n, ranges, warnings };
}

/** The templates `bank` keeps where `keep[i]` is nonzero, with their coordinates and the same metadata. */
export function bankSubset(bank: Bank, keep: ArrayLike<number>): Bank {
  const picks: Array<[Bank, number]> = [];
  for (let i = 0; i < bank.size; i++) if (keep[i]) picks.push([bank, i]);
  return new Bank({ ...pickTemplates(bank, picks), metadata: bank.metadata });
}

/** Columns and coordinates of the picked (bank, index) templates; `ref` gives the column set and coordinate names. */
function pickTemplates(ref: Bank, picks: ReadonlyArray<[Bank, number]>): { templates: BankTemplatesInput; coordinates?: { names: readonly string[]; values: Float64Array } } {
  const names = [...PHYSICAL_COLUMNS.filter((c) => !(OPTIONAL_COLUMNS as readonly string[]).includes(c)), ...ref.optionalColumns];
  const columns: Record<string, Float64Array> = {};
  for (const c of names) columns[c] = Float64Array.from(picks, ([b, i]) => (b.templates as unknown as Record<string, Float64Array>)[c][i]);
  const templates = columns as unknown as BankTemplatesInput;
  if (ref.coordinates === undefined) return { templates };
  const D = ref.dimension;
  const values = new Float64Array(picks.length * D);
  picks.forEach(([b, i], j) => values.set(b.coordinates!.values.subarray(i * D, (i + 1) * D), j * D));
  return { templates, coordinates: { names: ref.coordinates.names, values } };
}
