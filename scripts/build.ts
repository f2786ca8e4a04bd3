/**
 * `npm run build`: compiles src/ to dist/ (tsc: JavaScript, .d.ts, source maps with the sources
 * inlined), copies the worker-thread entry and writes the tfjs gradient bundle that the compiled
 * flow library imports (src/flow/tfjs-gradients-bundle.ts says why).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleTfjsGradients } from '../src/flow/tfjs-gradients-bundle.js';

const root = new URL('../', import.meta.url);
const at = (p: string) => new URL(p, root);
rmSync(at('dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
copyFileSync(at('src/core/worker-entry.mjs'), at('dist/core/worker-entry.mjs'));
// The development loader of the gradients (and its esbuild step) is replaced by the bundle itself.
for (const f of ['tfjs-gradients-bundle.js', 'tfjs-gradients-bundle.js.map', 'tfjs-gradients-bundle.d.ts', 'tfjs-gradients.js.map']) {
  rmSync(at(`dist/flow/${f}`));
}
await bundleTfjsGradients(fileURLToPath(at('dist/flow/tfjs-gradients.js')));
writeFileSync(at('dist/flow/tfjs-gradients.d.ts'), 'export {};\n');
