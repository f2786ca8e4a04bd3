/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, one after the other (so they do
 * not compete for cores), and prints their numbers. `npm run bench -- match` runs the matching ones.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f}`);
  // h5wasm loads before tsx (bin/mbank-ts says why: 0.6 GB of resident memory)
  const r = spawnSync(process.execPath, ['--import', 'h5wasm/node', '--import', 'tsx', path.join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (failed > 0) {
  console.error(`${failed} benchmark script(s) failed`);
  process.exit(1);
}
