/**
 * pymc3 flow formulas (`variational/flows.py: Formula`): dash-separated flow names, each optionally
 * repeated with `*N`, e.g. `scale-hh*4-loc`, `planar*10`, `planar*4-radial*3`. Case and spaces are
 * ignored. As in PyMC, the flows apply left to right to the base noise z0 ~ N(0, I):
 * `scale-hh*2-loc` is x = loc(hh(hh(scale(z0)))).
 */
import { MbankError } from '../../core/errors.js';

/** The pymc3 short names of the flows. */
export const PYMC_FLOW_NAMES = ['loc', 'scale', 'planar', 'radial', 'hh'] as const;
/** One of {@link PYMC_FLOW_NAMES}. */
export type PyMCFlowName = (typeof PYMC_FLOW_NAMES)[number];

/** Largest `*N` accepted (a guard against typos like `planar*1000000`). */
export const MAX_REPEAT = 1000;

function bad(formula: string, why: string): never {
  throw new MbankError(
    `flow formula = ${JSON.stringify(formula)}: ${why}; allowed: dash-separated names among ${PYMC_FLOW_NAMES.join(', ')}, each optionally '*N' (e.g. 'scale-hh*4-loc')`,
  );
}

/** The normalised formula (lower case, no spaces) and its expanded list of flows, noise -> data. */
export function parseFormula(formula: string): { formula: string; flows: PyMCFlowName[] } {
  if (typeof formula !== 'string') bad(String(formula), 'must be a string');
  const norm = formula.toLowerCase().replace(/\s+/g, '');
  if (norm === '') bad(formula, 'is empty');
  const flows: PyMCFlowName[] = [];
  for (const part of norm.split('-')) {
    if (part === '') bad(formula, 'has an empty term (check the dashes)');
    const m = /^([a-z]+)(?:\*(\d+))?$/.exec(part);
    if (!m) bad(formula, `term ${JSON.stringify(part)} is not 'name' or 'name*N'`);
    const name = m[1];
    if (!(PYMC_FLOW_NAMES as readonly string[]).includes(name)) bad(formula, `no such flow ${JSON.stringify(name)}`);
    const n = m[2] === undefined ? 1 : Number(m[2]);
    if (!(n >= 1 && n <= MAX_REPEAT)) bad(formula, `repeat count ${m[2]} in ${JSON.stringify(part)} must be 1..${MAX_REPEAT}`);
    for (let i = 0; i < n; i++) flows.push(name as PyMCFlowName);
  }
  return { formula: norm, flows };
}

/** Whether a string parses as a PyMC formula. */
export function isFormula(s: string): boolean {
  try {
    parseFormula(s);
    return true;
  } catch {
    return false;
  }
}
