/**
 * Whether a variable format can be used with a waveform model: a coordinate the model ignores would be a
 * flat direction of the metric (det M = 0), so eccentricity coordinates need an eccentric model, spin
 * coordinates a model with spins, and the mean anomaly a model that uses it (none is registered).
 */
import { invalid } from '../core/errors.js';
import type { VariableFormat } from '../coordinates/format.js';
import type { RangeKey } from '../coordinates/part.js';
import type { WaveformModel } from '../waveforms/types.js';

const SPIN_KEYS: readonly RangeKey[] = ['s1', 's2', 'chi', 'theta', 'phi'];

/** @throws MbankError naming the format and the model when a coordinate of `format` has no effect on `model` */
export function checkFormatForModel(format: VariableFormat, model: WaveformModel): void {
  const keys = new Set(format.ranges.map(([k]) => k));
  if (keys.has('meanano')) {
    invalid('variable-format', format.name, `has a mean-anomaly coordinate, which ${model.name} does not use (no registered model does): use an _e format`);
  }
  if (keys.has('e') && model.eccentric !== true) {
    invalid('variable-format', format.name, `has an eccentricity coordinate, but ${model.name} is quasi-circular: use an eccentric model (EccentricFD, TaylorF2Ecc) or a format without _e`);
  }
  if (model.nonSpinning === true && SPIN_KEYS.some((k) => keys.has(k))) {
    invalid('variable-format', format.name, `has spin coordinates, but ${model.name} is non-spinning: use a _nonspinning format (e.g. Mq_nonspinning_e) or the aligned-spin eccentric TaylorF2Ecc`);
  }
}
