/** Template banks: the Bank type and its files (PyCBC HDF5, LIGO_LW XML, plain text). */
export * from './bank.js';
export * from './chirp-time.js';
export * from './template-hash.js';
export * from './hdf5.js';
export * from './ligolw.js';
export * from './xml.js';
export * from './text.js';
export * from './io.js';
export * from './merge.js';
