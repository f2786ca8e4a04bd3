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
import { imrPhenomXP } from './imrphenomxp/model.js';
import { imrPhenomXPHM } from './imrphenomxphm/model.js';
import { taylorF2 } from './taylorf2.js';
import { taylorF2Ecc } from './taylorf2ecc/model.js';
import type { FrequencyListModel, WaveformModel } from './types.js';

const MODELS: readonly WaveformModel[] = [
  // one entry per model, e.g. taylorF2, imrPhenomD
  taylorF2,
  imrPhenomD,
  imrPhenomPv2,
  imrPhenomXAS,
  eccentricFD,
  imrPhenomXHM,
  imrPhenomXP,
  taylorF2Ecc,
  imrPhenomXPHM,
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

/**
 * `model` as a FrequencyListModel (generateAt, generateAtInto, supportEndHz all defined), for `purpose`
 * (e.g. "--metric-grid quadrature"); throws MbankError naming the approximant when it has none of them.
 */
export function requireFrequencyList(model: WaveformModel, purpose: string): FrequencyListModel {
  if (hasFrequencyList(model)) return model;
  throw new MbankError(
    `approximant = ${showValue(model.name)}: ${purpose} needs waveforms at arbitrary frequencies (generateAt), which this model does not provide; ` +
      `models that do: ${MODELS.filter(hasFrequencyList).map((m) => m.name).join(', ')}`,
  );
}

/** True when `model` defines generateAt, generateAtInto and supportEndHz. */
export function hasFrequencyList(model: WaveformModel): model is FrequencyListModel {
  return typeof model.generateAt === 'function' && typeof model.generateAtInto === 'function' && typeof model.supportEndHz === 'function';
}
