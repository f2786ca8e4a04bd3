/**
 * `readBank` / `writeBank`: dispatch on the file extension.
 *  .h5 .hdf5 .hdf -> PyCBC-layout HDF5 (hdf5.ts); .xml .xml.gz -> LIGO_LW sngl_inspiral (xml.ts);
 *  .txt .dat -> plain text with a header (text.ts).
 */
import { invalid } from '../core/errors.js';
import type { Bank } from './bank.js';
import { readBankHdf5, writeBankHdf5 } from './hdf5.js';
import { readBankText, writeBankText } from './text.js';
import { readBankXml, writeBankXml } from './xml.js';

/** The bank file formats. */
export type BankFileFormat = 'hdf5' | 'xml' | 'text';

/** Extensions understood, for messages. */
export const BANK_EXTENSIONS = ['.h5', '.hdf5', '.hdf', '.xml', '.xml.gz', '.txt', '.dat'] as const;

/** The format of a bank file from its name; throws MbankError on an unknown extension. */
export function bankFormatOf(path: string): BankFileFormat {
  const p = path.toLowerCase();
  if (p.endsWith('.h5') || p.endsWith('.hdf5') || p.endsWith('.hdf')) return 'hdf5';
  if (p.endsWith('.xml') || p.endsWith('.xml.gz')) return 'xml';
  if (p.endsWith('.txt') || p.endsWith('.dat')) return 'text';
  return invalid('bank file extension', path, `must be one of ${BANK_EXTENSIONS.join(', ')}`);
}

/** Read a bank from any supported file (format from the extension). */
export async function readBank(path: string): Promise<Bank> {
  switch (bankFormatOf(path)) {
    case 'hdf5': return readBankHdf5(path);
    case 'xml': return readBankXml(path);
    case 'text': return readBankText(path);
  }
}

/**
 * Write a bank (format from the extension), atomically. Returns warnings about information the
 * format cannot hold (e.g. eccentricity in XML); the caller decides whether to print them.
 */
export async function writeBank(path: string, bank: Bank): Promise<string[]> {
  switch (bankFormatOf(path)) {
    case 'hdf5': await writeBankHdf5(path, bank); return [];
    case 'xml': return writeBankXml(path, bank);
    case 'text': writeBankText(path, bank); return [];
  }
}
