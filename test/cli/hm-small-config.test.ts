import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaceArgs } from '../../src/cli/place/options.js';
import { getModel } from '../../src/waveforms/registry.js';

describe('data/configs/hm-small.ini', () => {
  it('is a place configuration of IMRPhenomXHM in logMq_nonspinning_iotaphi with the symphony metric and no ignored keys', () => {
    const { args, ignored } = parsePlaceArgs([path.join(__dirname, '../../data/configs/hm-small.ini')]);
    expect(ignored).toEqual([]);
    expect(args['variable-format']).toBe('logMq_nonspinning_iotaphi');
    expect(args['metric-type']).toBe('symphony');
    expect(args.psd).toBe('aLIGOZeroDetHighPower');
    expect(args['f-min']).toBe(10);
    expect(getModel(args.approximant as string).only22).toBe(false);
  });
});
