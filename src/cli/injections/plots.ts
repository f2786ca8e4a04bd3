/**
 * Figures of `mbank-ts injections --plot` (mbank bin/mbank_injections step 9): the cumulative
 * fitting-factor histogram with the minimal-match line (FF_hist.png), the injections in corner
 * layout split by FF >= MM / FF < MM (injections_corner.png), the FF over every pair of parameters with
 * the injections below MM marked (injections_ff_corner.png), and the first two coordinates coloured by FF
 * (injections_ff.png). Returns the files written.
 */
import { makeDirectory } from '../../core/atomic-write.js';
import { join } from 'node:path';
import { saveCornerPlot, type CornerDataset } from '../../plot/corner.js';
import { saveHistogramChart } from '../../plot/histogram-chart.js';
import { saveScatterChart } from '../../plot/scatter-chart.js';

/** What the plots need: FF per injection (NaN if not done), injection coordinates (N x D) and names. */
export interface InjectionPlotInput {
  dir: string;
  ff: Float64Array;
  metricMatch?: Float64Array;
  points: Float64Array;
  names: readonly string[];
  mm: number;
}

/** Write the figures; see module comment. */
export function writeInjectionPlots(p: InjectionPlotInput): string[] {
  makeDirectory(p.dir);
  const files: string[] = [];
  const D = p.names.length;
  const hist = join(p.dir, 'FF_hist.png');
  const sets = [{ values: p.ff, label: 'fitting factor' }];
  if (p.metricMatch) sets.push({ values: p.metricMatch.map((x) => (x > 0 ? x : 0.01)), label: 'metric match' });
  const lo = Math.min(p.mm - 0.02, ...Array.from(p.ff).filter(Number.isFinite));
  saveHistogramChart(hist, sets, {
    cumulative: true, density: true, fill: false, range: [Math.max(0, lo), 1], bins: 60,
    xLabel: 'fitting factor', yLabel: 'cumulative fraction of injections', title: `${p.ff.length} injections`,
    lines: [{ x: p.mm, label: `MM = ${p.mm}`, dash: [6, 4] }], legend: 'upper left',
  });
  files.push(hist);
  const ok: number[] = [], bad: number[] = [];
  p.ff.forEach((v, i) => { if (Number.isFinite(v)) (v >= p.mm ? ok : bad).push(i); });
  const rows = (idx: number[]) => idx.map((i) => Array.from(p.points.subarray(i * D, (i + 1) * D)));
  const corner = join(p.dir, 'injections_corner.png');
  const data = [{ samples: rows(ok), label: `FF >= ${p.mm} (${ok.length})`, color: '#4c72b0' }];
  if (bad.length > 0) data.push({ samples: rows(bad), label: `FF < ${p.mm} (${bad.length})`, color: '#d62728' });
  saveCornerPlot(corner, data, { names: p.names, lower: 'scatter', title: 'injections by fitting factor' });
  files.push(corner);
  // the fitting factor over every pair of parameters, the injections below MM marked on top
  const all = [...ok, ...bad];
  const ffCorner = join(p.dir, 'injections_ff_corner.png');
  const ffData: CornerDataset[] = [{ samples: rows(all), values: all.map((i) => p.ff[i]) }];
  if (bad.length > 0) ffData.push({ samples: rows(bad), label: `FF < ${p.mm} (${bad.length})`, color: '#d62728', alpha: 0.9, histogram: false });
  saveCornerPlot(ffCorner, ffData, {
    names: p.names, lower: 'scatter', valueRange: [p.mm - 0.1, 1], valueLabel: `FF (clipped at ${(p.mm - 0.1).toFixed(2)})`,
    title: 'fitting factor over pairs of parameters',
  });
  files.push(ffCorner);
  if (D >= 2) {
    const idx = [...ok, ...bad];
    const scatter = join(p.dir, 'injections_ff.png');
    saveScatterChart(scatter, { x: idx.map((i) => p.points[i * D]), y: idx.map((i) => p.points[i * D + 1]), radius: 3 }, {
      xLabel: p.names[0], yLabel: p.names[1], title: 'injections coloured by fitting factor',
      colorBy: { values: idx.map((i) => p.ff[i]), label: 'FF (clipped below at MM - 0.1)', onTop: 'low', range: [p.mm - 0.1, 1] },
    });
    files.push(scatter);
  }
  return files;
}
