import { describe, it, expect } from 'vitest';
import { ChirpMassIndex } from '../../src/injections/candidates.js';
import { chirpMass } from '../../src/coordinates/components.js';
import { TemplateCache } from '../../src/injections/template-cache.js';

const m1 = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28];
const m2 = m1.map((m) => m * 0.8);
const mc = m1.map((m, i) => chirpMass(m, m2[i]));

describe('chirp-mass candidate preselection', () => {
  it('selects exactly the templates with |Mc_t - Mc| / Mc < w when enough qualify', () => {
    const idx = new ChirpMassIndex(m1, m2);
    const target = mc[4];
    const sel = idx.select(target, 0.1, 1);
    expect(sel.window).toBe(0.1);
    const expected = mc.map((m, i) => [m, i] as const).filter(([m]) => Math.abs(m - target) / target < 0.1).map(([, i]) => i);
    expect(Array.from(sel.indices).sort((a, b) => a - b)).toEqual(expected);
  });

  it('widens the window by the step until the minimum count qualifies', () => {
    const idx = new ChirpMassIndex(m1, m2);
    const target = mc[0];
    const narrow = idx.select(target, 0.01, 1).indices.length;
    const sel = idx.select(target, 0.01, 5, 0.05);
    expect(narrow).toBeLessThan(5);
    expect(sel.indices.length).toBeGreaterThanOrEqual(5);
    expect(sel.window).toBeGreaterThan(0.01);
    expect(idx.select(target, sel.window - 0.05, 1).indices.length).toBeLessThan(5);
    for (const i of sel.indices) expect(Math.abs(mc[i] - target) / target).toBeLessThan(sel.window);
  });

  it('asks for at most the bank size: a minimum above N returns every template', () => {
    const sel = new ChirpMassIndex(m1, m2).select(mc[9], 0.01, 1500);
    expect(sel.indices.length).toBe(m1.length);
  });

  it('rejects a non-positive window with a message naming the option', () => {
    expect(() => new ChirpMassIndex(m1, m2).select(mc[0], 0, 1)).toThrow(/mchirp-window/);
  });
});

describe('template cache', () => {
  it('keeps at most its capacity and drops the least recently used', () => {
    const cache = new TemplateCache(2);
    const made: number[] = [];
    const make = (i: number) => { made.push(i); return { hp: new Float64Array([i]) }; };
    cache.get(1, make); cache.get(2, make); cache.get(1, make); cache.get(3, make); cache.get(1, make); cache.get(2, make);
    expect(made).toEqual([1, 2, 3, 2]);
    expect(cache.size).toBe(2);
  });
});
