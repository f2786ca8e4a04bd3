/**
 * The coarse frequency grid of IMRPhenomXHM's multibanding (García-Quirós et al. arXiv:2001.10897 Sec. II;
 * LAL's XLALSimIMRPhenomXMultibandingGrid, LALSimIMRPhenomXHM_multiband.c): uniform sub-grids whose spacing
 * is a whole number of fine bins, growing as f^{11/6} through the inspiral (eqs. 2.8, 2.9, 2.40), then one
 * merger grid up to f_ring + 2 f_damp and one ringdown grid, spaced by the Lorentzian criteria (eqs. 2.27,
 * 2.28, 2.31). All frequencies geometric (M f).
 */

/** One uniform coarse sub-grid: xStart + deltax j, j < length; intdfRatio fine bins per coarse step. */
export interface CoarseGrid {
  xStart: number;
  xMax: number;
  deltax: number;
  length: number;
  intdfRatio: number;
}

/** Fine bins per coarse step for a wanted spacing df: floor(df/evaldMf), at least 1 (LAL's rule in every grid). */
function wholeBins(df: number, evaldMf: number): number {
  return df < evaldMf ? 1 : Math.floor(df / evaldMf);
}

function gridComp(fStart: number, fEnd: number, df: number): CoarseGrid {
  const n = Math.ceil((fEnd - fStart) / df);
  return { xStart: fStart, xMax: fStart + df * n, deltax: df, length: n + 1, intdfRatio: 0 };
}

/** The coarse frequency array and its sub-grids, as LAL assembles them (last grid extended past Mfmax). */
export interface CoarseFrequencies {
  grids: CoarseGrid[];
  points: Float64Array;
}

/** Merger-bin spacing 4 f_damp sqrt(eps/|alpha4|)/sqrt(3 sqrt3) (eq. 2.27). */
export function dfMergerBin(fdamp: number, alpha4: number, eps: number): number {
  return (4 * fdamp * Math.sqrt(eps / Math.abs(alpha4))) / Math.sqrt(Math.sqrt(3) * 3);
}

/** Ringdown-bin spacing: the smaller of the phase (eq. 2.28) and amplitude (eq. 2.31) criteria. */
export function dfRingdownBin(fdamp: number, alpha4: number, lambda: number, eps: number): number {
  const dfPhase = 5 * fdamp * Math.sqrt((eps * 0.5) / Math.abs(alpha4));
  const dfAmp = Math.sqrt(2 * eps) / Math.abs(lambda);
  return dfPhase <= dfAmp ? dfPhase : dfAmp;
}

/**
 * The sub-grids from fstartIn (first fine bin) to Mfmax (LAL's XLALSimIMRPhenomXMultibandingGrid with its
 * special cases, then the caller-side truncation and extension to Mfmax).
 */
