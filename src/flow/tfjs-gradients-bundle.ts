/**
 * Bundles tfjs-core's gradient and chained-op registrations (`dist/register_all_gradients.js`,
 * `tensor.mean()`-style methods) into one ES module. tfjs-core's CommonJS entry (what Node loads)
 * registers only ~24 gradients and no chained ops; the rest ship as ES modules with extensionless imports that plain Node cannot resolve, so the former umbrella package
 * bundled them, and so do we: `npm run build` writes dist/flow/tfjs-gradients.js, and in development
 * ./tfjs-gradients.ts builds the same file once into a cache. The bundle's private copy of core
 * helpers registers into tfjs-core's global engine and registries (as the umbrella's did).
 * Development only (needs esbuild): excluded from the compiled package.
 */
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';

const require = createRequire(import.meta.url);

/** Installed tfjs-core version (the cache key of the development bundle). */
export function tfjsCoreVersion(): string {
  return (require('@tensorflow/tfjs-core/package.json') as { version: string }).version;
}

/** Write the bundle to `outFile` (temporary file + rename, so concurrent writers never expose half a file). */
export async function bundleTfjsGradients(outFile: string): Promise<void> {
  const { build } = await import('esbuild');
  mkdirSync(dirname(outFile), { recursive: true });
  const entry = ['register_all_gradients.js', 'public/chained_ops/register_all_chained_ops.js']
    .map((f) => `import ${JSON.stringify(require.resolve(`@tensorflow/tfjs-core/dist/${f}`))};`).join('\n');
  const result = await build({
    stdin: { contents: entry, loader: 'js', resolveDir: dirname(outFile) }, bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20',
    minify: true, legalComments: 'eof', logLevel: 'silent',
    banner: { js: `// tfjs-core ${tfjsCoreVersion()} gradient and chained-op registrations (Apache-2.0), bundled by mbank-ts.` },
  });
  writeFileAtomic(outFile, result.outputFiles[0]!.contents);
}
