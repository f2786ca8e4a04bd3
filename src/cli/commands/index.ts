/** Every subcommand of `mbank-ts`; each file exports one yargs CommandModule. Add one line per command. */
import type { CommandModule } from 'yargs';
import { waveformCommand } from './waveform.js';
import { matchCommand } from './match.js';
import { flowCommand } from './flow.js';
import { convertFlowCommand } from './convert-flow.js';
import { metricCommand } from './metric.js';
import { datasetCommand } from './dataset.js';
import { trainCommand } from './train.js';
import { placeCommand } from './place.js';
import { injfileCommand } from './injfile.js';
import { injectionsCommand } from './injections.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [waveformCommand, matchCommand, flowCommand, convertFlowCommand, metricCommand, datasetCommand, trainCommand, placeCommand, injfileCommand, injectionsCommand];
