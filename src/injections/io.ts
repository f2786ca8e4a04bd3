/** Injection files by extension: .h5/.hdf5/.hdf (HDF5) or .xml/.xml.gz (LIGO_LW sim_inspiral). */
import { invalid } from '../core/errors.js';
import { readInjectionsHdf5, writeInjectionsHdf5 } from './hdf5.js';
import type { InjectionSet } from './injection-set.js';
import { readInjectionsXml, writeInjectionsXml } from './xml.js';

/** 'hdf5' or 'xml' from a file name; throws for anything else. */
export function injectionFormatOf(path: string): 'hdf5' | 'xml' {
  const p = path.toLowerCase();
  if (/\.(h5|hdf5|hdf)$/.test(p)) return 'hdf5';
  if (/\.xml(\.gz)?$/.test(p)) return 'xml';
  invalid('injection file', path, 'must end in .h5, .hdf5, .hdf, .xml or .xml.gz');
}

/** Read injections from HDF5 or LIGO_LW XML. */
export async function readInjections(path: string): Promise<InjectionSet> {
  return injectionFormatOf(path) === 'hdf5' ? readInjectionsHdf5(path) : readInjectionsXml(path);
}

/** Write injections as HDF5 or LIGO_LW XML (by extension), atomically. */
export async function writeInjections(path: string, set: InjectionSet): Promise<void> {
  if (injectionFormatOf(path) === 'hdf5') await writeInjectionsHdf5(path, set);
  else writeInjectionsXml(path, set);
}
