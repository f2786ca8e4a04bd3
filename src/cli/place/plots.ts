/**
 * Figures of `place --plot` (mbank bin/mbank_place_templates `bank.png`, `hist.png`, plus the
 * flow checks of mbank_train_flow), so that one run shows the bank and whether its flow can be
 * trusted: bank.png (templates, corner, bank coordinates), bank_m1m2.png (corner in m1, m2 and the
 * other physical coordinates), bank_density.png (template density: 1-D histograms and 2-D density),
 * flow_loss.png (loss history kept in the flow file), flow_vs_dataset.png (flow samples against the
 * dataset the flow was trained on, when known), flow_accuracy.png (log q + C - 0.5 ln det M).
 */
import { join } from 'node:path';
import type { PlacePlotInput } from '../../pipeline/place/run.js';
import { saveCornerPlot } from '../../plot/corner.js';
import { saveHistogramChart, type HistogramDataset } from '../../plot/histogram-chart.js';
import { saveLineChart } from '../../plot/line-chart.js';

function stride(a: Float64Array, dim: number, m: number): Float64Array {
  const n = a.length / dim;
  if (n <= m) return a;
  const out = new Float64Array(m * dim);
  for (let i = 0; i < m; i++) out.set(a.subarray(Math.floor((i * n) / m) * dim, (Math.floor((i * n) / m) + 1) * dim), i * dim);
  return out;
}

/** Write the figures; returns the files written. */
export function writePlacePlots(p: PlacePlotInput): string[] {
  const files: string[] = [];
  const m = p.maxPoints ?? 5000;
  const coords = p.bank.coordinates!.values;
  const D = p.names.length;
  const title = `${p.bank.size} templates, MM ${p.bank.metadata.minimalMatch}`;
  const bankPng = join(p.dir, 'bank.png');
  saveCornerPlot(bankPng, { samples: stride(coords, D, m), label: 'templates' }, { names: p.names, title });
  files.push(bankPng);

  const t = p.bank.templates;
  const phys: { name: string; values: Float64Array }[] = [{ name: 'm1', values: t.mass1 }, { name: 'm2', values: t.mass2 }];
  for (const [name, col] of [['s1x', t.spin1x], ['s1y', t.spin1y], ['s1z', t.spin1z], ['s2x', t.spin2x], ['s2y', t.spin2y], ['s2z', t.spin2z],
    ['iota', t.inclination], ['phi', t.phiRef], ['e', t.eccentricity], ['meanano', t.meanAnomaly]] as const) {
    if (col !== undefined && col.some((v) => v !== 0)) phys.push({ name, values: col });
  }
  const n = p.bank.size;
  const rows = new Float64Array(n * phys.length);
  for (let i = 0; i < n; i++) phys.forEach((c, j) => { rows[i * phys.length + j] = c.values[i]; });
  const m1m2 = join(p.dir, 'bank_m1m2.png');
  saveCornerPlot(m1m2, { samples: stride(rows, phys.length, m), label: 'templates' }, { names: phys.map((c) => c.name), title: `${title} (physical)` });
  files.push(m1m2);

  const density = join(p.dir, 'bank_density.png');
  saveCornerPlot(density, { samples: coords, label: 'templates' }, { names: p.names, lower: 'hist2d', title: 'template density' });
  files.push(density);

  if (p.history && p.history.trainLoss.length > 0) {
    const h = p.history;
    const positive = [...h.trainLoss, ...h.validationLoss].every((v) => !Number.isFinite(v) || v > 0);
    const loss = join(p.dir, 'flow_loss.png');
    saveLineChart(loss, [
      { x: h.trainLoss.map((_, i) => i), y: h.trainLoss, label: 'train', width: 1 },
      { x: h.validationSteps, y: h.validationLoss, label: 'validation' },
    ], { title: `flow ${h.loss} loss (${h.stopReason}, best step ${h.bestStep})`, xLabel: 'step', yLabel: 'loss', logY: positive });
    files.push(loss);
  }

  const nFlow = p.dataset ? Math.min(m, p.dataset.length / D) : m;
  const samples = p.flow.sampleWithinBox(nFlow, { seed: p.seed }).x;
  const vs = join(p.dir, 'flow_vs_dataset.png');
  saveCornerPlot(vs, p.dataset ? [{ samples: stride(p.dataset, D, m), label: 'dataset' }, { samples, label: 'flow' }] : [{ samples, label: 'flow' }], {
    names: p.names, title: p.dataset ? 'flow samples (~ sqrt|det M|) vs its training dataset (chirp-time flat)' : 'flow samples (training dataset unknown)',
  });
  files.push(vs);

  const sets: HistogramDataset[] = p.residuals.filter((r) => r.values.length > 0).map((r) => ({ values: Float64Array.from(r.values, (v) => v / Math.LN10), label: r.label }));
  if (sets.length > 0) {
    const acc = join(p.dir, 'flow_accuracy.png');
    saveHistogramChart(acc, sets, {
      title: 'flow accuracy', xLabel: 'log10 q + C/ln10 - log10 sqrt|det M|', yLabel: 'density', bins: 40, density: true,
      lines: [{ x: 0, color: '#000000', dash: [4, 4] }],
    });
    files.push(acc);
  }
  return files;
}
