/** Matches: band -> inner products -> overlap -> match (phase/time maximised), refinement, symphony. */
export * from './band.js';
export * from './workspace.js';
export * from './inner.js';
export { match, matchNormalised, correlation, type MatchResult } from './match.js';
export { matchRefined } from './refine.js';
export * from './symphony.js';
export { symphonyMatchRefined } from './symphony-refine.js';
