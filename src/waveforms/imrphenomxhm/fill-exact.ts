/**
 * IMRPhenomXHM without multibanding (LAL's IMRPhenomXHM_MultiMode2): the 22 from IMRPhenomXAS's kernel written
 * straight into h+ and hx with its inclination factors, then the modes (3,2), (2,1), (3,3), (4,4) added block
 * by block by the fused kernel of mode-kernel.ts / mode-block.ts / mode-add.ts (the values of mode-value.ts's modeAmpPhase;
 * the unmixed modes by mode-regions.ts's loops, one per region, the (3,2) by those below its spherical ringdown
 * and mode-spherical.ts's within it, blocks across a region end by modeBlock: the same values to the bit).
 * The (3,2) goes first: its ringdown mixes in the 22, read back from h+ while it holds only the 22
 * (h22 = h+ / (plus YLM amp0)).
 */
import type { FrequencyGrid } from '../../core/grid.js';
import { fillPhenomX } from '../imrphenomx/fill.js';
import { gridPowers } from '../kernel-helpers.js';
import { inclinationFactors } from '../polarizations.js';
import type { WaveformParams } from '../types.js';
import { addModeValues } from './mode-add.js';
import { modeBlock } from './mode-block.js';
import { hasMixedRegionLoops, hasRegionLoops, modeBlockRegions } from './mode-regions.js';
import { blockBelow, blockFrom, sphericalBlock } from './mode-spherical.js';
import { BLOCK_SHIFT, MODE_LENGTH, MODE_SLOT, blockPowers, newBlockPowers, packMode } from './mode-kernel.js';
import type { PhenomXHMSetup } from './setup.js';

/** The XAS kernel's 22 factor: h+ = plus YLM h22 with YLM = -2 sqrt(5/(64 pi)). */
const YLM = -2 * Math.sqrt(5 / (64 * Math.PI));
/** Order in which the higher modes are added (the (3,2) first, see the file header). */
const ADD_ORDER = [32, 21, 33, 44];

/**
 * fillExact's per-call buffers (a block's powers and values, sincos scratch, the modes' constants), one set for
 * every call: a fill runs to its end without calling code that could start another.
 */
const BUFFERS = {
  bw: newBlockPowers(),
  cs: new Float64Array(2),
  amp: new Float64Array(1 << BLOCK_SHIFT),
  ampIm: new Float64Array(1 << BLOCK_SHIFT),
  phase: new Float64Array(1 << BLOCK_SHIFT),
  packed: ADD_ORDER.map(() => new Float64Array(MODE_LENGTH)),
  regions: ADD_ORDER.map(() => false),
  mixedRegions: ADD_ORDER.map(() => false),
};

/** Bins [start, stop) that IMRPhenomXHM fills and the frequency test within them (as IMRPhenomXAS). */
export function xhmBins(grid: FrequencyGrid, fMinHz: number, fEndHz: number): { start: number; stop: number; fLoHz: number } {
  const n = grid.frequencies.length;
  if (grid.df !== undefined) {
    const start = Math.min(Math.floor(fMinHz / grid.df), n);
    return { start, stop: Math.min(Math.floor(fEndHz / grid.df) + 1, n), fLoHz: -Infinity };
  }
  return { start: 0, stop: n, fLoHz: fMinHz };
}

/**
 * Fill bins [kLo, kHi) of h+ (and hx) with the sum of the modes (zero outside the model's bins); `tags` chooses
 * the higher modes (all by default; the kernel test adds one at a time).
 */
export function fillExact(
  st: PhenomXHMSetup, grid: FrequencyGrid, params: WaveformParams, hp: Float64Array, hc: Float64Array | null, kLo: number, kHi: number,
  tags: readonly number[] = ADD_ORDER,
): void {
  const r = xhmBins(grid, params.fMinHz, st.xas.fEndHz);
  const freqs = grid.frequencies;
  const fHi = st.xas.fEndHz;
  const factors = inclinationFactors(params.inclination);
  fillPhenomX(st.xas, freqs, r.start, r.stop, r.fLoHz, fHi, factors, hp, hc, kLo, kHi);
  const k0 = Math.max(kLo, r.start);
  const k1 = Math.min(kHi, r.stop);
  if (!(k1 > k0)) return;
  const to22 = 1 / (factors.plus * YLM * st.amp0);
  const { bw, cs, amp, ampIm, phase, packed, regions, mixedRegions } = BUFFERS;
  let count = 0;
  for (const tag of ADD_ORDER) {
    if (!tags.includes(tag)) continue;
    for (const m of st.modes) {
      if (m.mode.tag !== tag || m.amp === null) continue;
      const K = packMode(m, st.amp0, params.inclination, to22, packed[count]);
      regions[count] = hasRegionLoops(K);
      mixedRegions[count] = hasMixedRegionLoops(K);
      count++;
    }
  }
  if (count === 0) return;
  const mSec = st.xas.system.mSec;
  const gridTables = gridPowers(freqs);
  for (let b0 = Math.max(r.start, (k0 >> BLOCK_SHIFT) << BLOCK_SHIFT); b0 < k1;) {
    const b1 = Math.min(((b0 >> BLOCK_SHIFT) + 1) << BLOCK_SHIFT, k1);
    blockPowers(bw, freqs, b0, b1, mSec, r.fLoHz, fHi, gridTables);
    const iWrite = Math.max(0, k0 - b0);
    for (let j = 0; j < count; j++) {
      const K = packed[j];
      if (regions[j] || (mixedRegions[j] && blockBelow(bw, b1 - b0, Math.min(K[MODE_SLOT.aInt], K[MODE_SLOT.pRD])))) {
        modeBlockRegions(K, bw, b1 - b0, amp, phase, ampIm);
      } else if (K[MODE_SLOT.mixing] !== 0 && blockFrom(bw, b1 - b0, Math.max(K[MODE_SLOT.aInt], K[MODE_SLOT.pRD]))) {
        sphericalBlock(K, bw, b1 - b0, hp, b0, iWrite, K[MODE_SLOT.to22], amp, phase, ampIm, cs);
      } else modeBlock(K, bw, b1 - b0, hp, b0, iWrite, K[MODE_SLOT.to22], amp, phase, 0, cs, null, 0, ampIm);
      addModeValues(K, bw, b0, iWrite, b1 - b0, amp, ampIm, phase, hp, hc, cs);
    }
    b0 = b1;
  }
}
