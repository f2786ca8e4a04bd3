/**
 * `mbank-ts convert-flow mbank_flow.zip out.safetensors`: convert a flow saved by mbank
 * (`STD_GW_Flow.save_weigths`, a torch.save zip of the state dict with glasflow/nflows names) into
 * an mbank-ts weight file (same tensor names; the box is mbank's TanhTransform low/high).
 */
import type { CommandModule } from 'yargs';
import { selectBackend, BACKEND_NAMES, type BackendName } from '../../flow/backend.js';
import { importMbankFlow } from '../../flow/torch/mbank-flow.js';
import { saveFlow } from '../../flow/weights.js';

interface ConvertArgs {
  input: string;
  output: string;
  backend: BackendName;
}

/** The `convert-flow` command. */
export const convertFlowCommand: CommandModule<object, ConvertArgs> = {
  command: 'convert-flow <input> <output>',
  describe: 'convert an mbank flow (.zip torch state dict) to an mbank-ts .safetensors weight file',
  builder: (y) =>
    y
      .positional('input', { type: 'string', demandOption: true, describe: 'mbank flow file (.zip)' })
      .positional('output', { type: 'string', demandOption: true, describe: 'output weight file (.safetensors)' })
      .option('backend', { type: 'string', default: 'auto', choices: [...BACKEND_NAMES], describe: 'tfjs backend' }) as never,
  handler: async (args) => {
    await selectBackend(args.backend);
    const flow = importMbankFlow(args.input);
    saveFlow(flow, args.output, { converted_from: args.input, source: 'mbank STD_GW_Flow state dict' });
    const a = flow.architecture();
    const box = flow.box();
    process.stderr.write(
      `convert-flow: D = ${a.dim}, ${a.nLayers} layers, hidden ${a.hiddenFeatures.join('/')}, box low [${Array.from(box?.low ?? []).join(', ')}] high [${Array.from(box?.high ?? []).join(', ')}] -> ${args.output}\n`,
    );
    flow.dispose();
  },
};
