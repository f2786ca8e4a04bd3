/**
 * Placement speed on a 4D analytic metric: the flat metric of φ(x) = k (e^{1.5 x0}, x1 + 0.6 x0^2, x2, x3)
 * pulled back to the unit box (sqrt|det M| varies by e^1.5 across it, ellipses shear), MM = 0.97,
 * sampler ∝ sqrt|det M| by rejection from uniform (what a trained flow approximates), metric free
 * (analytic), so the numbers are the placement's own cost. Prints, for random placement, templates
 * per second and the template count against the requested covering fraction (with the prediction made
 * before a third of the run, the held-out coverage, and exact distance checks per template versus the
 * livepoints mbank checks per template); for stochastic placement (metric at the template / at the
 * proposal) templates per second; and the pruning pass.
 * Run: `npx tsx bench/placement.bench.ts [k]` (default k = 1.3).
 */
import { Rng } from '../src/core/rng.js';
import { placeRandom } from '../src/placement/random.js';
import { placeStochastic } from '../src/placement/stochastic.js';
import { DefensiveMixtureSampler } from '../src/placement/mixture.js';
import { pruneBank } from '../src/placement/prune.js';
import { RejectionSampler, UniformBoxSampler, boxChecker } from '../src/placement/samplers.js';
import type { PlacementProgress } from '../src/placement/types.js';
import { heldOutCoverage, warpedMetric } from '../test/placement/analytic.js';

const dim = 4;
const k = Number(process.argv[2] ?? 1.3);
const MM = 0.97;
const prob = warpedMetric(dim, k);
const sampler = new RejectionSampler(new UniformBoxSampler(prob.lo, prob.hi), prob.sqrtDet, prob.sqrtDetMax);
const inside = boxChecker(prob.lo, prob.hi);
const common = { minimalMatch: MM, sampler, metric: prob.field, inside };
const held = await sampler.sample(2000, new Rng(999));
const heldUniform = new UniformBoxSampler(prob.lo, prob.hi).sample(2000, new Rng(998));
const volume = k ** dim * (Math.exp(1.5) - 1);
const cell = (Math.PI ** 2 / 2) * (1 - MM) ** 2;
console.log(`4D warped metric, k = ${k}: volume ${volume.toFixed(2)}, cell volume ${cell.toExponential(3)}, V/V_cell = ${(volume / cell).toFixed(0)}`);

const nLive = 2000;
console.log(`\nrandom placement, ${nLive} livepoints (placing stage only; livepoint metrics excluded):`);
console.log('  held-out: 2000 points from the sampler (the livepoints\' measure) / 2000 uniform points');
console.log('  eta    templates  predicted (made at)  ln(1/(1-eta))V/Vcell  held-out (uniform)  templates/s  checks/template');
let lastBank: Float64Array = new Float64Array(0);
for (const eta of [0.5, 0.7, 0.8, 0.9, 0.95]) {
  const trace: PlacementProgress[] = [];
  const r = await placeRandom({ ...common, rng: new Rng(1), livepoints: nLive, coveringFraction: eta, onProgress: (p) => trace.push(p) });
  const early = trace.filter((p) => p.stage === 'placing' && p.templates <= r.count / 3 && p.predictedCount !== null).pop();
  const at = early?.templates ?? 0;
  const cov = await heldOutCoverage(prob.field, held, r.templates, dim, MM);
  const covU = await heldOutCoverage(prob.field, heldUniform, r.templates, dim, MM);
  const rate = r.count / (r.stats.timeMs.placing / 1000);
  console.log(`  ${eta.toFixed(2)}  ${String(r.count).padStart(9)}  ${`${early?.predictedCount ?? '-'} (${at})`.padStart(19)}  ${(Math.log(1 / (1 - eta)) * volume / cell).toFixed(0).padStart(20)}  ${`${cov.toFixed(3)} (${covU.toFixed(3)})`.padStart(18)}  ${rate.toFixed(0).padStart(11)}  ${(r.stats.distanceChecks / r.count).toFixed(1).padStart(8)}  (mbank: every alive livepoint, up to ${nLive})`);
  if (eta === 0.9) lastBank = r.templates;
}

