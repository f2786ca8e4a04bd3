/**
 * The public library API of mbank-ts: one line per stage (each folder's index.ts lists its
 * exports); what is not exported here is internal. Plots (src/plot, native canvas) and the command
 * line (src/cli) are not part of it.
 */
export * from './core/index.js';
export * from './waveforms/index.js';
export * from './psd/index.js';
export * from './match/index.js';
export * from './coordinates/index.js';
export * from './metric/index.js';
export * from './flow/index.js';
export * from './bank/index.js';
export * from './placement/index.js';
export * from './injections/index.js';
export * from './pipeline/index.js';