export function coarseFrequencies(
  fstartIn: number, fend: number, mfLorentzianEnd: number, mfMax: number, evaldMf: number, dfpower: number, dfcoefficient: number,
  dfmerger: number, dfringdown: number,
): CoarseFrequencies {
  const all: CoarseGrid[] = [];
  let coarse: CoarseGrid = { xStart: 0, xMax: fstartIn, deltax: 0, length: 0, intdfRatio: 0 };
  const dfRatio = (dfcoefficient * Math.pow(fstartIn, dfpower)) / evaldMf;
  let df0original = dfRatio * evaldMf;
  coarse.deltax = df0original;
  let preComputeFirstGrid: number;
  let intdfRatio: number;
  let fEndGrid0 = 0;
  let fStartInspDerefinement: number;
  let df0: number;
  if (dfRatio < 1.0) {
    preComputeFirstGrid = 1;
    intdfRatio = 1;
    df0 = evaldMf;
    fEndGrid0 = Math.pow(evaldMf / dfcoefficient, 1 / dfpower);
    fStartInspDerefinement = fEndGrid0 + 2 * df0;
  } else {
    preComputeFirstGrid = 0;
    intdfRatio = Math.floor(dfRatio);
    fStartInspDerefinement = fstartIn;
  }
  let fEndInsp: number;
  let nDerefine: number;
  let frequencyFactor = 1;
  if (fStartInspDerefinement >= fend) {
    fEndInsp = fStartInspDerefinement;
    nDerefine = 0;
  } else {
    frequencyFactor = Math.pow(2, 1 / dfpower);
    nDerefine = Math.ceil(Math.log(fend / fStartInspDerefinement) / Math.log(frequencyFactor));
    fEndInsp = fStartInspDerefinement * Math.pow(frequencyFactor, nDerefine);
  }
  let nMerger: number;
  let nRingdown: number;
  if (fEndInsp + evaldMf >= mfLorentzianEnd) {
    nMerger = 0;
    nRingdown = fEndInsp + evaldMf >= mfMax ? 0 : 1;
  } else {
    nMerger = 1;
    nRingdown = mfLorentzianEnd > mfMax ? 0 : 1;
  }
  if (preComputeFirstGrid > 0) {
    coarse = gridComp(fstartIn, fEndGrid0, evaldMf);
    coarse.intdfRatio = 1;
    all[0] = coarse;
    fStartInspDerefinement = coarse.xMax;
    df0original = 2 * df0original;
  }
  let mydf = evaldMf;
  if (nDerefine > 0) {
    let nextStart = fStartInspDerefinement;
    for (let index = 0; index < nDerefine; index++) {
      intdfRatio = wholeBins(df0original, evaldMf);
      mydf = evaldMf * intdfRatio;
      const fStart = index + preComputeFirstGrid === 0 ? nextStart : nextStart + mydf;
      coarse = gridComp(fStart, fStart * frequencyFactor, mydf);
      df0original = 2 * df0original;
      nextStart = coarse.xMax;
      coarse.intdfRatio = intdfRatio;
      all[index + preComputeFirstGrid] = coarse;
    }
    fEndInsp = coarse.xMax;
  } else if (preComputeFirstGrid > 0) {
    fEndInsp = coarse.xMax;
  }
  if (nMerger > 0) {
    df0original = dfmerger;
    if (2 * coarse.deltax < dfmerger) df0original = 2 * coarse.deltax;
    intdfRatio = wholeBins(df0original, evaldMf);
    mydf = evaldMf * intdfRatio;
    let fStart = fEndInsp + mydf;
    if (fEndInsp === fstartIn) fStart = fEndInsp;
    if (fStart > mfLorentzianEnd) {
      nMerger = 0;
    } else {
      coarse = gridComp(fStart, mfLorentzianEnd, mydf);
      coarse.intdfRatio = intdfRatio;
      all[preComputeFirstGrid + nDerefine] = coarse;
    }
  }
  if (nRingdown > 0) {
    df0original = dfringdown;
    intdfRatio = wholeBins(df0original, evaldMf);
    mydf = evaldMf * intdfRatio;
    let fStart = coarse.xMax + mydf;
    if (coarse.xMax === fstartIn) fStart = fEndInsp;
    if (fStart > mfMax) {
      nRingdown = 0;
    } else {
      coarse = gridComp(fStart, mfMax, mydf);
      coarse.intdfRatio = intdfRatio;
      all[preComputeFirstGrid + nDerefine + nMerger] = coarse;
    }
  }
  const nUsed = preComputeFirstGrid + nDerefine + nMerger + nRingdown;
  // caller side (IMRPhenomXHMMultiBandOneMode): keep grids until one reaches Mfmax, extend the last one past it
  const grids: CoarseGrid[] = [];
  for (let k = 0; k < nUsed; k++) {
    grids.push(all[k]);
    if (all[k].xMax + evaldMf >= mfMax) break;
  }
  const last = grids[grids.length - 1];
  while (last.xMax < mfMax) {
    last.xMax = last.xMax + last.deltax;
    last.length = last.length + 1;
  }
  let len = 0;
  for (const g of grids) len += g.length;
  const points = new Float64Array(len);
  let i = 0;
  for (const g of grids) for (let l = 0; l < g.length; l++) points[i++] = g.xStart + g.deltax * l;
  return { grids, points };
}