console.log('\npruning the eta = 0.9 random bank (64 probe points per template):');
{
  const n = lastBank.length / dim;
  const t0 = performance.now();
  const pr = await pruneBank(lastBank, { ...common, rng: new Rng(2) });
  const s = (performance.now() - t0) / 1000;
  const before = await heldOutCoverage(prob.field, held, lastBank, dim, MM);
  const after = await heldOutCoverage(prob.field, held, pr.templates, dim, MM);
  console.log(`  ${n} -> ${pr.count} templates (removed ${pr.removed}, ${(100 * pr.removed / n).toFixed(1)}%), held-out coverage ${before.toFixed(3)} -> ${after.toFixed(3)}, ${s.toFixed(2)} s (${(n / s).toFixed(0)} templates/s)`);
}

console.log('\nstochastic placement, emptyIterations = 200:');
for (const metricAt of ['template', 'proposal'] as const) {
  const t0 = performance.now();
  const r = await placeStochastic({ ...common, rng: new Rng(1), emptyIterations: 200, metricAt });
  const s = (performance.now() - t0) / 1000;
  const cov = await heldOutCoverage(prob.field, held, r.templates, dim, MM);
  console.log(`  metric at ${metricAt.padEnd(8)}: ${r.count} templates in ${s.toFixed(2)} s = ${(r.count / s).toFixed(0)} templates/s, ${r.stats.proposals} proposals (${(r.stats.proposals / s).toFixed(0)}/s), ${r.stats.metricEvaluations} metric evaluations, ${(r.stats.distanceChecks / r.stats.proposals).toFixed(1)} checks/proposal, held-out coverage ${cov.toFixed(3)}`);
}

console.log('\nrandom placement with a defensive mixture (1 - a) q + a uniform, eta = 0.9, 2000 livepoints:');
console.log('  q = matched (∝ sqrt|det M|) or cornerless (∝ sqrt|det M| but 0 where x0 > 0.7 and x1 > 0.7: a flow that missed a corner)');
console.log('  a = 0: stop on the livepoint count (mbank); a > 0: stop on the importance-weighted fraction');
console.log('  sampler     a     templates  estimate ± error (ESS)   held-out (p-distributed)  placing s');
{
  const z = prob.sqrtDetMax / 1.5 * (1 - Math.exp(-1.5)); // ∫ sqrt|det M| over the unit box = k^D (e^1.5 - 1)
  const inCorner = (x: ArrayLike<number>) => x[0] > 0.7 && x[1] > 0.7;
  const zCorner = k ** dim * (Math.exp(1.5) - Math.exp(1.05)) * 0.3;
  const matched = { dim, sample: (n: number, rng: Rng) => sampler.sample(n, rng), logDensity: (rows: Float64Array) => prob.sqrtDet(rows).map((v) => Math.log(v / z)) };
  const cornerBase = new RejectionSampler(new UniformBoxSampler(prob.lo, prob.hi), (rows) => prob.sqrtDet(rows).map((v,
    i) => (inCorner(rows.subarray(i * dim, (i + 1) * dim)) ? 0 : v)), prob.sqrtDetMax);
  const cornerless = {
    dim, sample: (n: number, rng: Rng) => cornerBase.sample(n, rng),
    logDensity: (rows: Float64Array) => prob.sqrtDet(rows).map((v, i) => (inCorner(rows.subarray(i * dim, (i + 1) * dim)) ? -Infinity : Math.log(v / (z - zCorner)))),
  };
  for (const [name, base] of [['matched', matched], ['cornerless', cornerless]] as const) {
    for (const a of [0, 0.1, 0.2]) {
      const s = a > 0 ? new DefensiveMixtureSampler(base, { lo: prob.lo, hi: prob.hi, uniformFraction: a, inside }) : base;
      const r = await placeRandom({ ...common, sampler: s, rng: new Rng(1), livepoints: nLive, coveringFraction: 0.9, coverage: a > 0 ? 'weighted' : 'count' });
      const cov = await heldOutCoverage(prob.field, held, r.templates, dim, MM);
      const w = r.weighted;
      const est = `${r.coveringFraction.toFixed(3)} ± ${r.coveringFractionError.toFixed(3)} (${w ? w.effectiveSampleSize.toFixed(0) : '-'})`;
      const wNote = a === 0 && w ? ` [weighted ${w.fraction.toFixed(3)} ± ${w.error.toFixed(3)}]` : '';
      console.log(`  ${name.padEnd(10)}  ${a.toFixed(2)}  ${String(r.count).padStart(9)}  ${est.padStart(24)}  ${cov.toFixed(3).padStart(24)}  ${(r.stats.timeMs.placing / 1000).toFixed(2).padStart(9)}${wNote}`);
    }
  }
}
