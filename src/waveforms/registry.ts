/**
 * Typed registry of approximants by name: add one import and one list entry per model.
 * `getModel` throws a clear error naming the known approximants.
 */
import { MbankError, showValue } from '../core/errors.js';
import { eccentricFD } from './eccentricfd/model.js';
import { imrPhenomD } from './imrphenomd/model.js';
import { imrPhenomPv2 } from './imrphenomp/model.js';
import { imrPhenomXAS } from './imrphenomx/model.js';
import { imrPhenomXHM } from './imrphenomxhm/model.js';
import { taylorF2 } from './taylorf2.js';
import type { WaveformModel } from './types.js';

const MODELS: readonly WaveformModel[] = [
  // one entry per model, e.g. taylorF2, imrPhenomD
  taylorF2,
  imrPhenomD,
  imrPhenomPv2,
  imrPhenomXAS,
  eccentricFD,
  imrPhenomXHM,
];

const BY_NAME = new Map(MODELS.map((m) => [m.name, m]));

/** Names of every registered approximant. */
export function approximantNames(): string[] {
  return [...BY_NAME.keys()].sort();
}

/** The model called `name`; throws MbankError listing the known approximants. */
export function getModel(name: string): WaveformModel {
  const model = BY_NAME.get(name);
  if (!model) {
    throw new MbankError(`approximant = ${showValue(name)}: unknown; available approximants are ${approximantNames().join(', ')}`);
  }
  return model;
}
