/**
 * Helpers of test/cluster/run.sh (run with tsx):
 *   injections <out.h5> <n>      n injections of the tiny cluster problem (TaylorF2, M 20-40, q 1-3), seed fixed
 *   same-stat <merged> <ref>     merged stat file equals the unsharded one (everything but the wall time)
 *   same-dataset <merged> <ref>  merged dataset equals the unsharded one (settings, rows, metrics, chunks; text export bytes)
 * Prints one line and exits 1 on a difference.
 */
import { readFileSync } from 'node:fs';
import { Rng } from '../../src/core/rng.js';
import { injectionsFromComponents } from '../../src/injections/draw.js';
import { writeInjections } from '../../src/injections/io.js';
import { readDataset } from '../../src/metric/dataset-file.js';

const [what, a, b] = process.argv.slice(2);
const fail = (msg: string): never => { process.stdout.write(`DIFFERENT: ${msg}\n`); process.exit(1); };
const same = (x: ArrayLike<number> | undefined, y: ArrayLike<number> | undefined, name: string) => {
  const u = Array.from(x ?? []), v = Array.from(y ?? []);
  if (u.length !== v.length) fail(`${name}: ${u.length} vs ${v.length} values`);
  u.forEach((p, i) => { if (!Object.is(p, v[i])) fail(`${name}[${i}]: ${p} vs ${v[i]}`); });
  return u.length;
};

if (what === 'injections') {
  const rng = new Rng(11);
  const comps = Array.from({ length: Number(b) }, () => {
    const M = rng.uniformIn(20, 40), q = rng.uniformIn(1, 3);
    return { m1: (M * q) / (1 + q), m2: M / (1 + q), s1x: 0, s1y: 0, s1z: 0, s2x: 0, s2y: 0, s2z: 0, e: 0, meanano: 0, iota: 0, phi: 0 };
  });
  await writeInjections(a, injectionsFromComponents(comps, rng));
  process.stdout.write(`${comps.length} injections -> ${a}\n`);
} else if (what === 'same-stat') {
  const x = JSON.parse(readFileSync(a, 'utf8')), y = JSON.parse(readFileSync(b, 'utf8'));
  const ff = same(x.ff, y.ff, 'ff');
  x.seconds = y.seconds = 0;
  if (JSON.stringify(x) !== JSON.stringify(y)) fail('stat files differ beyond the wall time');
  process.stdout.write(`same: ${ff} injections, every FF/template/rank/setting identical (FF ${Math.min(...x.ff).toFixed(4)}..${Math.max(...x.ff).toFixed(4)})\n`);
} else if (what === 'same-dataset') {
  const x = await readDataset(a), y = await readDataset(b);
  if (JSON.stringify(x.attributes) !== JSON.stringify(y.attributes)) fail(`attributes ${JSON.stringify(x.attributes)} vs ${JSON.stringify(y.attributes)}`);
  const rows = same(x.logPdf, y.logPdf, 'logPdf');
  same(x.theta, y.theta, 'theta');
  same(x.metric, y.metric, 'metric');
  same(x.positiveDefinite, y.positiveDefinite, 'positiveDefinite');
  same(x.chunkIndex, y.chunkIndex, 'chunkIndex');
  const txt = (p: string) => readFileSync(p.replace(/\.h5$/, '.txt'));
  if (!txt(a).equals(txt(b))) fail('text exports differ');
  process.stdout.write(`same: ${rows} rows, theta/logPdf/metric/chunkIndex/attributes identical, text export byte-identical\n`);
} else {
  fail(`unknown tool ${what}`);
}
