/** Reading PyTorch state dicts (zip + pickle) and reproducing an mbank-trained flow. */
import { readFileSync } from 'node:fs';
import * as tf from '../../src/flow/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MbankError } from '../../src/core/errors.js';
import { PyGlobal, unpickle } from '../../src/flow/torch/pickle.js';
import { readTorchStateDict } from '../../src/flow/torch/state-dict.js';
import { readZip } from '../../src/flow/torch/zip.js';
import { importMbankFlow, stdFlowFromMbankStateDict } from '../../src/flow/torch/mbank-flow.js';
import { decodeFlow, encodeFlow } from '../../src/flow/weights.js';
import { maxAbsDiff, useTestBackend } from './helpers.js';

const MBANK_ZIP = 'test/fixtures/mbank-flow/flow_sbankci.zip';
const fixture = JSON.parse(readFileSync('test/fixtures/mbank-flow/log_prob.json', 'utf8')) as {
  state_dict_shapes: Record<string, number[]>;
  points: number[][];
  log_prob: number[];
};

beforeAll(useTestBackend);

describe('pickle reader', () => {
  const hooks = {
    reduce(f: unknown, args: unknown[]) {
      if (f instanceof PyGlobal && f.qualifiedName === 'collections.OrderedDict' && args.length === 0) return new Map();
      // Protocol 2 stores Python 3 bytes as _codecs.encode(latin-1 str, 'latin1').
      if (f instanceof PyGlobal && f.qualifiedName === '_codecs.encode') return Uint8Array.from(args[0] as string, (c) => c.charCodeAt(0));
      throw new Error(`unexpected callable ${String(f)}`);
    },
    persistentLoad: () => {
      throw new Error('no persistent ids here');
    },
  };
  for (const proto of ['p2', 'p4']) {
    it(`decodes ints (small, negative, 2^40, 2^70), floats, strings, None, bools, bytes, tuples, lists and dicts (${proto})`, () => {
      const v = unpickle(readFileSync(`test/fixtures/flow/sample-${proto}.pkl`), hooks) as Map<string, unknown>;
      expect([...v.keys()]).toEqual(['a', 'b', 'c', 'd']);
      expect(v.get('a')).toEqual([1, -2, 300, 70000, -70000, 2 ** 40, 2n ** 70n, -(2n ** 70n)]);
      expect(v.get('b')).toEqual([1.5, 'x', null, true, false]);
      expect((v.get('c') as Map<string, Uint8Array>).get('k')).toEqual(new Uint8Array([0, 1]));
      expect(v.get('d')).toEqual([]);
    });
  }

  it('refuses truncated data and unknown opcodes with MbankError', () => {
    const b = readFileSync('test/fixtures/flow/sample-p2.pkl');
    expect(() => unpickle(b.subarray(0, 40), hooks)).toThrow(MbankError);
    expect(() => unpickle(new Uint8Array([0x80, 2, 0xff]), hooks)).toThrow(MbankError);
  });
});

describe('zip reader', () => {
  it('reads deflated entries byte for byte', () => {
    const z = readZip(readFileSync('test/fixtures/flow/deflated.zip'));
    expect(new TextDecoder().decode(z.get('archive/hello.txt'))).toBe('hello flow '.repeat(50));
    const bin = z.get('archive/data/0') as Uint8Array;
    expect(bin.length).toBe(1024);
    expect(Array.from(bin).every((v, i) => v === i % 256)).toBe(true);
  });

  it('rejects a file that is not a zip archive', () => {
    expect(() => readZip(new Uint8Array(100))).toThrow(MbankError);
  });
});

describe('mbank flow import', () => {
  it('reads the 55 state-dict tensors of the mbank flow with their shapes, in order', () => {
    const dict = readTorchStateDict(readFileSync(MBANK_ZIP));
    expect([...dict.keys()]).toEqual(Object.keys(fixture.state_dict_shapes));
    for (const [k, t] of dict) expect(t.shape, k).toEqual(fixture.state_dict_shapes[k]);
    const degrees = dict.get('_transform._transforms.2.autoregressive_net.final_layer.degrees');
    expect(degrees?.dtype).toBe('LongStorage');
    expect(Array.from(degrees?.data ?? [])).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("reproduces mbank's log_prob of the 200 reference points to 3e-5", () => {
    const flow = importMbankFlow(MBANK_ZIP);
    expect(flow.architecture().hiddenFeatures).toEqual([30, 30]);
    const lp = flow.logProb(tf.tensor2d(fixture.points));
    // achieved 2.4e-6 (a few float32 ulps of |log_prob| ~ 10); 12x rather than 100x, since 100x is 2e-4
    expect(maxAbsDiff(lp.dataSync(), fixture.log_prob)).toBeLessThan(3e-5);
    lp.dispose();
    flow.dispose();
  });

  it('gives the same log_prob after conversion to a safetensors weight file', () => {
    const flow = importMbankFlow(MBANK_ZIP);
    const { flow: back } = decodeFlow(encodeFlow(flow));
    const x = tf.tensor2d(fixture.points);
    expect(Array.from(back.logProb(x).dataSync())).toEqual(Array.from(flow.logProb(x).dataSync()));
    expect(Array.from(back.constant.dataSync())).toEqual(Array.from(flow.constant.dataSync()));
    flow.dispose();
    back.dispose();
  });

  it('refuses a state dict whose MADE masks differ from the nflows ones', () => {
    const dict = readTorchStateDict(readFileSync(MBANK_ZIP));
    const mask = dict.get('_transform._transforms.4.autoregressive_net.final_layer.mask');
    if (!mask) throw new Error('fixture lacks the mask');
    mask.data[0] = 1 - mask.data[0];
    expect(() => stdFlowFromMbankStateDict(dict)).toThrow(/mask/);
  });

  it('refuses a state dict that is not an STD_GW_Flow', () => {
    const dict = readTorchStateDict(readFileSync(MBANK_ZIP));
    dict.delete('_transform._transforms.0.low');
    expect(() => stdFlowFromMbankStateDict(dict)).toThrow(MbankError);
  });
});
