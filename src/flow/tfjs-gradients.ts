/**
 * Development loader of tfjs-core's gradient registrations (see ./tfjs-gradients-bundle.ts): builds
 * the bundle once per tfjs-core version into node_modules/.cache/mbank-ts and imports it. The
 * compiled package has no such step: `npm run build` writes the bundle as dist/flow/tfjs-gradients.js.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleTfjsGradients, tfjsCoreVersion } from './tfjs-gradients-bundle.js';

const corePackage = createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/package.json');
const cacheFile = join(corePackage, '..', '..', '..', '.cache', 'mbank-ts', `tfjs-gradients-${tfjsCoreVersion()}.mjs`);
if (!existsSync(cacheFile)) await bundleTfjsGradients(cacheFile);
await import(pathToFileURL(cacheFile).href);
