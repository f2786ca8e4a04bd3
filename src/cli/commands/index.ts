/**
 * Every subcommand of `mbank-ts`, loaded lazily: main.ts imports only the module of the command
 * being run (tfjs, h5wasm and the canvas take seconds to load, and `waveform` needs none of them).
 * Add one entry per command.
 */
import type { CommandModule } from 'yargs';

/** A subcommand: its name, a one-line description for the top-level help, and its module. */
export interface CommandEntry {
  name: string;
  describe: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  load: () => Promise<CommandModule<any, any>>;
}

export const commands: CommandEntry[] = [
  { name: 'waveform', describe: 'write one frequency-domain waveform (h+, hx) as CSV', load: async () => (await import('./waveform.js')).waveformCommand },
  { name: 'match', describe: 'match (phase and time maximised) of two waveforms, as JSON', load: async () => (await import('./match.js')).matchCommand },
  { name: 'metric', describe: 'the metric at one point (metric, eigenvalues, det, logPdf), as JSON', load: async () => (await import('./metric.js')).metricCommand },
  { name: 'dataset', describe: 'draw points flat in the chirp times and write (theta, logPdf, metric) for flow training', load: async () => (await import('./dataset.js')).datasetCommand },
  { name: 'train', describe: 'train a normalizing flow on a dataset and save it (safetensors, with the loss history)', load: async () => (await import('./train.js')).trainCommand },
  { name: 'train-from-metric', describe: 'train a flow directly on 0.5 ln det M computed on the fly (no dataset), reusing every metric evaluation', load: async () => (await import('./train-from-metric.js')).trainFromMetricCommand },
  { name: 'flow', describe: 'evaluate (logprob), sample or describe (info) a trained flow', load: async () => (await import('./flow.js')).flowCommand },
  { name: 'convert-flow', describe: 'convert an mbank flow (.zip torch state dict) to .safetensors', load: async () => (await import('./convert-flow.js')).convertFlowCommand },
  { name: 'place', describe: 'place a template bank (dataset -> flow -> placement); no arguments: the bundled default', load: async () => (await import('./place.js')).placeCommand },
  { name: 'injfile', describe: 'draw injections (flow, box or bank) and write HDF5 / LIGO_LW sim_inspiral XML', load: async () => (await import('./injfile.js')).injfileCommand },
  { name: 'injections', describe: 'fitting factors of injections against a bank, on all cores, resumable', load: async () => (await import('./injections.js')).injectionsCommand },
  { name: 'merge', describe: 'merge banks (--bank, --prune-seams), injection stat shards (--injection-stat) or dataset shards (--dataset)', load: async () => (await import('./merge.js')).mergeCommand },
  { name: 'workflow', describe: 'run injections or dataset as N shards + merge on Slurm or HTCondor: workflow [options] -- <task> <options>', load: async () => (await import('./workflow.js')).workflowCommand },
];
