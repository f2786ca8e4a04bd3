/**
 * Import of mbank's trained flows (`STD_GW_Flow.save_weigths`: torch.save of the state dict, with
 * glasflow/nflows parameter names). The architecture is inferred from the keys as mbank's
 * `load_flow` does (D from the box, one NaiveLinear + MAF per layer, hidden features from the
 * MADE weights), the stored MADE masks/degrees are checked against ours, and every tensor is
 * copied under the same name (our weight files use mbank's names).
 */
import { readFileSync } from 'node:fs';
import { MbankError } from '../../core/errors.js';
import { STDFlow, TRANSFORM_PREFIX } from '../std-flow.js';
import type { NamedTensor } from '../safetensors.js';
import { assignFlowTensors } from '../weights.js';
import { MaskedAffineAutoregressiveTransform } from '../transforms/masked-affine.js';
import { readTorchStateDict, type TorchTensor } from './state-dict.js';

/** Build an STDFlow holding the weights of an mbank state dict. */
export function stdFlowFromMbankStateDict(dict: Map<string, TorchTensor>, source = 'mbank flow'): STDFlow {
  const fail = (why: string): never => {
    throw new MbankError(`${source}: not an mbank STD_GW_Flow state dict (${why})`);
  };
  const layers = new Map<number, Map<string, TorchTensor>>();
  for (const [key, t] of dict) {
    if (!key.startsWith(TRANSFORM_PREFIX)) continue;
    const rest = key.slice(TRANSFORM_PREFIX.length);
    const dot = rest.indexOf('.');
    const i = Number(rest.slice(0, dot));
    if (!Number.isInteger(i)) fail(`key ${key}`);
    if (!layers.has(i)) layers.set(i, new Map());
    (layers.get(i) as Map<string, TorchTensor>).set(rest.slice(dot + 1), t);
  }
  const n = layers.size;
  for (let i = 0; i < n; i++) if (!layers.has(i)) fail(`transform ${i} is missing`);
  const first = layers.get(0);
  const low = first?.get('low');
  const high = first?.get('high');
  if (!low || !high) fail('transform 0 is not a TanhTransform with low/high');
  const dim = (low as TorchTensor).data.length;
  if ((n - 1) % 2 !== 0 || n < 3) fail(`${n} transforms; expected 1 + 2 x n_layers`);
  const nLayers = (n - 1) / 2;
  const hidden: number[] = [];
  let numBlocks = -1;
  let residual = true;
  for (let l = 0; l < nLayers; l++) {
    const lin = layers.get(2 * l + 1) as Map<string, TorchTensor>;
    const maf = layers.get(2 * l + 2) as Map<string, TorchTensor>;
    if (!lin.has('_weight') || !lin.has('bias')) fail(`transform ${2 * l + 1} is not a NaiveLinear`);
    const init = maf.get('autoregressive_net.initial_layer.weight');
    if (!init) fail(`transform ${2 * l + 2} is not a MaskedAffineAutoregressiveTransform`);
    hidden.push((init as TorchTensor).shape[0]);
    const blocks = new Set<number>();
    let res = false;
    for (const k of maf.keys()) {
      const m = /^autoregressive_net\.blocks\.(\d+)\.(linear_layers|linear)\./.exec(k);
      if (m) {
        blocks.add(Number(m[1]));
        res = m[2] === 'linear_layers';
      }
    }
    if (numBlocks >= 0 && (blocks.size !== numBlocks || res !== residual)) fail('layers with different MADE block structure');
    numBlocks = blocks.size;
    residual = res;
  }
  const flow = new STDFlow({
    dim,
    nLayers,
    hiddenFeatures: hidden,
    box: { low: (low as TorchTensor).data, high: (high as TorchTensor).data },
    numBlocks,
    useResidualBlocks: residual,
  });
  try {
    // The stored masks and degrees must be the ones our MADE builds (same autoregressive order).
    flow.transform.transforms.forEach((t, i) => {
      if (!(t instanceof MaskedAffineAutoregressiveTransform)) return;
      for (const [name, b] of Object.entries(t.made.buffers())) {
        const mask = dict.get(`${TRANSFORM_PREFIX}${i}.autoregressive_net.${name}.mask`);
        const deg = dict.get(`${TRANSFORM_PREFIX}${i}.autoregressive_net.${name}.degrees`);
        if (mask && mask.data.some((v, k) => v !== b.mask[k])) fail(`mask of transform ${i} ${name} differs from nflows' MADE masks`);
        if (deg && deg.data.some((v, k) => v !== b.degrees[k])) fail(`degrees of transform ${i} ${name} differ from nflows' MADE degrees`);
      }
    });
    const tensors: Record<string, NamedTensor> = {};
    for (const [k, t] of dict) tensors[k] = { shape: t.shape, data: Float32Array.from(t.data) };
    if (!tensors.constant) tensors.constant = { shape: [1], data: new Float32Array(1) };
    assignFlowTensors(flow, tensors, source);
  } catch (e) {
    flow.dispose();
    throw e;
  }
  return flow;
}

/** Read an mbank flow file (torch.save zip of a STD_GW_Flow state dict) into an STDFlow. */
export function importMbankFlow(path: string): STDFlow {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new MbankError(`mbank flow file = ${JSON.stringify(path)}: cannot be read (${(e as Error).message})`);
  }
  return stdFlowFromMbankStateDict(readTorchStateDict(bytes, path), path);
}
